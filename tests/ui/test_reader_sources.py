"""The reading pane and the text version's inbox say where an item comes from (its sources, or
that the game invents it): see tests/analysis/test_provenance.py for the rules."""

from __future__ import annotations

from game.engine.actions import EndDay
from game.engine.api import new_game, step


def test_the_window_reads_it_under_the_item_and_the_text_version_prints_it(mini, make_app):
    from game.text.render import event_lines
    from game.text.style import Style
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    screen = app.stack[-1]
    items = screen.view.inbox
    opening = next(i for i, item in enumerate(items) if item.title == "A note arrives")
    screen.inbox.selected = opening
    assert screen.reader_paragraphs()[-1][1] == "From the record. Sources: Test source."

    state = step(mini.scenario, new_game(mini.scenario, 1).state, EndDay()).state
    rumour = next(e for e in state.inbox if e.kind == "intelligence")
    printed = " ".join(event_lines(mini.scenario, rumour, Style(colour=False, width=80)))
    assert "Not in the historical record" in printed


def test_the_slip_of_what_followed_says_it_too(make_app, press):
    import pygame

    from game.analysis.describe import BY_TEACHER
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    press(app, pygame.K_F9)
    press(app, pygame.K_1)  # the teacher releases the rumour of war: a news slip follows
    press(app, pygame.K_1)  # the same number again: done
    slip = app.stack[-1]
    assert slip.name == "event"
    assert any(text == BY_TEACHER for _, text in slip.paragraphs())
