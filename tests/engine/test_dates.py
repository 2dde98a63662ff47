"""Dates as the game writes them, in English whatever the locale."""

from __future__ import annotations

import datetime as dt

from game.engine.api import new_game
from game.engine.dates import long_date


def test_long_dates_name_the_weekday_and_month_in_english():
    assert long_date(dt.date(1935, 6, 1)) == "Saturday 1 June 1935"
    assert long_date(dt.date(1935, 6, 12), weekday=False) == "12 June 1935"


def test_a_demand_without_a_deadline_label_gives_its_deadline_as_the_game_writes_dates(mini):
    # final QA: the reading pane said "Deadline: 1935-06-02." beside "2 June 1935" in the header
    _, events = new_game(mini.scenario, 7)
    demand = next(e for e in events if e.kind == "demand" and e.ref == "first")
    assert demand.text.endswith("Deadline: 2 June 1935.")
