"""F: the inbox lists the news only, without the player's own doings (play-test: 122 items by
13 June, most of them the player's own, and the news sank among them)."""

from __future__ import annotations

import pygame

from game.engine.actions import Respond, TakeAction


def test_f_leaves_the_players_own_doings_out_of_the_inbox_and_back(make_app, press):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    records: list = []
    app = make_app(recorder=records)
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.act(Respond(demand="first", response="refuse"))
    app.act(TakeAction(action="talk"))
    while app.top.name != "crisis":
        press(app, pygame.K_ESCAPE)
    crisis = app.top
    everything = [item.kind for item in crisis.inbox_items()]
    assert {"action", "demand_answered"} <= set(everything)
    press(app, pygame.K_f)
    kinds = [item.kind for item in crisis.inbox_items()]
    assert kinds == [k for k in everything if k not in ("action", "outcome", "demand_answered")]
    assert kinds and crisis.inbox.count() == len(kinds)
    assert "news only" in app.toast_text
    records.clear()
    app.dirty = True
    app.pump()
    caption = f"Inbox ({len(kinds)} of {len(everything)}: news only)".upper()  # frames: capitals
    assert any(caption == r[0] for r in records)
    press(app, pygame.K_f)
    assert [item.kind for item in crisis.inbox_items()] == everything
