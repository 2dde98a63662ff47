"""The broken-scenario corpus: each mistake gives its exact diagnostic, with file, line and column."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from game.cli import main
from game.scenario.load import check_scenario_bytes

ROOT = Path(__file__).resolve().parent.parent.parent
BAD = ROOT / "tests" / "fixtures" / "bad"
BASE = ROOT / "tests" / "authoring" / "base.yaml"
CASES = sorted(BAD.glob("*.yaml"))


def test_the_corpus_is_big_enough_and_complete():
    assert len(CASES) >= 30
    for case in CASES:
        assert case.with_suffix(".expected").is_file(), f"{case.name} has no .expected file"


def test_the_base_is_valid_and_clean():
    scenario, found = check_scenario_bytes(BASE.read_bytes(), "base.yaml")
    assert scenario is not None and found == []


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_each_case_differs_from_the_base_by_one_mistake(case):
    base = BASE.read_text(encoding="utf-8").splitlines()
    broken = case.read_text(encoding="utf-8").splitlines()
    assert broken[1].startswith(f"# Broken on purpose ({case.stem}): ")
    changed = [line for line in difflib.ndiff(base[2:], broken[2:]) if line[:1] in "+-"]
    assert 1 <= len(changed) <= 6, changed  # one edit: a changed, added or removed line or two


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_validate_prints_the_expected_line(case, capsys, monkeypatch):
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").strip()
    name = case.relative_to(ROOT).as_posix()
    _, found = check_scenario_bytes(case.read_bytes(), name)
    assert expected in [str(d) for d in found]
    # and the command line prints it too, and fails
    monkeypatch.chdir(ROOT)
    assert main(["validate", "--quiet", name]) == 1
    assert expected in capsys.readouterr().err.splitlines()
