"""Leaving the ending or the debrief before the report is saved asks first.

Teacher's play-test: one Esc on the debrief went to the title with the class's report unsaved,
and the next New game overwrote the finished game's autosave: the class's result was lost.
"""

from __future__ import annotations

import pygame

from tests.ui.test_debrief_window import _finished


def _debrief(make_app, mini):
    from game.ui.scene import Push, Reset
    from game.ui.scenes.ending import DebriefScene, EndingScene

    app = make_app()
    app.new_game(app.loaded, 7)
    _finished(app, mini)
    app.apply(Reset(EndingScene()))
    app.apply(Push(DebriefScene()))
    app.pump()
    return app


def names(app):
    return [scene.name for scene in app.stack]


def test_escape_on_an_unsaved_debrief_asks_and_escape_again_stays(make_app, mini, press):
    app = _debrief(make_app, mini)
    press(app, pygame.K_ESCAPE)
    assert names(app)[-1] == "leave_report"
    press(app, pygame.K_ESCAPE)
    assert names(app)[-1] == "debrief"


def test_y_leaves_without_the_report(make_app, mini, press):
    app = _debrief(make_app, mini)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_y)
    assert names(app) == ["title"]


def test_s_saves_the_report_then_leaves(make_app, mini, press):
    app = _debrief(make_app, mini)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_s)
    assert names(app)[-1] == "report_names"  # no --name: the names first (test_report_names)
    press(app, pygame.K_RETURN)
    assert names(app) == ["title"]
    assert sorted(p.suffix for p in app.report_folder.iterdir()) == [".html", ".md"]


def test_a_saved_report_lets_escape_leave_at_once(make_app, mini, press):
    app = _debrief(make_app, mini)
    press(app, pygame.K_s)
    press(app, pygame.K_RETURN)  # no names (test_report_names)
    press(app, pygame.K_ESCAPE)
    assert names(app) == ["title"]


def test_escape_on_the_ending_asks_too_and_enter_goes_to_the_debrief(make_app, mini, press):
    from game.ui.scene import Reset
    from game.ui.scenes.ending import EndingScene

    app = make_app()
    app.new_game(app.loaded, 7)
    _finished(app, mini)
    app.apply(Reset(EndingScene()))
    app.pump()
    press(app, pygame.K_ESCAPE)
    assert names(app)[-1] == "leave_report"
    press(app, pygame.K_RETURN)  # the safe default: the debrief, where the report is saved
    assert names(app)[-1] == "debrief"


def test_n_and_p_jump_between_the_debriefs_sections(make_app, mini, press):
    """Teacher's play-test: on a projector it took 13 Page Downs to reach the disputes and 15 to
    the questions for discussion. N goes to the next section's heading, P to the previous one."""
    from game.ui.scenes.ending import HEAD

    app = _debrief(make_app, mini)
    debrief = app.top
    pane = debrief.pane
    lines = pane.lines(app.ink)
    headings = [i for i, (style, text) in enumerate(lines) if style == HEAD and text]
    assert len(headings) >= 3 and headings[0] > 0  # the game's facts come first
    press(app, pygame.K_n)
    assert pane.offset == headings[0]
    press(app, pygame.K_n)
    assert pane.offset == min(headings[1], pane.max_offset)
    press(app, pygame.K_p)
    assert pane.offset == headings[0]
    press(app, pygame.K_p)
    assert pane.offset == 0


def test_neither_help_nor_the_codex_opens_over_the_question(make_app, mini, press):
    # docs audit: F1 and C opened over this question (and over 'Replace it?') though the rule is
    # that a yes-or-no question waits for its answer, as the title's quit question does
    app = _debrief(make_app, mini)
    press(app, pygame.K_ESCAPE)
    for key in (pygame.K_F1, pygame.K_F2, pygame.K_c):
        press(app, key)
        assert names(app)[-1] == "leave_report"


def test_the_windows_report_says_it_was_made_by_playing_in_the_window(make_app, mini):
    # teacher's report review: a report did not say how it was made (a replay looked the same)
    debrief = _debrief(make_app, mini).top.debrief
    assert debrief.made_by == "playing in the window" and not debrief.replay
