"""An alternate history says what it changes from the record, in every form of the debrief and in
the window's briefing, not only in the text version's briefing.

Play-test of nanjing_free_hand.yaml: its premise (the Red Army broken in spring, Chiang in
Nanjing, the Japanese side unchanged) was shown by the text version's briefing alone; the
window's briefing and the saved report never said the game was alternate history.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from game.analysis.policies import historical
from game.analysis.replay import play
from game.debrief import build_debrief, render_html, render_markdown
from game.debrief.sections import report_sections
from game.scenario.load import load_scenario
from game.text.debrief_view import debrief_lines
from game.text.style import Style
from tests.debrief.test_report_sections import _window

ROOT = Path(__file__).resolve().parents[2]
HEADING = "What this scenario changes from history"


@pytest.fixture(scope="module")
def free_hand():
    return load_scenario(ROOT / "scenarios" / "nanjing_free_hand.yaml").scenario


def _premise_words(scenario) -> str:
    assert scenario.counterfactual.strip()
    return " ".join(scenario.counterfactual.split())[:60]


def test_every_form_of_the_report_states_the_premise_after_its_front(free_hand):
    debrief = build_debrief(free_hand, play(free_hand, 5, historical).final, seed=5)
    keys = [section.key for section in report_sections(debrief)]
    assert keys[:2] == ["front", "premise"]
    words = _premise_words(free_hand)
    markdown = render_markdown(debrief)
    assert f"## {HEADING}" in markdown and words in " ".join(markdown.split())
    page = render_html(debrief)
    assert f"<h2>{HEADING}</h2>" in page and words in " ".join(html.unescape(page).split())
    terminal = debrief_lines(debrief, Style(plain=True, width=200))
    assert HEADING in terminal and words in " ".join(" ".join(terminal).split())
    shown, headings = _window(debrief)
    assert headings[:1] == [HEADING.upper()] and words in " ".join(" ".join(shown).split())


def test_a_scenario_that_changes_nothing_has_no_premise_section(mini):
    assert not mini.scenario.counterfactual
    debrief = build_debrief(mini.scenario, play(mini.scenario, 3, historical).final, seed=3)
    assert "premise" not in [section.key for section in report_sections(debrief)]
    assert HEADING not in render_markdown(debrief)
