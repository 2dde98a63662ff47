"""Ink and Twine placeholders in texts: `{tension}`, `{{tension}}` or `$tension` is shown to the
player as written (texts are plain), so the checker warns, at the placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.load import check_scenario_bytes
from tests.checker import at, found
from tests.conftest import edited_mini

ROOT = Path(__file__).resolve().parent.parent.parent
HINT = "say it in words, or write a text for each case as its own event"


def warning(text: str, placeholder: str, fragment: str = "") -> str:
    return (
        f"{at(text, fragment or placeholder)}: warning: '{placeholder}' is shown as written: "
        f"texts are plain, and a value is never put in ({HINT})"
    )


def test_a_placeholder_in_a_text_is_a_warning_at_the_placeholder():
    text = edited_mini(("text: The envoy complains.", "text: Pressure stands at {pressure}."))
    assert found(text) == [warning(text, "{pressure}")]


@pytest.mark.parametrize(
    "placeholder",
    [
        "{pressure}",  # a stat
        "{{pressure}}",  # Twine's Harlowe, Handlebars
        "{{ pressure }}",
        "$pressure",  # Twine's SugarCube
        "{conceded}",  # a flag
        "$resolve",  # a hidden value
        "{envoy}",  # an actor (its attitude)
        "{day}",  # a name every expression reads
        "$days_left",
        "{{player_name}}",  # double braces: whatever the name
    ],
)
def test_each_form_of_placeholder_is_a_warning(placeholder):
    text = edited_mini(("text: The envoy complains.", f"text: It stands at {placeholder} now."))
    assert found(text) == [warning(text, placeholder)]


@pytest.mark.parametrize(
    "words",
    [
        "It cost $5 a day.",  # money: not a name
        "It cost US$5 a day.",
        "It cost $Mex 500,000.",  # silver dollars, as 1930s treaty-port papers wrote them
        "The treaty {sic} says so.",  # single braces round a word the game does not know
        "As {Manchurian} papers said.",  # a BibTeX title's protected capitals
        "A {pressure > 50: crisis} in Ink.",  # not a bare name
        "Braces {{ }} and {{5}} alone.",
        "It stands at {Pressure}.",  # names are lower case: this is not one
    ],
)
def test_no_warning_where_prose_may_hold_braces_or_dollars(words):
    assert found(edited_mini(("text: The envoy complains.", f'text: "{words}"'))) == []


@pytest.mark.parametrize(
    ("old", "new", "placeholder"),
    [
        ("    title: Alarm\n", "    title: Alarm at {pressure}\n", "{pressure}"),
        ("    label: Talk to the envoy\n", "    label: Talk ($trust)\n", "$trust"),
        ("    hint: Lower the temperature.\n", "    hint: Lower {pressure}.\n", "{pressure}"),
        ("    if_true: They mean it.\n", "    if_true: They mean $resolve.\n", "$resolve"),
        ("    epilogue: It came to war.\n", "    epilogue: War on day {day}.\n", "{day}"),
        ("{message: Things are tense.}", '{message: "Tense: {{pressure}}."}', "{{pressure}}"),
        ("  T1: {title: Test source,", "  T1: {title: Test $trust,", "$trust"),  # a source's
        ("name: The Governor,", 'name: "The {{player}}",', "{{player}}"),  # the player's name
        ("      - {weight: 1, text: Quietly done.}", '      - {text: "Done {day}"}', "{day}"),
    ],
)
def test_every_prose_field_is_checked(old, new, placeholder):
    text = edited_mini((old, new))
    assert found(text) == [warning(text, placeholder)]


def test_a_text_in_a_list_is_checked():
    text = edited_mini(
        ("default_ending: appeased\n", "default_ending: appeased\nquestions:\n  - Why {day}?\n")
    )
    assert found(text) == [warning(text, "{day}")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  T1: {title: Test source,", '  T1: {url: "https://example.org/$trust", title: Test,'),
        ("      - id: bluster\n", '      - id: "$pressure"\n'),  # a rule's id
    ],
)
def test_no_warning_outside_prose(old, new):
    # (the rule id is an error of its own, as an id: no warning is added to it)
    assert [line for line in found(edited_mini((old, new))) if ": warning:" in line] == []


def test_each_placeholder_of_a_text_is_a_warning():
    text = edited_mini(("text: The envoy complains.", "text: Now $pressure, then {{trust}}."))
    assert found(text) == [warning(text, "$pressure"), warning(text, "{{trust}}")]


def test_a_placeholder_in_a_folded_text_is_found_on_its_line():
    block = (
        "text: >\n"
        "      The envoy complains, and the pressure\n"
        "      stands at {pressure} today.\n"
        "\n"
        "      Trust is $trust.\n"
    )
    text = edited_mini(("text: The envoy complains.\n", block))
    assert found(text) == [warning(text, "{pressure}"), warning(text, "$trust")]


def test_a_placeholder_in_a_literal_text_is_found_on_its_line():
    block = "text: |\n      The envoy complains.\n        Pressure: {pressure}\n"
    text = edited_mini(("text: The envoy complains.\n", block))
    assert found(text) == [warning(text, "{pressure}")]


def test_a_placeholder_in_a_text_over_several_lines_is_found_on_its_line():
    lines = "text: The envoy complains\n      that pressure is {pressure}\n      and rising.\n"
    text = edited_mini(("text: The envoy complains.\n", lines))
    assert found(text) == [warning(text, "{pressure}")]


def test_a_placeholder_after_escapes_in_quotes_is_found_where_written():
    # the value is shorter than what was written before the placeholder: `\"` is one character
    text = edited_mini(("text: The envoy complains.", 'text: "He says \\"no\\": {pressure}"'))
    assert found(text) == [warning(text, "{pressure}")]
    text = edited_mini(("text: The envoy complains.", "text: 'It''s {pressure}, it''s $trust'"))
    assert found(text) == [warning(text, "{pressure}"), warning(text, "$trust")]


def test_a_placeholder_written_with_an_escape_is_found_at_the_escape():
    text = edited_mini(("text: The envoy complains.", 'text: "It is \\u0024pressure"'))
    assert found(text) == [warning(text, "$pressure", "\\u0024pressure")]


def test_a_comment_after_a_blocks_bar_is_no_part_of_it():
    block = "text: |  # shows {pressure}?\n      Pressure: {pressure}\n"
    text = edited_mini(("text: The envoy complains.\n", block))
    assert found(text) == [warning(text, "{pressure}", "{pressure}\n")]


def test_a_placeholder_in_quotes_over_several_lines_is_found_on_its_line():
    lines = 'text: "The envoy \\"complains\\"\n      that it is {pressure}"\n'
    text = edited_mini(("text: The envoy complains.\n", lines))
    assert found(text) == [warning(text, "{pressure}")]


def test_the_same_placeholder_twice_is_found_twice_where_written():
    text = edited_mini(("text: The envoy complains.", "text: $trust and again $trust"))
    line = at(text, "$trust").rsplit(":", 1)[0]
    assert [d.split(": warning")[0] for d in found(text)] == [f"{line}:11", f"{line}:28"]


def test_a_placeholder_is_reported_even_when_the_file_has_errors():
    text = edited_mini(
        ("text: The envoy complains.", "text: It is {pressure}."),
        ("    attitude: -10\n", "    attitude: cold\n"),
    )
    assert warning(text, "{pressure}") in found(text)


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")), ids=lambda p: p.name)
def test_the_shipped_scenarios_have_no_placeholders(path):
    _, diagnostics = check_scenario_bytes(path.read_bytes(), str(path))
    assert [str(d) for d in diagnostics if "is shown as written" in d.message] == []
