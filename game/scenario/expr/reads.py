"""What an expression reads, as keys: so a game can tell which conditions a change may alter.

A key is a name the expression reads (a stat, flag, actor, hidden value or built-in name), or,
for the functions, what they look at: `fired(x)` reads `fired_key(x)`, `taken(x)` reads
`taken_key(x)`, `issued`, `pending`, `answered`, `expired` and `answer` of a demand read
`demand_key(d)`, `days_since_issued(d)` reads that and the built-in name `day` (it grows with
the day), and `in_stage(s)` reads the built-in name `stage`. Whoever changes one of
these (the engine's `Turn`) marks the same key as touched.
"""

from __future__ import annotations

import ast
from functools import lru_cache

from game.scenario.expr.parse import constant_name, parse

_DEMAND_FUNCTIONS = {"issued", "pending", "answered", "expired", "answer"}


# The keys' prefixes, for code that marks a key at every step and spares the call (the engine's
# Turn writes FIRED + ident): the functions below are the keys' definition.
FIRED, TAKEN, DEMAND = "fired:", "taken:", "demand:"


def fired_key(ident: str) -> str:
    return FIRED + ident


def taken_key(ident: str) -> str:
    return TAKEN + ident


def demand_key(ident: str) -> str:
    return DEMAND + ident


@lru_cache(maxsize=8192)
def reads(text: str) -> frozenset[str]:
    """The keys the expression's value depends on (text already checked at load time)."""
    keys: set[str] = set()
    _collect(parse(text), keys)
    return frozenset(keys)


def _collect(node: ast.AST, keys: set[str]) -> None:
    if isinstance(node, ast.Name):
        if constant_name(node.id) is None:
            keys.add(node.id)
        return
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        function = node.func.id
        if function in ("min", "max", "abs"):
            for arg in node.args:
                _collect(arg, keys)
            return
        # The other functions take ids (written bare or quoted), not expressions.
        for arg in node.args:
            ident = arg.id if isinstance(arg, ast.Name) else arg.value  # type: ignore[attr-defined]
            if function == "fired":
                keys.add(fired_key(ident))
            elif function == "taken":
                keys.add(taken_key(ident))
            elif function == "in_stage":
                keys.add("stage")
            elif function in _DEMAND_FUNCTIONS:
                keys.add(demand_key(ident))
            elif function == "days_since_issued":
                keys.update((demand_key(ident), "day"))
            else:
                raise ValueError(f"unknown function {function!r}")  # the whitelist prevents this
        return
    for child in ast.iter_child_nodes(node):
        _collect(child, keys)
