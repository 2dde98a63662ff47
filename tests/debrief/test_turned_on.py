"""The report says what its ending turned on: the names the ending's condition reads, as they
stood at the end (teacher's report review: nothing said why a game ended as it did)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from game.analysis.policies import historical
from game.analysis.replay import play
from game.debrief import build_debrief, render_html, render_markdown
from game.debrief.sections import TURNED_ON
from game.debrief.turned_on import CALENDAR_RAN_OUT, turned_on
from game.engine.api import new_game
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def hebei():
    return load_scenario(ROOT / "scenarios" / "he_umezu_1935.yaml").scenario


def _ended(scenario, ending, **changes):
    state = new_game(scenario, 1935).state
    flags = {**state.flags, **changes.pop("flags", {})}
    stats = {**state.stats, **changes.pop("stats", {})}
    return state.model_copy(
        update={"ending": ending, "phase": "over", "flags": flags, "stats": stats, **changes}
    )


def test_facts_that_held_and_values_are_told_in_the_conditions_order(hebei):
    state = _ended(
        hebei,
        "climb_down",
        flags={"japan_backed_down": True, "pretext_undermined": False},
        stats={"foreign_attention": 59, "nanjing_trust": 64, "readiness": 48},
    )
    assert turned_on(hebei, state) == [
        "Tokyo restrained its army and the demands were dropped",
        "Foreign attention 59",
        "Nanjing's trust 64",
        "Military readiness 48",
    ]  # the fact that did not hold (the pretext undermined) is left out


def test_a_fact_the_condition_needs_not_to_hold_is_told_as_not_holding(hebei):
    # 'occupation' is `in_stage(invasion) and not fighting`: that the troops did not fight is
    # why Peiping and Tianjin were occupied, and the report left it out
    state = _ended(hebei, "occupation", stage="invasion", flags={"fighting": False})
    fighting = hebei.flags["fighting"].label
    assert turned_on(hebei, state) == ["the stage: Invasion", f"not: {fighting}"]
    # a fact read both ways, or inside a larger negation, is left out when it did not hold
    from game.debrief.turned_on import _only_negated

    assert _only_negated("not a and b") == {"a"}
    assert _only_negated("not a and (a or b)") == set()
    assert _only_negated("not (a or b)") == set()


def test_the_default_ending_says_the_calendar_ran_out(hebei):
    assert turned_on(hebei, _ended(hebei, hebei.default_ending)) == [CALENDAR_RAN_OUT]


def test_the_historical_replays_report_says_it_in_every_form(hebei):
    debrief = build_debrief(hebei, play(hebei, 1935, historical).final, seed=1935)
    assert debrief.ending.turned_on == [
        "The four demands of 9 June accepted",
        "the stage: Aftermath",
    ]
    line = f"{TURNED_ON}: The four demands of 9 June accepted; the stage: Aftermath."
    assert line in render_markdown(debrief)
    assert line in html.unescape(render_html(debrief))
