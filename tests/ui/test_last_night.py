"""The night that ends the game is summed up, as every other night is, before the ending.

Play-test over the 1935 scenario: ending day 15 went straight to "The end: the secret concessions
exposed"; the "Night falls" summary never came, so the player could not see what tipped it.
"""

from __future__ import annotations

import pygame

from game.engine.actions import EndDay


def names(app):
    return [scene.name for scene in app.stack]


def to_the_last_day(app):
    """A game of the mini scenario, its days ended until the next dusk ends it; the council."""
    from game.engine.api import step
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    while not step(app.session.scenario, app.session.state, EndDay()).state.over:
        app.act(EndDay())
        app.apply(Reset(CrisisScene()))  # no dialogs left open
        app.pump()


def test_the_last_night_is_summed_up_before_the_ending(make_app, press):
    records: list = []
    app = make_app(recorder=records)
    to_the_last_day(app)
    press(app, pygame.K_e)  # the last day: E asks first (test_end_day_key)
    press(app, pygame.K_e)
    assert app.session.state.over
    assert names(app) == ["crisis", "day_summary"]
    summary = app.stack[-1]
    shown = " ".join(block.text for block in records)
    assert "Night falls on" in shown
    assert "See how it ended (Enter)" in shown
    assert "see how it ended" in shown  # the key hint says where Enter goes
    assert "Begin the new day" not in shown
    text = " ".join(line for _, line in summary.paragraphs())
    assert "WHAT CHANGED" in text
    press(app, pygame.K_RETURN)
    assert names(app) == ["ending"]


def test_escape_on_the_last_nights_summary_also_goes_to_the_ending(make_app, press):
    app = make_app()
    to_the_last_day(app)
    press(app, pygame.K_e)  # the last day: E asks first (test_end_day_key)
    press(app, pygame.K_e)
    assert names(app)[-1] == "day_summary"
    press(app, pygame.K_ESCAPE)
    assert names(app) == ["ending"]


def test_a_last_night_that_brought_nothing_goes_straight_to_the_ending(
    make_app, press, monkeypatch
):
    from game.ui.scenes.dialogs import DaySummaryScene

    app = make_app()
    to_the_last_day(app)
    # nothing visible changed or came in the night
    monkeypatch.setattr(DaySummaryScene, "tells", staticmethod(lambda *args: False))
    press(app, pygame.K_e)  # the last day: E asks first (test_end_day_key)
    press(app, pygame.K_e)
    assert app.session.state.over
    assert names(app)[0] == "ending" and "day_summary" not in names(app)


def test_the_last_nights_news_leaves_the_ending_to_its_own_screen(mini):
    """The historical game's last night showed only "Nothing you can see has changed" and
    "Ending: The He-Umezu 'agreement'": the ending, told before its screen, was the only news."""
    from game.engine.actions import EndDay
    from game.engine.api import new_game, step
    from game.ui.view import day_summary

    scenario = mini.scenario
    state = new_game(scenario, 3).state
    while True:
        result = step(scenario, state, EndDay())
        if result.state.over:
            break
        state = result.state
    assert any(e.kind == "ending" for e in result.events)
    summary = day_summary(scenario, state, result.state, list(result.events))
    assert all(item.kind != "ending" for item in summary.news)
