"""The lists' rows change under them (an action used up, a new day): what the list shows and what
its highlight arms must follow the rows, not the row numbers of before.

Play-test over the 1935 scenario: at 800x600 the council list kept yesterday's scroll position
after it shrank to two rows and showed none; after an action the highlight stayed on the same
row number, which then held another action, and one more Enter took it.
"""

from __future__ import annotations

import pygame
import pytest

from game.ui.widgets import ListWidget


def names(app):
    return [scene.name for scene in app.stack]


def start(app):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    return app.stack[0]


def a_list(rows, height=30):
    drawn: list[int] = []
    widget = ListWidget(
        count=lambda: len(rows),
        row_height=lambda i, w: height,
        draw_row=lambda s, r, i, sel, foc: drawn.append(i),
    )
    widget.rect = pygame.Rect(0, 0, 200, 150)  # five rows of 30
    return widget, drawn


def test_a_list_that_shrinks_below_its_scroll_position_shows_its_rows(make_app):
    app = make_app()
    rows = list(range(20))
    widget, drawn = a_list(rows)
    widget.select(14)
    assert widget.top > 0
    rows[:] = [0, 1]
    widget.draw(app.screen, app.ink, True)
    assert drawn == [0, 1]
    assert (widget.top, widget.selected) == (0, 1)


def test_a_list_that_shrinks_shows_as_many_rows_as_fit(make_app):
    app = make_app()
    rows = list(range(20))
    widget, drawn = a_list(rows)
    widget.select(19)
    assert widget.top == 15  # the last five
    del rows[16:]  # four rows gone: rows above come back into sight, no blank below
    widget.draw(app.screen, app.ink, True)
    assert drawn == [11, 12, 13, 14, 15]


def test_the_wheel_does_not_scroll_a_list_past_its_last_rows(make_app):
    widget, _ = a_list(list(range(8)))
    widget.wheel(-20)
    assert widget.top == 3  # rows 3 to 7 fill the list
    widget, _ = a_list(list(range(3)))
    widget.wheel(-5)
    assert widget.top == 0


def test_the_council_list_scrolled_for_yesterday_shows_todays_rows(make_app):
    records: list = []
    app = make_app(size=(800, 600), recorder=records)
    crisis = start(app)
    crisis.action_list.top = 14  # yesterday's fifteen rows, scrolled
    crisis.action_list.selected = 14
    app.dirty = True
    app.pump()
    shown = " ".join(blit.text for blit in records)
    assert "Talk to the envoy" in shown
    assert crisis.action_list.top == 0


def chosen(crisis):
    """The council row the highlight is on, by what it is, or None while no highlight shows."""
    widget = crisis.action_list
    if not getattr(widget, "armed", True):
        return None
    kind, row = crisis.rows()[widget.selected]
    return kind, row.id


def test_an_extra_enter_after_answering_takes_no_action(make_app, press):
    app = make_app()
    crisis = start(app)
    assert chosen(crisis) == ("demand", "first")  # the pending demand is listed first
    press(app, pygame.K_RETURN)  # opens it
    assert names(app) == ["crisis", "demand"]
    press(app, pygame.K_3)  # refuse
    press(app, pygame.K_3)  # the same number again: done
    press(app, pygame.K_RETURN)  # close what followed
    assert names(app) == ["crisis"]
    state = app.session.state
    press(app, pygame.K_RETURN)  # one Enter too many: the demand's row is gone
    assert app.session.state is state and not state.taken
    assert chosen(crisis) == ("action", "talk")  # it only showed the highlight
    # play-test: two Enters too many took the top action; the second names it and waits
    press(app, pygame.K_RETURN)
    assert app.session.state is state
    assert app.toast_text == "Talk to the envoy (1 AP): press Enter again to take it."
    press(app, pygame.K_RETURN)  # now the player has been told what Enter takes
    assert app.session.state.taken.get("talk") == 1


def _answered(app, press):
    """A fresh game whose first demand was refused, back on the council with no highlight."""
    crisis = start(app)
    press(app, pygame.K_RETURN)  # the demand
    press(app, pygame.K_3)
    press(app, pygame.K_3)
    press(app, pygame.K_RETURN)
    return crisis


def test_an_action_chosen_by_an_arrow_is_taken_by_one_enter(make_app, press):
    app = make_app()
    crisis = _answered(app, press)
    press(app, pygame.K_DOWN)  # shows the highlight, on the top action
    press(app, pygame.K_DOWN)  # moves it: a row the player chose
    assert chosen(crisis) == ("action", "prepare")
    press(app, pygame.K_RETURN)
    assert app.session.state.taken.get("prepare") == 1


def test_the_named_action_is_forgotten_by_the_next_key(make_app, press):
    app = make_app()
    crisis = _named(app, press)
    press(app, pygame.K_DOWN)  # the player moves on: the notice no longer tells the truth
    assert app.toast_text == ""
    assert chosen(crisis) == ("action", "prepare")


def test_the_highlight_stays_on_the_same_action_when_the_rows_move(make_app, press):
    from game.engine.actions import Respond

    app = make_app()
    crisis = start(app)
    press(app, pygame.K_a)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)
    assert chosen(crisis) == ("action", "prepare")
    app.act(Respond(demand="first", response="accept"))  # its row goes: the actions move up
    app.pump()
    assert chosen(crisis) == ("action", "prepare")


def test_a_new_day_starts_the_council_at_its_top_with_the_pending_demand(make_app, press):
    from game.ui.settings import Settings

    # large print in a small window: three of the four rows show (play-test: the day after
    # "Decide later", the ultimatum's row stayed scrolled out of sight)
    app = make_app(size=(800, 600), settings=Settings(text_size=1.45))
    crisis = start(app)
    press(app, pygame.K_a)
    press(app, pygame.K_END)
    assert chosen(crisis) == ("action", "spy") and crisis.action_list.top > 0
    press(app, pygame.K_e)  # the first demand is left for later (the points too: it asks)
    press(app, pygame.K_e)
    press(app, pygame.K_RETURN)  # the night's summary: begin the new day
    assert names(app) == ["crisis"] and app.session.state.day == 2
    assert (crisis.action_list.top, chosen(crisis)) == (0, ("demand", "first"))
    press(app, pygame.K_RETURN)  # Enter opens the demand; it takes no action
    assert names(app) == ["crisis", "demand"] and not app.session.state.taken


def _named(app, press):
    """A fresh game with its demand answered, and the top action named by a second Enter."""
    crisis = _answered(app, press)
    press(app, pygame.K_RETURN)  # shows the highlight
    press(app, pygame.K_RETURN)  # names 'Talk to the envoy'
    assert app.toast_text.startswith("Talk to the envoy (1 AP)")
    return crisis


@pytest.mark.parametrize("between", [pygame.K_ESCAPE, pygame.K_c, pygame.K_F1, pygame.K_f])
def test_anything_between_makes_the_next_enter_name_the_action_again(make_app, press, between):
    # code review: Enter, Enter, Esc (the menu), Esc, Enter took the action with no notice, and
    # the codex opened over a notice that no longer told the truth
    app = make_app()
    _named(app, press)
    state = app.session.state
    press(app, between)
    assert not app.toast_text.startswith("Talk to the envoy (1 AP)")
    while names(app) != ["crisis"]:
        press(app, pygame.K_ESCAPE)
    press(app, pygame.K_RETURN)  # names it again, takes nothing
    assert app.session.state is state
    assert app.toast_text.startswith("Talk to the envoy (1 AP)")
    press(app, pygame.K_RETURN)
    assert app.session.state.taken.get("talk") == 1
