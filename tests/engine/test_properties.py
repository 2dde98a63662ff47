"""Properties over random legal play (hypothesis): determinism, ranges, time, termination, purity."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.api import legal_actions, new_game, step
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted(
    [ROOT / "tests" / "fixtures" / "mini.yaml", *(ROOT / "scenarios").glob("*.yaml")]
)


def _loadable(path: Path):
    try:
        return load_scenario(path).scenario
    except Exception:  # a scenario being written may not load yet; its own tests report that
        return None


LOADED = [(p.name, s) for p in SCENARIOS if (s := _loadable(p)) is not None]


def play_random(scenario, seed, picks):
    state, events = new_game(scenario, seed)
    trail = [state]
    all_events = list(events)
    for _ in range(5000):
        if state.over:
            break
        legal = legal_actions(scenario, state)
        action = legal[
            picks.draw(st.integers(0, len(legal) - 1))
            if hasattr(picks, "draw")
            else picks.pop(0) % len(legal)
            if picks
            else -1
        ]
        before = state.model_dump()
        state, events = step(scenario, trail[-1], action)
        assert trail[-1].model_dump() == before, "step changed its input state"
        trail.append(state)
        all_events.extend(events)
    return trail, all_events


@pytest.mark.parametrize(("name", "scenario"), LOADED, ids=[n for n, _ in LOADED])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), data=st.data())
def test_random_play_invariants(name, scenario, seed, data):
    trail, events = play_random(scenario, seed, data)
    final = trail[-1]
    assert final.over, "every game ends"
    assert final.date <= scenario.calendar.end
    for before, after in zip(trail, trail[1:], strict=False):
        assert after.date >= before.date
        assert after.day - before.day in (0, 1)
    for state in trail:
        for sid, value in state.stats.items():
            stat = scenario.stats[sid]
            assert stat.min <= value <= stat.max
        for value in state.attitudes.values():
            assert -100 <= value <= 100
        assert state.budget >= 0


@pytest.mark.parametrize(("name", "scenario"), LOADED, ids=[n for n, _ in LOADED])
@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32), picks=st.lists(st.integers(0, 50), min_size=0, max_size=80))
def test_same_seed_and_choices_give_the_same_game(name, scenario, seed, picks):
    first, events1 = play_random(scenario, seed, list(picks))
    second, events2 = play_random(scenario, seed, list(picks))
    assert first[-1] == second[-1]
    assert events1 == events2
