"""An unexpected error inside the window loop: a crash log, a screen naming the error, resume from the autosave."""

from __future__ import annotations

import pygame

from game.ui.scene import Push, Scene


class Broken(Scene):
    """A scene that fails the way a bug would: while drawing, or on a key."""

    name = "broken"

    def __init__(self, when: str = "draw") -> None:
        super().__init__()
        self.when = when

    def draw(self, app, surface):
        if self.when == "draw":
            raise ZeroDivisionError("injected failure while drawing")
        surface.fill((0, 0, 0))

    def key(self, app, event):
        raise KeyError("injected failure on a key")


def names(app):
    return [scene.name for scene in app.stack]


def test_a_failing_scene_shows_the_crash_screen_writes_a_log_and_resumes_from_the_autosave(
    make_app, press, tmp_path
):
    records = []
    app = make_app(recorder=records, crash_folder=tmp_path / "crashes")
    app.pump()
    press(app, pygame.K_RETURN)  # new game: the session autosaves at its first dawn
    press(app, pygame.K_RETURN)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_e)  # points are left: it asks
    press(app, pygame.K_e)  # a new day: autosaved again
    press(app, pygame.K_RETURN)
    saved = app.session.state
    assert saved.day == 2
    app.apply(Push(Broken("draw")))
    assert app.pump() is True  # the window goes on
    assert names(app) == ["crash"]
    ((exc, log),) = app.crashes
    assert isinstance(exc, ZeroDivisionError)
    report = log.read_text(encoding="utf-8")
    assert log.parent == tmp_path / "crashes"
    assert "ZeroDivisionError: injected failure while drawing" in report and "Traceback" in report
    assert "screen: crisis > broken" in report and "day: 2" in report
    shown = " ".join(b.text for b in records)
    assert "Something went wrong" in shown and "ZeroDivisionError" in shown
    assert "Resume from the last autosave (day 2" in shown
    press(app, pygame.K_RETURN)  # the first button: resume
    assert names(app) == ["crisis"]
    assert (
        app.session.state is not saved and app.session.state == saved
    )  # read back from the autosave file
    assert len(app.crashes) == 1


def test_a_crash_on_a_key_before_any_game_offers_the_title_screen(make_app, press, tmp_path):
    records = []
    app = make_app(recorder=records, crash_folder=tmp_path / "crashes")
    app.pump()
    app.apply(Push(Broken("key")))
    app.pump()
    press(app, pygame.K_x)
    assert names(app) == ["crash"]
    shown = " ".join(b.text for b in records)
    assert "KeyError" in shown and "no autosave" in shown
    assert "Resume" not in shown
    press(app, pygame.K_RETURN)  # the first button is now the title screen
    assert names(app) == ["title"]


def test_if_the_crash_screen_fails_too_the_window_stops_with_one_line(
    make_app, tmp_path, monkeypatch
):
    from game.ui.scenes import crash

    app = make_app(crash_folder=tmp_path / "crashes")
    app.pump()

    def broken_draw(self, app, surface):
        raise RuntimeError("the crash screen is broken too")

    monkeypatch.setattr(crash.CrashScene, "draw", broken_draw)
    app.apply(Push(Broken("draw")))
    assert app.pump() is False
    assert len(app.crashes) == 2
    assert app.fatal.startswith(
        "hebei1935: unexpected error (RuntimeError: the crash screen is broken too)"
    )
    assert str(app.crashes[-1][1]) in app.fatal


def test_resuming_from_the_crash_screen_before_the_scenario_has_loaded_waits_for_it(
    mini, press, tmp_path
):
    """A crash behind the title screen, while the scenario still loads: the crash screen offers
    the autosave its remembered card names, and Resume waits for the scenario (as the title's
    choices do). It read the save against no scenario at all, failed again on the crash screen
    and closed the window."""
    import threading

    from game.engine.api import new_game
    from game.saves import make_save, write_autosave
    from game.scenario.load import load_scenario
    from game.ui.app import App
    from game.ui.loading import ScenarioLoader, TitleCard, write_card

    from .conftest import FakeClock

    state, _ = new_game(mini.scenario, 11)
    write_autosave(tmp_path / "saves", make_save(mini, state, slot="autosave"))
    write_card(mini.path, TitleCard("mini", "Mini crisis", "", "Remembered."), tmp_path / "cache")
    gate = threading.Event()

    def load(path):
        assert gate.wait(30)
        return load_scenario(path)

    loader = ScenarioLoader(mini.path, load, tmp_path / "cache")
    app = App(
        None,
        seed=7,
        clock=FakeClock(),
        sound=False,
        persist_settings=False,
        save_folder=tmp_path / "saves",
        config_folder=tmp_path / "config",
        crash_folder=tmp_path / "crashes",
        loader=loader,
    )
    try:
        app.pump()  # the title screen; the scenario loads behind it
        assert app.loaded is None
        app.apply(Push(Broken("draw")))
        app.pump()
        assert names(app) == ["crash"] and app.top.autosave is not None
        press(app, pygame.K_RETURN)  # Resume, before the scenario is there
        assert not app.fatal, app.fatal
        assert app.running and len(app.crashes) == 1
        gate.set()
        assert loader.wait(30)
        app.pump()
        assert names(app) == ["crisis"] and len(app.crashes) == 1
        assert app.session is not None and app.session.state == state
    finally:
        gate.set()
        pygame.quit()
