"""E ends the day at once, except on a night that deserves a second thought, when it asks for a
second E: the last day (the game ends), a deadline that runs out tonight unanswered, or a day on
which none of the action points has been spent.

A teacher's play-test (random keys) and a student's: one stray E ended the game, let the
ultimatum lapse, or threw away a day's council. A player who has spent a point and stops with points left
is not asked: passing is a choice.
"""

from __future__ import annotations

import pygame


def _crisis(make_app):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    return app


def _settle(app, press):
    while app.stack[-1].name != "crisis":
        press(app, pygame.K_ESCAPE)


def _spend_the_day(app, press):
    """Day 1 of the mini scenario, its demand answered and both action points spent."""
    from game.engine.actions import Respond, TakeAction

    app.act(Respond(demand="first", response="accept"))  # nothing runs out tonight
    _settle(app, press)
    for action in ("talk", "spy"):  # each once a day
        app.act(TakeAction(action=action))
        _settle(app, press)
    assert app.session.state.budget == 0


def test_an_ordinary_night_ends_with_one_e(make_app, press):
    app = _crisis(make_app)
    _spend_the_day(app, press)
    press(app, pygame.K_e)
    assert app.session.state.day == 2


def test_a_day_with_some_points_spent_ends_with_one_e(make_app, press):
    from game.engine.actions import Respond, TakeAction

    app = _crisis(make_app)
    app.act(Respond(demand="first", response="accept"))
    _settle(app, press)
    app.act(TakeAction(action="talk"))
    _settle(app, press)
    assert app.session.state.budget == 1
    press(app, pygame.K_e)
    assert app.session.state.day == 2


def test_no_point_spent_asks_for_a_second_e(make_app, press):
    from game.engine.actions import Respond

    app = _crisis(make_app)
    app.act(Respond(demand="first", response="accept"))
    _settle(app, press)
    assert app.session.state.budget == 2
    press(app, pygame.K_e)
    assert app.session.state.day == 1
    assert "You have not spent any of today's 2 action points." in app.toast_text
    assert "Press E again" in app.toast_text
    press(app, pygame.K_e)
    assert app.session.state.day == 2


def test_a_deadline_running_out_tonight_asks_for_a_second_e(make_app, press):
    from game.engine.actions import EndDay

    app = _crisis(make_app)
    app.act(EndDay())  # the first demand, left open: its deadline is day 2
    _settle(app, press)
    assert app.session.state.day == 2
    press(app, pygame.K_e)
    assert app.session.state.day == 2
    assert "runs out tonight, unanswered" in app.toast_text and "Press E again" in app.toast_text
    press(app, pygame.K_1)  # another key between: the next E asks again
    _settle(app, press)
    day = app.session.state.day
    press(app, pygame.K_e)
    press(app, pygame.K_e)
    assert app.session.state.day == day + 1 or app.session.state.over


def test_the_last_day_asks_for_a_second_e(make_app, press):
    from tests.ui.test_last_night import to_the_last_day

    app = make_app()
    to_the_last_day(app)
    press(app, pygame.K_e)
    assert not app.session.state.over and "ends the game" in app.toast_text
    press(app, pygame.K_e)
    assert app.session.state.over
    # the question is answered: it is not left over the last night and the ending (play-test)
    assert "Press E again" not in app.toast_text


def _click(app, pos):
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
    app.pump()


def _end_day_button_on_the_last_day(app):
    from tests.ui.test_last_night import to_the_last_day

    to_the_last_day(app)
    return next(w for w in app.top.widgets if getattr(w, "label", "").startswith("End the day"))


def test_the_end_the_day_button_asks_as_e_does(make_app, press):
    # docs audit: a click (or Enter) on "End the day (E)" ended the game at once on its last day
    app = make_app()
    end_day = _end_day_button_on_the_last_day(app)
    _click(app, end_day.rect.center)
    assert not app.session.state.over
    assert "ends the game" in app.toast_text and "End the day" in app.toast_text
    app.clock.now += 600  # a click of its own, not the second press of a double click
    _click(app, end_day.rect.center)
    assert app.session.state.over


def test_an_ordinary_night_ends_with_one_click_of_the_button(make_app, press):
    app = _crisis(make_app)
    _spend_the_day(app, press)
    crisis = app.top
    end_day = next(w for w in crisis.widgets if getattr(w, "label", "").startswith("End the day"))
    _click(app, end_day.rect.center)
    assert app.session.state.day == 2


def test_a_double_click_on_the_button_does_not_answer_its_own_question(make_app, press):
    # review: two presses 150 ms apart on "End the day" ended the game on its last day
    app = make_app()
    end_day = _end_day_button_on_the_last_day(app)
    _click(app, end_day.rect.center)
    app.clock.now += 150
    _click(app, end_day.rect.center)
    assert not app.session.state.over and "ends the game" in app.toast_text
    app.clock.now += 600
    _click(app, end_day.rect.center)  # a click of its own
    assert app.session.state.over
