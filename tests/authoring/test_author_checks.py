"""Checks added after a QA pass as a scenario author, each on a copy of the mini scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.load import check_scenario_bytes

MINI = (Path(__file__).parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")


def edited(*edits: tuple[str, str]) -> str:
    text = MINI
    for old, new in edits:
        assert text.count(old) == 1, f"edit target not unique: {old!r}"
        text = text.replace(old, new)
    return text


def found(text: str) -> list[str]:
    _, diagnostics = check_scenario_bytes(text.encode(), "s.yaml")
    return [str(d) for d in diagnostics]


def at(text: str, fragment: str, offset: int = 0) -> str:
    """'s.yaml:LINE:COL' of `fragment` (plus `offset` columns) in `text`."""
    before = text[: text.index(fragment)]
    return f"s.yaml:{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10)) + offset}"


@pytest.mark.parametrize("ident", ["end", "end_day"])
def test_an_action_may_not_be_named_as_ending_the_day(ident):
    text = edited(("  talk:\n", f"  {ident}:\n"))
    assert found(text) == [
        f"{at(text, f'  {ident}:', 2)}: error: '{ident}' is reserved: in a choices file and the "
        "replay it ends the day (give the action another id)"
    ]
