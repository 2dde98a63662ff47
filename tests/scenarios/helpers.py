"""What the scenario tests share: the prose a player reads (and its dashes), a game of random
choices, a game of choices by preference, and the stats some condition reads."""

from __future__ import annotations

import random
import re

from game.engine.actions import EndDay, action_key
from game.engine.api import legal_actions, new_game, step
from game.scenario.fields import is_prose, texts
from game.scenario.lint import all_expressions, names_read
from game.scenario.walk import all_effects


def prose(value, path=()):
    """Every text of the scenario a player reads: the fields the model marks `Prose` (not ids,
    expressions or addresses). `value` is a scenario's `model_dump()`, whose keys and lists are
    the file's, so its paths are the ones `is_prose` reads."""
    return (text for where, text in texts(value, path) if is_prose(where))


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
