"""The crash screen: names the unexpected error, says where the log is, offers the last autosave."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.ui.scene import ENTER_KEYS, Quit, Reset, Scene, SceneResult
from game.ui.scenes import goto
from game.ui.scenes.common import PageScene
from game.ui.text import BODY, BOLD, Style
from game.ui.widgets import Button, TextPane

if TYPE_CHECKING:
    from game.ui.app import App

SOFT = Style("serif", "small", "ink_soft")
ERROR = Style("typewriter_bold", "body", "urgent")


def last_autosave(app: App) -> tuple[Path | None, str]:
    """The autosave of the current scenario, if there is one, and a few words on when it was made."""
    if app.save_folder is None:
        return None, ""
    session = app.session
    card = app.card  # the scenario's, or the remembered one if the crash came before it loaded
    scenario_id = session.scenario.id if session is not None else card.id if card else None
    if scenario_id is None:
        return None, ""
    try:
        from game.saves import autosave_path, list_saves

        path = autosave_path(app.save_folder, scenario_id)
        if not path.is_file():
            return None, ""
        found, _ = list_saves(app.save_folder)
    except Exception:  # noqa: BLE001 - the crash screen must come up even if the saves folder is broken
        return None, ""
    for info in found:
        if Path(info.path) == path:
            return path, f"day {info.day}, {info.date}"
    return path, ""


class CrashScene(Scene, PageScene):
    name = "crash"
    arrows_move_focus = True

    def __init__(self, error: str, log_path: Path) -> None:
        super().__init__()
        self.error = error
        self.log_path = log_path
        self.autosave: Path | None = None
        self.autosave_when = ""

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        self.autosave, self.autosave_when = last_autosave(app)
        self.pane = TextPane(self.paragraphs)
        buttons = []
        if self.autosave is not None:
            label = "Resume from the last autosave" + (
                f" ({self.autosave_when})" if self.autosave_when else ""
            )
            buttons.append(Button(label, lambda: self.resume(app)))
        buttons += [
            Button("Title screen", lambda: Reset(goto.title())),
            Button("Quit", lambda: Quit()),
        ]
        self.buttons = buttons
        self.widgets = [*buttons, self.pane]

    def paragraphs(self) -> list[tuple[Style, str]]:
        out: list[tuple[Style, str]] = [
            (BODY, "The game met an error it did not expect, and stopped what it was doing:"),
            (BODY, ""),
            (ERROR, self.error),
            (BODY, ""),
            (
                BODY,
                f"The details were written to {self.log_path}. If you report the problem, please attach that file.",
            ),
            (BODY, ""),
        ]
        if self.autosave is not None:
            when = f" ({self.autosave_when})" if self.autosave_when else ""
            out.append(
                (
                    BOLD,
                    f"Your game was saved automatically at the start of the day{when}. Resume from there, or go back to the title screen.",
                )
            )
        else:
            out.append(
                (
                    BOLD,
                    "There is no autosave of this scenario yet, so the game cannot be resumed; start again from the title screen.",
                )
            )
        return out

    def resume(self, app: App) -> SceneResult:
        from game.ui.scenes.title import load_game_from

        autosave = self.autosave
        if autosave is None:
            return True
        # A crash behind the title screen can come before the scenario has loaded (the card
        # that found the autosave was the remembered one): the resume waits for it, as the
        # title's choices do. It read the save against no scenario, and the crash screen failed.
        return app.when_loaded(lambda: load_game_from(app, autosave))

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key == pygame.K_ESCAPE:
            return Reset(goto.title())
        if event.key in ENTER_KEYS:
            return self.buttons[0].command()
        return None

    def layout(self, app: App, rect: pygame.Rect) -> None:
        self.page_layout(app, rect, self.pane, list(reversed(self.buttons)), 900)

    def draw(self, app: App, surface: pygame.Surface) -> None:
        self.page_draw(
            app,
            surface,
            "Something went wrong",
            "An unexpected error",
            self.pane,
            "Enter choose \u00b7 Tab move \u00b7 Esc title screen",
        )
        self.draw_widgets(app, surface)
