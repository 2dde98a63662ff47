"""Colours and fonts from assets/ui/theme.json, adjusted by the player's settings and the window size."""

from __future__ import annotations

import json
from functools import cache
from typing import TypedDict

import pygame

from game.paths import assets_dir
from game.ui.settings import Settings

ASSETS = assets_dir()
THEME_FILE = ASSETS / "ui" / "theme.json"
FONTS_DIR = ASSETS / "fonts"


class ThemeData(TypedDict):
    """assets/ui/theme.json."""

    note: str
    fonts: dict[str, str]  # face -> font file in FONTS_DIR
    sizes: dict[str, int]  # size name -> pixels at scale 1
    palettes: dict[str, dict[str, str]]  # palette -> colour name -> "#rrggbb"


@cache
def theme_data() -> ThemeData:
    data: ThemeData = json.loads(THEME_FILE.read_text(encoding="utf-8"))
    return data


def _rgb(text: str) -> tuple[int, int, int]:
    text = text.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def palette(settings: Settings) -> dict[str, tuple[int, int, int]]:
    """The standard palette, overlaid by the colour-blind hues and then by high contrast if chosen."""
    palettes = theme_data()["palettes"]
    merged = dict(palettes["standard"])
    if settings.palette == "colour_blind":
        merged.update(palettes["colour_blind"])
    if settings.high_contrast:
        merged.update(palettes["high_contrast"])
    colours = {name: _rgb(value) for name, value in merged.items()}
    if settings.high_contrast:
        # every colour text is written in is darkened until it reads at WCAG AAA (7:1) on the paper,
        # whatever hue the palette gave it (the disabled grey only to AA, 4.5:1, so it still looks disabled)
        for name in TEXT_COLOURS:
            colours[name] = darken_to(colours[name], colours["paper"], 7.0)
        colours["disabled"] = darken_to(colours["disabled"], colours["paper"], 4.5)
    return colours


TEXT_COLOURS = (
    "ink",
    "ink_soft",
    "urgent",
    "good",
    "bad",
    "neutral",
    "river",
    "sea_label",
    "japan",
    "china",
)


def luminance(rgb: tuple[int, int, int]) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def darken_to(
    colour: tuple[int, int, int], paper: tuple[int, int, int], ratio: float
) -> tuple[int, int, int]:
    """The colour, darkened (same hue) just enough to reach `ratio` against the paper."""
    factor = 1.0
    out = colour
    while contrast(out, paper) < ratio and factor > 0:
        factor -= 0.05
        out = (round(colour[0] * factor), round(colour[1] * factor), round(colour[2] * factor))
    return out


def window_factor(size: tuple[int, int]) -> float:
    """Text grows with the window, so a large screen is not a sea of tiny print."""
    width, height = size
    return max(0.9, min(1.55, min(width / 1280, height / 720)))


# The text scale the screens are laid out for holds at most this much text for a window's size
# (1.1 at 800x600, 1.76 at 1280x720): larger print in a smaller window would cut off the action
# points, the deadline and the answers, so it is drawn as large as fits instead.
ROOM = 1.76
# and the print is never smaller than the smallest text size in the 1280x720 window (85%):
# below it the inbox and the map's labels fell to 10 px and were hard to read
SMALLEST = 0.85
# The map's words follow the text-size setting only this far: the map itself does not grow with the
# text, so larger names would crowd it and be pushed away from their places.
MAP_TEXT_SIZE_CAP = 1.15


def largest_scale(size: tuple[int, int]) -> float:
    """The largest text scale whose screens fit a window of this size."""
    width, height = size
    return ROOM * min(width / 1280, height / 720)


def text_scale(text_size: float, size: tuple[int, int]) -> float:
    """The scale text is drawn at: the player's text size times the window's factor, kept between
    the smallest readable print and the largest that fits the window."""
    return max(SMALLEST, min(largest_scale(size), text_size * window_factor(size)))


def largest_text_size(size: tuple[int, int]) -> float:
    """The largest text size setting (1.0 = 100%) a window of this size draws as chosen."""
    return largest_scale(size) / window_factor(size)


class Fonts:
    """pygame fonts by face and size name, scaled; cached, since opening a font file is slow."""

    def __init__(self, scale: float):
        self.scale = scale
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}
        self.sizes: dict[str, int] = theme_data()["sizes"]
        self.files: dict[str, str] = theme_data()["fonts"]

    def px(self, size: str) -> int:
        return max(10, round(self.sizes[size] * self.scale))

    def get(self, face: str, size: str) -> pygame.font.Font:
        px = self.px(size)
        key = (face, px)
        font = self._cache.get(key)
        if font is None:
            font = pygame.font.Font(str(FONTS_DIR / self.files[face]), px)
            self._cache[key] = font
        return font


class Theme:
    """Everything a scene needs to look right: the palette and the fonts for the current window."""

    def __init__(self, settings: Settings, size: tuple[int, int]):
        self.settings = settings
        self.colours = palette(settings)
        self.fonts = Fonts(text_scale(settings.text_size, size))
        # the scale of the map's place names and legend (at most the rest's)
        self.map_scale = min(
            self.fonts.scale, text_scale(min(settings.text_size, MAP_TEXT_SIZE_CAP), size)
        )
        # the window draws smaller print than the player chose (see the settings screen)
        self.limited = settings.text_size > largest_text_size(size)

    def c(self, name: str) -> tuple[int, int, int]:
        return self.colours[name]
