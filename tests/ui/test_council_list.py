"""The lists' rows change under them (an action used up, a new day): what the list shows and what
its highlight arms must follow the rows, not the row numbers of before.

Play-test over the 1935 scenario: at 800x600 the council list kept yesterday's scroll position
after it shrank to two rows and showed none; after an action the highlight stayed on the same
row number, which then held another action, and one more Enter took it.
"""

from __future__ import annotations

import pygame

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
