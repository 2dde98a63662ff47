"""What the checker says of a scenario's text, for the tests of its messages: every message as
printed, and the FILE:LINE:COL a message should point at."""

from __future__ import annotations

from game.scenario.load import check_scenario_bytes


def found(text: str) -> list[str]:
    """Every message the checker gives for `text` (read as s.yaml), as `validate` prints it."""
    _, diagnostics = check_scenario_bytes(text.encode(), "s.yaml")
    return [str(d) for d in diagnostics]


def at(text: str, fragment: str, offset: int = 0) -> str:
    """'s.yaml:LINE:COL' of the first `fragment` in `text` (plus `offset` columns)."""
    before = text[: text.index(fragment)]
    return f"s.yaml:{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10)) + offset}"
