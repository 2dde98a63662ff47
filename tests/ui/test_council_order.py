"""Today's council lists the actions used up in this game after all the others, from the dawn.

Play-test over the 1935 scenario: by the last days every row in sight at the top of "Today's
council" was a greyed "cannot be done again" action, and the player scrolled past them to find
anything possible. An action merely not possible today (no points left, done today) keeps its
place. During a day nothing moves (tests/ui/test_day_numbers_window.py): the number on a row is
the one it had at the dawn, and its key takes it.
"""

from __future__ import annotations

import pygame
import pytest


@pytest.fixture
def council(he_umezu, make_app):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    records: list = []
    app = make_app((1280, 720), records, he_umezu, 1935)
    app.new_game(he_umezu, 1935)
    app.apply(Reset(CrisisScene()))
    app.pump()
    return app, app.stack[0], records


def names(app):
    return [scene.name for scene in app.stack]


def play(app, days):
    """Receive Colonel Sakai (three times in a game, once a day) and telegraph Chiang on each of
    `days` days; then today's council, with nothing over it."""
    from game.engine.actions import EndDay, TakeAction
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    for _ in range(days):
        app.act(TakeAction(action="see_sakai"))
        app.act(TakeAction(action="cable_chiang"))
        app.act(EndDay())
    app.apply(Reset(CrisisScene()))
    app.pump()
    assert not app.session.state.over
    return app.stack[0]


def ids(crisis):
    return [row.id for row in crisis.view.actions]


def scenario_order(app):
    """Today's actions in the scenario's order."""
    from game.engine.api import action_options

    return [o.action.action for o in action_options(app.session.scenario, app.session.state)]


def drawn(app, records):
    records.clear()
    app.dirty = True
    app.pump()
    return [block.text for block in records]


def test_a_used_up_action_goes_after_the_others_and_the_keys_follow(council, press):
    app, _, records = council
    crisis = play(app, 3)  # Sakai received three times: he cannot be again
    order = scenario_order(app)
    assert order[0] == "see_sakai"  # first in the scenario
    # the used-up action is last; the others keep the scenario's order
    assert ids(crisis) == order[1:] + ["see_sakai"]
    assert crisis.view.actions[-1].uses_left == 0
    # the number on a row is its place, and its key takes that row
    first = crisis.view.actions[0]
    assert first.id == "see_takahashi" and first.available
    assert any(text.startswith(f"1. {first.label[:20]}") for text in drawn(app, records))
    press(app, pygame.K_1)
    press(app, pygame.K_1)  # the same number again: done
    assert app.session.state.taken.get("see_takahashi") == 1
    assert app.session.state.taken["see_sakai"] == 3  # not tried again


def test_actions_not_possible_today_keep_their_place(council, press):
    app, crisis, _ = council
    order = scenario_order(app)
    for key in (pygame.K_1, pygame.K_2, pygame.K_3):  # the day's three points spent
        press(app, key)
        press(app, key)  # the same number again: done
        while names(app) != ["crisis"]:
            press(app, pygame.K_ESCAPE)  # what followed
    assert app.session.state.budget == 0
    # done today, or no points left: nothing is possible, and nothing is used up or moved
    assert not any(row.available for row in crisis.view.actions)
    assert ids(crisis) == order


def test_a_used_up_action_stays_in_place_and_so_does_the_highlight(council, press):
    """The highlight first followed the used-up action down among the greyed rows (the list
    jumped to its end). Now the row keeps its place until the day ends, the highlight stays on
    it, and one more Enter takes nothing: it only says why."""
    from tests.ui.test_council_list import chosen

    app, _, _ = council
    crisis = play(app, 2)  # Sakai can be received once more
    assert ids(crisis)[0] == "see_sakai"
    order = ids(crisis)
    press(app, pygame.K_a)
    for _ in range(10):  # below the demands awaiting an answer
        press(app, pygame.K_DOWN)
        if chosen(crisis) == ("action", "see_sakai"):
            break
    assert chosen(crisis) == ("action", "see_sakai")
    press(app, pygame.K_RETURN)  # takes it
    assert app.session.state.taken["see_sakai"] == 3
    while names(app) != ["crisis"]:
        press(app, pygame.K_ESCAPE)  # what followed
    assert ids(crisis) == order
    assert chosen(crisis) == ("action", "see_sakai")
    taken = dict(app.session.state.taken)
    press(app, pygame.K_RETURN)
    assert app.session.state.taken == taken
