"""The window: the scene stack, the event loop (idle = blocked in `pygame.event.wait`), and `run_window`.

The loop redraws only when something changed. `pump()` handles what is queued and draws once, so
tests can drive the real loop one step at a time with posted key events; the clock is injected.

The title screen is on screen before the engine, the scenario format or pydantic are imported:
this module imports only pygame and the window's own drawing code at the top, and the rest where
it is used. With a `ScenarioLoader` the scenario is loaded behind the title screen, in a thread
started once the first frame is shown (see game/ui/loading.py); tests/ui/test_first_frame.py
checks which modules the first frame needed.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.ui.loading import ScenarioLoader, TitleCard, card_of  # noqa: E402
from game.ui.scene import Act, Pop, Push, Quit, Replace, Reset, Scene, SceneResult  # noqa: E402
from game.ui.settings import Settings, load_settings, save_settings  # noqa: E402
from game.ui.shelf import ScenarioShelf  # noqa: E402
from game.ui.sound import Sounds  # noqa: E402
from game.ui.text import BODY, Blit, Ink  # noqa: E402
from game.ui.theme import ASSETS, Theme  # noqa: E402
from game.ui.widgets import Button, frame  # noqa: E402

if TYPE_CHECKING:
    from game.engine.actions import PlayerAction
    from game.engine.state import GameEvent, GameState
    from game.scenario.load import LoadedScenario
    from game.scenario.model import Scenario
    from game.ui.session import Session
    from game.ui.view import MapData

MIN_SIZE = (800, 600)
IDLE_SLEEP_S = 0.025  # an idle window looks at its events 40 times a second and draws nothing
# A message (why an action is not possible, "Saved as ...", "New in the codex") stays at least
# this long, and after that until the next key press or click: one that vanished after four
# seconds could not be read again (accessibility review).
TOAST_MS = 4000
# Two presses of the left button this close in time and place make a double click (the usual
# desktop settings: 500 ms, and a few pixels for a list's row). A press that follows one which
# changed the screen is dropped within a wider reach, SDL's own 32 px: a shaky double click on
# "Decide later" must not end the day below (review: 5 px away, it did).
DOUBLE_CLICK_MS = 500
DOUBLE_CLICK_PX = 6
SCREEN_CHANGED_PX = 32
BLINK_MS = (
    600  # the pace of the one animation (a last-day ultimatum's countdown); off with reduced motion
)
MAX_CRASHES = 20  # past this many unexpected errors in one run the window gives up rather than loop
# For `python -m benchmarks` (start-up time): quit right after the first frame is shown.
EXIT_AFTER_FIRST_FRAME = os.environ.get("HEBEI1935_EXIT_AFTER_FIRST_FRAME") == "1"
# Screens that stop the council's clock (--time-limit) while they are open: the game paused,
# the codex (it shows no clock: play-test, the day ended while it was read), and the night's
# summary between two councils.
COUNCIL_CLOCK_PAUSED = frozenset(
    {"briefing", "menu", "help", "settings", "save", "load", "codex", "day_summary", "injects"}
)
# The screens on top of which a new day's council begins: the crisis screen, or a demand's
# dialog (answering is council work). Until one of them is on top (the night's summary and the
# slips that follow it still open) the new day's clock waits.
COUNCIL_OPENS_ON = frozenset({"crisis", "demand"})


class WindowUnavailable(Exception):
    """No window can be opened here (no display); the message is one line for the player."""


BUNDLED_MAP = "assets/map/north_china.json"


def map_data(loaded: LoadedScenario) -> MapData:
    """The map geometry the scenario names (`map:`), or the bundled North China map."""
    return _map_data(loaded.path, loaded.scenario.map or BUNDLED_MAP)


def shows_map(loaded: LoadedScenario) -> bool:
    """Whether the window draws a map: the scenario names one, or some place of its lies on the
    bundled map. A scenario set elsewhere (or with no places) would get North China's."""
    scenario = loaded.scenario
    if scenario.map:
        return True
    box = map_data(loaded)["bbox"]
    return any(
        box["lon_min"] <= place.lon <= box["lon_max"]
        and box["lat_min"] <= place.lat <= box["lat_max"]
        for place in scenario.places.values()
    )


@cache
def _map_data(scenario_file: str, value: str) -> MapData:
    # The loader has already refused paths that leave the scenario's folder or the assets.
    if value.startswith("assets/"):
        path = ASSETS / value[len("assets/") :]
    else:
        path = Path(scenario_file).resolve().parent / value
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("bbox"), dict):
        return {"bbox": {"lon_min": 113.5, "lon_max": 121.5, "lat_min": 37.0, "lat_max": 42.5}}
    return data


def ticks() -> int:
    """Milliseconds on a clock that only goes forward. Not `pygame.time.get_ticks()`: the window
    initialises only the display (start-up), and without SDL's timer that stays at 0, which froze
    the council's time limit, the toasts and the blinking (teacher's review)."""
    return time.monotonic_ns() // 1_000_000


class App:
    """The window. `loaded` is the scenario, or None while `loader` loads it behind the title screen."""

    def __init__(
        self,
        loaded: LoadedScenario | None,
        *,
        seed: int,
        size: tuple[int, int] = (1280, 720),
        settings: Settings | None = None,
        config_folder: str | Path | None = None,
        save_folder: str | Path | None = None,
        report_folder: str | Path | None = None,
        scenario_paths: list[Path] | None = None,
        clock: Callable[[], int] = ticks,
        recorder: list[Blit] | None = None,
        sound: bool = True,
        persist_settings: bool = True,
        crash_folder: str | Path | None = None,
        practice: bool = False,
        time_limit: float | None = None,
        lesson_days: int | None = None,
        player_name: str = "",
        loader: ScenarioLoader | None = None,
    ):
        if loaded is None and loader is None:
            raise ValueError("App needs a scenario or a loader for one")
        try:
            pygame.display.init()
            pygame.font.init()
        except pygame.error as exc:
            raise WindowUnavailable(f"no display available ({exc})") from None
        self.config_folder = config_folder
        self.practice = practice  # new games can be taken back step by step (reports say so)
        # Classroom options: minutes of council a day, days played before the rest hurry past,
        # and the student's name for the report.
        self.time_limit = time_limit
        self.lesson_days = lesson_days
        self.player_name = player_name
        self.given_name = player_name  # --name: it wins over a loaded save's name
        self.council_day: int | None = None
        self.council_spent = 0  # ms of today's council used so far (the clock stops when paused)
        self.council_tick = 0  # when the time spent was last brought up to date
        self.clock_shown: int | None = None  # the seconds left as last asked to be drawn
        self.council_open = False  # today's council has begun (see COUNCIL_OPENS_ON)
        self.council_session: Session | None = None  # the game whose council the clock times
        self.persist_settings = persist_settings
        note = ""
        if settings is None:
            settings, note = load_settings(config_folder) if persist_settings else (Settings(), "")
        self.settings = settings
        self.windowed_size = size
        # the last press of the left button (time, place, the screen it came to): double clicks
        self.last_press: tuple[int, tuple[int, int], Scene] | None = None
        try:
            self.screen = self._open(size, settings.fullscreen)
        except pygame.error as exc:
            raise WindowUnavailable(f"cannot open a window ({exc})") from None
        pygame.display.set_caption("Hebei 1935")
        self.loaded = loaded
        self.loader = loader if loaded is None else None
        self.load_error = ""  # one line, once the background load has failed
        self.failed_loader: ScenarioLoader | None = None  # kept so that F5 can try again
        # a choice made while loading
        self.waiting: tuple[Scene, Callable[[], SceneResult]] | None = None
        self.seed = seed
        self.scenario_paths = scenario_paths or []
        self.shelf = ScenarioShelf()  # the scenario files, loaded as the Load screen needs them
        self.save_folder = Path(save_folder) if save_folder is not None else None
        self.report_folder = Path(report_folder) if report_folder is not None else None
        self.clock = clock
        self.recorder = recorder
        self.sounds = Sounds(enabled=sound)
        self.sounds.configure(settings.volume, settings.mute)
        self.session: Session | None = None
        self.toast_text = note
        self.toast_until = clock() + TOAST_MS if note else 0
        self.toast_read = False  # a key or click has come since it was shown
        self.keyed_away = ""  # the text of the key that just left a text field on top
        self.toast_rect: pygame.Rect | None = None  # where the last toast was drawn
        self.running = True
        self.dirty = True
        self.frames = 0
        self.crash_folder = Path(crash_folder) if crash_folder is not None else None
        self.crashes: list[
            tuple[BaseException, Path]
        ] = []  # every unexpected error caught, with its log
        self.fatal = ""  # set when even the crash screen failed: one line for the terminal
        self.blink_phase = 0  # advanced by the clock while something animates; drawn by scenes
        # the blink advanced and nothing else changed: the next draw need send the display only
        # the animated areas (`Scene.animated_area`), not the whole window
        self.blinked = False
        self.retheme()
        from game.ui.scenes.title import TitleScene

        self.stack: list[Scene] = []
        self.push(TitleScene())

    # --- window --------------------------------------------------------------------------------
    def _open(self, size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        if fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(size, pygame.RESIZABLE)

    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    @property
    def too_small(self) -> bool:
        width, height = self.size
        return width < MIN_SIZE[0] or height < MIN_SIZE[1]

    def retheme(self) -> None:
        self.theme = Theme(self.settings, self.size)
        self.ink = Ink(self.theme, self.recorder)
        self.dirty = True

    def resize(self, size: tuple[int, int]) -> None:
        """Make the window this size (tests and the screenshots command use it too)."""
        if not self.settings.fullscreen:
            self.windowed_size = size
        if not self.settings.fullscreen:
            self.screen = self._open(size, False)
        self.retheme()

    def change_settings(self, settings: Settings) -> None:
        fullscreen_changed = settings.fullscreen != self.settings.fullscreen
        self.settings = settings
        if fullscreen_changed:
            try:
                self.screen = self._open(self.windowed_size, settings.fullscreen)
            except pygame.error as exc:
                self.settings = settings.model_copy(update={"fullscreen": not settings.fullscreen})
                self.toast(f"Full screen is not available here ({exc}).")
        self.sounds.configure(settings.volume, settings.mute)
        if self.persist_settings:
            problem = save_settings(self.settings, self.config_folder)
            if problem:
                self.toast(problem)
        self.retheme()

    # --- the stack -------------------------------------------------------------------------------
    @property
    def top(self) -> Scene:
        return self.stack[-1]

    def push(self, scene: Scene) -> None:
        self.stack.append(scene)
        scene.enter(self)
        self.dirty = True

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()
            self.top.enter(self)
        self.dirty = True

    def apply(self, command: SceneResult) -> None:
        if command is None or command is True:
            return
        if isinstance(command, list):
            for item in command:
                self.apply(item)
            return
        if isinstance(command, Push):
            self.push(command.scene)
        elif isinstance(command, Pop):
            self.pop()
        elif isinstance(command, Replace):
            self.stack.pop()
            self.push(command.scene)
        elif isinstance(command, Reset):
            self.stack.clear()
            self.push(command.scene)
        elif isinstance(command, Act):
            self.act(command.action)
        elif isinstance(command, Quit):
            self.running = False
        self.dirty = True

    def toast(self, text: str) -> None:
        self.toast_text = text
        self.toast_until = self.clock() + TOAST_MS
        self.toast_read = False
        self.dirty = True

    def withdraw_toast(self, text: str) -> None:
        """A notice that no longer tells the truth goes, if the toast still shows it (another
        notice since is left alone)."""
        if text and self.toast_text == text:
            self.toast_text = ""

    # --- the scenario, loaded behind the title screen ----------------------------------------------
    @property
    def card(self) -> TitleCard | None:
        """The title card: the loaded scenario's, else the one remembered from the last start, else None."""
        if self.loaded is not None:
            return card_of(self.loaded)
        return self.loader.card if self.loader is not None else None

    @property
    def loading(self) -> bool:
        return self.loaded is None and not self.load_error

    def when_loaded(self, work: Callable[[], SceneResult]) -> SceneResult:
        """Do `work` (which returns a scene command) now if the scenario is loaded, else once it is.

        A choice made while loading is kept (the latest one) and carried out when the load ends,
        if the player is still on the screen where it was made.
        """
        if self.loaded is not None:
            return work()
        if self.load_error:
            self.toast(self.load_error)
        else:
            self.waiting = (self.top, work)
        self.dirty = True
        return True

    def start_loading(self) -> None:
        """Start the background load (once; after the first frame, and not if the window is closing)."""
        if self.loader is not None and self.loaded is None and self.running:
            self.loader.start()

    def finish_loading(self) -> None:
        """Take the background load's result, if it has ended: show the scenario, or the error."""
        loader = self.loader
        if loader is None or not loader.done:
            return
        self.loader = None
        waiting, self.waiting = self.waiting, None
        if loader.error is not None or loader.loaded is None:
            self.failed_loader = loader
            self.load_failed(loader.error or RuntimeError("the scenario loader returned nothing"))
            return
        self.loaded = loader.loaded
        for scene in list(self.stack):
            scene.scenario_ready(self)
        self.dirty = True
        if waiting is not None and self.stack and self.top is waiting[0]:
            self.apply(waiting[1]())

    def adopt_scenario(self, loaded: LoadedScenario) -> None:
        """After a failed load, play another scenario instead (chosen on the title screen)."""
        self.loaded = loaded
        self.load_error = ""
        self.failed_loader = None
        self.dirty = True

    def retry_loading(self) -> None:
        """F5 after a failed load: read the (perhaps corrected) file again, behind the screen."""
        failed, self.failed_loader = self.failed_loader, None
        if failed is None:
            return
        self.load_error = ""
        self.loader = failed.again()
        self.loader.start()
        self.toast("Loading the scenario again\u2026")
        for scene in list(self.stack):
            scene.scenario_ready(self)
        self.dirty = True

    def load_failed(self, exc: BaseException) -> None:
        """The background load failed: the author's errors go to the terminal and the title screen;
        anything else is a bug and goes to the crash screen (with its log)."""
        from game.scenario.source import ScenarioError

        if not isinstance(exc, ScenarioError):
            from game.crash import describe

            print(f"hebei1935: the scenario could not be loaded ({describe(exc)})", file=sys.stderr)
            self.load_error = "The scenario could not be loaded."
            self.crash(exc)
            return
        lines = exc.lines()  # and, last, what its errors kept from being checked
        for line in lines:
            print(line, file=sys.stderr)
        found = len(exc.diagnostics)
        more = f" (and {found - 1} more; see the terminal)" if found > 1 else ""
        self.load_error = f"The scenario could not be loaded: {lines[0]}{more}"
        self.toast(self.load_error)
        for scene in list(self.stack):
            scene.scenario_ready(self)
        self.dirty = True

    # --- the game ----------------------------------------------------------------------------------
    @property
    def game(self) -> Session:
        """The game in progress, for the screens shown only during one (the briefing and the
        crisis screen, their dialogs, the ending and the debrief): a window's session, once
        begun, is never None again."""
        if self.session is None:
            raise RuntimeError("this screen needs a game in progress")
        return self.session

    @property
    def current_scenario(self) -> LoadedScenario:
        """The game's scenario, else the one chosen on the title screen: for the screens that
        open only once there is one (the codex and the briefing; see `when_loaded`)."""
        if self.session is not None:
            return self.session.loaded
        if self.loaded is None:
            raise RuntimeError("this screen needs the scenario, which has not loaded")
        return self.loaded

    def new_game(self, loaded: LoadedScenario, seed: int) -> None:
        from game.ui.session import Session

        self.loaded = loaded
        self.seed = seed
        self.session = Session.start(
            loaded, seed, self.save_folder, practice=self.practice, player_name=self.player_name
        )
        if self.session.save_note:  # e.g. the unfinished game its first autosave moved aside
            self.toast(self.session.save_note)
            self.session.save_note = ""

    def act(self, action: PlayerAction) -> None:
        """Hand a player action to the engine and show what followed."""
        from game.analysis.describe import stat_changes
        from game.engine.actions import EndDay, Respond
        from game.ui.scenes.dialogs import DaySummaryScene, EventDialog
        from game.ui.scenes.ending import EndingScene

        session = self.session
        if session is None:
            return
        before, result = session.act(action)
        rejected = [e for e in result.events if e.kind == "rejected"]
        if rejected:
            self.toast(rejected[0].text)
            return
        if result.state.day != before.day or result.state.over:
            # a new day, or the end: what the last one's notice said ("0 action points left
            # today", "Press E again") is over (play-test: it stayed over the ending)
            self.toast_text = ""
        self.play_for(result.events)
        self.announce_codex(session.scenario, before, result.state)
        if session.save_note:
            self.toast(session.save_note)
            session.save_note = ""
        shown = [e for e in result.events if e.kind not in ("day", "rejected", "ending")]
        if isinstance(action, Respond):
            self.pop()  # the demand dialog is answered
        if result.state.over:
            if isinstance(action, EndDay) and DaySummaryScene.tells(
                session.scenario, before, result.state, result.events
            ):
                # the last night's summary first: what it brought is what tipped the ending
                # (play-test: the game went straight to its ending, and the player could not
                # tell why); its button goes on to the ending
                self.push(DaySummaryScene(before, result.state, list(result.events), final=True))
                return
            self.apply(Reset(EndingScene()))
            if shown:
                self.push(EventDialog(shown, title="What followed"))
            return
        if isinstance(action, EndDay):
            self.push(DaySummaryScene(before, result.state, list(result.events)))
            return
        followups = self.demand_dialogs(result.events)
        if shown:
            changes = stat_changes(session.scenario, before, result.state)
            self.push(EventDialog(shown, followups=followups, changes=changes))
        else:
            for scene in reversed(followups):
                self.push(scene)

    def announce_codex(self, scenario: Scenario, before: GameState, after: GameState) -> None:
        """A notice when what just happened unlocked codex entries (they are marked new in the codex)."""
        from game.ui.view import unlocked_codex

        fresh = [
            eid
            for eid in unlocked_codex(scenario, after)
            if eid not in unlocked_codex(scenario, before)
        ]
        if fresh:
            titles = ", ".join(scenario.codex[eid].title for eid in fresh[:3])
            self.toast(f"New in the codex: {titles} (press C to read)")

    def dawn_dialogs(self, events: list[GameEvent]) -> list[Scene]:
        """What opens over the council as a day begins, the first on top: the game's notes to
        the player (a tutorial's lesson), then a dialog for each demand still open (play-test:
        the tutorial's ultimatum opened before the note that explains demands, and its day 1
        opened on a news report with the note second in the inbox)."""
        from game.ui.scenes.dialogs import EventDialog

        notes = [e for e in events if e.kind == "note"]
        first: list[Scene] = [EventDialog(notes, title="A note for you")] if notes else []
        return first + self.demand_dialogs(events)

    def demand_dialogs(self, events: list[GameEvent]) -> list[Scene]:
        """A dialog for each demand these events presented that is still open (first presented first)."""
        from game.ui.scenes.dialogs import DemandDialog

        if self.session is None:
            return []
        state = self.session.state
        out: list[Scene] = []
        for event in events:
            if (
                event.kind in ("demand", "ultimatum")
                and state.demands.get(event.ref)
                and state.demands[event.ref].status == "pending"
            ):
                out.append(DemandDialog(event.ref))
        return out

    def play_for(self, events: list[GameEvent]) -> None:
        kinds = {e.kind for e in events}
        if kinds & {"ultimatum", "demand_expired", "ending"}:
            self.sounds.play("alarm")
        elif kinds & {"telegram", "demand", "intelligence"}:
            self.sounds.play("telegraph")
        elif kinds & {"action", "demand_answered"}:
            self.sounds.play("typewriter")

    # --- events and drawing ------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.safely(self.save_on_leaving)
            self.running = False
            return
        if event.type in (
            pygame.VIDEORESIZE,
            pygame.WINDOWSIZECHANGED,
            pygame.WINDOWEXPOSED,
            pygame.WINDOWRESTORED,
        ):
            self.screen = pygame.display.get_surface() or self.screen
            if not self.settings.fullscreen:
                # the size the player gave the window: F11 twice comes back to it
                self.windowed_size = self.screen.get_size()
            self.retheme()
            return
        if event.type == pygame.MOUSEMOTION:
            # only a scene that shows something under the pointer is told; a redraw only when
            # that changed (an idle window stays idle while the mouse moves)
            if self.top.follows_pointer and not self.too_small and self.top.handle(self, event):
                self.dirty = True
            return
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN) and self.toast_text:
            self.toast_read = True  # before the input is handled: it may bring a new message
        if event.type == pygame.KEYDOWN:
            before = self.top
            if self.global_key(event):
                before.interrupted(self)  # (play-test: 1, C, Esc, 1 took action 1)
                self.dirty = True
                return
        if event.type == pygame.TEXTINPUT and not self.top.takes_typing:
            return  # typed text matters only where there is a text field
        if event.type == pygame.TEXTINPUT and self.keyed_away == event.text:
            # the text of a key that closed the screen above this field, not typed into it
            self.keyed_away = ""
            return
        if event.type in (
            pygame.KEYDOWN,
            pygame.TEXTINPUT,
            pygame.MOUSEBUTTONDOWN,
            pygame.MOUSEWHEEL,
        ):
            if self.too_small:
                return  # nothing may be chosen unseen: the window says to make it larger (or F11)
            if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                marked = self.mark_double_click(event)
                if marked is None:
                    return
                event = marked
            before = self.top
            self.apply(self.top.handle(self, event))
            self.dirty = True
            # A key press brings its text a moment later: when the key closed a question and
            # left a text field on top ('N' at "Replace it?"), that text is not for the field
            # (review: the save's name became "mini-day1n").
            typed = getattr(event, "unicode", "") if event.type == pygame.KEYDOWN else ""
            self.keyed_away = typed if self.top is not before and self.top.takes_typing else ""

    def mark_double_click(self, event: pygame.event.Event) -> pygame.event.Event | None:
        """The press with `double` set if it is the second of a double click; None if it is the
        second of a double click whose first changed the screen: it is not for the screen that
        came up under the pointer (double-clicking 'Decide later' once ended the day below)."""
        now, (x, y) = self.clock(), event.pos
        last, self.last_press = self.last_press, (now, event.pos, self.top)
        if last is None or now - last[0] > DOUBLE_CLICK_MS:
            return event
        _, (lx, ly), scene = last
        reach = max(abs(x - lx), abs(y - ly))
        if scene is not self.top:
            if reach > SCREEN_CHANGED_PX:
                return event
            self.last_press = (now, event.pos, scene)  # a triple click's third press too
            return None
        if reach > DOUBLE_CLICK_PX:
            return event
        self.last_press = None  # a third press starts again
        return pygame.event.Event(event.type, {**event.dict, "double": True})

    def global_key(self, event: pygame.event.Event) -> bool:
        from game.ui.scenes.help import HelpScene

        if event.key == pygame.K_F11:
            self.change_settings(
                self.settings.model_copy(update={"fullscreen": not self.settings.fullscreen})
            )
            return True
        if not self.top.opens_over:
            return False  # a question waits for its answer (its own keys)
        if event.key == pygame.K_F1 and not isinstance(self.top, HelpScene):
            self.push(HelpScene())
            return True
        if event.key == pygame.K_F5 and self.loaded is None and self.failed_loader is not None:
            self.retry_loading()  # the load failed: F5 tries the file again
            return True
        # the codex and F5 need the scenario: while it loads, they wait for it like the title's choices
        typing = self.top.takes_typing and event.key == pygame.K_c
        if (
            event.key in (pygame.K_F2, pygame.K_c, pygame.K_F5)
            and not typing
            and self.loaded is None
        ):
            self.apply(self.when_loaded(lambda: self.global_key(event)))
            return True
        # the codex from every screen: F2, or C where no text is being typed (no scene takes typing)
        if event.key in (pygame.K_F2, pygame.K_c) and not typing:
            from game.ui.scenes.codex import CodexScene

            if not isinstance(self.top, CodexScene):
                self.push(CodexScene())
                return True
        if event.key == pygame.K_F5:
            from game.ui.reload import reload_scenario

            self.apply(reload_scenario(self))
            return True
        return False

    # --- animation ------------------------------------------------------------------------------------
    def visible_scenes(self) -> list[Scene]:
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].modal:
            first -= 1
        return self.stack[first:]

    def animate(self) -> None:
        """Advance the blink phase (and ask for a redraw) only while a visible scene animates.

        Reduced motion stops it; with nothing animating the loop stays idle and draws nothing.
        """
        self.safely(self.keep_lesson_time)
        # The council's clock is redrawn as its seconds change, whatever the motion setting
        # (reduced motion stops the blinking, not the clock: play-test, it showed 0:35 with
        # 0:20 left, and nothing was redrawn until a key was pressed).
        shown = self.council_seconds_left()
        if shown != self.clock_shown:
            self.clock_shown = shown
            self.dirty = True
        if (
            self.settings.reduced_motion
            or self.too_small
            or not any(s.animating(self) for s in self.visible_scenes())
        ):
            return
        phase = self.clock() // BLINK_MS
        if phase != self.blink_phase:
            self.blink_phase = phase
            self.blinked = True

    # --- classroom options -------------------------------------------------------------------------
    def save_on_leaving(self) -> None:
        """A game left before its end (the window closed, or back to the title) is autosaved as
        it stands, so the choices made since dawn are not lost."""
        session = self.session
        if session is not None and not session.state.over:
            session.autosave()

    def council_clock_runs(self) -> bool:
        """The council's clock runs while the players can deliberate: not before they have left
        the briefing, nor while the game is paused by its menu, the help, the settings, the
        save-as field, the codex or the teacher's injects, nor while the window is too small to show the game; and a
        new day's not before the players are back from the night's summary and its slips."""
        if self.too_small or not self.council_open:
            return False
        names = {scene.name for scene in self.stack}
        return "crisis" in names and not names & COUNCIL_CLOCK_PAUSED

    def council_seconds_left(self) -> int | None:
        """Seconds of today's council left under --time-limit (None without a limit)."""
        if self.time_limit is None or self.session is None or self.council_day is None:
            return None
        # rounded up: the council ends when its whole time is spent, not at the last second's start
        return max(0, math.ceil(self.time_limit * 60 - self.council_spent / 1000))

    def keep_lesson_time(self) -> None:
        """Each frame: lesson mode's days, then the council's clock (which a game that lesson
        mode has just ended, or a failure in the first, leaves alone)."""
        self.pass_lesson_days()
        self.tick_council_clock()

    def pass_lesson_days(self) -> None:
        """Lesson mode (--lesson-days): once the lesson's days are played, let the days pass
        without a council up to one on which a decision falls (a demand has just come or falls due, or an
        urgent order), whose council is held
        (game.lesson.todays_council, the text version's rule too)."""
        session = self.session
        if session is None or self.lesson_days is None:
            return
        from game.engine.actions import EndDay
        from game.engine.words import counted
        from game.lesson import decision_due, lesson_over, todays_council
        from game.ui.scenes.crisis import CrisisScene
        from game.ui.scenes.dialogs import DaySummaryScene

        def today() -> str:
            over = bool(lesson_over(session.state.day, self.lesson_days))
            return todays_council(session.scenario, session.state, session.lesson, lesson_over=over)

        if today() == "council":
            return
        # The players' own night's summary, still open, is not replaced but carried on: it runs
        # from their council to the one held (teacher's play-test: their night was lost).
        night = next((s for s in self.stack if isinstance(s, DaySummaryScene)), None)
        if night is not None and night.after is session.state:
            start, passed = night.before, list(night.events)
        else:
            start, passed = session.state, []
        dates = []
        while today() == "pass":
            dates.append(session.state.date)
            session.lesson.end_at_once(session.state)
            passed += session.act(EndDay())[1].events
        if session.state.over:
            # the last nights first, then the ending (as after a night the players ended)
            self.apply(Reset(CrisisScene()))
            self.push(DaySummaryScene(start, session.state, passed, final=True, passed=dates))
            self.toast(
                f"Lesson mode: {counted(self.lesson_days, 'day')} played; the rest of the crisis ran its course."
            )
            return
        session.lesson.hold(session.state.day)
        if dates:  # what the days passed brought, as a night's summary does
            self.apply(Reset(CrisisScene()))
            self.push(DaySummaryScene(start, session.state, passed, passed=dates))
        why = decision_due(session.scenario, session.state)
        self.toast(
            f"Lesson mode: the days pass quickly, but {why}, so the council of day {session.state.day} is held."
        )

    def tick_council_clock(self) -> None:
        """--time-limit: count the council's time while it runs, and end the day when it is spent."""
        session = self.session
        if session is None or session.state.over or self.time_limit is None:
            return
        from game.engine.actions import EndDay
        from game.ui.scenes.crisis import CrisisScene

        now = self.clock()
        if self.council_day != session.state.day or self.council_session is not session:
            # a council saved in the middle and resumed goes on with the time it had left
            # (only if that very council opens: lesson mode may have let its day pass: review)
            day, seconds = session.council_resumed
            first = self.council_session is not session and day == session.state.day
            spent = 1000 * seconds if first else 0
            self.council_day, self.council_spent, self.council_tick = session.state.day, spent, now
            self.council_session = session  # another game's day 1 is a new council too
            self.council_open = False
        if self.stack and self.top.name in COUNCIL_OPENS_ON:
            self.council_open = True
        if self.council_clock_runs():
            self.council_spent += now - self.council_tick
        self.council_tick = now
        session.council_time = (session.state.day, int(self.council_spent // 1000))
        if self.council_seconds_left() == 0:
            day = session.state.day
            session.lesson.time_out(day)
            self.apply(Reset(CrisisScene()))
            self.act(EndDay())
            self.toast(f"Time is up: the council of day {day} ends.")

    @property
    def blink_on(self) -> bool:
        """The current half of the blink: always 'on' with reduced motion, so nothing changes."""
        return self.settings.reduced_motion or self.blink_phase % 2 == 0

    # --- unexpected errors ------------------------------------------------------------------------------
    def safely(self, work: Callable[..., object], *args: object) -> None:
        """Run one piece of the loop; an unexpected error goes to the crash screen, never to the terminal."""
        try:
            work(*args)
        except Exception as exc:  # noqa: BLE001 - the whole point: no error may end the window silently
            self.crash(exc)

    def crash(self, exc: BaseException) -> None:
        """Write a crash log and show the crash screen (or, if that fails too, stop with one line)."""
        from game.crash import describe
        from game.ui.scenes.crash import CrashScene

        path = self.log_error(exc)
        again = bool(self.stack) and isinstance(self.top, CrashScene)
        self.crashes.append((exc, path))
        if again or len(self.crashes) > MAX_CRASHES:
            self.fatal = f"hebei1935: unexpected error ({describe(exc)}); details written to {path}"
            self.running = False
            return
        try:
            self.stack.clear()
            self.push(CrashScene(describe(exc), path))
        except Exception as failure:  # noqa: BLE001 - the crash screen itself failed: give up cleanly
            self.fatal = f"hebei1935: unexpected error ({describe(exc)}; then {describe(failure)}); details written to {path}"
            self.running = False

    def log_error(self, exc: BaseException) -> Path:
        """Write a crash log for an error the window goes on after (or shows the crash screen
        for): where it happened, the game and its day; returns the log's path."""
        from game.crash import write_crash_log

        session = self.session
        loaded = session.loaded if session else self.loaded
        context: dict[str, object] = {
            "screen": " > ".join(scene.name for scene in self.stack),
            "scenario": loaded.path if loaded is not None else "(still loading)",
            "seed": session.seed if session else self.seed,
        }
        if session is not None:
            context["day"] = f"{session.state.day} ({session.state.date})"
            context["choices so far"] = len(session.state.log)
        return write_crash_log(exc, context, self.crash_folder)

    def draw(self) -> None:
        surface = self.screen
        # A blink alone changes only the animated areas: the display is sent those, not the
        # whole window (under Xvfb a flip of 1280x720 took 4-6 ms of an 8 ms frame), and a
        # scene that can redraws only them (`Scene.draw_animated`). Recorded draws (the tests'
        # and the screenshots' text records) are always whole.
        only = None
        if self.blinked and not self.dirty and self.recorder is None:
            only = self.animated_areas()
        self.blinked = False
        if only and self.draw_animated_only(surface):
            pygame.display.update(only)
            return
        surface.fill(self.theme.c("background"))
        if self.recorder is not None:
            self.recorder.clear()
        self.dirty = False  # before drawing: a draw that fails must not be retried forever
        self.frames += 1
        if self.too_small:
            self.draw_too_small(surface)
        else:
            rect = surface.get_rect()
            for index, scene in enumerate(self.visible_scenes()):
                if index:
                    shade = pygame.Surface(rect.size, pygame.SRCALPHA)
                    shade.fill((20, 15, 10, 110))
                    surface.blit(shade, (0, 0))
                scene.layout(self, rect)
                scene.draw(self, surface)
            self.draw_toast(surface)
        if only:
            pygame.display.update(only)
        else:
            pygame.display.flip()
        if EXIT_AFTER_FIRST_FRAME:
            self.running = False
        self.start_loading()  # the scenario loads behind the first frame, not before it

    def draw_animated_only(self, surface: pygame.Surface) -> bool:
        """Redraw only what a blink changes, when one scene alone is shown and it can; then the
        toast again, in case it lies over that area. False: draw the whole window."""
        visible = self.visible_scenes()
        if len(visible) != 1 or not visible[0].draw_animated(self, surface):
            return False
        self.frames += 1
        self.draw_toast(surface)
        return True

    def animated_areas(self) -> list[pygame.Rect] | None:
        """What a blink changes: each animating scene's area as last drawn; None when one cannot
        say (or the window is too small, or nothing was drawn yet), for a whole redraw."""
        if self.too_small or not self.frames:
            return None
        areas = []
        for scene in self.visible_scenes():
            if scene.animating(self):
                area = scene.animated_area(self)
                if area is None:
                    return None
                areas.append(area)
        return areas or None

    def draw_too_small(self, surface: pygame.Surface) -> None:
        width, height = self.size
        rect = surface.get_rect().inflate(-10, -10)
        inner = frame(surface, self.ink, rect)
        lines = self.ink.wrap(
            f"Window too small ({width}\u00d7{height}). Please make it at least {MIN_SIZE[0]}\u00d7{MIN_SIZE[1]}.",
            inner.width,
            BODY,
        )
        self.ink.block(surface, lines, inner.topleft, inner, BODY)

    def draw_toast(self, surface: pygame.Surface) -> None:
        if not self.toast_text:
            return
        natural = min(self.size[0] - 40, max(300, self.ink.width(self.toast_text, BODY) + 40))
        # at the bottom if it fits there beside the buttons, narrower if it must; else at the top
        for width in (natural, int(self.size[0] * 0.6), int(self.size[0] * 0.45)):
            lines, height = self._toast_lines(min(width, natural))
            spot = self.toast_at_bottom(min(width, natural), height)
            if spot is not None:
                break
        else:
            lines, height = self._toast_lines(natural)
            spot = pygame.Rect(0, 0, natural, height)
            spot.midtop = (self.size[0] // 2, 8)
        rect = self.toast_rect = spot
        pygame.draw.rect(surface, self.theme.c("slip"), rect)
        pygame.draw.rect(surface, self.theme.c("urgent"), rect, 2)
        self.ink.block(surface, lines, (rect.x + 12, rect.y + 10), rect.inflate(-4, -4), BODY)

    def _toast_lines(self, width: int) -> tuple[list[str], int]:
        lines = self.ink.wrap(self.toast_text, width - 24, BODY)[:4]
        return lines, len(lines) * self.ink.height(BODY) + 20

    def toast_at_bottom(self, width: int, height: int) -> pygame.Rect | None:
        """A place for a toast just above the key hints, in the middle or at either edge, that
        covers no button; None if there is none (the toast then goes to the top of the window,
        for its few seconds). QA: at the bottom a toast covered 'Save report' on the debrief and
        'Menu (Esc)' on the crisis screen; at the top it hid the date and the deadline."""
        from game.ui.scenes.common import hint_band

        buttons = [
            widget.rect
            for scene in self.visible_scenes()
            for widget in scene.widgets
            if isinstance(widget, Button)
        ]
        _, band = hint_band(self, self.screen.get_rect())
        bottom = band.top - 6
        for place, x in (
            ("midbottom", self.size[0] // 2),
            ("bottomleft", 8),
            ("bottomright", self.size[0] - 8),
        ):
            spot = pygame.Rect(0, 0, width, height)
            setattr(spot, place, (x, bottom))
            if spot.collidelist(buttons) < 0:
                return spot
        return None

    def pump(self) -> bool:
        """Handle every queued event, draw if anything changed; False once the player has quit."""
        for event in pygame.event.get():
            self.safely(self.handle, event)
            if not self.running:
                return False
        self.safely(self.finish_loading)
        self.expire_toast()
        self.safely(self.animate)
        for _ in range(
            2
        ):  # a second time only if drawing failed: the crash screen is then shown at once
            if (self.dirty or self.blinked) and self.running:
                self.safely(self.draw)
        return self.running

    def expire_toast(self) -> None:
        if self.toast_text and self.toast_read and self.clock() >= self.toast_until:
            self.toast_text = ""
            self.dirty = True

    def run(self, max_frames: int | None = None) -> None:
        """The loop: draw when dirty; otherwise sleep briefly between looks at the event queue.

        pygame-ce's `event.wait(timeout)` polls inside (measured: about 27 ms of CPU per idle second
        under Xvfb), so an idle window sleeps in IDLE_SLEEP_S steps instead: under 2 ms of CPU per
        second, and a key press is answered within one step.
        """
        loops = 0
        while self.running:
            if max_frames is not None and loops >= max_frames:
                return
            loops += 1
            self.safely(self.finish_loading)
            self.expire_toast()
            self.safely(self.animate)
            if self.dirty or self.blinked:
                self.safely(self.draw)
            events = pygame.event.get()
            for event in events:
                self.safely(self.handle, event)
                if not self.running:
                    return
            if not events and not self.dirty and not self.blinked and max_frames is None:
                time.sleep(IDLE_SLEEP_S)


def headless_driver() -> bool:
    return os.environ.get("SDL_VIDEODRIVER", "").lower() in ("dummy", "offscreen")


LOADER_JOIN_S = 5.0  # on quitting while the scenario still loads, how long to let the thread finish


def warm_imports() -> None:
    """Import what a new game needs (the engine, the briefing and crisis screens): run by the
    loader thread behind the title screen, so that New game does not wait for it."""
    import game.ui.scenes.briefing
    import game.ui.scenes.crisis
    import game.ui.scenes.dialogs
    import game.ui.session  # noqa: F401


def run_window(
    loaded: LoadedScenario | None,
    *,
    seed: int,
    state: GameState | None = None,
    scenario_file: str | Path | None = None,
    load: Callable[[Path], LoadedScenario] | None = None,
    scenario_paths: list[Path] | None = None,
    save_folder: str | Path | None = None,
    cache_folder: str | Path | None = None,
    practice: bool = False,
    time_limit: float | None = None,
    lesson_days: int | None = None,
    player_name: str = "",
    session_notes: object = None,
    headless: bool = False,
) -> int:
    """Play in a window (from the title screen, or from `state` if a save was given).

    With `loaded` None, the title screen comes first and `scenario_file` is loaded behind it with
    `load` (the command line's loader). `headless` lets SDL's dummy driver through (the start-up
    benchmark runs this very function); otherwise a window nobody could see is refused.
    Raises WindowUnavailable, before anything is shown, if no window can be opened here.
    """
    if not headless and headless_driver():
        raise WindowUnavailable("SDL_VIDEODRIVER is set to a headless driver")
    try:
        pygame.display.init()
        driver = pygame.display.get_driver()
    except pygame.error as exc:
        raise WindowUnavailable(f"no display: {exc}") from None
    if not headless and driver in ("offscreen", "dummy"):
        # SDL falls back to drawing off screen when it cannot reach a display: nobody would see it
        pygame.display.quit()
        raise WindowUnavailable(f"no display could be reached (SDL chose its '{driver}' driver)")
    from game.save_paths import save_dir

    loader = None
    if loaded is None:
        if scenario_file is None or load is None:
            raise ValueError("run_window needs a scenario, or a file and a loader for it")
        loader = ScenarioLoader(scenario_file, load, cache_folder, warm=warm_imports)
    app = App(
        loaded,
        seed=seed,
        scenario_paths=scenario_paths,
        save_folder=save_dir(save_folder),
        practice=practice,
        time_limit=time_limit,
        lesson_days=lesson_days,
        player_name=player_name,
        loader=loader,
    )
    if state is not None and loaded is not None:
        from game.practice import UndoStack
        from game.ui.scenes.crisis import CrisisScene
        from game.ui.session import Session

        app.session = Session(loaded, state.seed, state, 0, [], app.save_folder)
        # a save's lesson days and players' name (game.saves.SessionNotes)
        app.player_name = app.session.keep_notes(session_notes, app.given_name)
        if practice:
            app.session.undo = UndoStack.start(state)
        app.apply(Reset(CrisisScene()))
    try:
        app.run()
    finally:
        pygame.quit()
        if loader is not None and loader.thread is not None:
            # quitting while the scenario loads: let the thread end rather than stop it mid-import
            loader.thread.join(LOADER_JOIN_S)
    if app.fatal:
        print(app.fatal, file=sys.stderr)
        return 1
    return 0
