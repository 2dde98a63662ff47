"""Render every screen to PNG files from a real game (played with the historical policy), headless."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.analysis.policies import historical  # noqa: E402
from game.engine import rng  # noqa: E402
from game.engine.actions import EndDay, PlayerAction, TakeAction  # noqa: E402
from game.engine.api import new_game, step  # noqa: E402
from game.engine.state import GameEvent, GameState  # noqa: E402
from game.scenario.load import LoadedScenario  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.text import Blit  # noqa: E402

if TYPE_CHECKING:
    from game.scenario.model import Scenario
    from game.ui.scene import Scene
    from game.ui.session import Session

SCREENS = (
    "title",
    "briefing",
    "codex",
    "crisis",
    "demand",
    "event",
    "day_summary",
    "ending",
    "debrief",
    "settings",
    "help",
)
MAX_STEPS = 2000


@dataclass
class Moment:
    before: GameState
    choice: PlayerAction
    after: GameState
    events: list[GameEvent]


def historical_game(
    loaded: LoadedScenario, seed: int
) -> tuple[GameState, list[GameEvent], list[Moment]]:
    scenario = loaded.scenario
    state, events = new_game(scenario, seed)
    opening = (state, list(events))
    moments: list[Moment] = []
    generator = rng.seed_state(seed)
    for _ in range(MAX_STEPS):
        if state.over:
            break
        choice, generator = historical(scenario, state, generator)
        result = step(scenario, state, choice)
        moments.append(Moment(state, choice, result.state, list(result.events)))
        state = result.state
    return opening[0], opening[1], moments


def _session_after(loaded: LoadedScenario, seed: int, moment: Moment) -> Session:
    """The window's session just after `moment`: what arrived with it is marked new."""
    from game.ui.session import Session

    new = len(moment.after.inbox) - len(moment.before.inbox)
    return Session(loaded, seed, moment.after, new, moment.events)


def _pick_crisis(moments: list[Moment], scenario: Scenario) -> Moment | None:
    """A dawn in the thick of it: a pending ultimatum if history had one, else a pending demand, else mid-game."""
    dawns = [m for m in moments if isinstance(m.choice, EndDay) and not m.after.over]
    if not dawns:
        return None

    def pending(m: Moment) -> int:
        return sum(1 for a in m.after.demands.values() if a.status == "pending")

    def ultimatum(m: Moment) -> bool:
        return any(
            a.status == "pending" and scenario.demands[did].ultimatum
            for did, a in m.after.demands.items()
        )

    pressing = [m for m in dawns if ultimatum(m)]
    if pressing:
        return pressing[0]
    with_demand = [m for m in dawns if pending(m)]
    if with_demand:
        # the latest dawn with an open demand: the most news and the tightest countdown
        return with_demand[-1]
    return dawns[len(dawns) // 2]


def render_screenshots(
    loaded: LoadedScenario,
    out_dir: Path,
    *,
    size: tuple[int, int] = (1280, 720),
    seed: int = 1935,
    recorder: list[Blit] | None = None,
    recorded: dict[str, list[Blit]] | None = None,
    settings: Settings | None = None,
    skipped: dict[str, str] | None = None,
) -> list[Path]:
    """Write one PNG per screen into `out_dir`; return the files written. The game played the
    historical way may not reach every screen: `skipped`, if given, gets why for each screen
    left out (author's review: a set without event.png said nothing).

    With `recorded`, each screen's text blits (from `recorder`) are kept under its name, for layout tests.
    `settings` (the text size, the palette...) are the window's; the defaults if not given.
    """
    from game.ui.app import App
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.codex import CodexScene
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.dialogs import DaySummaryScene, DemandDialog, EventDialog
    from game.ui.scenes.ending import DebriefScene, EndingScene
    from game.ui.scenes.help import HelpScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.title import TitleScene
    from game.ui.session import Session

    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    reports = tempfile.mkdtemp(prefix="hebei1935-shots-")
    app = App(
        loaded,
        seed=seed,
        size=size,
        sound=False,
        persist_settings=False,
        report_folder=reports,
        recorder=recorder,
        settings=settings,
    )

    def skip(name: str, why: str) -> None:
        if skipped is not None:
            skipped[name] = why

    def snap(name: str, *scenes: Scene) -> None:
        app.stack.clear()
        for scene in scenes:
            app.push(scene)
        app.draw()
        path = out_dir / f"{name}.png"
        pygame.image.save(app.screen, str(path))
        written.append(path)
        if recorded is not None and recorder is not None:
            recorded[name] = list(recorder)

    try:
        start, opening_events, moments = historical_game(loaded, seed)
        snap("title", TitleScene())
        snap("settings", TitleScene(), SettingsScene())
        snap("help", TitleScene(), HelpScene())
        app.session = Session(loaded, seed, start, len(start.inbox), opening_events)
        snap("briefing", BriefingScene(first=True))
        snap("codex", BriefingScene(first=True), CodexScene())

        crisis = _pick_crisis(moments, loaded.scenario)
        if crisis is not None:
            app.session = _session_after(loaded, seed, crisis)
        snap("crisis", CrisisScene())
        state = app.session.state
        pending = [did for did, a in state.demands.items() if a.status == "pending"]
        ultimatums = [did for did in pending if loaded.scenario.demands[did].ultimatum]
        if pending:
            snap("demand", CrisisScene(), DemandDialog((ultimatums or pending)[0]))
        else:
            skip("demand", "no demand was open at the moment the crisis screen shows")

        acted = [m for m in moments if isinstance(m.choice, TakeAction) and not m.after.over]
        interesting = [
            m
            for m in acted
            if any(e.kind in ("outcome", "intelligence", "demand", "ultimatum") for e in m.events)
        ]
        chosen = next(iter(interesting or acted), None)
        if chosen is not None:
            app.session = _session_after(loaded, seed, chosen)
            shown = [e for e in chosen.events if e.kind not in ("day", "rejected", "ending")]
            snap("event", CrisisScene(), EventDialog(shown))
        else:
            skip(
                "event",
                "the game took no action that it outlived (one that ends it is shown by the ending)",
            )

        ends = [m for m in moments if isinstance(m.choice, EndDay) and not m.after.over]
        if ends:
            busiest = max(
                ends, key=lambda m: (len([e for e in m.events if e.kind != "day"]), m.after.day)
            )
            app.session = Session(loaded, seed, busiest.before, 0, [])
            app.stack.clear()
            app.push(CrisisScene())
            summary = DaySummaryScene(busiest.before, busiest.after, busiest.events)
            app.session = _session_after(loaded, seed, busiest)
            snap("day_summary", CrisisScene(), summary)
        else:
            skip("day_summary", "no day ended before the game did")

        final = moments[-1].after if moments else start
        app.session = Session(loaded, seed, final, 0, [])
        if final.over:
            snap("ending", EndingScene())
            snap("debrief", EndingScene(), DebriefScene())
        else:
            skip("ending", f"the game did not end within {MAX_STEPS} choices")
            skip("debrief", f"the game did not end within {MAX_STEPS} choices")
    finally:
        pygame.quit()
    return written
