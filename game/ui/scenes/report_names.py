"""The players' names for a report, asked before its first save when the game was started
without --name (a report is handed in: it said "(no name given)")."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.scene import Pop, Reset, SceneResult
from game.ui.scenes import goto
from game.ui.scenes.field import FieldScene
from game.ui.text import is_cjk
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.scenes.ending import DebriefScene

MAX_NAMES = 80  # the report's file name keeps the first 40 characters


class ReportNamesScene(FieldScene):
    """Type the names (any letters, spaces too); Enter saves the report with them, an empty
    line saves it without; Esc goes back to the debrief, nothing saved."""

    name = "report_names"
    heading = "YOUR NAME OR NAMES, FOR THE REPORT"
    hint = "Enter save the report \u00b7 Tab or \u2191\u2193 move \u00b7 Esc back to the debrief"
    max_length = MAX_NAMES

    def __init__(self, debrief: DebriefScene, *, then_leave: bool = False) -> None:
        super().__init__()
        self.debrief = debrief
        self.then_leave = then_leave  # asked on the way to the title: leave once saved

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        self.widgets = [
            self.field,
            Button("Save the report", lambda: self.submit(app)),
            Button("Cancel", lambda: Pop()),
        ]
        self.focus = 0

    told_boxes = False  # said once that the field draws Chinese and Japanese as boxes

    def handle(self, app: App, event: pygame.event.Event) -> SceneResult:
        result = super().handle(app, event)
        if not self.told_boxes and any(is_cjk(char) for char in self.text):
            # the field's typewriter face has no CJK glyphs (review: 李伟 showed as two boxes)
            self.told_boxes = True
            app.toast("Chinese and Japanese characters show as boxes here; the report keeps them.")
        return result

    def submit(self, app: App) -> SceneResult:
        self.debrief.named(" ".join(self.text.split()))
        self.debrief.save_report(app)
        if self.then_leave and self.debrief.saved:
            return Reset(goto.title())
        return Pop()  # to the debrief, which says where the report went (or why it could not)
