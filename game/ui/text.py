"""Drawing text that stays inside its panel: mixed Latin/CJK runs, wrapping, eliding, and a debug recorder.

Every piece of text on screen goes through `Ink`, which knows the panel it draws into. A line
that would cross the panel's right edge is elided with "…"; a line that would cross its bottom
is not drawn (the caller pages instead). With `recorder` set, each blit's rectangle is recorded
with its panel, so tests can assert that no text leaves its panel.
"""

from __future__ import annotations

from typing import NamedTuple

import pygame

from game.ui.theme import Theme

ELLIPSIS = "\u2026"


def is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, punctuation, kana, unified ideographs
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # fullwidth forms
        or 0x20000 <= code <= 0x2FA1F
    )


# Symbols that neither the Latin faces nor the CJK subset carry, drawn as the nearest thing they do.
SUBSTITUTES = str.maketrans(
    {
        "\u2212": "\u2013",
        "\u25c2": "\u2190",
        "\u25b8": "\u2192",
        "\u2717": "\u00d7",  # the ballot cross: the multiplication sign (the tick is in the subset)
        "\u25a0": "|",
        "\u25a1": "\u00b7",
    }
)
_GLYPHS: dict[
    tuple[int, str], bool
] = {}  # (font height, char) -> lacking; faces differ only by size here


def _lacks(font: pygame.font.Font, char: str) -> bool:
    """Whether the font would draw its 'missing glyph' box for `char` (metrics cannot tell: they report the box)."""
    key = (font.get_height() * 7919 + font.size("M")[0], char)  # tells faces and sizes apart
    known = _GLYPHS.get(key)
    if known is not None:
        return known

    def picture(c: str) -> bytes:
        return pygame.image.tobytes(font.render(c, True, (0, 0, 0)), "RGBA")

    lacking = picture(char) == picture("\U000efffd")
    _GLYPHS[key] = lacking
    return lacking


def runs(text: str, latin: pygame.font.Font | None = None) -> list[tuple[bool, str]]:
    """Split text into runs for the CJK face and the Latin face: each run is drawn with its own font.

    With `latin` given, symbols the Latin face lacks (arrows) go to the CJK face, which has them.
    """
    if text and max(text) < "\u2000":
        # the usual case, and a quick one: nothing from a CJK block or beyond the Latin faces' range
        return [(False, text)]
    out: list[tuple[bool, str]] = []
    for char in text:
        cjk = is_cjk(char) or (latin is not None and ord(char) > 0x2000 and _lacks(latin, char))
        if out and out[-1][0] == cjk:
            out[-1] = (cjk, out[-1][1] + char)
        else:
            out.append((cjk, char))
    return out


def _tokens(text: str) -> list[str]:
    """What a line may break between: each CJK character, and words with their leading space."""
    tokens: list[str] = []
    for is_cjk_run, part in runs(text):
        if is_cjk_run:
            tokens.extend(part)
        else:
            for index, word in enumerate(part.split(" ")):
                tokens.append((" " if index else "") + word)
    return tokens


class Style(NamedTuple):  # a named tuple, not a dataclass: quicker to define before the first frame
    face: str = "serif"  # serif, serif_bold, typewriter, typewriter_bold
    size: str = "body"  # small, body, heading, title
    colour: str = "ink"


BODY = Style()
SMALL = Style(size="small")
SOFT = Style(size="small", colour="ink_soft")
HEAD = Style("typewriter_bold", "heading")
TYPE = Style("typewriter", "body")
BOLD = Style("serif_bold")


class Blit(NamedTuple):
    text: str
    rect: pygame.Rect
    panel: pygame.Rect


CACHE_LIMIT = (
    4096  # measured and wrapped strings kept per Ink (a new Ink comes with each theme change)
)
RENDER_LIMIT = (
    1024  # rendered lines kept per Ink: about one screenful of distinct lines several times over
)


class Ink:
    def __init__(self, theme: Theme, recorder: list[Blit] | None = None):
        self.theme = theme
        self.recorder = recorder
        # Measuring is the cost of a redraw (a width looks at every character's face), and the same
        # labels are measured at every frame: remember them. The theme (fonts) is fixed for this Ink.
        self._widths: dict[tuple[str, Style], int] = {}
        self._wraps: dict[tuple[str, int, Style], list[str]] = {}
        self._renders: dict[
            tuple[str, Style, tuple[int, int, int]], list[tuple[pygame.Surface, int]]
        ] = {}
        self._heights: dict[Style, int] = {}

    # --- measuring ---------------------------------------------------------------------------
    def _fonts(self, style: Style) -> tuple[pygame.font.Font, pygame.font.Font]:
        fonts = self.theme.fonts
        cjk = fonts.get("cjk", style.size)
        cjk.bold = style.face.endswith("bold")
        return fonts.get(style.face, style.size), cjk

    def width(self, text: str, style: Style = BODY) -> int:
        key = (text, style)
        known = self._widths.get(key)
        if known is None:
            latin, cjk = self._fonts(style)
            plain = text.translate(SUBSTITUTES)
            known = sum((cjk if c else latin).size(part)[0] for c, part in runs(plain, latin))
            if len(self._widths) >= CACHE_LIMIT:
                self._widths.clear()
            self._widths[key] = known
        return known

    def height(self, style: Style = BODY) -> int:
        known = self._heights.get(style)
        if known is None:
            latin, cjk = self._fonts(style)
            known = self._heights[style] = max(latin.get_linesize(), cjk.get_linesize())
        return known

    # --- wrapping ----------------------------------------------------------------------------
    def wrap(self, text: str, width: int, style: Style = BODY) -> list[str]:
        """Lines no wider than `width`; paragraphs (\\n) kept; CJK may break between any characters."""
        key = (text, width, style)
        known = self._wraps.get(key)
        if known is None:
            known = []
            for paragraph in text.split("\n"):
                known.extend(self._wrap_paragraph(paragraph, width, style))
            if len(self._wraps) >= CACHE_LIMIT:
                self._wraps.clear()
            self._wraps[key] = known
        return list(known)

    def _wrap_paragraph(self, text: str, width: int, style: Style) -> list[str]:
        tokens = _tokens(text)
        lines = self._wrap_tokens(tokens, width, style, exact=False)
        if any(self.width(line, style) > width for line in lines if len(line) > 1):
            # an estimate was wrong (strong kerning across words?): measure every step instead
            lines = self._wrap_tokens(tokens, width, style, exact=True)
        return lines

    def _wrap_tokens(
        self, tokens: list[str], width: int, style: Style, *, exact: bool
    ) -> list[str]:
        """Greedy wrapping: each line takes tokens while the line stays within `width`.

        Measuring every candidate line costs time in the square of its length, so (unless
        `exact`) a line's width is estimated as the sum of its tokens' widths, which are few and
        cached, and only a sum within `slack` of `width` is measured. Sums differ from a measured
        line by under 1.5 px a token (rounding, kerning), so the lines are the same either way;
        `_wrap_paragraph` checks the result and falls back to `exact` if ever they are not.
        """
        measure = self.width
        lines: list[str] = []
        current = ""
        current_width = 0  # measured, or estimated as a sum of token widths
        count = 0  # tokens in `current`, for the slack
        for token in tokens:
            candidate = current + token
            if current:
                estimate = current_width + measure(token, style)
                slack = 2 * (count + 2)
                if exact or abs(estimate - width) <= slack:
                    estimate = measure(candidate, style)
                if estimate > width:
                    lines.append(current.rstrip())
                    current = token.lstrip()
                    current_width, count = measure(current, style), 1
                else:
                    current, current_width, count = candidate, estimate, count + 1
            else:
                current, current_width, count = candidate, measure(candidate, style), 1
            while current_width > width and len(current) > 1:
                # a word longer than the line: break it where it must break
                cut = len(current) - 1
                while cut > 1 and measure(current[:cut], style) > width:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
                current_width, count = measure(current, style), 1
        lines.append(current.rstrip())
        return lines

    def elide(self, text: str, width: int, style: Style = BODY) -> str:
        if self.width(text, style) <= width:
            return text
        low, high = 0, len(text)
        while low < high:
            mid = (low + high + 1) // 2
            if self.width(text[:mid].rstrip() + ELLIPSIS, style) <= width:
                low = mid
            else:
                high = mid - 1
        return text[:low].rstrip() + ELLIPSIS if low else ""

    def elide_words(self, text: str, width: int, style: Style = BODY) -> str:
        """`text` if it fits, else as many of its words as fit with an ellipsis after them
        ("none stated, but expected before the officers…", not "…the officers ca…"); a first
        word too long for the width is cut where it must be, as `wrap` cuts it."""
        if self.width(text, style) <= width:
            return text
        room = width - self.width(ELLIPSIS, style)
        first = self.wrap(text, room, style)[0] if room > 0 else ""
        first = first.rstrip(" ,;")
        return first + ELLIPSIS if first else ""

    # --- drawing -----------------------------------------------------------------------------
    def line(
        self,
        surface: pygame.Surface,
        text: str,
        pos: tuple[int, int],
        panel: pygame.Rect,
        style: Style = BODY,
        *,
        colour: tuple[int, int, int] | None = None,
        align: str = "left",
    ) -> pygame.Rect | None:
        """Draw one line at `pos` (its top-left, or top-centre/right by `align`), kept inside `panel`.

        Only the part of `panel` inside the surface's clip counts: a list row cut by the list's
        edge (drawn clipped, as a scroll view draws) shows whole lines only, and the recorder
        sees the panel as shown."""
        x, y = pos
        panel = panel.clip(surface.get_clip())
        height = self.height(style)
        if not text or y < panel.top or y + height > panel.bottom:
            return None
        if align == "centre":
            room = panel.width
        elif align == "right":
            room = x - panel.left
        else:
            room = panel.right - x
        text = self.elide(text, max(0, room), style)
        if not text:
            return None
        width = self.width(text, style)
        if align == "centre":
            x = max(panel.left, x - width // 2)
            x = min(x, panel.right - width)
        elif align == "right":
            x -= width
        ink = colour or self.theme.c(style.colour)
        key = (text, style, ink)
        pieces = self._renders.get(key)
        if pieces is None:
            latin, cjk = self._fonts(style)
            ascent = max(latin.get_ascent(), cjk.get_ascent())
            pieces = []
            for is_cjk_run, part in runs(text.translate(SUBSTITUTES), latin):
                font = cjk if is_cjk_run else latin
                pieces.append((font.render(part, True, ink), ascent - font.get_ascent()))
            if len(self._renders) >= RENDER_LIMIT:
                self._renders.clear()
            self._renders[key] = pieces
        cursor = x
        for image, drop in pieces:
            surface.blit(image, (cursor, y + drop))
            cursor += image.get_width()
        rect = pygame.Rect(x, y, cursor - x, height)
        if self.recorder is not None:
            self.recorder.append(Blit(text, rect, pygame.Rect(panel)))
        return rect

    def block(
        self,
        surface: pygame.Surface,
        lines: list[str],
        pos: tuple[int, int],
        panel: pygame.Rect,
        style: Style = BODY,
        *,
        colour: tuple[int, int, int] | None = None,
    ) -> int:
        """Draw wrapped lines from `pos` down while they fit; return how many were drawn."""
        x, y = pos
        step = self.height(style)
        drawn = 0
        for text in lines:
            if y + step > panel.bottom:
                break
            self.line(surface, text, (x, y), panel, style, colour=colour)
            y += step
            drawn += 1
        return drawn
