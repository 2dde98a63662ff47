"""Hostile scenario files: refused by `validate` with exit 1, a clear message, quickly and in bounded memory."""

from __future__ import annotations

import contextlib
import io
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game import cli
from game.scenario import load as _warm  # noqa: F401 - imported before timing, so timings measure validation

ROOT = Path(__file__).resolve().parent.parent.parent
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
MB = 1024 * 1024


def _max_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def _validate(capsys, path: Path) -> tuple[int, str, float, int]:
    """Validate in-process: exit code, stderr, wall time, and growth of the peak memory."""
    rss = _max_rss_bytes()
    started = time.perf_counter()
    code = cli.main(["validate", str(path)])
    elapsed = time.perf_counter() - started
    return code, capsys.readouterr().err, elapsed, _max_rss_bytes() - rss


def _generated(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    if name == "too_big.yaml":
        base = MINI.read_bytes() + b"# "
        path.write_bytes(base + b"x" * (2_000_001 - len(base)))  # one byte over the limit
    elif name == "deep_block.yaml":
        path.write_text(
            "".join("  " * i + f"k{i}:\n" for i in range(1000)) + "  " * 1000 + "v: 1\n",
            encoding="utf-8",
        )
    elif name == "events_20000.yaml":
        events = "".join(
            f'  gen{i}:\n    title: Generated {i}\n    when: "pressure >= {i % 100}"\n'
            for i in range(20_000)
        )
        path.write_text(
            MINI.read_text(encoding="utf-8").replace("events:\n", "events:\n" + events, 1),
            encoding="utf-8",
        )
    return path


CASES = [
    (
        "alias_bomb.yaml",
        "alias_bomb.yaml:2:5: error: YAML anchors (&a0) are not allowed in scenarios",
    ),
    # No column: PyYAML 6.0.4 and later stop at a depth limit of their own, further along the line.
    ("deep_flow.yaml", "error: nesting deeper than 40 levels"),
    ("nul_byte.yaml", "nul_byte.yaml:2:15: error: file contains a NUL byte"),
    (
        "latin1.yaml",
        "latin1.yaml:2:11: error: file is not UTF-8 text (byte 0xe9) (save the file as UTF-8)",
    ),
]
GENERATED = [
    (
        "too_big.yaml",
        "too_big.yaml:1:1: error: file is over 2,000,000 bytes, the most a scenario may be",
    ),
    ("deep_block.yaml", "deep_block.yaml:41:81: error: nesting deeper than 40 levels"),
]


@pytest.mark.parametrize(("name", "expected"), CASES)
def test_committed_hostile_files_are_refused(capsys, name, expected):
    code, err, elapsed, grown = _validate(capsys, HOSTILE / name)
    assert code == 1
    assert expected in err
    assert "Traceback" not in err
    assert elapsed < 1.0, f"{name} took {elapsed:.2f} s"
    assert grown < 200 * MB, f"{name} grew the peak memory by {grown / MB:.0f} MB"


@pytest.mark.parametrize(("name", "expected"), GENERATED)
def test_generated_hostile_files_are_refused(tmp_path, capsys, name, expected):
    code, err, elapsed, grown = _validate(capsys, _generated(tmp_path, name))
    assert code == 1
    assert expected in err
    assert elapsed < 1.0, f"{name} took {elapsed:.2f} s"
    assert grown < 200 * MB, f"{name} grew the peak memory by {grown / MB:.0f} MB"


@pytest.fixture(scope="module")
def twenty_thousand_events(tmp_path_factory) -> tuple[int, str, float, int]:
    """Validated once for both tests below (generating and checking it takes a few seconds)."""
    path = _generated(tmp_path_factory.mktemp("events"), "events_20000.yaml")
    err = io.StringIO()
    rss = _max_rss_bytes()
    # CPU time, not wall time: other work on a loaded machine must not make this test flaky.
    started = time.process_time()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(["validate", str(path)])
    return code, err.getvalue(), time.process_time() - started, _max_rss_bytes() - rss


def test_twenty_thousand_events_are_refused(twenty_thousand_events):
    code, err, elapsed, grown = twenty_thousand_events
    assert code == 1
    assert "events" in err and "limit" in err
    assert elapsed < 1.0


def test_twenty_thousand_events_do_not_hang_or_crash(twenty_thousand_events):
    """Until a limit exists: at least validation ends, in bounded memory, without a traceback."""
    code, err, elapsed, grown = twenty_thousand_events
    assert code in (0, 1)
    assert "Traceback" not in err
    assert elapsed < 10.0
    assert grown < 200 * MB


def _timed_validate(path: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    return time.perf_counter() - started, result


def test_alias_bomb_through_main_py_is_quick():
    # Most of the time is interpreter start-up and imports, which other processes on a busy machine
    # can stretch: take the best of three runs, and if even that is over a second, require that the
    # bomb costs no more than validating the small, valid fixture does on the same machine.
    timings = []
    for _ in range(3):
        elapsed, result = _timed_validate(HOSTILE / "alias_bomb.yaml")
        timings.append(elapsed)
        assert result.returncode == 1
        assert "YAML anchors (&a0) are not allowed" in result.stderr
        assert "aliases can make a small file expand without limit" in result.stderr
        if elapsed < 1.0:
            return
    baseline = min(_timed_validate(MINI)[0] for _ in range(3))
    assert min(timings) < baseline + 0.2, (
        f"the bomb took {min(timings):.2f} s, a small valid file {baseline:.2f} s"
    )


def test_every_hostile_file_in_one_run_reports_each(tmp_path):
    files = [str(HOSTILE / name) for name, _ in CASES] + [
        str(_generated(tmp_path, name)) for name, _ in GENERATED
    ]
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "validate", *files],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for _, expected in CASES + GENERATED:
        assert expected in result.stderr
