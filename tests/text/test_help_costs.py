"""The text help says what costs action points as the scenario has it (teacher's review: it said
"Answers to demands and actions cost points" in the 1935 scenario, where every answer is shown as
"(0 points)")."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.scenario.load import load_scenario
from game.text.app import run_text
from game.text.render import help_lines
from game.text.style import Style

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def rules(scenario) -> str:  # noqa: ANN001 - Scenario | None
    lines = help_lines(Style(plain=True, width=400), scenario=scenario)
    return next(line for line in lines if "action points" in line).strip()


def test_the_1935_help_says_answers_cost_nothing():
    scenario = load_scenario(SCENARIOS / "he_umezu_1935.yaml").scenario
    assert all(r.cost == 0 for d in scenario.demands.values() for r in d.responses.values())
    text = rules(scenario)
    assert "answering a demand costs none in this scenario" in text
    assert "Answers to demands and actions cost points" not in text


def test_a_scenario_whose_answers_cost_points_says_so():
    scenario = load_scenario(SCENARIOS / "chahar_1935.yaml").scenario
    assert any(r.cost for d in scenario.demands.values() for r in d.responses.values())
    assert "and so do some answers to demands; each choice shows its cost." in rules(scenario)


def test_without_a_scenario_the_help_says_what_is_true_of_any():
    assert "in some scenarios answers to demands do too" in rules(None)


@pytest.mark.parametrize("key", ["h", "?"])
def test_the_games_help_is_the_scenarios(mini, key):
    out = io.StringIO()
    run_text(mini, seed=3, input_stream=io.StringIO(f"{key}\n"), output_stream=out)
    assert "answering a demand costs none in this scenario" in " ".join(out.getvalue().split())
