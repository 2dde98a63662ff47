"""Robustness review: named saves and new games never silently replace another game's save."""

from __future__ import annotations

import io
import sys

import pytest

from game import cli
from game.engine.actions import EndDay, TakeAction
from game.engine.api import new_game, step
from game.saves import (
    SaveError,
    make_save,
    read_save,
    slot_path,
    write_save,
)

MINI = "tests/fixtures/mini.yaml"
TUTORIAL = "scenarios/tutorial.yaml"


def play(monkeypatch, capsys, *args: str, typed: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    code = cli.main(["play", "--text", "--plain", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "name", ["autosave-he_umezu_1935", "autosave-tutorial", "Autosave-mini", "AUTOSAVE-x"]
)
def test_the_games_own_file_names_cannot_be_save_names(tmp_path, name):
    with pytest.raises(SaveError) as info:
        slot_path(tmp_path, name)
    assert info.value.kind == "slot"
    assert "kept for the game's own autosaves" in str(info.value)


def test_a_named_save_cannot_replace_another_scenarios_autosave(tmp_path, monkeypatch, capsys):
    saves = str(tmp_path)
    play(monkeypatch, capsys, "--scenario", MINI, "--seed", "3", "--save-dir", saves, typed="E\n")
    mini_autosave = tmp_path / "autosave-mini.json"
    before = mini_autosave.read_bytes()
    code, out, _ = play(
        monkeypatch,
        capsys,
        *("--scenario", TUTORIAL, "--seed", "5", "--save-dir", saves),
        typed="w autosave-mini\n",
    )
    assert code == 0
    assert "Not saved: 'autosave-mini' cannot be a save name" in out
    assert mini_autosave.read_bytes() == before


def _state(mini, seed, *actions):
    state = new_game(mini.scenario, seed).state
    for action in actions:
        state = step(mini.scenario, state, action).state
    return state


def test_another_game_in_slot_tells_another_game_from_the_same_one(tmp_path, mini):
    from game.saves import another_game_in_slot

    path = slot_path(tmp_path, "mine")
    assert (
        another_game_in_slot(path, make_save(mini, _state(mini, 3), slot="m", saved_at="t")) is None
    )
    first = make_save(mini, _state(mini, 3, TakeAction(action="talk")), slot="m", saved_at="t")
    write_save(path, first)
    later = make_save(
        mini, _state(mini, 3, TakeAction(action="talk"), EndDay()), slot="m", saved_at="t"
    )
    assert another_game_in_slot(path, later) is None  # the same game, saved again
    other = make_save(mini, _state(mini, 4), slot="m", saved_at="t")
    assert another_game_in_slot(path, other) == first
    # review: a seed is shared by a whole class; a classmate's game of the same seed whose
    # choices part from this one's is another game (it was replaced without a word)
    classmate = make_save(mini, _state(mini, 3, TakeAction(action="spy")), slot="m", saved_at="t")
    assert another_game_in_slot(path, classmate) == first
    # the same game after a practice step back (fewer choices, the same ones) is not
    back = make_save(mini, _state(mini, 3), slot="m", saved_at="t")
    assert another_game_in_slot(path, back) is None


def test_saving_over_another_games_save_asks_first(tmp_path, monkeypatch, capsys):
    saves = str(tmp_path)
    common = ("--scenario", MINI, "--save-dir", saves)
    play(monkeypatch, capsys, *common, "--seed", "3", typed="1\nw mine\n")
    mine = tmp_path / "mine.json"
    first = mine.read_bytes()
    _, out, _ = play(monkeypatch, capsys, *common, "--seed", "4", typed="w mine\nn\n")
    assert "A save named 'mine' already holds another game ('Mini crisis', seed 3, day 1" in out
    assert "Not saved; 'mine' still holds the other game" in out
    assert mine.read_bytes() == first
    _, out, _ = play(monkeypatch, capsys, *common, "--seed", "4", typed="w mine\ny\n")
    assert "Saved as 'mine'" in out
    assert read_save(mine, cli.load(MINI)).seed == 4
    # the same game saved again is not asked about
    _, out, _ = play(monkeypatch, capsys, *common, "--load", str(mine), typed="1\nw mine\n")
    assert "already holds another game" not in out and "Saved as 'mine'" in out


def test_a_save_name_typed_with_spaces_is_saved_with_hyphens(tmp_path, monkeypatch, capsys):
    # a teacher's play-test: `w Ana and Ben` was refused ("use letters, digits, '-' or '_'");
    # groups type their names with spaces
    saves = str(tmp_path)
    code, out, _ = play(
        monkeypatch,
        capsys,
        *("--scenario", MINI, "--seed", "3", "--save-dir", saves),
        typed="w Ana and  Ben\nw\n Day 1 \n",
    )
    assert code == 0
    assert "Saved as 'Ana-and-Ben'" in out and "Saved as 'Day-1'" in out
    assert (tmp_path / "Ana-and-Ben.json").is_file() and (tmp_path / "Day-1.json").is_file()
    code, out, _ = play(
        monkeypatch,
        capsys,
        *("--scenario", MINI, "--seed", "3", "--save-dir", saves),
        typed="w Ana/Ben\n",
    )
    assert "Not saved: 'Ana/Ben' cannot be a save name" in out  # other characters still refused
