"""Wrapping by estimated widths gives the lines that measuring every candidate line gives."""

from __future__ import annotations

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ui.text import BODY, HEAD, SMALL, Style, _tokens


def wrap_by_measuring_every_step(ink, text: str, width: int, style: Style) -> list[str]:
    """The specification: greedy wrapping that measures each candidate line (slow, and plain)."""
    lines: list[str] = []
    current = ""
    for token in _tokens(text):
        candidate = current + token
        if current and ink.width(candidate, style) > width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current = candidate
        while ink.width(current, style) > width and len(current) > 1:
            cut = len(current) - 1
            while cut > 1 and ink.width(current[:cut], style) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    lines.append(current.rstrip())
    return lines


WORDS = [
    "Peiping",
    "Tianjin",
    "He",
    "Yingqin",
    "Umezu",
    "Yoshijirō",
    "Sakai",
    "Takashi",
    "demands",
    "the",
    "Kuomintang",
    "party",
    "branches",
    "withdraw",
    "Hebei",
    "51st",
    "Army",
    "Yu",
    "Xuezhong",
    "AVAST",
    "To",
    "Wa.",
    "Ty,",
    "Vo;",
    "oral",
    "acceptance",
    "antidisestablishmentarianism",
    "何應欽",
    "北平",
    "天津",
    "梅津美治郎",
    "—",
    "“quoted”",
    "(brackets)",
    "1935",
    "12:00",
]


@pytest.fixture(scope="module")
def ink():
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    from game.ui.settings import Settings
    from game.ui.text import Ink
    from game.ui.theme import Theme

    pygame.font.init()
    yield Ink(Theme(Settings(), (1280, 720)))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=0, max_size=60),
    spaces=st.lists(st.sampled_from([" ", " ", " ", "  ", "\n"]), min_size=60, max_size=60),
    width=st.integers(min_value=8, max_value=700),
    style=st.sampled_from([BODY, SMALL, HEAD, Style("serif_bold", "title")]),
)
def test_estimated_wrapping_matches_measuring_every_line(ink, words, spaces, width, style):
    text = "".join(word + space for word, space in zip(words, spaces, strict=False)).rstrip(" ")
    expected = [
        line
        for paragraph in text.split("\n")
        for line in wrap_by_measuring_every_step(ink, paragraph, width, style)
    ]
    assert ink.wrap(text, width, style) == expected


def test_estimated_wrapping_measures_far_less_than_every_line(ink, monkeypatch):
    text = " ".join(WORDS[:40] * 3)
    widths: list[str] = []
    measure = type(ink).width

    def counting(self, candidate, style=BODY):
        widths.append(candidate)
        return measure(self, candidate, style)

    monkeypatch.setattr(type(ink), "width", counting)

    def measured_chars(wrap) -> int:
        """Characters measured by `wrap` from cold caches (a text measured twice counts once)."""
        ink._widths.clear()
        ink._wraps.clear()
        widths.clear()
        wrap()
        return sum(len(candidate) for candidate in set(widths))

    estimating = measured_chars(lambda: ink.wrap(text, 500, BODY))
    every_step = measured_chars(lambda: wrap_by_measuring_every_step(ink, text, 500, BODY))
    # the estimate measures single words and only the lines that end near the edge: on this text
    # about a quarter to a third of what measuring every candidate line measures
    assert estimating < every_step / 2
