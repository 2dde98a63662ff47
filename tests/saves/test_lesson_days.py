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


def _lesson_days_of(text: str, answers: dict[int, Respond]) -> list[tuple[int, str, str]]:
    """(day, what lesson mode makes of it, why it holds it) for each day of a game of `text`
    in which the lesson is over from the start, the day's answer (if any) given at once."""
    from game.lesson import decision_due
    from game.scenario.load import load_scenario_bytes

    scenario = load_scenario_bytes(text.encode(), "m.yaml").scenario
    state, days = new_game(scenario, 7).state, []
    while not state.over:
        today = todays_council(scenario, state, LessonDays(), lesson_over=True)
        days.append((state.day, today, decision_due(scenario, state)))
        if state.day in answers:
            state = step(scenario, state, answers[state.day]).state
        state = step(scenario, state, EndDay()).state
    return days


def test_a_demand_holds_the_council_of_the_day_it_comes_and_of_the_day_it_falls_due():
    """Teacher's review: a demand open for days held every one of them, so lesson mode hardly
    shortened the game; it now holds the day the demand comes, the day after if it is still
    open, and its last day to answer."""
    from tests.conftest import edited_mini

    text = edited_mini(
        ("date: 1935-06-01\n    deadline_days: 1", "date: 1935-06-01\n    deadline_days: 3")
    )
    days = _lesson_days_of(text, {})
    assert days[:3] == [
        (1, "hold", "'First demand' came today"),
        (2, "hold", "'First demand' came yesterday"),  # left open: a second look
        (3, "hold", "'Ultimatum' came today"),
    ]
    assert days[3] == (4, "hold", "today is the last day to answer 'First demand'")


def test_an_urgent_action_holds_the_council_of_a_day_it_can_be_taken():
    """Teacher's review: the invasion's stand-or-fall-back orders are actions, not answers, and
    lesson mode passed the day they were due, ending the game with no one asked."""
    from tests.conftest import edited_mini

    spy = ("    max_uses: 1\n", '    max_uses: 1\n    when: "day == 2"\n')
    answered = {1: Respond(demand="first", response="accept")}
    assert _lesson_days_of(edited_mini(spy), answered)[1] == (2, "pass", "")
    urgent = (spy[0], spy[1] + "    urgent: true\n")
    assert _lesson_days_of(edited_mini(urgent), answered)[1] == (
        2,
        "hold",
        "'Ask the spies' cannot wait",
    )


def test_a_demand_that_came_at_dusk_holds_the_next_days_council():
    """Code review: a demand a dusk transition presented had 'came' on a day already over; the
    next morning passed, and every day to its last. A demand still open the day after it came
    holds that day too, whenever in its day it came."""
    from tests.conftest import edited_mini

    text = edited_mini(
        ("end: 1935-06-04", "end: 1935-06-08"),
        ('      - {to: tense, when: "pressure >= 60"}', '      - {to: tense, when: "day >= 2"}'),
        (
            "    on_enter: {message: Things are tense.}",
            "    on_enter: {message: Things are tense., issue: [late]}",
        ),
        (
            "  ultimatum:\n    title: Ultimatum",
            "  late:\n    title: Late demand\n    issuer: envoy\n    text: Hand over the railway.\n"
            '    when: "false"\n    deadline_days: 3\n    responses:\n'
            "      accept: {label: Accept, kind: accept, effects: {conceded: true}}\n"
            "      refuse: {label: Refuse, kind: refuse, effects: {pressure: 5}}\n"
            "  ultimatum:\n    title: Ultimatum",
        ),
        (
            'when: "day >= 3"\n    deadline_days: 1\n    ultimatum: true',
            'when: "day >= 30"\n    deadline_days: 1\n    ultimatum: true',
        ),
    )
    days = _lesson_days_of(text, {1: Respond(demand="first", response="accept")})
    # presented at the dusk of day 2, so dated 2 June; its last day to answer is day 5
    assert days[1:5] == [
        (2, "pass", ""),
        (3, "hold", "'Late demand' came yesterday"),
        (4, "pass", ""),
        (5, "hold", "today is the last day to answer 'Late demand'"),
    ]


def test_the_weightiest_reason_is_the_one_said():
    # play-test: "came yesterday" was said of the day the army crossed the Wall
    from tests.conftest import edited_mini

    urgent = ("    max_uses: 1\n", '    max_uses: 1\n    when: "day == 1"\n    urgent: true\n')
    days = _lesson_days_of(edited_mini(urgent), {})
    assert days[0] == (1, "hold", "'Ask the spies' cannot wait")  # the first demand came too
