"""A bundled scenario named by its id or by its path in the project, from any folder.

Teacher's review: the guide's preparation command, `replay scenarios/he_umezu_1935.yaml
--historical --report h.html`, worked only from the project folder; elsewhere it (and
`replay he_umezu_1935`) said "no such file", though `play` finds its scenario from anywhere.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game import cli
from game.paths import bundled_scenario, bundled_scenarios

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = (ROOT / "scenarios" / "tutorial.yaml").resolve()
IDS = "chahar_1935, he_umezu_1935, nanjing_free_hand, tutorial"


@pytest.fixture()
def elsewhere(tmp_path, monkeypatch):
    """The current folder is not the project's."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_a_bundled_scenarios_id_is_its_files_name():
    """Naming a bundled scenario by its id finds the file of that name: they must agree."""
    import yaml

    for path in bundled_scenarios():
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["id"] == path.stem


@pytest.mark.parametrize(
    "name",
    [
        "tutorial",
        "tutorial.yaml",
        "scenarios/tutorial.yaml",
        str(Path("scenarios", "tutorial.yaml")),
    ],
)
def test_bundled_scenario_by_id_file_name_or_project_path(name):
    assert bundled_scenario(name) == TUTORIAL


@pytest.mark.parametrize(
    "name", ["", "tutor", "scenarios/nope.yaml", "game/cli.py", "scenarios/scenario.schema.json"]
)
def test_anything_else_is_no_bundled_scenario(name):
    assert bundled_scenario(name) is None


def test_an_absolute_path_is_never_taken_for_a_bundled_scenario():
    # even one naming a bundled scenario's file: a path that does not exist is an error
    assert bundled_scenario(str(Path("/nowhere") / "tutorial.yaml")) is None


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["graph"],
        ["explore", "--runs", "2"],
        ["replay", "--historical"],
    ],
)
@pytest.mark.parametrize("name", ["tutorial", "scenarios/tutorial.yaml"])
def test_every_command_finds_a_bundled_scenario_from_another_folder(
    elsewhere, capsys, command, name
):
    assert cli.main([command[0], name, *command[1:]]) == 0, capsys.readouterr().err
    assert "error" not in capsys.readouterr().err


@pytest.mark.parametrize("option", ["play", "screenshots"])
def test_the_scenario_option_takes_a_bundled_scenarios_id(elsewhere, monkeypatch, option):
    loaded = []
    monkeypatch.setattr(
        cli, "_play_text", lambda args, scenario, seed, state: loaded.append(scenario) or 0
    )
    if option == "play":
        assert cli.main(["play", "--text", "--scenario", "tutorial", "--seed", "1"]) == 0
        assert Path(loaded[0].path) == TUTORIAL
    else:
        import game.ui.screenshots as shots

        monkeypatch.setattr(
            shots, "render_screenshots", lambda scenario, *a, **k: loaded.append(scenario) or []
        )
        assert cli.main(["screenshots", "out", "--scenario", "scenarios/tutorial.yaml"]) == 0
        assert Path(loaded[0].path) == TUTORIAL


def test_a_path_that_exists_wins_over_a_bundled_scenario(elsewhere, capsys):
    mine = elsewhere / "scenarios" / "tutorial.yaml"
    mine.parent.mkdir()
    mine.write_text("id: [\n", encoding="utf-8")  # not the bundled one: broken
    assert cli.main(["validate", "scenarios/tutorial.yaml"]) == 1
    assert capsys.readouterr().err.startswith("scenarios/tutorial.yaml:")


def test_an_unknown_scenario_is_named_with_the_bundled_ones(elsewhere, capsys):
    assert cli.main(["replay", "he_umezu", "--historical"]) == 1
    assert capsys.readouterr().err == (
        "he_umezu:1:1: error: no such file, nor a bundled scenario by that name (the bundled "
        f"scenarios: {IDS}; name one by its id, or give the path of a scenario file)\n"
    )


def test_the_teachers_preparation_command_works_from_another_folder(tmp_path):
    """The guide's command (docs/classroom.md), run by the script from another folder."""
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "replay",
            "scenarios/he_umezu_1935.yaml",
            "--historical",
            "--report",
            "h.html",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "He–Umezu" in (tmp_path / "h.html").read_text(encoding="utf-8")


def test_a_folder_of_the_same_name_does_not_hide_a_bundled_scenario(tmp_path, monkeypatch):
    # code review: with a `tutorial/` folder here, `replay tutorial` said "is a folder"
    from game import cli

    (tmp_path / "tutorial").mkdir()
    monkeypatch.chdir(tmp_path)
    assert Path(cli.scenario_file("tutorial")).name == "tutorial.yaml"
    assert Path(cli.scenario_file("tutorial")).is_file()
