"""A bug in the terminal's debrief: the player gets the report's text, told why, and it is logged.

Code review: `Debrief.screen_lines` caught every error of `debrief_lines` and quietly showed the
Markdown instead, so a bug there was invisible, to the player, to the logs and to the tests.
"""

from __future__ import annotations

import pytest

from game.analysis.replay import play, scripted
from game.text import report
from game.text.style import Style


@pytest.fixture
def built(mini):
    final = play(mini.scenario, 1, scripted(["first:accept", "end", "end", "ultimatum:accept"]))
    return report.build(mini.scenario, final.final, seed=1)


def _broken(*args, **kwargs):
    raise KeyError("a bug in the view")


def test_the_tests_see_such_a_bug(built, monkeypatch):
    # tests/conftest.py sets HEBEI1935_STRICT=1: the error is raised, not covered up
    monkeypatch.setattr(report, "debrief_lines", _broken)
    with pytest.raises(KeyError, match="a bug in the view"):
        built.screen_lines(Style(plain=True))


def test_a_player_gets_the_report_told_why_and_the_error_is_logged(built, monkeypatch, tmp_path):
    from game import crash

    monkeypatch.delenv("HEBEI1935_STRICT", raising=False)  # as for a player
    monkeypatch.setattr(crash, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(report, "debrief_lines", _broken)
    lines = built.screen_lines(Style(plain=True, width=200))

    (log,) = (tmp_path / "logs").iterdir()
    written = log.read_text(encoding="utf-8")
    assert "KeyError: 'a bug in the view'" in written and "scenario: mini" in written
    assert lines[1:3] == [
        "  The debrief could not be laid out for the terminal (KeyError: 'a bug in the view')."
        " Here is the text of the report instead; the details of the error were written to:",
        f"  {log}",
    ]
    assert lines[4:] == built.markdown.splitlines()
