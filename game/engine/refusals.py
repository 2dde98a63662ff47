"""A refused choice explained to a scenario's author: which parts of its condition did not hold,
and what they read.

The player's sentence names no expression ("'Reinforce the police' is not possible now."). An
author replaying a choices file, or loading a save that a changed scenario refuses, needs the
cause (author's review: it took two rounds of guessing): "its condition does not hold:
`in_stage(strike)` (stage = talks)". The values of hidden names are never read out: a save's
refusal reaches players too.
"""

from __future__ import annotations

import ast

from game.engine.actions import PlayerAction, Respond, TakeAction
from game.engine.api import not_possible_now, why_not_now
from game.engine.state import GameState
from game.engine.turn import Reader
from game.scenario.expr import compile_expr, parse
from game.scenario.expr.compile import Value
from game.scenario.expr.parse import constant_name
from game.scenario.expr.parts import branches, segment
from game.scenario.model import Scenario

# functions whose arguments are expressions (the others take ids)
_OVER_VALUES = {"min", "max", "abs"}


def why_not_for_author(scenario: Scenario, state: GameState, action: PlayerAction) -> str:
    """The engine's reason (`why_not`), and, when the reason is the choice's condition, which
    parts of it did not hold; "" when the choice is allowed."""
    reader = Reader(scenario, state)
    reason = why_not_now(reader, action)
    found = _condition_of(scenario, action)
    if found is None or reason != not_possible_now(found[0]):
        return reason  # allowed, or refused for a count, the cost or the game's state
    return f"{reason} Its condition does not hold: {unmet(reader, found[1], _secret(scenario, state))}."


def _condition_of(scenario: Scenario, action: PlayerAction) -> tuple[str, str] | None:
    """The choice's label and its condition, if it has one."""
    if isinstance(action, TakeAction):
        spec = scenario.actions.get(action.action)
        return None if spec is None or spec.when is None else (spec.label, spec.when)
    if isinstance(action, Respond):
        demand = scenario.demands.get(action.demand)
        response = None if demand is None else demand.responses.get(action.response)
        if response is None or response.when is None:
            return None
        return response.label, response.when
    return None


def _secret(scenario: Scenario, state: GameState) -> frozenset[str]:
    """The names whose values the player may not see: hidden values, and hidden stats not yet
    revealed."""
    unrevealed = {
        sid for sid, stat in scenario.stats.items() if stat.hidden and sid not in state.revealed
    }
    return frozenset({*scenario.hidden, *unrevealed})


def unmet(reader: Reader, text: str, secret: frozenset[str] = frozenset()) -> str:
    """The parts of a condition that do not hold in `reader`'s state, each in backquotes with
    the values it reads (but those of `secret` names): "`funds >= 100` (funds = 40); `not
    striking` (striking = true)". A condition of several `or` branches fails in each: each
    branch's failing parts are named, the branches joined by "or" (either would do)."""
    said = []
    for _, pieces in branches(text):
        failing = [piece for piece in pieces if not compile_expr(piece)(reader)]
        told = [_told(reader, piece, secret) for piece in failing]
        if told and "; ".join(told) not in said:
            said.append("; ".join(told))
    return ", or ".join(said)


def _told(reader: Reader, piece: str, secret: frozenset[str]) -> str:
    readings = _readings(reader, piece, secret)
    return f"`{piece}`" + (f" ({', '.join(readings)})" if readings else "")


def _readings(reader: Reader, piece: str, secret: frozenset[str]) -> list[str]:
    """What a part reads, as `name = value`, in the order it names them, each once."""
    found: dict[str, None] = {}
    _collect(reader, piece, parse(piece), found, secret)
    return list(found)


def _collect(
    reader: Reader, text: str, node: ast.AST, found: dict[str, None], secret: frozenset[str]
) -> None:
    if isinstance(node, ast.Name):
        name = node.id
        # (a part that is a name alone says no more by its value)
        if constant_name(name) is None and name in reader.values and name != text:
            found[f"{name} = {'hidden' if name in secret else _shown(reader.values[name])}"] = None
        return
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        function = node.func.id
        if function in _OVER_VALUES:
            for arg in node.args:
                _collect(reader, text, arg, found, secret)
        elif function == "in_stage":
            found[f"stage = {reader.stage}"] = None
        elif (call := segment(text, node)) != text:  # a part that is one call says no more
            found[f"{call} = {_shown(compile_expr(call)(reader))}"] = None
        return
    for child in ast.iter_child_nodes(node):
        _collect(reader, text, child, found, secret)


def _shown(value: Value) -> str:
    """A value as an author writes it in YAML: true/false, numbers, text in quotes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    return str(value)
