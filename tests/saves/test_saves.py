"""Save files: round trips, atomic writes, and a clear refusal for every kind of broken save."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game import saves
from game.engine.actions import EndDay, TakeAction
from game.engine.api import new_game, step
from game.saves import (
    SaveError,
    SaveGame,
    ScenarioChanged,
    actions_from_log,
    autosave_path,
    checksum,
    list_saves,
    make_save,
    read_save,
    replay_actions,
    save_dir,
    slot_path,
    write_save,
)
from game.scenario.load import load_scenario_bytes

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml"


def _played(mini):
    scenario = mini.scenario
    state = new_game(scenario, 7).state
    for action in (TakeAction(action="talk"), EndDay(), TakeAction(action="spy")):
        state = step(scenario, state, action).state
    return state


@pytest.fixture()
def save(mini) -> SaveGame:
    return make_save(mini, _played(mini), slot="one", saved_at="2024-05-01T10:00:00+00:00")


def _write_raw(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _data(save: SaveGame) -> dict:
    return json.loads(saves.save_to_json(save))


def _refused(path: Path, loaded) -> SaveError:
    before = path.read_bytes() if path.is_file() else None
    stat = path.stat() if path.is_file() else None
    with pytest.raises(SaveError) as info:
        read_save(path, loaded)
    message = str(info.value)
    assert "\n" not in message and len(message) < 400, message
    if before is not None:  # reading never modifies the file
        assert path.read_bytes() == before
        assert path.stat().st_mtime_ns == stat.st_mtime_ns
    return info.value


# --- round trip --------------------------------------------------------------------------------


def test_round_trip_gives_an_equal_save(tmp_path, mini, save):
    path = write_save(tmp_path / "slot.json", save)
    loaded = read_save(path, mini)
    assert loaded == save
    assert loaded.state == save.state
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "hebei1935-save"
    assert data["save_version"] == saves.SAVE_VERSION == 4
    assert data["min_compatible_version"] == 1
    assert data["scenario_id"] == "mini"
    assert data["scenario_hash"] == mini.content_hash
    assert data["seed"] == 7
    assert data["saved_at"] == "2024-05-01T10:00:00+00:00"
    assert data["practice"] is False
    assert data["actions"] == ["talk", "end", "spy"]
    assert data["checksum"] == checksum(data)


def test_actions_from_log_replay_to_the_same_state(mini, save):
    state, problems = replay_actions(mini.scenario, save.seed, actions_from_log(save.state))
    assert problems == []
    assert state == save.state


def test_reading_does_not_modify_the_file(tmp_path, mini, save):
    path = write_save(tmp_path / "slot.json", save)
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    read_save(path, mini)
    list_saves(tmp_path)
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime


def test_practice_flag_is_kept(tmp_path, mini):
    practice = make_save(
        mini, new_game(mini.scenario, 3).state, slot="p", saved_at="t", practice=True
    )
    assert read_save(write_save(tmp_path / "p.json", practice), mini).practice is True


# --- atomic writes -----------------------------------------------------------------------------


def test_write_creates_the_folder_and_leaves_no_temporary_file(tmp_path, save):
    target = tmp_path / "deep" / "er" / "slot.json"
    write_save(target, save)
    assert sorted(p.name for p in target.parent.iterdir()) == ["slot.json"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path, mini, save, monkeypatch
):
    target = write_save(tmp_path / "slot.json", save)
    before = target.read_bytes()
    newer = make_save(mini, new_game(mini.scenario, 8).state, slot="one", saved_at="later")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(saves.os, "fsync", broken_fsync)
    with pytest.raises(SaveError) as info:
        write_save(target, newer)
    assert info.value.kind == "write"
    assert "No space left on device" in str(info.value)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slot.json"]


def test_an_interrupted_write_leaves_no_partial_file(tmp_path, save, monkeypatch):
    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(saves.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_save(tmp_path / "slot.json", save)
    assert list(tmp_path.iterdir()) == []


def test_write_never_replaces_a_file_that_is_not_a_save(tmp_path, save):
    precious = tmp_path / "essay.json"
    precious.write_text('{"my": "homework"}', encoding="utf-8")
    with pytest.raises(SaveError, match="will not overwrite"):
        write_save(precious, save)
    assert precious.read_text(encoding="utf-8") == '{"my": "homework"}'


def test_write_keeps_a_damaged_save_beside_the_new_one(tmp_path, mini, save):
    target = tmp_path / "slot.json"
    target.write_text(saves.save_to_json(save)[:200], encoding="utf-8")  # truncated
    write_save(target, save)
    assert read_save(target, mini) == save
    kept = tmp_path / "slot.damaged.json"
    assert kept.read_text(encoding="utf-8") == saves.save_to_json(save)[:200]


def test_write_replaces_a_good_save(tmp_path, mini, save):
    target = write_save(tmp_path / "slot.json", save)
    later = make_save(mini, new_game(mini.scenario, 8).state, slot="one", saved_at="later")
    write_save(target, later)
    assert read_save(target, mini) == later
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slot.json"]


# --- every broken save is refused with its own message -----------------------------------------


def test_missing_file(tmp_path, mini):
    error = _refused(tmp_path / "nope.json", mini)
    assert error.kind == "missing"
    assert "no save file" in str(error) and "check the path" in str(error)


def test_a_folder(tmp_path, mini):
    error = _refused(tmp_path, mini)
    assert "is a folder" in str(error)


@pytest.mark.parametrize("content", [b"", b"   \n"])
def test_empty_file(tmp_path, mini, content):
    path = tmp_path / "empty.json"
    path.write_bytes(content)
    error = _refused(path, mini)
    assert error.kind == "empty"
    assert "is empty" in str(error) and "load another save" in str(error)


@pytest.mark.parametrize("cut", [1, 100, -2])
def test_truncated_file_is_damaged(tmp_path, mini, save, cut):
    text = saves.save_to_json(save)
    path = tmp_path / "cut.json"
    path.write_text(text[:cut] if cut > 0 else text[: cut - 1], encoding="utf-8")
    error = _refused(path, mini)
    assert error.kind == "damaged"
    assert "is damaged (invalid JSON at line" in str(error) and "load another save" in str(error)


@pytest.mark.parametrize(
    "content",
    [
        b"[1, 2, 3]",
        b'{"format": "something-else"}',
        b'"just text"',
        b"\xff\xfe\x00garbage",
        b'{"save_version": 1}',
    ],
)
def test_foreign_files(tmp_path, mini, content):
    path = tmp_path / "foreign.json"
    path.write_bytes(content)
    error = _refused(path, mini)
    assert error.kind == "foreign"
    assert "is not a Hebei 1935 save" in str(error) and "choose a file saved by the game" in str(
        error
    )


def test_binary_garbage_is_refused(tmp_path, mini):
    path = tmp_path / "zip.json"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    assert _refused(path, mini).kind in ("foreign", "damaged")


def test_deeply_nested_json_is_damaged_not_a_crash(tmp_path, mini):
    path = tmp_path / "deep.json"
    path.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    assert _refused(path, mini).kind in ("foreign", "damaged")


def test_edited_file_fails_the_checksum(tmp_path, mini, save):
    data = _data(save)
    data["state"]["stats"]["trust"] = 100  # a player giving himself a better game
    error = _refused(_write_raw(tmp_path / "edited.json", data), mini)
    assert error.kind == "edited"
    assert "damaged or edited" in str(error)


def test_missing_checksum_is_refused(tmp_path, mini, save):
    data = _data(save)
    del data["checksum"]
    assert _refused(_write_raw(tmp_path / "x.json", data), mini).kind == "edited"


def test_newer_save_version_asks_to_update(tmp_path, mini, save):
    data = _data(save)
    data["save_version"] = saves.SAVE_VERSION + 1
    data["min_compatible_version"] = saves.SAVE_VERSION + 1
    data["checksum"] = checksum(data)
    error = _refused(_write_raw(tmp_path / "new.json", data), mini)
    assert error.kind == "newer"
    assert "made by a newer version of the game" in str(error) and "update the game" in str(error)


def test_newer_but_compatible_save_is_read(tmp_path, mini, save):
    data = _data(save)
    data["save_version"] = saves.SAVE_VERSION + 1  # a newer game that declared its saves readable
    data["checksum"] = checksum(data)
    assert read_save(_write_raw(tmp_path / "new.json", data), mini).state == save.state


def test_newer_compatible_save_with_unknown_fields_asks_to_update(tmp_path, mini, save):
    data = _data(save)
    data["save_version"] = saves.SAVE_VERSION + 1
    data["state"]["weather"] = "rain"
    data["checksum"] = checksum(data)
    assert _refused(_write_raw(tmp_path / "new.json", data), mini).kind == "newer"


def test_wrong_field_types_are_damaged(tmp_path, mini, save):
    data = _data(save)
    data["state"]["day"] = "three"
    data["checksum"] = checksum(data)
    error = _refused(_write_raw(tmp_path / "x.json", data), mini)
    assert error.kind == "damaged"
    assert "state.day" in str(error)


def test_state_of_another_game_is_damaged(tmp_path, mini, save):
    data = _data(save)
    data["seed"] = 99
    data["checksum"] = checksum(data)
    assert "another game" in str(_refused(_write_raw(tmp_path / "x.json", data), mini))


def test_wrong_scenario(tmp_path, mini, save):
    other_raw = FIXTURE.read_bytes().replace(b"id: mini", b"id: other", 1)
    other = load_scenario_bytes(other_raw, "other.yaml")
    path = write_save(tmp_path / "slot.json", save)
    error = _refused(path, other)
    assert error.kind == "scenario"
    assert "belongs to scenario 'mini', not 'other'" in str(error)


def test_changed_scenario_carries_actions_and_seed(tmp_path, mini, save):
    changed_raw = FIXTURE.read_bytes().replace(
        b"title: Mini crisis", b"title: Mini crisis, revised", 1
    )
    changed = load_scenario_bytes(changed_raw, "mini.yaml")
    path = write_save(tmp_path / "slot.json", save)
    with pytest.raises(ScenarioChanged) as info:
        read_save(path, changed)
    error = info.value
    assert isinstance(error, SaveError) and error.kind == "changed"
    assert "has changed since" in str(error)
    assert error.seed == 7 and error.actions == ["talk", "end", "spy"]
    state, problems = replay_actions(changed.scenario, error.seed, error.actions)
    assert problems == []
    assert state.log == save.state.log


def test_replay_reports_the_first_rejected_action(mini):
    changed_raw = FIXTURE.read_bytes().replace(b"  spy:\n", b"  spies:\n", 1)
    changed = load_scenario_bytes(changed_raw, "mini.yaml")
    state, problems = replay_actions(changed.scenario, 7, ["talk", "end", "spy", "end"])
    assert len(problems) == 1
    assert problems[0].index == 2 and problems[0].key == "spy"
    assert "There is no action 'spy'" in problems[0].reason
    assert str(problems[0]).startswith("choice 3 ('spy') is no longer possible")
    assert [entry.ref for entry in state.log] == ["talk", ""]  # stopped before the bad choice


def test_replay_names_the_part_of_a_changed_condition_that_failed(mini):
    # an author gave `spy` a condition that the saved game's day 2 does not meet: F5 and a
    # changed scenario's save say which part failed and what it read, not only "not possible"
    changed_raw = FIXTURE.read_bytes().replace(
        b"    max_uses: 1\n", b'    max_uses: 1\n    when: "day >= 2 and pressure >= 90"\n', 1
    )
    changed = load_scenario_bytes(changed_raw, "mini.yaml")
    _, problems = replay_actions(changed.scenario, 7, ["talk", "end", "spy", "end"])
    assert problems[0].key == "spy"
    assert problems[0].reason.startswith("'Ask the spies' is not possible now. ")
    assert problems[0].reason.endswith(
        " Its condition does not hold: `pressure >= 90` (pressure = 35)."
    )


def test_replay_rejects_a_malformed_key(mini):
    _, problems = replay_actions(mini.scenario, 7, [":"])
    assert problems and problems[0].index == 0


# --- migrations --------------------------------------------------------------------------------


def _v0(save: SaveGame) -> dict:
    """A made-up version 0: the state was called `game` and there was no practice flag."""
    data = save.model_dump(mode="json")
    data["save_version"] = 0
    data["min_compatible_version"] = 0
    data["game"] = data.pop("state")
    del data["practice"]
    data["checksum"] = checksum(data)
    return data


def test_v0_save_without_migration_is_refused_as_old(tmp_path, mini, save):
    error = _refused(_write_raw(tmp_path / "old.json", _v0(save)), mini)
    assert error.kind == "old"
    assert "can no longer read" in str(error)


def test_v0_save_is_migrated(tmp_path, mini, save, monkeypatch):
    def v0_to_v1(data: dict) -> dict:
        data["state"] = data.pop("game")
        data["practice"] = False
        return data

    monkeypatch.setattr(saves, "MIGRATIONS", {**saves.MIGRATIONS, 0: v0_to_v1})
    path = _write_raw(tmp_path / "old.json", _v0(save))
    before = path.read_bytes()
    migrated = read_save(path, mini)
    assert migrated.save_version == saves.SAVE_VERSION
    assert migrated.state == save.state
    assert path.read_bytes() == before  # migration happens in memory only


def test_migrations_form_a_chain_up_to_the_current_version():
    versions = sorted(saves.MIGRATIONS)
    assert all(0 <= v < saves.SAVE_VERSION for v in versions)
    assert versions == list(range(saves.SAVE_VERSION - len(versions), saves.SAVE_VERSION))
    assert saves.MIN_COMPATIBLE_VERSION <= saves.SAVE_VERSION


# --- slots and listing -------------------------------------------------------------------------


def test_save_dir_override_and_default(tmp_path, monkeypatch):
    assert save_dir(str(tmp_path)) == tmp_path
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert save_dir(None) == tmp_path / "data" / "hebei1935" / "saves"


@pytest.mark.parametrize("name", ["day3", "before-the-deadline", "He_Yingqin_2"])
def test_good_slot_names(tmp_path, name):
    assert slot_path(tmp_path, name) == tmp_path / f"{name}.json"


@pytest.mark.parametrize(
    "name", ["", "../etc/passwd", "a/b", "with space", "ümlaut", "x" * 65, "dot.json", "C:\\x"]
)
def test_bad_slot_names_are_refused(tmp_path, name):
    with pytest.raises(SaveError) as info:
        slot_path(tmp_path, name)
    assert info.value.kind == "slot"
    assert "letters, digits, '-' or '_'" in str(info.value)


def test_autosave_path_is_per_scenario(tmp_path):
    assert autosave_path(tmp_path, "he_umezu_1935") == tmp_path / "autosave-he_umezu_1935.json"
    assert autosave_path(tmp_path, "../x").parent == tmp_path


def test_list_saves_skips_damaged_files_with_a_note(tmp_path, mini, save):
    write_save(slot_path(tmp_path, "one"), save)
    later = make_save(
        mini,
        new_game(mini.scenario, 1).state,
        slot="autosave",
        saved_at="2024-05-02T09:00:00+00:00",
    )
    write_save(autosave_path(tmp_path, "mini"), later)
    (tmp_path / "broken.json").write_text(
        '{"format": "hebei1935-save", "save_ver', encoding="utf-8"
    )
    (tmp_path / "notes.txt").write_text("not a save", encoding="utf-8")
    infos, notes = list_saves(tmp_path)
    assert [(i.slot, i.scenario_id, i.day, i.date) for i in infos] == [
        ("autosave", "mini", 1, "1935-06-01"),
        ("one", "mini", 2, "1935-06-02"),
    ]
    assert infos[1].saved_at == "2024-05-01T10:00:00+00:00" and not infos[1].over
    assert (
        len(notes) == 1 and notes[0].startswith("skipped broken.json: ") and "damaged" in notes[0]
    )


def test_list_saves_of_a_missing_folder_is_empty(tmp_path):
    assert list_saves(tmp_path / "none") == ([], [])


def test_latest_autosave(tmp_path, mini, save):
    assert saves.latest_autosave(tmp_path) is None
    first = write_save(autosave_path(tmp_path, "a"), save)
    second = write_save(autosave_path(tmp_path, "b"), save)
    os.utime(first, (1, 1))
    assert saves.latest_autosave(tmp_path) == second


def test_peek_scenario_id(tmp_path, save):
    assert saves.peek_scenario_id(write_save(tmp_path / "s.json", save)) == "mini"
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert saves.peek_scenario_id(tmp_path / "bad.json") is None
    assert saves.peek_scenario_id(tmp_path / "none.json") is None


def test_a_save_whose_scenario_changed_replays_a_teachers_inject_too(mini):
    # replay_actions read 'inject:X' as the answer X to a demand called 'inject' and stopped there
    from game.engine.actions import ReleaseInject, action_key, parse_action_key
    from game.engine.api import new_game, step
    from game.saves import replay_actions

    state = new_game(mini.scenario, 3).state
    keys = [action_key(ReleaseInject(inject="rumour_of_war")), "talk", "end"]
    replayed, problems = replay_actions(mini.scenario, 3, keys)
    assert problems == []
    for key in keys:
        state = step(mini.scenario, state, parse_action_key(key)).state
    assert replayed == state and replayed.day == 2


# --- version 2: what the text version keeps beside the state -----------------------------------


def test_a_version_1_save_is_read_and_has_no_session_notes(tmp_path, mini, save):
    data = _as_version_2(_data(save))
    data["save_version"] = 1
    data.pop("session", None)
    data["checksum"] = checksum(data)
    old = read_save(_write_raw(tmp_path / "v1.json", data), mini)
    assert old.state == save.state and old.session is None


def test_session_notes_are_kept_and_left_out_when_empty(tmp_path, mini, save):
    from game.saves import SessionNotes, make_save, save_to_json

    assert "session" not in json.loads(save_to_json(save))  # as version 1 wrote it
    empty = make_save(mini, save.state, slot="x", saved_at="now", session=SessionNotes())
    assert "session" not in json.loads(save_to_json(empty))
    notes = SessionNotes(player_name="Ana and Ben", passed_days=[3, 4], timed_out_days=[2])
    kept = make_save(mini, save.state, slot="x", saved_at="now", session=notes)
    path = tmp_path / "kept.json"
    write_save(path, kept)
    assert read_save(path, mini).session == notes
    # the file says which version wrote it (a game of version 1 cannot ignore the new field;
    # see the note on versions in game/saves.py for how it refuses it)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["save_version"] == saves.SAVE_VERSION >= 2 and data["min_compatible_version"] == 1


# --- version 3: whether an intelligence report told the truth ----------------------------------


def _as_version_2(data: dict) -> dict:
    """A save's data as version 2 wrote it: no event says `accurate`."""
    for event in data["state"]["inbox"]:
        event.pop("accurate", None)
    data["save_version"] = 2
    data["checksum"] = checksum(data)
    return data


def test_accurate_is_written_on_reports_only(save):
    inbox = _data(save)["state"]["inbox"]
    reports = [e for e in inbox if e["kind"] == "intelligence"]
    assert reports and all(isinstance(e["accurate"], bool) for e in reports)
    assert all("accurate" not in e for e in inbox if e["kind"] != "intelligence")
    assert [e["accurate"] for e in reports] == [
        e.accurate for e in save.state.inbox if e.kind == "intelligence"
    ]


def test_a_version_2_save_gets_its_reports_accuracy_from_a_replay(tmp_path, mini, save):
    """Without it the loaded state would differ from the one the engine makes, and whatever
    compares the two (the text version's numbering of a resumed day, the debrief) would give up."""
    from game.engine.api import states_before_choices

    old = read_save(_write_raw(tmp_path / "v2.json", _as_version_2(_data(save))), mini)
    assert old.state == save.state
    assert states_before_choices(mini.scenario, old.state) is not None


def test_a_version_2_save_whose_replay_differs_has_its_choices_replayed(tmp_path, mini, save):
    # (it was read as it was until the robustness review: a state that does not follow from its
    # choices, with a fresh checksum, is edited or from another version of the game, whatever
    # its format's version: its choices are played again)
    from game.saves import GameChanged

    data = _as_version_2(_data(save))
    data["state"]["stats"]["trust"] += 1  # not where its choices lead
    data["checksum"] = checksum(data)
    with pytest.raises(GameChanged) as info:
        read_save(_write_raw(tmp_path / "v2.json", data), mini)
    assert info.value.actions == actions_from_log(save.state)


def test_counterfactual_is_written_only_when_true_and_read_back(tmp_path):
    """An older game reads a save with no counterfactual item in its inbox (the field is left
    out when false), and a save with one keeps it."""
    from tests.conftest import edited_mini

    marked = edited_mini(
        (
            "    if_false: They are bluffing.\n",
            "    if_false: They are bluffing.\n    sources: [T1]\n    counterfactual: true\n",
        )
    )
    loaded = load_scenario_bytes(marked.encode(), str(tmp_path / "marked.yaml"))
    state = _played(loaded)
    assert any(e.counterfactual for e in state.inbox)
    data = _data(make_save(loaded, state, slot="cf", saved_at="2024-05-01T10:00:00+00:00"))
    inbox = data["state"]["inbox"]
    rumours = [e.get("counterfactual") for e in inbox if e["ref"] == "rumour"]
    assert rumours and all(rumours)
    assert all("counterfactual" not in e for e in inbox if e["ref"] != "rumour")
    path = write_save(
        tmp_path / "cf.json", make_save(loaded, state, slot="cf", saved_at="2024-05-01T10:00:00")
    )
    assert read_save(path, loaded).state == state


# --- version 4: the time a timed council had spent when the game was saved -------------------


def test_council_time_is_written_only_when_spent_and_read_back(tmp_path, mini, save):
    """A save made at dawn, or without a time limit, is written as version 3 wrote it (an older
    game reads it still); one made mid-council keeps the seconds spent, for that day only."""
    from game.lesson import LessonDays
    from game.saves import SessionNotes, make_save, notes_for_save, save_to_json

    at_dawn = notes_for_save("Ana", LessonDays(), council=(2, 0))
    assert at_dawn == SessionNotes(player_name="Ana")
    written = json.loads(save_to_json(make_save(mini, save.state, slot="x", session=at_dawn)))
    assert written["session"] == {"player_name": "Ana", "passed_days": [], "timed_out_days": []}
    mid = notes_for_save("Ana", LessonDays(), council=(2, 37))
    kept = make_save(mini, save.state, slot="x", saved_at="now", session=mid)
    path = write_save(tmp_path / "mid.json", kept)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["session"]["council_day"], data["session"]["council_seconds"]) == (2, 37)
    notes = read_save(path, mini).session
    assert notes is not None
    assert (notes.council_spent_on(2), notes.council_spent_on(3)) == (37, 0)


def test_a_version_3_save_with_notes_is_read_and_its_council_starts_in_full(tmp_path, mini, save):
    from game.saves import SessionNotes, make_save

    notes = SessionNotes(player_name="Ana", timed_out_days=[1])
    data = _data(make_save(mini, save.state, slot="x", saved_at="now", session=notes))
    data["save_version"] = 3
    data["checksum"] = checksum(data)
    old = read_save(_write_raw(tmp_path / "v3.json", data), mini)
    assert old.session == notes and old.session.council_spent_on(old.state.day) == 0


def test_an_edited_save_cannot_lengthen_a_council():
    """Review: `council_seconds: -600` (with its checksum recomputed) gave an 11-minute council
    under a 1-minute limit."""
    from pydantic import ValidationError

    from game.saves import SessionNotes

    with pytest.raises(ValidationError):
        SessionNotes(council_day=1, council_seconds=-600)
