"""What an unknown name in an expression is told: a hint that fits the field it was written in
(author review B3: `weight: "two"` and a flag effect `apologised: "yes"` were both told "text is
written in quotes", though the value was in quotes already; YAML's quotes do not make text in the
expression language)."""

from __future__ import annotations

import pytest

from tests.checker import at, found
from tests.conftest import edited_mini

NUMBER = (
    'a number here is a whole number or an expression that gives one, such as 2 or "100 - '
    "resolve\"; if '{name}' is meant as a name, declare it under stats or hidden"
)


@pytest.mark.parametrize("written", ['"two"', "two", "'two'"])
def test_a_word_for_a_weight_is_told_what_a_weight_is(written):
    text = edited_mini(("- {weight: 1, text: Quietly done.}", f"- {{weight: {written}, text: Q.}}"))
    assert found(text) == [
        f"{at(text, 'two')}: error: unknown name 'two' ({NUMBER.format(name='two')})"
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    idle_weight: 1\n", "    idle_weight: often\n"),
        ("    reliability: 75\n", "    reliability: 75\n    probability: often\n"),
        (
            "blusters\n        effects: {pressure: 5}",
            "blusters\n        effects: {pressure: often}",
        ),
    ],
)
def test_a_word_for_any_number_is_told_what_a_number_is(old, new):
    text = edited_mini((old, new))
    assert found(text) == [
        f"{at(text, 'often')}: error: unknown name 'often' ({NUMBER.format(name='often')})"
    ]


@pytest.mark.parametrize("written", ['"yes"', "'done'"])
def test_a_word_for_a_flag_is_told_how_a_flag_is_set(written):
    text = edited_mini(("trust: -10, conceded: true}}", f"trust: -10, conceded: {written}}}}}"))
    word = written.strip("'\"")
    assert found(text) == [
        f"{at(text, word)}: error: unknown name '{word}' (a flag is set to true, false or a "
        "condition, e.g. conceded: true)"
    ]


def test_an_unknown_name_in_a_sum_says_where_names_are_declared():
    text = edited_mini(('{weight: "100 - resolve"', '{weight: "100 - nerve"'))
    assert found(text) == [
        f"{at(text, 'nerve')}: error: unknown name 'nerve' (declare 'nerve' under flags "
        "(true or false) or under stats or hidden (numbers), or check its spelling)"
    ]


def test_a_word_compared_with_text_is_told_to_take_single_quotes_inside():
    text = edited_mini(('when: "pressure >= 70"', 'when: "stage != showdown"'))
    assert found(text) == [
        f"{at(text, 'showdown')}: error: unknown name 'showdown' (if 'showdown' is text, write "
        "it in single quotes inside the expression: stage != 'showdown')"
    ]


def test_a_word_compared_with_a_number_is_not_told_about_quotes():
    text = edited_mini(('when: "pressure >= 70"', 'when: "pressure >= high"'))
    assert found(text) == [
        f"{at(text, 'high' + chr(34))}: error: unknown name 'high' (declare 'high' under flags (true or "
        "false) or under stats or hidden (numbers), or check its spelling)"
    ]


def test_a_stage_compared_with_the_stage_is_told_to_take_single_quotes_inside():
    text = edited_mini(('when: "pressure >= 70"', 'when: "stage == tense"'))
    assert found(text) == [
        f"{at(text, 'tense' + chr(34))}: error: unknown name 'tense' ('tense' is a stage: compare "
        "it as text, in single quotes inside the expression (stage == 'tense'), or write "
        "in_stage(tense))"
    ]
