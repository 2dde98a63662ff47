"""Save as: name a save slot in a pygame_gui text field (cursor, selection and editing come with it)."""

from __future__ import annotations

import json
import string
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from game.ui.scene import Pop, Push
from game.ui.scenes.common import BoxedMenu
from game.ui.scenes.menu import PauseScene
from game.ui.text import BODY, Ink, Style
from game.ui.theme import ASSETS
from game.ui.widgets import Button, Widget, focus_ring

if TYPE_CHECKING:
    from game.ui.app import App

ALLOWED = list(string.ascii_letters + string.digits + "-_")  # what game.saves.slot_path accepts
MAX_LENGTH = 40
FIELD_PAD = (8, 6)  # the field's padding in assets/ui/pygame_gui.json
REDRAW_UPDATES = 8  # more than a field has looks (pygame_gui redraws one a frame)


def gui_theme(font_px: int | None = None) -> dict[str, Any]:
    """assets/ui/pygame_gui.json, with its font files resolved inside assets/fonts, and its
    fonts `font_px` pixels high if given (the window's body text, which follows the text size)."""
    theme = json.loads((ASSETS / "ui" / "pygame_gui.json").read_text(encoding="utf-8"))
    theme.pop("note", None)
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font and "regular_path" in font:
            font["regular_path"] = str(ASSETS / "fonts" / font["regular_path"])
        if font and font_px is not None:
            font["size"] = str(font_px)
    return theme


class NameField(Widget):
    """The place of the name's text field (pygame_gui draws the field) in the focus order: Tab
    and the arrows reach it as they reach the buttons, and it shows the focus ring."""

    def __init__(self) -> None:
        self.rect = pygame.Rect(0, 0, 0, 0)

    def draw(self, surface: pygame.Surface, ink: Ink, focused: bool) -> None:
        if focused:
            focus_ring(surface, ink, self.rect)


class SaveNameScene(PauseScene):
    """Type a name (letters, digits, - and _), Enter saves, Esc cancels."""

    name = "save"
    heading = "SAVE AS (letters, digits, - and _)"
    hint = "Enter save \u00b7 Tab or \u2191\u2193 move \u00b7 Esc back to the menu"
    takes_typing = True

    def __init__(self) -> None:
        super().__init__()
        self.manager: pygame_gui.UIManager | None = None
        self.entry: pygame_gui.elements.UITextEntryLine | None = None
        self.font_px = 0  # the field's font size, the body text's (it follows the text size)

    @property
    def text(self) -> str:
        return self.entry.get_text() if self.entry is not None else ""

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        session = app.session
        self.initial = f"{session.scenario.id}-day{session.state.day}" if session else "game"
        self.field = NameField()
        self.save_button = Button("Save", lambda: self.save(app))
        self.widgets = [self.field, self.save_button, Button("Cancel", lambda: Pop())]
        self.focus = 0  # the name, ready to type

    def handle(self, app: App, event: pygame.event.Event) -> Any:
        # Enter and Space act on the focused button (Enter had saved even with the focus on
        # Cancel, and Space on Cancel did nothing); in the field, Enter saves
        try:
            return self._handle(app, event)
        finally:
            self._follow_focus()

    def _handle(self, app: App, event: pygame.event.Event) -> Any:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_TAB):
            return super().handle(app, event)
        if event.type == pygame.MOUSEBUTTONDOWN and self.field.rect.collidepoint(event.pos):
            self.focus = self.widgets.index(self.field)  # then the field places its cursor
            self._follow_focus()
        elif self.focused() is not self.field:
            if event.type == pygame.TEXTINPUT:
                return True  # a button has the focus: typing is not a shortcut either
            return super().handle(app, event)
        elif event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.save(app)
        elif event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN):
            return super().handle(app, event)  # to the buttons, as in the menu
        if event.type == pygame.TEXTINPUT and " " in event.text:
            # a name has no spaces (it is a file name): a space typed becomes '-', not nothing
            event = pygame.event.Event(pygame.TEXTINPUT, text=event.text.replace(" ", "-"))
        if self.manager is not None and self.manager.process_events(event):
            return True
        if event.type in (pygame.KEYDOWN, pygame.TEXTINPUT):
            return True  # typing belongs to the field, never to shortcuts underneath
        return super().handle(app, event)

    def _follow_focus(self) -> None:
        """The field takes the typing (and shows its cursor) only while it has the focus."""
        if self.entry is None:
            return
        wanted = self.focused() is self.field
        if wanted and not self.entry.is_focused:
            self.entry.focus()
        elif not wanted and self.entry.is_focused:
            self.entry.unfocus()

    def save(self, app: App, *, replace: bool = False) -> Any:
        from game.saves import SaveError, another_game_in_slot, describe_game, slot_path, write_save

        session = app.session
        name = self.text.strip()
        if self.entry is not None and self.entry.select_range != [0, 0]:
            # chosen: if it comes back (to another name), it is to be edited, not replaced
            self.entry.select_range = [0, 0]
            self.entry.redraw()
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

    def layout(self, app: App, rect: pygame.Rect) -> None:
        ink = app.ink
        height = self.save_button.preferred_height(ink)
        font_px = ink.theme.fonts.px(BODY.size)
        # wide enough for the heading, which says what a name may hold
        needed = ink.width(self.heading, Style("typewriter_bold", "heading")) + 48
        width = min(rect.width - 40, max(520, needed))
        heading = ink.height(Style("typewriter_bold", "heading"))
        field_height = max(height, font_px + 2 * FIELD_PAD[1]) + 8
        self.box = pygame.Rect(0, 0, width, heading + field_height + 2 * (height + 8) + 52)
        self.box.center = rect.center
        field = pygame.Rect(self.box.x + 20, self.box.y + heading + 24, width - 40, field_height)
        self._place_field(app, field, font_px)
        self.field.rect = field
        y = field.bottom + 12
        for widget in self.widgets[1:]:
            widget.rect = pygame.Rect(self.box.x + 20, y, width - 40, height)
            y += height + 8

    def _place_field(self, app: App, field: pygame.Rect, font_px: int) -> None:
        size = app.screen.get_size()
        if self.manager is None or font_px != self.font_px:
            # new, or the text has changed size (F11, a resized window): a field in the new
            # font, holding what was typed
            # the offered name stays selected in the new field (review: a resize before typing
            # lost the selection, and typing added to the name again)
            selected = [0, len(self.initial)] if self.entry is None else self.entry.select_range
            text = self.text if self.entry is not None else self.initial
            self.font_px = font_px
            self.manager = pygame_gui.UIManager(size, theme_path=gui_theme(font_px))
            self.entry = pygame_gui.elements.UITextEntryLine(field, self.manager)
            self.entry.set_allowed_characters(ALLOWED)
            self.entry.set_text_length_limit(MAX_LENGTH)
            self.entry.set_text(text)  # set_text leaves the cursor at the end, ready to edit
            if selected != [0, 0]:
                # the offered name is selected, as in a file dialog: typing replaces it, an
                # arrow key keeps it to edit (teacher's play-test: 'lesson1' was saved as
                # 'he_umezu_1935-day1lesson1')
                self.entry.select_range = list(selected)
                self.entry.redraw()
            self._follow_focus()
        else:
            self.manager.set_window_resolution(size)
            self.entry.set_relative_position(field.topleft)
            self.entry.set_dimensions(field.size)

    def _redraw_waiting(self) -> bool:
        shape = getattr(self.entry, "drawable_shape", None)
        if shape is None:
            return False
        return bool(shape.states_to_redraw_queue) or shape.has_fresh_surface()

    def draw(self, app: App, surface: pygame.Surface) -> None:
        self.draw_box(app, surface)
        if self.manager is not None:
            # pygame_gui hands a field's new look to the field an update after it drew it (and
            # redraws its looks one an update), so one update drew the field as it was a key
            # earlier (QA: the last letter typed showed only after the next key): update until
            # nothing new is waiting
            for _ in range(REDRAW_UPDATES):
                self.manager.update(0.0)
                if not self._redraw_waiting():
                    break
            self.manager.draw_ui(surface)
        self.draw_widgets(app, surface)
        self.draw_hint(app, surface)


class ReplaceScene(BoxedMenu):
    """Save as a name that holds another game: replace it? Y replaces, N or Esc goes back to
    the name (the text version asks the same)."""

    name = "replace"
    opens_over = False  # a yes-or-no question waits for its answer
    hint = "\u2191\u2193 choose \u00b7 Enter select \u00b7 Y replace \u00b7 N or Esc keep it"

    def __init__(self, slot: str, game: str, replace: Callable[[], Any]) -> None:
        super().__init__()
        self.heading = f"Replace '{slot}'?"
        self.note = f"'{slot}' already holds another game ({game}). Replacing it loses that game."
        self.replace = replace
        self.widgets = [
            Button("Replace it (Y)", replace),
            Button("Keep it (N, Esc)", lambda: Pop()),
        ]
        self.focus = 1  # keeping is the safe default for Enter

    def key(self, app: App, event: pygame.event.Event) -> Any:
        if event.key in (pygame.K_ESCAPE, pygame.K_n):
            return Pop()
        if event.key == pygame.K_y:
            return self.replace()
        return None
