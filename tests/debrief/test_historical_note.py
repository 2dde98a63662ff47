"""An action the record does not show in the game's days is said to be so, no more; and the
scenario may say what history did instead (`historical_note`: someone else did it, or later).

Teacher's report review: "Press Nanjing to invoke the Nine-Power Treaty... History did not do
this", though China's envoy in London invoked it from 14 June, two days after the game ends.

Play-test: with a note the debrief still said "The record does not show this done in the days the
game covers" of closing the Hebei party branches, which history did on 10 June as part of the
answer to the four demands, as the note and the timeline a few lines below said.
"""

from __future__ import annotations

from game.analysis.replay import play, scripted
from game.debrief import build_debrief, render_html, render_markdown
from game.debrief.build import NOT_IN_RECORD, OTHERWISE
from game.scenario.load import load_scenario_bytes
from tests.conftest import edited_mini

NOTE = "Not the envoy: a consul sent the same message on 20 June."


def _extra(note_line: str):
    edit = ("    historical_dates: [1935-06-01]\n", note_line)
    scenario = load_scenario_bytes(edited_mini(edit).encode(), "note.yaml").scenario
    final = play(scenario, 1, scripted(["talk", "end", "end", "end"])).final
    debrief = build_debrief(scenario, final, seed=1)
    (extra,) = [d for d in debrief.divergences if d.kind == "extra_action"]
    return debrief, extra


def test_an_action_the_record_does_not_show_is_said_to_be_not_in_the_record():
    _, extra = _extra("")
    assert extra.history == NOT_IN_RECORD
    assert "History did not do this" not in extra.history
    assert extra.note == ""


def test_the_scenarios_historical_note_is_given_beside_it_in_every_report():
    debrief, extra = _extra(f'    historical_note: "{NOTE}"\n')
    assert extra.note == NOTE
    assert NOTE in render_markdown(debrief)
    assert NOTE in render_html(debrief)


def test_with_a_note_the_history_line_does_not_say_the_record_is_silent():
    debrief, extra = _extra(f'    historical_note: "{NOTE}"\n')
    assert extra.history == OTHERWISE
    assert NOT_IN_RECORD not in render_markdown(debrief)
    assert NOT_IN_RECORD not in render_html(debrief)
