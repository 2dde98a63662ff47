"""A condition cut into the parts a reader can judge one by one: its top-level `or` into
branches, each branch at its top-level `and`. Shared by the explorer's why report (which counts
how often each part held) and the engine's account of a refused choice (which names the parts
that did not hold)."""

from __future__ import annotations

import ast

from game.scenario.expr.parse import parse


def one_line(text: str) -> str:
    return " ".join(text.split())


def segment(text: str, node: ast.expr) -> str:
    """The text of one node of `text`'s tree, as written. `parse` reads the text wrapped in
    parentheses on lines of their own (so a folded YAML string may span lines); positions are
    in that wrapping."""
    found = ast.get_source_segment("(" + text + "\n)", node)
    return found if found else ast.unparse(node)


def _operands(node: ast.expr, op: type[ast.boolop]) -> list[ast.expr]:
    return node.values if isinstance(node, ast.BoolOp) and isinstance(node.op, op) else [node]


def branches(text: str) -> list[tuple[str, list[str]]]:
    """The condition's branches (its top-level `or`; one branch when there is none), each with
    its text and the texts of its parts (the branch's top-level `and`; the branch itself when
    there is none), on one line each, as written."""
    return [
        (
            one_line(segment(text, alternative)),
            [one_line(segment(text, piece)) for piece in _operands(alternative, ast.And)],
        )
        for alternative in _operands(parse(text), ast.Or)
    ]
