"""The codex: people, places, units and entries, with their characters and sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.scene import Pop, Scene, SceneResult
from game.ui.scenes.common import draw_title, hint_band, key_hint, layout_buttons, margin
from game.ui.text import BODY, BOLD, SMALL, Style
from game.ui.view import codex, reflow
from game.ui.widgets import NEW, NEW_TAG, Button, ListWidget, TextPane, frame, selection_mark

if TYPE_CHECKING:
    from game.ui.app import App

SECTION = Style("typewriter_bold", "small", "ink_soft")


class CodexScene(Scene):
    name = "codex"

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        scenario = app.current_scenario.scenario
        state = app.session.state if app.session else None
        self.items = codex(scenario, state, app.session.codex_seen if app.session else frozenset())
        if app.session is not None:  # shown once as new; the marks stay for this visit
            app.session.codex_seen.update(item.key for item in self.items if item.new)
        self.list = ListWidget(
            count=lambda: len(self.items),
            row_height=lambda i, w: self.row_height(app, i),
            draw_row=lambda s, r, i, sel, foc: self.draw_row(app, s, r, i, sel, foc),
            activate=lambda i: self.show(),
            on_select=lambda i: setattr(self.pane, "offset", 0),
        )
        self.pane = TextPane(self.paragraphs)
        self.back = Button("Back (Esc)", lambda: Pop())
        self.widgets = [self.list, self.pane, self.back]

    def show(self) -> SceneResult:
        self.focus = 1
        return True

    def heading_before(self, index: int) -> bool:
        return index == 0 or self.items[index - 1].section != self.items[index].section

    def row_height(self, app: App, index: int) -> int:
        extra = app.ink.height(SECTION) + 4 if self.heading_before(index) else 0
        return app.ink.height(BODY) + 6 + extra

    def draw_row(
        self,
        app: App,
        surface: pygame.Surface,
        rect: pygame.Rect,
        index: int,
        selected: bool,
        focused: bool = True,
    ) -> None:
        ink = app.ink
        item = self.items[index]
        y = rect.y
        if self.heading_before(index):
            ink.line(surface, item.section.upper(), (rect.x + 4, y + 2), rect, SECTION)
            y += ink.height(SECTION) + 4
        row = pygame.Rect(rect.x, y, rect.width, rect.bottom - y)
        if selected:
            pygame.draw.rect(surface, app.theme.c("select"), row)
            selection_mark(surface, ink, row.inflate(-2, -2), focused)
        title_area = row
        if item.new:
            mark = ink.line(surface, NEW_TAG, (row.right - 6, row.y + 4), row, NEW, align="right")
            if mark is not None:
                title_area = pygame.Rect(row.x, row.y, mark.x - row.x - 6, row.height)
        ink.line(
            surface, item.title, (row.x + 8, row.y + 3), title_area, BOLD if item.new else BODY
        )

    def paragraphs(self) -> list[tuple[Style, str]]:
        if not self.items:
            return [(BODY, "The codex is empty for this scenario.")]
        item = self.items[min(self.list.selected, len(self.items) - 1)]
        out: list[tuple[Style, str]] = [(Style("serif_bold", "heading"), item.title)]
        if item.subtitle:
            out.append(
                (
                    Style("serif", "small", "ink_soft"),
                    item.subtitle + (" \u00b7 new: you have just learned this" if item.new else ""),
                )
            )
        out.append((BODY, ""))
        out += [(BODY, p) for p in reflow(item.text or "No entry yet.")]
        if item.sources:
            out += [(BODY, ""), (SECTION, "SOURCES")]
            out += [(SMALL, f"\u2022 {s}") for s in item.sources]
        return out

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key in (pygame.K_ESCAPE, pygame.K_F2, pygame.K_c):
            return Pop()
        return None

    def layout(self, app: App, rect: pygame.Rect) -> None:
        content, self.band = hint_band(app, rect)
        pad = margin(app)
        self.page = content.inflate(-2 * pad, -2 * pad)
        self.inner = self.page.inflate(-2 * pad, -2 * pad)
        self.body = layout_buttons(app, [self.back], self.inner)

    def draw(self, app: App, surface: pygame.Surface) -> None:
        frame(surface, app.ink, self.page)
        fresh = sum(1 for item in self.items if item.new)
        subtitle = "People, places, units and terms of the crisis, with their sources" + (
            f" \u00b7 {fresh} new since you last looked" if fresh else ""
        )
        rest = draw_title(app, surface, self.inner, "Codex", subtitle)
        rest = pygame.Rect(rest.x, rest.y, rest.width, max(0, self.body.bottom - rest.y))
        list_w = int(rest.width * 0.36)
        self.list.rect = pygame.Rect(rest.x, rest.y, list_w, rest.height)
        self.pane.rect = pygame.Rect(
            rest.x + list_w + 12, rest.y, rest.width - list_w - 12, rest.height
        )
        pygame.draw.line(
            surface,
            app.theme.c("border"),
            (rest.x + list_w + 5, rest.y),
            (rest.x + list_w + 5, rest.bottom),
        )
        self.draw_widgets(app, surface)
        key_hint(
            app,
            surface,
            self.band,
            "\u2191\u2193 choose \u00b7 Tab to the text \u00b7 PgUp PgDn scroll \u00b7 Esc, C or F2 back",
        )
