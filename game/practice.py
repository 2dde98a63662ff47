"""Practice mode's undo: a pure stack of the game's states, taken back one action or one day at a time.

Front ends keep an `UndoStack` beside the state (only in practice games; a graded game has no undo):

    stack = UndoStack.start(state)                 # after new_game or loading a save
    state, events = step(scenario, state, action)
    stack = stack.push(state)                      # after every accepted step
    stack, state = stack.undo_action()             # back one step (a no-op at the start)
    stack, state = stack.undo_day()                # back to this day's dawn, or the previous one's

Nothing here changes a state: the engine's states are frozen, so keeping old ones is safe.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine.state import GameState

DEFAULT_LIMIT = 400  # steps kept; a 16-day game with a handful of actions a day needs about 100


@dataclass(frozen=True)
class UndoStack:
    """The states of a game so far, oldest first; the last one is the current state."""

    states: tuple[GameState, ...]
    limit: int = DEFAULT_LIMIT

    @classmethod
    def start(cls, state: GameState, limit: int = DEFAULT_LIMIT) -> UndoStack:
        return cls((state,), max(2, limit))

    @classmethod
    def of(cls, states: Sequence[GameState], limit: int = DEFAULT_LIMIT) -> UndoStack:
        """A stack holding `states` (oldest first, the current one last), the newest `limit` kept."""
        limit = max(2, limit)
        return cls(tuple(states)[-limit:], limit)

    @property
    def current(self) -> GameState:
        return self.states[-1]

    @property
    def can_undo(self) -> bool:
        return len(self.states) > 1

    def push(self, state: GameState) -> UndoStack:
        """The stack with `state` as the new current state (the oldest dropped beyond the limit)."""
        if state is self.current or state == self.current:
            return self  # a rejected action returns the same state; it is not a step to undo
        kept = (*self.states, state)[-self.limit :]
        return UndoStack(kept, self.limit)

    def undo_action(self) -> tuple[UndoStack, GameState]:
        """Back one step; at the start of the record, the stack is returned unchanged."""
        if not self.can_undo:
            return self, self.current
        rest = UndoStack(self.states[:-1], self.limit)
        return rest, rest.current

    def undo_day(self) -> tuple[UndoStack, GameState]:
        """Back to the dawn of the current day; if already there, to the dawn of the day before."""
        start = self._dawn_index(len(self.states) - 1)
        if start == len(self.states) - 1 and start > 0:
            start = self._dawn_index(start - 1)
        rest = UndoStack(self.states[: start + 1], self.limit)
        return rest, rest.current

    def _dawn_index(self, index: int) -> int:
        """The first kept state of the day of `states[index]` (the oldest kept, if cut by the limit)."""
        day = self.states[index].day
        while index > 0 and self.states[index - 1].day == day:
            index -= 1
        return index
