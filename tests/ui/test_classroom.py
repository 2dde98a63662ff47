"""Classroom options in the window: a council clock per day, lesson days, the student's name."""

from __future__ import annotations


def start(app):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()


def test_time_limit_ends_the_council(make_app):
    app = make_app(time_limit=1)
    start(app)
    assert app.session.state.day == 1
    assert app.council_seconds_left() == 60
    app.clock.now += 30_000
    app.pump()
    assert app.council_seconds_left() == 30
    app.clock.now += 31_000
    app.pump()
    assert app.session.state.day == 2
    assert "Time is up: the council of day 1 ends." in app.toast_text
    app.pump()
    assert app.council_seconds_left() == 60  # a fresh clock for the new day


def test_lesson_days_hurry_the_game_to_its_ending(make_app):
    from game.engine.actions import EndDay

    app = make_app(lesson_days=1, player_name="Li Wei")
    start(app)
    app.act(EndDay())
    app.pump()
    assert app.session.state.over
    assert app.stack[-1].name == "ending"
    assert "Lesson mode: 1 day(s) played" in app.toast_text
    from game.ui.scene import Push
    from game.ui.scenes.ending import DebriefScene

    app.apply(Push(DebriefScene()))
    app.pump()
    assert app.stack[-1].debrief.player_name == "Li Wei"
