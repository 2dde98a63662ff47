"""The scenario tests' helpers read the prose as the model marks it (`Prose`), so a new text
field is checked for dashes without anyone adding it to a list."""

from __future__ import annotations

from game.scenario.load import load_scenario
from tests.conftest import FIXTURES
from tests.scenarios.helpers import prose


def test_prose_is_every_text_the_model_marks_prose():
    texts = set(prose(load_scenario(FIXTURES / "mini.yaml").scenario.model_dump()))
    assert {
        "Test source",  # a source's title
        "The Governor",  # the player's name
        "The Envoy",  # an actor's name
        "Capital",  # a place's name
        "Use it when the class is too comfortable.",  # an inject's note for the teacher
        "Things are tense.",  # an effect's message
        "Lives spared",  # a score's name
        "Japanese",  # a side's name
    } <= texts


def test_prose_leaves_out_ids_expressions_and_addresses():
    texts = set(prose(load_scenario(FIXTURES / "mini.yaml").scenario.model_dump()))
    assert not texts & {"envoy", "calm", "T1", "pressure >= 70", "resolve >= 50", "mini"}
