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
    press(app, pygame.K_1)  # a number chooses it, as Enter does (review: it released at once)
    assert app.session.state.stats["trust"] == trust
    assert "Press 1 again to release" in app.toast_text
    press(app, pygame.K_1)  # the same number again: done
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
    press(app, pygame.K_1)  # the same number again: done
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
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.injects import InjectScene

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


def _crisis(make_app, **options):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app(**options)
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    return app


def test_enter_on_an_inject_chooses_it_and_a_second_enter_releases_it(make_app, press):
    """Teacher's play-test: F9 then Enter released the first inject at once, though the hint said
    'Enter select' and a click only chooses (a release cannot be taken back)."""
    app = _crisis(make_app)
    log = len(app.session.state.log)
    press(app, pygame.K_F9)
    press(app, pygame.K_RETURN)
    assert app.stack[-1].name == "injects" and len(app.session.state.log) == log
    assert "Enter again to release" in app.toast_text
    press(app, pygame.K_RETURN)
    assert app.session.state.log[-1].kind == "inject"


def test_an_arrow_between_two_enters_chooses_again(make_app, press):
    app = _crisis(make_app)
    log = len(app.session.state.log)
    press(app, pygame.K_F9)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_DOWN)  # to Close, and back: the inject is to be chosen again
    press(app, pygame.K_UP)
    press(app, pygame.K_RETURN)  # chooses it again: nothing released yet
    assert app.stack[-1].name == "injects" and len(app.session.state.log) == log


def test_the_inject_list_says_what_each_inject_changes(make_app, press):
    """Teacher's play-test: an inject 'costs the players nothing' (no action points) but moved
    public anger and Nanjing's trust, and neither the list nor the slip said so."""
    records = []
    app = _crisis(make_app, recorder=records)
    press(app, pygame.K_F9)
    app.dirty = True
    records.clear()
    app.pump()
    drawn = " ".join(block.text for block in records)
    assert "It changes: Trust \u22124." in drawn


def test_the_slip_after_a_choice_says_what_it_changed(make_app, press):
    """Play-tests (tutorial, an inject): the 'What followed' slip gave the news but not what the
    choice changed, which the text version says after every choice."""
    app = _crisis(make_app)
    trust = app.session.state.stats["trust"]
    press(app, pygame.K_F9)
    press(app, pygame.K_1)
    press(app, pygame.K_1)  # the same number again: done
    slip = app.stack[-1]
    assert slip.name == "event"
    text = [line for _, line in slip.paragraphs()]
    assert "WHAT CHANGED" in text
    assert any(line.startswith(f"Trust: {trust} \u2192 {trust - 4} (\u22124") for line in text)


def test_the_inject_list_stops_the_council_clock(make_app, press):
    """Teacher's play-test: a minute spent choosing an inject was taken from the class's council."""
    app = _crisis(make_app, time_limit=2)
    app.clock.now += 1000
    app.pump()
    left = app.council_seconds_left()
    press(app, pygame.K_F9)
    app.clock.now += 60_000
    app.pump()
    assert app.council_seconds_left() == left


def test_one_space_releases_nothing_either(make_app, press):
    """Review: the Enter guard let one Space release the first inject (a button takes Space too)."""
    app = _crisis(make_app)
    log = len(app.session.state.log)
    press(app, pygame.K_F9)
    press(app, pygame.K_SPACE)
    assert app.stack[-1].name == "injects" and len(app.session.state.log) == log
    press(app, pygame.K_SPACE)
    assert app.session.state.log[-1].kind == "inject"


def test_enter_on_a_released_inject_says_so_and_keeps_the_list_open(make_app, press):
    """Review: Enter on a released inject closed the list (and sent a release the engine refused)."""
    app = _crisis(make_app)
    press(app, pygame.K_F9)
    press(app, pygame.K_1)
    press(app, pygame.K_1)  # the same number again: done
    while app.stack[-1].name != "crisis":
        press(app, pygame.K_RETURN)
    press(app, pygame.K_F9)
    press(app, pygame.K_RETURN)
    assert app.stack[-1].name == "injects"
    assert "has already been released in this game" in app.toast_text


def test_a_click_then_enter_on_the_same_inject_releases_it(make_app):
    """Review: after a click had chosen an inject, Enter only chose it again (a third press)."""
    from game.ui.scenes.injects import InjectScene

    app = _crisis(make_app)
    app.push(InjectScene())
    app.pump()
    menu = app.top
    log = len(app.session.state.log)
    spot = menu.widgets[0].rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=spot))
    app.pump()
    assert len(app.session.state.log) == log
    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)
    )
    app.pump()
    assert app.session.state.log[-1].kind == "inject"


def test_a_number_key_on_an_inject_already_released_keeps_the_list_open(make_app, press):
    # docs audit: 1 on a released inject closed the list and sent the engine a release it refused
    app = _crisis(make_app)
    press(app, pygame.K_F9)
    press(app, pygame.K_1)
    press(app, pygame.K_1)  # the same number again: done
    assert app.session.state.log[-1].kind == "inject"
    while app.stack[-1].name != "crisis":  # the inject's news
        press(app, pygame.K_ESCAPE)
    log = len(app.session.state.log)
    press(app, pygame.K_F9)
    press(app, pygame.K_1)
    assert app.stack[-1].name == "injects" and len(app.session.state.log) == log
    assert "already been released" in app.toast_text


def test_an_inject_for_later_says_from_when_and_is_not_released(make_app, press):
    # teacher's review: "Tokyo: there is no ultimatum" could be released ten days too early
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    note = "    note: Use it when the class is too comfortable.\n"
    text = edited_mini((note, note + "    not_before: 1935-06-02\n"))
    app = _crisis(make_app, loaded=load_scenario_bytes(text.encode(), "m.yaml"))
    log = len(app.session.state.log)
    press(app, pygame.K_F9)
    first = app.stack[-1].widgets[0]
    assert first.label.endswith("(from 2 June 1935)") and not first.enabled
    press(app, pygame.K_1)
    press(app, pygame.K_1)
    assert app.stack[-1].name == "injects" and len(app.session.state.log) == log
    assert "can be released from 2 June 1935" in app.toast_text
