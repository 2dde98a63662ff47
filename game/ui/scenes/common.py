"""Layout helpers shared by the scenes: the paper page, a row of buttons, a dialog box."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.scene import Scene
from game.ui.settings import TEXT_SIZES
from game.ui.text import BODY, HEAD, SMALL, Style
from game.ui.widgets import Button, TextPane, frame

if TYPE_CHECKING:
    from game.ui.app import App

TITLE = Style("typewriter_bold", "title")
BOX_HEADING = Style("typewriter_bold", "heading")


def margin(app: App) -> int:
    return max(10, app.size[0] // 60)


def page_rect(app: App, rect: pygame.Rect, max_width: int = 1100) -> pygame.Rect:
    pad = margin(app)
    width = min(rect.width - 2 * pad, int(max_width * app.theme.fonts.scale))
    return pygame.Rect(rect.centerx - width // 2, rect.y + pad, width, rect.height - 2 * pad)


def dialog_rect(
    app: App, rect: pygame.Rect, width_fraction: float = 0.72, height_fraction: float = 0.8
) -> pygame.Rect:
    # Larger print takes more of the window (at the largest text size, nearly all of it): the
    # dialog holds words, and the screen below it waits.
    largest = TEXT_SIZES[-1]
    larger = max(0.0, min(app.settings.text_size, largest) - 1.0) / (largest - 1.0)
    width_fraction += (0.95 - width_fraction) * larger
    height_fraction += (0.95 - height_fraction) * larger
    area, _ = hint_band(app, rect)  # above the band of key hints, which stays readable
    width = max(int(area.width * width_fraction), min(area.width - 20, 760))
    height = max(int(area.height * height_fraction), min(area.height - 20, 560))
    out = pygame.Rect(0, 0, min(width, area.width - 20), min(height, area.height - 20))
    out.center = area.center
    return out


def layout_buttons(app: App, buttons: list[Button], area: pygame.Rect) -> pygame.Rect:
    """Lay buttons in one row (or two, if they do not fit) at the bottom of `area`; return what is left."""
    if not buttons:
        return area
    ink = app.ink
    gap = 8
    height = buttons[0].preferred_height(ink)
    widths = [ink.width(b.label, b.style) + 28 for b in buttons]
    rows = [list(range(len(buttons)))]
    if sum(widths) + gap * (len(buttons) - 1) > area.width:
        half = (len(buttons) + 1) // 2
        rows = [list(range(half)), list(range(half, len(buttons)))]
    y = area.bottom - len(rows) * (height + gap) + gap
    for row in rows:
        total = sum(widths[i] for i in row) + gap * (len(row) - 1)
        scale = min(1.0, area.width / max(1, total))
        x = area.right - int(total * scale)
        for i in row:
            w = int(widths[i] * scale)
            buttons[i].rect = pygame.Rect(x, y, w, height)
            x += w + int(gap * scale)
        y += height + gap
    return pygame.Rect(
        area.x, area.y, area.width, max(0, area.height - len(rows) * (height + gap) - 4)
    )


def draw_title(
    app: App,
    surface: pygame.Surface,
    inner: pygame.Rect,
    title: str,
    subtitle: str = "",
    style: Style = HEAD,
) -> pygame.Rect:
    """A heading (and a soft subtitle) at the top of `inner`; returns the rest."""
    ink = app.ink
    y = inner.y
    for line in ink.wrap(title, inner.width, style)[:2]:
        ink.line(surface, line, (inner.x, y), inner, style)
        y += ink.height(style)
    if subtitle:
        soft = Style("serif", "small", "ink_soft")
        for line in ink.wrap(subtitle, inner.width, soft)[:2]:
            ink.line(surface, line, (inner.x, y), inner, soft)
            y += ink.height(soft)
    y += 6
    pygame.draw.line(surface, app.theme.c("border"), (inner.x, y - 3), (inner.right - 1, y - 3))
    return pygame.Rect(inner.x, y, inner.width, max(0, inner.bottom - y))


def key_hint(app: App, surface: pygame.Surface, rect: pygame.Rect, text: str) -> None:
    """A line of key hints at the bottom of the window, outside every panel; the council's time
    left first, if `text` starts with it (`with_council_clock`), and in its last seconds in
    the urgent colour."""
    style = Style("serif", "small", "ink_soft")
    height = app.ink.height(style)
    band = pygame.Rect(rect.x, rect.bottom - height - 2, rect.width, height + 2)
    # The band is laid on the window's own background: under a dialog over a dialog (Save as
    # over the menu) it was shaded twice, and its soft ink could not be read (play-test).
    pygame.draw.rect(surface, app.theme.c("background"), band)
    items = text.split(SEPARATOR)
    x = band.x + 4
    if len(items) > 1 and items[0].startswith(CLOCK_WORDS):
        x = _council_clock(app, surface, band, items.pop(0)) + 4
    # Too long for the window: the hints before the last give way, one by one, so the last
    # (Esc: the way out) is never cut off mid-word.
    while len(items) > 2 and app.ink.width(SEPARATOR.join(items), style) > band.right - x - 4:
        del items[-2]
    app.ink.line(surface, SEPARATOR.join(items), (x, band.y), band, style)


def _council_clock(app: App, surface: pygame.Surface, band: pygame.Rect, clock: str) -> int:
    """Draw the council's time left at the start of the band; return where the hints go on.
    In the last CLOCK_WARNING_S it is paper on the urgent colour: the grey clock looked the same
    at 0:05 as at 1:00 (play-test)."""
    left = app.council_seconds_left()
    if left is None or left > CLOCK_WARNING_S:
        style = Style("serif", "small", "ink_soft")
        drawn = app.ink.line(surface, clock + SEPARATOR, (band.x + 4, band.y), band, style)
        return drawn.right if drawn else band.x
    style = Style("serif_bold", "small", "paper")
    box = pygame.Rect(band.x, band.y, app.ink.width(clock, style) + 12, band.height)
    pygame.draw.rect(surface, app.theme.c("urgent"), box)
    app.ink.line(surface, clock, (box.x + 6, band.y), box, style)
    return box.right + 4


SEPARATOR = " \u00b7 "
CLOCK_WORDS = "Council time left"
CLOCK_WARNING_S = 30  # the council's last seconds, when its clock turns urgent


def with_council_clock(app: App, hint: str) -> str:
    """The hint, after the council's time left when a time limit runs (in dialogs too: it runs on)."""
    left = app.council_seconds_left()
    if left is None:
        return hint
    return f"{CLOCK_WORDS} {left // 60}:{left % 60:02d}{SEPARATOR}" + hint


def hint_band(app: App, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
    """Split off the bottom line of the window for key hints: (content, band)."""
    height = app.ink.height(SMALL) + 4
    return pygame.Rect(rect.x, rect.y, rect.width, rect.height - height), pygame.Rect(
        rect.x, rect.bottom - height, rect.width, height
    )


class PageScene:
    """Mixin for a full page: a framed paper page with a title, a scrolling pane and buttons."""

    def page_layout(
        self,
        app: App,
        rect: pygame.Rect,
        pane: TextPane,
        buttons: list[Button],
        max_width: int = 1100,
    ) -> pygame.Rect:
        content, self.band = hint_band(app, rect)
        self.page = page_rect(app, content, max_width)
        self.inner = self.page.inflate(-2 * margin(app), -2 * margin(app))
        self.body = layout_buttons(app, buttons, self.inner)
        pane.rect = self.body
        return self.body

    def page_draw(
        self,
        app: App,
        surface: pygame.Surface,
        title: str,
        subtitle: str,
        pane: TextPane,
        hint: str,
    ) -> None:
        frame(surface, app.ink, self.page)
        rest = draw_title(app, surface, self.inner, title, subtitle, HEAD)
        pane.rect = pygame.Rect(rest.x, rest.y, rest.width, max(0, self.body.bottom - rest.y))
        key_hint(app, surface, self.band, hint)


class BoxedMenu(Scene):
    """A small box of buttons over the screen below (the in-game menu, the quit question): a
    heading, the buttons one under another, and the box's own keys in the band at the bottom."""

    modal = True
    arrows_move_focus = True
    heading = ""
    hint = ""
    note = ""  # a few words under the heading, wrapped (what a question is about)

    def layout(self, app: App, rect: pygame.Rect) -> None:
        ink = app.ink
        buttons = [widget for widget in self.widgets if isinstance(widget, Button)]  # all of them
        height = buttons[0].preferred_height(ink)
        longest = max(ink.width(button.label, BODY) for button in buttons)
        wanted = max(360, longest + 80, ink.width(self.heading, BOX_HEADING) + 60)
        width = min(rect.width - 40, wanted)
        top = ink.height(BOX_HEADING) + 24
        self.note_lines = ink.wrap(self.note, width - 40, BODY) if self.note else []
        top += len(self.note_lines) * ink.height(BODY) + (8 if self.note_lines else 0)
        self.box = pygame.Rect(0, 0, width, top + len(self.widgets) * (height + 8) + 16)
        self.box.center = rect.center
        y = self.box.y + top
        for widget in self.widgets:
            widget.rect = pygame.Rect(self.box.x + 20, y, width - 40, height)
            y += height + 8

    def draw(self, app: App, surface: pygame.Surface) -> None:
        self.draw_box(app, surface)
        self.draw_widgets(app, surface)
        self.draw_hint(app, surface)

    def draw_hint(self, app: App, surface: pygame.Surface) -> None:
        """The box's keys in the band, when it is on top (a box over it has keys of its own)."""
        if self.hint and app.top is self:
            _, band = hint_band(app, surface.get_rect())
            key_hint(app, surface, band, self.hint)

    def draw_box(self, app: App, surface: pygame.Surface) -> None:
        inner = frame(surface, app.ink, self.box)
        app.ink.line(
            surface, self.heading, (inner.centerx, inner.y + 4), inner, BOX_HEADING, align="centre"
        )
        y = inner.y + app.ink.height(BOX_HEADING) + 14
        for line in getattr(self, "note_lines", []):
            app.ink.line(surface, line, (self.box.x + 20, y), inner, BODY)
            y += app.ink.height(BODY)
