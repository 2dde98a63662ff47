"""Read-only questions front ends may ask of a state, so they never reach into the engine's workings."""

from __future__ import annotations

from collections.abc import Callable

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
