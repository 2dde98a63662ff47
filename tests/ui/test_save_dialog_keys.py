"""The Save-as dialog's keys: Enter and Space act on the button with the focus (Enter in the name
saves), and the name's field shows the focus ring when it has the focus."""

from __future__ import annotations

import pygame
import pytest


@pytest.fixture
def save_dialog(make_app, press):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    press(app, pygame.K_ESCAPE)  # the menu
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)  # Save the game...
    assert app.top.name == "save"
    return app


def focused_label(app) -> str | None:
    return getattr(app.top.focused(), "label", None)


def tab_to(app, press, label: str) -> None:
    for _ in range(4):
        if focused_label(app) == label:
            return
        press(app, pygame.K_TAB)
    raise AssertionError(f"Tab does not reach {label}")


@pytest.mark.parametrize("key", [pygame.K_RETURN, pygame.K_SPACE])
def test_enter_or_space_on_cancel_cancels(save_dialog, press, key):
    # review: Tab to Cancel, then Enter saved all the same; Space on Cancel did nothing
    app = save_dialog
    tab_to(app, press, "Cancel")
    press(app, key)
    assert [s.name for s in app.stack] == ["crisis", "menu"]
    assert not (app.save_folder / "mini-day1.json").exists()


@pytest.mark.parametrize("key", [pygame.K_RETURN, pygame.K_SPACE])
def test_enter_or_space_on_save_saves(save_dialog, press, key):
    app = save_dialog
    tab_to(app, press, "Save")
    press(app, key)
    assert [s.name for s in app.stack] == ["crisis"]
    assert (app.save_folder / "mini-day1.json").exists()


def test_enter_in_the_name_saves_and_a_space_there_is_typed(save_dialog, press):
    app = save_dialog
    press(app, pygame.K_END)  # the offered name, kept to edit (typing would replace it)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=" b"))
    app.pump()
    assert app.top.text == "mini-day1-b"  # in the field, Space is text
    press(app, pygame.K_RETURN)
    assert [s.name for s in app.stack] == ["crisis"]
    assert (app.save_folder / "mini-day1-b.json").exists()


def test_the_name_field_shows_the_focus_ring_and_types_only_with_the_focus(save_dialog, press):
    app = save_dialog
    dialog = app.top
    focus = app.theme.c("focus")
    field = dialog.entry.get_abs_rect()

    def ringed() -> bool:
        app.dirty = True
        app.pump()
        outside = field.inflate(2, 2)
        return tuple(app.screen.get_at((outside.centerx, outside.y)))[:3] == focus

    assert ringed()  # the focus starts in the name, ready to type
    press(app, pygame.K_TAB)
    assert not ringed() and focused_label(app) == "Save"
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="x"))
    app.pump()
    assert dialog.text == "mini-day1"  # typing does not go to a field without the focus
    press(app, pygame.K_UP)
    assert ringed()


def _another_game_in(app, slot: str) -> None:
    """A save of another game (another seed) already named `slot`."""
    from game.engine.api import new_game
    from game.saves import make_save, slot_path, write_save

    other = new_game(app.loaded.scenario, 99).state
    write_save(
        slot_path(app.save_folder, slot),
        make_save(app.loaded, other, slot=slot, saved_at="2024-05-01T10:00:00"),
    )


def test_saving_over_another_games_save_asks_first(save_dialog, press):
    # robustness review: a second game saved as 'mine' silently replaced the first game's save
    from game.saves import read_save, slot_path

    app = save_dialog
    _another_game_in(app, "mini-day1")
    press(app, pygame.K_RETURN)  # Enter in the name
    assert app.top.name == "replace"
    assert "already holds another game ('Mini crisis', seed 99" in app.top.note
    for key in (pygame.K_F1, pygame.K_F2):  # a yes-or-no question waits for its answer
        press(app, key)
        assert app.top.name == "replace"
    press(app, pygame.K_RETURN)  # Enter: the focus starts on "Keep it"
    assert app.top.name == "save"
    assert read_save(slot_path(app.save_folder, "mini-day1"), app.loaded).seed == 99
    press(app, pygame.K_RETURN)
    press(app, pygame.K_y)
    assert [s.name for s in app.stack] == ["crisis"]
    assert read_save(slot_path(app.save_folder, "mini-day1"), app.loaded).seed == 7


def test_saving_again_over_this_games_own_save_asks_nothing(save_dialog, press):
    app = save_dialog
    press(app, pygame.K_RETURN)
    press(app, pygame.K_ESCAPE)  # the menu again
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # the same name, the same game: saved at once
    assert [s.name for s in app.stack] == ["crisis"]


def test_n_at_the_replace_question_types_nothing_into_the_name(save_dialog, press):
    """Review: a real key press sends its key and then its text; N closed the question, and its
    'n' then landed in the name under it ("mini-day1n")."""
    app = save_dialog
    _another_game_in(app, "mini-day1")
    press(app, pygame.K_RETURN)
    assert app.top.name == "replace"
    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_n, mod=0, unicode="n", scancode=0)
    )
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="n"))
    app.pump()
    assert app.top.name == "save" and app.top.text == "mini-day1"
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="n"))  # typed now: it counts
    app.pump()
    assert app.top.text == "mini-day1n"
