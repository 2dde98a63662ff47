"""Classroom options in the window: a council clock per day, lesson days, the student's name."""

from __future__ import annotations


def start(app):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()


def test_time_limit_ends_the_council(make_app):
    app = make_app(time_limit=1)
    start(app)
    assert app.session.state.day == 1
    assert app.council_seconds_left() == 60
    app.clock.now += 30_000
    app.pump()
    assert app.council_seconds_left() == 30
    app.clock.now += 31_000
    app.pump()
    assert app.session.state.day == 2
    assert "Time is up: the council of day 1 ends." in app.toast_text
    app.pump()
    assert app.council_seconds_left() == 60  # a fresh clock for the new day


def test_the_council_lasts_its_whole_time_and_not_a_second_less(make_app):
    """Real-clock check: a 3-second limit ended councils after about 2 s, since the seconds left
    were rounded down and the council ended when they read 0."""
    app = make_app(time_limit=1)
    start(app)
    app.clock.now += 500
    app.pump()
    assert app.council_seconds_left() == 60  # as a countdown shows it: 1:00 until a second is gone
    app.clock.now += 59_000  # 59.5 s spent
    app.pump()
    assert (app.session.state.day, app.council_seconds_left()) == (1, 1)
    app.clock.now += 500
    app.pump()
    assert app.session.state.day == 2


def test_lesson_days_hurry_the_game_to_its_ending(make_app):
    from game.engine.actions import EndDay, Respond

    app = make_app(lesson_days=1, player_name="Li Wei")
    start(app)
    app.act(Respond(demand="first", response="accept"))
    app.act(EndDay())
    app.pump()
    # Day 2 passes without a council; day 3 brings the ultimatum, and its council is held.
    state = app.session.state
    assert (state.day, state.over) == (3, False)
    assert state.demands["ultimatum"].status == "pending"
    assert "but 'Ultimatum' came today, so the council of day 3 is held" in app.toast_text
    # what the passed day brought is shown as a night's summary; closing it opens the demand
    assert [scene.name for scene in app.stack] == ["crisis", "day_summary"]
    news = " ".join(text for _, text in app.stack[-1].paragraphs())
    assert "Ultimatum" in news
    app.apply(app.stack[-1].close(app))
    assert [scene.name for scene in app.stack] == ["crisis", "demand"]
    app.pump()
    assert app.session.state.day == 3  # held until the players end the day
    app.act(Respond(demand="ultimatum", response="accept"))
    app.pump()
    assert app.session.state.day == 3  # answering does not end the day for them
    app.act(EndDay())
    app.pump()
    assert app.session.state.over
    # the players ended the day: its night's summary comes first if the night brought anything
    # but the ending (tests/ui/test_last_night.py), then the ending
    if app.stack[-1].name == "day_summary":
        assert app.stack[-1].final
        app.apply(app.stack[-1].close(app))
        app.pump()
    assert app.stack[-1].name == "ending"
    from game.ui.scene import Push
    from game.ui.scenes.ending import DebriefScene

    app.apply(Push(DebriefScene()))
    app.pump()
    assert app.stack[-1].debrief.player_name == "Li Wei"
    # the window's debrief, like the reports, says day 2 was passed, and does not count it
    assert [day.council for day in app.stack[-1].debrief.days] == ["held", "passed", "held"]
    text = "\n".join(line for _, line in app.stack[-1].paragraphs())
    assert "Lesson mode: day 2 passed without a council." in text
    assert "No council: lesson mode passed this day." in text


def test_lesson_days_put_a_demand_left_open_to_the_players(make_app):
    from game.engine.actions import EndDay

    app = make_app(lesson_days=1)
    start(app)
    app.act(EndDay())  # the first demand is left open; its deadline is day 2
    app.pump()
    state = app.session.state
    assert (state.day, state.demands["first"].status) == (2, "pending")
    # no day was passed: the players' own night's summary stays, unread, on top
    assert [scene.name for scene in app.stack] == ["crisis", "day_summary"]
    app.act(EndDay())  # left open again: it runs out at the next dawn, which brings the ultimatum
    app.pump()
    state = app.session.state
    assert state.day == 3 and state.demands["first"].status == "expired"
    assert state.demands["ultimatum"].status == "pending"


def _tutorial_answered_with_two_lesson_days(make_app):
    """The tutorial with two lesson days: day 1 ended, its one demand (day 2) answered and day 2
    ended; after it nothing awaits an answer, so lesson mode passes the rest. (app, loaded)"""
    from pathlib import Path

    from game.engine.actions import EndDay, Respond
    from game.engine.api import legal_actions
    from game.scenario.load import load_scenario
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    tutorial = load_scenario(Path(__file__).parents[2] / "scenarios" / "tutorial.yaml")
    app = make_app(lesson_days=2)
    app.new_game(tutorial, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    app.act(EndDay())
    answers = legal_actions(tutorial.scenario, app.session.state)
    app.act(next(a for a in answers if isinstance(a, Respond)))
    app.act(EndDay())
    app.pump()
    return app, tutorial


def test_lesson_days_pass_to_the_ending_when_nothing_awaits_an_answer(make_app):
    app, tutorial = _tutorial_answered_with_two_lesson_days(make_app)
    assert app.session.state.over
    calendar = tutorial.scenario.calendar
    assert app.session.state.date == calendar.end  # every day after the second passed
    assert "Lesson mode: 2 days played; the rest of the crisis ran its course." in app.toast_text
    assert app.stack[-1].name == "day_summary" and app.stack[-1].final  # the nights first
    app.apply(app.stack[-1].close(app))
    assert app.stack[-1].name == "ending"


def test_the_council_clock_stops_on_the_briefing_and_in_the_menu(make_app, press):
    import pygame

    from game.ui.scene import Push, Reset
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.crisis import CrisisScene

    app = make_app(time_limit=1)
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.apply(Push(BriefingScene()))  # a teacher keeps the briefing up for the class
    app.pump()
    app.clock.now += 600_000
    app.pump()
    assert app.session.state.day == 1 and app.council_seconds_left() == 60
    press(app, pygame.K_ESCAPE)  # the briefing closes: the council begins
    assert app.stack[-1].name == "crisis"
    app.clock.now += 20_000
    app.pump()
    assert app.council_seconds_left() == 40
    press(app, pygame.K_ESCAPE)  # the in-game menu pauses the game, and its clock
    assert app.stack[-1].name == "menu"
    app.clock.now += 300_000
    app.pump()
    assert app.session.state.day == 1 and app.council_seconds_left() == 40


def test_the_debrief_screen_says_where_you_left_history_without_doubled_words(make_app):
    from game.engine.actions import EndDay
    from game.ui.scene import Push
    from game.ui.scenes.ending import DebriefScene

    app = make_app()
    start(app)
    while not app.session.state.over:  # nothing done at all: every historical step is missed
        app.session.act(EndDay())
    app.apply(Push(DebriefScene()))
    app.pump()
    text = "\n".join(line for _, line in app.stack[-1].paragraphs())
    assert "WHERE YOU LEFT HISTORY" in text
    assert "Not done." in text or "Deadline." in text
    for doubled in ("you: You", "History: History"):
        assert doubled not in text


def test_each_groups_report_keeps_its_own_file(make_app):
    """A class plays one seed: the reports must not replace each other in a shared folder."""
    import pygame

    from game.engine.actions import EndDay
    from game.ui.scene import Push
    from game.ui.scenes.ending import DebriefScene

    saved = []
    for name in ("Li Wei", "Li Wei", ""):
        app = make_app(player_name=name)
        start(app)
        while not app.session.state.over:
            app.session.act(EndDay())
        app.apply(Push(DebriefScene()))
        app.pump()
        if not name:
            app.stack[-1].named("")  # asked for their names, the group left them out
        app.stack[-1].key(app, pygame.event.Event(pygame.KEYDOWN, key=pygame.K_s))
        app.stack[-1].key(app, pygame.event.Event(pygame.KEYDOWN, key=pygame.K_s))  # again: same
        saved.append(app.stack[-1].stem)
    assert saved == [
        "hebei1935-debrief-mini-seed7-Li-Wei",
        "hebei1935-debrief-mini-seed7-Li-Wei-2",
        "hebei1935-debrief-mini-seed7",
    ]
    folder = app.report_folder
    assert sorted(p.name for p in folder.glob("*.md")) == sorted(f"{s}.md" for s in saved)


def test_a_council_the_time_limit_ended_is_named_in_the_window_debrief(make_app):
    from game.engine.actions import EndDay
    from game.ui.scene import Push
    from game.ui.scenes.ending import DebriefScene

    app = make_app(time_limit=1)
    start(app)
    app.clock.now += 61_000  # day 1's council runs out
    app.pump()
    assert app.session.state.day == 2 and app.session.lesson.timed_out == [1]
    while not app.session.state.over:
        app.session.act(EndDay())
    app.apply(Push(DebriefScene()))
    app.pump()
    text = "\n".join(line for _, line in app.stack[-1].paragraphs())
    assert "Council time ran out: on day 1." in text and "The council's time ran out." in text


def test_a_resumed_lesson_game_keeps_the_days_it_passed(make_app, tmp_path):
    """The window's autosave keeps lesson mode's days, as the text version's saves do, so the
    debrief of a game resumed after a crash or a break still does not count them as missed."""
    from game.engine.actions import EndDay, Respond
    from game.saves import latest_autosave
    from game.ui.scenes.title import load_game_from

    app = make_app(lesson_days=1)
    start(app)
    app.act(Respond(demand="first", response="accept"))
    app.act(EndDay())
    app.pump()
    assert app.session.state.day == 3 and app.session.lesson.passed == [2]
    autosave = latest_autosave(tmp_path / "saves")
    assert autosave is not None
    again = make_app()
    load_game_from(again, autosave)
    assert again.session.state.day == 3 and again.session.lesson.passed == [2]


def test_a_game_resumed_in_a_held_council_goes_on_with_it(make_app, tmp_path):
    """A game left during a council lesson mode held (its demand answered) and resumed: the
    council goes on until the players end the day. (It was ended at once, and the report said
    its time ran out, with no time limit set: review.)"""
    from game.engine.actions import EndDay, Respond
    from game.saves import latest_autosave
    from game.ui.scenes.title import load_game_from

    app = make_app(lesson_days=1)
    start(app)
    app.act(EndDay())  # the first demand left open: day 2's council is held for it
    app.pump()
    assert app.session.state.day == 2
    app.act(Respond(demand="first", response="accept"))
    app.save_on_leaving()
    again = make_app(lesson_days=1)
    load_game_from(again, latest_autosave(tmp_path / "saves"))
    again.pump()
    assert again.session.state.day == 2 and again.session.lesson.held == 2
    assert (again.session.lesson.passed, again.session.lesson.timed_out) == ([], [])


def test_the_window_keeps_the_players_name_in_its_saves(make_app, tmp_path):
    """Review: a window game resumed with --load alone, or from the title screen, lost the name
    its report is saved under."""
    from game.saves import latest_autosave
    from game.ui.scenes.title import load_game_from

    app = make_app(player_name="Ana and Ben")
    start(app)
    autosave = latest_autosave(tmp_path / "saves")
    assert autosave is not None
    again = make_app()  # no --name
    load_game_from(again, autosave)
    assert again.player_name == "Ana and Ben" and again.session.player_name == "Ana and Ben"
    named = make_app(player_name="Chen")  # --name given again wins
    load_game_from(named, autosave)
    assert named.player_name == "Chen"


def test_a_practice_take_back_to_a_passed_day_lets_the_players_play_it(make_app):
    import pygame

    from game.engine.actions import EndDay, Respond

    app = make_app(lesson_days=1, practice=True)
    start(app)
    app.act(Respond(demand="first", response="accept"))
    app.act(EndDay())
    app.pump()
    assert app.session.state.day == 3 and app.session.lesson.passed == [2]
    while app.stack[-1].name != "crisis":
        app.stack.pop()
    # U: one step back, to day 2's council before its passing
    app.stack[-1].key(app, pygame.event.Event(pygame.KEYDOWN, key=pygame.K_u, mod=0))
    assert app.session.state.day == 2 and app.session.lesson.passed == []
    app.pump()  # lesson mode does not pass the day again at once
    assert app.session.state.day == 2


def test_a_day_taken_back_to_in_one_game_is_not_held_in_the_next(make_app):
    """The day a practice take-back went to was kept by the window, not by the game: in the next
    game started in the same window, that day's council was held although nothing awaited an
    answer (the text version, one game per run, passed it)."""
    import pygame

    from game.engine.actions import EndDay, Respond

    app = make_app(lesson_days=1, practice=True)
    start(app)
    app.act(Respond(demand="first", response="accept"))
    app.act(EndDay())
    app.pump()
    while app.stack[-1].name != "crisis":
        app.stack.pop()
    app.stack[-1].key(app, pygame.event.Event(pygame.KEYDOWN, key=pygame.K_u, mod=0))
    assert app.session.state.day == 2  # day 2 is played again in this game
    start(app)  # the next group's game, in the same window
    app.act(Respond(demand="first", response="accept"))
    app.act(EndDay())
    app.pump()
    assert app.session.state.day == 3 and app.session.lesson.passed == [2]


def test_the_council_clock_is_redrawn_each_second_with_reduced_motion(make_app):
    """Play-test: with reduced motion on, the clock showed 0:35 while 0:20 was left; nothing was
    redrawn until a key was pressed. Reduced motion stops the blinking, not the clock."""
    from game.ui.settings import Settings

    records: list = []
    app = make_app(time_limit=1, settings=Settings(reduced_motion=True), recorder=records)
    start(app)
    app.pump()
    frames = app.frames
    for seconds in (1, 2, 3):
        app.clock.now += 1_000
        app.pump()
        assert app.frames == frames + seconds
        assert f"Council time left 0:{60 - seconds:02d}" in " ".join(b.text for b in records)
    app.pump()
    assert app.frames == frames + 3  # and nothing more while the second lasts


def test_the_council_clock_stops_in_the_codex(make_app, press):
    """Play-test: the codex shows no clock, and the day ended while it was being read."""
    import pygame

    app = make_app(time_limit=1)
    start(app)
    app.clock.now += 10_000
    app.pump()
    press(app, pygame.K_c)
    assert app.stack[-1].name == "codex"
    app.clock.now += 65_000
    app.pump()
    assert app.session.state.day == 1 and app.council_seconds_left() == 50


def test_a_new_days_clock_starts_when_the_night_is_closed(make_app, press):
    """The night's summary does not count against the new day (play-test: 0:40 left before
    "Begin the new day" was pressed); a demand's dialog in council does: answering is council work."""
    import pygame

    app = make_app(time_limit=1)
    start(app)
    press(app, pygame.K_RETURN)  # the first demand's row: its dialog
    assert app.stack[-1].name == "demand"
    app.clock.now += 10_000
    app.pump()
    assert app.council_seconds_left() == 50
    press(app, pygame.K_1)  # accept
    press(app, pygame.K_1)  # the same number again: done
    press(app, pygame.K_RETURN)  # what followed
    press(app, pygame.K_e)  # points are left: it asks
    press(app, pygame.K_e)
    assert [scene.name for scene in app.stack] == ["crisis", "day_summary"]
    app.clock.now += 20_000
    app.pump()
    assert app.session.state.day == 2 and app.council_seconds_left() == 60
    press(app, pygame.K_RETURN)  # begin the new day
    assert [scene.name for scene in app.stack] == ["crisis"]
    app.clock.now += 10_000
    app.pump()
    assert app.council_seconds_left() == 50


def test_the_council_clock_turns_urgent_in_its_last_seconds(make_app):
    records: list = []
    app = make_app(time_limit=1, recorder=records)
    start(app)
    theme = app.theme

    def clock_colour():
        blit = next(b for b in records if b.text.startswith("Council time left"))
        return tuple(app.screen.get_at((blit.rect.x - 3, blit.rect.centery)))[:3]

    app.clock.now += 29_000
    app.pump()
    assert clock_colour() != theme.c("urgent")
    app.clock.now += 1_000  # 0:30 left
    app.pump()
    assert clock_colour() == theme.c("urgent")


def test_lesson_days_passed_keep_the_players_own_night_in_the_summary(make_app):
    """Teacher's play-test: the class ended day 1; lesson mode passed day 2 and replaced the
    class's own night's summary (what their day did) with one of day 2's night only, and nothing
    said day 2 was passed. The summary now runs from the class's council to the held one."""
    from game.engine.actions import EndDay, Respond

    app = make_app(lesson_days=1)
    start(app)
    app.act(Respond(demand="first", response="accept"))
    council = app.session.state  # the class's council, after their answer
    app.act(EndDay())
    app.pump()
    assert app.session.state.day == 3
    summary = app.stack[-1]
    assert summary.name == "day_summary"
    assert summary.before is council  # from the class's own council on
    text = " ".join(line for _, line in summary.paragraphs())
    assert summary.banner.startswith("Night falls on 1 June 1935")
    assert "Lesson mode: 2 June 1935 passed without a council." in text


def test_lesson_days_that_run_to_the_ending_show_the_last_night_first(make_app):
    """Teacher's play-test: when lesson mode passed the days to the ending, the class never saw
    what its last council's night brought; the summary comes first, then the ending."""
    app, _ = _tutorial_answered_with_two_lesson_days(make_app)
    assert app.session.state.over
    summary = app.stack[-1]
    assert summary.name == "day_summary" and summary.final
    assert summary.before.day == 2
    text = " ".join(line for _, line in summary.paragraphs())
    assert "passed without a council" in text
    app.apply(summary.close(app))
    app.pump()
    assert app.stack[-1].name == "ending"


def test_the_council_clock_is_also_beside_the_action_points_at_body_size(make_app):
    """Teacher's play-test: the countdown was only in the small grey line of key hints, which the
    back row could not read; it is also beside the day's action points, in bold body type."""
    records: list = []
    app = make_app(time_limit=2, recorder=records)
    start(app)
    app.clock.now += 15_000
    app.dirty = True
    records.clear()
    app.pump()
    from game.ui.text import BOLD, SMALL

    shown = [block for block in records if block.text == "Council time: 1:45 left"]
    assert shown and shown[0].rect.height >= app.ink.height(BOLD) > app.ink.height(SMALL)


def test_a_practice_game_says_so_and_names_its_take_back_keys(make_app):
    """Teacher's play-test: nothing on the crisis screen told a practice game from another, nor
    said how to take a step back (only the F1 help did)."""
    records: list = []
    app = make_app(practice=True, recorder=records)
    start(app)
    app.dirty = True
    records.clear()
    app.pump()
    drawn = " ".join(block.text for block in records)
    assert "Practice game" in drawn
    assert "U take back" in drawn


def test_the_briefing_confirms_the_classroom_options(make_app):
    """Teacher's play-test: nothing on screen confirmed the options the lesson was started with
    (the students' name, the council's time, lesson mode, practice) until the debrief."""
    from game.ui.scenes.briefing import BriefingScene

    app = make_app(time_limit=2, lesson_days=10, player_name="Class 9B", practice=True)
    app.new_game(app.loaded, 7)
    scene = BriefingScene(first=True)
    app.push(scene)
    app.pump()
    text = [line for _, line in scene.paragraphs()]
    assert "THIS GAME" in text
    assert "Played by: Class 9B" in text
    assert "Council time: 2 minutes a day" in text
    assert any(line.startswith("Lesson mode: 10 days with a council") for line in text)
    assert any(line.startswith("Practice game: U takes back") for line in text)


def test_a_game_with_no_classroom_options_has_no_such_section(make_app):
    from game.ui.scenes.briefing import BriefingScene

    app = make_app()
    app.new_game(app.loaded, 7)
    scene = BriefingScene(first=True)
    app.push(scene)
    app.pump()
    assert "THIS GAME" not in [line for _, line in scene.paragraphs()]


def test_a_deadline_that_ran_out_is_named_once_in_the_nights_summary(make_app):
    """Student play-test: the night's summary read "Deadline passed: Deadline passed: The four
    demands", its kind before a title that already says it."""
    from game.engine.actions import EndDay

    app = make_app()
    start(app)
    app.act(EndDay())
    app.act(EndDay())  # the first demand, left open, runs out at this dawn
    summary = app.stack[-1]
    assert summary.name == "day_summary"
    lines = [line for _, line in summary.paragraphs()]
    assert any(line.startswith("Deadline passed: First demand") for line in lines), lines
    assert not any("Deadline passed: Deadline passed" in line for line in lines)


def test_a_council_saved_in_the_middle_goes_on_with_the_time_it_had_left(make_app, tmp_path):
    """Its clock started again in full (classroom guide): a group that left and came back had
    its minute back."""
    from game.engine.actions import EndDay
    from game.saves import latest_autosave, read_save
    from game.ui.scenes.title import load_game_from

    app = make_app(time_limit=1)
    start(app)
    app.clock.now += 20_000
    app.pump()
    assert app.council_seconds_left() == 40
    app.save_on_leaving()
    autosave = latest_autosave(tmp_path / "saves")
    notes = read_save(autosave, app.loaded).session
    assert notes is not None and (notes.council_day, notes.council_seconds) == (1, 20)
    again = make_app(time_limit=1)
    load_game_from(again, autosave)
    again.pump()
    assert again.session.state.day == 1 and again.council_seconds_left() == 40
    again.act(EndDay())
    again.pump()
    assert again.session.state.day == 2 and again.council_seconds_left() == 60  # the next, in full


def test_a_resumed_councils_time_is_not_charged_to_a_later_day(make_app, tmp_path):
    """Review: resumed with lesson mode letting the saved day pass, the next held council
    inherited the saved seconds (50 of its 60)."""
    from game.engine.actions import EndDay
    from game.engine.api import new_game, step
    from game.saves import SessionNotes, make_save, write_save
    from game.scenario.load import load_scenario
    from game.ui.scenes.title import load_game_from
    from tests.conftest import ROOT

    chahar = load_scenario(ROOT / "scenarios" / "chahar_1935.yaml")
    state = new_game(chahar.scenario, 7).state
    while state.day < 5:
        state = step(chahar.scenario, state, EndDay()).state
    notes = SessionNotes(council_day=5, council_seconds=50)
    path = write_save(tmp_path / "s.json", make_save(chahar, state, slot="x", session=notes))
    app = make_app(loaded=chahar, time_limit=1, lesson_days=1)
    app.apply(load_game_from(app, path))
    app.pump()
    assert app.session.state.day > 5 and app.council_seconds_left() == 60
