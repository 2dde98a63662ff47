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
