"""The briefing: the situation, who the player is, the people of the crisis, and the map."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.debrief.sections import PREMISE
from game.ui.map.painter import MapPainter
from game.ui.scene import Pop, Push, Replace, Reset, Scene, SceneResult
from game.ui.scenes import goto
from game.ui.scenes.common import draw_title, hint_band, key_hint, layout_buttons, margin
from game.ui.text import BODY, BOLD, Style
from game.ui.view import briefing, map_places, reflow
from game.ui.widgets import Button, TextPane, frame, no_map

if TYPE_CHECKING:
    from game.scenario.model import Scenario
    from game.ui.app import App
    from game.ui.view import MapData


class BriefingScene(Scene):
    name = "briefing"
    options: tuple[str, ...] = ()  # the classroom options, in words (`classroom_options`)

    def __init__(self, first: bool = False) -> None:
        super().__init__()
        self.first = first
        self.painter = MapPainter()

    def enter(self, app: App) -> None:
        scenario = app.current_scenario.scenario
        self.view = briefing(scenario)
        self.options = tuple(classroom_options(app))
        self.scenario = scenario
        self.pane = TextPane(self.paragraphs)
        label = "Begin the crisis" if self.first else "Back to the crisis"
        self.go = Button(label, lambda: self.begin(app))
        self.codex = Button("Codex (F2)", lambda: Push(goto.codex()))
        self.widgets = [self.go, self.pane, self.codex]

    def paragraphs(self) -> list[tuple[Style, str]]:
        view = self.view
        out: list[tuple[Style, str]] = [
            (BOLD, view.player),
            (Style("serif", "small", "ink_soft"), view.dates),
            (BODY, ""),
        ]
        for paragraph in reflow(view.text):
            out.append((BODY, paragraph))
        if view.premise:  # an alternate history says so, as the text version and the report do
            out += [(BODY, ""), (Style("typewriter_bold", "body"), PREMISE.upper())]
            out += [(BODY, paragraph) for paragraph in reflow(view.premise)]
        if self.options:  # the teacher sees the game was started as meant
            out += [(BODY, ""), (Style("typewriter_bold", "body"), "THIS GAME")]
            out += [(BODY, line) for line in self.options]
        if view.people:
            out += [(BODY, ""), (Style("typewriter_bold", "body"), "THE PEOPLE")]
            for name, role in view.people:
                out.append((BODY, f"{name} \u2014 {role}" if role else name))
        return out

    def begin(self, app: App) -> SceneResult:
        from game.ui.scenes.crisis import CrisisScene

        if not self.first:
            return Pop()
        dialogs = app.dawn_dialogs(app.session.last_events) if app.session else []
        return [Replace(CrisisScene()), *[Push(d) for d in reversed(dialogs)]]

    def scrolled(self) -> TextPane:
        return self.pane  # the hint promises ↑↓ PgUp PgDn, also with the focus on Begin

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key == pygame.K_ESCAPE:
            # the first time, back to the title (a game begun by mistake was a trap: review);
            # the game stays where it is, to go on with from there
            if not self.first:
                return self.begin(app)
            note = app.session.abandon() if app.session is not None else ""
            if note:
                app.toast(note)
            return Reset(goto.title())
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.begin(app)
        return None

    def layout(self, app: App, rect: pygame.Rect) -> None:
        content, self.band = hint_band(app, rect)
        pad = margin(app)
        self.page = content.inflate(-2 * pad, -2 * pad)
        inner = self.page.inflate(-2 * pad, -2 * pad)
        body = layout_buttons(app, [self.codex, self.go], inner)
        self.inner = inner
        self.body = body
        map_width = int(body.width * 0.42)
        self.map_rect = pygame.Rect(body.right - map_width, body.y, map_width, body.height)
        self.text_rect = pygame.Rect(body.x, body.y, body.width - map_width - pad, body.height)

    def draw(self, app: App, surface: pygame.Surface) -> None:
        frame(surface, app.ink, self.page)
        rest = draw_title(app, surface, self.text_rect, self.view.title, self.view.subtitle)
        self.pane.rect = rest
        from game.ui.app import map_data, shows_map

        loaded = app.current_scenario
        if shows_map(loaded):
            geometry = map_data(loaded)
            map_inner = frame(surface, app.ink, self.map_rect, map_caption(self.scenario, geometry))
            places = map_places(self.scenario, geometry, set())
            self.painter.draw(surface, app.ink, map_inner, geometry, places, [])
        else:
            no_map(surface, app.ink, self.map_rect)
        self.draw_widgets(app, surface)
        key_hint(
            app,
            surface,
            self.band,
            ("Enter begin" if self.first else "Enter back to the crisis")
            + " \u00b7 Tab move \u00b7 \u2191\u2193 PgUp PgDn scroll \u00b7 F2 codex \u00b7 F1 help"
            + (" \u00b7 Esc title screen" if self.first else " \u00b7 Esc back"),
        )


SEASONS = (
    "winter",
    "winter",
    "spring",
    "spring",
    "spring",
    "summer",
    "summer",
    "summer",
    "autumn",
    "autumn",
    "autumn",
    "winter",
)  # of the northern hemisphere, by month


def map_caption(scenario: Scenario, geometry: MapData) -> str:
    """The briefing map's caption: the map's region and the scenario's season ("North China,
    spring 1935"), or the season alone for a map that names no region."""
    start = scenario.calendar.start
    when = f"{SEASONS[start.month - 1]} {start.year}"
    region = geometry.get("region")
    return f"{region}, {when}" if region else when.capitalize()


def classroom_options(app: App) -> list[str]:
    """The options this game was started with, in words (teacher's play-test: nothing confirmed
    them on screen until the debrief); none for a game started plainly."""
    from game.engine.words import counted
    from game.lesson import HELD_DAYS

    lines = []
    if app.player_name.strip():
        lines.append(f"Played by: {app.player_name.strip()}")
    if app.time_limit is not None:
        minutes = f"{app.time_limit:g}"
        lines.append(f"Council time: {minutes} minute{'' if minutes == '1' else 's'} a day")
    if app.lesson_days is not None:
        lines.append(
            f"Lesson mode: {counted(app.lesson_days, 'day')} with a council, then the days pass"
            f" quickly to the end, {HELD_DAYS}"
        )
    if app.session is not None and app.session.practice:
        lines.append("Practice game: U takes back a step, Shift+U goes back to the dawn")
    return lines
