"""A section of items by id written as a list, the habit Ink and Twine users bring (author's
review): the message points at the '- ' and says how to write it."""

from __future__ import annotations

import typing

from pydantic import BaseModel

import game.scenario.model as model
from game.scenario.load import check_scenario_bytes
from game.scenario.yaml_source import ITEMS_BY_ID
from tests.conftest import MINI_TEXT, edited_mini


def found(*edits: tuple[str, str]) -> list[str]:
    _, diagnostics = check_scenario_bytes(edited_mini(*edits).encode("utf-8"), "s.yaml")
    return [str(d) for d in diagnostics]


def test_a_dash_before_the_first_id_is_named_on_its_line():
    # YAML itself reports the next item, as a list item missing its '-'
    assert found(("  talk:\n    label: Talk", "  - talk:\n    label: Talk")) == [
        "s.yaml:97:3: error: YAML syntax error: 'actions' is written as a list ('- talk:'), but "
        "line 103 ('prepare:') is not a list item (items by id are written without '- ': "
        "write 'talk:' here)"
    ]


def test_an_id_key_on_the_first_item_names_the_id():
    assert found(("actions:\n  talk:\n", "actions:\n  - id: talk\n")) == [
        "s.yaml:97:3: error: YAML syntax error: 'actions' is written as a list ('- id: talk'), "
        "but line 103 ('prepare:') is not a list item (items by id are written without '- ': "
        "write 'talk:' here)"
    ]


def test_a_list_of_items_with_an_id_key_says_how_to_write_them():
    whole = MINI_TEXT[MINI_TEXT.index("actions:\n") : MINI_TEXT.index("endings:\n")]
    one = "actions:\n  - id: talk\n    label: Talk\n    category: diplomacy\n"
    assert found((whole, one))[0] == (
        "s.yaml:97:3: error: actions: expected a mapping (key: value lines) (actions holds "
        "items by id, not a list: write each as 'talk:' on its own line, with its keys "
        "indented below it)"
    )


def test_the_example_id_is_the_one_written():
    whole = MINI_TEXT[MINI_TEXT.index("actions:\n") : MINI_TEXT.index("endings:\n")]
    keyed = "actions:\n  - talk: {label: Talk, category: diplomacy}\n"
    assert "write each as 'talk:' on its own line" in found((whole, keyed))[0]
    flags = MINI_TEXT[MINI_TEXT.index("flags:\n") : MINI_TEXT.index("hidden:\n")]
    assert "write each as 'conceded:' on its own line" in found((flags, "flags: [conceded]\n"))[0]


def test_a_list_that_is_a_list_gets_no_such_hint():
    # code review: a history note's empty `sources: []` was told to write its sources by id
    note = "sources: [T1]}\n"
    assert all("items by id" not in line for line in found((note, "sources: []}\n")))


def test_a_true_list_missing_a_dash_is_not_called_a_section_by_id():
    block = "    outcomes:\n      - {weight: 1, text: Quietly done.}\n      - {weight: 1"
    broken = "    outcomes:\n      - weight: 1\n      text: Quietly done.\n      - {weight: 1"
    assert all("written as a list" not in line for line in found((block, broken)))


def test_the_sections_by_id_are_the_models_mappings_of_ids_to_items():
    by_id = {
        name
        for item in vars(model).values()
        if isinstance(item, type) and issubclass(item, BaseModel)
        for name, field in item.model_fields.items()
        if typing.get_origin(field.annotation) is dict
        and isinstance(typing.get_args(field.annotation)[1], type)
        and issubclass(typing.get_args(field.annotation)[1], BaseModel)
    }
    assert by_id == ITEMS_BY_ID
