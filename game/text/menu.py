"""The day's numbered choices: answers to pending demands, then the day's actions.

Only the engine says what is possible (`response_options`, `action_options`); the menu merely numbers it.
Numbers run through the demands' answers first, then the actions, in the scenario's order. Given
the day's `numbers`, a choice keeps the number it was first shown with for the rest of that day:
answering a demand or using up an action leaves a gap rather than moving every number below it
(players, and advisers voting by number, picked the wrong action when the list shifted). A choice
that appears during the day (the answers to a demand presented by what was just done) takes the
next numbers after the day's highest, out of order but moving nothing: the list used to be
numbered afresh, and a player who typed the number he had just read took an irreversible
concession he never chose (play-test). A game resumed mid-day gets the day's numbers back from
`resumed_numbers`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game import day_numbers
from game.analysis.describe import describe_action, describe_response
from game.analysis.replay import label_of
from game.day_numbers import number_new
from game.engine.actions import (
    EndDay,
    Respond,
    TakeAction,
    action_key,
    parse_action_key,
)
from game.engine.api import action_options, response_options
from game.engine.state import GameState
from game.scenario.model import Scenario

Choice = TakeAction | Respond | EndDay


@dataclass(frozen=True)
class Entry:
    """One numbered line of the menu."""

    number: int
    choice: TakeAction | Respond
    label: str
    cost: int
    available: bool
    reason: str  # why not, when not available
    consequences: str
    category: str = ""  # actions only
    hint: str = ""  # actions only
    demand: str = ""  # answers only: the demand's id
    uses_left: int | None = None  # actions only: how many more times the game allows it
    taken: int = 0  # actions only: how many times it has been taken
    per_day: int = 1  # actions only: how many times a day it can be taken

    @property
    def key(self) -> str:
        return action_key(self.choice)


@dataclass(frozen=True)
class Menu:
    entries: tuple[Entry, ...]
    # numbers shown earlier today whose choice is no longer open (taken, answered, used up), with
    # its label, so that typing one is answered with what it was
    closed: tuple[tuple[int, str], ...] = ()
    # the numbers just given to choices that appeared during the day (after the day's highest),
    # which the player is told of before the list is shown
    added: tuple[int, ...] = ()

    def closed_label(self, number: int) -> str:
        return next((label for n, label in self.closed if n == number), "")

    def by_number(self, number: int) -> Entry | None:
        return next((e for e in self.entries if e.number == number), None)

    def by_key(self, key: str) -> Entry | None:
        return next((e for e in self.entries if e.key == key), None)

    @property
    def answers(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if isinstance(e.choice, Respond))

    @property
    def actions(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if isinstance(e.choice, TakeAction))


def pending_demands(state: GameState) -> list[str]:
    """Ids of the demands awaiting an answer, in the order they were presented."""
    return [did for did, active in state.demands.items() if active.status == "pending"]


def build_menu(scenario: Scenario, state: GameState, numbers: dict[str, int] | None = None) -> Menu:
    """The menu now. `numbers` (choice key -> number), kept by the caller for one day, is read
    and updated: choices seen before today keep their numbers, unless a new one has appeared,
    and a choice new today takes the next number after the day's highest."""
    entries: list[Entry] = []
    # An answer whose condition fails is not offered at all (as actions whose `when` fails are
    # not); one that only lacks action points is shown with the reason.
    for did in pending_demands(state):
        for answer in response_options(scenario, state, did):
            entries.append(
                Entry(
                    0,
                    answer.action,
                    answer.label,
                    answer.cost,
                    answer.available,
                    answer.reason,
                    describe_response(scenario, state, did, answer.action.response),
                    demand=did,
                )
            )
    for option in action_options(scenario, state):
        spec = scenario.actions[option.action.action]
        entries.append(
            Entry(
                0,
                option.action,
                option.label,
                option.cost,
                option.available,
                option.reason,
                describe_action(scenario, state, option.action.action),
                category=option.category,
                hint=spec.hint,
                uses_left=option.uses_left,
                taken=option.taken,
                per_day=option.per_day,
            )
        )
    if numbers is None:
        numbers = {}
    added = number_new(numbers, [entry.key for entry in entries])
    open_keys = {entry.key for entry in entries}
    closed = tuple(
        sorted(
            (number, label_of(scenario, parse_action_key(key)))
            for key, number in numbers.items()
            if key not in open_keys
        )
    )
    return Menu(
        tuple(replace(entry, number=numbers[entry.key]) for entry in entries), closed, added
    )


def resumed_numbers(scenario: Scenario, state: GameState) -> dict[str, int]:
    """The numbers of today's choices as they stood when `state` was saved mid-day (see
    `game.day_numbers.resumed_numbers`)."""
    return day_numbers.resumed_numbers(
        scenario, state, lambda sc, st: [entry.key for entry in build_menu(sc, st).entries]
    )
