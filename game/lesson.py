"""What lesson mode notes of a game that its state cannot tell, by day number: the days it let
pass without a council, and the councils the classroom's time limit ended. The debrief does not
count history's actions of a passed day as missed, and saves keep both (`game.saves.SessionNotes`)
so that a resumed game's report still has them.

Both front ends keep one `LessonDays` beside the game's state:

    lesson = LessonDays.kept(save.session, state.day)   # a resumed game's, or LessonDays()
    lesson.pass_day(state.day)                          # lesson mode ends the day at once
    lesson.time_out(state.day)                          # the council's time ran out
    lesson.forget_from(state.day)                       # a practice take-back to this day
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class LessonDays:
    passed: list[int] = field(default_factory=list)
    timed_out: list[int] = field(default_factory=list)

    @classmethod
    def kept(cls, notes: object, day: int) -> LessonDays:
        """What a save kept (its SessionNotes, or None), up to the day it was saved on."""
        return cls(
            [d for d in getattr(notes, "passed_days", []) if d <= day],
            [d for d in getattr(notes, "timed_out_days", []) if d <= day],
        )

    def pass_day(self, day: int) -> None:
        self.passed.append(day)

    def time_out(self, day: int) -> None:
        if day not in self.timed_out:
            self.timed_out.append(day)

    def forget_from(self, day: int) -> None:
        """The days from `day` on are played again: how their councils went is not known yet."""
        self.passed = [d for d in self.passed if d < day]
        self.timed_out = [d for d in self.timed_out if d < day]
