"""Dialogs over the crisis screen: a demand (answers as buttons), what just happened, the day's summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.analysis.describe import signed
from game.engine.actions import Respond
from game.engine.state import GameEvent, GameState
from game.engine.words import counted
from game.ui.scene import ENTER_KEYS, Act, Pop, Push, Scene, digit
from game.ui.scenes.common import (
    dialog_rect,
    hint_band,
    key_hint,
    layout_buttons,
    margin,
    with_council_clock,
)
from game.ui.text import BODY, BOLD, SMALL, Style
from game.ui.view import day_summary, demand_view, inbox_item, reflow
from game.ui.widgets import MORE, Button, ListWidget, TextPane, frame

if TYPE_CHECKING:
    from game.ui.app import App

SOFT = Style("serif", "small", "ink_soft")
TYPE = Style("typewriter", "body")
BANNER = Style("typewriter_bold", "heading", "paper")
ELLIPSIS = "\u2026"


class Dialog(Scene):
    modal = True
    banner = ""
    urgent = False
    hint = ""  # the keys of this dialog, in the band at the bottom (the screen below has its own)

    def frame_layout(
        self,
        app: App,
        rect: pygame.Rect,
        buttons: list[Button],
        width: float = 0.7,
        height: float = 0.8,
    ) -> pygame.Rect:
        self.box = dialog_rect(app, rect, width, height)
        pad = margin(app)
        self.banner_rect = pygame.Rect(
            self.box.x, self.box.y, self.box.width, app.ink.height(BANNER) + 12
        )
        inner = pygame.Rect(
            self.box.x + pad,
            self.banner_rect.bottom + pad // 2,
            self.box.width - 2 * pad,
            self.box.bottom - self.banner_rect.bottom - pad,
        )
        return layout_buttons(app, buttons, inner)

    def frame_draw(self, app: App, surface: pygame.Surface) -> None:
        theme = app.theme
        frame(surface, app.ink, self.box, fill="slip")
        pygame.draw.rect(
            surface, theme.c("urgent" if self.urgent else "ink_soft"), self.banner_rect
        )
        if self.urgent:
            pygame.draw.rect(surface, theme.c("urgent"), self.box, 4)
        inner = self.banner_rect.inflate(-16, -6)
        app.ink.line(surface, self.banner, (inner.x, inner.y + 2), inner, BANNER)
        if self.hint:
            _, band = hint_band(app, surface.get_rect())
            key_hint(app, surface, band, with_council_clock(app, self.hint))


LEAST_WORDS = 4  # lines of a demand's words kept (as room goes) when its answers want the room


class DemandDialog(Dialog):
    """A demand: its text, its deadline, and each answer as a button with its known consequences."""

    name = "demand"
    # Focus starts on the demand's text, where Enter does nothing (an Enter meant for the screen
    # before must not answer an ultimatum): the hint says how to reach the answers.
    hint = "1\u20139 answer \u00b7 \u2191\u2193 scroll \u00b7 Tab to the answers, then \u2191\u2193 choose, Enter give \u00b7 Esc decide later"

    def __init__(self, demand_id: str) -> None:
        super().__init__()
        self.demand_id = demand_id

    def enter(self, app: App) -> None:
        session = app.session
        if (
            session is None
            or self.demand_id not in session.state.demands
            or session.state.demands[self.demand_id].status != "pending"
        ):
            self.view = None
            return
        self.view = demand_view(session.scenario, session.state, self.demand_id)
        self.urgent = self.view.ultimatum
        self.banner = (
            "ULTIMATUM \u2014 " if self.view.ultimatum else "DEMAND \u2014 "
        ) + self.view.title
        self.text = TextPane(self.paragraphs)
        self.answers = ListWidget(
            count=lambda: len(self.view.responses),
            row_height=lambda i, w: self.answer_height(app, i, w),
            draw_row=lambda s, r, i, sel, foc: self.draw_answer(app, s, r, i, sel),
            activate=lambda i: self.answer(app, i),
        )
        self.later = Button("Decide later (Esc)", lambda: Pop())
        self.compact = (
            0  # set by the layout: answers not chosen are cut short (1) or to their words (2)
        )
        self.text_more: pygame.Rect | None = None
        self._layout_key: tuple = ()
        # The focus starts on the demand's text, not on the first answer: an Enter meant for
        # the slip before (a dialog that opens by itself at dawn) must not answer an ultimatum.
        # The answers are the next Tab away, and their numbers answer at once.
        focus = self.focus if self.widgets else 0
        self.widgets = [self.text, self.answers, self.later]
        self.focus = focus

    def paragraphs(self) -> list[tuple[Style, str]]:
        view = self.view
        deadline_style = Style("serif_bold", "body", "urgent" if view.ultimatum else "ink")
        out = [
            (SOFT, f"Presented by {view.issuer}"),
            (deadline_style, f"Deadline: {view.deadline}"),
            (BODY, ""),
        ]
        out += [(TYPE, p) for p in reflow(view.text)]
        return out

    def answer_lines(self, app: App, index: int, width: int) -> list[tuple[Style, str]]:
        ink = app.ink
        row = self.view.responses[index]
        inner = max(40, width - 20)
        colour = "ink" if row.available else "disabled"
        head = f"{index + 1}. {row.label}  \u00b7 {row.cost} AP"
        lines = [
            (Style("serif_bold", "body", colour), line) for line in ink.wrap(head, inner, BOLD)
        ]
        # when not every answer would show, the answers not chosen keep their first line of
        # consequences, so each answer's words are on screen at once (QA: one answer at 800x600)
        # (and, if even that is too much, none: the chosen answer shows them all)
        cut = self.compact if index != self.answers.selected else 0
        if row.consequences and cut < 2:
            more = ink.wrap("\u2192 " + row.consequences, inner, SMALL)
            if cut and len(more) > 1:
                more = [more[0].rstrip(" ,;") + ELLIPSIS]
            lines += [
                (Style("serif", "small", "neutral" if row.available else "disabled"), line)
                for line in more
            ]
        if not row.available:
            reason = ink.wrap(row.reason, inner, SMALL)
            lines += [
                (Style("serif", "small", "urgent"), line) for line in reason[: 1 if cut else None]
            ]
        return lines

    def answer_height(self, app: App, index: int, width: int) -> int:
        return sum(app.ink.height(s) for s, _ in self.answer_lines(app, index, width)) + 14

    def draw_answer(
        self, app: App, surface: pygame.Surface, rect: pygame.Rect, index: int, selected: bool
    ) -> None:
        theme = app.theme
        box = rect.inflate(-2, -6)
        pygame.draw.rect(surface, theme.c("select" if selected else "paper"), box, border_radius=3)
        pygame.draw.rect(surface, theme.c("border"), box, 1, border_radius=3)
        inner = box.inflate(-14, -4)
        y = inner.y
        for style, text in self.answer_lines(app, index, rect.width):
            app.ink.line(surface, text, (inner.x, y), inner, style)
            y += app.ink.height(style)

    def answer(self, app: App, index: int) -> Any:
        row = self.view.responses[index]
        if not row.available:
            app.toast(row.reason)
            return True
        return Act(Respond(demand=self.demand_id, response=row.id))

    def key(self, app: App, event: pygame.event.Event) -> Any:
        number = digit(event)
        if number is not None and self.view is not None:
            if number <= len(self.view.responses):
                return self.answer(app, number - 1)
            return True
        if event.key == pygame.K_ESCAPE:
            return Pop()
        return None

    def layout(self, app: App, rect: pygame.Rect) -> None:
        if self.view is None:
            return
        # Laid out again only when something it depends on changed: the window calls this every
        # frame, and at 145% text it tries up to four lengths of the words at two levels of cut.
        key = (
            tuple(rect),
            app.size,
            app.settings.text_size,
            app.ink,
            self.view,
            self.answers.selected,  # the chosen answer is never cut short
            self.answers.top,  # which answers show whole
        )
        if key == self._layout_key:
            return
        self._layout_key = key
        ink = app.ink
        body = self.frame_layout(app, rect, [self.later], 0.74, 0.86)
        # the demand's text takes what it needs, up to 42% of the dialog; the answers the rest
        self.text.rect = pygame.Rect(body.x, body.y, body.width, int(body.height * 0.42))
        text_h = min(self.text.rect.height, self.text.height_needed(ink))
        room = body.height - text_h - 6 - ink.height(MORE) - 4
        width = body.width - 10  # as the list measures its rows
        self.compact = 0
        count = len(self.view.responses)
        heights = [self.answer_height(app, i, width) for i in range(count)]
        if count and _fitting(heights, room) < (count + 1) // 2:
            # fewer than half the answers would show: the others are cut short (to a line of
            # consequences, or to their words alone), and the text gives up room to them, down
            # to its deadline and a few lines of its words (at 145% in 1280x720 an ultimatum was
            # left one line, to be read by scrolling), or fewer where more would hide an answer
            head = self.paragraphs()[:3]  # who presents it, the deadline, the gap
            head_h = sum(self.text._line_height(ink, style, text) for style, text in head)
            full_h = text_h

            def attempt(words: int) -> tuple[int, int, int]:
                """(text height, compact level, twice the answers shown whole plus one if
                the next shows its first lines) keeping `words` lines of the demand's words."""
                least = min(full_h, 4 + head_h + words * ink.height(TYPE) + ink.height(MORE) + 4)
                for level in (1, 2):
                    self.compact = level
                    cut = [self.answer_height(app, i, width) for i in range(count)]
                    tallest = max(full - short for full, short in zip(heights, cut, strict=True))
                    wanted = sum(cut) + tallest + ink.height(MORE) + 10
                    if full_h - least >= wanted - room or level == 2:
                        height = max(least, min(full_h, body.height - wanted))
                        self.answers.rect = pygame.Rect(
                            body.x, body.y + height + 6, body.width, body.height - height - 6
                        )
                        whole, peek = self.answers.shown(ink)
                        return height, level, 2 * whole + peek
                raise AssertionError("unreachable")

            # Two lines of the words at least (one was left at 145% in 1280x720), unless one
            # line is what puts every answer on screen (the last perhaps by its first lines);
            # then more lines, up to LEAST_WORDS, while they hide no answer those two showed.
            fewest, two = attempt(1), attempt(2)
            floor = fewest if fewest[2] >= 2 * count - 1 and two[2] < fewest[2] else two
            text_h, self.compact, _ = floor
            for words in range(LEAST_WORDS, 2, -1):
                tried = attempt(words)
                if tried[2] >= floor[2]:
                    text_h, self.compact, _ = tried
                    break
        self.text.rect.height = text_h
        self.text_more = None
        if text_h < self.text.height_needed(ink):
            # the text is cut: a line under it says so, as the answers' list does
            self.text.rect.height = text_h - ink.height(MORE) - 4
            self.text_more = pygame.Rect(
                body.x, self.text.rect.bottom + 2, body.width, ink.height(MORE) + 2
            )
        self.answers.rect = pygame.Rect(
            body.x, body.y + text_h + 6, body.width, body.height - text_h - 6
        )

    def draw(self, app: App, surface: pygame.Surface) -> None:
        if self.view is None:
            return
        self.frame_draw(app, surface)
        self.draw_widgets(app, surface)
        hidden = self.text.hidden_below
        if self.text_more is not None and hidden:
            more = f"\u2193 {counted(hidden, 'more line')} below"
            app.ink.line(surface, more, self.text_more.topleft, self.text_more, MORE)

    def handle(self, app: App, event: pygame.event.Event) -> Any:
        if self.view is None:  # answered or expired meanwhile: nothing to ask
            return Pop()
        return super().handle(app, event)


def _fitting(heights: list[int], room: int) -> int:
    """How many rows of these heights fit one under another in `room`."""
    total = 0
    for count, height in enumerate(heights):
        total += height
        if total > room:
            return count
    return len(heights)


class EventDialog(Dialog):
    """What just happened: the events of the last step, each a telegram slip."""

    name = "event"
    hint = "Enter, Space or Esc continue \u00b7 \u2191\u2193 PgUp PgDn scroll"

    def __init__(
        self,
        events: list[GameEvent],
        *,
        title: str = "What followed",
        followups: list[Scene] | None = None,
    ) -> None:
        super().__init__()
        self.events = events
        self.banner = title
        self.followups = followups or []

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        session = app.session
        self.items = (
            [inbox_item(session.scenario, session.state, 0, e) for e in self.events]
            if session
            else []
        )
        self.urgent = any(item.urgent for item in self.items)
        self.pane = TextPane(self.paragraphs)
        self.ok = Button("Continue (Enter)", lambda: self.close())
        self.widgets = [self.ok, self.pane]

    def paragraphs(self) -> list[tuple[Style, str]]:
        out: list[tuple[Style, str]] = []
        for item in self.items:
            if out:
                out.append((BODY, ""))
            kind_style = Style("typewriter_bold", "small", "urgent" if item.urgent else "ink_soft")
            out.append(
                (
                    kind_style,
                    item.kind_label.upper()
                    + (f" \u2014 {item.correspondent}" if item.correspondent else ""),
                )
            )
            out.append((BOLD, item.title))
            if item.text:
                face = TYPE if item.kind in ("telegram", "demand", "ultimatum") else BODY
                out += [(face, p) for p in reflow(item.text)]
            if item.reliability is not None:
                out.append((SOFT, f"Reliability of this report: {item.reliability}%"))
        return out or [(BODY, "Nothing came of it.")]

    def close(self) -> Any:
        return [Pop(), *[Push(s) for s in reversed(self.followups)]]

    def key(self, app: App, event: pygame.event.Event) -> Any:
        if event.key in (*ENTER_KEYS, pygame.K_ESCAPE, pygame.K_SPACE):
            return self.close()
        return self.pane.key(event)

    def layout(self, app: App, rect: pygame.Rect) -> None:
        body = self.frame_layout(app, rect, [self.ok], 0.6, 0.7)
        self.pane.rect = body

    def draw(self, app: App, surface: pygame.Surface) -> None:
        self.frame_draw(app, surface)
        self.draw_widgets(app, surface)


class DaySummaryScene(Dialog):
    """End of the day: what changed (stats, stage) and what arrived overnight and at dawn."""

    name = "day_summary"
    hint = "Enter, Space or Esc begin the new day \u00b7 \u2191\u2193 PgUp PgDn scroll"

    def __init__(self, before: GameState, after: GameState, events: list[GameEvent]) -> None:
        super().__init__()
        self.before = before
        self.after = after
        self.events = events

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        session = app.session
        self.view = day_summary(session.scenario, self.before, self.after, self.events)
        self.banner = self.view.title
        self.urgent = any(item.urgent for item in self.view.news)
        self.pane = TextPane(self.paragraphs)
        self.ok = Button("Begin the new day (Enter)", lambda: self.close(app))
        self.widgets = [self.ok, self.pane]

    def paragraphs(self) -> list[tuple[Style, str]]:
        view = self.view
        head = Style("typewriter_bold", "body")
        out: list[tuple[Style, str]] = [(head, "WHAT CHANGED")]
        if view.stage_change:
            out.append(
                (Style("serif_bold", "body", "urgent"), f"The crisis moved: {view.stage_change}")
            )
        for change in view.changes:
            delta = change.after - change.before
            good = (
                (delta > 0) == (change.higher_is == "better")
                if change.higher_is != "neutral"
                else None
            )
            colour = "ink" if good is None else "good" if good else "bad"
            out.append(
                (
                    Style("serif", "body", colour),
                    f"{change.label}: {change.before} \u2192 {change.after} ({signed(delta)})",
                )
            )
        if not view.changes and not view.stage_change:
            out.append((BODY, "Nothing you can see has changed."))
        out += [(BODY, ""), (head, "NEW IN THE INBOX")]
        for item in view.news:
            line = f"{item.kind_label}: {item.title}"
            out.append(
                (
                    Style(
                        "serif_bold" if item.urgent else "serif",
                        "body",
                        "urgent" if item.urgent else "ink",
                    ),
                    line,
                )
            )
        if not view.news:
            out.append((BODY, "Nothing new."))
        return out

    def close(self, app: App) -> Any:
        dialogs = app.demand_dialogs(self.events)
        return [Pop(), *[Push(d) for d in reversed(dialogs)]]

    def key(self, app: App, event: pygame.event.Event) -> Any:
        if event.key in (*ENTER_KEYS, pygame.K_ESCAPE, pygame.K_SPACE):
            return self.close(app)
        return self.pane.key(event)

    def layout(self, app: App, rect: pygame.Rect) -> None:
        body = self.frame_layout(app, rect, [self.ok], 0.6, 0.75)
        self.pane.rect = body

    def draw(self, app: App, surface: pygame.Surface) -> None:
        self.frame_draw(app, surface)
        self.draw_widgets(app, surface)
