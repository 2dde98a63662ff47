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
