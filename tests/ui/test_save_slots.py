"""Named save slots in the window: type a name, Enter saves it; the saved game loads back."""

from __future__ import annotations

from pathlib import Path

import pygame

ROOT = Path(__file__).resolve().parents[2]


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
    for letter in "before c!":  # 'c' is text here, not the codex; '!' is not allowed in a name
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=letter))
        app.pump()
    assert app.stack[-1].text == "before-c"  # a space becomes '-' (QA: it vanished)
    press(app, pygame.K_RETURN)
    assert app.stack[-1].name == "crisis"
    saved = read_save(slot_path(app.save_folder, "before-c"), app.loaded)
    assert saved.state == app.session.state


def test_the_load_screen_lists_every_scenarios_saves_and_opens_another_scenario(
    make_app, press, tmp_path
):
    from game.engine.api import new_game
    from game.saves import make_save, slot_path, write_save
    from game.scenario.load import load_scenario
    from game.ui.scene import Push, Reset
    from game.ui.scenes.title import LoadScene, TitleScene

    tutorial_path = ROOT / "scenarios" / "tutorial.yaml"
    tutorial = load_scenario(tutorial_path)
    app = make_app(scenario_paths=[tutorial_path], recorder=[])
    mini_state, _ = new_game(app.loaded.scenario, 7)
    tutorial_state, _ = new_game(tutorial.scenario, 3)
    folder = app.save_folder
    write_save(
        slot_path(folder, "mini-one"),
        make_save(app.loaded, mini_state, slot="mini-one", saved_at="2026-01-01T10:00:00"),
    )
    write_save(
        slot_path(folder, "tut-one"),
        make_save(tutorial, tutorial_state, slot="tut-one", saved_at="2026-01-02T10:00:00"),
    )
    records = app.recorder
    app.apply([Reset(TitleScene()), Push(LoadScene())])
    app.draw()
    shown = " ".join(b.text for b in records)
    assert "tut-one" in shown and "mini-one" in shown  # newest first, whatever the scenario
    assert tutorial.scenario.title in shown and app.loaded.scenario.title in shown
    press(app, pygame.K_RETURN)  # the list has the focus; its first row is the newest save
    assert app.stack[-1].name == "crisis"
    assert app.loaded.scenario.id == tutorial.scenario.id
    assert app.session.state == tutorial_state


def test_a_save_of_another_scenario_that_fails_to_open_leaves_the_current_scenario(
    make_app, press, tmp_path
):
    from game.engine.api import new_game
    from game.saves import make_save, slot_path, write_save
    from game.scenario.load import load_scenario
    from game.ui.scene import Push, Reset
    from game.ui.scenes.title import LoadScene, TitleScene

    tutorial_path = ROOT / "scenarios" / "tutorial.yaml"
    tutorial = load_scenario(tutorial_path)
    app = make_app(scenario_paths=[tutorial_path], recorder=[])
    mini_id = app.loaded.scenario.id
    state, _ = new_game(tutorial.scenario, 3)
    saved = write_save(
        slot_path(app.save_folder, "tut-one"),
        make_save(tutorial, state, slot="tut-one", saved_at="2026-01-02T10:00:00"),
    )
    app.apply([Reset(TitleScene()), Push(LoadScene())])
    app.draw()
    saved.unlink()  # gone between the listing and the choice
    press(app, pygame.K_RETURN)
    assert app.stack[-1].name == "load" and app.session is None
    assert app.loaded.scenario.id == mini_id  # not switched to a scenario whose save did not open


def test_the_shelf_loads_a_file_again_only_once_it_has_changed(tmp_path):
    import os

    from game.ui.shelf import ScenarioShelf, try_load

    path = tmp_path / "tut.yaml"
    path.write_bytes((ROOT / "scenarios" / "tutorial.yaml").read_bytes())
    loads = []
    shelf = ScenarioShelf(lambda p: loads.append(p) or try_load(p))
    first = shelf.by_id({"tutorial"}, [path], current=None)["tutorial"]
    assert shelf.by_id({"tutorial"}, [path], current=None)["tutorial"] is first
    assert len(loads) == 1
    text = path.read_text(encoding="utf-8").replace(
        first.scenario.title, "Edited Tutorial Title", 1
    )
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    again = shelf.by_id({"tutorial"}, [path], current=None)["tutorial"]
    assert len(loads) == 2 and again.scenario.title == "Edited Tutorial Title"
    path.write_text("not: [a scenario", encoding="utf-8")  # a broken file is not offered
    assert shelf.by_id({"tutorial"}, [path], current=None) == {}


def test_a_new_game_keeps_the_unfinished_one_and_says_so(make_app):
    from game.engine.actions import EndDay
    from game.saves import list_saves
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.act(EndDay())  # day 2 is autosaved
    app.pump()
    app.new_game(app.loaded, 8)  # a new game's first autosave would have replaced it
    app.apply(Reset(CrisisScene()))
    app.pump()
    assert "Your unfinished game from before is kept" in app.toast_text
    slots = {(save.slot, save.day) for save in list_saves(app.save_folder)[0]}
    assert ("previous game (autosave)", 2) in slots and ("autosave", 1) in slots


def test_a_practice_game_saved_and_loaded_is_still_a_practice_game(make_app):
    from game.engine.actions import EndDay
    from game.saves import autosave_path, read_save
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.title import load_game_from

    app = make_app(practice=True)
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.act(EndDay())
    path = autosave_path(app.save_folder, app.loaded.scenario.id)
    assert read_save(path, app.loaded).practice  # the report of a practice game says so
    app.session = None
    load_game_from(app, path)
    assert app.session.practice and app.session.state.day == 2


def test_the_load_screen_names_the_files_it_does_not_list(make_app, press):
    from game.engine.actions import EndDay
    from game.ui.scene import Push, Reset
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.title import LoadScene, TitleScene, when_saved

    records = []
    app = make_app(recorder=records)
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.act(EndDay())  # an autosave to list
    (app.save_folder / "broken.json").write_text('{"format": "hebei1935-save", "ver', "utf-8")
    app.apply(Reset(TitleScene()))
    app.apply(Push(LoadScene()))
    app.pump()
    drawn = " ".join(b.text for b in records)
    assert "autosave" in drawn
    assert "skipped broken.json" in drawn  # not silently left out
    assert when_saved("x") == "x"
    assert when_saved("2026-11-28T01:40:21") == "28 November 2026, 01:40"


def test_leaving_a_game_keeps_the_days_choices(make_app, press):
    from game.engine.actions import TakeAction
    from game.saves import autosave_path, read_save
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    for leave in ("menu", "window"):
        app = make_app()
        app.new_game(app.loaded, 7)
        app.apply(Reset(CrisisScene()))
        app.act(TakeAction(action="talk"))
        app.pump()
        if leave == "menu":
            while app.stack[-1].name != "crisis":
                press(app, pygame.K_ESCAPE)
            press(app, pygame.K_ESCAPE)  # the in-game menu
            assert app.stack[-1].name == "menu"
            for _ in range(5):  # down to its last button: Quit to the title screen
                press(app, pygame.K_DOWN)
            press(app, pygame.K_RETURN)
            assert app.stack[-1].name == "title"
        else:
            pygame.event.post(pygame.event.Event(pygame.QUIT))
            app.pump()
            assert not app.running
        saved = read_save(autosave_path(app.save_folder, "mini"), app.loaded)
        assert saved.state.taken == {"talk": 1}, leave


def test_a_finished_games_autosave_opens_on_its_ending(make_app):
    from game.engine.actions import EndDay
    from game.saves import autosave_path, read_save
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.title import load_game_from

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    while not app.session.state.over:
        app.session.act(EndDay())
    path = autosave_path(app.save_folder, "mini")
    assert read_save(path, app.loaded).state.over  # its last word: finished
    app.apply(load_game_from(app, path))
    assert app.stack[-1].name == "ending"


def test_the_key_hint_under_save_as_reads_on_the_shaded_screens(make_app, press):
    """Play-test: under Save as (over the menu, over the crisis screen) the band was shaded twice
    and its soft ink could hardly be seen."""
    import pygame

    from game.ui.theme import contrast

    records: list = []
    app = make_app(recorder=records)
    app.pump()
    press(app, pygame.K_RETURN)  # New game
    press(app, pygame.K_RETURN)  # begin
    press(app, pygame.K_ESCAPE)  # decide later
    press(app, pygame.K_ESCAPE)  # the menu
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)  # Save the game...
    assert app.stack[-1].name == "save"
    hint = next(b for b in records if b.text.startswith("Enter save"))
    behind = tuple(app.screen.get_at((hint.rect.right + 20, hint.rect.centery)))[:3]
    assert contrast(app.theme.c("ink_soft"), behind) >= 4.5


def test_the_title_does_not_offer_to_continue_a_finished_game(make_app):
    """Play-test: after a finished game the title offered "Continue (autosave)", which opened
    that game's ending; the Load screen calls the same save "(game over)"."""
    from game.engine.actions import EndDay
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.title import TitleScene

    def labels(app):
        return [widget.label for widget in app.stack[-1].widgets]

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    app.act(EndDay())  # the dawn's autosave: a game that goes on
    app.apply(Reset(TitleScene()))
    app.pump()
    assert "Continue (autosave)" in labels(app)
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    while not app.session.state.over:
        app.act(EndDay())
    app.session.autosave()
    app.apply(Reset(TitleScene()))
    app.pump()
    assert "Continue (autosave)" not in labels(app)
    assert "Load a saved game" in labels(app)  # where the finished game is, "(game over)"


def test_typing_replaces_the_offered_name(make_app, press):
    """Teacher's play-test: the offered name stayed when a name was typed, so 'lesson1' was saved
    as 'he_umezu_1935-day1lesson1'. The offered name is selected, as a file dialog does: typing
    replaces it, and an arrow key keeps it to edit."""
    from tests.ui.test_input_fixes import _to_save_field

    app = make_app()
    _to_save_field(app, press)
    assert app.stack[-1].text == "mini-day1"
    for letter in "lesson1":
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=letter))
        app.pump()
    assert app.stack[-1].text == "lesson1"
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_RETURN)  # Save again: the offered name, and this time kept
    press(app, pygame.K_END)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="b"))
    app.pump()
    assert app.stack[-1].text == "mini-day1b"


def test_a_resize_before_typing_keeps_the_offered_name_selected(make_app, press):
    """Review: the field made again in the new font (a resized window) lost the selection, and
    typing added to the offered name again."""
    from tests.ui.test_input_fixes import _to_save_field

    app = make_app(size=(800, 600))
    _to_save_field(app, press)
    app.resize((1280, 720))
    app.pump()
    for letter in "lesson1":
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=letter))
        app.pump()
    assert app.stack[-1].text == "lesson1"
