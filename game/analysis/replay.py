"""Deterministic playthroughs: the same scenario, seed and choices always give the same record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.analysis.policies import Choice, Policy
from game.engine import rng
from game.engine.actions import EndDay, ReleaseInject, Respond, TakeAction, action_key
from game.engine.api import new_game, step
from game.engine.state import GameEvent, GameState
from game.scenario.model import Scenario

MAX_STEPS = 10_000  # a policy that never ends the day cannot hang a replay


@dataclass
class DayRecord:
    day: int
    date: str
    events: list[GameEvent] = field(default_factory=list)
    choices: list[tuple[str, str]] = field(default_factory=list)  # (key, label)


@dataclass
class Playthrough:
    scenario: Scenario
    seed: int
    final: GameState
    days: list[DayRecord]
    states: list[GameState] = field(default_factory=list)  # the state at each dawn, for the debrief

    def to_json(self) -> dict[str, Any]:
        ending = self.scenario.endings.get(self.final.ending or "")
        return {
            "scenario": self.scenario.id,
            "seed": self.seed,
            "days": [
                {
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
                    "actions": [{"id": key, "label": label} for key, label in record.choices],
                }
                for record in self.days
            ],
            "ending": {
                "id": self.final.ending,
                "title": ending.title if ending else "",
                "historical": bool(ending and ending.historical),
            },
        }


def label_of(scenario: Scenario, choice: Choice) -> str:
    if isinstance(choice, TakeAction):
        return scenario.actions[choice.action].label
    if isinstance(choice, ReleaseInject):
        return f"Teacher's inject: {scenario.injects[choice.inject].title}"
    if isinstance(choice, Respond):
        demand = scenario.demands[choice.demand]
        return f"{demand.title}: {demand.responses[choice.response].label}"
    return "End the day"


def play(
    scenario: Scenario, seed: int, policy: Policy, policy_seed: int | None = None
) -> Playthrough:
    """Play one game to its end with `policy`."""
    state, events = new_game(scenario, seed)
    days = [DayRecord(state.day, state.date.isoformat(), list(events))]
    states = [state]
    generator = rng.seed_state(seed if policy_seed is None else policy_seed)
    for _ in range(MAX_STEPS):
        if state.over:
            break
        choice, generator = policy(scenario, state, generator)
        before = state.day
        state, events = step(scenario, state, choice)
        days[-1].choices.append((action_key(choice), label_of(scenario, choice)))
        if state.day != before:
            # events after the dusk belong to the new day; those before it to the old one
            split = next((i for i, e in enumerate(events) if e.kind == "day"), len(events))
            days[-1].events.extend(events[:split])
            days.append(DayRecord(state.day, state.date.isoformat(), list(events[split:])))
            states.append(state)
        else:
            days[-1].events.extend(events)
    return Playthrough(scenario, seed, state, days, states)


def scripted(keys: list[str]) -> Policy:
    """A policy that plays a fixed list of choice keys (`talk`, `first:accept`, `end`), then ends days."""
    remaining = list(keys)

    def policy(scenario: Scenario, state: GameState, generator: int) -> tuple[Choice, int]:
        if not remaining:
            return EndDay(), generator
        return parse_choice(remaining.pop(0)), generator

    return policy


def parse_choice(key: str) -> Choice:
    key = key.strip()
    if key in ("end", "end_day"):
        return EndDay()
    if key.startswith("inject:"):
        return ReleaseInject(inject=key.split(":", 1)[1].strip())
    if ":" in key:
        demand, response = key.split(":", 1)
        return Respond(demand=demand.strip(), response=response.strip())
    return TakeAction(action=key)


def render_log(playthrough: Playthrough) -> str:
    """The readable day-by-day log (also the golden file of the historical replay)."""
    scenario = playthrough.scenario
    lines = [f"{scenario.title} — seed {playthrough.seed}", ""]
    for record in playthrough.days:
        lines.append(f"== Day {record.day}: {record.date} ==")
        for event in record.events:
            if event.kind == "day":
                continue
            lines.append(f"  [{event.kind}] {event.title}")
            if event.text:
                lines.append(f"      {event.text.strip()}".replace("\n", "\n      "))
        for _, label in record.choices:
            lines.append(f"  > {label}")
        lines.append("")
    ending = scenario.endings.get(playthrough.final.ending or "")
    if ending:
        mark = " (the historical ending)" if ending.historical else ""
        lines.append(f"Ending: {ending.title}{mark}")
    return "\n".join(lines) + "\n"
