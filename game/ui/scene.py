"""Scenes and the commands they return: the app keeps a stack of scenes; dialogs are pushed on top.

A scene never changes the game: it returns an engine action (`Act`) or a stack command, and the app
carries it out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import pygame

from game.ui.widgets import Widget

if TYPE_CHECKING:
    from game.engine.actions import PlayerAction
    from game.ui.app import App


class Command:
    """A scene command, carried out by the app once. Plain classes rather than frozen dataclasses:
    generating six dataclasses took 5 ms of the time before the first frame."""

    __slots__: tuple[str, ...] = ()

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({values})"


class Push(Command):
    __slots__ = ("scene",)

    def __init__(self, scene: Scene) -> None:
        self.scene = scene


class Pop(Command):
    __slots__ = ()


class Replace(Command):
    __slots__ = ("scene",)

    def __init__(self, scene: Scene) -> None:
        self.scene = scene


class Reset(Command):
    """Clear the stack and start again from this scene."""

    __slots__ = ("scene",)

    def __init__(self, scene: Scene) -> None:
        self.scene = scene


class Act(Command):
    __slots__ = ("action",)

    def __init__(self, action: PlayerAction) -> None:
        self.action = action


class Quit(Command):
    __slots__ = ()


SceneResult: TypeAlias = "Command | list[Command] | bool | None"
"""What a scene, a widget or a button's command returns, and `App.apply` carries out: a command,
a list of them (in order), True for "handled, nothing to do", or None (or False) for "not used"."""


ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)
SCROLL_KEYS = (
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_HOME,
    pygame.K_END,
)


def digit(event: pygame.event.Event) -> int | None:
    """1-9 from the number row or the keypad, else None."""
    key: int = event.key
    if pygame.K_1 <= key <= pygame.K_9:
        return key - pygame.K_0
    if pygame.K_KP1 <= key <= pygame.K_KP9:
        return key - pygame.K_KP1 + 1
    return None


class ArmedNumber:
    """A number key pressed once, which the same number pressed next acts on (the council's
    actions, a demand's answers), and the notice that said so. Anything else between (another
    key, a click, a key the window handles itself, another screen on top) forgets both: the
    notice would no longer tell the truth (play-test: after \u2193 it still named the row
    above, and it followed the player out of a dialog)."""

    def __init__(self) -> None:
        self.number: int | None = None
        self.owner: object = None  # what the number was pressed on (the council's state)
        self.note = ""

    def arm(self, app: App, number: int, note: str, owner: object = None) -> None:
        """`number` was pressed once (on `owner`); `note` says what a second press does, or
        why it cannot ("" for no notice)."""
        self.number, self.owner, self.note = number, owner, note
        if note:
            app.toast(note)

    def holds(self, number: int, owner: object = None) -> bool:
        """Whether `number` is the one pressed last, on the same `owner` (by identity)."""
        return self.number == number and self.owner is owner

    def disarm(self, app: App) -> None:
        app.withdraw_toast(self.note)
        self.number, self.owner, self.note = None, None, ""

    def watch(self, app: App, event: pygame.event.Event) -> None:
        """Disarm on any input but a number key: another key (an arrow a list uses before the
        screen's `key` is asked) or a click (code review: 1, \u2193, 1 acted on the row above
        the one shown). Called first by the screen's `handle`."""
        if event.type == pygame.MOUSEBUTTONDOWN or (
            event.type == pygame.KEYDOWN and digit(event) is None
        ):
            self.disarm(app)


class Scene:
    name = "scene"
    modal = False  # a modal scene is drawn over the scene below it
    takes_typing = False  # a scene with a text field: letters are text, not shortcuts
    arrows_move_focus = False  # a menu of buttons: ↑ ↓ move the focus, as Tab and Shift+Tab do
    follows_pointer = False  # it is told where the pointer moves (MOUSEMOTION), for hover notes
    opens_over = (
        True  # help (F1) and the codex (C, F2) may open over it; not over a yes/no question
    )

    def __init__(self) -> None:
        self.widgets: list[Widget] = []
        self.focus = 0

    # --- life cycle ----------------------------------------------------------------------------
    def enter(self, app: App) -> None:
        """Called when the scene becomes the top of the stack (again)."""

    def interrupted(self, app: App) -> None:
        """A key the window handled itself (F1, F11, the codex) came between this scene's
        keys: a choice half made (a number pressed once) is forgotten."""

    def scenario_ready(self, app: App) -> None:
        """Called on every scene in the stack when the scenario loaded behind the title screen
        has arrived, or failed to (then `app.load_error` says why)."""

    def layout(self, app: App, rect: pygame.Rect) -> None:
        """Place the widgets for this window size; called before every draw after a change."""

    def draw(self, app: App, surface: pygame.Surface) -> None:
        raise NotImplementedError

    def animating(self, app: App) -> bool:
        """Whether this scene shows something that moves now (the app then redraws at the blink pace)."""
        return False

    def draw_animated(self, app: App, surface: pygame.Surface) -> bool:
        """Redraw only `animated_area`, over the last whole frame, if this scene can (it is the
        only scene shown); False: it cannot, and the whole window is drawn."""
        return False

    def animated_area(self, app: App) -> pygame.Rect | None:
        """Where what `animating` moves is drawn, as last drawn: a blink redraws the window but
        sends the display only this area. None: the whole window (the safe answer)."""
        return None

    # --- input -------------------------------------------------------------------------------
    def handle(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_TAB:
                self.cycle(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                return True
            focused = self.focused()
            if focused is not None:
                result = focused.key(event)
                if result is not None:
                    return result
            if self.arrows_move_focus and event.key in (pygame.K_DOWN, pygame.K_UP):
                self.cycle(1 if event.key == pygame.K_DOWN else -1)
                return True
            pane = self.scrolled()
            if pane is not None and event.key in SCROLL_KEYS:
                return pane.key(event)
            return self.key(app, event)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index, widget in enumerate(self.widgets):
                if widget.focusable and widget.rect.collidepoint(event.pos):
                    self.focus = index
                    return widget.click(event.pos, getattr(event, "double", False))
        if event.type == pygame.MOUSEWHEEL:
            pos = pygame.mouse.get_pos()
            for widget in self.widgets:
                if widget.rect.collidepoint(pos):
                    return widget.wheel(event.y)
        return None

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        """Keys no focused widget used."""
        return None

    def scrolled(self) -> Widget | None:
        """The screen's text, which the scrolling keys move when the focused widget does not use
        them (its hint says they scroll, wherever the focus is); None: the keys go to `key`."""
        return None

    def cycle(self, step: int) -> None:
        focusable = [i for i, w in enumerate(self.widgets) if w.focusable]
        if not focusable:
            return
        if self.focus not in focusable:
            self.focus = focusable[0]
            return
        position = focusable.index(self.focus)
        self.focus = focusable[(position + step) % len(focusable)]

    def focused(self) -> Widget | None:
        if 0 <= self.focus < len(self.widgets) and self.widgets[self.focus].focusable:
            return self.widgets[self.focus]
        return None

    def draw_widgets(self, app: App, surface: pygame.Surface) -> None:
        # Only the scene on top shows its focus: a screen under a dialog drew its ring through
        # the shading too, and two or three rings at once left no telling where the keys go.
        on_top = app.top is self
        for index, widget in enumerate(self.widgets):
            widget.draw(surface, app.ink, on_top and index == self.focus)
