"""The words the front ends and the reports share (game/engine/words.py)."""

from __future__ import annotations

from game.engine.words import counted, number_ranges


def test_number_ranges_join_runs_as_asked():
    assert number_ranges([5, 1, 2, 3, 9, 10]) == ["1\u20133", "5", "9\u201310"]
    assert number_ranges([28, 1, 31, 29, 30, 32], dash="-", shortest=3) == ["1", "28-32"]
    assert number_ranges([1, 2], dash="-", shortest=3) == ["1", "2"]
    assert number_ranges([]) == []


def test_counted_says_one_or_many():
    assert [counted(n, "day") for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]
    assert counted(1, "action point") == "1 action point"
