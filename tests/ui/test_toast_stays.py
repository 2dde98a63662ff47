"""A message stays until it has been seen: at least four seconds, then until a key or a click.

Accessibility review: why an action was not possible, "Saved as ...", "New in the codex ..." were
shown for four seconds and could not be read again.
"""

from __future__ import annotations

import pygame


def test_a_message_stays_until_a_key_after_its_four_seconds(make_app, press):
    from game.ui.app import TOAST_MS
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    app.toast("Not possible now: a test message.")
    app.clock.now += 10 * TOAST_MS  # a long while with no key pressed
    app.pump()
    assert app.toast_text == "Not possible now: a test message."
    press(app, pygame.K_DOWN)  # the player moves on: the message has been seen
    app.pump()
    assert app.toast_text == ""


def test_a_key_within_the_first_seconds_does_not_cut_the_message_short(make_app, press):
    from game.ui.app import TOAST_MS
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    app.toast("Saved as 'one'.")
    press(app, pygame.K_DOWN)
    app.pump()
    assert app.toast_text == "Saved as 'one'."  # pressed at once: still shown
    app.clock.now += TOAST_MS
    app.pump()
    assert app.toast_text == ""  # its time is up and a key has come since
