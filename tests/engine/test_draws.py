"""The draws written out where they are hot (`Turn.roll`, `Turn.pick` between two weights, the
explorer's uniform choice) give exactly the numbers `rng.below` gives: the same stream, so the
same games."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.analysis.policies import choose_uniform
from game.engine import rng
from game.engine.day import opening_state
from game.engine.turn import Turn
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]
MINI = load_scenario(ROOT / "tests" / "fixtures" / "mini.yaml").scenario
STATES = st.integers(min_value=0, max_value=(1 << 64) - 1)


def turn_at(state: int) -> Turn:
    turn = Turn(MINI, opening_state(MINI, 1))
    turn.rng = state
    return turn


@given(STATES, st.integers(min_value=1, max_value=99))
def test_a_roll_draws_as_below_does(state, percent):
    turn = turn_at(state)
    expected_state, value = rng.below(state, 100)
    assert turn.roll(percent) == (value < percent)
    assert turn.rng == expected_state


@given(STATES, st.integers(min_value=1, max_value=500), st.integers(min_value=1, max_value=500))
def test_a_pick_between_two_weights_draws_as_below_does(state, first, second):
    turn = turn_at(state)
    expected_state, value = rng.below(state, first + second)
    assert turn.pick([first, second]) == (0 if value < first else 1)
    assert turn.rng == expected_state


@given(STATES, st.integers(min_value=1, max_value=80))
def test_a_uniform_choice_draws_as_below_does(state, size):
    legal = list(range(size))
    expected_state, index = rng.below(state, size)
    assert choose_uniform(MINI, MINI.calendar.start, legal, state) == (index, expected_state)  # type: ignore[arg-type]
