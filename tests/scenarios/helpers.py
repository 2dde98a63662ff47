"""What the scenario tests share: the prose a player reads (and its dashes), a game of random
choices, a game of choices by preference, and the stats some condition reads."""

from __future__ import annotations

import random
import re

from game.engine.actions import EndDay, action_key
from game.engine.api import legal_actions, new_game, step
from game.scenario.lint import all_expressions, names_read
from game.scenario.walk import all_effects

PROSE = {
    "title",
    "subtitle",
    "summary",
    "briefing",
    "text",
    "label",
    "epilogue",
    "description",
    "if_true",
    "if_false",
    "expiry_text",
    "historical_note",
    "deadline_label",
    "hint",
    "role",
    "popular_account",
    "disputed",
    "message",
    "verdicts",
    "versions",
    "question",
    "questions",
}


def prose(value, key=""):
    """Every text of the scenario a player reads (not ids, expressions or addresses)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from prose(v, k if isinstance(k, str) else key)
    elif isinstance(value, list):
        for v in value:
            yield from prose(v, key)
    elif isinstance(value, str) and key in PROSE:
        yield value


def assert_dashes_are_dashes(scenario, hyphenated: str) -> None:
    """No spaced hyphen in the prose, nor a range or pair (`hyphenated`, a pattern, e.g.
    "He-Umezu|\\d-\\d") written with a hyphen where a dash belongs."""
    texts = list(prose(scenario.model_dump()))
    assert texts
    for text in texts:
        assert " - " not in text, text
        assert not re.search(hyphenated, text), text


def play_preferring(scenario, seed, preferences):
    """A game in which each choice is the first of `preferences` (`action_key`s) that is legal,
    else the day ends; its final state."""
    state, _ = new_game(scenario, seed)
    while not state.over:
        legal = {action_key(c): c for c in legal_actions(scenario, state)}
        choice = next((legal[k] for k in preferences if k in legal), EndDay())
        state, _ = step(scenario, state, choice)
    return state


def random_game(scenario, seed):
    """One game of uniformly random choices; the final state (its inbox holds every event)."""
    chooser = random.Random(seed)
    state, _ = new_game(scenario, seed)
    while not state.over:
        state, _ = step(scenario, state, chooser.choice(legal_actions(scenario, state)))
    return state


def stats_read(scenario):
    """The stats some condition or weight reads, leaving out a rule or an item that reads a stat
    only to change that same stat (a rule that feeds itself decides nothing)."""
    effects = dict(all_effects(scenario))
    read = set()
    for path, text in all_expressions(scenario):
        if path[-1] not in {"when", "unless", "weight", "probability", "truth", "idle_weight"}:
            continue
        owner = effects.get((*path[:-1], "effects"))
        changed = set(owner.changes()) if owner is not None else set()
        read |= {name for name in names_read(text) if changed != {name}}
    return read & set(scenario.stats)
