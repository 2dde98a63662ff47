"""Starting another game never loses an unfinished game's autosave: it is kept as the previous game."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game import saves
from game.engine.actions import EndDay, Respond, TakeAction
from game.engine.api import new_game, step
from game.saves import (
    PREVIOUS_SLOT,
    SaveError,
    autosave_path,
    list_saves,
    make_save,
    previous_autosave_path,
    read_save,
    slot_path,
    write_autosave,
    write_save,
)

ROOT = Path(__file__).resolve().parent.parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


def _state(mini, seed, *actions):
    state = new_game(mini.scenario, seed).state
    for action in actions:
        state = step(mini.scenario, state, action).state
    return state


def _save(mini, state, when="2024-05-01T10:00:00+00:00", **kw):
    return make_save(mini, state, slot="autosave", saved_at=when, **kw)


def _autosave(folder, mini, state, when="2024-05-01T10:00:00+00:00", **kw) -> Path:
    return write_save(autosave_path(folder, "mini"), _save(mini, state, when, **kw))


TALK, END, SPY = TakeAction(action="talk"), EndDay(), TakeAction(action="spy")


@pytest.fixture()
def day_two(mini):
    """An unfinished game at the dawn of day 2, seed 7, with two choices."""
    state = _state(mini, 7, TALK, END)
    assert state.day == 2 and not state.over
    return state


def test_a_new_game_keeps_the_unfinished_game_as_the_previous_one(tmp_path, mini, day_two):
    _autosave(tmp_path, mini, day_two, "2024-05-01T10:00:00+00:00")
    _autosave(tmp_path, mini, _state(mini, 8), "2024-05-01T11:00:00+00:00")  # a new game, day 1
    previous = previous_autosave_path(tmp_path, "mini")
    assert previous == tmp_path / "autosave-mini.previous.json"
    kept = read_save(previous, mini)
    assert kept.state == day_two and kept.seed == 7 and kept.actions == ["talk", "end"]
    assert kept.slot == PREVIOUS_SLOT and kept.saved_at == "2024-05-01T10:00:00+00:00"
    assert read_save(autosave_path(tmp_path, "mini"), mini).seed == 8


def test_the_load_list_shows_both_with_names_a_player_understands(tmp_path, mini, day_two):
    _autosave(tmp_path, mini, day_two, "2024-05-01T10:00:00+00:00")
    _autosave(tmp_path, mini, _state(mini, 8), "2024-05-01T11:00:00+00:00")
    infos, notes = list_saves(tmp_path)
    assert notes == []
    assert [(i.slot, i.day, i.path.name) for i in infos] == [
        ("autosave", 1, "autosave-mini.json"),
        ("previous game (autosave)", 2, "autosave-mini.previous.json"),
    ]


def test_the_same_seed_with_other_choices_is_another_game(tmp_path, mini, day_two):
    # A class plays one seed: the seed alone does not tell one pupil's game from the next.
    _autosave(tmp_path, mini, day_two)
    other = _state(mini, 7, SPY, END)
    _autosave(tmp_path, mini, other)
    assert read_save(previous_autosave_path(tmp_path, "mini"), mini).state == day_two
    assert read_save(autosave_path(tmp_path, "mini"), mini).state == other


def test_the_same_game_going_on_replaces_its_own_autosave(tmp_path, mini, day_two):
    _autosave(tmp_path, mini, day_two)
    later = _state(mini, 7, TALK, END, SPY, END)
    _autosave(tmp_path, mini, later)
    assert read_save(autosave_path(tmp_path, "mini"), mini).state == later
    assert not previous_autosave_path(tmp_path, "mini").exists()
    _autosave(tmp_path, mini, later, "2024-05-01T12:00:00+00:00")  # the same dawn saved again
    assert not previous_autosave_path(tmp_path, "mini").exists()


def test_an_identical_game_replaces_it_too(tmp_path, mini, day_two):
    # Same seed and the same choices: the engine is deterministic, so it is the same position.
    _autosave(tmp_path, mini, day_two)
    _autosave(tmp_path, mini, _state(mini, 7, TALK, END, TALK), practice=True)
    assert not previous_autosave_path(tmp_path, "mini").exists()


def test_a_practice_game_taken_back_does_not_push_out_the_game_kept_before_it(
    tmp_path, mini, day_two
):
    # Review: a practice game's step back looked like another game, so it moved itself into the
    # previous-game file, over the unfinished game kept there.
    other = _state(mini, 4, SPY)  # an unfinished game of another seed
    _autosave(tmp_path, mini, other)
    _autosave(tmp_path, mini, day_two, practice=True)  # a new practice game: `other` is kept
    assert read_save(previous_autosave_path(tmp_path, "mini"), mini).state == other
    again = _state(mini, 7, SPY)  # the practice game, taken back and played otherwise
    _autosave(tmp_path, mini, again, practice=True)
    assert read_save(previous_autosave_path(tmp_path, "mini"), mini).state == other
    assert read_save(autosave_path(tmp_path, "mini"), mini).state == again


def test_a_finished_game_is_not_kept(tmp_path, mini):
    over = _state(mini, 7, Respond(demand="first", response="accept"))
    for _ in range(10):
        if over.over:
            break
        over = step(mini.scenario, over, END).state
    assert over.over
    _autosave(tmp_path, mini, over)
    _autosave(tmp_path, mini, _state(mini, 8))
    assert not previous_autosave_path(tmp_path, "mini").exists()


def test_a_game_without_a_choice_does_not_replace_the_previous_game(tmp_path, mini, day_two):
    # Start a game, quit at once, start another: the real unfinished game stays kept.
    _autosave(tmp_path, mini, day_two)
    _autosave(tmp_path, mini, _state(mini, 8))
    _autosave(tmp_path, mini, _state(mini, 9))
    assert read_save(previous_autosave_path(tmp_path, "mini"), mini).state == day_two
    assert read_save(autosave_path(tmp_path, "mini"), mini).seed == 9


def test_each_displaced_game_is_kept_in_its_own_file(tmp_path, mini, day_two):
    # (robustness review: one previous file kept only the latest displaced game, though each
    # run had said the one before was kept)
    _autosave(tmp_path, mini, day_two)
    second = _state(mini, 8, SPY, END)
    _autosave(tmp_path, mini, second)
    _autosave(tmp_path, mini, _state(mini, 9))
    assert read_save(previous_autosave_path(tmp_path, "mini"), mini).state == day_two
    assert read_save(previous_autosave_path(tmp_path, "mini", 2), mini).state == second
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "autosave-mini.json",
        "autosave-mini.previous-2.json",
        "autosave-mini.previous.json",
    ]


def test_resuming_the_previous_game_swaps_the_two(tmp_path, mini, day_two):
    _autosave(tmp_path, mini, day_two)
    second = _state(mini, 8, SPY, END)
    _autosave(tmp_path, mini, second)
    resumed = read_save(previous_autosave_path(tmp_path, "mini"), mini).state
    for action in (SPY, END):
        resumed = step(mini.scenario, resumed, action).state
    _autosave(tmp_path, mini, resumed)
    assert read_save(previous_autosave_path(tmp_path, "mini"), mini).state == second
    assert read_save(autosave_path(tmp_path, "mini"), mini).state.day == 3


def test_write_autosave_says_where_the_other_game_went(tmp_path, mini, day_two):
    path, kept = write_autosave(tmp_path, _save(mini, day_two))
    assert (path, kept) == (autosave_path(tmp_path, "mini"), None)
    path, kept = write_autosave(tmp_path, _save(mini, _state(mini, 8)))
    assert kept == previous_autosave_path(tmp_path, "mini")
    assert read_save(kept, mini).state == day_two


def test_named_slots_are_overwritten_as_the_player_asked(tmp_path, mini, day_two):
    write_save(slot_path(tmp_path, "mine"), _save(mini, day_two))
    write_save(slot_path(tmp_path, "mine"), _save(mini, _state(mini, 8)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.json"]


def test_a_damaged_autosave_is_still_moved_aside_not_kept_as_previous(tmp_path, mini):
    path = autosave_path(tmp_path, "mini")
    cut = b'{"format": "hebei1935-save", "sa'
    path.write_bytes(cut)
    _autosave(tmp_path, mini, _state(mini, 8))
    assert (tmp_path / "autosave-mini.damaged.json").read_bytes() == cut
    assert not previous_autosave_path(tmp_path, "mini").exists()
    assert read_save(path, mini).seed == 8


def test_a_damaged_previous_game_is_moved_aside_too(tmp_path, mini, day_two):
    previous = previous_autosave_path(tmp_path, "mini")
    previous.write_bytes(b"{ cut short")
    _autosave(tmp_path, mini, day_two)
    _autosave(tmp_path, mini, _state(mini, 8))
    assert (tmp_path / "autosave-mini.previous.damaged.json").read_bytes() == b"{ cut short"
    assert read_save(previous, mini).state == day_two


def test_if_the_game_cannot_be_kept_the_autosave_is_not_written(tmp_path, mini, day_two):
    path = _autosave(tmp_path, mini, day_two)
    before = path.read_bytes()
    previous = previous_autosave_path(tmp_path, "mini")
    previous.write_text('{"hello": "a file that is not a save"}', encoding="utf-8")
    with pytest.raises(SaveError) as info:
        _autosave(tmp_path, mini, _state(mini, 8))
    message = str(info.value)
    assert info.value.kind == "write" and "\n" not in message and len(message) < 400
    assert "holds another unfinished game (day 2)" in message and previous.name in message
    assert path.read_bytes() == before
    assert previous.read_text(encoding="utf-8") == '{"hello": "a file that is not a save"}'
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_damaged_save_that_cannot_be_moved_aside_is_not_overwritten(tmp_path, mini, monkeypatch):
    path = autosave_path(tmp_path, "mini")
    path.write_bytes(b"{ cut short")
    real_replace = os.replace

    def refuse_moving_aside(source, destination):
        if Path(source) == path:
            raise PermissionError(13, "Permission denied")
        return real_replace(source, destination)

    monkeypatch.setattr(saves.os, "replace", refuse_moving_aside)
    with pytest.raises(SaveError) as info:
        _autosave(tmp_path, mini, _state(mini, 8))
    assert info.value.kind == "write" and "will not overwrite the damaged save" in str(info.value)
    assert path.read_bytes() == b"{ cut short"


def test_latest_autosave_is_a_current_one(tmp_path, mini, day_two):
    current = _autosave(tmp_path, mini, _state(mini, 8, SPY))
    for name in ("autosave-mini.previous.json", "autosave-mini.damaged.json"):
        write_save(tmp_path / name, _save(mini, day_two))
    os.utime(current, (1, 1))
    assert saves.latest_autosave(tmp_path) == current


def test_the_window_starting_a_new_game_keeps_the_unfinished_one(tmp_path, mini, day_two):
    from game.ui.session import Session

    _autosave(tmp_path, mini, day_two)
    session = Session.start(mini, 8, tmp_path)
    assert "Your unfinished game from before is kept" in session.save_note  # shown as a notice
    assert read_save(previous_autosave_path(tmp_path, "mini"), mini).state == day_two
    assert read_save(autosave_path(tmp_path, "mini"), mini).seed == 8


def _play_text(folder: Path, keys: str, *seed: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "play", "--text", "--scenario", str(MINI)]
        + ["--save-dir", str(folder), *seed],
        input=keys,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=folder,
        env={**os.environ, "SDL_AUDIODRIVER": "dummy"},
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_the_text_game_starting_a_new_game_keeps_the_unfinished_one(tmp_path):
    # QA's report: play to day 2 with --seed 7, start another game, quit.
    _play_text(tmp_path, "1\nE\n", "--seed", "7")
    _play_text(tmp_path, "q\ny\n")
    kept = json.loads(previous_autosave_path(tmp_path, "mini").read_text(encoding="utf-8"))
    assert (kept["seed"], kept["state"]["day"], kept["actions"][-1]) == (7, 2, "end")
    infos, notes = list_saves(tmp_path)  # both may be saved within one second: order aside
    assert notes == [] and sorted((i.slot, i.day) for i in infos) == [
        ("autosave", 1),
        ("previous game (autosave)", 2),
    ]
