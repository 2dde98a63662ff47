"""Practice games in the window: U takes back a step, Shift+U goes back to the dawn; reports say practice."""

from __future__ import annotations

import pygame

from game.engine.actions import EndDay, TakeAction


def start(app):
    app.new_game(app.loaded, 7)
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app.apply(Reset(CrisisScene()))
    app.pump()


def test_u_takes_back_a_step_and_shift_u_the_day(make_app, press):
    app = make_app(practice=True)
    start(app)
    dawn = app.session.state
    app.session.act(TakeAction(action="talk"))
    assert app.session.state.budget == dawn.budget - 1
    press(app, pygame.K_u)
    assert app.session.state == dawn
    app.session.act(TakeAction(action="talk"))
    app.session.act(EndDay())
    second_dawn = app.session.state
    app.session.act(TakeAction(action="talk"))
    press(app, pygame.K_u, mod=pygame.KMOD_SHIFT)
    assert app.session.state == second_dawn
    assert app.session.practice


def test_no_undo_outside_practice(make_app, press):
    app = make_app()
    start(app)
    app.session.act(TakeAction(action="talk"))
    before = app.session.state
    press(app, pygame.K_u)
    assert app.session.state == before
    assert "only for practice games" in app.toast_text


def test_the_menu_shows_the_seed(make_app, press):
    app = make_app()
    start(app)
    press(app, pygame.K_ESCAPE)
    assert app.stack[-1].name == "menu"
    assert app.stack[-1].heading == "MENU \u00b7 SEED 7"
