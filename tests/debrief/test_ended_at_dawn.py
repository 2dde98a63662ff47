"""A game that ends at a dawn (a deadline's expiry with `end:`) held no council that day.

Reviewer's finding: the debrief blamed the player for that day ("You did not: Talk to the envoy.
History did it that day.") and listed its council as held, with no decisions, though the game
ended before the player could choose anything.
"""

from __future__ import annotations

import datetime as dt

import pytest

from game.analysis.replay import play, scripted
from game.debrief import build_debrief, render_html, render_markdown
from game.engine.words import NO_ACTION
from game.scenario.load import load_scenario_bytes
from game.text.debrief_view import debrief_lines
from game.text.style import Style
from tests.conftest import edited_mini

D = dt.date
NO_COUNCIL = "No council: the game ended at dawn"
# The first demand, let pass, ends the game at the dawn after its deadline (3 June); history
# talked to the envoy on each of the first three days.
DAWN_END = edited_mini(
    ("    on_expiry: {pressure: 15}\n", "    on_expiry: {end: war}\n"),
    (
        "    historical_dates: [1935-06-01]\n",
        "    historical_dates: [1935-06-01, 1935-06-02, 1935-06-03]\n",
    ),
)


@pytest.fixture(scope="module")
def scenario():
    return load_scenario_bytes(DAWN_END.encode(), "dawn_end.yaml").scenario


def test_the_day_the_game_ended_at_dawn_is_not_a_missed_day_nor_a_council(scenario):
    final = play(scenario, 1, scripted(["talk", "end", "end"])).final
    assert final.over and final.ending == "war" and final.date == D(1935, 6, 3)
    debrief = build_debrief(scenario, final, seed=1)

    (missed,) = [d for d in debrief.divergences if d.kind == "missed_action"]
    assert missed.dates == [D(1935, 6, 2)]  # 2 June had a council; 3 June had none
    assert missed.history == "History did it that day."
    assert [(day.date, day.council) for day in debrief.days] == [
        (D(1935, 6, 1), "held"),
        (D(1935, 6, 2), "held"),
        (D(1935, 6, 3), "none"),
    ]
    # what came at that dawn is still told
    assert [h.kind for h in debrief.days[-1].happenings] == ["demand_expired", "ending"]


def test_the_reports_say_no_council_met_that_day(scenario):
    final = play(scenario, 1, scripted(["talk", "end", "end"])).final
    debrief = build_debrief(scenario, final, seed=1)
    markdown = render_markdown(debrief)
    last_day = markdown.split("### Day 3:")[1].split("## ")[0]
    assert f"- {NO_COUNCIL}." in last_day and NO_ACTION not in last_day
    assert NO_ACTION in markdown.split("### Day 2:")[1].split("### Day 3:")[0]
    html = render_html(debrief)
    last_day = html.split('id="day-1935-06-03"')[1].split("</section>")[0]
    assert f"{NO_COUNCIL}." in last_day and NO_ACTION not in last_day
    text = "\n".join(debrief_lines(debrief, Style(width=100)))
    last_day = text.split("Day 3:")[1]
    assert f"- {NO_COUNCIL}." in last_day and NO_ACTION not in last_day


def test_a_game_that_ends_during_a_council_still_counts_that_day(scenario):
    # a choice made on 3 June: the council met, and history's talk that day was not done
    final = play(scenario, 1, scripted(["first:accept", "end", "end", "ultimatum:accept"])).final
    assert final.ending == "appeased" and final.date == D(1935, 6, 3)
    debrief = build_debrief(scenario, final, seed=1)
    (missed,) = [d for d in debrief.divergences if d.kind == "missed_action"]
    assert missed.dates == [D(1935, 6, 1), D(1935, 6, 2), D(1935, 6, 3)]
    assert debrief.days[-1].council == "held"
