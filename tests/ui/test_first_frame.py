"""The title screen comes first: no engine, scenario format, pydantic or YAML before its first frame;
the scenario loads behind it, with a remembered title card meanwhile; choices made while it loads wait."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pygame
import pytest

from benchmarks.startup import GAME_HEADLESS, WRITE_TITLE_CARD

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"

# Run before the benchmark's game command: at the first flip, list what is imported and what the
# frame looks like, then let the game go on (it exits after that frame).
FIRST_FLIP_PROBE = """
import json, os, sys
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
import pygame
_flip = pygame.display.flip
def _probe():
    _flip()
    pygame.display.flip = _flip
    heavy = sorted(
        name for name in sys.modules
        if name.split(".")[0] in ("pydantic", "pydantic_core", "yaml")
        or name in ("game.engine", "game.scenario", "game.saves")
        or name.startswith(("game.engine.", "game.scenario."))
    )
    surface = pygame.display.get_surface()
    colours = {tuple(surface.get_at((x, y))) for x in range(0, surface.get_width(), 7)
               for y in range(0, surface.get_height(), 7)}
    print("FIRST-FLIP " + json.dumps({"heavy": heavy, "colours": len(colours),
          "title": "game.ui.scenes.title" in sys.modules}), flush=True)
    if os.environ.get("FIRST_FRAME_PNG"):
        pygame.image.save(surface, os.environ["FIRST_FRAME_PNG"])
pygame.display.flip = _probe
"""


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        HEBEI1935_EXIT_AFTER_FIRST_FRAME="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])),
    )
    return env


def _first_flip(tmp_path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FLIP_PROBE + GAME_HEADLESS, "--seed", "1"],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout  # nothing at interpreter shutdown either
    lines = [line for line in done.stdout.splitlines() if line.startswith("FIRST-FLIP ")]
    assert len(lines) == 1, done.stdout
    return json.loads(lines[0].removeprefix("FIRST-FLIP "))


@pytest.mark.parametrize("cached", [False, True], ids=["first start", "title card cached"])
def test_the_play_path_shows_the_title_before_importing_the_engine(tmp_path, cached):
    if cached:
        subprocess.run(
            [sys.executable, "-c", WRITE_TITLE_CARD], cwd=ROOT, env=_env(tmp_path), check=True
        )
        assert (tmp_path / "cache" / "hebei1935" / "title_cards.json").is_file()
    probe = _first_flip(tmp_path)
    assert probe["heavy"] == []
    assert probe["title"] and probe["colours"] > 4  # the title screen was drawn, not a blank window


def test_the_title_card_is_written_after_a_load_and_ignored_once_the_file_changes(tmp_path):
    from game.scenario.load import load_scenario
    from game.ui.loading import ScenarioLoader, TitleCard, read_card

    scenario = tmp_path / "mini.yaml"
    shutil.copy(MINI, scenario)
    cache = tmp_path / "cache"
    loader = ScenarioLoader(scenario, load_scenario, cache)
    assert loader.card is None  # first start: nothing remembered
    loader.start()
    assert loader.wait(30) and loader.error is None
    assert loader.loaded is not None and loader.loaded.scenario.id == "mini"
    card = read_card(scenario, cache)
    assert card == TitleCard("mini", "Mini crisis", "", "A four-day crisis used by the tests.")
    assert ScenarioLoader(scenario, load_scenario, cache).card == card  # used at the next start
    stamp = scenario.stat()
    os.utime(scenario, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000))
    assert read_card(scenario, cache) is None  # touched: perhaps edited
    scenario.write_text(MINI.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert read_card(scenario, cache) is None  # edited
    (cache / "title_cards.json").write_text("{damaged", encoding="utf-8")
    assert read_card(scenario, cache) is None  # a damaged cache is only a cache


class _Clock:
    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> int:
        return self.now


def _app(tmp_path: Path, loader, recorder=None):  # noqa: ANN001, ANN202
    from game.ui.app import App

    return App(
        None,
        seed=7,
        clock=_Clock(),
        sound=False,
        persist_settings=False,
        recorder=recorder,
        save_folder=tmp_path / "saves",
        config_folder=tmp_path / "config",
        loader=loader,
    )


def _gated_loader(tmp_path: Path, path: Path = MINI):  # noqa: ANN202
    """A loader that waits for `gate` before loading: the test decides when the load ends."""
    from game.scenario.load import load_scenario
    from game.ui.loading import ScenarioLoader

    gate = threading.Event()

    def load(file: Path):  # noqa: ANN202
        assert gate.wait(30)
        return load_scenario(file)

    return ScenarioLoader(path, load, tmp_path / "cache"), gate


def _key(app, key: int) -> None:  # noqa: ANN001
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    app.pump()


def _texts(recorder: list) -> str:
    return " | ".join(blit.text for blit in recorder)


def test_new_game_chosen_while_loading_waits_then_reaches_the_briefing(tmp_path):
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.title import TitleScene

    loader, gate = _gated_loader(tmp_path)
    recorder: list = []
    app = _app(tmp_path, loader, recorder)
    try:
        app.pump()  # the first frame, then the load starts behind it
        assert loader.thread is not None and app.loaded is None
        assert "Loading the scenario" in _texts(recorder)
        _key(app, pygame.K_RETURN)  # New game, before the scenario is there
        assert isinstance(app.top, TitleScene) and app.session is None
        assert "New game follows as soon as it is ready" in _texts(recorder)
        title = app.top
        _key(app, pygame.K_DOWN)  # the loop still answers keys meanwhile
        _key(app, pygame.K_UP)
        assert title.focus == 0
        gate.set()
        assert loader.wait(30)
        app.pump()
        assert isinstance(app.top, BriefingScene)
        assert app.session is not None and app.session.scenario.id == "mini"
    finally:
        gate.set()
        pygame.quit()


def test_the_remembered_card_is_shown_until_the_scenario_arrives(tmp_path):
    from game.ui.loading import TitleCard, write_card

    write_card(
        MINI,
        TitleCard("mini", "Mini crisis", "A subtitle", "Remembered summary."),
        tmp_path / "cache",
    )
    loader, gate = _gated_loader(tmp_path)
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "autosave-mini.json").write_text("{}", encoding="utf-8")
    recorder: list = []
    app = _app(tmp_path, loader, recorder)
    try:
        app.pump()
        shown = _texts(recorder)
        assert "Mini crisis" in shown and "Remembered summary." in shown
        assert "Loading the scenario" not in shown
        assert "Continue (autosave)" in shown  # the remembered id finds the autosave
        gate.set()
        assert loader.wait(30)
        app.pump()
        assert app.loaded is not None
        assert "A four-day crisis used by the tests." in _texts(recorder)
    finally:
        gate.set()
        pygame.quit()


def test_a_scenario_that_fails_to_load_is_shown_and_printed_not_crashed(tmp_path, capsys):
    from game.scenario.load import load_scenario
    from game.ui.loading import ScenarioLoader
    from game.ui.scenes.title import TitleScene

    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    loader = ScenarioLoader(broken, load_scenario, tmp_path / "cache")
    recorder: list = []
    app = _app(tmp_path, loader, recorder)
    try:
        app.pump()
        _key(app, pygame.K_RETURN)  # New game while it loads
        assert loader.wait(30) and loader.error is not None
        app.pump()
        assert isinstance(app.top, TitleScene) and not app.crashes
        assert "could not be loaded" in _texts(recorder)
        assert f"{broken}:" in capsys.readouterr().err  # FILE:LINE:COL in the terminal too
        assert not app.top.widgets[0].enabled  # New game
        assert app.top.widgets[app.top.focus].enabled  # the focus starts on something usable
        app.top.focus = 0
        _key(app, pygame.K_RETURN)  # Enter on the disabled New game does nothing
        _key(app, pygame.K_F2)  # the codex needs a scenario: a note, not a crash
        assert isinstance(app.top, TitleScene) and not app.crashes and app.session is None
    finally:
        pygame.quit()


def test_continue_chosen_while_loading_opens_the_save_it_named(tmp_path):
    """Continue, chosen while the scenario loads, opens the autosave the button named once the
    scenario is there, even if meanwhile that game has ended (in another window): the choice
    read the title's autosave again when it ran, which the scenario's arrival had just cleared
    (a finished game is not offered to continue), and the window crashed on None."""
    from game.engine.actions import EndDay
    from game.engine.api import new_game, step
    from game.saves import make_save, write_autosave
    from game.scenario.load import load_scenario
    from game.ui.loading import TitleCard, write_card
    from game.ui.scenes.ending import EndingScene

    mini = load_scenario(MINI)
    write_card(MINI, TitleCard("mini", "Mini crisis", "", "Remembered."), tmp_path / "cache")
    state, _ = new_game(mini.scenario, 3)
    write_autosave(tmp_path / "saves", make_save(mini, state, slot="autosave"))
    loader, gate = _gated_loader(tmp_path)
    app = _app(tmp_path, loader)
    try:
        app.pump()
        assert app.top.widgets[1].label == "Continue (autosave)"
        app.top.focus = 1
        _key(app, pygame.K_RETURN)  # Continue, before the scenario is there: it waits
        assert app.waiting is not None
        while not state.over:  # the game is played to its end elsewhere
            state = step(mini.scenario, state, EndDay()).state
        write_autosave(tmp_path / "saves", make_save(mini, state, slot="autosave"))
        gate.set()
        assert loader.wait(30)
        app.pump()
        assert not app.crashes
        assert isinstance(app.top, EndingScene) and app.session is not None
        assert app.session.state == state
    finally:
        gate.set()
        pygame.quit()


def test_the_codex_asked_for_while_loading_opens_once_loaded(tmp_path):
    from game.ui.scenes.codex import CodexScene

    loader, gate = _gated_loader(tmp_path)
    app = _app(tmp_path, loader)
    try:
        app.pump()
        _key(app, pygame.K_F2)
        assert not isinstance(app.top, CodexScene)
        gate.set()
        assert loader.wait(30)
        app.pump()
        assert isinstance(app.top, CodexScene)
    finally:
        gate.set()
        pygame.quit()


def test_the_loader_warms_the_next_imports_and_a_failing_warm_up_is_not_a_failed_load(tmp_path):
    from game.scenario.load import load_scenario
    from game.ui.loading import ScenarioLoader

    calls = []

    def warm() -> None:
        calls.append("warm")
        raise ImportError("left for the real import to report")

    loader = ScenarioLoader(MINI, load_scenario, tmp_path / "cache", warm=warm)
    loader.start()
    assert loader.wait(30)
    assert calls == ["warm"] and loader.error is None and loader.loaded is not None


def _after_a_failed_load(tmp_path: Path, recorder: list | None = None, *others: Path):  # noqa: ANN202
    """A window whose scenario (a broken file, returned too) failed to load behind its title;
    `others` are scenario files it may turn to."""
    from game.scenario.load import load_scenario
    from game.ui.loading import ScenarioLoader

    broken = tmp_path / "scenario.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    loader = ScenarioLoader(broken, load_scenario, tmp_path / "cache")
    app = _app(tmp_path, loader, recorder)
    if others:
        app.scenario_paths = [broken, *others]
    app.pump()
    assert loader.wait(30) and loader.error is not None
    app.pump()
    return app, broken


def test_f5_after_a_failed_load_loads_the_corrected_file(tmp_path):
    from game.ui.scenes.title import TitleScene

    app, scenario = _after_a_failed_load(tmp_path)
    try:
        assert app.loaded is None and app.load_error
        shutil.copy(MINI, scenario)  # the author fixes the file
        _key(app, pygame.K_F5)
        assert not app.load_error  # loading again (it may even have ended within that frame)
        if app.loader is not None:
            assert app.loader.wait(30)
            app.pump()
        assert app.loaded is not None and app.loaded.scenario.id == "mini"
        assert isinstance(app.top, TitleScene) and not app.crashes
        assert app.top.widgets[0].enabled  # New game
    finally:
        pygame.quit()


def test_a_file_edited_during_its_load_gets_no_card_under_its_new_contents(tmp_path):
    from game.scenario.load import load_scenario
    from game.ui.loading import ScenarioLoader, read_card

    scenario = tmp_path / "scenario.yaml"
    shutil.copy(MINI, scenario)

    def load_then_edit(path: Path):  # noqa: ANN202
        loaded = load_scenario(path)
        with path.open("a", encoding="utf-8") as file:
            file.write("# edited while it was being read\n")
        return loaded

    loader = ScenarioLoader(scenario, load_then_edit, tmp_path / "cache")
    loader.start()
    assert loader.wait(30) and loader.loaded is not None
    assert read_card(scenario, tmp_path / "cache") is None  # filed under the file as it was read


def test_after_a_failed_load_another_scenario_can_be_chosen_and_played(tmp_path):
    from game.ui.scenes.title import TitleScene

    recorder: list = []
    app, _ = _after_a_failed_load(tmp_path, recorder, MINI)
    try:
        assert "choose another scenario" in _texts(recorder)
        assert app.top.widgets[app.top.focus].enabled  # not on the disabled New game
        _key(app, pygame.K_RIGHT)
        assert app.loaded is not None and app.loaded.scenario.id == "mini"
        assert not app.load_error and isinstance(app.top, TitleScene)
        assert app.top.widgets[0].enabled  # New game
        app.top.focus = 0
        _key(app, pygame.K_RETURN)
        assert app.session is not None and app.session.loaded.scenario.id == "mini"
    finally:
        pygame.quit()
