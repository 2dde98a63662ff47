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


def test_a_row_done_today_still_says_how_often_it_can_be_taken(make_app, tmp_path):
    """Play-test: after "Receive Colonel Sakai" was taken once, its row said only that it had
    been done today, not that it could be done twice more."""
    from game.engine.actions import TakeAction
    from game.scenario.load import load_scenario_bytes
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene
    from tests.conftest import edited_mini

    twice = edited_mini(
        ("    hint: Lower the temperature.\n", "    hint: Lower it.\n    max_uses: 3\n")
    )
    loaded = load_scenario_bytes(twice.encode(), str(tmp_path / "twice.yaml"))
    records: list = []
    app = make_app(recorder=records, loaded=loaded)
    app.new_game(app.loaded, 7)
    app.act(TakeAction(action="talk"))
    app.apply(Reset(CrisisScene()))
    records.clear()
    app.dirty = True
    app.pump()
    assert "2 more times this game." in [block.text for block in records]
