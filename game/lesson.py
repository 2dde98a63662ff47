"""Lesson mode, for both front ends: its rule, and what it notes of a game that the state cannot tell.

The rule (`todays_council`): once the lesson is over (its days or its minutes played), each day
passes without a council, except a day on which a decision falls (`decision_due`: a demand came
that day or the day before, or falls due, or an action the scenario marks `urgent` can be taken), whose council is held
until the players end the day, so that the crisis's decisions stay theirs; and a day a practice
game took back to, which is played again. A demand left open from the day after it came to its
last day does not hold the days between: that held nearly every day of the 1935 crisis.

What it notes (`LessonDays`), by day number: the days it let pass without a council, the
councils the classroom's time limit ended, and the day whose council it holds. The debrief does
not count history's actions of a passed day as missed, and saves keep the first two
(`game.saves.SessionNotes`) so that a resumed game's report still has them.

Both front ends keep one `LessonDays` beside the game's state:

    lesson = LessonDays.kept(save.session, state)       # a resumed game's, or LessonDays()
    over = lesson_over(state.day, lesson_days)          # why the lesson is over, or ""
    todays_council(scenario, state, lesson, lesson_over=bool(over))  # "council", "pass", "hold"
    lesson.end_at_once(state)                           # lesson mode ends the day ("pass")
    lesson.hold(state.day)                              # its council is held ("hold")
    lesson.time_out(state.day)                          # the council's time ran out
    lesson.back_to(state.day)                           # a practice take-back to this day
    lesson.go_on_from(state.day)                        # F5 goes on from an earlier choice
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from game.engine.actions import Respond, TakeAction
from game.engine.api import legal_actions
from game.engine.query import due_today
from game.engine.state import GameState
from game.engine.words import counted
from game.scenario.model import Scenario

Council = Literal["council", "pass", "hold"]

# Which days lesson mode holds, as the front ends' lines say it after "the remaining days pass
# quickly, "
HELD_DAYS = "except a day when a demand has just come or falls due, or an order cannot wait"


@dataclass
class LessonDays:
    passed: list[int] = field(default_factory=list)
    timed_out: list[int] = field(default_factory=list)
    # the day whose council is held although the lesson is over (for a decision, or a day taken
    # back to); 0: none. Not kept in saves: a resumed game holds the council of a day it had
    # made choices on, and decides any other day afresh.
    held: int = 0

    @classmethod
    def kept(cls, notes: object, state: GameState) -> LessonDays:
        """What a save kept (its SessionNotes, or None), up to the day it was saved on. A game
        saved in the middle of a council (choices made that day) goes on with that council: it
        was ended at once on resuming, and recorded as cut short by a time limit the lesson did
        not have (review)."""
        day = state.day
        return cls(
            [d for d in getattr(notes, "passed_days", []) if d <= day],
            [d for d in getattr(notes, "timed_out_days", []) if d <= day],
            held=day if _chose_today(state) and not state.over else 0,
        )

    def pass_day(self, day: int) -> None:
        self.passed.append(day)

    def end_at_once(self, state: GameState) -> None:
        """Lesson mode ends the day of `state` without a council: a day passed; or, if the players
        had already made choices that day (the lesson's minutes ran out mid-council), a council
        cut short, whose missed history still counts."""
        if _chose_today(state):
            self.time_out(state.day)
        else:
            self.pass_day(state.day)

    def hold(self, day: int) -> None:
        """The council of `day` is held although the lesson is over, until the players end it."""
        self.held = day

    def time_out(self, day: int) -> None:
        if day not in self.timed_out:
            self.timed_out.append(day)

    def forget_from(self, day: int) -> None:
        """The days from `day` on are played again: how their councils went is not known yet."""
        self.passed = [d for d in self.passed if d < day]
        self.timed_out = [d for d in self.timed_out if d < day]

    def go_on_from(self, day: int) -> None:
        """The game goes on from a moment of `day` (F5 continued a reloaded scenario from an
        earlier choice): what was noted of that day's end and of the days after is forgotten;
        a council held on `day` itself stays held."""
        self.forget_from(day)
        if self.held > day:
            self.held = 0

    def back_to(self, day: int) -> None:
        """A practice game takes back to `day`: it is played again, even a day lesson mode had
        passed, and the days from it on are forgotten."""
        self.forget_from(day)
        self.held = day


def _chose_today(state: GameState) -> bool:
    """Whether the players have made a choice (an action or an answer) on `state`'s day."""
    return any(e.day == state.day and e.kind in ("action", "respond") for e in state.log)


def lesson_over(
    day: int,
    lesson_days: int | None,
    *,
    minutes_played: float = 0.0,
    lesson_minutes: float | None = None,
) -> str:
    """Why lesson mode now hurries the game to its ending ("N days played", "M minutes played"),
    or "" while the lesson goes on (or there is no lesson mode)."""
    if lesson_days is not None and day > lesson_days:
        return f"{counted(lesson_days, 'day')} played"
    if lesson_minutes is not None and minutes_played >= lesson_minutes:
        return f"{minutes(lesson_minutes)} played"
    return ""


def minutes(value: float) -> str:
    """'1 minute', '2.5 minutes': a classroom option's minutes as its lines say them."""
    shown = f"{value:g}"
    return f"{shown} minute" if shown == "1" else f"{shown} minutes"


def todays_council(
    scenario: Scenario, state: GameState, lesson: LessonDays, *, lesson_over: bool
) -> Council:
    """What lesson mode makes of the council of `state`'s day, for both front ends:

    "council": held as usual: the lesson goes on, the game is over, or lesson mode already holds
        this day's council (`lesson.held`: for a decision, or a day a practice game took back to);
    "pass": the day ends at once, without a council;
    "hold": the lesson is over, but a decision falls today (`decision_due`): the council is held
        until the players end the day (the front end then calls `lesson.hold(state.day)`).
    """
    if not lesson_over or state.over or lesson.held == state.day:
        return "council"
    return "hold" if decision_due(scenario, state) else "pass"


def decision_due(scenario: Scenario, state: GameState) -> str:
    """Why lesson mode holds the council of `state`'s day, or "" if nothing holds it, the
    weightiest reason first: an action marked `urgent` that can be taken now; a demand that can
    be answered now whose last day it is, or that came today, or yesterday (at dusk, or left
    open a day). Said as the front ends' line goes on: "Lesson mode: ..., so today's council is
    held"."""
    legal = legal_actions(scenario, state)
    # the weightiest reason first (play-test: "came yesterday" was said of a day the army had
    # crossed the Wall, and of a demand's last day)
    for choice in legal:
        if isinstance(choice, TakeAction) and scenario.actions[choice.action].urgent:
            return f"'{scenario.actions[choice.action].label}' cannot wait"
    # the demands that can be answered now, once each (a demand has several answers)
    open_now = list(dict.fromkeys(c.demand for c in legal if isinstance(c, Respond)))
    for did in open_now:
        if due_today(state, did):
            return f"today is the last day to answer '{scenario.demands[did].title}'"
    for did in open_now:
        if state.demands[did].issued == state.date:
            return f"'{scenario.demands[did].title}' came today"
    for did in open_now:
        # the day after too: one that came at dusk was not seen at a council (code review),
        # and one left open a day gets a second look
        if state.demands[did].issued == state.date - dt.timedelta(days=1):
            return f"'{scenario.demands[did].title}' came yesterday"
    return ""
