"""A refused choice explained to a scenario's author: which parts of its condition did not hold,
and what they read.

The player's sentence names no expression ("'Reinforce the police' is not possible now."). An
author replaying a choices file, or loading a save that a changed scenario refuses, needs the
cause (author's review: it took two rounds of guessing): "its condition does not hold:
`in_stage(strike)` (stage = talks)".
"""

from __future__ import annotations

import ast

from game.engine.actions import PlayerAction, Respond, TakeAction
from game.engine.api import why_not_now
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
    """The engine's reason (`why_not`), and, when it is the choice's condition, which parts of
    that condition did not hold; "" when the choice is allowed."""
    reader = Reader(scenario, state)
    reason = why_not_now(reader, action)
    if not reason:
        return ""
    when = _condition_of(scenario, action)
    if when is None or reader.holds(when):
        return reason  # refused for a count, the cost or the game's state, which it says
    return f"{reason} Its condition does not hold: {unmet(reader, when)}."


def _condition_of(scenario: Scenario, action: PlayerAction) -> str | None:
    if isinstance(action, TakeAction):
        spec = scenario.actions.get(action.action)
        return None if spec is None else spec.when
    if isinstance(action, Respond):
        demand = scenario.demands.get(action.demand)
        response = None if demand is None else demand.responses.get(action.response)
        return None if response is None else response.when
    return None


def unmet(reader: Reader, text: str) -> str:
    """The parts of a condition that do not hold in `reader`'s state, each in backquotes with
    the values it reads: "`funds >= 100` (funds = 40); `not striking` (striking = true)". A
    condition of several `or` branches fails in each: their failing parts are all named."""
    failing = [
        piece for _, pieces in branches(text) for piece in pieces if not compile_expr(piece)(reader)
    ]
    said = []
    for piece in dict.fromkeys(failing):  # a part repeated in two branches is named once
        readings = _readings(reader, piece)
        said.append(f"`{piece}`" + (f" ({', '.join(readings)})" if readings else ""))
    return "; ".join(said)


def _readings(reader: Reader, piece: str) -> list[str]:
    """What a part reads, as `name = value`, in the order it names them, each once."""
    found: dict[str, None] = {}
    _collect(reader, piece, parse(piece), found)
    return list(found)


def _collect(reader: Reader, text: str, node: ast.AST, found: dict[str, None]) -> None:
    if isinstance(node, ast.Name):
        # (a part that is a name alone says no more by its value)
        if constant_name(node.id) is None and node.id in reader.values and node.id != text:
            found[f"{node.id} = {_shown(reader.values[node.id])}"] = None
        return
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        function = node.func.id
        if function in _OVER_VALUES:
            for arg in node.args:
                _collect(reader, text, arg, found)
        elif function == "in_stage":
            found[f"stage = {reader.stage}"] = None
        elif (call := segment(text, node)) != text:  # a part that is one call says no more
            found[f"{call} = {_shown(compile_expr(call)(reader))}"] = None
        return
    for child in ast.iter_child_nodes(node):
        _collect(reader, text, child, found)


def _shown(value: Value) -> str:
    """A value as an author writes it in YAML: true/false, numbers, text in quotes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    return str(value)
