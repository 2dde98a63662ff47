"""The window's debrief when the debrief cannot be built: the ending stays, the error is logged.

Code review: `DebriefScene.enter` called `build_debrief` unguarded, so a bug in the debrief sent
the window to the crash screen and the player lost the ending; the text version catches it
(`DebriefUnavailable`) and still shows the ending.
"""

from __future__ import annotations

import pygame


def _finished(app, mini):
    from game.engine.actions import EndDay
    from game.engine.api import step
    from game.ui.session import Session

    state = app.session.state
    while not state.over:
        state = step(mini.scenario, state, EndDay()).state
    app.session = Session(mini, 7, state, 0, [])


def test_a_debrief_that_cannot_be_built_still_shows_the_ending(
    make_app, press, mini, tmp_path, monkeypatch
):
    import game.debrief
    from game.ui.scene import Reset
    from game.ui.scenes.ending import DebriefScene, EndingScene

    def broken(*args, **kwargs):
        raise KeyError("a bug in the debrief")

    monkeypatch.setattr(game.debrief, "build_debrief", broken)
    # as for a player: the fallback, not the error (the tests raise it: tests/conftest.py)
    monkeypatch.delenv("HEBEI1935_STRICT", raising=False)
    app = make_app(crash_folder=tmp_path / "crashes")
    app.new_game(app.loaded, 7)
    _finished(app, mini)
    app.apply(Reset(EndingScene()))
    app.pump()
    press(app, pygame.K_RETURN)  # Enter opens the debrief

    debrief = app.top
    assert isinstance(debrief, DebriefScene) and app.crashes == []
    (log,) = (tmp_path / "crashes").iterdir()
    written = log.read_text(encoding="utf-8")
    assert "KeyError: 'a bug in the debrief'" in written and "screen: ending > debrief" in written
    shown = [text for _, text in debrief.paragraphs()]
    assert shown[0] == (
        "The debrief could not be built (KeyError: 'a bug in the debrief'). "
        f"Details were written to {log}."
    )
    ending = app.session.scenario.endings[app.session.state.ending]
    assert f"ENDING: {ending.title.upper()}" in shown and ending.epilogue in shown
    assert debrief.save not in debrief.widgets  # no report to save
    press(app, pygame.K_s)
    assert "no report to save" in app.toast_text and not (tmp_path / "reports").exists()
    app.dirty = True
    app.pump()  # it draws
    assert app.top is debrief and app.crashes == []
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "title"
