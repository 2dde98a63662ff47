"""What the checking passes (validate, lint) share: walking a scenario's parts and reporting findings."""

from __future__ import annotations

from collections.abc import Iterator

from game.scenario.model import Effects, Outcome, Scenario
from game.scenario.source import Diagnostic, Severity
from game.scenario.yaml_source import Path, YamlDocument


class Pass:
    """A checking pass over one scenario: collects findings, each at the position of its text."""

    def __init__(self, scenario: Scenario, document: YamlDocument):
        self.s = scenario
        self.doc = document
        self.found: list[Diagnostic] = []

    def report(
        self,
        path: Path,
        message: str,
        hint: str = "",
        *,
        key: bool = False,
        severity: Severity = "error",
    ) -> None:
        self.found.append(Diagnostic(self.doc.span(path, key=key), message, severity, hint))


def all_effects(s: Scenario) -> Iterator[tuple[Path, Effects]]:
    """Every effects block in the scenario, with its path in the YAML document."""
    for sid, stage in s.stages.items():
        yield ("stages", sid, "on_enter"), stage.on_enter
        yield ("stages", sid, "on_exit"), stage.on_exit
    for eid, event in s.events.items():
        yield ("events", eid, "effects"), event.effects
    for iid, intel in s.intel.items():
        yield ("intel", iid, "effects"), intel.effects
    for did, demand in s.demands.items():
        yield ("demands", did, "on_expiry"), demand.on_expiry
        yield from _outcomes(("demands", did), demand.expiry_outcomes, "expiry_outcomes")
        for rid, response in demand.responses.items():
            yield ("demands", did, "responses", rid, "effects"), response.effects
            yield from _outcomes(("demands", did, "responses", rid), response.outcomes)
    for aid, action in s.actions.items():
        yield ("actions", aid, "effects"), action.effects
        yield from _outcomes(("actions", aid), action.outcomes)
    for aid, actor in s.actors.items():
        for i, rule in enumerate(actor.rules):
            yield ("actors", aid, "rules", i, "effects"), rule.effects
    # a teacher's inject is reachable too (in lesson mode), so it counts as a way in or a change
    for iid, inject in s.injects.items():
        yield ("injects", iid, "effects"), inject.effects


def _outcomes(
    base: Path, outcomes: list[Outcome], key: str = "outcomes"
) -> Iterator[tuple[Path, Effects]]:
    for i, outcome in enumerate(outcomes):
        yield (*base, key, i, "effects"), outcome.effects
