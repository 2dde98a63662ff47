"""A whole game from the title screen to the debrief, by posted key presses through the real loop."""

from __future__ import annotations

import pygame

from game.engine.actions import EndDay


def names(app):
    return [scene.name for scene in app.stack]


def test_keyboard_only_game_reaches_the_debrief(make_app, press):
    app = make_app()
    app.pump()
    assert names(app) == ["title"]
    press(app, pygame.K_RETURN)  # New game
    assert names(app) == ["briefing"]
    press(app, pygame.K_RETURN)  # Begin: the first demand is waiting
    assert names(app) == ["crisis", "demand"]
    press(app, pygame.K_3)  # refuse the first demand
    press(app, pygame.K_3)  # the same number again: done
    assert names(app)[:1] == ["crisis"] and "demand" not in names(app)
    assert app.session.state.demands["first"].answer == "refuse"
    press(app, pygame.K_RETURN)  # close "what followed"
    assert names(app) == ["crisis"]
    press(app, pygame.K_1)  # take the first action (talk)
    press(app, pygame.K_1)  # the same number again: done
    assert app.session.state.taken.get("talk") == 1
    press(app, pygame.K_RETURN)
    seen = set()
    for _ in range(60):
        top = names(app)[-1]
        seen.add(top)
        if top == "debrief":
            break
        if top == "crisis":
            press(app, pygame.K_e)
        elif top == "demand":
            press(app, pygame.K_1)  # accept what comes
            press(app, pygame.K_1)  # the same number again: done
        else:
            press(app, pygame.K_RETURN)
    assert names(app)[-1] == "debrief"
    assert {"day_summary", "ending"} <= seen
    assert app.session.state.over
    # the decisions made by key are in the state's log, in order
    kinds = [entry.kind for entry in app.session.state.log]
    assert kinds[:2] == ["respond", "action"] and "end_day" in kinds


def test_tab_moves_a_visible_focus_and_escape_backs_out(make_app, press):
    app = make_app()
    app.pump()
    title = app.top
    assert title.focus == 0
    press(app, pygame.K_TAB)
    assert title.focus == 1
    press(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert title.focus == 0
    press(app, pygame.K_F1)
    assert names(app) == ["title", "help"]
    press(app, pygame.K_ESCAPE)
    assert names(app) == ["title"]


def test_an_unavailable_action_says_why_and_changes_nothing(make_app, press):
    app = make_app()
    app.pump()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_ESCAPE)  # decide later
    assert names(app) == ["crisis"]
    press(app, pygame.K_2)  # prepare the army: costs 2 of 2
    press(app, pygame.K_2)  # the same number again: done
    press(app, pygame.K_RETURN)
    before = app.session.state
    press(app, pygame.K_1)  # no points left
    assert app.session.state is before
    assert "action point" in app.toast_text


def test_end_day_by_key_is_the_engine_end_day(make_app, press):
    app = make_app()
    app.pump()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_ESCAPE)
    day = app.session.state.day
    press(app, pygame.K_e)
    assert app.session.state.day == day and "not spent any of today's" in app.toast_text
    press(app, pygame.K_e)
    assert app.session.state.day == day + 1
    assert app.session.state.log[-1].kind == EndDay().kind
    assert names(app)[-1] in ("day_summary",)


def test_arrow_keys_move_the_focus_in_every_menu_of_buttons(make_app, press):
    from game.ui.scene import Push, Reset
    from game.ui.scenes.crash import CrashScene
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.menu import PauseScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.title import TitleScene

    app = make_app()
    app.new_game(app.loaded, 7)
    menus = {
        "title": [Reset(TitleScene())],
        "menu": [Reset(CrisisScene()), Push(PauseScene())],
        "settings": [Reset(TitleScene()), Push(SettingsScene())],
        "crash": [Reset(CrashScene("ValueError: x", app.save_folder / "crash.txt"))],
    }
    for name, commands in menus.items():
        app.apply(commands)
        app.pump()
        scene = app.stack[-1]
        assert scene.name == name
        scene.focus = 0
        press(app, pygame.K_DOWN)
        assert scene.focus == 1, name
        press(app, pygame.K_UP)
        assert scene.focus == 0, name


def test_an_enter_on_a_demand_that_has_just_opened_answers_nothing(make_app, press):
    app = make_app()
    app.pump()
    press(app, pygame.K_RETURN)  # New game
    press(app, pygame.K_RETURN)  # Begin: the first demand opens by itself
    assert names(app) == ["crisis", "demand"]
    press(app, pygame.K_RETURN)  # meant for a slip that was there a moment ago
    assert app.session.state.demands["first"].status == "pending"
    assert names(app) == ["crisis", "demand"]
    press(app, pygame.K_TAB)  # from the demand's text to its answers
    press(app, pygame.K_DOWN)  # shows the highlight, on the first answer
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)  # the second answer, chosen on purpose
    assert app.session.state.demands["first"].answer == "stall"


def test_a_notice_of_the_day_before_is_gone_at_dawn(make_app, press):
    """Play-test: "...needs 1 action point; 0 left today" was still shown on the new day."""
    app = make_app()
    app.pump()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_ESCAPE)  # decide later
    press(app, pygame.K_2)  # prepare the army: costs 2 of 2
    press(app, pygame.K_2)  # the same number again: done
    press(app, pygame.K_RETURN)
    press(app, pygame.K_1)  # no points left
    assert "action point" in app.toast_text
    press(app, pygame.K_e)
    press(app, pygame.K_RETURN)  # begin the new day, within the notice's seconds
    assert app.session.state.day == 2
    assert "action point" not in app.toast_text


def test_escape_on_the_ending_goes_to_the_title_as_its_hint_says(make_app, press):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    records: list = []
    app = make_app(recorder=records)
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    while not app.session.state.over:
        app.act(EndDay())
    app.pump()
    while names(app)[-1] != "ending":
        press(app, pygame.K_RETURN)  # what followed
    assert "Esc title screen" in " ".join(b.text for b in records)
    press(app, pygame.K_ESCAPE)  # asks first: the report is not saved (test_leave_unsaved_report)
    assert names(app)[-1] == "leave_report"
    press(app, pygame.K_y)
    assert names(app) == ["title"]


def test_a_number_first_shows_the_action_and_the_same_number_again_takes_it(make_app, press):
    """Play-test: numbers are given afresh each day, and a 9 pressed from the day before's
    memory moved the provincial seat at once. A number now chooses the action and shows it
    (the reading pane, and a notice saying what a second press does); the same number again,
    with no other key between, takes it."""
    app = make_app()
    app.pump()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_ESCAPE)  # decide later
    crisis = app.stack[-1]
    before = app.session.state
    press(app, pygame.K_1)
    assert app.session.state is before  # nothing taken
    assert crisis.focused() is crisis.action_list and crisis.reading == "council"
    assert crisis.reading_row()[1].id == "talk"
    assert "1. Talk to the envoy: press 1 again (or Enter) to take it." in app.toast_text
    press(app, pygame.K_2)  # another number: it is the one chosen now
    press(app, pygame.K_1)
    assert app.session.state is before
    press(app, pygame.K_1)
    assert app.session.state.taken == {"talk": 1}


def test_a_number_in_a_demand_first_opens_the_answer_and_again_gives_it(make_app, press):
    """Play-test: an Enter too many opened the ultimatum, and the digit meant for an action
    answered it at once; with large text, answers could be given unread."""
    app = make_app()
    app.pump()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # the first demand's dialog
    dialog = app.stack[-1]
    press(app, pygame.K_3)
    assert app.session.state.demands["first"].status == "pending"
    assert dialog.focused() is dialog.answers and dialog.answers.selected == 2
    assert "press 3 again (or Enter) to give this answer" in app.toast_text
    press(app, pygame.K_RETURN)  # Enter gives the answer chosen, as the notice says
    assert app.session.state.demands["first"].answer == "refuse"


def test_a_key_between_two_presses_of_a_number_disarms_it(make_app, press):
    """Code review: 1, ↓, 1 took action 1 (and gave answer 1) with the next row shown: the
    arrows are used by the list before the screen is asked, and did not disarm the number."""
    app = make_app()
    app.pump()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # the first demand's dialog
    dialog = app.stack[-1]
    press(app, pygame.K_1)
    press(app, pygame.K_DOWN)  # the next answer is open now
    press(app, pygame.K_1)  # chooses answer 1 again: gives nothing
    assert app.session.state.demands["first"].status == "pending"
    assert dialog.answers.selected == 0
    press(app, pygame.K_ESCAPE)  # decide later
    before = app.session.state
    press(app, pygame.K_1)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_1)
    assert app.session.state is before


def test_e_then_a_number_then_e_asks_again(make_app, press):
    """Code review: after 'Press E again', a number (which now only chooses) left E armed."""
    from game.engine.actions import Respond
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.act(Respond(demand="first", response="accept"))
    while app.top.name != "crisis":
        press(app, pygame.K_ESCAPE)
    press(app, pygame.K_e)  # no point spent: it asks
    assert "Press E again" in app.toast_text
    press(app, pygame.K_1)
    press(app, pygame.K_e)
    assert app.session.state.day == 1 and "Press E again" in app.toast_text


def test_a_number_on_an_answer_that_cannot_be_given_says_why_at_once(make_app, press):
    # code review: it invited a second press, which only then said why not
    from game.ui.scenes.dialogs import DemandDialog

    app = make_app()
    app.pump()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    dialog = app.stack[-1]
    assert isinstance(dialog, DemandDialog)
    row = dialog.demand.responses[0]
    object.__setattr__(row, "available", False)
    object.__setattr__(row, "reason", "It needs 1 action point; 0 left today.")
    press(app, pygame.K_1)
    assert app.toast_text == "It needs 1 action point; 0 left today."


def test_the_notice_of_a_number_goes_when_it_no_longer_holds(make_app, press):
    """Play-test: 'press 4 again (or Enter)' stayed after ↓ (Enter then gave the answer below),
    after Esc (it followed the player to the council) and over the slip after the choice."""
    app = make_app()
    app.pump()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # the first demand's dialog
    press(app, pygame.K_1)
    assert "press 1 again" in app.toast_text
    press(app, pygame.K_DOWN)
    assert "press 1 again" not in app.toast_text
    press(app, pygame.K_1)
    press(app, pygame.K_ESCAPE)  # decide later
    assert app.top.name == "crisis" and "again" not in app.toast_text
    press(app, pygame.K_1)
    press(app, pygame.K_1)  # talk: taken
    assert app.session.state.taken == {"talk": 1}
    assert "again" not in app.toast_text


def test_a_key_the_window_handles_itself_disarms_a_number(make_app, press):
    # play-test: 1, C (the codex), Esc, 1 took action 1; so did 1, F1, Esc, 1
    app = make_app()
    app.pump()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_ESCAPE)  # decide later
    before = app.session.state
    for key in (pygame.K_c, pygame.K_F1):
        press(app, pygame.K_1)
        press(app, key)
        assert app.top.name != "crisis"
        press(app, pygame.K_ESCAPE)
        assert app.top.name == "crisis"
        press(app, pygame.K_1)
        assert app.session.state is before, key
        press(app, pygame.K_a)  # (a key between: the next round starts afresh)
