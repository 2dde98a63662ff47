"""Every colour the window writes text in reads against every ground it is written on, in every
palette (WCAG 2 AA: 4.5:1 for text, 3:1 for the focus ring and the markers and bars that carry
meaning), computed from assets/ui/theme.json, so that a palette edit cannot quietly undo it."""

from __future__ import annotations

import itertools

import pytest

from game.ui.settings import Settings
from game.ui.theme import contrast, palette

PALETTES = {
    "standard": Settings(),
    "colour_blind": Settings(palette="colour_blind"),
    "high_contrast": Settings(high_contrast=True),
    "high_contrast+colour_blind": Settings(high_contrast=True, palette="colour_blind"),
}
# the text colours (game/ui: Style(..., colour)), each also on a highlighted row or button
TEXT = ("ink", "ink_soft", "disabled", "urgent", "good", "bad", "neutral")
# the grounds text is written on: panels, dialogs and slips, the highlighted row (also the
# focused button), buttons, and the window's own background (the band of key hints)
GROUNDS = ("paper", "paper_dark", "slip", "select", "background")
# text on a coloured ground: a dialog's banner and the council clock's last seconds (paper on
# urgent, or on ink_soft); the map's region names and its sea's name (on land and sea)
OTHER_TEXT = (
    ("paper", "urgent"),
    ("paper", "ink_soft"),
    ("ink_soft", "land"),
    ("ink_soft", "sea"),
    ("ink", "land"),
    ("sea_label", "sea"),
)
TEXT_RATIO = 4.5
# not text, but meaning: the focus ring and the selected row's mark on any ground, the sides'
# markers (map, legend, attitudes) and the situation's bars on theirs
SHAPES = (
    *(("focus", ground) for ground in GROUNDS),
    *(("ink", ground) for ground in GROUNDS),
    *((side, ground) for side in ("japan", "china", "third") for ground in ("land", "paper")),
    *((side, "select") for side in ("japan", "china", "third")),
    *((bar, "paper_dark") for bar in ("good", "bad", "neutral")),
)
SHAPE_RATIO = 3.0


@pytest.mark.parametrize("name", PALETTES)
def test_every_text_colour_reads_on_every_ground(name):
    colours = palette(PALETTES[name])
    pairs = [*itertools.product(TEXT, GROUNDS), *OTHER_TEXT]
    low = {
        f"{fg} on {bg}: {contrast(colours[fg], colours[bg]):.2f}"
        for fg, bg in pairs
        if contrast(colours[fg], colours[bg]) < TEXT_RATIO
    }
    assert not low, f"{name}: under {TEXT_RATIO}:1: {sorted(low)}"


@pytest.mark.parametrize("name", PALETTES)
def test_the_focus_ring_markers_and_bars_stand_out(name):
    colours = palette(PALETTES[name])
    low = {
        f"{fg} on {bg}: {contrast(colours[fg], colours[bg]):.2f}"
        for fg, bg in SHAPES
        if contrast(colours[fg], colours[bg]) < SHAPE_RATIO
    }
    assert not low, f"{name}: under {SHAPE_RATIO}:1: {sorted(low)}"


def test_the_disabled_grey_still_looks_disabled():
    # readable (above), yet lighter than the ink of what can be chosen, in every palette
    for name, settings in PALETTES.items():
        colours = palette(settings)
        paper = colours["paper"]
        assert contrast(colours["disabled"], paper) < contrast(colours["ink"], paper) / 1.5, name
