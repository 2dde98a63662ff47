"""The title screen: new game, continue, load, scenario choice, settings, help, quit.

It is the first frame of the window, drawn before the scenario has loaded (game/ui/loading.py):
until then the card shows what was remembered from the last start, or says the scenario is
loading, and a choice that needs the scenario waits for it (`App.when_loaded`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.ui.scene import Pop, Push, Quit, Replace, Reset, Scene, SceneResult
from game.ui.scenes import goto
from game.ui.scenes.common import TITLE, BoxedMenu, hint_band, key_hint, margin
from game.ui.text import BODY, Style
from game.ui.widgets import Button, frame, selection_mark

if TYPE_CHECKING:
    from game.saves import SaveInfo
    from game.scenario.load import LoadedScenario
    from game.ui.app import App
    from game.ui.loading import TitleCard

GAME_NAME = "Hebei 1935"
TUTORIAL = "tutorial"  # the bundled tutorial's id, which the title points first-time players to
LOADING = "Loading the scenario\u2026"
URGENT = Style("serif", "body", "urgent")
LOAD_NOTE = Style("serif", "small", "urgent")
SUBTITLE = Style("serif", "body", "ink_soft")
# a title that needs more than two lines at the title's size is set in this (student play-test:
# "Tutorial: Five Days at the Jurentang" lost its last word at 1024x768 with 120% text)
LONG_TITLE = Style("typewriter_bold", "heading")
HINT = "Tab / \u2191\u2193 move \u00b7 Enter choose \u00b7 \u25c2 \u25b8 scenario \u00b7 F1 help \u00b7 F2 codex \u00b7 F11 full screen \u00b7 Esc quit\u2026"
# the buttons in two columns (large print): \u2190 \u2192 go across, and turn the scenario on its button
TWO_COLUMN_HINT = "Tab / \u2191\u2193 move \u00b7 \u2190 \u2192 other column \u00b7 Enter choose \u00b7 \u25c2 \u25b8 on Scenario: change it \u00b7 F1 help \u00b7 F2 codex \u00b7 F11 full screen \u00b7 Esc quit\u2026"


def when_saved(stamp: str) -> str:
    """A save's time as a player reads it, in local time ("28 November 2026, 01:40"), whichever
    front end stamped it (game.save_time); the stamp as written if it is not an ISO time."""
    from game.engine.dates import long_date  # (the Load screen's: not before the first frame)
    from game.save_time import saved_moment

    moment = saved_moment(stamp)
    if moment is None:
        return stamp
    return f"{long_date(moment.date(), weekday=False)}, {moment:%H:%M}"


def game_date(iso: str) -> str:
    """A save's game date as the game writes dates ("30 May 1935"); as written if not ISO."""
    import datetime as dt

    from game.engine.dates import long_date  # the Load screen, never the first frame

    try:
        return long_date(dt.date.fromisoformat(iso), weekday=False)
    except ValueError:
        return iso


def load_game_from(app: App, path: Path, loaded: LoadedScenario | None = None) -> SceneResult:
    """Open a save of `loaded` (by default the current scenario) and go to the crisis screen, or
    say why not. The save's scenario becomes the current one only if it opens."""
    from game.practice import UndoStack
    from game.saves import SaveError, ScenarioChanged, read_save, replay_actions
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.session import Session

    scenario = loaded if loaded is not None else app.loaded
    if scenario is None:
        raise RuntimeError("no scenario to open the save with: wait for it (App.when_loaded)")
    try:
        save = read_save(path, scenario)
        state = save.state
    except ScenarioChanged as changed:
        save = changed.save
        state, problems = replay_actions(scenario.scenario, changed.seed, changed.actions)
        because = changed.replayed_because.format(path=path.name)
        because = because[:1].upper() + because[1:]
        if problems:
            app.toast(f"{because}; replay stopped: {problems[0]}")
        else:
            app.toast(f"{because}: its {len(changed.actions)} choice(s) were replayed.")
    except SaveError as exc:
        app.toast(str(exc))
        return True
    app.loaded = scenario
    app.session = Session(scenario, state.seed, state, 0, [], app.save_folder)
    app.player_name = app.session.keep_notes(save.session, app.given_name)
    if save.practice:  # a practice game stays one: steps can be taken back, its report says so
        app.session.undo = UndoStack.start(state)
    if state.over:  # a finished game opens on its ending (and from there its debrief)
        from game.ui.scenes.ending import EndingScene

        return Reset(EndingScene())
    return Reset(CrisisScene())


def finished_game(path: Path) -> bool:
    """Whether the save at `path` holds a game that has ended. The title offers to continue
    only a game that can go on: "Continue" opened a finished game's ending, which the Load
    screen calls "(game over)" (play-test); that game stays there, under Load. Read as plain
    JSON (game.saves brings pydantic, which the first frame does without); a file that cannot
    be read so is not called finished: loading it says what is wrong."""
    import json

    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    state = data.get("state") if isinstance(data, dict) else None
    return isinstance(state, dict) and state.get("phase") == "over"


class TitleScene(Scene):
    name = "title"
    arrows_move_focus = True

    def __init__(self) -> None:
        super().__init__()
        # the scenarios ◂ ▸ turn to: the current one (no path), then the other files, each
        # loaded once turned to (the one chosen always is: `chosen`)
        self.choices: list[tuple[Path | None, LoadedScenario | None]] = []
        self.choice = 0
        self.autosave: Path | None = None
        self.waiting_for = ""  # the choice made while the scenario loads, named on the card
        self.rule = ((0, 0), (0, 0))  # the line under the subtitle, as last drawn (ends)
        self.column_rows = 99  # buttons a column holds, as laid out (fewer than all: two columns)

    def enter(self, app: App) -> None:
        if not self.choices and app.loaded is not None:
            # The other scenarios are loaded (and checked) only when the player turns to them:
            # loading every one before the first frame took a sixth of the start-up.
            current = Path(app.loaded.path).resolve()
            self.choices = [(None, app.loaded)]
            self.choices += [
                (path, None) for path in app.scenario_paths if Path(path).resolve() != current
            ]
        self.autosave = None
        card = self.card(app)
        if app.save_folder is not None and card is not None and not app.load_error:
            try:
                from game.save_paths import autosave_path

                candidate = autosave_path(app.save_folder, card.id)
                usable = candidate.is_file() and not finished_game(candidate)
                self.autosave = candidate if usable else None
            except OSError:
                self.autosave = None
        self.build(app)

    def scenario_ready(self, app: App) -> None:
        self.enter(app)

    def chosen(self) -> LoadedScenario:
        """The scenario chosen (there are `choices` once the current one has loaded)."""
        loaded = self.choices[self.choice][1]
        assert loaded is not None  # the one chosen is loaded when ◂ ▸ turn to it
        return loaded

    def card(self, app: App) -> TitleCard | None:
        """What the card shows: the chosen scenario, or (while it loads) what was remembered."""
        if self.choices:
            from game.ui.loading import card_of

            return card_of(self.chosen())
        return app.card

    def later(
        self, app: App, label: str, work: Callable[[], SceneResult]
    ) -> Callable[[], SceneResult]:
        """A button's command that needs the scenario: at once if loaded, else once it is."""

        def command() -> SceneResult:
            if app.loading:
                self.waiting_for = label
            return app.when_loaded(work)

        return command

    def build(self, app: App) -> None:
        card = self.card(app)
        usable = not app.load_error  # a scenario that failed to load cannot be played
        buttons = [Button("New game", self.later(app, "New game", lambda: self.begin(app)))]
        autosave = self.autosave
        if autosave is not None:
            # the save the button names: a choice made while the scenario loads runs after
            # `scenario_ready` has looked for the autosave again (and found none if that game
            # has meanwhile ended): it opened None
            buttons.append(
                Button(
                    "Continue (autosave)",
                    self.later(app, "Continue", lambda: load_game_from(app, autosave)),
                    enabled=usable,
                )
            )
        buttons.append(
            Button(
                "Load a saved game",
                self.later(app, "Load a saved game", lambda: Push(_load_scene())),
                enabled=usable,
            )
        )
        name = card.title if card is not None else "loading\u2026"
        if app.load_error:
            name = "choose another"
        self.scenario_button = Button(
            f"Scenario: {name}  \u25c2 \u25b8",
            lambda: self.turn_scenario(app, 1),
            enabled=usable or bool(self.others(app)),
        )
        buttons.append(self.scenario_button)
        buttons[0].enabled = usable
        buttons.append(Button("Settings", lambda: Push(goto.settings())))
        buttons.append(Button("Help (F1)", lambda: Push(goto.help_screen())))
        buttons.append(Button("Quit", lambda: Quit()))
        focus = self.focus
        self.widgets = list(buttons)
        self.focus = min(focus, len(buttons) - 1)
        if not buttons[self.focus].enabled:  # e.g. New game after a failed load: start elsewhere
            self.focus = next(i for i, button in enumerate(buttons) if button.enabled)

    def tutorial_pointer(self, app: App, card: TitleCard) -> str:
        """A line for a first-time player (no game to continue) on another scenario than the
        tutorial, when the game has one: where to find it (play-test: the tutorial was the
        fourth scenario of four, and nothing pointed to it)."""
        if self.autosave is not None or card.id == TUTORIAL:
            return ""
        if not any(Path(path).stem == TUTORIAL for path in app.scenario_paths):
            return ""
        return (
            "New to the game? The tutorial teaches it in five short days, about ten minutes:"
            " choose it with Scenario \u25c2 \u25b8."
        )

    def begin(self, app: App) -> SceneResult:
        from game.ui.scenes.briefing import BriefingScene

        app.new_game(self.chosen(), app.seed)
        return Replace(BriefingScene(first=True))

    def turn_scenario(self, app: App, step: int) -> SceneResult:
        """◂ ▸: the next scenario; after a failed load, the first other one that loads."""
        if not app.load_error:
            return self.later(app, "Scenario", lambda: self.next_scenario(app, step))()
        others = self.others(app)
        for path in others if step > 0 else reversed(others):
            loaded = app.shelf.get(Path(path))
            if loaded is not None:
                app.adopt_scenario(loaded)
                self.choices = []
                self.enter(app)
                return True
        app.toast("No other scenario could be loaded.")
        return True

    def others(self, app: App) -> list[Path]:
        """The scenario files besides the one that failed to load (after a failed load)."""
        failed = app.failed_loader.path.resolve() if app.failed_loader is not None else None
        return [Path(p) for p in app.scenario_paths if Path(p).resolve() != failed]

    def next_scenario(self, app: App, step: int) -> SceneResult:
        while len(self.choices) > 1:
            self.choice = (self.choice + step) % len(self.choices)
            path, loaded = self.choices[self.choice]
            if loaded is None:
                # only the current scenario has no path; ◂ ▸ wait for it to load (`later`)
                assert path is not None and app.loaded is not None
                loaded = app.shelf.get(Path(path))
                if loaded is None or loaded.scenario.id == app.loaded.scenario.id:
                    gone = self.choice  # broken, or the same scenario again: drop it and move on
                    del self.choices[gone]
                    self.choice = (gone - 1 if step > 0 else gone) % len(self.choices)
                    continue
                self.choices[self.choice] = (path, loaded)
            break
        app.loaded = self.choices[self.choice][1]
        self.build(app)
        if len(self.choices) == 1:
            app.toast("Only one scenario is available.")
        return True

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = 1 if event.key == pygame.K_RIGHT else -1
            if self.column_rows < len(self.widgets) and self.focused() is not self.scenario_button:
                return self.next_column(step)
            return self.turn_scenario(app, step)
        if event.key == pygame.K_ESCAPE:
            # Esc is "back" on every other screen: here it asks first (the Quit button and the
            # window's close button do not)
            return Push(QuitScene())
        return None

    def next_column(self, step: int) -> bool:
        """\u2190 \u2192 with the buttons in two columns: to the button beside the focused one
        (the last of the other column, if it is shorter); on the Scenario button they still
        turn the scenario, as its \u25c2 \u25b8 say."""
        column, row = divmod(self.focus, self.column_rows)
        columns = -(-len(self.widgets) // self.column_rows)
        if 0 <= column + step < columns:  # (at the last column, → stays where it is)
            self.focus = min((column + step) * self.column_rows + row, len(self.widgets) - 1)
        return True

    def head_lines(self, app: App, width: int) -> tuple[list[str], list[str], int]:
        """The card's title and subtitle lines at this width, and the clearance kept above and
        below the rule under them."""
        ink = app.ink
        card = self.card(app)
        title = ink.wrap(card.title if card else GAME_NAME, width, self.title_style(app, width))
        subtitle = ink.wrap(card.subtitle, width, SUBTITLE)[:2] if card and card.subtitle else []
        # The rule keeps half a line clear above and below it, at every text size: 6 px (fixed)
        # under a line box whose descenders reach its last row left it touching "Peiping".
        return title, subtitle, max(6, ink.height(SUBTITLE) // 2)

    @staticmethod
    def title_gap(app: App, subtitle: list[str]) -> int:
        """Room between the title and the subtitle (play-test: a title on two lines, the
        tutorial's, ended touching its subtitle)."""
        return app.ink.height(SUBTITLE) // 3 if subtitle else 0

    def title_style(self, app: App, width: int) -> Style:
        card = self.card(app)
        words = card.title if card else GAME_NAME
        return TITLE if len(app.ink.wrap(words, width, TITLE)) <= 2 else LONG_TITLE

    def text_needed(self, app: App, width: int) -> int:
        """The height of the card's words at this width: title, subtitle, rule, summary, and
        the pointer to the tutorial (play-test: with larger text it was left out for want of
        room, where the buttons in two columns would have made it)."""
        ink = app.ink
        title, subtitle, clearance = self.head_lines(app, width)
        card = self.card(app)
        summary = ink.wrap(card.summary, width, BODY) if card else []
        pointer = self.tutorial_pointer(app, card) if card else ""
        said = ink.wrap(pointer, width, SUBTITLE) if pointer else []
        return (
            len(title) * ink.height(self.title_style(app, width))
            + self.title_gap(app, subtitle)
            + len(subtitle) * ink.height(SUBTITLE)
            + 2 * clearance
            + len(summary) * ink.height(BODY)
            + (len(said) * ink.height(SUBTITLE) + ink.height(BODY) // 2 if said else 0)
        )

    def layout(self, app: App, rect: pygame.Rect) -> None:
        content, self.band = hint_band(app, rect)
        pad = margin(app)
        ink = app.ink
        height = next(w for w in self.widgets if isinstance(w, Button)).preferred_height(ink)
        gap = max(4, height // 4)
        count = len(self.widgets)
        widest = content.width - 2 * pad
        width = min(widest, max(420, int(content.width * 0.5)))

        def fits(width: int, rows: int) -> bool:  # the summary is shown whole
            room = content.height - 4 * pad - rows * (height + gap) - gap
            return self.text_needed(app, width - 3 * pad) <= room

        # The buttons in one column, or (large text: at 145% in 1280x720 the summary ended
        # after three lines with …) in two, the card as wide as their labels need, and wider
        # while the summary would still be cut
        rows = count
        if not fits(width, rows):
            rows = (count + 1) // 2
            labels = max(ink.width(w.label, w.style) for w in self.widgets if isinstance(w, Button))
            width = min(widest, max(width, 2 * (labels + 24) + gap + 3 * pad))
            while width < widest and not fits(width, rows):
                width = min(widest, width + max(1, content.width // 20))
        self.panel = pygame.Rect(0, 0, width, content.height - 2 * pad)
        self.panel.center = content.center
        inner = self.panel.inflate(-3 * pad, -2 * pad)
        self.inner = inner
        columns = -(-count // rows)
        self.column_rows = rows
        column = (inner.width - (columns - 1) * gap) // columns
        top = inner.bottom - rows * (height + gap)
        for index, widget in enumerate(self.widgets):
            # down the first column, then the second: ↑↓ (which follow the list) go down a column
            col, row = divmod(index, rows)
            widget.rect = pygame.Rect(
                inner.x + col * (column + gap), top + row * (height + gap), column, height
            )
        self.text_area = pygame.Rect(inner.x, inner.y, inner.width, max(0, top - inner.y - gap))

    def draw(self, app: App, surface: pygame.Surface) -> None:
        ink = app.ink
        frame(surface, ink, self.panel)
        card = self.card(app)
        area = self.text_area
        y = area.y
        title, subtitle, clearance = self.head_lines(app, area.width)
        style = self.title_style(app, area.width)
        for line in title:
            ink.line(surface, line, (area.centerx, y), area, style, align="centre")
            y += ink.height(style)
        y += self.title_gap(app, subtitle)
        soft = SUBTITLE
        for line in subtitle:
            ink.line(surface, line, (area.centerx, y), area, soft, align="centre")
            y += ink.height(soft)
        y += clearance
        self.rule = ((area.x + area.width // 4, y), (area.right - area.width // 4, y))
        pygame.draw.line(surface, app.theme.c("border"), *self.rule)
        y += clearance
        rest = pygame.Rect(area.x, y, area.width, max(0, area.bottom - y))
        if app.load_error:
            note = app.load_error
            if self.others(app):
                note += (
                    "\nPress \u25c2 \u25b8 to choose another scenario, or F5 to try this one again."
                )
            else:
                note += "\nPress F5 to try again once the file is corrected."
            lines = ink.wrap(note, area.width, URGENT)
            ink.block(surface, lines, rest.topleft, rest, URGENT)
        elif card is None or app.loading and self.waiting_for:
            note = LOADING
            if self.waiting_for and app.waiting is not None:
                note += f" {self.waiting_for} follows as soon as it is ready."
            lines = ink.wrap(note, area.width, soft)
            ink.block(surface, lines, rest.topleft, rest, soft)
            y += len(lines) * ink.height(soft) + 6
        if card is not None and not app.load_error:
            rest = pygame.Rect(area.x, y, area.width, max(0, area.bottom - y))
            lines = ink.wrap(card.summary, area.width, BODY)
            room = rest.height // ink.height(BODY)
            if 0 < room < len(lines):  # a small window: the summary ends where it is cut, with …
                lines = [*lines[: room - 1], lines[room - 1].rstrip(" ,;:") + "\u2026"]
            ink.block(surface, lines, rest.topleft, rest, BODY)
            pointer = self.tutorial_pointer(app, card)
            if pointer:  # under the summary, where it fits whole
                below = rest.y + len(lines) * ink.height(BODY) + ink.height(BODY) // 2
                said = ink.wrap(pointer, area.width, soft)
                if below + len(said) * ink.height(soft) <= area.bottom:
                    ink.block(surface, said, (area.x, below), area, soft)
        self.draw_widgets(app, surface)
        if app.top is self:  # (the quit question over it has keys of its own)
            key_hint(
                app,
                surface,
                self.band,
                TWO_COLUMN_HINT if self.column_rows < len(self.widgets) else HINT,
            )


class QuitScene(BoxedMenu):
    """Esc on the title screen: quit the game? Y quits, N or Esc stays (Enter takes the button in
    focus, Quit at first)."""

    name = "quit"
    opens_over = False
    heading = f"Quit {GAME_NAME}?"
    hint = "\u2191\u2193 choose \u00b7 Enter select \u00b7 Y quit \u00b7 N or Esc stay"

    def __init__(self) -> None:
        super().__init__()
        self.widgets = [Button("Quit (Y)", lambda: Quit()), Button("Stay (N, Esc)", lambda: Pop())]

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key in (pygame.K_ESCAPE, pygame.K_n):
            return Pop()
        if event.key == pygame.K_y:
            return Quit()
        return None


def _load_scene() -> Scene:
    return LoadScene()


class LoadScene(Scene):
    """Every saved game, newest first, whatever its scenario; loading one of another scenario
    switches to that scenario."""

    name = "load"

    def enter(self, app: App) -> None:
        from game.ui.widgets import ListWidget

        self.saves: list[SaveInfo] = []
        self.notes: list[str] = []
        self.scenarios: dict[str, LoadedScenario] = {}
        if app.save_folder is not None:
            try:
                from game.saves import list_saves

                self.saves, self.notes = list_saves(app.save_folder)
            except (ImportError, OSError) as exc:
                self.notes = [f"Saves cannot be read: {exc}"]
        wanted = {save.scenario_id for save in self.saves}
        self.scenarios = app.shelf.by_id(wanted, app.scenario_paths, app.loaded)
        self.list = ListWidget(
            count=lambda: len(self.saves),
            row_height=lambda i, w: app.ink.height(BODY) * 2 + 6,
            draw_row=lambda s, r, i, sel, foc: self.draw_row(app, s, r, i, sel, foc),
            activate=lambda i: self.open(app, self.saves[i]),
        )
        self.back = Button("Back (Esc)", lambda: Pop())
        self.widgets = [self.list, self.back]

    def open(self, app: App, save: SaveInfo) -> SceneResult:
        loaded = self.scenarios.get(save.scenario_id)
        if loaded is None:
            app.toast(f"This save is of the scenario '{save.scenario_id}', which is not here.")
            return True
        return load_game_from(app, save.path, loaded)

    def draw_row(
        self,
        app: App,
        surface: pygame.Surface,
        rect: pygame.Rect,
        index: int,
        selected: bool,
        focused: bool = True,
    ) -> None:
        info = self.saves[index]
        if selected:
            pygame.draw.rect(surface, app.theme.c("select"), rect)
            selection_mark(surface, app.ink, rect.inflate(-2, -2), focused)
        ink = app.ink
        ink.line(
            surface,
            f"{info.slot} \u2014 day {info.day}, {game_date(info.date)}"
            + (" (game over)" if info.over else ""),
            (rect.x + 6, rect.y + 2),
            rect,
            BODY,
        )
        loaded = self.scenarios.get(info.scenario_id)
        scenario = loaded.scenario.title if loaded is not None else f"{info.scenario_id} (not here)"
        ink.line(
            surface,
            f"{scenario} \u00b7 saved {when_saved(info.saved_at)}",
            (rect.x + 6, rect.y + 2 + ink.height(BODY)),
            rect,
            Style("serif", "small", "ink_soft"),
        )

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        return Pop() if event.key == pygame.K_ESCAPE else None

    def layout(self, app: App, rect: pygame.Rect) -> None:
        from game.ui.scenes.common import layout_buttons, page_rect

        content, self.band = hint_band(app, rect)
        self.page = page_rect(app, content, 900)
        self.inner = self.page.inflate(-2 * margin(app), -2 * margin(app))
        self.body = layout_buttons(app, [self.back], self.inner)

    def draw(self, app: App, surface: pygame.Surface) -> None:
        from game.ui.scenes.common import draw_title

        frame(surface, app.ink, self.page)
        rest = draw_title(
            app, surface, self.inner, "Load a saved game", "Every scenario's saves, newest first"
        )
        bottom = self.body.bottom
        if self.saves and self.notes:
            # files that are not listed say why, under the list (a damaged save is not hidden)
            shown = self.notes[:3] + (
                [f"and {len(self.notes) - 3} more files not listed"] if len(self.notes) > 3 else []
            )
            lines = [line for note in shown for line in app.ink.wrap(note, rest.width, LOAD_NOTE)][
                :5
            ]
            bottom -= len(lines) * app.ink.height(LOAD_NOTE) + 6
            area = pygame.Rect(rest.x, bottom + 6, rest.width, self.body.bottom - bottom - 6)
            app.ink.block(surface, lines, area.topleft, area, LOAD_NOTE)
        self.list.rect = pygame.Rect(rest.x, rest.y, rest.width, max(0, bottom - rest.y))
        if not self.saves:
            message = (
                "No saved games yet. The game saves itself at each dawn and when you leave it."
                + ("".join(f" {n}" for n in self.notes[:2]))
            )
            app.ink.block(
                surface, app.ink.wrap(message, rest.width, BODY), rest.topleft, self.list.rect, BODY
            )
        self.draw_widgets(app, surface)
        key_hint(app, surface, self.band, "\u2191\u2193 choose \u00b7 Enter load \u00b7 Esc back")
