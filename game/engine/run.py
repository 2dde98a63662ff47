"""A game played forward in place: the rules of `step`, without a frozen state after every choice.

`step` opens a working copy of the state, applies one action and freezes a new state, so every
state a front end has ever held stays valid (for undo, saves and the debrief). The explorer plays
thousands of games and looks only at where each one went; for it, one `Turn` stays open for the
whole game and each choice is applied to it directly. The rules are the same code (`perform`
and `take_row`, which it calls for an action; `why_not_now`, `open_answers`; the legal list
keeps `legal_now`'s checks as sets of actions), and a test checks that both ways give the same
events and states.

A quiet run (`quiet=True`) also skips writing for a reader: no event objects, inbox or log, only
a Note (kind, ref) per event; the explorer plays quiet runs.

Example:
    >>> run = Run(scenario, seed=7)
    >>> while not run.over:
    ...     events = run.play(run.legal()[0])
    >>> run.state().ending
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import repeat
from operator import is_

from game.engine.actions import EndDay, PlayerAction, Respond, TakeAction
from game.engine.api import END_DAY, open_answers, perform, take_row, why_not_now
from game.engine.day import begin, opening_state
from game.engine.index import BYTE, LOW_BYTE, ActionRow, ResponseRow, scenario_index
from game.engine.state import GameEvent, GameState
from game.engine.turn import Note, QuietTurn, Turn
from game.scenario.model import Scenario


class Run:
    """One game in progress, changed in place by `play`."""

    def __init__(self, scenario: Scenario, seed: int, *, quiet: bool = False):
        self.scenario = scenario
        self._open = QuietTurn if quiet else Turn
        self._turn = self._open(scenario, opening_state(scenario, seed))
        begin(self._turn)
        self._legal: list[TakeAction | Respond | EndDay] | None = None
        tables = scenario_index(scenario)
        turn = self._turn
        # The actions as sets of bits (`ActionRow.bit`), kept current as the game goes: those
        # whose condition holds (after a choice, only the conditions that read something the
        # turn touched, `Turn.touched`, are evaluated again: most checks would repeat the last
        # answer), those not yet taken as often as the game allows, and those taken as often as
        # a day allows on the day `_spent_day`. An action is allowed now, but for its cost, when
        # it is in the first two sets and not in the third.
        # (No action has been taken yet: the last two sets are the scenario's, worked out once.)
        self._holding = tables.unconditional_actions
        for row in tables.conditional_actions:
            if row.when(turn):  # type: ignore[misc]  # (these have a condition)
                self._holding |= row.bit
        self._usable, self._spent = tables.usable_at_opening, tables.spent_at_opening
        self._spent_day = turn.day
        self._rows = tables.action_rows
        self._by_choice = tables.action_by_choice
        self._readers = tables.action_readers
        self._answer_keys = tables.answer_keys
        self._action_bytes, self._cost_masks = tables.action_bytes, tables.cost_masks
        self._every_action = tables.every_action
        turn.touched.clear()
        # The answers that may be given now whatever their cost (`open_answers`), kept until
        # the turn touches something they depend on (`Index.answer_keys`); None when to be
        # found again.
        self._answers: list[ResponseRow] | None = None
        self._listed = 0  # the actions the last legal list gave (as bits)
        self._answer_choices: list[Respond] = []
        self._dearest_answer = 0

    @property
    def events(self) -> Sequence[GameEvent | Note]:
        """What the last choice (or the start) brought about: events, or Notes in a quiet run."""
        turn = self._turn
        return turn.notes if isinstance(turn, QuietTurn) else turn.events

    @property
    def over(self) -> bool:
        return self._turn.phase == "over"

    @property
    def day(self) -> int:
        return self._turn.day

    @property
    def date(self) -> dt.date:
        return self._turn.date

    def legal(self) -> list[TakeAction | Respond | EndDay]:
        """What may be done now, as `legal_actions` lists it (the list is shared: do not change it)."""
        if self._legal is None:
            turn = self._turn
            if turn.phase == "over":
                self._legal, self._listed = [], 0
                return self._legal
            if turn.touched:
                self._recheck(turn.touched)
                turn.touched.clear()
            if self._answers is None:
                self._find_answers()
            budget = turn.budget
            answers = (
                self._answer_choices
                if budget >= self._dearest_answer
                else [candidate for candidate, cost, _ in self._answers or () if cost <= budget]
            )
            if self._spent_day != turn.day:
                self._spent, self._spent_day = 0, turn.day
            affordable = self._cost_masks.get(budget)
            if affordable is None:
                affordable = self._every_action if budget > 0 else 0
            self._listed = allowed = self._holding & self._usable & ~self._spent & affordable
            legal: list[TakeAction | Respond | EndDay] = [*answers]
            for table in self._action_bytes:  # the choices of the allowed actions, 8 at a time
                legal += table[allowed & LOW_BYTE]
                allowed >>= BYTE
            legal.append(END_DAY)
            self._legal = legal
        return self._legal

    def _recheck(self, touched: set[str]) -> None:
        """Evaluate again the conditions that read a touched key."""
        turn, readers = self._turn, self._readers
        for key in touched & readers.keys():  # most keys touched are read by no action
            for row in readers[key]:
                assert row.when is not None  # only actions with a condition read anything
                if row.when(turn):
                    self._holding |= row.bit
                else:
                    self._holding &= ~row.bit
        if not self._answer_keys.isdisjoint(touched):
            self._answers = None

    def _find_answers(self) -> None:
        self._answers = answers = open_answers(self._turn)
        # (one loop rather than two comprehensions and max(): each is a call)
        choices: list[Respond] = []
        dearest: int | None = None
        for candidate, cost, _ in answers:
            choices.append(candidate)
            if dearest is None or cost > dearest:
                dearest = cost
        self._answer_choices = choices
        self._dearest_answer = 0 if dearest is None else dearest

    def play(self, action: PlayerAction) -> Sequence[GameEvent | Note]:
        """Do one action, as `step` would, and return `events`; an action not allowed changes
        nothing and returns a single `rejected` event saying why."""
        turn, legal = self._turn, self._legal
        # The row of an action's choice as the legal lists give it (None for any other choice)
        row = self._by_choice.get(id(action))
        # One of the very choices legal() listed is allowed without asking why not: an
        # action's choice by its bit in the set listed, any other by identity (in C: this is
        # per step)
        if legal is None or not (
            self._listed & row.bit if row is not None else any(map(is_, repeat(action), legal))
        ):
            reason = why_not_now(turn, action)
            if reason:
                return [
                    GameEvent(kind="rejected", date=turn.date, title="Not possible", text=reason)
                ]
        turn.events = []
        turn.notes = []
        self._legal = None
        # An action's choice is taken by its row; any other choice as `step` would (a
        # TakeAction made afresh is counted by the row of its id)
        if row is not None:
            take_row(turn, row)
            self._count(row)
        else:
            perform(turn, action)
            if type(action) is TakeAction:  # (not isinstance: see api.perform)
                self._count(self._rows[action.action])
        return turn.notes if turn.quiet else turn.events  # (`events`, inline)

    def _count(self, row: ActionRow) -> None:
        """An action was taken: it leaves the sets that its counts no longer allow it in."""
        turn = self._turn
        if row.max_uses is not None and turn.taken[row.ident] >= row.max_uses:
            self._usable &= ~row.bit
        if self._spent_day != turn.day:  # (no legal list was asked since the day began)
            self._spent, self._spent_day = 0, turn.day
        if turn.taken_today[row.ident] >= row.per_day:
            self._spent |= row.bit

    def state(self, *, go_on: bool = True) -> GameState:
        """The game as it stands, as a GameState (the run goes on from a fresh copy of it).
        With `go_on=False`, the last look at a run that will not be played again: no fresh
        copy is opened (the explorer, at the end of each game)."""
        done = self._turn
        frozen = done.freeze()
        if not go_on:
            return frozen
        self._turn = self._open(self.scenario, frozen)
        self._turn.events = done.events
        self._turn.touched = done.touched  # what the conditions known here have not yet seen
        if isinstance(done, QuietTurn) and isinstance(self._turn, QuietTurn):
            self._turn.notes = done.notes
        return frozen
