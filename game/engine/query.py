"""Read-only questions front ends may ask of a state, so they never reach into the engine's workings."""

from __future__ import annotations

from collections.abc import Callable

from game.engine.api import released_injects
from game.engine.dates import long_date
from game.engine.state import ActiveDemand, GameState
from game.engine.turn import Reader
from game.scenario.model import Scenario


def conditions(scenario: Scenario, state: GameState) -> Callable[[str | None], bool]:
    """A function telling whether a condition of the scenario holds in `state` (which is not changed).

    For what the scenario itself says a front end may show: unit positions on the map, codex
    entries that unlock as the player learns things. Whether an action or answer is possible is
    the engine's to say (`action_options`, `response_options`).
    """
    return Reader(scenario, state).holds


def unlocked_codex(scenario: Scenario, state: GameState | None) -> list[str]:
    """Ids of the codex entries the player may read now (all the always-open ones before a game)."""
    if state is None:
        return [cid for cid, entry in scenario.codex.items() if entry.unlock_when.strip() == "true"]
    holds = conditions(scenario, state)
    return [cid for cid, entry in scenario.codex.items() if holds(entry.unlock_when)]


def due_today(state: GameState, did: str) -> bool:
    """Whether presented demand `did` must be answered today: its deadline is today (or has
    come). The text version's lists and lesson mode ask it."""
    deadline = state.demands[did].deadline
    return deadline is not None and (deadline - state.date).days <= 0


def deadline_words(scenario: Scenario, active: ActiveDemand) -> str:
    """A presented demand's deadline as the player reads it: in the scenario's own words ("noon,
    12 June") while it is where the demand set it, as a date once a stall has moved it (the words
    no longer fit), and "" when there is none. Every screen and report says it this way."""
    if active.deadline is None:
        return ""
    demand = scenario.demands[active.demand]
    if demand.deadline_label and active.deadline == demand.deadline_when_issued(active.issued):
        return demand.deadline_label
    return long_date(active.deadline, weekday=False)


def inject_waits(scenario: Scenario, state: GameState, inject: str) -> str:
    """Why the teacher's lists hold an inject back today: "“TITLE” can be released from 8 June
    1935." before its `not_before`, else "". The lists keep this rule, not the engine, so a game
    saved before the scenario gave an inject its first day still replays its early release."""
    spec = scenario.injects[inject]
    if spec.not_before is None or state.date >= spec.not_before:
        return ""
    # curly quotes: a title may hold straight ones ("Tokyo: 'there is no ultimatum'")
    return f"\u201c{spec.title}\u201d can be released from {long_date(spec.not_before, weekday=False)}."


def inject_mark(scenario: Scenario, state: GameState, inject: str) -> str:
    """How the teacher's lists mark an inject: " (released)", " (from 8 June 1935)", or ""."""
    if inject in released_injects(state.log):
        return " (released)"
    first = scenario.injects[inject].not_before
    if first is not None and state.date < first:
        return f" (from {long_date(first, weekday=False)})"
    return ""
