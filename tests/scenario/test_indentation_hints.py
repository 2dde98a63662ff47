"""A key indented too far or too little is still valid YAML, but lands in the wrong mapping: the
message says so (author review B2: `on_expiry` indented under an answer was told only the keys an
answer may have; `effects` indented too little was read as an answer called 'effects', with four
errors, the first "missing required key 'label'")."""

from __future__ import annotations

import pytest

from tests.checker import at, found
from tests.conftest import edited_mini


def test_a_key_of_the_demand_indented_under_an_answer():
    text = edited_mini(("    on_expiry: {end: war}\n", "        on_expiry: {end: war}\n"))
    assert found(text) == [
        f"{at(text, 'on_expiry: {end')}: error: unknown key 'on_expiry' in "
        "demands.ultimatum.responses.refuse (indented too far? 'on_expiry' is a key of "
        "demands.ultimatum)"
    ]


def test_a_required_top_level_key_indented_under_an_ending_is_not_also_missing():
    text = edited_mini(("default_ending: appeased\n", "    default_ending: appeased\n"))
    assert found(text) == [
        f"{at(text, 'default_ending')}: error: unknown key 'default_ending' in "
        "endings.standoff (indented too far? 'default_ending' is a key of the top level)"
    ]


def test_a_key_the_enclosing_mapping_has_already_is_no_indentation_hint():
    text = edited_mini(
        (
            "        kind: refuse\n        outcomes:",
            "        title: Nope\n        kind: refuse\n        outcomes:",
        )
    )
    assert found(text) == [
        f"{at(text, 'title: Nope')}: error: unknown key 'title' in demands.ultimatum.responses.refuse "
        "(expected one of: closes, cost, effects, extend_days, kind, label, outcomes, text, when)"
    ]


def test_a_field_indented_too_little_is_not_read_as_an_answer_called_by_its_name():
    text = edited_mini(
        ("    on_expiry: {end: war}\n", "      effects: {trust: 7}\n    on_expiry: {end: war}\n")
    )
    assert found(text) == [
        f"{at(text, 'effects: {trust: 7}')}: error: 'effects' is read as the id of a new item "
        "of demands.ultimatum.responses (indented too little? 'effects' looks like a key of the "
        "item above, demands.ultimatum.responses.refuse)"
    ]


def test_a_number_indented_too_little_under_the_actions():
    spy = "    effects: {reveal: readiness, trigger: rumour}\n"
    text = edited_mini((spy, spy + "  cost: 3\n"))
    assert found(text) == [
        f"{at(text, 'cost: 3')}: error: 'cost' is read as the id of a new item of actions "
        "(indented too little? 'cost' looks like a key of the item above, actions.spy)"
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # the answer above has a label already: 'label' is an answer of its own, wrongly written
        ("    on_expiry: {end: war}\n", "      label: Refuse again\n    on_expiry: {end: war}\n"),
        # the first item, with none above it
        (
            "    responses:\n      accept: {label: Accept, kind: accept, effects: {pressure: -20",
            "    responses:\n      text: Hm\n      accept: {label: Accept, kind: accept, effects: {pressure: -20",
        ),
    ],
)
def test_no_indentation_hint_without_an_item_above_that_lacks_the_key(old, new):
    assert not any("indented too" in line for line in found(edited_mini((old, new))))


def test_an_id_that_is_a_key_name_but_holds_an_item_is_no_indentation_mistake():
    """The mini scenario's demand `ultimatum` has the name of a demand's key; with a mistake
    inside it, it is still a demand (its value is no true/false)."""
    text = edited_mini(("    ultimatum: true\n", "    ultimatum: true\n    colour: red\n"))
    assert found(text) == [
        f"{at(text, 'colour')}: error: unknown key 'colour' in demands.ultimatum (expected one "
        "of: counterfactual, date, deadline, deadline_days, deadline_label, expiry_outcomes, "
        "expiry_text, historical_note, historical_response, issuer, on_expiry, places, "
        "responses, sources, text, title, ultimatum, when)"
    ]


def test_an_action_called_effects_keeps_its_own_errors():
    """Review: an action whose id is `effects`, after one with no effects, took the hint and lost
    its real error (`max_uses: two`): the effects mapping takes any key, so the value 'fitted'."""
    talk = "  talk:\n    label: Talk to the envoy\n"
    text = edited_mini(
        (
            talk,
            "  wait:\n    label: Wait\n    category: other\n  effects:\n    label: Odd\n"
            "    category: other\n    max_uses: two\n" + talk,
        )
    )
    messages = found(text)
    assert not any("indented too" in line for line in messages), messages
    assert any("effects.max_uses" in line and "whole number" in line for line in messages)
