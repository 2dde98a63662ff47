"""game.lesson.LessonDays: what lesson mode notes beside a game's state, in both front ends."""

from __future__ import annotations

from game.engine.actions import EndDay, Respond
from game.engine.api import new_game, step
from game.lesson import LessonDays, lesson_over, todays_council
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


def test_what_a_save_kept_is_taken_back_up_to_its_day(mini):
    notes = SessionNotes(passed_days=[3, 4, 9], timed_out_days=[2, 9])
    state = new_game(mini.scenario, 7).state
    for _ in range(4):
        state = step(mini.scenario, state, EndDay()).state
    day = state.day
    assert LessonDays.kept(notes, state) == LessonDays(
        [d for d in [3, 4, 9] if d <= day], [d for d in [2, 9] if d <= day]
    )
    assert LessonDays.kept(None, state) == LessonDays()


def test_a_game_saved_in_the_middle_of_a_council_goes_on_with_it(mini):
    """Review: a game saved during a held council (a demand answered after the lesson's days)
    ended that day at once on resuming, and its report said the council's time ran out."""
    scenario = mini.scenario
    dawn = new_game(scenario, 7).state
    assert LessonDays.kept(None, dawn).held == 0  # no choice yet today: decided afresh
    answered = step(scenario, dawn, Respond(demand="first", response="accept")).state
    assert LessonDays.kept(None, answered).held == answered.day
    lesson = LessonDays.kept(None, answered)
    assert todays_council(scenario, answered, lesson, lesson_over=True) == "council"  # not "pass"


def test_the_lesson_is_over_after_its_days_or_its_minutes():
    assert lesson_over(3, 2) == "2 days played"
    assert lesson_over(2, 2) == "" and lesson_over(9, None) == ""
    assert lesson_over(1, None, minutes_played=20.5, lesson_minutes=20) == "20 minutes played"
    assert lesson_over(1, None, minutes_played=0.5, lesson_minutes=1) == ""


def test_once_the_lesson_is_over_a_day_passes_unless_a_demand_awaits_or_it_is_held(mini):
    scenario = mini.scenario
    lesson = LessonDays()
    dawn = new_game(scenario, 7).state  # the first demand awaits an answer
    assert todays_council(scenario, dawn, lesson, lesson_over=False) == "council"
    assert todays_council(scenario, dawn, lesson, lesson_over=True) == "hold"
    answered = step(scenario, dawn, Respond(demand="first", response="accept")).state
    day_two = step(scenario, answered, EndDay()).state  # nothing awaits an answer
    assert todays_council(scenario, day_two, lesson, lesson_over=True) == "pass"
    lesson.back_to(2)  # a practice game took back to day 2: it is played again
    assert todays_council(scenario, day_two, lesson, lesson_over=True) == "council"


def test_a_day_ended_at_once_is_passed_or_if_begun_cut_short(mini):
    scenario = mini.scenario
    dawn = new_game(scenario, 7).state
    begun = step(scenario, dawn, Respond(demand="first", response="accept")).state
    lesson = LessonDays()
    lesson.end_at_once(dawn)
    assert (lesson.passed, lesson.timed_out) == ([1], [])
    lesson = LessonDays()
    lesson.end_at_once(begun)
    assert (lesson.passed, lesson.timed_out) == ([], [1])
