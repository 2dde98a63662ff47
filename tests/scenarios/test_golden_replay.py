"""The historical replay's day-by-day log is a golden file: a change to it is a reviewed change.

To accept a deliberate change, run `UPDATE_GOLDEN=1 python -m pytest tests/scenarios/test_golden_replay.py`
and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "scenarios" / "he_umezu_1935.yaml"
GOLDEN = ROOT / "tests" / "golden" / "he_umezu_1935_historical_seed1935.log"


def test_historical_replay_log_matches_the_golden_file():
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "replay",
            str(SCENARIO),
            "--historical",
            "--seed",
            "1935",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    log = result.stdout
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(log, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert log == expected, (
        "the historical replay changed; if on purpose, UPDATE_GOLDEN=1 and review the diff"
    )
    assert "Ending: The He–Umezu 'agreement' (the historical ending)" in log
