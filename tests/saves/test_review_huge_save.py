"""Robustness review: a save is read at most one byte past its size limit (`play --load
/dev/zero` grew to 4 GB before the size was checked)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_file_is_refused_without_reading_it_whole(tmp_path):
    # bounded: under a 1.5 GB address-space limit, reading /dev/zero whole fails in a second
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1500 * 2**20,) * 2)\n"
        "from game import cli\n"
        "sys.exit(cli.main(['play', '--text', '--load', '/dev/zero']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_STATE_HOME": str(tmp_path / "state"),
        },
    )
    assert done.returncode == 1
    assert done.stderr == (
        "hebei1935: /dev/zero is over 50,000,000 bytes, far too large to be a save: "
        "choose a file saved by the game\n"
    )
