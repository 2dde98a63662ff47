"""The numbers a day's choices keep: each choice keeps the number it was first shown with until
the day ends, in both front ends.

A list numbered afresh after every choice moves numbers under the player's fingers: answering a
demand or using up an action shifts every number below it, and a choice that appears during the
day pushes the others down. Players typing or pressing the number they had just read took an
irreversible concession they never chose (text play-test) or an action they never meant (window
play-test). So a choice new during the day takes the next number after the day's highest, and
nothing else moves. A save holds the state, not the numbers: `resumed_numbers` rebuilds a day's
numbers by playing the day's choices again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.engine.api import states_before_choices
from game.engine.state import GameState
from game.scenario.model import Scenario

# What a front end numbers in a state: its choices' keys, in the order it lists them.
KeysOf = Callable[[Scenario, GameState], Iterable[str]]


def number_new(numbers: dict[str, int], keys: Iterable[str]) -> tuple[int, ...]:
    """Give each key not yet in the day's `numbers` the next number after the day's highest
    (changing `numbers`); return the numbers given, none for the day's first list (its dawn)."""
    fresh = [key for key in keys if key not in numbers]
    first = max(numbers.values(), default=0) + 1
    added = tuple(range(first, first + len(fresh))) if numbers else ()
    numbers.update((key, number) for number, key in enumerate(fresh, first))
    return added


def forget_after(by_day: dict[int, dict[str, int]], day: int) -> None:
    """A game taken back to `day` (practice): the later days' numbers belonged to the line of
    play abandoned, and a day reached again is numbered afresh at its dawn (review: day 4 came
    back with the old line's numbers, 1 an action now used up)."""
    for later in [d for d in by_day if d > day]:
        del by_day[later]


def resumed_numbers(scenario: Scenario, state: GameState, keys_of: KeysOf) -> dict[str, int]:
    """The numbers of today's choices as they stood when `state` was saved mid-day.

    The game is replayed from its seed through the choices in its log (the engine is
    deterministic), and from today's dawn the list is numbered before each of today's choices, as
    the council numbered it. If nothing was chosen today, or the replay does not arrive at `state`
    (a save of a scenario since changed, say), the day is numbered afresh ({}), as at its dawn.
    """
    log = state.log
    today = next((i for i, entry in enumerate(log) if entry.day == state.day), len(log))
    if today == len(log):
        return {}
    before = states_before_choices(scenario, state)
    if before is None:
        return {}
    numbers: dict[str, int] = {}
    for earlier in before[today:]:
        number_new(numbers, keys_of(scenario, earlier))
    return numbers
