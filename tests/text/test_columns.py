"""The text version wraps by terminal columns: a Chinese or Japanese character takes two."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.text.style import Style, columns, wrap_columns

MIXED = (
    "The National Government's 'friendly relations' decree (敦睦邦交令) is issued; He Yingqin "
    "(何應欽) leaves Peiping (北平) on 13 June, and Umezu (梅津美治郎) " + "中文" * 30
)


def test_wide_characters_take_two_columns():
    assert columns("abc") == 3
    assert columns("北平") == 4
    assert columns("Peiping (北平)") == 14


@pytest.mark.parametrize("width", [12, 20, 40, 78])
def test_no_line_runs_past_the_terminal_and_nothing_is_lost(width):
    lines = wrap_columns(MIXED, width, "  ", "    ")
    assert max(columns(line) for line in lines) <= width
    assert "".join(lines).replace(" ", "") == MIXED.replace(" ", "")


def test_ascii_text_wraps_as_textwrap_does():
    text = (
        "He told Takahashi orally that all four points were being carried out; anti-Japanese acts"
    )
    assert wrap_columns(text, 30, "  ", "  ") == textwrap.wrap(
        text, 30, initial_indent="  ", subsequent_indent="  "
    )


def test_the_style_wraps_by_columns():
    style = Style(width=30, colour=False, plain=True)
    assert max(columns(line) for line in style.wrap(MIXED)) <= 30


@given(
    st.text(alphabet=st.sampled_from(list("ab cd-北平中文。")), max_size=120),
    st.integers(min_value=4, max_value=60),
)
def test_any_mix_fits_its_width(text, width):
    for line in wrap_columns(text, width):
        assert columns(line) <= width


@pytest.mark.parametrize("title", ["Help", "Ending", "何梅協定", "x" * 100])
def test_a_heading_is_underlined_to_its_own_width(title):
    _, shown, rule = Style(width=40).heading(title)
    assert shown == title and rule == "\u2500" * min(40, columns(title))
