"""Input fixes from a QA pass of the window: clicks, typing, scrolling, Esc, full screen, toasts."""

from __future__ import annotations

import pygame


def test_a_text_that_fits_does_not_scroll_and_a_long_one_stops_at_its_last_line(make_app, press):
    from game.ui.settings import Settings
    from game.ui.text import BODY

    app = make_app(size=(1024, 768), settings=Settings(text_size=1.45))
    app.pump()
    press(app, pygame.K_c)  # the codex
    codex = app.top
    assert codex.name == "codex"
    press(app, pygame.K_TAB)  # to the entry's text
    pane = codex.pane
    assert pane.height_needed(app.ink) <= pane.rect.height  # the first entry fits
    for key in (pygame.K_PAGEDOWN, pygame.K_DOWN, pygame.K_END):
        press(app, key)
        assert pane.offset == 0, key  # QA: it moved away, leaving its last line at the top

    pane.paragraphs = lambda: [(BODY, f"Line {n}") for n in range(200)]
    app.dirty = True
    app.pump()
    for _ in range(40):
        press(app, pygame.K_PAGEDOWN)
    last = pane.offset
    assert 0 < last < 199
    press(app, pygame.K_DOWN)
    press(app, pygame.K_END)
    assert pane.offset == last  # the last line stays at the bottom of a full pane
    shown = sum(app.ink.height(BODY) for _ in range(200 - last))
    assert shown <= pane.rect.height - 4 < shown + app.ink.height(BODY)


def _click(app, pos):
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
    app.pump()


def _row_centre(widget, index):
    return next(rect.center for i, rect in widget._visible() if i == index)


def test_one_click_selects_a_row_and_a_second_click_on_it_acts(make_app):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.dialogs import DemandDialog

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.push(DemandDialog("first"))
    app.pump()
    dialog = app.top
    first = _row_centre(dialog.answers, 0)
    _click(app, first)  # QA: this one click answered with the highlighted first answer
    assert app.top is dialog and app.session.state.demands["first"].status == "pending"
    assert dialog.answers.selected == 0
    _click(app, first)  # the second click (or a double click) answers
    assert app.session.state.demands["first"].status != "pending"

    # the same on the crisis screen: the pre-selected council row is not taken by one click
    app.apply(Reset(CrisisScene()))
    app.pump()
    crisis = app.top
    rows = crisis.action_list
    points = len(app.session.state.log)
    target = next(i for i in range(1, rows.count()) if i != rows.selected)
    _click(app, _row_centre(rows, rows.selected))
    assert len(app.session.state.log) == points and app.top is crisis
    _click(app, _row_centre(rows, target))  # another row: selected, not taken
    assert rows.selected == target and len(app.session.state.log) == points
    # the keyboard moves the selection: the row clicked before must be clicked again twice
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_UP, mod=0, unicode=""))
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0, unicode=""))
    app.pump()
    assert rows.selected == target
    _click(app, _row_centre(rows, target))
    assert len(app.session.state.log) == points and app.top is crisis


def _to_save_field(app, press):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)  # "Save the game..."
    assert app.top.name == "save"
    return app.top


def test_the_frame_drawn_after_each_key_shows_the_name_as_typed(make_app, press):
    app = make_app()
    scene = _to_save_field(app, press)

    def field():
        return pygame.image.tobytes(app.screen.subsurface(scene.entry.rect), "RGB")

    keys = [pygame.event.Event(pygame.TEXTINPUT, text=c) for c in "_my save"]
    keys += [
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_BACKSPACE, mod=0, unicode="\b", scancode=0)
    ] * 3
    for event in keys:
        pygame.event.post(event)
        app.pump()
        shown = field()
        for _ in range(3):  # drawn again with nothing new: nothing may change
            app.dirty = True
            app.pump()
        assert field() == shown, f"the frame after {event} showed the text a key late"
    assert scene.text == "_my-s"  # typing replaced the offered name (test_save_slots)


def test_the_name_field_follows_the_text_size(make_app, press):
    from game.ui.settings import Settings

    sizes = {}
    for text_size in (1.0, 1.45):
        app = make_app(size=(800, 600), settings=Settings(text_size=text_size))
        scene = _to_save_field(app, press)
        sizes[text_size] = scene.font_px
        assert scene.font_px == app.theme.fonts.px("body")  # as the text around it
        assert scene.entry.rect.height >= scene.font_px + 12
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="x"))
        app.pump()
        app.resize((1280, 720))  # the text grows with the window: a new field keeps the name
        app.pump()
        assert scene.font_px == app.theme.fonts.px("body") and scene.text == "x"
    assert sizes[1.45] > sizes[1.0]


def _long(pane):
    from game.ui.text import BODY

    pane.paragraphs = lambda: [(BODY, f"Line {n}") for n in range(200)]


def test_the_briefing_and_the_ending_scroll_with_the_keys_their_hints_name(make_app, press, mini):
    from game.engine.actions import EndDay
    from game.engine.api import step
    from game.ui.scene import Reset
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.ending import DebriefScene, EndingScene
    from game.ui.session import Session

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(BriefingScene(first=True)))
    app.pump()
    briefing = app.top
    _long(briefing.pane)
    app.dirty = True
    app.pump()
    assert briefing.focused() is briefing.go  # the focus starts on "Begin the crisis"
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)
    assert briefing.pane.offset == 2  # QA: nothing moved until Tab
    press(app, pygame.K_PAGEDOWN)
    assert briefing.pane.offset > 2
    press(app, pygame.K_HOME)
    assert briefing.pane.offset == 0 and app.top is briefing

    state = app.session.state
    while not state.over:
        state = step(mini.scenario, state, EndDay()).state
    app.session = Session(mini, 7, state, 0, [])
    app.apply(Reset(EndingScene()))
    app.pump()
    ending = app.top
    _long(ending.pane)
    app.dirty = True
    app.pump()
    assert ending.focused() is ending.debrief
    press(app, pygame.K_DOWN)
    press(app, pygame.K_PAGEDOWN)
    assert ending.pane.offset > 1 and app.top is ending
    press(app, pygame.K_RETURN)  # Enter still opens the debrief
    debrief = app.top
    assert isinstance(debrief, DebriefScene)
    _long(debrief.pane)
    press(app, pygame.K_TAB)  # to "Save report"
    press(app, pygame.K_END)
    assert debrief.pane.offset > 0


def test_esc_on_the_title_screen_asks_before_quitting(make_app, press):
    app = make_app()
    app.pump()
    title = app.top
    press(app, pygame.K_ESCAPE)  # QA: a single Esc quit the game
    assert app.running and app.top.name == "quit"
    press(app, pygame.K_ESCAPE)  # stay
    assert app.running and app.top is title
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_n)
    assert app.running and app.top is title
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_y)
    assert not app.running

    app = make_app()
    app.pump()
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_RETURN)  # the focus starts on Quit
    assert not app.running

    app = make_app()  # the Quit button asks nothing
    app.pump()
    app.top.focus = len(app.top.widgets) - 1
    assert app.top.focused().label == "Quit"
    press(app, pygame.K_RETURN)
    assert not app.running

    app = make_app()  # nor does the window's close button
    app.pump()
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert not app.pump()


def test_full_screen_and_back_keeps_the_size_the_player_gave_the_window(make_app, press):
    app = make_app()
    app.pump()
    # the player drags the window to 1024x768: SDL resizes it and says so
    pygame.display.set_mode((1024, 768), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1024, 768), w=1024, h=768))
    app.pump()
    assert app.size == (1024, 768)
    press(app, pygame.K_F11)
    assert app.settings.fullscreen
    press(app, pygame.K_F11)
    assert not app.settings.fullscreen
    assert app.size == (1024, 768)  # QA: it came back at 1280x720


def _clear_of_buttons_and_hints(app):
    from game.ui.text import SMALL
    from game.ui.widgets import Button

    toast = app.toast_rect
    assert toast is not None
    for scene in app.visible_scenes():
        for widget in scene.widgets:
            if isinstance(widget, Button):
                assert not toast.colliderect(widget.rect), widget.label
    assert toast.bottom <= app.size[1] - app.ink.height(SMALL) - 4  # above the key hints


def test_toasts_cover_no_button_and_no_key_hint(make_app, press, mini, tmp_path):
    from game.engine.actions import EndDay
    from game.engine.api import step
    from game.ui.scene import Reset
    from game.ui.scenes.ending import DebriefScene, EndingScene
    from game.ui.session import Session
    from game.ui.settings import Settings

    for size in ((800, 600), (1920, 1080)):
        app = make_app(size=size, settings=Settings(text_size=1.45), player_name="Li Wei")
        app.report_folder = tmp_path / "a-long-folder-name-for-the-reports-of-the-class-of-1935"
        app.new_game(app.loaded, 7)
        state = app.session.state
        while not state.over:
            state = step(mini.scenario, state, EndDay()).state
        app.session = Session(mini, 7, state, 0, [])
        app.apply(Reset(EndingScene()))
        app.push(DebriefScene())
        app.pump()
        press(app, pygame.K_s)  # QA: "Report saved as ..." covered "Save report (S)"
        assert app.toast_text.startswith("Report saved")
        _clear_of_buttons_and_hints(app)

    app = make_app(size=(1024, 768))
    _to_save_field(app, press)
    press(app, pygame.K_RETURN)
    assert app.top.name == "crisis" and app.toast_text.startswith("Saved as")
    _clear_of_buttons_and_hints(app)  # QA: it covered "Menu (Esc)"


def test_the_load_screen_says_back_esc_and_writes_dates_as_the_game_does(make_app):
    from game.engine.actions import EndDay
    from game.ui.scene import Push, Reset
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.title import LoadScene, TitleScene

    records = []
    app = make_app(recorder=records)
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.act(EndDay())  # an autosave of day 2 to list
    app.apply(Reset(TitleScene()))
    app.apply(Push(LoadScene()))
    app.pump()
    assert app.top.back.label == "Back (Esc)"  # as on every other screen
    drawn = [b.text for b in records]
    date = app.session.state.date
    assert any(f"day 2, {date.day} {date:%B} {date.year}" in text for text in drawn), drawn
    assert not any(date.isoformat() in text for text in drawn)
    from game.ui.scenes.title import game_date

    assert game_date("1935-05-30") == "30 May 1935" and game_date("soon") == "soon"


def test_after_enter_or_a_change_of_state_one_click_only_selects_again(make_app):
    # review: click a row, press Enter (it acts), then one click on that row acted at once; and
    # after the state changed under a clicked row (a new demand on top), one click acted too
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.widgets import ListWidget

    acted: list[int] = []
    rows = ListWidget(
        count=lambda: 4,
        row_height=lambda i, w: 30,
        draw_row=lambda *a: None,
        activate=lambda index: acted.append(index),
    )
    rows.rect = pygame.Rect(0, 0, 200, 200)
    second = (100, 45)
    rows.click(second)
    rows.key(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode=""))
    assert acted == [1]
    rows.click(second)
    assert acted == [1]  # a first click again: it selects
    rows.click(second)
    assert acted == [1, 1]

    app = make_app()
    app.new_game(app.loaded, 7)
    crisis = CrisisScene()
    app.apply(Reset(crisis))
    app.pump()
    crisis.action_list.clicked = crisis.action_list.selected
    crisis.inbox.clicked = crisis.inbox.selected
    app.session.state = app.session.state.model_copy()  # a new state: the screen refreshes
    crisis.refresh(app)
    assert crisis.action_list.clicked is None and crisis.inbox.clicked is None


def test_a_double_click_that_closes_a_dialog_does_not_click_the_screen_below(make_app):
    # QA: double-clicking "Decide later" closed the demand and ended the day with the second press
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.dialogs import DemandDialog

    app = make_app()
    app.new_game(app.loaded, 7)
    crisis = CrisisScene()
    app.apply(Reset(crisis))
    app.pump()
    end_day = next(w for w in crisis.widgets if getattr(w, "label", "").startswith("End the day"))
    app.push(DemandDialog("first"))
    app.pump()
    dialog = app.top
    later = next(w for w in dialog.widgets if getattr(w, "label", "").startswith("Decide later"))
    later.rect = pygame.Rect(end_day.rect)  # the worst case: the very spot of End the day below
    day, log = app.session.state.day, len(app.session.state.log)
    _click(app, end_day.rect.center)
    assert app.top is crisis  # the dialog is closed...
    _click(app, end_day.rect.center)  # ...and the second press of the double click goes nowhere
    x, y = end_day.rect.center
    _click(app, (x + 12, y))  # nor the third of a shaky triple click (review: 5 px away, it acted)
    assert (app.session.state.day, len(app.session.state.log)) == (day, log)
    app.clock.now += 600  # a click of its own, later: action points are left, so it asks...
    _click(app, end_day.rect.center)
    assert len(app.session.state.log) == log and "action points" in app.toast_text
    app.clock.now += 600  # ...and the next click ends the day
    _click(app, end_day.rect.center)
    assert len(app.session.state.log) == log + 1


def test_a_double_click_acts_on_the_row_its_first_press_chose_though_the_rows_moved():
    # QA: choosing an answer opens it and shortens the others, so the second press of a double
    # click landed on another answer (and a third refused the ultimatum)
    from game.ui.widgets import ListWidget

    acted: list[int] = []
    rows = ListWidget(
        count=lambda: 5,
        row_height=lambda i, w: 30,
        draw_row=lambda *a: None,
        activate=lambda index: acted.append(index),
    )
    rows.rect = pygame.Rect(0, 100, 200, 400)
    third = next(rect.center for i, rect in rows._visible() if i == 2)
    rows.click(third)
    assert rows.selected == 2 and acted == []
    rows.rect.y = 40  # the dialog is laid out again for the answer chosen: the rows move up
    assert next(i for i, rect in rows._visible() if rect.collidepoint(third)) == 4
    rows.click(third, double=True)
    assert acted == [2]
    rows.click(third)  # not a double click: a first click on the row now there
    assert acted == [2] and rows.selected == 4


def test_the_save_dialog_and_the_quit_question_show_their_own_keys(make_app, press):
    # QA: under "Save as" the band still said the menu's "Esc resume"; under the quit question,
    # the title's "Esc quit" (Esc there stays)
    records: list = []
    app = make_app(recorder=records)
    _to_save_field(app, press)
    app.draw()
    hints = " ".join(b.text for b in records)
    assert "Enter save" in hints and "Esc resume" not in hints
    app.apply(__import__("game.ui.scene", fromlist=["Reset"]).Reset(_title_scene()))
    app.pump()
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "quit"
    app.draw()
    hints = " ".join(b.text for b in records)
    assert "N or Esc stay" in hints and "Esc quit" not in hints


def _title_scene():
    from game.ui.scenes.title import TitleScene

    return TitleScene()


def test_a_title_summary_cut_by_a_small_window_ends_with_an_ellipsis(make_app, monkeypatch):
    # QA: at 800x600 with 145% text the introduction stopped mid-sentence with no sign of more
    from game.ui.loading import TitleCard
    from game.ui.scenes.title import TitleScene
    from game.ui.settings import Settings

    summary = " ".join(f"Sentence {n} of a long introduction to the crisis." for n in range(40))
    card = TitleCard("mini", "Mini crisis", "", summary)
    monkeypatch.setattr(TitleScene, "card", lambda self, app: card)
    records: list = []
    app = make_app(size=(800, 600), recorder=records, settings=Settings(text_size=1.45))
    app.draw()
    shown = [b.text for b in records if b.text.startswith("Sentence") or "Sentence" in b.text]
    assert shown and shown[-1].endswith("\u2026")
    assert "Sentence 39" not in " ".join(shown)  # the end is indeed cut


def test_help_and_the_codex_do_not_open_over_the_quit_question(make_app, press):
    # QA round 2: C, F2 and F1 opened the codex or help over "Quit Hebei 1935?"
    app = make_app()
    app.pump()
    press(app, pygame.K_ESCAPE)
    question = app.top
    assert question.name == "quit"
    for key in (pygame.K_c, pygame.K_F2, pygame.K_F1):
        press(app, key)
        assert app.top is question
    press(app, pygame.K_n)
    assert app.top.name == "title"


def test_a_long_toast_narrows_to_stay_at_the_bottom_clear_of_the_header(make_app):
    # QA: "Saved as …" was too wide to sit beside the crisis screen's buttons, so it went to the
    # top and hid the date and the deadline
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.widgets import Button

    app = make_app(size=(800, 600))
    app.new_game(app.loaded, 7)
    crisis = CrisisScene()
    app.apply(Reset(crisis))
    app.pump()
    app.toast("Saved as qa1 (/root/.local/share/hebei1935/saves/qa1.json). Load it from the title.")
    app.draw()
    buttons = [w.rect for w in crisis.widgets if isinstance(w, Button)]
    assert app.toast_rect.collidelist(buttons) < 0
    assert app.toast_rect.top > app.size[1] // 2


def test_esc_on_the_first_briefing_goes_back_to_the_title(make_app, press):
    """Accessibility review: on the first briefing Esc did nothing and nothing led back to the
    title, so a game begun by mistake could only be played or quit."""
    import pygame

    from game.ui.scene import Reset
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.title import TitleScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(BriefingScene(first=True)))
    app.pump()
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScene)


def test_a_new_game_left_on_its_first_briefing_gives_continue_back_to_the_earlier_game(
    make_app, press, tmp_path
):
    """Play-test: after a game of two days, New game then Esc on the briefing made Continue take
    up the empty new game; the real one had been moved to "previous game"."""
    import pygame

    from game.engine.actions import EndDay, TakeAction
    from game.save_paths import autosave_path, previous_autosave_path
    from game.saves import read_save
    from game.ui.scene import Reset
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.title import TitleScene

    app = make_app()
    app.new_game(app.loaded, 7)
    app.act(TakeAction(action="talk"))
    app.act(EndDay())
    app.save_on_leaving()
    earlier = app.session.state
    app.new_game(app.loaded, 7)  # begun by mistake: the earlier game is kept aside
    folder = tmp_path / "saves"
    assert previous_autosave_path(folder, "mini").exists()
    app.apply(Reset(BriefingScene(first=True)))
    app.pump()
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScene)
    assert read_save(autosave_path(folder, "mini"), app.loaded).state == earlier
    assert not previous_autosave_path(folder, "mini").exists()
    assert "Your earlier game is back" in app.toast_text
