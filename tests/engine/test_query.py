"""Read-only questions from the front ends: conditions and the codex entries open now."""

from __future__ import annotations

from pathlib import Path

from game.analysis.policies import historical
from game.analysis.replay import play
from game.engine.api import new_game
from game.engine.query import conditions, unlocked_codex
from game.scenario.load import load_scenario

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "he_umezu_1935.yaml"


def test_conditions_read_without_changing(mini):
    state, _ = new_game(mini.scenario, 7)
    holds = conditions(mini.scenario, state)
    assert holds("pressure == 40") and not holds("conceded") and holds(None)
    assert state == new_game(mini.scenario, 7).state


def test_codex_entries_unlock_as_the_story_goes():
    scenario = load_scenario(SCENARIO).scenario
    start, _ = new_game(scenario, 1)
    assert "memorandum" not in unlocked_codex(scenario, start)
    assert "tanggu_truce" in unlocked_codex(scenario, start)
    assert "memorandum" not in unlocked_codex(scenario, None)
    final = play(scenario, 1, historical).final
    assert {"memorandum", "decree", "zhu_shiqin"} <= set(unlocked_codex(scenario, final))
