"""Settings: text size, full screen, palette, high contrast, reduced motion, volume and mute (saved as JSON)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.scene import Pop, Scene, SceneResult
from game.ui.scenes.common import draw_title, hint_band, key_hint, layout_buttons, margin, page_rect
from game.ui.settings import Settings, next_text_size
from game.ui.text import BODY, Style
from game.ui.theme import largest_text_size
from game.ui.widgets import Button, StepButton, frame

if TYPE_CHECKING:
    from game.ui.app import App

SOFT = Style("serif", "small", "ink_soft")
LIMIT = Style("serif_bold", "small", "urgent")


def _toggle(name: str) -> Callable[[Settings, int], dict[str, object]]:
    return lambda s, step: {name: not getattr(s, name)}


# each setting: its name, its value in words, the change a step makes, and what it does
ROWS: list[
    tuple[str, Callable[[Settings], str], Callable[[Settings, int], dict[str, object]], str]
] = [
    (
        "Text size",
        lambda s: f"{round(s.text_size * 100)}%",
        lambda s, step: {"text_size": next_text_size(s.text_size, step)},
        "Larger or smaller print everywhere.",
    ),
    (
        "Full screen",
        lambda s: "on" if s.fullscreen else "off",
        _toggle("fullscreen"),
        "Also F11 at any time.",
    ),
    (
        "Colours",
        lambda s: "colour-blind safe" if s.palette == "colour_blind" else "standard",
        lambda s, step: {"palette": "standard" if s.palette == "colour_blind" else "colour_blind"},
        "Blue/orange instead of green/red; units differ by shape too.",
    ),
    (
        "High-contrast text",
        lambda s: "on" if s.high_contrast else "off",
        _toggle("high_contrast"),
        "Black on white, no tinted paper.",
    ),
    (
        "Reduced motion",
        lambda s: "on" if s.reduced_motion else "off",
        _toggle("reduced_motion"),
        "No flashing or moving effects.",
    ),
    (
        "Sound volume",
        lambda s: f"{s.volume}%",
        lambda s, step: {"volume": max(0, min(100, s.volume + 10 * step))},
        "Telegraph, typewriter and alarm sounds.",
    ),
    ("Mute", lambda s: "on" if s.mute else "off", _toggle("mute"), "Silence all sounds."),
]


def _can_step_text(s: Settings, step: int) -> bool:
    return next_text_size(s.text_size, step) != next_text_size(s.text_size, 0)


# The settings stepped down and up rather than switched: whether a step can be taken (at an end it
# cannot, and its arrow is greyed); a click on the left of their button steps down, on the right up.
STEPPED: dict[str, Callable[[Settings, int], bool]] = {
    "Text size": _can_step_text,
    "Sound volume": lambda s, step: s.volume < 100 if step > 0 else s.volume > 0,
}


class SettingsScene(Scene):
    name = "settings"
    arrows_move_focus = True

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Button] = []

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        for index, (label, _, _, _) in enumerate(ROWS):
            if label in STEPPED:
                self.rows.append(self.stepper(app, index, STEPPED[label]))
            else:
                self.rows.append(
                    Button("", (lambda i: lambda: self.change(app, i, 1))(index), style=BODY)
                )
        self.back = Button("Done (Esc)", lambda: Pop())
        self.widgets = [*self.rows, self.back]

    def stepper(self, app: App, index: int, can: Callable[[Settings, int], bool]) -> StepButton:
        """The button of a setting stepped down and up (see STEPPED)."""
        return StepButton(
            "",
            lambda step: self.change(app, index, step),
            lambda step: can(app.settings, step),
            style=BODY,
        )

    def change(self, app: App, index: int, step: int) -> SceneResult:
        update = ROWS[index][2](app.settings, step)
        app.change_settings(app.settings.model_copy(update=update))
        return True

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key == pygame.K_ESCAPE:
            return Pop()
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT) and self.focus < len(ROWS):
            return self.change(app, self.focus, 1 if event.key == pygame.K_RIGHT else -1)
        return None

    def layout(self, app: App, rect: pygame.Rect) -> None:
        ink = app.ink
        for button, (label, value, _, _) in zip(self.rows, ROWS, strict=True):
            button.label = f"{label}: {value(app.settings)}"
        content, self.band = hint_band(app, rect)
        self.page = page_rect(app, content, 760)
        pad = margin(app)
        self.inner = self.page.inflate(-2 * pad, -2 * pad)
        self.body = layout_buttons(app, [self.back], self.inner)
        self.row_h = ink.height(BODY) + 12 + ink.height(SOFT) + 8

    def notes(self, app: App) -> list[tuple[Style, str]]:
        out = [(SOFT, note) for _, _, _, note in ROWS]
        if app.theme.limited:
            # the window holds less than the size chosen: say so by the setting, and what helps
            largest = int(largest_text_size(app.size) * 100)
            out[0] = (
                LIMIT,
                f"This window shows at most {largest}%; a larger window shows larger print.",
            )
        return out

    def draw(self, app: App, surface: pygame.Surface) -> None:
        ink = app.ink
        frame(surface, ink, self.page)
        rest = draw_title(app, surface, self.inner, "Settings", "Saved for next time")
        notes = self.notes(app)
        height = ink.height(BODY) + 12
        if rest.y + len(ROWS) * self.row_h - 8 <= self.body.bottom:
            # each note under its setting
            y = rest.y
            button_w = min(rest.width, max(320, rest.width // 2))
            for button, (style, note) in zip(self.rows, notes, strict=True):
                button.rect = pygame.Rect(rest.x, y, button_w, height)
                note_area = pygame.Rect(
                    rest.x + 4, y + height + 2, rest.width - 4, ink.height(SOFT) + 2
                )
                ink.line(surface, note, note_area.topleft, note_area, style)
                y += self.row_h
        else:
            # large print: each note beside its setting (on up to two lines), so every row and
            # note stays on the page above the Done button (QA: Mute fell over the key hints)
            arrows = 2 * ink.width("\u25b8  ", BODY)  # at both ends of a stepped setting
            button_w = min(
                rest.width // 2, max(ink.width(b.label, BODY) + 40 + arrows for b in self.rows)
            )
            x = rest.x + button_w + 12
            wrapped = [ink.wrap(note, rest.right - x, style) for style, note in notes]
            heights = [
                max(height, len(lines) * ink.height(style))
                for lines, (style, _) in zip(wrapped, notes, strict=True)
            ]
            room = self.body.bottom - rest.y - sum(heights)
            gap = max(2, min(8, room // len(ROWS)))
            y = rest.y
            for button, lines, (style, _), row_h in zip(
                self.rows, wrapped, notes, heights, strict=True
            ):
                button.rect = pygame.Rect(rest.x, y + (row_h - height) // 2, button_w, height)
                area = pygame.Rect(x, y, rest.right - x, row_h)
                top = y + (row_h - len(lines) * ink.height(style)) // 2
                ink.block(surface, lines, (x, top), area, style)
                y += row_h + gap
        self.draw_widgets(app, surface)
        key_hint(
            app,
            surface,
            self.band,
            "\u2191\u2193 choose \u00b7 Enter or \u25b8 change \u00b7 \u25c2 back a step \u00b7 click \u25c2 or \u25b8 to step \u00b7 Esc done",
        )
