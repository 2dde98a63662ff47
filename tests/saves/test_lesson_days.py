"""game.lesson.LessonDays: what lesson mode notes beside a game's state, in both front ends."""

from __future__ import annotations

from game.lesson import LessonDays
from game.saves import SessionNotes


def test_a_council_timed_out_twice_is_noted_once_and_a_take_back_forgets_the_days_after():
    lesson = LessonDays()
    lesson.time_out(2)
    lesson.time_out(2)
    lesson.pass_day(3)
    lesson.pass_day(4)
    assert (lesson.passed, lesson.timed_out) == ([3, 4], [2])
    lesson.forget_from(3)
    assert (lesson.passed, lesson.timed_out) == ([], [2])


def test_what_a_save_kept_is_taken_back_up_to_its_day():
    notes = SessionNotes(passed_days=[3, 4, 9], timed_out_days=[2, 9])
    assert LessonDays.kept(notes, 5) == LessonDays([3, 4], [2])
    assert LessonDays.kept(None, 5) == LessonDays()
