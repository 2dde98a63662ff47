"""`replay --report`: writes Markdown or HTML atomically, refuses other formats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
MINI = str(ROOT / "tests" / "fixtures" / "mini.yaml")
REAL = ROOT / "scenarios" / "he_umezu_1935.yaml"


@pytest.mark.parametrize("name", ["out.md", "out.html"])
def test_replay_writes_the_report(tmp_path, capsys, name):
    target = tmp_path / name
    assert (
        main(["replay", MINI, "--historical", "--report", str(target), "--name", "A Student"]) == 0
    )
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1] == f"Report written to {target}"
    text = target.read_text(encoding="utf-8")
    for needle in (
        "A Student",
        "Mini crisis",
        "1935",
        dt.date.today().isoformat(),
        "Day 3: Monday 3 June 1935",
        "Test source",
    ):
        assert needle in text, needle
    assert text.startswith("<!DOCTYPE html>") == name.endswith(".html")
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


def test_report_with_json_keeps_stdout_json(tmp_path, capsys):
    import json

    assert main(["replay", MINI, "--historical", "--json", "--report", str(tmp_path / "r.md")]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["scenario"] == "mini"
    assert "Report written to" in captured.err


def test_replay_overwrites_an_old_report(tmp_path, capsys):
    target = tmp_path / "r.md"
    target.write_text("old", encoding="utf-8")
    assert main(["replay", MINI, "--historical", "--report", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Debrief: Mini crisis")


@pytest.mark.parametrize("name", ["out.pdf", "out"])
def test_other_formats_are_refused(tmp_path, capsys, name):
    assert main(["replay", MINI, "--historical", "--report", str(tmp_path / name)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""  # refused before playing
    assert (
        len(captured.err.strip().splitlines()) == 1
        and ".md" in captured.err
        and ".html" in captured.err
    )
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_refused(tmp_path, capsys):
    assert main(["replay", MINI, "--historical", "--report", str(tmp_path / "no" / "r.html")]) == 1
    assert "does not exist" in capsys.readouterr().err


def _real_scenario():
    if not REAL.exists():
        pytest.skip("scenarios/he_umezu_1935.yaml is not written yet")
    from game.scenario.load import load_scenario
    from game.scenario.source import ScenarioError

    try:
        return load_scenario(REAL).scenario
    except ScenarioError as exc:
        pytest.skip(f"scenarios/he_umezu_1935.yaml does not load yet: {exc}")


def test_real_scenario_historical_report(tmp_path, capsys):
    from game.analysis.policies import historical
    from game.analysis.replay import play

    scenario = _real_scenario()
    final = play(scenario, 1935, historical).final
    target = tmp_path / "he_umezu.html"
    assert (
        main(["replay", str(REAL), "--historical", "--report", str(target), "--name", "A Student"])
        == 0
    )
    page = target.read_text(encoding="utf-8")
    start = dt.date(1935, 5, 29)
    assert scenario.calendar.start == start
    day = start
    while day <= final.date:
        assert f'id="day-{day.isoformat()}"' in page, day
        day += dt.timedelta(days=1)
    lowered = page.lower()
    for marker in ("src=", "<link", "@import", "url(", "<script"):
        assert marker not in lowered, marker
