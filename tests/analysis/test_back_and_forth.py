"""The explorer reports a stage that goes straight back and forth: two transitions that undo
each other at every dusk (an author's review: Standoff and Talks alternated on days 3-8, the entry
message repeating, and neither validate nor explore said so)."""

from __future__ import annotations

from pathlib import Path

from game.analysis.explore import back_and_forth, explore, render_report
from game.scenario.load import load_scenario, load_scenario_bytes
from tests.conftest import edited_mini

SCENARIOS = Path(__file__).parent.parent.parent / "scenarios"


def test_a_swing_is_a_return_to_the_stage_just_left_within_a_day():
    assert back_and_forth([("a", 1), ("b", 2), ("a", 3), ("b", 4)]) == (2, ("a", "b"))
    # review: a stage held for days, then flipped at three dusks in a row, swings twice
    assert back_and_forth([("calm", 1), ("tense", 4), ("calm", 5), ("tense", 6)]) == (
        2,
        ("calm", "tense"),
    )
    # a return after days in between is a story (it eased, then flared up), not a loop
    assert back_and_forth([("a", 1), ("b", 2), ("a", 5), ("b", 9)]) == (0, ())
    assert back_and_forth([("a", 1), ("b", 1), ("c", 2), ("a", 3)]) == (0, ())
    assert back_and_forth([("a", 1)]) == (0, ())


def _seesaw():
    """mini with two transitions that each undo the other: calm goes tense on pressure 40 or
    more, tense goes calm again below 60 (and pressure starts at 40)."""
    raw = edited_mini(
        ('{to: tense, when: "pressure >= 60"}', '{to: tense, when: "pressure >= 40"}'),
        (
            '{to: calm, when: "pressure < 40", unless: "expired(ultimatum)"}',
            '{to: calm, when: "pressure < 60"}',
        ),
    ).encode()
    return load_scenario_bytes(raw, "seesaw.yaml").scenario


def test_the_report_names_the_games_and_an_example():
    report = explore(_seesaw(), runs=50, why_games=0)
    assert report.swinging > 0 and report.swing_example is not None
    seed, there, back = report.swing_example
    assert {there, back} == {"calm", "tense"}
    assert next(g for g in report.games if g.seed == seed).swings >= 2
    text = " ".join(render_report(report).split())
    assert f"in {report.swinging} game(s), e.g. seed {seed}: {there} -> {back}" in text
    assert report.to_json()["back_and_forth"] == {
        "games": report.swinging,
        "example": {"seed": seed, "from": there, "to": back},
    }


def test_the_shipped_scenarios_do_not_swing():
    for path in sorted(SCENARIOS.glob("*.yaml")):
        report = explore(load_scenario(path).scenario, runs=200, why_games=0)
        assert report.swinging == 0, path.name
        assert "back where it came from" not in render_report(report)
