"""A list's selected row is marked by more than its fill (1.42:1 on the paper, 1.24:1 in high
contrast): an outline that reaches 3:1 against the fill and the paper round it (WCAG 1.4.11); in
a list without the focus the mark is lighter, so that only the row the keys act on looks active."""

from __future__ import annotations

import pygame
import pytest

from game.ui.settings import Settings
from game.ui.theme import contrast


def edge(app, rect: pygame.Rect) -> list[tuple[int, int, int]]:
    """The colours across the selected row's top edge, half way along it (its left edge is
    under the list's focus ring)."""
    x = rect.centerx
    return [tuple(app.screen.get_at((x, y)))[:3] for y in range(rect.y, rect.y + 6)]


def marked(app, rect: pygame.Rect) -> int:
    """How many pixels across the row's top edge stand out at 3:1 from both the highlighted
    row's fill and the paper round the rows."""
    fill, paper = app.theme.c("select"), app.theme.c("paper")
    return sum(
        1
        for colour in edge(app, rect)
        if contrast(colour, fill) >= 3 and contrast(colour, paper) >= 3
    )


def crisis_app(make_app, settings):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app(settings=settings)
    app.new_game(app.loaded, 7)
    crisis = CrisisScene()
    app.apply(Reset(crisis))
    app.pump()
    return app, crisis


def selected_rect(widget) -> pygame.Rect:
    return dict(widget._visible())[widget.selected]


@pytest.mark.parametrize(
    "settings", [Settings(), Settings(palette="colour_blind"), Settings(high_contrast=True)]
)
def test_the_selected_row_of_the_focused_list_is_outlined(make_app, press, settings):
    app, crisis = crisis_app(make_app, settings)
    press(app, pygame.K_a)  # the council
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)
    assert crisis.focused() is crisis.action_list and crisis.action_list.armed
    council = marked(app, selected_rect(crisis.action_list))
    press(app, pygame.K_i)  # the inbox
    press(app, pygame.K_DOWN)
    assert crisis.focused() is crisis.inbox
    inbox = marked(app, selected_rect(crisis.inbox))
    still_selected = marked(app, selected_rect(crisis.action_list))  # the council, unfocused
    assert council >= 2 and inbox >= 2  # a 2-px outline
    assert still_selected < inbox  # the list without the focus: a lighter mark


def test_a_demands_chosen_answer_is_outlined(make_app, press):
    from game.ui.scenes.dialogs import DemandDialog

    app, crisis = crisis_app(make_app, Settings())
    demand = next(iter(app.session.state.demands))
    app.push(DemandDialog(demand))
    app.pump()
    dialog = app.top
    press(app, pygame.K_TAB)  # to the answers
    press(app, pygame.K_DOWN)
    assert dialog.focused() is dialog.answers and dialog.answers.armed
    assert marked(app, selected_rect(dialog.answers)) >= 2
