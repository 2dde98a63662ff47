"""Random legal play through every shipped scenario: no exception, and the game's invariants hold."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.api import legal_actions, new_game, step
from game.engine.state import GameState
from game.saves import actions_from_log, make_save, read_save, replay_actions, save_to_json
from game.scenario.load import load_scenario
from game.scenario.source import ScenarioError

ROOT = Path(__file__).resolve().parent.parent.parent
SCENARIO_FILES = sorted((ROOT / "scenarios").glob("*.yaml")) + [
    ROOT / "tests" / "fixtures" / "mini.yaml"
]
MAX_STEPS = 5_000  # far more than any game needs; reaching it means the game never ended
EXAMPLES = int(os.environ.get("HEBEI_FUZZ_EXAMPLES", "40"))


def _loaded(path: Path):
    try:
        return load_scenario(path)
    except ScenarioError as exc:  # a scenario being written may not load yet; validate reports it
        pytest.skip(f"{path.name} does not load: {exc.errors[0] if exc.errors else exc}")


def _check_state(scenario, state: GameState) -> None:
    for sid, value in state.stats.items():
        spec = scenario.stats[sid]
        assert spec.min <= value <= spec.max, f"{sid} = {value} outside {spec.min}..{spec.max}"
    for aid, value in state.attitudes.items():
        assert -100 <= value <= 100, f"attitude of {aid} = {value}"
    assert scenario.calendar.start <= state.date <= scenario.calendar.end
    assert state.stage in scenario.stages
    if state.over:
        assert state.ending in scenario.endings
    else:
        assert state.ending is None


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.name)
def test_random_legal_play_never_breaks_an_invariant(path, tmp_path_factory):
    loaded = _loaded(path)
    scenario = loaded.scenario
    folder = tmp_path_factory.mktemp(f"saves-{path.stem}")

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(seed=st.integers(0, 2**31 - 1), data=st.data())
    def play(seed, data):
        state = new_game(scenario, seed).state
        _check_state(scenario, state)
        round_trip_day = data.draw(st.integers(1, 40), label="day to save and load")
        for _ in range(MAX_STEPS):
            if state.over:
                break
            legal = legal_actions(scenario, state)
            assert legal, "a game that is not over always allows ending the day"
            action = legal[data.draw(st.integers(0, len(legal) - 1), label="choice")]
            before = state.model_dump()
            result = step(scenario, state, action)
            assert state.model_dump() == before, "step mutated its input"
            assert not any(event.kind == "rejected" for event in result.events), (
                f"legal action {action} rejected"
            )
            after = result.state
            _check_state(scenario, after)
            assert after.date >= state.date, "the date went backwards"
            assert after.day - state.day in (0, 1), "more than one day passed in one step"
            assert (after.date - state.date).days == after.day - state.day
            if after.day != state.day:
                # between days: the state survives JSON, and a full save file, unchanged
                assert GameState.model_validate_json(after.model_dump_json()) == after
                if after.day == round_trip_day:
                    target = folder / "between-days.json"
                    target.write_text(
                        save_to_json(make_save(loaded, after, slot="p", saved_at="t")),
                        encoding="utf-8",
                    )
                    assert read_save(target, loaded).state == after
            state = after
        assert state.over, f"the game did not end within {MAX_STEPS} steps"
        assert state.date <= scenario.calendar.end
        # the recorded choices reproduce the game exactly (what a save's replay relies on)
        replayed, problems = replay_actions(scenario, seed, actions_from_log(state))
        assert problems == []
        assert replayed == state

    play()
