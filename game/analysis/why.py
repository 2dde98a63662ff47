"""Why the explorer never reached something: which part of its condition never held.

`explain` takes an explorer's report and, only when something was never reached, plays the first
games of the run again (the same seeds and policy, so the very same games) and tests the
conditions of the unreached items on the games' states, part by part. How each kind of item is
checked is `why_items`; the parts of a condition, `why_parts`; the counting, `why_probe`; what is
reported, `why_report`; where each thing is written, `why_source`; the text, `why_render`.

When the states are taken (`MOMENTS`): the engine tests events, reports, demands and actors' rules
during the dawn, each in its turn, where nothing outside the engine can look in; so they are tested
on the state the council opens with, after the dawn (the very state the actions' and answers'
conditions are first tested on), and the report says so. Stage transitions and endings are tested
on the state the council closes with, which is the state dusk tests them on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.analysis import why_source
from game.analysis.policies import CHOOSERS
from game.analysis.why_items import PLANNERS, Context
from game.analysis.why_probe import Probe
from game.analysis.why_report import NOTHING, Explained, WhyReport
from game.engine import rng
from game.engine.actions import EndDay
from game.engine.run import Run
from game.engine.turn import Reader
from game.scenario.model import Scenario

if TYPE_CHECKING:
    from game.analysis.explore import ExploreReport

WHY_GAMES = 200  # games played again to explain what was never reached: enough to see a part
# that held on one day in a hundred, few enough to cost a fraction of a second on one core


# --- playing the games again ----------------------------------------------------------------------


def _play_again(
    scenario: Scenario,
    seed: int,
    policy: str,
    dawn: list[Probe],
    dusk: list[Probe],
    max_steps: int,
) -> None:
    """One game of the run again, as `explore.play_one` plays it (the same choices from the same
    seed), with the probes shown the state as each council opens and as each closes."""
    choose = CHOOSERS[policy]
    run = Run(scenario, seed, quiet=True)
    generator = rng.seed_state(seed)
    day_seen = 0
    for _ in range(max_steps):
        if run.over:
            break
        legal = run.legal()
        if run.day != day_seen:
            day_seen = run.day
            _show(scenario, run, dawn)
        choice, generator = choose(scenario, run.date, legal, generator)
        if choice.__class__ is EndDay:
            _show(scenario, run, dusk)
        run.play(choice)


def _show(scenario: Scenario, run: Run, probes: list[Probe]) -> None:
    if probes:
        reader = Reader(scenario, run.state())
        for probe in probes:
            probe.sample(reader)


def explain(
    report: ExploreReport,
    scenario: Scenario,
    *,
    max_steps: int,
    games: int = WHY_GAMES,
    source: tuple[bytes, str] | None = None,
) -> WhyReport:
    """Why each thing the report found never reached was not: its conditions' parts counted over
    the first `games` games of the run, played again (each cut off after `max_steps` choices, as
    the explorer cuts them), and what is known without playing. With `source` (the YAML bytes
    and name the scenario was loaded from), each item says where it is written."""
    wanted = [(section, ident) for section, ids in report.unreached.items() for ident in ids]
    wanted += [("responses", answer) for answer in report.responses_never_given]
    if not wanted:
        return NOTHING
    count = min(games, report.runs)
    context = Context(
        scenario,
        report,
        count,
        {section: frozenset(ids) for section, ids in report.unreached.items()},
        frozenset(d for g in report.games for d in g.expired),
    )
    items = [PLANNERS[section](context, ident) for section, ident in wanted]
    probes = [probe for item in items for probe in item.probes]
    if probes:
        dawn = [p for p in probes if p.moment == "dawn"]
        dusk = [p for p in probes if p.moment == "dusk"]
        for seed in range(report.seed, report.seed + count):
            _play_again(scenario, seed, report.policy, dawn, dusk, max_steps)
    else:
        count = 0  # nothing to count: every item is explained without playing
    document = why_source.document(source)
    explained = []
    for item in items:
        checks = [
            probe.frozen(why_source.at(document, probe.path or (*item.base, item.condition)))
            for probe in item.probes
        ]
        notes = item.notes + (item.after(checks) if item.after else [])
        shown = tuple(check for check in checks if check.branches)
        where = why_source.where(document, item) if document else ""
        explained.append(
            Explained(item.section, item.ident, item.title, shown, tuple(notes), where)
        )
    return WhyReport(count, tuple(explained))
