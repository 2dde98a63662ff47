"""`python -m benchmarks --quick` runs to the end and prints the table with all five rows (times are not checked)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROWS = ("1. Start-up", "2. Idle", "3. Frames", "4. Loading", "5. Exploration")


def test_quick_benchmarks_print_every_row() -> None:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env.pop("DISPLAY", None)  # the window rows run headless here, whatever the machine has
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    table = [line for line in done.stdout.splitlines() if line.startswith("|")]
    assert table[0].split("|")[1].strip() == "Row"
    names = {line.split("|")[1].strip() for line in table[2:]}
    assert set(ROWS) <= names, done.stdout
    for line in table[2:]:
        ratio = line.split("|")[5].strip()
        assert float(ratio) > 0, line  # every line measured both sides


def test_the_bytecode_count_is_the_same_at_every_run() -> None:
    # `python -m benchmarks.bytecodes` is offered as the noise-free measure of the engine's work:
    # that holds only if counting the same games twice gives the same numbers
    from benchmarks.bytecodes import count

    first, first_calls = count(2)
    again, again_calls = count(2)
    assert (first, first_calls) == (again, again_calls)
    engine = {name.split(":")[0] for name in first}
    assert {"game/engine/turn.py", "game/engine/day.py", "game/engine/run.py"} <= engine
    assert sum(first.values()) > sum(first_calls.values()) > 0


def test_the_bytecode_count_prints_its_summary(capsys) -> None:  # noqa: ANN001 - pytest fixture
    from benchmarks.bytecodes import main

    assert main(["--games", "1", "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "bytecode instructions and" in out and "per game" in out
    assert "game/engine/turn.py" in out
