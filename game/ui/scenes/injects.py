"""The teacher's injects (F9 on the crisis screen): release one of the scenario's injects now."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.analysis.describe import describe_effects
from game.ui.scene import ENTER_KEYS, Act, Pop, SceneResult, digit
from game.ui.scenes.menu import PauseScene
from game.ui.text import Style
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.engine.state import GameState
    from game.scenario.model import Inject, Scenario
    from game.ui.app import App

SOFT = Style("serif", "small", "ink_soft")
NOTE_LINES = 4  # of the focused inject's changes and note for the teacher


def _changes_words(scenario: Scenario, state: GameState, inject: Inject) -> str:
    """'It changes: Public anger +3.' (or '' for an inject that changes nothing one can see)."""
    words = describe_effects(scenario, state, inject.effects)
    return f"It changes: {words}." if words else ""


class InjectScene(PauseScene):
    """The teacher's menu (F9): release one of the scenario's injects now; it costs no action points."""

    name = "injects"
    heading = "TEACHER'S INJECTS"
    hint = "1\u20139 choose (again: release) \u00b7 \u2191\u2193 choose \u00b7 Enter, Enter again release \u00b7 Esc close"

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        from game.engine.actions import ReleaseInject
        from game.engine.api import why_not
        from game.engine.query import inject_mark, inject_waits

        def release(iid: str) -> Callable[[], SceneResult]:
            return lambda: [Pop(), Act(ReleaseInject(inject=iid))]

        session = app.game
        scenario, state = session.scenario, session.state
        injects = scenario.injects
        # why each cannot be released now ("" if it can): released already (each is released
        # once in a game), or too early (teacher's review: "there is no ultimatum" on 29 May)
        self.reasons = [
            why_not(scenario, state, ReleaseInject(inject=iid))
            or inject_waits(scenario, state, iid)
            for iid in injects
        ]
        self.widgets = [
            Button(
                f"{number}. {inject.title}{inject_mark(scenario, state, iid)}",
                release(iid),
                enabled=not reason,
            )
            for number, ((iid, inject), reason) in enumerate(
                zip(injects.items(), self.reasons, strict=True), start=1
            )
        ]
        self.widgets.append(Button("Close", lambda: Pop()))
        self.titles = [inject.title for inject in injects.values()]
        # for the one focused: what it changes (no action points, but stats: teacher's play-test)
        # and the author's word to the teacher on when it helps a class
        scenario, state = session.scenario, session.state
        self.notes: list[list[str]] = [
            [part for part in (_changes_words(scenario, state, inject), inject.note) if part]
            for inject in injects.values()
        ] + [[]]

    # The inject chosen by the last click, Enter or Space: a release cannot be taken back, so as
    # in the lists a first click or key chooses an inject (its changes and the teacher's note
    # show) and a second one on the same inject, or a double click, releases it (teacher's
    # play-test: F9 then Enter released the first inject at once, though the hint said
    # 'Enter select'; review: one Space still did).
    chosen: int | None = None

    def button(self, index: int) -> Button:
        """The inject's button (or, last, Close): every widget here is a button."""
        widget = self.widgets[index]
        assert isinstance(widget, Button)
        return widget

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        number = digit(event)
        if number is not None and number < len(self.widgets):
            # as Enter: the first press chooses it and shows what it changes, a second releases
            # it (review: a number key released one at once, where Enter asked twice)
            self.focus = number - 1
            return self.choose_or_release(app, number - 1, f"Press {number}")
        return super().key(app, event)

    def handle(self, app: App, event: pygame.event.Event) -> SceneResult:
        injects = self.widgets[:-1]  # Close acts at once
        if event.type == pygame.KEYDOWN:
            if event.key in (*ENTER_KEYS, pygame.K_SPACE) and self.focus < len(injects):
                return self.choose_or_release(app, self.focus, "Enter")
            if digit(event) is None:  # a number chooses, or releases the one it chose
                self.chosen = None
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index, widget in enumerate(injects):
                if widget.rect.collidepoint(event.pos):
                    self.focus = index
                    if getattr(event, "double", False):
                        self.chosen = index
                    return self.choose_or_release(app, index, "Click")
            self.chosen = None
        return super().handle(app, event)

    def choose_or_release(self, app: App, index: int, how: str) -> SceneResult:
        """Choose this inject, or release it if it is the one chosen; a released one only says
        so, and the list stays open (review: Enter on it had closed the list)."""
        widget = self.button(index)
        if not widget.enabled:
            return self.say_why_not(app, index)
        if self.chosen == index:
            self.chosen = None
            app.toast_text = ""  # "... again to release" is done with (play-test: it stayed)
            return widget.command()
        self.chosen = index
        title = self.titles[index]
        app.toast(f"{how} again to release \u201c{title}\u201d: it cannot be taken back.")
        return True

    def say_why_not(self, app: App, index: int) -> SceneResult:
        """Why this inject cannot be released now (released already, or too early)."""
        self.chosen = None
        app.toast(self.reasons[index])
        return True

    def layout(self, app: App, rect: pygame.Rect) -> None:
        super().layout(app, rect)
        lines = NOTE_LINES if any(self.notes) else 0
        self.note_area = pygame.Rect(
            self.box.x + 20, self.box.bottom - 12, self.box.width - 40, lines * app.ink.height(SOFT)
        )
        self.box.height += self.note_area.height + (8 if lines else 0)
        # grown downwards: centred again, with what it holds
        shift = rect.centery - self.box.centery
        self.box.y += shift
        self.note_area.y += shift
        for widget in self.widgets:
            widget.rect.y += shift

    def draw(self, app: App, surface: pygame.Surface) -> None:
        super().draw(app, surface)
        notes = self.notes[self.focus] if 0 <= self.focus < len(self.notes) else []
        if notes and self.note_area.height:
            width = self.note_area.width
            lines = [line for note in notes for line in app.ink.wrap(note, width, SOFT)]
            app.ink.block(surface, lines[:NOTE_LINES], self.note_area.topleft, self.note_area, SOFT)
