"""Splitting a condition into the parts the why report counts.

A condition is split at its top-level `and`; a top-level `or` is split into its branches first,
each split at its own `and`. Parts are compiled by the game's own expression compiler, never by
eval.
"""

from __future__ import annotations

import ast
from typing import NamedTuple

from game.engine.index import condition
from game.scenario.expr import compile_expr, parse
from game.scenario.expr.compile import Compiled


class Part(NamedTuple):
    text: str  # as the author wrote it, on one line
    test: Compiled
    negated: bool  # an `unless`: the way is open when it does *not* hold


def one_line(text: str) -> str:
    return " ".join(text.split())


def _segment(text: str, node: ast.expr) -> str:
    """The text of one node of `text`'s tree, as written. `parse` reads the text wrapped in
    parentheses on lines of their own (so a folded YAML string may span lines); positions are
    in that wrapping."""
    found = ast.get_source_segment("(" + text + "\n)", node)
    return found if found else ast.unparse(node)


def branches(text: str) -> list[tuple[str, list[Part]]]:
    """The condition's branches (its top-level `or`; one branch when there is none), each with
    its text and its parts (the branch's top-level `and`; the branch itself when there is none)."""
    tree = parse(text)
    alternatives = (
        tree.values if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.Or) else [tree]
    )
    found = []
    for alternative in alternatives:
        pieces = (
            alternative.values
            if isinstance(alternative, ast.BoolOp) and isinstance(alternative.op, ast.And)
            else [alternative]
        )
        parts = []
        for piece in pieces:
            source = _segment(text, piece)
            parts.append(Part(one_line(source), compile_expr(source), False))
        found.append((one_line(_segment(text, alternative)), parts))
    return found


def condition_parts(when: str | None, unless: str | None = None) -> list[tuple[str, list[Part]]]:
    """The branches to count; none when the condition always holds (absent or "true")."""
    found = branches(when) if condition(when) is not None and when is not None else []
    if unless:
        blocker = Part("unless " + one_line(unless), compile_expr(unless), True)
        found = [(text, [*parts, blocker]) for text, parts in found] or [("", [blocker])]
    return found


def whole_text(when: str | None, unless: str | None = None) -> str:
    text = one_line(when) if when and when != "true" else ""
    if unless:
        text = f"{text} unless {one_line(unless)}".strip()
    return text
