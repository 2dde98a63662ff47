"""A deadline let pass is dated by the deadline itself, not by the dawn the engine let it run out.

Teacher's review, finding 10: the report said "13 June 1935 · Deadline. You let the deadline of
'The four demands of 9 June' pass", though the game and the guide give the deadline as noon,
12 June (the engine expires a deadline at the dawn after its day).
"""

from __future__ import annotations

import datetime as dt

from game.analysis.replay import play, scripted
from game.debrief import build_debrief, render_html, render_markdown
from game.scenario.load import load_scenario_bytes
from game.text.debrief_view import debrief_lines
from game.text.style import Style
from tests.conftest import edited_mini

D = dt.date
# The first demand's deadline is 2 June (a day after it comes), put as the demand puts it.
LABELLED = edited_mini(
    (
        "    deadline_days: 1\n    historical_response: accept\n    responses:\n      accept: {label: Accept, kind: accept, effects: {pressure: -10",
        "    deadline_days: 1\n    deadline_label: noon, 2 June\n    historical_response: accept\n    responses:\n      accept: {label: Accept, kind: accept, effects: {pressure: -10",
    ),
)


def _debrief(keys: list[str]):
    scenario = load_scenario_bytes(LABELLED.encode(), "labelled.yaml").scenario
    final = play(scenario, 1, scripted(keys)).final
    return build_debrief(scenario, final, seed=1)


def test_a_deadline_let_pass_is_dated_by_its_own_day_and_named_as_the_demand_put_it():
    # not answered on 1 or 2 June: the engine lets it run out at dawn on 3 June
    debrief = _debrief(["talk", "end", "end", "ultimatum:accept"])
    (expired,) = [d for d in debrief.divergences if d.kind == "expired"]
    assert expired.date == D(1935, 6, 2) and expired.dates == [D(1935, 6, 2)]
    assert expired.you == (
        "You let 'First demand' run out without a final answer (its deadline: noon, 2 June)."
    )
    # the news of it came at dawn on 3 June, and says whose day the deadline was
    (news,) = [h for h in debrief.days[2].happenings if h.kind == "demand_expired"]
    assert news.deadline == D(1935, 6, 2)
    assert all(h.deadline is None for day in debrief.days for h in day.happenings if h is not news)


def test_a_stall_moves_the_deadline_and_the_demands_label_no_longer_names_it():
    # the stall put the deadline off to 3 June: "noon, 2 June" is no longer it
    debrief = _debrief(["first:stall", "talk", "end", "end", "end"])
    (expired, *_) = [d for d in debrief.divergences if d.kind == "expired"]
    assert expired.date == D(1935, 6, 3)
    assert expired.you == (
        "You let 'First demand' run out without a final answer (its deadline: 3 June 1935)."
    )


def test_a_deadline_comes_after_the_days_own_decisions():
    # day 2: the deadline's day, with an action history did not take that day
    debrief = _debrief(["talk", "end", "prepare", "end", "ultimatum:accept"])
    on_the_day = [d.kind for d in debrief.divergences if d.date == D(1935, 6, 2)]
    assert on_the_day == ["extra_action", "expired"]


def test_every_report_dates_the_deadline_by_its_day():
    from game.ui.scenes.ending import DebriefScene

    debrief = _debrief(["talk", "end", "end", "ultimatum:accept"])
    window = DebriefScene()
    window.debrief, window.saved = debrief, ""
    markdown = render_markdown(debrief)
    assert (
        "**2 June 1935 · Deadline.** You let 'First demand' run out without a final answer"
        " (its deadline: noon, 2 June)." in markdown
    )
    assert "- Deadline passed: First demand (its deadline in the game: 2 June 1935)" in markdown
    assert "3 June 1935 · Deadline" not in markdown
    page = render_html(debrief)
    assert "<strong>2 June 1935 · Deadline.</strong>" in page
    assert "<li>Deadline passed: First demand (its deadline in the game: 2 June 1935)</li>" in page
    screen = " ".join(" ".join(debrief_lines(debrief, Style(plain=True))).split())
    assert (
        "- 2 June 1935 · Deadline. You let 'First demand' run out without a final answer"
        " (its deadline: noon, 2 June)." in screen
    )
    assert "- Deadline passed: First demand (its deadline in the game: 2 June 1935)" in screen
    shown = [text for _, text in window.paragraphs()]
    assert "2 June 1935 · Deadline." in shown


def test_a_stall_that_does_not_move_the_deadline_keeps_the_demands_words_everywhere(tmp_path):
    """Code review: a stall with no `extend_days` (the 1935 ultimatum's "still deliberating")
    dropped "noon, 12 June" from the debrief, while the text version's countdown kept it."""
    from game.analysis.describe import countdown_text, nearest_deadline
    from game.engine.actions import Respond
    from game.engine.api import new_game, step
    from game.ui.view import crisis_view

    text = LABELLED.replace(
        "stall: {label: Stall, kind: stall, closes: false, extend_days: 1,",
        "stall: {label: Stall, kind: stall, closes: false,",
    )
    scenario = load_scenario_bytes(text.encode(), "still.yaml").scenario
    state = step(scenario, new_game(scenario, 1).state, Respond(demand="first", response="stall"))
    state = state.state
    assert state.demands["first"].stalls == 1
    assert "noon, 2 June" in countdown_text(nearest_deadline(scenario, state))
    assert "noon, 2 June" in crisis_view(scenario, state, {}).header.countdown
    final = play(scenario, 1, scripted(["first:stall", "talk", "end", "end", "ultimatum:accept"]))
    debrief = build_debrief(scenario, final.final, seed=1)
    (expired,) = [d for d in debrief.divergences if d.kind == "expired"]
    assert expired.you.endswith("(its deadline: noon, 2 June).")
