"""Splitting a condition into the parts the why report counts.

A condition is split as `game.scenario.expr.parts` cuts it. Parts are compiled by the game's own expression compiler, never by
eval.
"""

from __future__ import annotations

from typing import NamedTuple

from game.engine.index import condition
from game.scenario.expr import compile_expr, parts
from game.scenario.expr.compile import Compiled
from game.scenario.expr.parts import one_line

__all__ = ["Part", "branches", "condition_parts", "one_line", "whole_text"]


class Part(NamedTuple):
    text: str  # as the author wrote it, on one line
    test: Compiled
    negated: bool  # an `unless`: the way is open when it does *not* hold


def branches(text: str) -> list[tuple[str, list[Part]]]:
    """The condition's branches, each with its text and its parts compiled (`parts.branches`)."""
    return [
        (branch, [Part(piece, compile_expr(piece), False) for piece in pieces])
        for branch, pieces in parts.branches(text)
    ]


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
