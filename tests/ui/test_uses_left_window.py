"""The council list says when an action is being used for the last time (or the last few)."""

from __future__ import annotations


def test_a_limited_action_says_how_often_it_can_still_be_taken(make_app):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    records: list = []
    app = make_app(recorder=records)
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    shown = [block.text for block in records]
    assert "Once a game." in shown  # Ask the spies: the mini scenario allows it once
    from game.ui.view import action_rows

    rows = {row.id: row for row in action_rows(app.loaded.scenario, app.session.state)}
    assert (rows["spy"].uses_left, rows["talk"].uses_left) == (1, None)
