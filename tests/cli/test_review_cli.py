"""Robustness review of the command line: every bad argument is one clear line, never a
traceback, never a runaway."""

from __future__ import annotations

import io
import sys

import pytest

from game import cli
from game.saves import SaveError, make_save, slot_path, write_save

MINI = "tests/fixtures/mini.yaml"


@pytest.fixture(autouse=True)
def _no_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.mark.parametrize("inside", ["", "sub"])
def test_screenshots_into_a_file_says_it_is_not_a_folder(tmp_path, capsys, inside):
    blocker = tmp_path / "out.png"
    blocker.write_bytes(b"x")
    code = cli.main(["screenshots", str(blocker / inside) if inside else str(blocker)])
    assert code == 1
    assert capsys.readouterr().err == (
        f"hebei1935: {blocker} is a file, not a folder: name a folder for the screenshots\n"
    )
    assert blocker.read_bytes() == b"x"


@pytest.mark.parametrize("inside", ["", "sub"])
def test_a_save_folder_that_is_a_file_is_named_so(tmp_path, mini, inside):
    blocker = tmp_path / "base.yaml"
    blocker.write_text("stays")
    folder = blocker / inside if inside else blocker
    from game.engine.api import new_game

    with pytest.raises(SaveError) as info:
        write_save(
            slot_path(folder, "x"),
            make_save(mini, new_game(mini.scenario, 3).state, slot="x", saved_at="t"),
        )
    assert f"{blocker} is a file, not a folder; choose a folder for the saves" in str(info.value)
    assert "File exists" not in str(info.value) and "Not a directory" not in str(info.value)
    assert blocker.read_text() == "stays"


def test_the_text_game_says_the_save_dir_is_a_file(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "base.yaml"
    blocker.write_text("stays")
    monkeypatch.setattr(sys, "stdin", io.StringIO("E\n"))
    cli.main(["play", "--text", "--scenario", MINI, "--seed", "3", "--save-dir", str(blocker)])
    err = capsys.readouterr().err
    assert f"{blocker} is a file, not a folder" in err


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["explore", MINI, "--runs", "99999999999999999999999"],
            "--runs: expected at most 1,000,000",
        ),
        (["play", "--text", "--cabinet", "100000"], "--cabinet: expected at most 50"),
        (["play", "--text", "--time-limit", "1e309"], "--time-limit: expected at most 1,440"),
        (["play", "--text", "--time-limit", "nan"], "--time-limit: expected a number above zero"),
        (["play", "--text", "--time-limit", "-1"], "--time-limit: expected a number above zero"),
        (["play", "--text", "--lesson-minutes", "inf"], "--lesson-minutes: expected at most"),
        (["play", "--text", "--lesson-days", "1000000"], "--lesson-days: expected at most 1,000"),
    ],
)
def test_absurd_numbers_are_refused(capsys, args, message):
    with pytest.raises(SystemExit) as info:
        cli.build_parser(args[0]).parse_args(args)  # only parsed: nothing absurd is started
    assert info.value.code == 2
    assert message in capsys.readouterr().err


def test_explore_jobs_are_capped_at_the_cpus_and_the_games(monkeypatch, capsys):
    import os

    from game.analysis import explore

    asked = []
    real = explore.explore
    monkeypatch.setattr(
        explore, "explore", lambda *a, **kw: asked.append(kw["jobs"]) or real(*a, **kw)
    )
    # the CPUs this process may use (review: `taskset -c 0` left one, and --jobs 4 became 2)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert cli.main(["explore", MINI, "--runs", "3", "--jobs", "300"]) == 0
    assert (
        "hebei1935: --jobs 300 capped to 2 (this process may use 2 CPUs)\n"
        in capsys.readouterr().err
    )
    assert cli.main(["explore", MINI, "--runs", "1", "--jobs", "2"]) == 0
    assert "hebei1935: --jobs 2 capped to 1 (one per game)\n" in capsys.readouterr().err
    assert asked == [2, 1]


def test_a_seed_given_with_load_is_said_to_be_ignored(tmp_path, monkeypatch, capsys):
    saves = str(tmp_path / "saves")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    cli.main(["play", "--text", "--scenario", MINI, "--seed", "3", "--save-dir", saves])
    capsys.readouterr()
    autosave = str(tmp_path / "saves" / "autosave-mini.json")
    cli.main(["play", "--text", "--scenario", MINI, "--seed", "4", "--load", autosave])
    out, err = capsys.readouterr()
    assert "hebei1935: --seed 4 is ignored: the saved game goes on with its own seed, 3\n" in err
    assert "Seed 3" in out


def test_ctrl_c_in_explore_with_workers_is_one_line(tmp_path):
    import os
    import signal
    import subprocess
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = (
        "import signal, sys\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"  # as in a terminal
        "from game import cli\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, "explore", "scenarios/he_umezu_1935.yaml"]
        + ["--runs", "200000", "--jobs", "2"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root), "XDG_STATE_HOME": str(tmp_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(4)  # the workers are playing
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: the whole process group
    try:
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130
    assert "ForkPoolWorker" not in err and "Traceback" not in err
    assert err.strip().endswith("hebei1935: interrupted")


@pytest.mark.parametrize(
    "text, message",
    [
        ("- &a talk\n- *a\n", "YAML anchors (&a) are not allowed in choices files"),
        ("- talk\n---\n- end\n", "a choices file holds one YAML document; found a second '---'"),
        ("- !!python/name:os.system talk\n", "is not allowed in choices files"),
    ],
)
def test_a_choices_file_is_told_what_a_choices_file_may_hold(tmp_path, capsys, text, message):
    choices = tmp_path / "choices.yaml"
    choices.write_text(text, encoding="utf-8")
    assert cli.main(["replay", MINI, "--choices", str(choices)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "scenario" not in err
