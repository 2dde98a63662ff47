"""A report is handed in: saving the report of a game started without --name asks the players'
names first, once (teacher's report review: "(no name given)", and a file name with a number
for a name). Any letters and spaces may be typed; Enter with none saves without."""

from __future__ import annotations

import pygame

from tests.ui.test_leave_unsaved_report import _debrief, names


def _type(app, text):
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    app.pump()


def test_the_names_typed_go_on_the_report_and_into_its_file_name(make_app, mini, press):
    app = _debrief(make_app, mini)
    press(app, pygame.K_s)
    assert names(app)[-1] == "report_names"
    _type(app, "Ana  and Bén")
    press(app, pygame.K_RETURN)
    assert names(app)[-1] == "debrief"
    debrief = app.top.debrief
    assert debrief.player_name == "Ana and Bén"
    (markdown,) = app.report_folder.glob("*.md")
    assert markdown.stem.endswith("-Ana-and-Bén")
    assert "- **Student:** Ana and Bén" in markdown.read_text(encoding="utf-8")
    press(app, pygame.K_s)  # saved again: no second question, the same file
    assert names(app)[-1] == "debrief" and len(list(app.report_folder.glob("*.md"))) == 1


def test_escape_goes_back_with_nothing_saved_and_enter_alone_saves_without_names(
    make_app, mini, press
):
    app = _debrief(make_app, mini)
    press(app, pygame.K_s)
    press(app, pygame.K_ESCAPE)
    assert names(app)[-1] == "debrief" and not list(app.report_folder.glob("*"))
    press(app, pygame.K_s)  # not asked yet: asked now
    assert names(app)[-1] == "report_names"
    press(app, pygame.K_RETURN)
    assert names(app)[-1] == "debrief" and len(list(app.report_folder.glob("*.md"))) == 1


def test_a_name_given_on_the_command_line_is_not_asked_again(make_app, mini, press):
    from game.ui.scene import Push, Reset
    from game.ui.scenes.ending import DebriefScene, EndingScene
    from tests.ui.test_debrief_window import _finished

    app = make_app(player_name="Li Wei")
    app.new_game(app.loaded, 7)
    _finished(app, mini)
    app.apply(Reset(EndingScene()))
    app.apply(Push(DebriefScene()))
    app.pump()
    press(app, pygame.K_s)
    assert names(app)[-1] == "debrief"
    assert [p.stem for p in app.report_folder.glob("*.md")][0].endswith("Li-Wei")


def test_leaving_with_save_asks_the_names_then_leaves(make_app, mini, press):
    app = _debrief(make_app, mini)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_s)  # "Save the report, then leave"
    assert names(app)[-1] == "report_names"
    _type(app, "Chen")
    press(app, pygame.K_RETURN)
    assert names(app) == ["title"]
    (markdown,) = app.report_folder.glob("*.md")
    assert markdown.stem.endswith("-Chen")


def test_chinese_names_are_kept_and_the_box_says_it_cannot_draw_them(make_app, mini, press):
    # review: 李伟 showed as two boxes in the field, with nothing said
    app = _debrief(make_app, mini)
    press(app, pygame.K_s)
    _type(app, "李伟")
    assert "show as boxes here; the report keeps them" in app.toast_text
    press(app, pygame.K_RETURN)
    assert app.top.debrief.player_name == "李伟"
