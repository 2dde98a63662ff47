"""The window's council keeps each action's number for the whole day, as the text version does.

Play-test: the number keys take the row at that place, and the list moved under them. Receiving
Colonel Sakai for the third time used him up, his row went to the end of the list, and the next
press of 1, meant for him again or read from the list a moment before, took whatever had moved
up into his place. Now a used-up row keeps its place and number until the day ends; at the next
dawn the used-up rows go last and the day is numbered afresh.
"""

from __future__ import annotations

import pygame

from tests.ui.test_council_order import council, ids, names, play  # noqa: F401 - fixture


def numbers(crisis):
    return {row.id: row.number for row in crisis.view.actions}


def settle(app, press):
    while names(app) != ["crisis"]:
        press(app, pygame.K_ESCAPE)  # what followed the choice


def test_a_used_up_action_keeps_its_number_and_place_until_the_day_ends(council, press):  # noqa: F811
    app, _, _ = council
    crisis = play(app, 2)  # Sakai can be received once more
    assert ids(crisis)[0] == "see_sakai" and numbers(crisis)["see_sakai"] == 1
    before = dict(numbers(crisis))
    order = ids(crisis)
    press(app, pygame.K_1)
    press(app, pygame.K_1)  # the same number again: done
    settle(app, press)
    assert app.session.state.taken["see_sakai"] == 3  # used up
    assert ids(crisis) == order and numbers(crisis) == before  # nothing moved
    taken = dict(app.session.state.taken)
    press(app, pygame.K_1)  # again: Sakai cannot be received, and nothing else is taken
    settle(app, press)
    assert app.session.state.taken == taken


def test_the_next_dawn_numbers_afresh_with_the_used_up_rows_last(council, press):  # noqa: F811
    from game.engine.actions import EndDay

    app, _, _ = council
    crisis = play(app, 2)
    press(app, pygame.K_1)
    press(app, pygame.K_1)  # the same number again: done
    settle(app, press)
    app.act(EndDay())
    settle(app, press)
    crisis = app.stack[0]
    crisis.refresh(app)
    assert ids(crisis)[-1] == "see_sakai"
    assert [row.number for row in crisis.view.actions] == list(range(1, len(ids(crisis)) + 1))


def test_a_game_resumed_mid_day_gets_the_days_numbers_back(council, press, he_umezu):  # noqa: F811
    from game.ui.session import Session

    app, _, _ = council
    crisis = play(app, 2)
    press(app, pygame.K_1)  # Sakai used up: his row keeps number 1 today
    press(app, pygame.K_1)  # the same number again: done
    settle(app, press)
    resumed = Session(he_umezu, app.session.seed, app.session.state, 0, [])
    assert (
        resumed.action_numbers()
        == app.session.action_numbers()
        == {row.id: row.number for row in crisis.view.actions}
    )
    assert resumed.action_numbers()["see_sakai"] == 1


def test_a_day_played_again_after_a_take_back_is_numbered_afresh(make_app, he_umezu):
    """Review: the numbers were kept by day and never forgotten, so a practice game taken back to
    day 1 and played another way reached day 4 again with the abandoned line's day-4 numbers
    (1 was an action now used up, listed first, which a fresh dawn lists last)."""
    from game.engine.actions import EndDay, TakeAction
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app((1280, 720), None, he_umezu, 1935, practice=True)
    app.new_game(he_umezu, 1935)
    app.apply(Reset(CrisisScene()))
    for _ in range(3):
        app.act(EndDay())
    assert app.session.state.day == 4
    app.apply(Reset(CrisisScene()))
    app.pump()  # day 4 numbered in this line, as the screen shows it
    assert app.session.action_numbers()
    while app.session.state.day > 1:
        app.session.take_back(day=True)
    app.session.take_back(day=True)
    assert app.session.state.day == 1
    for _ in range(3):
        app.act(TakeAction(action="see_sakai"))
        app.act(EndDay())
    assert app.session.state.day == 4
    app.apply(Reset(CrisisScene()))
    app.pump()
    from game.day_numbers import number_new
    from game.ui.view import action_order

    fresh: dict[str, int] = {}
    number_new(fresh, action_order(he_umezu.scenario, app.session.state))
    assert app.session.action_numbers() == fresh
