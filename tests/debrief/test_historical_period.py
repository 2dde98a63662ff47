"""An action history took on some day of a span, the record not saying which (Yu Xuezhong was
relieved in early June 1935): doing it on any day of the span is doing what history did.

Play-test and history review: the 1935 scenario gave the relief a date of its own choosing, and
the debrief then told a player who relieved Yu on 3 June that history did it on 5 June.
"""

from __future__ import annotations

import datetime as dt

import pytest

from game.analysis.policies import choose_historical
from game.analysis.replay import play, scripted
from game.debrief import build_debrief
from game.engine.actions import EndDay, TakeAction
from game.engine.api import new_game, step
from game.scenario.load import ScenarioError, load_scenario_bytes
from tests.conftest import edited_mini

D = dt.date
WORDS = "early in the crisis (the day is not recorded)"
SPAN = (
    "    historical_dates: [1935-06-01]\n",
    "    historical_period: {start: 1935-06-02, end: 1935-06-03, words: " + WORDS + "}\n",
)


@pytest.fixture(scope="module")
def scenario():
    return load_scenario_bytes(edited_mini(SPAN).encode(), "span.yaml").scenario


def divergences(scenario, choices):
    final = play(scenario, 1, scripted(choices)).final
    return build_debrief(scenario, final, seed=1).divergences


def test_doing_it_on_any_day_of_the_span_is_doing_what_history_did(scenario):
    for choices in (["end", "talk", "end", "end"], ["end", "end", "talk", "end"]):
        kinds = {d.kind for d in divergences(scenario, choices) if "envoy" in d.you.lower()}
        assert kinds == set(), choices
    final = play(scenario, 1, scripted(["end", "talk", "end", "end"])).final
    debrief = build_debrief(scenario, final, seed=1)
    (talked,) = [d for day in debrief.days for d in day.decisions if d.ref == "talk"]
    assert talked.historical


def test_doing_it_outside_the_span_says_when_history_did_it_in_the_records_words(scenario):
    (extra,) = [
        d for d in divergences(scenario, ["talk", "end", "end", "end"]) if d.kind == "extra_action"
    ]
    assert extra.history == f"History did this {WORDS}, not this day."


def test_not_doing_it_at_all_is_one_missed_action_once_the_span_is_over(scenario):
    (missed,) = [
        d for d in divergences(scenario, ["end", "end", "end"]) if d.kind == "missed_action"
    ]
    assert missed.history == f"History did it {WORDS}."
    assert missed.dates == [D(1935, 6, 3)]
    # before the span's last day has come, the player may still do it: nothing is missed yet
    state = new_game(scenario, 1).state
    state = step(scenario, state, EndDay()).state
    assert state.date == D(1935, 6, 2) and not state.over
    debrief = build_debrief(scenario, state, seed=1)
    assert not [d for d in debrief.divergences if d.kind == "missed_action"]


def test_the_historical_replay_does_it_on_the_spans_last_day(scenario):
    talk = TakeAction(action="talk")
    assert choose_historical(scenario, D(1935, 6, 2), [talk], 0)[0] != talk
    assert choose_historical(scenario, D(1935, 6, 3), [talk], 0)[0] == talk


def test_a_span_that_ends_before_it_starts_is_reported_at_its_end():
    backwards = (
        "    historical_dates: [1935-06-01]\n",
        "    historical_period: {start: 1935-06-03, end: 1935-06-02, words: w}\n",
    )
    with pytest.raises(ScenarioError) as raised:
        load_scenario_bytes(edited_mini(backwards).encode(), "backwards.yaml")
    assert "the period ends (1935-06-02) before it starts (1935-06-03)" in str(raised.value)


def test_a_span_missed_because_it_had_come_about_another_way_says_so():
    """Review: a Yu already relieved (by accepting a demand that included it) was reported
    flatly as "You did not: Have the Executive Yuan relieve Yu"."""
    flagged = (
        "    effects: {pressure: -5, envoy: 5}\n",
        "    effects: {pressure: -5, envoy: 5, conceded: true}\n",
    )
    scenario = load_scenario_bytes(edited_mini(SPAN, flagged).encode(), "span.yaml").scenario
    # the first demand's acceptance sets `conceded`, as talking would have
    (missed,) = [
        d
        for d in divergences(scenario, ["first:accept", "end", "end", "end"])
        if d.kind == "missed_action"
    ]
    assert missed.you == "You did not: Talk to the envoy. By then it had come about another way."
