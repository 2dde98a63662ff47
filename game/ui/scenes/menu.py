"""The in-game menu (Esc on the crisis screen): resume, save, settings, help, codex, the title."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.scene import Pop, Push, Reset, Scene, SceneResult
from game.ui.scenes import goto
from game.ui.scenes.common import BoxedMenu
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App


class PauseScene(BoxedMenu):
    """The in-game menu: resume, save, settings, help, codex, back to the title."""

    name = "menu"
    heading = "MENU"
    hint = "\u2191\u2193 choose \u00b7 Enter select \u00b7 Esc resume"

    def enter(self, app: App) -> None:
        if app.session is not None:
            # The seed is shown so a class can replay the same hidden draw (play --seed N).
            self.heading = f"MENU · SEED {app.session.seed}"
        if self.widgets:
            return
        self.widgets = [
            Button("Resume", lambda: Pop()),
            Button("Save the game…", lambda: Push(_save_name_scene())),
            Button("Settings", lambda: Push(goto.settings())),
            Button("Help", lambda: Push(goto.help_screen())),
            Button("Codex", lambda: Push(goto.codex())),
            Button("Quit to the title screen", lambda: self.quit_to_title(app)),
        ]

    def quit_to_title(self, app: App) -> SceneResult:
        app.save_on_leaving()  # the day's choices so far are kept, not only the dawn's autosave
        return Reset(goto.title())

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key == pygame.K_ESCAPE:
            return Pop()
        return None


def _save_name_scene() -> Scene:
    from game.ui.scenes.save_name import SaveNameScene

    return SaveNameScene()
