"""Robustness review: new games in a row keep every unfinished game, up to three, and say when
the oldest one kept makes room."""

from __future__ import annotations

import io
import sys

from game import cli
from game.saves import autosave_path, list_saves, previous_autosave_path, read_save

MINI = "tests/fixtures/mini.yaml"


def play(monkeypatch, capsys, *args: str, typed: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    code = cli.main(["play", "--text", "--plain", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_three_new_games_in_a_row_keep_both_unfinished_ones(tmp_path, monkeypatch, capsys):
    # Review: seeds 11, 22, 33 with one choice each left only 33 and 22.
    saves = str(tmp_path)
    outs = []
    for seed in ("11", "22", "33"):
        _, out, _ = play(
            monkeypatch,
            capsys,
            "--scenario",
            MINI,
            "--seed",
            seed,
            "--save-dir",
            saves,
            typed="1\n",
        )
        outs.append(out)
    mini = cli.load(MINI)
    seeds = sorted(info_seed(info.path, mini) for info in list_saves(tmp_path)[0])
    assert seeds == [11, 22, 33]
    assert f"kept as {previous_autosave_path(tmp_path, 'mini')}" in outs[1]
    assert f"kept as {previous_autosave_path(tmp_path, 'mini', 2)}" in outs[2]
    assert read_save(autosave_path(tmp_path, "mini"), mini).seed == 33


def info_seed(path, mini) -> int:
    return read_save(path, mini).seed


def test_past_the_kept_games_the_oldest_is_replaced_and_the_player_told(
    tmp_path, monkeypatch, capsys
):
    saves = str(tmp_path)
    outs = []
    for seed in ("11", "22", "33", "44", "55"):
        _, out, _ = play(
            monkeypatch,
            capsys,
            "--scenario",
            MINI,
            "--seed",
            seed,
            "--save-dir",
            saves,
            typed="1\n",
        )
        outs.append(out)
    mini = cli.load(MINI)
    seeds = sorted(info_seed(info.path, mini) for info in list_saves(tmp_path)[0])
    assert seeds == [22, 33, 44, 55]  # the autosave and three kept games
    assert (
        "replaces the oldest of the 3 unfinished games kept there ('Mini crisis', seed 11"
        in outs[4]
    )
    assert "replaces" not in "".join(outs[:4])
