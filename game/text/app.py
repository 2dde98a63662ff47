"""The text shell's loop: show the day, read a choice, hand it to the engine, show what happened.

It decides nothing about the game: the engine says what is possible and what follows. The shell
owns only the terminal, the wall clock (for the classroom time limit) and the classroom modes.

Example:
    >>> run_text(load_scenario("tests/fixtures/mini.yaml"), seed=3, input_stream=io.StringIO("E\\nE\\n"))
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from game.analysis.describe import describe_effects, stat_changes
from game.analysis.end_day import night_warning
from game.day_numbers import forget_after
from game.engine.actions import EndDay, ReleaseInject, Respond, TakeAction, action_key
from game.engine.api import new_game, step
from game.engine.dates import long_date
from game.engine.query import due_today, inject_mark, inject_waits
from game.engine.state import GameEvent, GameState
from game.engine.words import counted
from game.lesson import HELD_DAYS, LessonDays, decision_due, lesson_over, minutes, todays_council
from game.practice import UndoStack
from game.save_paths import report_stem
from game.saves import SessionNotes, notes_for_save, slot_name
from game.scenario.model import Scenario
from game.text import render
from game.text.cabinet import VoteRecord, decide, leaders, render_votes
from game.text.commands import End, Pick, Release, Show, Unknown, parse
from game.text.console import Console, EndOfInput, TimedOut, isatty
from game.text.menu import Entry, Menu, build_menu, resumed_numbers
from game.text.report import Debrief, DebriefUnavailable, build, report_text
from game.text.style import Style

Choice = TakeAction | Respond | EndDay
NOT_ENTERED = "Anything typed and not entered is not taken."


ReportWriter = Callable[[str, str], None]
"""(path, text) -> None; raises OSError when the file cannot be written. Supplied by the CLI,
because only the CLI, the saves and the loader touch the file system."""
ReportFolder = Callable[[], Path]
"""() -> the folder where a report goes when the player just presses Enter (the window's folder,
`game.save_paths.report_folder`), made if it is missing; raises OSError if it cannot be."""


def added_line(numbers: tuple[int, ...]) -> str:
    """The line before a list that gained choices during the day: which numbers are new."""
    joint = " and " if len(numbers) == 2 else " to "
    which = f"{numbers[0]}" if len(numbers) == 1 else f"{numbers[0]}{joint}{numbers[-1]}"
    noun = "choice" if len(numbers) == 1 else "choices"
    return f"New {noun} now: {which}. Every other choice keeps its number."


class QuitGame(Exception):
    """The player chose to leave."""


class TakeBack(Exception):
    """Practice: the player takes back the last step (or the day); the choice being read is dropped."""

    def __init__(self, day: bool):
        self.day = day


class TimeUp(Exception):
    """The classroom time limit for today's council has run out."""

    def __init__(self, late: bool, typed: bool = False):
        self.late = late
        self.typed = typed  # something half typed was dropped
        self.votes = 0  # advisers who had voted when time ran out (a cabinet's council)


@dataclass(frozen=True)
class Classroom:
    """The classroom options of `play`."""

    player_name: str = ""
    time_limit: float | None = None  # minutes of council per day
    lesson_days: int | None = None  # days played in full before the rest pass quickly
    lesson_minutes: float | None = None  # or: minutes of play before the rest pass quickly
    cabinet: int = 1  # advisers voting on each decision (1: no vote)
    practice: bool = False  # a practice game: its debrief says so
    played_on: str = ""  # the date for a saved report (never printed, so transcripts stay the same)


def run_text(
    loaded: Any,
    *,
    seed: int,
    plain: bool = False,
    input_stream: TextIO | None = None,
    output_stream: TextIO | None = None,
    classroom: Classroom | None = None,
    write_report: ReportWriter | None = None,
    report_folder: ReportFolder | None = None,
    clock: Callable[[], float] = time.monotonic,
    colour: bool | None = None,
    state: GameState | None = None,
    on_dawn: Callable[[GameState], str] | None = None,
    save_slot: Callable[[GameState, str], str] | None = None,
    slot_holds: Callable[[GameState, str], str] | None = None,
    resume_hint: Callable[[], str] | None = None,
    session_notes: SessionNotes | None = None,
    keep_notes: Callable[[SessionNotes], None] | None = None,
) -> int:
    """Play one game in a terminal; returns the exit code (0, also at the end of input or on quitting).

    Args:
        loaded: a LoadedScenario (or a bare Scenario).
        seed: the seed of the hidden draw; shown at the start and the end.
        plain: no colour, no box drawing, no decoration (for screen readers).
        input_stream, output_stream: default to sys.stdin and sys.stdout.
        classroom: name, time limit, lesson mode and cabinet voting.
        write_report: how to save a report; without it, saving is not offered.
        report_folder: where Enter at the report's name saves it (as .md and .html, under the
            window's name for it); without it a name must be typed.
        clock: seconds, for the time limit (injected by tests).
        colour: force colour on or off; by default only on a terminal, never with plain or NO_COLOR.
        state: a game to resume (e.g. from a save) instead of a new one.
        on_dawn: called with the state at the start of each day, and when the game stops
            before its end (to autosave); returns a line to show the player, or "".
        save_slot: saves the game under a name and returns a line to show (`w NAME`).
        slot_holds: before `save_slot`, what another game the name's save holds, in a few words
            ("" if none, or if it is an earlier save of this game): the player is asked first.
        resume_hint: when the game stops before its end, a line saying how to take it up again
            ("" if there is nothing to resume).
        session_notes: what a resumed game's save kept beside its state (the days lesson mode
            passed, the councils that ran out of time), for the report.
        keep_notes: called with those notes as they stand before each save (`on_dawn`,
            `save_slot`), so that the shell's saves can keep them.
    """
    scenario = getattr(loaded, "scenario", loaded)
    if output_stream is None:
        output_stream = sys.stdout
        reconfigure = getattr(output_stream, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(
                errors="replace"
            )  # a terminal that cannot show "—" gets "?" rather than a crash
    if input_stream is None:
        input_stream = sys.stdin
    if colour is None:
        colour = isatty(output_stream) and "NO_COLOR" not in os.environ
    # --plain is for screen readers, which read by line: a sentence is never cut in two (the
    # terminal wraps it for the eye; accessibility review: "…how far his army means to go. —
    # Japanese pressure" and "−2, Yu Xuezhong's attitude −15" were read as two lines)
    width = UNWRAPPED if plain else _width(output_stream)
    style = Style(colour=colour and not plain, plain=plain, width=width)
    session = Session(
        scenario,
        seed,
        Console(input_stream, output_stream),
        style,
        classroom or Classroom(),
        clock,
        write_report,
    )
    session.on_dawn = on_dawn
    session.save_slot = save_slot
    session.slot_holds = slot_holds
    session.resume_hint = resume_hint
    session.keep_notes = keep_notes
    session.report_folder = report_folder
    if state is not None:
        # (a save without notes, as a plain game's is, still holds a council begun: a review
        # found it ended on resuming and told as cut short by the lesson's time)
        session.lesson = LessonDays.kept(session_notes, state)
    if session_notes is not None and state is not None:
        # a council saved in the middle goes on with the time it had left
        session.council_before = (state.day, session_notes.council_spent_on(state.day))
    return session.run(state)


def _titles(events: list[GameEvent]) -> str:
    """A day passed without a council, in one line: the deadlines that ran out, then the day's
    other events, then the stage it ended in, each told as what it is (the deadlines' titles
    once led a list that ran on through the day's news, as if all of it were deadlines)."""
    shown = [e for e in events if e.kind not in ("day", "ending", "rejected")]
    expired = [
        e.title.removeprefix("Deadline passed: ") for e in shown if e.kind == "demand_expired"
    ]
    stages = [e.title for e in shown if e.kind == "stage"]
    others = [e.title for e in shown if e.kind not in ("demand_expired", "stage")]
    parts = []
    if expired:
        parts.append(
            f"{'Deadline' if len(expired) == 1 else 'Deadlines'} passed: {'; '.join(expired)}."
        )
    if others:
        parts.append(f"The day's events: {'; '.join(others)}.")
    parts += [f"{title}." for title in stages]  # "Stage: Invasion."
    return "".join(f" {part}" for part in parts)


def _told(entry: Entry) -> tuple[str, str]:
    """What the full list tells of a choice beyond its line: its hint and its consequences."""
    return (entry.hint, entry.consequences)


def no_such_page(what: str, number: int, pages: int) -> str:
    """ "There is no log page 5: the log has pages 1 to 3", for the log and the codex alike (a
    number of ten digits or more is not repeated back)."""
    page = f"{what} page {number}" if number < 10**9 else f"such {what} page"
    has = f"pages 1 to {pages}" if pages > 1 else "one page so far"
    return f"There is no {page}: the {what} has {has}"


UNWRAPPED = 1_000_000  # columns: wider than any paragraph, so nothing is wrapped


def _width(stream: TextIO) -> int:
    # Fixed for pipes and files, so a transcript never depends on the terminal it was made in.
    if not isatty(stream):
        return 78
    import shutil

    return max(40, min(100, shutil.get_terminal_size((80, 24)).columns - 2))


class Session:
    """One game in the terminal."""

    def __init__(
        self,
        scenario: Scenario,
        seed: int,
        console: Console,
        style: Style,
        classroom: Classroom,
        clock: Callable[[], float],
        write_report: ReportWriter | None,
    ):
        self.scenario = scenario
        self.seed = seed
        self.console = console
        self.style = style
        self.classroom = classroom
        self.clock = clock
        # Each day's numbers for the choices (`menu`), by day, kept for practice take-backs.
        self.numbers: dict[int, dict[str, int]] = {}
        self.write_report = write_report
        self.votes: list[VoteRecord] = []
        self.day_started = 0.0
        self.clock_waits = False  # the day's council clock starts at its first prompt
        # (day, seconds) of that day's council spent before this game was resumed: counted only
        # if that very council opens (lesson mode may let the day pass first: review)
        self.council_before = (0, 0)
        self.council_clock_day = 0  # the day whose council clock `day_started` belongs to
        # the next list is the morning's (a new day, or a step taken back), not one after a step
        self.morning = True
        # what each choice's consequences said when last shown (its hint and consequences), by
        # key: the short list shows a choice with them only when the player has not read them
        self.told: dict[str, tuple[str, str]] = {}
        self.on_dawn: Callable[[GameState], str] | None = None
        self.state: GameState
        self.undo: UndoStack | None = None  # practice games only
        self.lesson_news: list[GameEvent] = []  # lesson mode: dawn items not yet named
        # lesson mode: the game as the last council left it, before the days it let pass
        self.last_council: GameState | None = None
        self.day_passed = False  # lesson mode: today came by passing a day (not yet shown)
        self.lesson_started = 0.0
        # for the report: the days lesson mode passed without a council, and the councils the
        # time limit ended (the state cannot tell either from a day the players ended themselves)
        self.lesson = LessonDays()
        self.save_slot: Callable[[GameState, str], str] | None = None
        self.slot_holds: Callable[[GameState, str], str] | None = None
        self.resume_hint: Callable[[], str] | None = None
        self.keep_notes: Callable[[SessionNotes], None] | None = None
        self.report_folder: ReportFolder | None = None
        self.report_default: Path | None = (
            None  # the name Enter saved the report under, once chosen
        )

    # --- the game ----------------------------------------------------------------------------
    def run(self, resume: GameState | None = None) -> int:
        self.console.show(render.intro(self.scenario, self.seed, self.style, self._settings()))
        if resume is None:
            self.state, events = new_game(self.scenario, self.seed)
            # saved before the first day's news, so that a note that another unfinished game was
            # kept aside comes here, not between the news and the first demand (play-test); the
            # first dawn then has nothing new to save
            self.autosave()
            self.saved_at_start = self.state
        else:
            # A resumed game opens on its current day; the day's inbox is in the log.
            self.state = resume
            if resume.over:  # a finished game: its ending and debrief, nothing to play
                self.console.show(["", "This game is finished: its ending and debrief follow."])
                self.finish()
                return 0
            events = [GameEvent(kind="day", date=resume.date, title=long_date(resume.date))]
            # the choices keep the numbers the player saw before the game was saved
            self.numbers[resume.day] = resumed_numbers(self.scenario, resume)
            self.console.show(
                [
                    "",
                    f"Resuming the saved game: day {resume.day}, {long_date(resume.date)}. Type l for the log.",
                ]
            )
        if self.classroom.practice:
            self.undo = UndoStack.start(self.state)
        # The lesson's clock starts with the first day (read only when a length in minutes asks).
        self.lesson_started = self.clock() if self.classroom.lesson_minutes is not None else 0.0
        self.show_step(events)
        try:
            lesson_note = False
            while not self.state.over:
                reason = self.lesson_over()
                today = todays_council(
                    self.scenario, self.state, self.lesson, lesson_over=bool(reason)
                )
                if today != "council" and not lesson_note:
                    self.console.show(
                        [
                            "",
                            f"Lesson mode: {reason}; the remaining days pass quickly, {HELD_DAYS}.",
                        ]
                    )
                    lesson_note = True
                if today == "pass":
                    self.pass_day()
                    continue
                if today == "hold":
                    self.lesson.hold(self.state.day)
                    self.hold_council()
                self.council()
        except EndOfInput:
            self.console.show(
                [
                    "",
                    f"End of input: the game stops here (day {self.state.day}).",
                    *self.resume_lines(),
                    render.seed_line(self.seed),
                ]
            )
            return 0
        except QuitGame:
            self.console.show(
                [
                    "",
                    f"You left the game on day {self.state.day}.",
                    *self.resume_lines(),
                    render.seed_line(self.seed),
                ]
            )
            return 0
        except KeyboardInterrupt:
            # Ctrl-C: saved as it stands, as at the end of input (robustness review: the autosave
            # stayed at the dawn, losing the day's choices, and nothing said how to resume). The
            # interrupt goes on to the CLI, which ends with exit code 130.
            self.console.show(
                [
                    "",
                    f"Interrupted: the game stops here (day {self.state.day}).",
                    *self.resume_lines(),
                    render.seed_line(self.seed),
                ]
            )
            raise
        self.finish()
        return 0

    def resume_lines(self) -> list[str]:
        """The game stops before its end: it is saved as it stands (the day's choices too, not
        only the dawn's autosave), and the player is told how to take it up again."""
        if not self.state.over:
            self.autosave()
        hint = self.resume_hint() if self.resume_hint is not None else ""
        return [hint] if hint else []

    def _settings(self) -> list[str]:
        c = self.classroom
        lines = []
        if c.player_name:
            lines.append(f"Player: {c.player_name}")
        if c.time_limit is not None:
            lines.append(
                f"Time limit: the council ends by itself after {minutes(c.time_limit)} each day, "
                "counted from when the day's choices are shown."
            )
        if c.lesson_minutes is not None:
            lines.append(
                f"Lesson mode: {minutes(c.lesson_minutes)} of play, then the remaining days pass quickly to the ending, "
                f"{HELD_DAYS}."
            )
        if c.lesson_days is not None:
            lines.append(
                f"Lesson mode: {counted(c.lesson_days, 'day')} of play, then the remaining days pass quickly to the ending, "
                f"{HELD_DAYS}."
            )
        if c.practice:
            lines.append(
                "Practice game: u takes back a step, ud goes back to the dawn; the report says it was practice."
            )
        if c.cabinet > 1:
            lines.append(
                f"Cabinet: {c.cabinet} advisers vote on each decision; the majority decides, adviser 1 breaks ties."
            )
        return lines

    def show_step(self, events: list[GameEvent], before: GameState | None = None) -> None:
        """Events up to the day marker close the old day; then the new day's header, what moved
        overnight (since the council `before`, as the window's night summary says) and the
        inbox."""
        split = next((i for i, e in enumerate(events) if e.kind == "day"), None)
        if split is None:
            if before is not None and not before.over and self.state.over:
                # the game ended at dusk: what the night moved tipped it (the window shows the
                # same before its ending: review)
                changes = stat_changes(self.scenario, before, self.state)
                self.console.show(render.overnight_lines(changes, self.style))
            self.console.show(render.events_lines(self.scenario, events, self.style))
            if before is not None and not self.state.over:
                # what the choice did, in numbers: an 'outcome uncertain' choice told its outcome
                # in words only, and the status screen gave new totals (play-test)
                changes = stat_changes(self.scenario, before, self.state)
                self.console.show(render.changed_lines(changes, self.style))
            return
        self.console.show(render.events_lines(self.scenario, events[:split], self.style))
        if self.will_pass():
            # lesson mode lets the new day pass: no council header for it, and its news goes
            # into the one line `pass_day` writes (or before the council `hold_council` opens)
            self.lesson_news = events[split + 1 :]
            self.day_passed = True
            if self.last_council is None:
                self.last_council = before
            self.dawn_done()
            return
        self.open_day()
        self.day_passed = False
        if before is not None:
            # play-test: to see whether the night changed anything, a player had to type `s`
            # and compare the numbers with those he remembered
            changes = stat_changes(self.scenario, before, self.state)
            self.console.show(render.overnight_lines(changes, self.style))
        self.console.show(render.events_lines(self.scenario, events[split + 1 :], self.style))
        self.dawn_done()

    saved_at_start: GameState | None = None  # the new game's state `run` saved before its news

    def dawn_done(self) -> None:
        """A new day has begun: the dawn's work outside the game (the autosave), if any."""
        if not self.state.over and self.state is not self.saved_at_start:
            self.autosave()

    def hand_notes(self) -> None:
        """Hand the shell what its saves keep beside the state (see `run_text`'s keep_notes)."""
        if self.keep_notes is not None:
            council = (self.state.day, self.council_seconds_spent())
            self.keep_notes(notes_for_save(self.classroom.player_name, self.lesson, council))

    def council_seconds_spent(self) -> int:
        """Whole seconds of today's timed council spent so far (0 without a time limit, at dawn
        before the clock starts, and once the game is over), for a save made in the middle of it."""
        if self.classroom.time_limit is None or self.state.over:
            return 0
        today = self.state.day
        if self.council_clock_day == today and not self.clock_waits:
            return int(self.clock() - self.day_started)
        # the dawn's autosave of a new day, or a resumed council not yet reopened (review: a
        # dawn's autosave took the time since the last council's clock started)
        day, spent = self.council_before
        return spent if day == today else 0

    def autosave(self) -> None:
        """Hand the state to the shell's autosave (`on_dawn`); say what it has to tell."""
        self.hand_notes()
        if self.on_dawn is not None:
            note = self.on_dawn(self.state)
            if note:
                self.console.say(note)

    def open_day(self) -> None:
        """The day's header. Under a time limit, the council's clock starts when the day's news
        and choices have been shown and the first prompt waits (`read_choice`), not here: the
        news may be long (day 1 of the 1935 scenario has some 1,600 words before its prompt),
        and the dawn's autosave may be slow on a shared drive."""
        self.console.show(
            render.day_header(self.scenario, self.state, self.style, self.classroom.time_limit)
        )
        self.clock_waits = self.classroom.time_limit is not None
        self.morning = True

    def take(self, choice: Choice | ReleaseInject) -> None:
        before = self.state
        self.state, events = step(self.scenario, self.state, choice)
        if self.undo is not None:
            self.undo = self.undo.push(self.state)
        self.show_step(events, before)

    def menu(self) -> Menu:
        """The choices now, each keeping the number it had earlier today (see `build_menu`),
        also after a practice step back into a day already played."""
        numbers = self.numbers.setdefault(self.state.day, {})
        return build_menu(self.scenario, self.state, numbers)

    def show_menu(self, menu: Menu) -> None:
        """The choices; first a line naming the numbers new choices have taken, when some appeared
        during the day (they come after the day's highest number; nothing else moves).

        Each morning and after each step, the short list: the choices open now, one line each
        (Enter shows the full list, every choice with its consequences). A choice whose
        consequences the player has not read is shown with them: the first time it is offered
        (a demand's answers on the day it comes, an action once it opens) and when they have
        changed since (an action's may grow once a hidden value is revealed). So are, each
        morning, the answers to a demand due that day. A morning on which every open choice is
        new (the first of a game, or of a game resumed) shows the full list. (Teacher's review:
        with the full list every morning, day 12 of the 1935 crisis had 1,762 words before its
        first prompt, 1,545 of them the list, mostly read the day before: more than a group
        reads under a time limit.)"""
        if menu.added:
            self.console.show(["", added_line(menu.added)])
        open_now = [entry for entry in menu.entries if entry.available]
        unread = {entry.key for entry in open_now if self.told.get(entry.key) != _told(entry)}
        if self.morning:
            unread |= {
                entry.key
                for entry in menu.answers
                if entry.available and due_today(self.state, entry.demand)
            }
        if self.morning and open_now and all(entry.key in unread for entry in open_now):
            self.show_full_menu(menu)
        else:
            self.console.show(
                render.compact_menu_lines(self.scenario, self.state, menu, self.style, unread)
            )
            self.told.update((entry.key, _told(entry)) for entry in open_now if entry.key in unread)
        self.morning = False

    def show_full_menu(self, menu: Menu) -> None:
        """Every choice of the day, with its consequences or why it is not possible now."""
        self.console.show(render.menu_lines(self.scenario, self.state, menu, self.style))
        self.told.update((entry.key, _told(entry)) for entry in menu.entries if entry.available)

    def council(self) -> None:
        """One decision: show the choices, read one (or the cabinet's vote), hand it to the engine."""
        menu = self.menu()
        self.show_menu(menu)
        try:
            choice = (
                self.vote(menu)
                if self.classroom.cabinet > 1
                else self.read_choice(menu, "> ", ask_before_ending=True)
            )
        except TimeUp as up:
            limit = minutes(self.classroom.time_limit or 0)
            # what is waiting was meant for the council just ended, not for the next day's list
            typed = self.console.drop_typed_input() or up.typed
            late = " Your last choice came too late and was not taken." if up.late else ""
            if up.votes:
                late += " The advisers' vote was not finished, and no choice was made."
            elif typed and not up.late:
                late += " What was being typed was not taken."
            elif not up.late and self.console.hides_half_lines():
                # a terminal in line mode keeps a half-typed line out of sight: it may be there
                late += " " + NOT_ENTERED
            self.console.show(
                [
                    "",
                    self.style.alert(
                        f"Time is up ({limit}): the council of day {self.state.day} ends."
                    )
                    + late,
                ]
            )
            self.lesson.time_out(self.state.day)
            choice = EndDay()
        except TakeBack as back:
            self.take_back(back.day)
            return
        self.take(choice)

    def take_back(self, day: bool) -> None:
        if self.undo is None:
            self.console.say("Taking back is only for practice games (play --practice).")
            return
        if not self.undo.can_undo:
            self.console.say(
                "Nothing to take back: steps go back only as far as where this game was started "
                "or resumed."
            )
            return
        self.undo, self.state = self.undo.undo_day() if day else self.undo.undo_action()
        self.lesson.back_to(self.state.day)  # lesson mode: the day is played again, not passed
        forget_after(self.numbers, self.state.day)
        what = "to the dawn of" if day else "one step, to"
        self.console.say(f"Taken back {what} day {self.state.day}, {long_date(self.state.date)}.")
        self.console.show(
            render.day_header(self.scenario, self.state, self.style, self.classroom.time_limit)
        )
        self.morning = True

    def will_pass(self) -> bool:
        """Whether lesson mode will let the day just begun pass without a council."""
        over = bool(self.lesson_over())
        return todays_council(self.scenario, self.state, self.lesson, lesson_over=over) == "pass"

    def lesson_over(self) -> str:
        """Why lesson mode now hurries the game to its ending ("" while the lesson goes on)."""
        c = self.classroom
        played = (self.clock() - self.lesson_started) / 60 if c.lesson_minutes is not None else 0
        return lesson_over(
            self.state.day, c.lesson_days, minutes_played=played, lesson_minutes=c.lesson_minutes
        )

    def hold_council(self) -> None:
        """Lesson mode: a decision falls today (`decision_due`), so today's council is held after all
        (until the players end the day). If the day came by passing the last one, its header
        and news, not yet shown, come first."""
        if self.day_passed:
            self.open_day()
            if self.last_council is not None:
                # what the days lesson mode passed have moved, all together (play-test: the class
                # met the ultimatum with momentum up from 51 to 72 and nothing saying so)
                changes = stat_changes(self.scenario, self.last_council, self.state)
                self.console.show(render.overnight_lines(changes, self.style))
                self.last_council = None
            self.console.show(render.events_lines(self.scenario, self.lesson_news, self.style))
            self.lesson_news = []
        why = decision_due(self.scenario, self.state)
        self.console.show(["", f"Lesson mode: {why}, so today's council is held."])

    def pass_day(self) -> None:
        """Lesson mode: the day ends at once, with one line naming what happened that day."""
        day, date = self.state.day, self.state.date
        # a council the lesson's minutes cut short after the players began it counts as timed out
        self.lesson.end_at_once(self.state)
        self.state, events = step(self.scenario, self.state, EndDay())
        if self.undo is not None:  # a practice game takes back a passed day like any other
            self.undo = self.undo.push(self.state)
        split = next((i for i, e in enumerate(events) if e.kind == "day"), len(events))
        today = [*self.lesson_news, *events[:split]]
        # (the debrief says of a council cut short that its time ran out; the screen says so too)
        how = (
            "the lesson's time ran out, and the council ends here"
            if day in self.lesson.timed_out
            else "the day passes without a council"
        )
        self.console.say(f"Day {day}, {long_date(date)}: {how}.{_titles(today)}")
        dawn = events[split + 1 :]
        if self.state.over and _titles(dawn):
            # The game ended at the next dawn: that day gets its line too.
            self.console.say(f"Day {self.state.day}, {long_date(self.state.date)}:{_titles(dawn)}")
        # Otherwise the next dawn's items go into the next day's line.
        self.lesson_news = dawn
        self.day_passed = True
        self.dawn_done()

    # --- reading choices ---------------------------------------------------------------------
    def read_choice(
        self,
        menu: Menu,
        prompt: str,
        among: list[str] | None = None,
        *,
        ask_before_ending: bool = False,
    ) -> Choice:
        """Read lines until one is a possible choice (screens and mistakes cost nothing). With
        `ask_before_ending`, E on a night that deserves a second thought asks first (see
        `confirms_end`)."""
        while True:
            if self.clock_waits:
                day, spent = self.council_before
                before = spent if day == self.state.day else 0
                self.day_started = self.clock() - before
                self.council_clock_day = self.state.day
                self.council_before = (0, 0)
                self.clock_waits = False
            self.check_time(late=False)
            try:
                line = self.console.ask(prompt, timeout=self.time_left())
            except TimedOut as out:
                raise TimeUp(late=False, typed=out.dropped) from None
            self.check_time(late=True)
            command = parse(line, menu)
            if isinstance(command, Show):
                self.show_screen(command, menu)
                continue
            if isinstance(command, Unknown):
                self.console.say(command.message)
                continue
            if isinstance(command, Release):
                menu = self.release_inject(command.number, menu)
                continue
            if isinstance(command, End) and ask_before_ending and not self.confirms_end():
                continue
            choice: Choice = EndDay() if isinstance(command, End) else command.entry.choice
            if isinstance(command, Pick) and not command.entry.available:
                self.console.say(f"Not possible now: {command.entry.reason}")
                continue
            if among is not None and action_key(choice) not in among:
                self.console.say(
                    "Choose one of the tied choices: "
                    + ", ".join(self.label(menu, key) for key in among)
                    + "."
                )
                continue
            return choice

    def confirms_end(self) -> bool:
        """At a terminal, E on a night that deserves a second thought (`night_warning`: the last
        day, a deadline running out unanswered, none of the day's points spent while something
        could be done) asks for E again (or y), as the window asks for a second E (a teacher's
        play-test: one stray E cost a group its last day's ultimatum). Scripted input (a pipe, a
        file) is never asked: it ends days on purpose. Under a time limit the question has the
        council's time left, and an answer that comes after it is too late, as a choice is."""
        if self.console.echo:
            return True
        warning = night_warning(self.scenario, self.state)
        if not warning:
            return True
        try:
            answer = self.console.ask(
                f"{warning} Press E again (or y) to end the day, Enter to go on: ",
                timeout=self.time_left(),
            )
        except TimedOut as out:
            raise TimeUp(late=False, typed=out.dropped) from None
        self.check_time(late=True)
        if answer.strip().lower() in ("e", "y", "yes"):
            return True
        self.console.say("The day goes on.")
        return False

    def time_left(self) -> float | None:
        """Seconds left of today's council under a time limit (None without one)."""
        limit = self.classroom.time_limit
        if limit is None:
            return None
        return limit * 60 - (self.clock() - self.day_started)

    def check_time(self, *, late: bool) -> None:
        left = self.time_left()
        if left is not None and left <= 0:
            raise TimeUp(late)

    def vote(self, menu: Menu) -> Choice:
        """Each adviser votes in turn; the majority decides; adviser 1 breaks a tie."""
        count = self.classroom.cabinet
        ballots: list[Choice] = []
        for adviser in range(1, count + 1):
            try:
                ballots.append(self.read_choice(menu, f"Adviser {adviser} of {count}, your vote: "))
            except TimeUp as up:
                up.votes = len(ballots)
                raise
        keys = [action_key(choice) for choice in ballots]
        winner = decide(keys)
        tie_broken = len(leaders(keys)) > 1
        if winner is None:
            tied = leaders(keys)
            self.console.say(
                "A tie between "
                + " and ".join(self.label(menu, key) for key in tied)
                + ": adviser 1 decides."
            )
            winner = action_key(self.read_choice(menu, "Adviser 1, break the tie: ", among=tied))
        decision = next(choice for choice in ballots if action_key(choice) == winner)
        tally = keys.count(winner)
        record = VoteRecord(
            self.state.day,
            long_date(self.state.date, weekday=False),
            tuple(self.label(menu, key) for key in keys),
            self.label(menu, winner),
            tally,
            tie_broken,
        )
        self.votes.append(record)
        how = "tie broken by adviser 1" if tie_broken else f"{tally} of {count} votes"
        self.console.say(f"The cabinet decides: {record.decision} ({how}).")
        return decision

    def label(self, menu: Menu, key: str) -> str:
        if key == "end":
            return "End the day"
        entry = menu.by_key(key)
        if entry is None:
            return key
        if entry.demand:
            return f"{self.scenario.demands[entry.demand].title}: {entry.label}"
        return entry.label

    def release_inject(self, number: int, menu: Menu) -> Menu:
        """The teacher's key: release inject N now (it costs no action points), then show the menu."""
        injects = list(self.scenario.injects)
        if not 1 <= number <= len(injects):
            self.console.say(
                "This scenario has no injects."
                if not injects
                else f"There is no inject {number}; type ! to list them."
            )
            return menu
        waits = inject_waits(self.scenario, self.state, injects[number - 1])
        if waits:  # the lists keep an inject's first day (`inject_waits`), not the engine
            self.console.say(waits)
            return menu
        self.take(ReleaseInject(inject=injects[number - 1]))
        menu = self.menu()
        self.show_menu(menu)
        return menu

    def show_screen(self, command: Show, menu: Menu) -> None:
        scenario, state, style = self.scenario, self.state, self.style
        if command.screen == "help":
            c = self.classroom
            self.console.show(
                render.help_lines(
                    style,
                    cabinet=c.cabinet,
                    time_limit=c.time_limit,
                    lesson_days=c.lesson_days,
                    practice=c.practice,
                    saves=self.save_slot is not None,
                    scenario=scenario,
                )
            )
        elif command.screen == "status":
            self.console.show(render.status_lines(scenario, state, style))
        elif command.screen == "log":
            pages = render.log_pages(state)
            if not 1 <= command.page <= pages:
                # (robustness review: `l 99999999999999999999999` showed page 1 without a word)
                then = f"type l {pages} for the oldest items" if pages > 1 else "type l"
                self.console.say(f"{no_such_page('log', command.page, pages)}; {then}.")
            else:
                self.console.show(render.log_lines(scenario, state, command.page, style))
        elif command.screen == "codex":
            pages = render.codex_pages(scenario, state)
            if not 1 <= command.page <= pages:
                self.console.say(
                    f"{no_such_page('codex', command.page, pages)}; type c WORD for the entries "
                    "that mention a word."
                )
            else:
                self.console.show(
                    render.codex_lines(scenario, style, state, command.page, command.name)
                )
        elif command.screen == "injects":
            if not scenario.injects:
                self.console.say("This scenario has no teacher's injects.")
            else:
                lines = [
                    "Teacher's injects (type !N to release one now; it costs no action points,"
                    " but changes what it says):"
                ]
                for number, (iid, inject) in enumerate(scenario.injects.items(), start=1):
                    note = f" — {inject.note}" if inject.note else ""
                    done = inject_mark(scenario, state, iid)
                    words = describe_effects(scenario, state, inject.effects)
                    changes = f" (changes {words})" if words else ""
                    lines.append(f"  !{number}  {inject.title}{done}{changes}{note}")
                self.console.show(lines)
        elif command.screen == "menu":
            self.console.show(render.day_header(scenario, state, style, self.classroom.time_limit))
            self.show_full_menu(menu)
        elif command.screen == "save":
            if self.save_slot is None:
                self.console.say("Saving is not available here.")
            else:
                # `w` alone asks for the name (a player typed it at the next prompt, where it was
                # read as a choice and refused)
                typed = command.name or self.console.ask("Save as (a name; Enter to cancel): ")
                name = slot_name(typed)
                if not name:
                    self.console.say("Not saved.")
                elif self.replaces_another_game(state, name):
                    self.hand_notes()
                    self.console.say(self.save_slot(state, name))
        elif command.screen in ("undo", "undo_day"):
            raise TakeBack(day=command.screen == "undo_day")
        elif command.screen == "quit":
            answer = self.console.ask("Really quit? [y/N] ")
            if answer.strip().lower() in ("y", "yes"):
                raise QuitGame
            self.console.say("The game goes on.")

    def replaces_another_game(self, state: GameState, name: str) -> bool:
        """Whether to save under `name`: yes, unless its save holds another game (another
        scenario or seed) and the player does not confirm replacing it."""
        other = self.slot_holds(state, name) if self.slot_holds is not None else ""
        if not other:
            return True
        answer = self.console.ask(
            f"A save named '{name}' already holds another game ({other}). Replace it? [y/N] "
        )
        if answer.strip().lower() in ("y", "yes"):
            return True
        self.console.say(f"Not saved; '{name}' still holds the other game. Choose another name.")
        return False

    # --- the end -----------------------------------------------------------------------------
    def finish(self) -> None:
        # the autosave's last word: the game is finished (a new game then does not keep it aside
        # as an unfinished one)
        self.autosave()
        self.console.show(render.ending_lines(self.scenario, self.state, self.style))
        c = self.classroom
        debrief: Debrief | None = None
        try:
            debrief = build(
                self.scenario,
                self.state,
                seed=self.seed,
                player_name=c.player_name,
                practice=c.practice,
                passed_days=self.lesson.passed,
                timed_out_days=self.lesson.timed_out,
            )
        except DebriefUnavailable as exc:
            self.console.show(["", f"No debrief: {exc}."])
        if debrief is not None:
            # for reading on a terminal: no Markdown marks, short source numbers (the saved report
            # has the full sources)
            lines = debrief.screen_lines(self.style, saving=self.write_report is not None)
            self.console.show(["", *lines])
        if self.votes:
            self.console.show(self.style.heading("Cabinet votes"))
            self.console.show(render_votes(self.votes))
        self.console.show(
            [
                "",
                render.ending_reminder(self.scenario, self.state, debrief=debrief is not None),
                render.seed_line(self.seed),
            ]
        )
        if debrief is not None and self.write_report is not None:
            with contextlib.suppress(EndOfInput):  # the game is over; nothing is lost
                self.offer_report()

    def offer_report(self) -> None:
        # The report written to a file may carry the date played; the screen never does.
        c = self.classroom
        name = c.player_name

        def report() -> Debrief:
            return build(
                self.scenario,
                self.state,
                seed=self.seed,
                player_name=name,
                played_on=c.played_on,
                practice=c.practice,
                made_by="playing the text version"
                + (f" as a group of {c.cabinet} advisers" if c.cabinet > 1 else ""),
                votes=self.votes,
                passed_days=self.lesson.passed,
                timed_out_days=self.lesson.timed_out,
            )

        for_file = report()
        asked_name = False
        ended = False

        def ask(prompt: str) -> str:
            """A line, or "" once the input has ended: a report asked for (r) is still saved,
            as with Enter at each question, and the screen then finishes (review: a script
            ending with r and Enter, which saved before the names were asked, saved nothing)."""
            nonlocal ended
            if ended:
                return ""
            try:
                return self.console.ask(prompt)
            except EndOfInput:
                ended = True
                return ""

        while True:
            answer = ask("r: save report (Markdown or HTML); Enter: finish. ")
            answer = answer.strip().lower()
            if not answer:
                return
            if answer != "r":  # (a key typed ahead must not end the game's last screen unread)
                self.console.say(
                    f"'{answer}' is not a choice here: r saves the report, Enter finishes."
                )
                continue
            if not name.strip() and not asked_name:
                asked_name = True
                # a report is handed in: without --name it said "(no name given)" and its file
                # name had none either (teacher's report review)
                typed = ask("Your name or names, for the report (Enter: none): ")
                name = " ".join(typed.split())[:200]  # a name, not a page of text
                if name:
                    for_file = report()
            default = self.default_report(for_file)
            if default is None:
                prompt = "Save the report as (a path ending .md or .html): "
            else:
                prompt = (
                    f"Save the report as (Enter: {default}.md and .html; "
                    "or type a path ending .md or .html): "
                )
            path = ask(prompt).strip()
            if not path and default is not None:
                self.save_both(default, for_file)
                continue
            if not path:
                self.console.say("No report saved.")
                continue
            if not path.lower().endswith((".md", ".html", ".htm")):
                self.console.say(
                    "A report is saved as Markdown (.md) or HTML (.html): end the name so."
                )
                continue
            if os.path.exists(os.path.expanduser(path)):
                sure = ask(f"{path} exists. Replace it? [y/N] ").strip().lower()
                if sure not in ("y", "yes"):
                    self.console.say("Not replaced; choose another name.")
                    continue
            if self.write_one(path, for_file):
                self.console.say(f"Report saved to {os.path.abspath(os.path.expanduser(path))}.")

    def default_report(self, debrief: Debrief) -> Path | None:
        """The report's default path without its suffix: the window's folder and file name (the
        scenario, the seed and the student's name), one no report there has yet; None when there
        is no such folder (the player then types a path). Saved again from this screen, the
        report keeps its name (as in the window), not a new one with a number."""
        if self.report_default is not None:
            return self.report_default
        if self.report_folder is None:
            return None
        try:
            folder = self.report_folder()
        except OSError as exc:
            self.console.say(
                f"The reports folder cannot be made ({getattr(exc, 'strerror', None) or exc}); "
                "type a path for the report."
            )
            return None
        d = debrief.value
        self.report_default = folder / report_stem(folder, d.scenario_id, d.seed, d.player_name)
        return self.report_default

    def save_both(self, stem: Path, for_file: Debrief) -> None:
        """Save the report as Markdown and HTML beside each other, as the window does."""
        paths = [f"{stem}.md", f"{stem}.html"]
        if all(self.write_one(path, for_file) for path in paths):  # stops at the first failure
            self.console.say(f"Report saved to {paths[0]} and {paths[1]}.")

    def write_one(self, path: str, for_file: Debrief) -> bool:
        """Write the report to `path` (Markdown or HTML, by its suffix); says why not if it fails."""
        assert self.write_report is not None
        try:
            self.write_report(path, report_text(for_file, path))
        except (OSError, ValueError) as exc:
            self.console.say(
                f"Could not save the report to {path}: {getattr(exc, 'strerror', None) or exc}"
            )
            return False
        return True
