"""A wrapped bullet or indented paragraph goes on under its first word (play-test: the debrief's
wrapped bullets ran back to the margin, under their bullets)."""

from __future__ import annotations

from game.ui.text import BODY
from game.ui.widgets import hanging


def test_a_bullet_goes_on_under_its_first_word(make_app):
    ink = make_app().ink
    text = "  \u2022 " + "Accept in principle, but offer a withdrawal over months. " * 4
    lines = hanging(ink, text, 400, BODY)
    assert len(lines) > 2 and lines[0].startswith("  \u2022 Accept")
    first_word = ink.width("  \u2022 ", BODY)
    for line in lines[1:]:
        pad = len(line) - len(line.lstrip(" "))
        assert abs(ink.width(" " * pad, BODY) - first_word) <= ink.width(" ", BODY)
        assert ink.width(line, BODY) <= 400


def test_a_paragraph_at_the_margin_wraps_as_before(make_app):
    ink = make_app().ink
    text = "History: the memorandum. " * 6
    assert hanging(ink, text, 300, BODY) == ink.wrap(text, 300, BODY)
