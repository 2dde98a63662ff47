"""Robustness review: a save whose state does not follow from its seed and choices (edited, with a
freshly computed checksum, or made by another version of the game) is played again from its
choices, and one whose choices the game refuses is refused; every save the game itself writes
loads as it was."""

from __future__ import annotations

import io
import json
import random
import sys

import pytest

from game import cli
from game.engine.actions import ReleaseInject
from game.engine.api import legal_actions, new_game, step
from game.practice import UndoStack
from game.saves import (
    GameChanged,
    SaveError,
    checksum,
    make_save,
    read_save,
    save_to_json,
    write_save,
)
from game.scenario.load import load_scenario

MINI = "tests/fixtures/mini.yaml"


def _played(loaded, seed: int = 7):
    scenario = loaded.scenario
    state = new_game(scenario, seed).state
    for _ in range(3):
        state = step(scenario, state, legal_actions(scenario, state)[0]).state
    return state


def _edited(tmp_path, loaded, edit) -> str:
    data = json.loads(save_to_json(make_save(loaded, _played(loaded), slot="x", saved_at="t")))
    edit(data["state"])
    data["checksum"] = checksum(data)  # anyone can recompute a plain sha256
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


EDITS = {
    "a stage that does not exist": lambda s: s.update(stage="nowhere"),
    "a stat removed": lambda s: s["stats"].pop("trust"),
    "the year 2999": lambda s: s.update(date="2999-01-01"),
    "a huge pressure": lambda s: s["stats"].update(pressure=10**30),
    "a day before the first": lambda s: s.update(day=-3),
    "a negative budget": lambda s: s.update(budget=-5),
    "a hidden value": lambda s: s["hidden"].update(resolve=5000),
    "an attitude": lambda s: s["attitudes"].update(envoy=99),
    "a choice dropped from the log": lambda s: s["log"].pop(),
}


@pytest.mark.parametrize("what", list(EDITS))
def test_an_edited_save_is_played_again_from_its_choices(tmp_path, monkeypatch, capsys, mini, what):
    """Its choices are replayed, as when the scenario file changed: the edit is not taken, and a
    save made by another version of the game (whose rules differ) is not lost either."""
    path = _edited(tmp_path, mini, EDITS[what])
    with pytest.raises(GameChanged) as info:
        read_save(path, mini)
    assert info.value.kind == "changed"
    monkeypatch.setattr(sys, "stdin", io.StringIO("s\nq\ny\n"))
    code = cli.main(
        ["play", "--text", "--scenario", MINI, "--load", path, "--save-dir", str(tmp_path)]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert (
        f"hebei1935: {path} does not match what its choices give in this version of the game "
        "(it was made by another version, or edited); its "
    ) in err
    assert "10000000000" not in out and "2999" not in out  # nothing edited was taken


def test_a_save_whose_choices_the_game_refuses_is_refused_as_damaged(tmp_path, mini):
    path = _edited(tmp_path, mini, lambda s: s["log"][0].update(ref="no_such_action"))
    with pytest.raises(SaveError) as info:
        read_save(path, mini)
    assert info.value.kind == "edited"
    assert "its state does not follow from its choices" in str(info.value)


@pytest.mark.parametrize("scenario", [MINI, "scenarios/tutorial.yaml"])
def test_every_save_of_a_played_game_loads_as_it_was(tmp_path, scenario):
    """Choices, teacher's injects and practice take-backs (a step and a whole day), saved at any
    moment and at the end: each save equals the replay of its choices."""
    loaded = load_scenario(scenario)
    sc = loaded.scenario
    for seed in range(4):
        rng = random.Random(seed)
        state = new_game(sc, seed).state
        undo = UndoStack.start(state)
        while not state.over:
            roll = rng.random()
            if roll < 0.1 and undo.can_undo:
                undo, state = undo.undo_day() if rng.random() < 0.5 else undo.undo_action()
            else:
                if roll < 0.15 and sc.injects:
                    action = ReleaseInject(inject=rng.choice(list(sc.injects)))
                else:
                    action = rng.choice(legal_actions(sc, state))
                state = step(sc, state, action).state
                undo = undo.push(state)
            path = write_save(tmp_path / "s.json", make_save(loaded, state, slot="s", saved_at="t"))
            assert read_save(path, loaded).state == state


def test_a_save_of_another_scenario_is_replayed_on_its_own_scenario(tmp_path, monkeypatch, capsys):
    """Review: `play --load` of a tutorial save that had to be replayed, with no --scenario,
    replayed its choices on the 1935 scenario (the default) instead of the tutorial."""
    tutorial = load_scenario("scenarios/tutorial.yaml")
    path = _edited(tmp_path, tutorial, lambda s: s["stats"].update(pressure=99))
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\ny\n"))
    code = cli.main(["play", "--text", "--plain", "--load", path, "--save-dir", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "its choices give in this version of the game" in err
    assert out.startswith(tutorial.scenario.title)
