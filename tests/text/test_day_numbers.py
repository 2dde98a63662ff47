"""game.day_numbers, which both front ends number their choices with."""

from __future__ import annotations

from game.day_numbers import forget_after, number_new


def test_a_new_choice_takes_the_next_number_and_the_dawn_list_is_not_news():
    numbers: dict[str, int] = {}
    assert number_new(numbers, ["a", "b"]) == ()  # the dawn's list
    assert number_new(numbers, ["b", "c", "a", "d"]) == (3, 4)
    assert numbers == {"a": 1, "b": 2, "c": 3, "d": 4}


def test_taking_back_forgets_the_later_days_numbers_only():
    by_day = {1: {"a": 1}, 2: {"b": 1}, 3: {"c": 1}}
    forget_after(by_day, 2)
    assert by_day == {1: {"a": 1}, 2: {"b": 1}}
    forget_after(by_day, 1)
    assert by_day == {1: {"a": 1}}
