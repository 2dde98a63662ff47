"""A scenario with history notes but no decisions or ending of history's own.

Author test: a scenario with one history note and nothing marked historical got a debrief saying
"Your decisions followed the historical record", and its ending "(not the historical ending)";
the text version said "historians' verdicts are shown above" of an ending that had none.
"""

from __future__ import annotations

from game.analysis.policies import uniform
from game.analysis.replay import play
from game.debrief import build_debrief, render_html, render_markdown
from game.scenario.load import check_scenario_bytes
from game.text.debrief_view import debrief_lines
from game.text.style import Style
from tests.conftest import NO_HISTORY, edited_mini

# Every mark of history taken out but the history note (the last of NO_HISTORY's edits).
NOTES_ONLY = edited_mini(*NO_HISTORY[:-1])


def _forms(debrief) -> dict[str, str]:
    from game.ui.scenes.ending import DebriefScene

    window = DebriefScene()
    window.debrief, window.saved = debrief, ""
    return {
        "markdown": render_markdown(debrief),
        "html": render_html(debrief),
        "terminal": "\n".join(debrief_lines(debrief, Style(plain=True))),
        "window": "\n".join(text for _, text in window.paragraphs()),
    }


def test_notes_alone_are_shown_but_no_decision_or_ending_is_set_beside_history():
    scenario, diagnostics = check_scenario_bytes(NOTES_ONLY.encode(), "notes.yaml")
    assert scenario is not None, [str(d) for d in diagnostics]
    assert scenario.has_history and not scenario.records_decisions
    debrief = build_debrief(scenario, play(scenario, 3, uniform).final, seed=3)
    for name, text in _forms(debrief).items():
        lowered = text.lower()
        assert "a note was delivered" in lowered, name  # the history note itself stays
        for words in ("where you left history", "historical ending", "historical record"):
            assert words not in lowered, (name, words)
        assert "not what history did" not in lowered, name


def test_the_text_version_mentions_verdicts_above_only_when_there_are_some(mini):
    final = play(mini.scenario, 3, uniform).final
    debrief = build_debrief(mini.scenario, final, seed=3)
    assert debrief.ending is not None
    shown = " ".join(debrief_lines(debrief, Style(plain=True), ending_above=True))
    said = "verdicts are shown above" in shown
    assert said is bool(debrief.ending.verdicts)
