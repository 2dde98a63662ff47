"""Named save slots in the window: type a name, Enter saves it; the saved game loads back."""

from __future__ import annotations

import pygame


def test_type_a_name_and_save(make_app, press, tmp_path):
    from game.saves import read_save, slot_path
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    press(app, pygame.K_ESCAPE)  # the in-game menu
    assert app.stack[-1].name == "menu"
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)  # "Save the game..."
    assert app.stack[-1].name == "save"
    assert app.stack[-1].text == "mini-day1"  # a name is offered
    for _ in range(20):
        press(app, pygame.K_BACKSPACE)
    for letter in "before-c!":  # 'c' is text here, not the codex; '!' is not allowed in a name
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=letter))
        app.pump()
    assert app.stack[-1].text == "before-c"
    press(app, pygame.K_RETURN)
    assert app.stack[-1].name == "crisis"
    saved = read_save(slot_path(app.save_folder, "before-c"), app.loaded)
    assert saved.state == app.session.state
