"""`play --load`: a bad save is one line on stderr, exit 1, and the file is left as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game import cli
from game.engine.api import new_game
from game.saves import make_save, save_to_json, write_save

ROOT = Path(__file__).resolve().parent.parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main(["play", "--text", "--scenario", str(MINI), *argv])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b'{"format": "hebei1935-save", "save_version": 1, "sta', "is damaged (invalid JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is not a Hebei 1935 save"),
        (b'{"hello": "world"}', "is not a Hebei 1935 save"),
    ],
)
def test_bad_save_is_one_line_and_exit_1(tmp_path, capsys, content, expected):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    mtime = path.stat().st_mtime_ns
    code, err = _run(capsys, "--load", str(path))
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("hebei1935: ")
    assert expected in err
    assert "Traceback" not in err
    assert path.read_bytes() == content and path.stat().st_mtime_ns == mtime


def test_missing_save(tmp_path, capsys):
    code, err = _run(capsys, "--load", str(tmp_path / "gone.json"))
    assert code == 1
    assert "there is no save file" in err


def test_save_of_another_scenario(tmp_path, capsys, mini):
    other = mini.scenario.model_copy(update={"id": "other"})
    state = new_game(other, 3).state
    save = make_save(mini, state, slot="x", saved_at="t").model_copy(
        update={"scenario_id": "other"}
    )
    path = tmp_path / "other.json"
    path.write_text(save_to_json(save), encoding="utf-8")
    code, err = _run(capsys, "--load", str(path))
    assert code == 1
    assert "belongs to scenario 'other', not 'mini'" in err


def test_changed_scenario_whose_choices_no_longer_work(tmp_path, capsys, mini):
    state = new_game(mini.scenario, 3).state
    save = make_save(mini, state, slot="x", saved_at="t", actions=["no_such_action"])
    save = save.model_copy(update={"scenario_hash": "0" * 64})
    path = write_save(tmp_path / "old.json", save)
    code, err = _run(capsys, "--load", str(path))
    assert code == 1
    assert err.count("\n") == 1
    assert "has changed since" in err and "choice 1 ('no_such_action') is no longer possible" in err


def test_garbage_save_through_main_py(tmp_path):
    path = tmp_path / "garbage.json"
    garbage = bytes(range(256)) * 4
    path.write_bytes(garbage)
    mtime = path.stat().st_mtime_ns
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "play",
            "--text",
            "--scenario",
            str(MINI),
            "--load",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("hebei1935: ")
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == garbage and path.stat().st_mtime_ns == mtime


def test_play_options_are_parsed():
    args = cli.build_parser().parse_args(
        ["play", "--load", "a.json", "--save-dir", "d", "--practice"]
    )
    assert (args.load, args.save_dir, args.practice) == ("a.json", "d", True)
    args = cli.build_parser().parse_args(["play"])
    assert (args.load, args.save_dir, args.practice) == (None, None, False)


@pytest.fixture()
def shipped(tmp_path, monkeypatch):
    """A scenarios folder holding mini.yaml and a default scenario with another id; play is recorded."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "mini.yaml").write_bytes(MINI.read_bytes())
    default = folder / "default.yaml"
    default.write_bytes(MINI.read_bytes().replace(b"id: mini", b"id: default", 1))
    monkeypatch.setattr(cli, "SCENARIOS_DIR", folder)
    monkeypatch.setattr(cli, "DEFAULT_SCENARIO", default)
    played = {}

    def fake_play(args, loaded, seed, state):
        played.update(args=args, loaded=loaded, seed=seed, state=state)
        return 0

    monkeypatch.setattr(cli, "_play_text", fake_play)
    return played


def _saved(tmp_path, mini, **options) -> tuple[Path, object]:
    from game.engine.actions import EndDay, TakeAction
    from game.engine.api import step

    state = new_game(mini.scenario, 42).state
    for action in (TakeAction(action="talk"), EndDay()):
        state = step(mini.scenario, state, action).state
    return write_save(
        tmp_path / "game.json", make_save(mini, state, slot="g", saved_at="t", **options)
    ), state


def test_good_save_hands_its_state_and_seed_to_the_front_end(tmp_path, capsys, mini, shipped):
    path, state = _saved(tmp_path, mini)
    assert (
        cli.main(["play", "--text", "--scenario", str(MINI), "--load", str(path), "--seed", "5"])
        == 0
    )
    assert shipped["state"] == state
    assert shipped["seed"] == 42  # the save's seed, not --seed
    assert shipped["args"].practice is False
    # and the player is told so (robustness review: --seed was ignored silently)
    assert capsys.readouterr().err == (
        "hebei1935: --seed 5 is ignored: the saved game goes on with its own seed, 42\n"
    )


def test_save_finds_its_shipped_scenario_without_scenario_option(tmp_path, mini, shipped):
    path, state = _saved(tmp_path, mini)
    assert cli.main(["play", "--text", "--load", str(path)]) == 0
    assert shipped["loaded"].scenario.id == "mini"
    assert shipped["state"] == state


def test_explicit_scenario_of_another_id_is_not_second_guessed(tmp_path, capsys, mini, shipped):
    path, _ = _saved(tmp_path, mini)
    code = cli.main(
        ["play", "--text", "--scenario", str(cli.DEFAULT_SCENARIO), "--load", str(path)]
    )
    assert code == 1
    assert "belongs to scenario 'mini', not 'default'" in capsys.readouterr().err
    assert shipped == {}


def test_practice_save_goes_on_as_practice(tmp_path, capsys, mini, shipped):
    path, _ = _saved(tmp_path, mini, practice=True)
    assert cli.main(["play", "--text", "--scenario", str(MINI), "--load", str(path)]) == 0
    assert shipped["args"].practice is True
    assert "practice game" in capsys.readouterr().err


def test_changed_scenario_replays_the_choices(tmp_path, capsys, mini, shipped):
    path, state = _saved(tmp_path, mini)
    changed = tmp_path / "mini-revised.yaml"
    changed.write_bytes(
        MINI.read_bytes().replace(b"title: Mini crisis", b"title: Mini crisis, revised", 1)
    )
    assert cli.main(["play", "--text", "--scenario", str(changed), "--load", str(path)]) == 0
    assert shipped["state"].log == state.log and shipped["state"].day == 2
    err = capsys.readouterr().err
    assert (
        err.count("\n") == 1
        and "has changed since" in err
        and "its 2 choice(s) were replayed" in err
    )


def test_a_resumed_lesson_keeps_its_passed_days_and_the_students_name(tmp_path):
    # play-test: the report of a resumed game lost the student's name (the save kept no --name)
    # and would have lost which days lesson mode had passed
    from tests.conftest import edited_mini

    scenario = tmp_path / "talkative.yaml"
    scenario.write_text(
        edited_mini(("historical_dates: [1935-06-01]", "historical_dates: [1935-06-02]")),
        encoding="utf-8",
    )
    common = ["--text", "--scenario", str(scenario), "--save-dir", str(tmp_path), "--seed", "3"]

    def play(*argv: str, script: str) -> str:
        done = subprocess.run(
            [sys.executable, "main.py", "play", *common, *argv],
            input=script,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    # day 1 answered, day 2 passed by lesson mode, the input ends in day 3's held council
    first = play("--lesson-days", "1", "--name", "Ana and Ben", script="1\nE\n")
    assert "Day 2, Sunday 2 June 1935: the day passes without a council." in first
    autosave = tmp_path / "autosave-mini.json"
    report = tmp_path / "report.md"
    play("--load", str(autosave), script=f"1\nE\nr\n{report}\n\n")  # no --name, no lesson option
    text = report.read_text(encoding="utf-8")
    assert "- **Student:** Ana and Ben" in text
    assert "- **Lesson mode:** day 2 passed without a council" in text
    assert "2 June 1935 · Not done" not in text
