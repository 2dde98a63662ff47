"""A box with one line of text to type (a pygame_gui field: cursor, selection and editing come
with it) and its buttons: the save's name, the students' names on a report.

A subclass gives the heading, what may be typed, the text offered and what Enter does
(`submit`); the field is first in the focus order, then the buttons, as in a menu.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from game.ui.scenes.menu import PauseScene
from game.ui.text import BODY, Ink, Style
from game.ui.theme import ASSETS
from game.ui.widgets import Button, Widget, focus_ring

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.scene import SceneResult

FIELD_PAD = (8, 6)  # the field's padding in assets/ui/pygame_gui.json
REDRAW_UPDATES = 8  # more than a field has looks (pygame_gui redraws one a frame)


def gui_theme(font_px: int | None = None) -> dict[str, Any]:
    """assets/ui/pygame_gui.json, with its font files resolved inside assets/fonts, and its
    fonts `font_px` pixels high if given (the window's body text, which follows the text size)."""
    theme: dict[str, Any] = json.loads(
        (ASSETS / "ui" / "pygame_gui.json").read_text(encoding="utf-8")
    )
    theme.pop("note", None)
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font and "regular_path" in font:
            font["regular_path"] = str(ASSETS / "fonts" / font["regular_path"])
        if font and font_px is not None:
            font["size"] = str(font_px)
    return theme


class NameField(Widget):
    """The place of the text field (pygame_gui draws the field) in the focus order: Tab and the
    arrows reach it as they reach the buttons, and it shows the focus ring."""

    def __init__(self) -> None:
        self.rect = pygame.Rect(0, 0, 0, 0)

    def draw(self, surface: pygame.Surface, ink: Ink, focused: bool) -> None:
        if focused:
            focus_ring(surface, ink, self.rect)


class FieldScene(PauseScene):
    """One line to type, Enter submits, Esc goes back; `widgets` are the field, then buttons."""

    takes_typing = True
    allowed: list[str] | None = None  # the characters that may be typed (None: any)
    max_length = 40
    space_as = " "  # what a typed space becomes ('-' in a file name)

    def __init__(self) -> None:
        super().__init__()
        self.manager: pygame_gui.UIManager | None = None
        self.entry: pygame_gui.elements.UITextEntryLine | None = None
        self.font_px = 0  # the field's font size, the body text's (it follows the text size)
        self.initial = ""  # the text offered, selected: typing replaces it
        self.field = NameField()

    @property
    def text(self) -> str:
        return self.entry.get_text() if self.entry is not None else ""

    def submit(self, app: App) -> SceneResult:
        """Enter in the field (and the first button, which calls it)."""
        raise NotImplementedError

    def handle(self, app: App, event: pygame.event.Event) -> SceneResult:
        # Enter and Space act on the focused button (Enter had saved even with the focus on
        # Cancel, and Space on Cancel did nothing); in the field, Enter submits
        try:
            return self._handle(app, event)
        finally:
            self._follow_focus()

    def _handle(self, app: App, event: pygame.event.Event) -> SceneResult:
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
            return self.submit(app)
        elif event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN):
            return super().handle(app, event)  # to the buttons, as in the menu
        if event.type == pygame.TEXTINPUT and " " in event.text and self.space_as != " ":
            # e.g. a file name has no spaces: a space typed becomes '-', not nothing
            event = pygame.event.Event(
                pygame.TEXTINPUT, text=event.text.replace(" ", self.space_as)
            )
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

    def keep_as_typed(self) -> None:
        """The offered text, once submitted, is no longer selected: if the box comes back (a
        question's No), it is to be edited, not replaced."""
        if self.entry is not None and self.entry.select_range != [0, 0]:
            self.entry.select_range = [0, 0]
            self.entry.redraw()

    def layout(self, app: App, rect: pygame.Rect) -> None:
        ink = app.ink
        height = next(w for w in self.widgets if isinstance(w, Button)).preferred_height(ink)
        font_px = ink.theme.fonts.px(BODY.size)
        # wide enough for the heading, which says what may be typed
        needed = ink.width(self.heading, Style("typewriter_bold", "heading")) + 48
        width = min(rect.width - 40, max(520, needed))
        heading = ink.height(Style("typewriter_bold", "heading"))
        field_height = max(height, font_px + 2 * FIELD_PAD[1]) + 8
        buttons = len(self.widgets) - 1
        self.box = pygame.Rect(0, 0, width, heading + field_height + buttons * (height + 8) + 52)
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
        if self.manager is None or self.entry is None or font_px != self.font_px:
            # new, or the text has changed size (F11, a resized window): a field in the new
            # font, holding what was typed
            # the offered text stays selected in the new field (review: a resize before typing
            # lost the selection, and typing added to the name again)
            selected = [0, len(self.initial)] if self.entry is None else self.entry.select_range
            text = self.text if self.entry is not None else self.initial
            self.font_px = font_px
            self.manager = pygame_gui.UIManager(size, theme_path=gui_theme(font_px))
            self.entry = pygame_gui.elements.UITextEntryLine(field, self.manager)
            if self.allowed is not None:
                self.entry.set_allowed_characters(self.allowed)
            self.entry.set_text_length_limit(self.max_length)
            self.entry.set_text(text)  # set_text leaves the cursor at the end, ready to edit
            if selected != [0, 0] and text:
                # the offered text is selected, as in a file dialog: typing replaces it, an
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
