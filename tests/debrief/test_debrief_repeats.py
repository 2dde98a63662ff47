"""Repeated departures from history are merged, and each historical note is given once.

Teacher's review, finding 2: a group that asked for time every day got the same "What really
happened" paragraph fourteen times under "Where you left history" (once a stall, once more for
"still unanswered when the game ended"). Here the mini scenario, whose stall can be chosen every
day, stands in for it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from game.analysis.replay import play, scripted
from game.debrief import build_debrief, render_html, render_markdown
from game.scenario.load import load_scenario_bytes
from game.text.debrief_view import debrief_lines
from game.text.style import Style
from tests.conftest import edited_mini

D = dt.date
NOTE = "The mayor was dismissed within the week, and the envoy called it a beginning."
STALLING = edited_mini(
    (
        "    historical_response: accept\n    responses:\n      accept: {label: Accept, kind: accept, effects: {pressure: -10",
        f"    historical_note: {NOTE}\n"
        "    historical_response: accept\n    responses:\n      accept: {label: Accept, kind: accept, effects: {pressure: -10",
    )
)
# Stall the first demand on each of the four days, and prepare the army on three of them; the
# ultimatum of day 3 is never answered, so the game ends in war at dusk on the last day.
KEYS = [
    *("first:stall", "prepare", "end"),
    *("first:stall", "prepare", "end"),
    *("first:stall", "end"),
    *("first:stall", "prepare"),
]


@pytest.fixture(scope="module")
def stalled():
    scenario = load_scenario_bytes(STALLING.encode(), "stalling.yaml").scenario
    final = play(scenario, 1, scripted(KEYS)).final
    assert final.over and final.ending == "war"
    return build_debrief(scenario, final, seed=1)


def _forms(debrief) -> dict[str, str]:
    from game.ui.scenes.ending import DebriefScene

    window = DebriefScene()
    window.debrief, window.saved = debrief, ""
    return {
        "markdown": render_markdown(debrief),
        "html": render_html(debrief),
        "terminal": " ".join(" ".join(debrief_lines(debrief, Style(plain=True))).split()),
        "window": "\n".join(text for _, text in window.paragraphs()),
    }


def test_the_same_answer_on_several_days_is_one_divergence_with_all_its_days(stalled):
    from game.debrief.model import divergence_heading

    answers = [d for d in stalled.divergences if d.kind == "response"]
    assert len(answers) == 1
    (answer,) = answers
    assert answer.date == D(1935, 6, 1) and answer.dates == [D(1935, 6, d) for d in (1, 2, 3, 4)]
    assert answer.days == 4 and answer.note == NOTE
    assert divergence_heading(answer) == "1\u20134 June 1935 \u00b7 Answer, on 4 days"
    assert answer.you == "You answered 'First demand': Stall."
    # an action history did not take, on three days, is one divergence too
    (prepared,) = [d for d in stalled.divergences if d.kind == "extra_action"]
    assert prepared.dates == [D(1935, 6, 1), D(1935, 6, 2), D(1935, 6, 4)]
    assert divergence_heading(prepared) == "1, 2 and 4 June 1935 \u00b7 Done, on 3 days"
    # the day-by-day section still lists every answer on its day
    assert [len(day.decisions) for day in stalled.days] == [2, 2, 1, 2]


def test_merged_divergences_keep_the_order_by_first_day(stalled):
    found = [(d.kind, d.date) for d in stalled.divergences]
    assert found == [
        ("response", D(1935, 6, 1)),
        ("missed_action", D(1935, 6, 1)),
        ("extra_action", D(1935, 6, 1)),
        ("unanswered", D(1935, 6, 4)),
        ("expired", D(1935, 6, 4)),
        ("ending", None),
    ]


def test_a_demands_note_is_given_once_and_referred_to_after(stalled):
    from game.debrief.model import note_reference

    index = next(i for i, d in enumerate(stalled.divergences) if d.kind == "response")
    (unanswered,) = [d for d in stalled.divergences if d.kind == "unanswered"]
    assert unanswered.note == "" and unanswered.note_as == index
    assert note_reference(stalled, unanswered) == (
        "as told above, under 1\u20134 June 1935 \u00b7 Answer"
    )
    assert [d.note for d in stalled.divergences].count(NOTE) == 1


def test_every_form_of_the_report_prints_the_note_once(stalled):
    for name, text in _forms(stalled).items():
        assert text.count(NOTE) == 1, name
        assert "1\u20134 June 1935 \u00b7 Answer, on 4 days." in text, name
        assert "as told above, under 1\u20134 June 1935 \u00b7 Answer." in text, name
        assert text.count("You answered 'First demand': Stall.") == 1 or name == "html", name
    html = _forms(stalled)["html"]
    assert html.count("You answered &#x27;First demand&#x27;: Stall.") == 1


def test_a_historical_action_missed_on_several_days_is_one_divergence():
    text = edited_mini(
        ("    historical_dates: [1935-06-01]\n", "    historical_dates: [1935-06-01, 1935-06-02]\n")
    )
    scenario = load_scenario_bytes(text.encode(), "twice.yaml").scenario
    final = play(scenario, 1, scripted(["first:accept", "end", "end", "ultimatum:accept"])).final
    (missed,) = [
        d for d in build_debrief(scenario, final, seed=1).divergences if d.kind == "missed_action"
    ]
    assert missed.dates == [D(1935, 6, 1), D(1935, 6, 2)]
    assert (missed.you, missed.history) == (
        "You did not: Talk to the envoy.",
        "History did it on each of those days.",
    )
    # the time limit ended one of those councils: the remark names its day
    timed = build_debrief(scenario, final, seed=1, timed_out_days=[2])
    (missed,) = [d for d in timed.divergences if d.kind == "missed_action"]
    assert (
        missed.you == "You did not: Talk to the envoy. The council's time ran out on 2 June 1935."
    )


@pytest.mark.parametrize(
    ("days", "text"),
    [
        ([D(1935, 6, 1)], "1 June 1935"),
        ([D(1935, 6, 2), D(1935, 6, 1)], "1 and 2 June 1935"),
        ([D(1935, 6, d) for d in (7, 8, 9)], "7\u20139 June 1935"),
        (
            [D(1935, 5, d) for d in (29, 30, 31)] + [D(1935, 6, d) for d in range(1, 11)],
            "29 May \u2013 10 June 1935",
        ),
        ([D(1935, 6, d) for d in (1, 3, 5, 6, 7)], "1, 3 and 5\u20137 June 1935"),
        (
            [D(1935, 5, 29), D(1935, 5, 30), D(1935, 5, 31), D(1935, 6, 2)],
            "29\u201331 May and 2 June 1935",
        ),
        ([D(1935, 5, 31), D(1935, 6, 1)], "31 May and 1 June 1935"),
        ([D(1935, 12, 31), D(1936, 1, 2)], "31 December 1935 and 2 January 1936"),
        ([], ""),
    ],
)
def test_dates_text(days, text):
    from game.debrief.model import dates_text

    assert dates_text(days) == text
