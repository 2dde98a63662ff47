"""A game played forward in place: the rules of `step`, without a frozen state after every choice.

`step` opens a working copy of the state, applies one action and freezes a new state, so every
state a front end has ever held stays valid (for undo, saves and the debrief). The explorer plays
thousands of games and looks only at where each one went; for it, one `Turn` stays open for the
whole game and each choice is applied to it directly. The rules are the same code (`perform`,
`legal_now`, `why_not_now`), and a test checks that both ways give the same events and states.

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
from game.engine.api import legal_now, perform, why_not_now
from game.engine.day import begin, opening_state
from game.engine.index import ActionRow, scenario_index
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
        # Whether each action's condition holds (by id), kept current: after a choice, only the
        # conditions that read something the turn touched (`Turn.touched`) are evaluated again.
        self._holds = {
            row.ident: row.when is None or bool(row.when(turn)) for row in tables.actions
        }
        self._readers = tables.action_readers
        turn.touched.clear()
        # The actions not yet taken as often as the game allows, in order.
        self._rows = {row.ident: row for row in tables.actions}
        self._usable = [
            row
            for row in tables.actions
            if row.max_uses is None or turn.taken.get(row.ident, 0) < row.max_uses
        ]
        # Of those, the ones whose day's count and condition allow them now (`legal_now`'s
        # `allowed`), for the day `_allowed_day`; None when to be rebuilt.
        self._allowed: list[ActionRow] | None = None
        self._allowed_day = 0

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
            if turn.touched:
                self._recheck(turn.touched)
                turn.touched.clear()
            if self._allowed is None or self._allowed_day != turn.day:
                self._allowed_day = turn.day
                holds, today = self._holds, turn.taken_today
                if today:
                    self._allowed = [
                        row
                        for row in self._usable
                        if holds[row.ident] and today.get(row.ident, 0) < row.per_day
                    ]
                else:  # the commonest case: nothing taken yet today
                    self._allowed = [row for row in self._usable if holds[row.ident]]
            self._legal = legal_now(turn, self._allowed)
        return self._legal

    def _recheck(self, touched: set[str]) -> None:
        """Evaluate again the conditions that read a touched key."""
        turn, holds, readers = self._turn, self._holds, self._readers
        for key in touched & readers.keys():  # most keys touched are read by no action
            for row in readers[key]:
                assert row.when is not None  # only actions with a condition read anything
                now = bool(row.when(turn))
                if holds[row.ident] != now:
                    holds[row.ident] = now
                    self._allowed = None

    def play(self, action: PlayerAction) -> Sequence[GameEvent | Note]:
        """Do one action, as `step` would, and return `events`; an action not allowed changes
        nothing and returns a single `rejected` event saying why."""
        turn = self._turn
        # One of the very choices legal() listed (compared by identity, in C: this is per step)
        listed = self._legal is not None and any(map(is_, repeat(action), self._legal))
        reason = "" if listed else why_not_now(turn, action)
        if reason:
            return [GameEvent(kind="rejected", date=turn.date, title="Not possible", text=reason)]
        turn.events = []
        if isinstance(turn, QuietTurn):
            turn.notes = []
        perform(turn, action)
        self._legal = None
        if isinstance(action, TakeAction):
            self._count(self._rows[action.action])
        return self.events

    def _count(self, row: ActionRow) -> None:
        """An action was taken: it leaves the lists that its counts no longer allow it in."""
        turn, allowed = self._turn, self._allowed
        if row.max_uses is not None and turn.taken[row.ident] >= row.max_uses:
            self._usable.remove(row)
        elif turn.taken_today[row.ident] < row.per_day:
            return
        if allowed is not None and row in allowed:
            allowed.remove(row)

    def state(self) -> GameState:
        """The game as it stands, as a GameState (the run goes on from a fresh copy of it)."""
        done = self._turn
        frozen = done.freeze()
        self._turn = self._open(self.scenario, frozen)
        self._turn.events = done.events
        self._turn.touched = done.touched  # what the conditions known here have not yet seen
        if isinstance(done, QuietTurn) and isinstance(self._turn, QuietTurn):
            self._turn.notes = done.notes
        return frozen
