"""The teacher's menu in the window: F9 lists the scenario's injects; choosing one releases it."""

from __future__ import annotations

import pygame


def test_f9_releases_an_inject(make_app, press):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    trust, budget = app.session.state.stats["trust"], app.session.state.budget
    press(app, pygame.K_F9)
    assert app.stack[-1].name == "injects"
    press(app, pygame.K_1)
    assert app.session.state.stats["trust"] == trust - 4
    assert app.session.state.budget == budget
    assert app.session.state.log[-1].kind == "inject"
