"""Save as: name a save slot (letters, digits, - and _), and the question when the name holds another game."""

from __future__ import annotations

import string
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.scene import Pop, Push, SceneResult
from game.ui.scenes.common import BoxedMenu
from game.ui.scenes.field import FieldScene
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App

ALLOWED = list(string.ascii_letters + string.digits + "-_")  # what game.saves.slot_path accepts
MAX_LENGTH = 40


class SaveNameScene(FieldScene):
    """Type a name (letters, digits, - and _), Enter saves, Esc cancels."""

    name = "save"
    heading = "SAVE AS (letters, digits, - and _)"
    hint = "Enter save \u00b7 Tab or \u2191\u2193 move \u00b7 Esc back to the menu"
    allowed = ALLOWED
    max_length = MAX_LENGTH
    space_as = "-"

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        session = app.session
        self.initial = f"{session.scenario.id}-day{session.state.day}" if session else "game"
        self.save_button = Button("Save", lambda: self.save(app))
        self.widgets = [self.field, self.save_button, Button("Cancel", lambda: Pop())]
        self.focus = 0  # the name, ready to type

    def submit(self, app: App) -> SceneResult:
        return self.save(app)

    def save(self, app: App, *, replace: bool = False) -> SceneResult:
        from game.saves import SaveError, another_game_in_slot, describe_game, slot_path, write_save

        session = app.session
        name = self.text.strip()
        self.keep_as_typed()
        if session is None or app.save_folder is None:
            app.toast("Saving is not available here.")
            return Pop()
        if not name:
            app.toast("Give the save a name first.")
            return True
        try:
            save = session.save_as(name)
            target = slot_path(app.save_folder, name)
            other = None if replace else another_game_in_slot(target, save)
            if other is not None:  # another game's save would be lost: ask first (review)
                return Push(
                    ReplaceScene(
                        name,
                        describe_game(other, session.scenario),
                        lambda: self.save(app, replace=True),
                    )
                )
            path = write_save(target, save)
        except (SaveError, OSError) as exc:
            app.toast(str(exc))
            return Pop() if replace else True  # (from the question) back to the name
        app.toast(f"Saved as '{name}' ({path})")
        return [Pop(), Pop()] if not replace else [Pop(), Pop(), Pop()]


class ReplaceScene(BoxedMenu):
    """Save as a name that holds another game: replace it? Y replaces, N or Esc goes back to
    the name (the text version asks the same)."""

    name = "replace"
    opens_over = False  # a yes-or-no question waits for its answer
    hint = "\u2191\u2193 choose \u00b7 Enter select \u00b7 Y replace \u00b7 N or Esc keep it"

    def __init__(self, slot: str, game: str, replace: Callable[[], SceneResult]) -> None:
        super().__init__()
        self.heading = f"Replace '{slot}'?"
        self.note = f"'{slot}' already holds another game ({game}). Replacing it loses that game."
        self.replace = replace
        self.widgets = [
            Button("Replace it (Y)", replace),
            Button("Keep it (N, Esc)", lambda: Pop()),
        ]
        self.focus = 1  # keeping is the safe default for Enter

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key in (pygame.K_ESCAPE, pygame.K_n):
            return Pop()
        if event.key == pygame.K_y:
            return self.replace()
        return None
