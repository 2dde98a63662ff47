"""Lesson mode's one line for a day passed without a council tells the deadlines that ran out
apart from the day's other events (teacher's review: "Deadline passed: The four demands of
9 June; The deadline passes; Troop trains through Shanhaiguan; …; Stage: Invasion." read as if
every event of the day were an expired deadline)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from game.engine.state import GameEvent
from game.scenario.load import load_scenario
from game.text.app import Classroom, _titles, run_text

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "he_umezu_1935.yaml"


def test_the_1935_days_passed_and_the_invasion_held():
    # every demand accepted at once for 11 days, then lesson mode passes the days on which no
    # decision falls; the invasion, which came as a passed day before, now holds its council
    # (the stand-or-fall-back orders are urgent), and its news tells the deadline that passed
    out = io.StringIO()
    run_text(
        load_scenario(SCENARIO),
        seed=1935,
        input_stream=io.StringIO("1\nE\n" * 11 + "E\n" * 10),
        output_stream=out,
        classroom=Classroom(lesson_days=11),
    )
    text = out.getvalue()
    line = next(
        line
        for line in text.splitlines()
        if line.startswith("Day 14, Tuesday 11 June 1935: the day passes without a council.")
    )
    assert line.endswith(
        " The day's events: Kalgan protests over Zhangbei; Troops break into a mission at"
        " Shanhaiguan; From the American embassy in Tokyo; Takahashi calls for your answer."
    )
    # the day after the four demands came is held: they are still open
    assert "'The four demands of 9 June' came yesterday, so today's council is held" in text
    held = text.index("Lesson mode: 'Order the troops to stand and fight' cannot wait")
    day_16 = text.index("Day 16: Thursday 13 June 1935")
    assert day_16 < text.index("Deadline passed: The four demands of 9 June", day_16) < held
    assert "Day 16, Thursday 13 June 1935: the day passes without a council." not in text


def _event(kind: str, title: str) -> GameEvent:
    return GameEvent(kind=kind, date=dt.date(1935, 6, 13), title=title)


def test_each_kind_is_named_for_what_it_is():
    events = [
        _event("day", "Thursday 13 June 1935"),
        _event("demand_expired", "Deadline passed: First"),
        _event("demand_expired", "Deadline passed: Second"),
        _event("report", "Trains"),
        _event("stage", "Stage: Invasion"),
        _event("news", "Papers"),
    ]
    assert _titles(events) == (
        " Deadlines passed: First; Second. The day's events: Trains; Papers. Stage: Invasion."
    )
    assert _titles([_event("news", "Papers")]) == " The day's events: Papers."
    assert _titles([_event("day", "x")]) == ""
