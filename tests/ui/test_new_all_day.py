"""What came at dawn stays NEW (and ringed on the map) all day, not only until the next choice.

Window play-test: answering the demand the dawn opened took the NEW tag off the dawn's unread
news, and the rings off its places on the map.
"""

from __future__ import annotations


def test_the_dawns_news_stays_new_after_a_choice(make_app):
    from game.engine.actions import EndDay, TakeAction
    from game.ui.view import inbox

    app = make_app()
    app.new_game(app.loaded, 7)
    session = app.session
    app.act(EndDay())
    dawn = session.new_count
    assert dawn > 0
    app.act(TakeAction(action="talk"))  # a choice that brings nothing new
    assert session.new_count >= dawn
    marked = [
        item for item in inbox(session.scenario, session.state, session.new_count) if item.new
    ]
    assert len(marked) >= dawn
    held = len(session.state.inbox)
    app.act(EndDay())  # the next dawn: only what the night and the dawn brought is new
    assert session.new_count == len(session.state.inbox) - held
