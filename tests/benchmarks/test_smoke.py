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
