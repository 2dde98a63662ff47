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


def test_a_released_inject_is_marked_and_cannot_be_released_again(make_app, press):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    press(app, pygame.K_F9)
    press(app, pygame.K_1)
    while app.stack[-1].name != "crisis":  # the news slip
        press(app, pygame.K_RETURN)
    trust = app.session.state.stats["trust"]
    press(app, pygame.K_F9)
    first = app.stack[-1].widgets[0]
    assert first.label.endswith("(released)") and not first.enabled
    press(app, pygame.K_1)
    assert app.session.state.stats["trust"] == trust
    assert "already been released" in app.toast_text


def test_the_teachers_note_of_the_focused_inject_is_shown(make_app, press):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    records = []
    app = make_app(recorder=records)
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    press(app, pygame.K_F9)
    note = app.loaded.scenario.injects["rumour_of_war"].note
    assert note  # the fixture's inject has one
    assert " ".join(b.text for b in records if b.text.startswith("Use it")).startswith(note[:20])


def test_a_click_chooses_an_inject_and_shows_its_note_and_a_second_click_releases_it(make_app):
    # QA: one click released an inject (it cannot be taken back), and a mouse user could not
    # read an inject's note without releasing it
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene, InjectScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.push(InjectScene())
    app.pump()
    menu = app.top
    target = len(menu.widgets) - 2  # the last inject: not the one focused at first
    spot = menu.widgets[target].rect.center
    log = len(app.session.state.log)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=spot))
    app.pump()
    assert app.top is menu and menu.focus == target and len(app.session.state.log) == log
    app.clock.now += 1000  # a second, separate click
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=spot))
    app.pump()
    assert app.session.state.log[-1].kind == "inject" and len(app.session.state.log) == log + 1
