"""Practice mode's undo stack: back one action, back to this dawn, back to yesterday's dawn."""

from __future__ import annotations

from game.engine.actions import EndDay, TakeAction
from game.engine.api import new_game, step
from game.practice import UndoStack


def _play(mini, stack: UndoStack, *actions):
    state = stack.current
    for action in actions:
        state = step(mini.scenario, state, action).state
        stack = stack.push(state)
    return stack


def test_start_has_nothing_to_undo(mini):
    first = new_game(mini.scenario, 5).state
    stack = UndoStack.start(first)
    assert not stack.can_undo
    assert stack.undo_action() == (stack, first)
    assert stack.undo_day() == (stack, first)


def test_undo_action_goes_back_one_step(mini):
    first = new_game(mini.scenario, 5).state
    stack = _play(mini, UndoStack.start(first), TakeAction(action="talk"))
    after_talk = stack.current
    stack = _play(mini, stack, TakeAction(action="spy"))
    stack, state = stack.undo_action()
    assert state == after_talk
    stack, state = stack.undo_action()
    assert state == first
    assert not stack.can_undo


def test_rejected_actions_are_not_steps(mini):
    stack = UndoStack.start(new_game(mini.scenario, 5).state)
    stack = _play(mini, stack, TakeAction(action="nonexistent"))
    assert len(stack.states) == 1


def test_undo_day_goes_to_this_dawn_then_the_previous(mini):
    first = new_game(mini.scenario, 5).state
    stack = _play(mini, UndoStack.start(first), TakeAction(action="talk"), EndDay())
    dawn_two = stack.current
    assert dawn_two.day == 2
    stack = _play(mini, stack, TakeAction(action="spy"), TakeAction(action="talk"))
    assert stack.current.day == 2 and stack.current != dawn_two

    stack, state = stack.undo_day()
    assert state == dawn_two  # mid-day: back to this day's dawn

    stack, state = stack.undo_day()
    assert state == first  # already at dawn: back to the previous day's dawn
    assert not stack.can_undo


def test_undo_never_changes_the_states(mini):
    first = new_game(mini.scenario, 5).state
    snapshot = first.model_dump()
    stack = _play(mini, UndoStack.start(first), TakeAction(action="talk"), EndDay(), EndDay())
    stack.undo_day()
    stack.undo_action()
    assert first.model_dump() == snapshot
    assert len(stack.states) == 4


def test_the_limit_drops_the_oldest_states(mini):
    first = new_game(mini.scenario, 5).state
    stack = _play(mini, UndoStack.start(first, limit=2), TakeAction(action="talk"), EndDay())
    assert len(stack.states) == 2
    assert stack.states[0] != first
    stack, state = stack.undo_day()  # the dawn of day 1 is gone: the oldest kept state instead
    assert state == stack.states[0]
