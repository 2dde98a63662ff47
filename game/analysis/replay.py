"""Deterministic playthroughs: the same scenario, seed and choices always give the same record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from game.analysis.policies import Choice, Policy
from game.engine import rng
from game.engine.actions import (
    EndDay,
    ReleaseInject,
    Respond,
    TakeAction,
    action_key,
    parse_action_key,
)
from game.engine.api import new_game, step
from game.engine.state import GameEvent, GameState
from game.scenario.model import Scenario
from game.scenario.suggest import did_you_mean

MAX_STEPS = 10_000  # a policy that never ends the day cannot hang a replay


CHOICE_FORMS = "a choice is an action id, DEMAND:RESPONSE, inject:INJECT or 'end'"


class ChoiceRecord(NamedTuple):
    """A choice the policy made: taken, or refused by the engine (`rejected` is then its reason)."""

    key: str
    label: str
    rejected: str = ""


@dataclass(frozen=True)
class Stop:
    """Where a playthrough with `stop_at_rejection` stopped: the policy's `step`-th choice (from 0;
    for `scripted`, the index of its key), refused by the engine on `day`."""

    step: int
    day: int
    date: str
    choice: ChoiceRecord


@dataclass
class DayRecord:
    day: int
    date: str
    # the day's events and choices as they came: each choice before what followed from it
    order: list[GameEvent | ChoiceRecord] = field(default_factory=list)

    @property
    def events(self) -> list[GameEvent]:
        return [item for item in self.order if isinstance(item, GameEvent)]

    @property
    def choices(self) -> list[ChoiceRecord]:
        return [item for item in self.order if isinstance(item, ChoiceRecord)]


@dataclass
class Playthrough:
    scenario: Scenario
    seed: int
    final: GameState
    days: list[DayRecord]
    states: list[GameState] = field(default_factory=list)  # the state at each dawn, for the debrief
    stopped: Stop | None = None  # set when a rejected choice ended the playthrough early

    def to_json(self) -> dict[str, Any]:
        ending = self.scenario.endings.get(self.final.ending or "")
        stopped = self.stopped
        return {
            "scenario": self.scenario.id,
            "seed": self.seed,
            "days": [self._day_json(record) for record in self.days],
            "ending": {
                "id": self.final.ending,
                "title": ending.title if ending else "",
                "historical": bool(ending and ending.historical),
            },
            "stopped": None
            if stopped is None
            else {
                "choice": stopped.step + 1,
                "id": stopped.choice.key,
                "label": stopped.choice.label,
                "day": stopped.day,
                "date": stopped.date,
                "reason": stopped.choice.rejected,
            },
        }

    @staticmethod
    def _day_json(record: DayRecord) -> dict[str, Any]:
        day: dict[str, Any] = {
            "day": record.day,
            "date": record.date,
            "events": [
                {
                    "id": e.ref,
                    "kind": e.kind,
                    "title": e.title,
                    "text": e.text,
                    "sources": e.sources,
                }
                for e in record.events
                if e.kind != "day"
            ],
            # only the choices taken: one the engine refused changed nothing
            "actions": [{"id": c.key, "label": c.label} for c in record.choices if not c.rejected],
        }
        rejected = [
            {"id": c.key, "label": c.label, "reason": c.rejected}
            for c in record.choices
            if c.rejected
        ]
        if rejected:
            day["rejected"] = rejected
        return day


def label_of(scenario: Scenario, choice: Choice) -> str:
    """The choice as the player saw it; its key if it names nothing in the scenario."""
    if isinstance(choice, TakeAction):
        action = scenario.actions.get(choice.action)
        return action.label if action else action_key(choice)
    if isinstance(choice, ReleaseInject):
        inject = scenario.injects.get(choice.inject)
        return f"Teacher's inject: {inject.title}" if inject else action_key(choice)
    if isinstance(choice, Respond):
        demand = scenario.demands.get(choice.demand)
        response = demand.responses.get(choice.response) if demand else None
        if demand is None or response is None:
            return action_key(choice)
        return f"{demand.title}: {response.label}"
    return "End the day"


def play(
    scenario: Scenario,
    seed: int,
    policy: Policy,
    policy_seed: int | None = None,
    *,
    stop_at_rejection: bool = False,
) -> Playthrough:
    """Play one game to its end with `policy`.

    A choice the engine refuses changes nothing and is recorded as rejected, with the engine's
    reason. With `stop_at_rejection` the playthrough ends there (`Playthrough.stopped` says where);
    otherwise the policy is asked again.
    """
    state, events = new_game(scenario, seed)
    days = [DayRecord(state.day, state.date.isoformat(), list(events))]
    states = [state]
    stopped: Stop | None = None
    generator = rng.seed_state(seed if policy_seed is None else policy_seed)
    for number in range(MAX_STEPS):
        if state.over:
            break
        choice, generator = policy(scenario, state, generator)
        before = state.day
        state, events = step(scenario, state, choice)
        rejected = next((e.text or e.title for e in events if e.kind == "rejected"), "")
        record = ChoiceRecord(action_key(choice), label_of(scenario, choice), rejected)
        days[-1].order.append(record)
        if rejected:
            # told once, on the choice; the engine's event carries nothing more
            events = [e for e in events if e.kind != "rejected"]
            if stop_at_rejection:
                stopped = Stop(number, state.day, state.date.isoformat(), record)
                break
        if state.day != before:
            # events after the dusk belong to the new day; those before it to the old one
            split = next((i for i, e in enumerate(events) if e.kind == "day"), len(events))
            days[-1].order.extend(events[:split])
            days.append(DayRecord(state.day, state.date.isoformat(), list(events[split:])))
            states.append(state)
        else:
            days[-1].order.extend(events)
    return Playthrough(scenario, seed, state, days, states, stopped)


def scripted(keys: list[str]) -> Policy:
    """A policy that plays a fixed list of choice keys (`talk`, `first:accept`, `end`), then ends days."""
    remaining = list(keys)

    def policy(scenario: Scenario, state: GameState, generator: int) -> tuple[Choice, int]:
        if not remaining:
            return EndDay(), generator
        return parse_choice(remaining.pop(0)), generator

    return policy


def check_choice(scenario: Scenario, key: str) -> tuple[str, str] | None:
    """Whether `key` names something `scenario` has: None, or (the problem, a hint).

    Only the form and the names are checked; whether the choice is possible when it comes up is
    the engine's to say during play.
    """
    key = key.strip()
    if not key:
        return "an empty choice", CHOICE_FORMS
    choice = parse_choice(key)
    if isinstance(choice, EndDay):
        return None
    if isinstance(choice, ReleaseInject):
        if choice.inject in scenario.injects:
            return None
        return f"unknown inject '{choice.inject}'", _hint(
            choice.inject, scenario.injects, "the injects"
        )
    if isinstance(choice, Respond):
        demand = scenario.demands.get(choice.demand)
        if demand is None:
            return f"unknown demand '{choice.demand}'", _hint(
                choice.demand, scenario.demands, "the demands"
            )
        if choice.response in demand.responses:
            return None
        return (
            f"unknown response '{choice.response}' for demand '{choice.demand}'",
            _hint(choice.response, demand.responses, "its responses"),
        )
    if choice.action in scenario.actions:
        return None
    if choice.action in scenario.demands:
        responses = ", ".join(scenario.demands[choice.action].responses)
        return (
            f"'{choice.action}' is a demand, not an action",
            f"write {choice.action}:RESPONSE; its responses: {responses}",
        )
    hint = did_you_mean(choice.action, scenario.actions)
    return f"unknown action '{choice.action}'", hint or CHOICE_FORMS


def _hint(word: str, names: dict[str, Any], listed_as: str) -> str:
    """'did you mean ...?' when `word` looks like a typo, else the names there are."""
    return did_you_mean(word, names) or f"{listed_as}: {', '.join(names) or 'none'}"


def parse_choice(key: str) -> Choice:
    return parse_action_key(key)


def _changes(scenario: Scenario, before: GameState, after: GameState) -> list[str]:
    """What changed from one dawn to the next, for an author reading the log: stats (hidden
    ones too) and flags."""
    moved = [
        f"{stat.label} {before.stats[sid]} \u2192 {after.stats[sid]}"
        + (" (hidden)" if stat.hidden else "")
        for sid, stat in scenario.stats.items()
        if before.stats.get(sid) != after.stats.get(sid)
    ]
    flags = [
        ("" if after.flags[fid] else "not ") + fid
        for fid in scenario.flags
        if before.flags.get(fid) != after.flags.get(fid)
    ]
    if not moved and not flags:
        return []
    # from this dawn to the next (the next dawn's own items included: a step plays both)
    return ["  = by the next dawn: " + "; ".join([*moved, *(f"flag {f}" for f in flags)])]


def render_log(playthrough: Playthrough) -> str:
    """The readable day-by-day log (also the golden file of the historical replay)."""
    scenario = playthrough.scenario
    lines = [f"{scenario.title} — seed {playthrough.seed}", ""]
    states = [*playthrough.states, playthrough.final]
    for index, record in enumerate(playthrough.days):
        lines.append(f"== Day {record.day}: {record.date} ==")
        for item in record.order:  # each choice, then what followed from it
            if isinstance(item, ChoiceRecord):
                if item.rejected:
                    lines.append(f"  ! Rejected: {item.label}")
                    lines.append(f"      {item.rejected}")
                else:
                    lines.append(f"  > {item.label}")
                continue
            if item.kind == "day":
                continue
            lines.append(f"  [{item.kind}] {item.title}")
            if item.text:
                lines.append(f"      {item.text.strip()}".replace("\n", "\n      "))
        if index + 1 < len(states):
            lines += _changes(scenario, states[index], states[index + 1])
        lines.append("")
    stopped = playthrough.stopped
    ending = scenario.endings.get(playthrough.final.ending or "")
    if stopped is not None:
        lines.append(
            f"Stopped: choice {stopped.step + 1} ({stopped.choice.key}) was rejected on day "
            f"{stopped.day}; the choices after it were not played."
        )
    elif ending:
        mark = " (the historical ending)" if ending.historical else ""
        lines.append(f"Ending: {ending.title}{mark}")
    return "\n".join(lines) + "\n"
