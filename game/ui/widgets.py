"""Focusable widgets drawn by hand: buttons, selectable lists and scrolling text, with a visible focus ring.

pygame_gui has no keyboard focus cycling and pages long text poorly, so focus, lists and paging live
here. A widget handles a key when focused and returns a scene command, True (key used) or None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from game.ui.text import BODY, SMALL, SOFT, Ink, Style

if TYPE_CHECKING:
    from game.ui.scene import SceneResult

MORE = Style("serif", "small", "ink_soft")
# the tag of what the player has not seen before: a codex entry just learned, an inbox message
# just arrived (in words, not only in bold type)
NEW = Style("typewriter_bold", "small", "urgent")
NEW_TAG = "NEW"
PEEK_LINES = 3  # a row that does not fit whole shows its first lines if this many fit


def frame(
    surface: pygame.Surface, ink: Ink, rect: pygame.Rect, title: str = "", *, fill: str = "paper"
) -> pygame.Rect:
    """A paper panel with a ruled border and optional typewriter title; returns the inner rect."""
    theme = ink.theme
    pygame.draw.rect(surface, theme.c(fill), rect)
    pygame.draw.rect(surface, theme.c("border"), rect, 1)
    pad = max(6, ink.height(SMALL) // 3)
    inner = rect.inflate(-2 * pad, -2 * pad)
    if title:
        style = Style("typewriter_bold", "small", "ink_soft")
        ink.line(surface, title.upper(), (inner.x, inner.y), inner, style)
        height = ink.height(style) + 2
        pygame.draw.line(
            surface,
            theme.c("border"),
            (inner.x, inner.y + height),
            (inner.right - 1, inner.y + height),
        )
        inner = pygame.Rect(
            inner.x, inner.y + height + 4, inner.width, max(0, inner.height - height - 4)
        )
    return inner


def no_map(surface: pygame.Surface, ink: Ink, rect: pygame.Rect) -> None:
    """The map panel of a scenario that has no map (see `game.ui.app.shows_map`)."""
    inner = frame(surface, ink, rect, "Map")
    ink.line(
        surface,
        "This scenario has no map.",
        (inner.centerx, inner.centery - ink.height(SOFT) // 2),
        inner,
        SOFT,
        align="centre",
    )


def focus_ring(surface: pygame.Surface, ink: Ink, rect: pygame.Rect) -> None:
    pygame.draw.rect(surface, ink.theme.c("focus"), rect.inflate(2, 2), 3)


def selection_mark(
    surface: pygame.Surface, ink: Ink, box: pygame.Rect, focused: bool, radius: int = 0
) -> None:
    """The outline of a list's selected row, drawn round its box over its fill: the fill alone
    was 1.42:1 on the paper (1.24:1 in high contrast). In the list with the focus, 2 px of ink
    (10:1 or more on the fill and the paper); in a list without it, 1 px of soft ink, so that the
    one row the keys act on is the one that looks active."""
    if focused:
        pygame.draw.rect(surface, ink.theme.c("ink"), box.inflate(2, 2), 2, border_radius=radius)
    else:
        pygame.draw.rect(surface, ink.theme.c("ink_soft"), box, 1, border_radius=radius)


def scroll_marker(
    surface: pygame.Surface, ink: Ink, rect: pygame.Rect, start: float, end: float
) -> None:
    """A thin track at the right edge of `rect`, marking which part (start..end, fractions of
    the whole) of a longer list or text is shown."""
    track = pygame.Rect(rect.right - 6, rect.y, 4, rect.height)
    pygame.draw.rect(surface, ink.theme.c("paper_dark"), track)
    pygame.draw.rect(
        surface,
        ink.theme.c("border"),
        (
            track.x,
            track.y + int(start * track.height),
            4,
            max(6, int((end - start) * track.height)),
        ),
    )


class Widget:
    rect: pygame.Rect = pygame.Rect(0, 0, 0, 0)
    focusable = True

    def key(self, event: pygame.event.Event) -> SceneResult:
        return None

    def click(self, pos: tuple[int, int], double: bool = False) -> SceneResult:
        """A left click; `double`: the second press of a double click (the first came to this
        screen, where this one is, a moment ago)."""
        return None

    def wheel(self, dy: int) -> SceneResult:
        return None

    def draw(self, surface: pygame.Surface, ink: Ink, focused: bool) -> None:
        raise NotImplementedError


class Button(Widget):
    def __init__(
        self,
        label: str,
        command: Callable[[], SceneResult],
        *,
        enabled: bool = True,
        style: Style = BODY,
        urgent: bool = False,
        single: bool = False,
    ):
        self.label = label
        self.command = command
        self.enabled = enabled
        self.style = style
        self.urgent = urgent
        # `single`: the second press of a double click does nothing, for a button whose second
        # press confirms what cannot be undone (review: a double click on "End the day" ended
        # the game on its last day, where the first press asks)
        self.single = single
        self.rect = pygame.Rect(0, 0, 0, 0)

    def preferred_height(self, ink: Ink) -> int:
        return ink.height(self.style) + 12

    def key(self, event: pygame.event.Event) -> SceneResult:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return self.command() if self.enabled else True
        return None

    def click(self, pos: tuple[int, int], double: bool = False) -> SceneResult:
        if double and self.single:
            return True
        return self.command() if self.enabled else True

    def draw(self, surface: pygame.Surface, ink: Ink, focused: bool) -> None:
        theme = ink.theme
        fill = "select" if focused and self.enabled else "paper_dark"
        pygame.draw.rect(surface, theme.c(fill), self.rect, border_radius=3)
        pygame.draw.rect(
            surface,
            theme.c("urgent" if self.urgent else "border"),
            self.rect,
            2 if self.urgent else 1,
            border_radius=3,
        )
        colour = theme.c("ink" if self.enabled else "disabled")
        inner = self.rect.inflate(-8, -4)
        y = self.rect.y + (self.rect.height - ink.height(self.style)) // 2
        ink.line(
            surface,
            self.label,
            (self.rect.centerx, y),
            inner,
            self.style,
            colour=colour,
            align="centre",
        )
        if focused:
            focus_ring(surface, ink, self.rect)


class StepButton(Button):
    """A setting stepped down or up (the text size, the volume): \u25c2 and \u25b8 are drawn at
    its two ends, and a click on its left half steps down, on its right half up (a click only
    ever stepped up: the volume could not be lowered with the mouse). An end it cannot go past
    is drawn in the disabled grey; Enter or Space steps up, as a click on the right does."""

    ARROWS = ("\u25c2", "\u25b8")

    def __init__(
        self,
        label: str,
        step: Callable[[int], SceneResult],
        can_step: Callable[[int], bool],
        *,
        style: Style = BODY,
    ):
        super().__init__(label, lambda: step(1), style=style)
        self.step = step
        self.can_step = can_step

    def click(self, pos: tuple[int, int], double: bool = False) -> SceneResult:
        return self.step(-1 if pos[0] < self.rect.centerx else 1)

    def draw(self, surface: pygame.Surface, ink: Ink, focused: bool) -> None:
        super().draw(surface, ink, focused)
        theme = ink.theme
        y = self.rect.y + (self.rect.height - ink.height(self.style)) // 2
        inner = self.rect.inflate(-16, -4)
        for arrow, step, x, align in (
            (self.ARROWS[0], -1, inner.x, "left"),
            (self.ARROWS[1], 1, inner.right, "right"),
        ):
            colour = theme.c("ink" if self.can_step(step) else "disabled")
            ink.line(surface, arrow, (x, y), inner, self.style, colour=colour, align=align)


# the keys that act on a list's chosen row
CONFIRM_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
# keys that, on a disarmed list, only show its highlight where it is (see ListWidget.armed)
SHOW_KEYS = (
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_RETURN,
    pygame.K_KP_ENTER,
    pygame.K_SPACE,
)


@dataclass
class ListWidget(Widget):
    """A vertical list of rows of varying height; arrows select, Enter activates, the view scrolls."""

    count: Callable[[], int]
    row_height: Callable[[int, int], int]  # (index, width) -> pixels
    draw_row: Callable[
        [pygame.Surface, pygame.Rect, int, bool, bool], None
    ]  # (surface, rect, index, selected, focused)
    activate: Callable[[int], SceneResult] = lambda index: None
    on_select: Callable[[int], None] = lambda index: None
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    selected: int = 0
    top: int = 0  # first row shown
    # room kept under the rows for "↓ N more below" when rows are hidden (set when drawn, since
    # it depends on the font): a row that would fill it waits below, so the line always shows
    more_room: int = 0
    # the row the last click selected: a click there (the second of a double click too) acts;
    # a click on any other row, even one selected by the keyboard or from the start, only
    # selects it, so a single click never answers a demand or spends an action point
    clicked: int | None = None
    # whether the highlight shows and Enter acts on it: a list whose rows changed under its
    # highlight can be disarmed, so that an Enter meant for the slip before does not act on a
    # row the player never chose; the first arrow or Enter then only shows the highlight
    armed: bool = True
    # asked in place of `activate` by an Enter on a row the player never chose: the highlight
    # was only shown (by an Enter or an arrow on a disarmed list) and has not moved since. None:
    # that Enter activates. The council names the action and waits for another Enter
    # (play-test: Enters pressed through the night's dialogs took the top action).
    confirm: Callable[[int], SceneResult] | None = None
    shown_only: bool = False  # the highlight was only shown, and no key has moved it since

    def disarm(self) -> None:
        """Hide the highlight until the player moves it (or presses Enter, which only shows it)."""
        self.armed = False
        self.shown_only = False
        self.forget_click()

    def forget_click(self) -> None:
        """The next click on any row only selects it (the rows may have changed under it)."""
        self.clicked = None

    def select(self, index: int) -> None:
        self.forget_click()
        total = self.count()
        if total == 0:
            self.selected = 0
            return
        self.selected = max(0, min(total - 1, index))
        self.armed = True
        self.shown_only = False
        self._scroll_into_view()
        self.on_select(self.selected)

    def clamp(self) -> None:
        """Keep the selection and the scroll position within the rows there are now. The rows can
        change under the list (an action used up, a new day): a list scrolled for yesterday's
        fifteen rows showed none of today's two (play-test at 800x600). A row above `top` is
        scrolled back into sight whenever it and every row below it fit."""
        total = self.count()
        if total == 0:
            self.selected = self.top = 0
            return
        self.selected = max(0, min(self.selected, total - 1))
        self.top = max(0, min(self.top, total - 1))
        while self.top > 0 and self._fits_from(self.top - 1, total):
            self.top -= 1

    def _fits_from(self, first: int, total: int) -> bool:
        """Whether the rows from `first` to the last fit in the list, one under another."""
        room = self.rect.height
        width = self.rect.width - 10
        for index in range(first, total):
            room -= self.row_height(index, width)
            if room < 0:
                return False
        return True

    def _visible(self) -> list[tuple[int, pygame.Rect]]:
        out: list[tuple[int, pygame.Rect]] = []
        y = self.rect.y
        width = self.rect.width - 10  # room for the scroll marker
        total = self.count()
        for index in range(self.top, total):
            height = self.row_height(index, width)
            if y + height > self.rect.bottom and out:
                break
            out.append(
                (index, pygame.Rect(self.rect.x, y, width, min(height, self.rect.bottom - y)))
            )
            y += height
        if (
            len(out) > 1
            and out[-1][0] < total - 1
            and out[-1][1].bottom > self.rect.bottom - self.more_room
        ):
            out.pop()  # rows are hidden below, and the last row shown left no room to say so
        return out

    def _scroll_into_view(self) -> None:
        if self.selected < self.top:
            self.top = self.selected
        while self.top < self.selected and self.selected not in [i for i, _ in self._visible()]:
            self.top += 1

    def key(self, event: pygame.event.Event) -> SceneResult:
        self.forget_click()  # the keyboard took over: the next click is a first click again
        self.clamp()
        total = self.count()
        if not self.armed and event.key in SHOW_KEYS:
            self.select(self.selected)  # the first key shows where the list is; it acts on nothing
            self.shown_only = True
            return True
        if event.key == pygame.K_UP:
            self.select(self.selected - 1)
            return True
        if event.key == pygame.K_DOWN:
            self.select(self.selected + 1)
            return True
        if event.key == pygame.K_HOME:
            self.select(0)
            return True
        if event.key == pygame.K_END:
            self.select(total - 1)
            return True
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            shown = max(1, len(self._visible()))
            self.select(self.selected + (shown if event.key == pygame.K_PAGEDOWN else -shown))
            return True
        if event.key in CONFIRM_KEYS and total:
            if self.shown_only and self.confirm is not None:
                self.shown_only = False
                return self.confirm(self.selected) or True
            return self.activate(self.selected) or True
        return None

    def click(self, pos: tuple[int, int], double: bool = False) -> SceneResult:
        if double and self.clicked is not None:
            # the second press of a double click acts on the row the first chose, even if
            # choosing it moved the rows under the pointer (a demand's answers open when chosen)
            index, self.clicked = self.clicked, None
            return self.activate(index) or True
        self.clamp()
        for index, rect in self._visible():
            if rect.collidepoint(pos):
                if index == self.selected and index == self.clicked:
                    self.clicked = None  # what follows starts again from a first click
                    return self.activate(index) or True
                self.select(index)
                self.clicked = self.selected
                return True
        self.forget_click()  # between or below the rows
        return True

    def wheel(self, dy: int) -> SceneResult:
        self.top = max(0, min(self.count() - 1, self.top - dy))
        self.clamp()  # not past the last rows: the list is never scrolled to a blank
        return True

    def _draw_row_in(
        self, surface: pygame.Surface, shown: pygame.Rect, index: int, focused: bool
    ) -> None:
        """Draw a row whose visible part is `shown`. A row cut by the list's edge is drawn at its
        full height with the surface clipped to what shows, as a scroll view clips: drawn into
        the cut rectangle it had a border along the cut and looked like a whole, short card."""
        full = pygame.Rect(shown.x, shown.y, shown.width, self.row_height(index, shown.width))
        selected = index == self.selected and self.armed
        if full.height <= shown.height:
            self.draw_row(surface, shown, index, selected, focused)
            return
        before = surface.get_clip()
        surface.set_clip(shown.clip(before))
        try:
            self.draw_row(surface, full, index, selected, focused)
        finally:
            surface.set_clip(before)

    def shown(self, ink: Ink) -> tuple[int, bool]:
        """How many rows show whole at the list's current size (not a first row taller than the
        list, shown cut), and whether the next shows its first lines (as `draw` would draw them)."""
        self.more_room = ink.height(MORE) + 4
        self.clamp()
        return self._shown(ink, self._visible())

    def _shown(self, ink: Ink, visible: list[tuple[int, pygame.Rect]]) -> tuple[int, bool]:
        """`shown`, of the rows `_visible` gave."""
        whole = len(visible)
        if visible:
            index, first = visible[0]
            if first.bottom == self.rect.bottom and first.height < self.row_height(
                index, first.width
            ):
                whole -= 1  # only the first row can be cut: any other that does not fit waits
        below = visible[-1][1].bottom if visible else self.rect.y
        hidden = len(visible) < self.count() - self.top
        room = self.rect.bottom - self.more_room - below
        return whole, hidden and room >= PEEK_LINES * ink.height(BODY)

    def draw(self, surface: pygame.Surface, ink: Ink, focused: bool) -> None:
        self.more_room = ink.height(MORE) + 4
        self.clamp()
        visible = self._visible()
        for index, rect in visible:
            self._draw_row_in(surface, rect, index, focused)
        total = self.count()
        hidden_below = total - 1 - visible[-1][0] if visible else 0
        below = visible[-1][1].bottom if visible else self.rect.y
        if hidden_below > 0:
            # The next row did not fit whole. If the gap can hold its first lines, they are shown
            # (a list of tall rows in a short panel was one row above a blank); it is not
            # selected until scrolled to. Then the words: a blank gap reads as "nothing more".
            room = self.rect.bottom - self.more_room - below
            if self._shown(ink, visible)[1]:
                glimpse = pygame.Rect(self.rect.x, below, self.rect.width - 10, room)
                self._draw_row_in(surface, glimpse, visible[-1][0] + 1, focused)
                below = glimpse.bottom
            space = pygame.Rect(
                self.rect.x, below + 4, self.rect.width - 10, self.rect.height
            ).clip(self.rect)
            if space.height >= ink.height(MORE):
                ink.line(surface, f"\u2193 {hidden_below} more below", space.topleft, space, MORE)
        if total and (self.top > 0 or (visible and visible[-1][0] < total - 1)):
            end = (visible[-1][0] + 1) / total if visible else 1
            scroll_marker(surface, ink, self.rect, self.top / total, end)
        if focused:
            focus_ring(surface, ink, self.rect)


def hanging(ink: Ink, text: str, width: int, style: Style) -> list[str]:
    """`text` wrapped within `width`; a paragraph that starts indented, or with a bullet ("  • "),
    goes on under its first word, not back at the margin (play-test: the debrief's wrapped
    bullets ran back under their bullets)."""
    body = text.lstrip(" ")
    if body.startswith("\u2022 "):
        body = body[2:]
    prefix = text[: len(text) - len(body)]
    if not prefix:
        return ink.wrap(text, max(20, width), style)
    indent = ink.width(prefix, style)
    wrapped = ink.wrap(body, max(20, width - indent), style)
    pad = " " * max(1, round(indent / max(1, ink.width(" ", style))))
    return [prefix + wrapped[0], *(pad + line for line in wrapped[1:])] if wrapped else [prefix]


class TextPane(Widget):
    """Wrapped paragraphs that scroll: arrows by line, Page Up/Down by page, Home/End."""

    def __init__(self, paragraphs: Callable[[], list[tuple[Style, str]]], *, gap: float = 0.35):
        self.paragraphs = paragraphs
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.offset = 0  # first line shown
        self.gap = gap
        self._lines: list[tuple[Style, str]] = []
        self._key: tuple[object, ...] = ()
        # Set when drawn (they depend on the font and the pane's height): the first line shown
        # when the last line sits at the bottom, and how many body lines a page holds.
        self._last_top: int | None = None
        self._page = max(1, self.rect.height // 22 - 1)
        self.hidden_below = 0  # lines of words below the last one shown, as last drawn

    def lines(self, ink: Ink) -> list[tuple[Style, str]]:
        paragraphs = self.paragraphs()
        key = (id(ink.theme), self.rect.width, tuple(paragraphs))
        if key != self._key:
            self._key = key
            lines: list[tuple[Style, str]] = []
            for style, text in paragraphs:
                if text == "":
                    lines.append((style, ""))
                    continue
                lines += [(style, line) for line in hanging(ink, text, self.rect.width - 14, style)]
            self._lines = lines
        return self._lines

    def height_needed(self, ink: Ink) -> int:
        """The height that shows every line (at the pane's current width)."""
        return 4 + sum(self._line_height(ink, style, text) for style, text in self.lines(ink))

    def _line_height(self, ink: Ink, style: Style, text: str) -> int:
        """A line of words, or the gap between paragraphs (an empty line)."""
        return ink.height(style) if text else int(ink.height(style) * self.gap)

    def page(self, ink: Ink) -> int:
        return max(1, self.rect.height // max(1, ink.height(BODY)) - 1)

    def last_top(self, ink: Ink) -> int:
        """The first line shown when the last line sits at the bottom (0 when everything fits):
        scrolling stops there, so a page never shows less than it could."""
        lines = self.lines(ink)
        room = self.rect.inflate(-12, -4).height
        top = len(lines)
        while top > 0:
            style, text = lines[top - 1]
            height = self._line_height(ink, style, text)
            if height > room:
                break
            room -= height
            top -= 1
        return min(top, max(0, len(lines) - 1))

    @property
    def max_offset(self) -> int:
        if self._last_top is not None:
            return self._last_top
        return max(0, len(self._lines) - 1)  # not drawn yet: the font is not known

    def scroll(self, delta: int, ink: Ink | None = None) -> None:
        self.offset = max(0, min(self.offset + delta, self.max_offset))

    def key(self, event: pygame.event.Event) -> SceneResult:
        page = self._page
        moves = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -page, pygame.K_PAGEDOWN: page}
        if event.key in moves:
            self.scroll(moves[event.key])
            return True
        if event.key == pygame.K_HOME:
            self.offset = 0
            return True
        if event.key == pygame.K_END:
            self.offset = self.max_offset
            return True
        return None

    def wheel(self, dy: int) -> SceneResult:
        self.scroll(-3 * dy)
        return True

    def click(self, pos: tuple[int, int], double: bool = False) -> SceneResult:
        return True

    def draw(self, surface: pygame.Surface, ink: Ink, focused: bool) -> None:
        lines = self.lines(ink)
        self._last_top = self.last_top(ink)
        self._page = self.page(ink)
        self.offset = max(0, min(self.offset, self._last_top))
        area = self.rect.inflate(-12, -4)
        y = area.y
        shown_last = self.offset - 1
        for index in range(self.offset, len(lines)):
            style, text = lines[index]
            height = self._line_height(ink, style, text)
            if y + height > area.bottom:
                break
            ink.line(surface, text, (area.x, y), area, style)
            y += height
            shown_last = index
        more = shown_last < len(lines) - 1
        self.hidden_below = sum(1 for _, text in lines[shown_last + 1 :] if text)
        if self.offset > 0 or more:
            total = max(1, len(lines))
            scroll_marker(surface, ink, self.rect, self.offset / total, (shown_last + 1) / total)
        if focused:
            focus_ring(surface, ink, self.rect)

    @property
    def at_end(self) -> bool:
        return self.offset >= self.max_offset
