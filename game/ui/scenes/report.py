"""A modal report over the game: a heading, a note, scrollable lines (e.g. FILE:LINE:COL errors), buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.scene import ENTER_KEYS, Pop, SceneResult
from game.ui.scenes.dialogs import Dialog
from game.ui.text import BODY, Style
from game.ui.widgets import Button, TextPane

if TYPE_CHECKING:
    from game.ui.app import App

LINE = Style("typewriter", "small")


class ReportScene(Dialog):
    """Lines to read and scroll; Esc (or the last button) closes, Enter uses the first button."""

    name = "report"

    def __init__(
        self,
        banner: str,
        note: str,
        lines: list[str],
        buttons: list[tuple[str, Callable[[], SceneResult]]] | None = None,
        *,
        urgent: bool = False,
    ) -> None:
        super().__init__()
        self.banner = banner
        self.note = note
        self.lines = lines
        self.urgent = urgent
        self.choices = buttons or [("Back to the game (Esc)", lambda: Pop())]

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        self.pane = TextPane(self.paragraphs, gap=0.5)
        self.buttons = [Button(label, command) for label, command in self.choices]
        self.widgets = [*self.buttons, self.pane]

    def paragraphs(self) -> list[tuple[Style, str]]:
        out: list[tuple[Style, str]] = [(BODY, self.note), (BODY, "")]
        for line in self.lines:
            out += [(LINE, line), (LINE, "")]
        return out

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key == pygame.K_ESCAPE:
            return self.buttons[-1].command()
        if event.key in ENTER_KEYS:
            return self.buttons[0].command()
        return self.pane.key(event)

    def layout(self, app: App, rect: pygame.Rect) -> None:
        self.pane.rect = self.frame_layout(app, rect, list(reversed(self.buttons)), 0.8, 0.8)

    def draw(self, app: App, surface: pygame.Surface) -> None:
        self.frame_draw(app, surface)
        self.draw_widgets(app, surface)
