"""Save files: versioned, checksummed JSON, written atomically and refused clearly when broken.

API for the front ends (game.text, game.ui) and the CLI:

    folder = save_dir(args.save_dir)                    # platformdirs' data dir + /saves, or the override
    notes = notes_for_save(player_name, lesson)         # what the front end keeps beside the state
    save = make_save(loaded, state, slot="autosave", practice=False, session=notes)  # stamped now
    write_save(autosave_path(folder, loaded.scenario.id), save)   # atomic; raises SaveError
    path, kept = write_autosave(folder, save)           # the same, and says where another game was kept
    write_save(slot_path(folder, "before-the-deadline"), save)    # SaveError if the name is not allowed
    other = another_game_in_slot(slot_path(folder, name), save)   # ask "Replace it?" if not None

    try:
        save = read_save(path, loaded)                  # never modifies the file
    except ScenarioChanged as changed:                  # the scenario file was edited since saving
        state, problems = replay_actions(loaded.scenario, changed.seed, changed.actions)
        # problems is empty if every choice still works; else problems[0] says which one and why
    except SaveError as exc:                            # str(exc) is one line: which problem, what to do
        ...
    state = save.state

    saves, notes = list_saves(folder)                   # SaveInfo per good file; a note per damaged one
    peek_scenario_id(path)                              # which scenario a save needs, before loading it

An autosave never replaces another unfinished game: when the autosave file holds a game that the
one being saved did not continue (a new game was started), that game is first kept as
previous_autosave_path (slot PREVIOUS_SLOT), so the Load list shows both. Up to MAX_PREVIOUS (3)
such games are kept per scenario (.previous.json, .previous-2.json, .previous-3.json); a fourth
replaces the one kept longest ago, and `autosave` says which (Autosaved.replaced).

Both front ends build their saves with `make_save` and `notes_for_save`, so that a save of the text
version and one of the window are made alike. A save is stamped `game.save_time.now_stamp()` (local
time with its offset) unless `saved_at` is given (tests give one); `list_saves` sorts by the moment
a stamp names, reading old stamps (UTC, or local time without an offset) as well. Only the shells
and this module touch the file system; the engine never sees a path.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, TypeGuard

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.engine.actions import action_key, logged_choice, parse_action_key
from game.engine.api import new_game, step
from game.engine.refusals import why_not_for_author
from game.engine.state import GameState
from game.save_paths import AUTOSAVE_PREFIX as AUTOSAVE_PREFIX  # re-exported: part of this API
from game.save_paths import autosave_path as autosave_path
from game.save_paths import file_in_the_way
from game.save_paths import latest_autosave as latest_autosave
from game.save_paths import previous_autosave_path as previous_autosave_path
from game.save_paths import save_dir as save_dir
from game.save_time import newest_first, now_stamp
from game.scenario.load import LoadedScenario
from game.scenario.model import Scenario
from game.scenario.yaml_source import read_limited

FORMAT: Literal["hebei1935-save"] = "hebei1935-save"

# Bump SAVE_VERSION only when an older game could misread a new save. Before bumping, ask:
#   1. Can old saves still be read? Then add MIGRATIONS[old] turning old data into the new shape
#      (and a test with a real old save), so nobody loses a game on update.
#   2. Can an older game still read the new saves, ignoring what it does not know? Then keep
#      MIN_COMPATIBLE_VERSION where it is; otherwise raise it to the new version, so older games
#      refuse the save with "made by a newer version" instead of loading it wrongly.
#   3. Does the change belong in the save at all, or in the scenario (which the save names by hash)?
#
# Version 2 added `session` (what a front end knows beyond the state, for its report). It is
# written only when there is something in it, so an older game still reads every save without
# it; one with it is refused by an older game as "made by a newer version" (it cannot ignore the
# field), never misread.
#
# Version 3 added `accurate` to the inbox's events: whether an intelligence report told the
# truth when it came. It is written only on reports (None, on everything else, is left out), so
# an older game reads a save with no report in its inbox, and refuses one with a report as "made
# by a newer version". A save of version 2 or older has none: `read_save` finds them by playing
# the game's choices again, so that its state is the one the engine makes. Version 3 also added
# `counterfactual` (an item told as the game's invention although it cites sources), written only
# when true; a save of an older version needs no repair, since its scenario, which the save's
# hash pins, could not mark anything counterfactual.
#
# Version 4 added `council_day` and `council_seconds` to `session`: the seconds of a timed
# council already spent when the game was saved in the middle of it, so that a resumed council
# goes on with the time it had left (it started again in full). They are written only when some
# time was spent, so an older game reads every other save, and refuses one saved mid-council as
# "made by a newer version". An older save has none: its council starts in full, as it did.
SAVE_VERSION = 4
MIN_COMPATIBLE_VERSION = 1

# One function per old version v, turning a save's data of version v into version v + 1
# (`save_version` is updated by the reader).
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: lambda data: data,  # version 1 had no `session`: its default (none) is right
    2: lambda data: data,  # version 2 had no `accurate`: read_save finds it (see _replayed)
    3: lambda data: data,  # version 3 had no council time: a resumed council starts in full
}

PREVIOUS_SLOT = "previous game (autosave)"  # the slot a displaced game's autosave is shown with
MAX_PREVIOUS = 3  # unfinished games kept per scenario when new games displace them

MAX_SAVE_BYTES = 50_000_000  # a real save is well under 1 MB; refuse anything absurd before parsing
_SLOT_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")

ErrorKind = Literal[
    "missing", "unreadable", "empty", "damaged", "foreign", "edited", "newer", "old",
    "scenario", "changed", "slot", "write",
]  # fmt: skip


class SaveError(Exception):
    """A save cannot be used; `str()` is one line saying which problem and what to do."""

    def __init__(self, message: str, kind: ErrorKind = "damaged", path: str = ""):
        self.message = " ".join(message.split())  # one line, whatever the OS put in strerror
        self.kind = kind
        self.path = path
        super().__init__(self.message)


class SessionNotes(BaseModel):
    """What the front end playing a game knows of it beyond its state, kept so that a resumed
    game's report still has it: the student's name, the days lesson mode passed without a
    council and the councils the time limit ended (day numbers). Not kept: the text version's
    cabinet votes, so a resumed game's report lists only the votes taken after the resume."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    player_name: str = ""
    passed_days: list[int] = []
    timed_out_days: list[int] = []
    # under a time limit, the seconds of day `council_day`'s council spent when the game was saved
    # (0 and 0: none; a save made at dawn, or without a limit)
    council_day: int = Field(0, ge=0)
    council_seconds: int = Field(0, ge=0)  # an edited save cannot lengthen a council

    def council_spent_on(self, day: int) -> int:
        """Seconds of the council of `day` already spent before this save (0 for another day)."""
        return self.council_seconds if self.council_day == day else 0


class SaveGame(BaseModel):
    """One saved game: which scenario (by id and content hash), the seed, the choices and the state."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["hebei1935-save"] = FORMAT
    save_version: int = SAVE_VERSION
    min_compatible_version: int = MIN_COMPATIBLE_VERSION
    scenario_id: str
    scenario_hash: str
    seed: int
    slot: str
    saved_at: str
    practice: bool = False
    actions: list[str] = []
    state: GameState
    session: SessionNotes | None = None  # save format 2; left out of the file when None


class ScenarioChanged(SaveError):
    """The save is sound but its scenario file has changed since; the choices may be replayed."""

    # what the front ends say when they have replayed the choices (`path`: the save)
    replayed_because = "the scenario has changed since {path} was saved"

    def __init__(self, message: str, save: SaveGame, path: str = ""):
        super().__init__(message, "changed", path)
        self.save = save
        self.seed = save.seed
        self.actions = list(save.actions)
        self.scenario_id = save.scenario_id


class GameChanged(ScenarioChanged):
    """The save's choices, played again on its unchanged scenario, make another state than the
    one saved: it was made by another version of the game (whose rules differ), or edited. Its
    choices are replayed, as for a changed scenario: a player who updates the game between two
    lessons keeps the game, and whatever was edited is not taken."""

    replayed_because = (
        "{path} does not match what its choices give in this version of the game (it was made "
        "by another version, or edited)"
    )


@dataclass(frozen=True)
class SaveInfo:
    """What a save list shows about one save, without loading its scenario."""

    path: Path
    slot: str
    scenario_id: str
    day: int
    date: str
    saved_at: str
    practice: bool
    over: bool


@dataclass(frozen=True)
class ReplayProblem:
    """The first choice of a save that a changed scenario no longer accepts."""

    index: int  # 0-based position in the save's actions
    key: str
    reason: str

    def __str__(self) -> str:
        return f"choice {self.index + 1} ('{self.key}') is no longer possible: {self.reason}"


# --- building and writing ----------------------------------------------------------------------


def actions_from_log(state: GameState) -> list[str]:
    """The player's choices so far as keys (`talk`, `first:accept`, `end`), from the state's log."""
    return [action_key(logged_choice(entry)) for entry in state.log]


def make_save(
    loaded: LoadedScenario,
    state: GameState,
    *,
    slot: str,
    saved_at: str | None = None,
    practice: bool = False,
    actions: list[str] | None = None,
    session: SessionNotes | None = None,
) -> SaveGame:
    """A save of `state`, stamped now (`now_stamp`) unless `saved_at` is given; `actions` defaults
    to the choices recorded in the state's log; `session`: what the front end keeps beside the
    state (`notes_for_save`)."""
    if saved_at is None:
        saved_at = now_stamp()
    return SaveGame(
        scenario_id=loaded.scenario.id,
        scenario_hash=loaded.content_hash,
        seed=state.seed,
        slot=slot,
        saved_at=saved_at,
        practice=practice,
        actions=actions_from_log(state) if actions is None else list(actions),
        state=state,
        session=session if session is not None and session != SessionNotes() else None,
    )


class LessonRecord(Protocol):
    """What `notes_for_save` reads of a front end's game.lesson.LessonDays."""

    passed: list[int]
    timed_out: list[int]


def notes_for_save(
    player_name: str, lesson: LessonRecord, council: tuple[int, int] = (0, 0)
) -> SessionNotes:
    """What a front end keeps beside a game's state, as both front ends save it: the players'
    name, the days lesson mode passed or the time limit ended (copied: the notes stay as they
    were when the save was made), and `council`: (day, seconds) of a timed council spent so far,
    when the game is saved in the middle of one."""
    day, seconds = council
    return SessionNotes(
        player_name=player_name,
        passed_days=list(lesson.passed),
        timed_out_days=list(lesson.timed_out),
        council_day=day if seconds > 0 else 0,
        council_seconds=max(0, seconds) if day > 0 else 0,
    )


def checksum(data: dict[str, Any]) -> str:
    """sha256 of the canonical JSON of everything in the save except the checksum itself."""
    body = {key: value for key, value in data.items() if key != "checksum"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def save_to_json(save: SaveGame) -> str:
    data = save.model_dump(mode="json")
    if data.get("session") is None:
        data.pop("session", None)  # as a save of version 1 had it: older games read it still
    elif not data["session"].get("council_seconds"):
        # as a save of version 3 had it, when no council time was spent: older games read it still
        data["session"].pop("council_day", None)
        data["session"].pop("council_seconds", None)
    for event in data["state"]["inbox"]:
        # as a save of version 2 had it, when there is nothing to say: older games read it still
        if event.get("accurate") is None:
            event.pop("accurate", None)
        if not event.get("counterfactual"):
            event.pop("counterfactual", None)
    data["checksum"] = checksum(data)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_save(path: str | Path, save: SaveGame) -> Path:
    """Write atomically: a temporary file in the same folder, flushed to disk, then renamed.

    A crash at any moment leaves either the old file or the new one, never a mix. An existing file
    that is not a save is never replaced; an existing damaged save is kept beside the new one. At
    a scenario's autosave_path, another unfinished game found there is kept first (write_autosave).
    """
    return _write(Path(path), save).path


def write_autosave(folder: str | Path, save: SaveGame) -> tuple[Path, Path | None]:
    """Write `save` as its scenario's autosave; also returns where another unfinished game that
    was autosaved there has been kept (previous_autosave_path), or None if there was none."""
    done = autosave(folder, save)
    return done.path, done.kept


@dataclass(frozen=True)
class Autosaved:
    """What an autosave did: where it wrote, where another unfinished game found in the autosave
    was kept (None if there was none), and the older game that keeping it replaced, when
    MAX_PREVIOUS games were kept already (None if a free or the same game's file was used)."""

    path: Path
    kept: Path | None = None
    replaced: SaveGame | None = None


def autosave(folder: str | Path, save: SaveGame) -> Autosaved:
    """write_autosave, saying also which older kept game, if any, made room (see Autosaved)."""
    return _write(autosave_path(folder, save.scenario_id), save)


def _write(target: Path, save: SaveGame) -> Autosaved:
    payload = save_to_json(save).encode("utf-8")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(target, exc) from None
    existing = _protect_existing(target)
    kept = replaced = None
    if (
        existing is not None
        and target == autosave_path(target.parent, save.scenario_id)
        and _another_unfinished_game(existing, save)
    ):
        kept, replaced = _keep_previous(target, existing, save)
    _replace_atomically(target, payload)
    return Autosaved(target, kept, replaced)


def restore_kept(kept: Path) -> Path:
    """Put the unfinished game that an autosave kept aside at `kept` back as its scenario's
    autosave, and remove `kept`: a new game begun by mistake and left at once (Esc on its first
    briefing) must not take the place of the game the player was playing (play-test: Continue
    then resumed the empty new game). Raises SaveError."""
    game = _read_verified(kept)
    target = autosave_path(kept.parent, game.scenario_id)
    _replace_atomically(target, save_to_json(game.model_copy(update={"slot": "autosave"})).encode())
    try:
        kept.unlink()
    except OSError as exc:
        raise _write_error(kept, exc) from None
    return target


def another_game_in_slot(path: str | Path, save: SaveGame) -> SaveGame | None:
    """The game that writing `save` to `path` would replace, if it is another game: a sound save
    there of another scenario, another seed, or choices that part from this game's. None when
    there is no file, when it is not a sound save (write_save moves a damaged one aside and
    refuses a foreign one itself), or when it holds the same game (an earlier or later save of
    it, or the same game after a practice step back).

    For the shells' "Replace it?" before a named save (robustness review: `w mine` in a second
    game silently replaced the first game's mine.json). The text version asks with it; the
    window's save dialog can call it the same way. Reads the file; never writes.
    """
    target = Path(path)
    if not target.is_file():
        return None
    try:
        there = _read_verified(target)
    except SaveError:
        return None
    if there.scenario_id == save.scenario_id and there.seed == save.seed:
        # A seed is shared by a whole class (everyone plays --seed 1935): the same game is one
        # whose choices go on from the other's, or back to them (a practice step back); a
        # classmate's game of the same seed is another game (review)
        mine, theirs = actions_from_log(save.state), actions_from_log(there.state)
        shorter = min(len(mine), len(theirs))
        if mine[:shorter] == theirs[:shorter]:
            return None
    return there


def describe_game(save: SaveGame, scenario: Scenario | None = None) -> str:
    """A saved game in a few words, for a question about it: scenario, seed, day and date. With
    the `scenario` it was made with, its title rather than its id (a player knows "Hebei 1935",
    not "he_umezu_1935": play-test)."""
    state = save.state
    where = "finished" if state.over else f"day {state.day}, {state.date.isoformat()}"
    named = (
        scenario.title
        if scenario is not None and scenario.id == save.scenario_id
        else save.scenario_id
    )
    return f"'{named}', seed {save.seed}, {where}"


def _another_unfinished_game(old: SaveGame, new: SaveGame) -> bool:
    """Whether replacing the save `old` by `new` would lose a game: `old` is unfinished, holds
    at least one choice, and is not an earlier moment of the game `new` saves.

    A save has no game id, and a seed is shared by a whole class, but the engine is
    deterministic: scenario, seed and the choices in the log make the state (replay_actions relies
    on it). So when `new` has the same scenario and seed and its choices begin with all of
    `old`'s, `old` lies on `new`'s own path (or is the same position of an identical game): nothing
    is lost. Anything else (another seed; fewer choices, as in a new game or a practice game
    taken back; a choice that differs) means `old` holds a position `new` never passed through.
    A finished game, or one with no choice yet (new_game(seed) again), is not worth keeping.
    """
    if old.state.over:
        return False
    before = actions_from_log(old.state)
    if not before:
        return False
    same = old.scenario_id == new.scenario_id and old.seed == new.seed
    if same and old.practice and new.practice:
        # A practice game takes steps back, so its choices need not go on from the saved ones:
        # the same practice game is not moved aside by its own steps back. (A second practice
        # game of the same seed replaces it: practice is not worth a second slot.)
        return False
    return not (same and actions_from_log(new.state)[: len(before)] == before)


def _keep_previous(target: Path, old: SaveGame, new: SaveGame) -> tuple[Path, SaveGame | None]:
    """Write `old` (shown as PREVIOUS_SLOT) to a previous-game file before `target` is replaced,
    and say which older kept game, if any, it replaced (see _previous_file); if that fails,
    `target` is not replaced either (SaveError)."""
    previous, replaced = _previous_file(target.parent, old, new)
    try:
        written = _write(previous, old.model_copy(update={"slot": PREVIOUS_SLOT})).path
        return written, replaced
    except SaveError as exc:
        raise SaveError(
            f"did not autosave: {target.name} holds another unfinished game (day {old.state.day}), "
            f"which could not be kept as {previous.name} ({exc})",
            "write",
            str(target),
        ) from None


def _previous_file(folder: Path, old: SaveGame, new: SaveGame) -> tuple[Path, SaveGame | None]:
    """The previous-game file to keep `old` in (displaced from the autosave by `new`), and the
    other unfinished game it holds (None if it holds none): first a file whose game nothing would
    lose, an earlier moment of `old`'s game (kept twice, it takes one file) or of `new`'s (a kept
    game resumed: the two swap), a finished game or one with no choice; else a free one (a damaged file
    counts as free: writing moves it aside); else, when MAX_PREVIOUS other unfinished games are
    kept already, the one written longest ago, which is replaced (the shell says so).

    Robustness review: three new games in a row kept only the last displaced game, while each
    run had said the one before was kept."""
    files = [previous_autosave_path(folder, old.scenario_id, n) for n in range(1, MAX_PREVIOUS + 1)]
    held: list[tuple[Path, SaveGame]] = []
    free: Path | None = None
    for path in files:
        try:
            there = _read_verified(path) if path.exists() else None
        except SaveError:
            there = None
        if there is None:
            free = free or path
        elif not _another_unfinished_game(there, old) or not _another_unfinished_game(there, new):
            return path, None
        else:
            held.append((path, there))
    if free is not None:
        return free, None
    oldest = min(held, key=lambda item: _modified(item[0]))
    return oldest


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _replace_atomically(target: Path, payload: bytes) -> None:
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise _write_error(target, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_folder(target.parent)


def _write_error(target: Path, exc: OSError) -> SaveError:
    blocker = file_in_the_way(target.parent)
    if blocker is not None:
        # (robustness review: --save-dir naming a file said "cannot write the save
        # .../base.yaml/autosave-tutorial.json (File exists)")
        return SaveError(
            f"cannot write the save {target}: {blocker} is a file, not a folder; choose a folder "
            "for the saves",
            "write",
            str(target),
        )
    return SaveError(
        f"cannot write the save {target} ({exc.strerror or exc}): check that the disk has space "
        f"and that you may write to {target.parent}",
        "write",
        str(target),
    )


def _protect_existing(target: Path) -> SaveGame | None:
    """The sound save at `target`, if any; a damaged one is moved aside, a foreign one refused."""
    if not target.exists():
        return None
    if target.is_dir():
        raise SaveError(
            f"cannot save to {target}: it is a folder; choose a file name", "write", str(target)
        )
    try:
        return _read_verified(target)
    except SaveError as exc:
        if exc.kind in ("foreign", "newer"):
            raise SaveError(
                f"will not overwrite {target}: it is not a save of this version of the game; choose another name",
                "write",
                str(target),
            ) from None
        if exc.kind not in ("missing", "empty"):
            keep = _free_name(target.with_name(f"{target.stem}.{exc.kind}{target.suffix}"))
            try:
                os.replace(target, keep)  # kept for the player to inspect; never silently lost
            except OSError as error:
                raise SaveError(
                    f"will not overwrite the damaged save {target}: it cannot be moved aside to "
                    f"{keep.name} ({error.strerror or error}); move it away yourself",
                    "write",
                    str(target),
                ) from None
    return None


def _free_name(candidate: Path) -> Path:
    number = 1
    found = candidate
    while found.exists():
        number += 1
        found = candidate.with_name(f"{candidate.stem}-{number}{candidate.suffix}")
    return found


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless to skip where folders cannot be opened."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# --- reading -----------------------------------------------------------------------------------


def read_save(path: str | Path, loaded: LoadedScenario) -> SaveGame:
    """Read and check a save for `loaded`; raises SaveError (or ScenarioChanged). Never writes."""
    source = Path(path)
    save = _read_verified(source)
    scenario = loaded.scenario
    if save.scenario_id != scenario.id:
        raise SaveError(
            f"the save {source} belongs to scenario '{save.scenario_id}', not '{scenario.id}': "
            f"load it with --scenario and the file of scenario '{save.scenario_id}'",
            "scenario",
            str(source),
        )
    if save.scenario_hash != loaded.content_hash:
        raise ScenarioChanged(
            f"the save {source} was made with another version of scenario '{scenario.id}' (the "
            f"scenario file has changed since): replay its {len(save.actions)} choice(s) on the new "
            "version, or start a new game",
            save,
            str(source),
        )
    return _replayed(scenario, save, str(source))


def _replayed(scenario: Scenario, save: SaveGame, where: str) -> SaveGame:
    """`save`, checked against its own choices: the engine is deterministic, so the scenario,
    the seed and the choices in the log make the state; a save whose state is not the one they
    make was made by another version of the game or edited: GameChanged, whose choices the
    front ends replay (an edited log the engine refuses is damaged, and refused).

    The checksum is a plain sha256 that anyone can recompute: an edited save with a fresh one
    loaded a stage that does not exist (KeyError), a stat removed (the status screen crashed),
    the year 2999 (the debrief counted 202,980 days), a pressure of 10**30, day -3, a budget of
    -5 (robustness review). Playing the choices again refuses them all at the root. A save of
    format 2 or older has no `accurate` on its reports: it matches but for that, and takes the
    replayed state, which has it. About 2 to 8 ms for a whole 1935 game.
    """
    state = save.state
    keys: list[str] = []
    try:
        keys = actions_from_log(state)
        replayed, problems = replay_actions(scenario, save.seed, keys)
    except Exception:  # noqa: BLE001 - an edited log the engine cannot even take is refused too
        problems, replayed = [ReplayProblem(0, "", "")], state
    if not problems and replayed == state:
        return save
    if not problems and _without_accuracy(replayed) == state:
        return save.model_copy(update={"state": replayed})
    if not problems:
        raise GameChanged(
            f"the save {where} does not match what its choices give in this version of the game "
            f"(made by another version, or edited): replay its {len(keys)} choice(s), or start "
            "a new game",
            save.model_copy(update={"actions": keys}),
            where,
        )
    raise SaveError(
        f"the save {where} is damaged or edited (its state does not follow from its choices): "
        "load another save or your autosave",
        "edited",
        where,
    )


def _without_accuracy(state: GameState) -> GameState:
    """`state` as a save of version 2 or older holds it: no inbox event says `accurate`."""
    inbox = [
        e if e.accurate is None else e.model_copy(update={"accurate": None}) for e in state.inbox
    ]
    return state.model_copy(update={"inbox": inbox})


def peek_scenario_id(path: str | Path) -> str | None:
    """The id of the scenario a sound save belongs to (to find its file), or None if unreadable."""
    try:
        return _read_verified(Path(path)).scenario_id
    except SaveError:
        return None


def _read_verified(source: Path) -> SaveGame:
    """Every check that needs no scenario: the file, JSON, format, version, checksum, fields."""
    where = str(source)
    raw = _read_bytes(source)
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(
            f"{where} is over {MAX_SAVE_BYTES:,} bytes, far too large to be a save: choose a file saved by the game",
            "foreign",
            where,
        )
    if not raw.strip():
        raise SaveError(
            f"the save {where} is empty (the game may have stopped while writing it): load another save or your autosave",
            "empty",
            where,
        )
    data = _parse_json(raw, where)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SaveError(
            f"{where} is not a Hebei 1935 save (a foreign file): choose a file saved by the game",
            "foreign",
            where,
        )
    version = data.get("save_version")
    compatible = data.get("min_compatible_version", version)
    if not _is_int(version) or not _is_int(compatible):
        raise _damaged(where, "its version number is missing")
    newer = SaveError(
        f"the save {where} was made by a newer version of the game (save format {version}; this "
        f"game reads up to {SAVE_VERSION}): update the game",
        "newer",
        where,
    )
    if compatible > SAVE_VERSION:  # before the checksum: a newer game may checksum differently
        raise newer
    if data.get("checksum") != checksum(data):
        raise SaveError(
            f"the save {where} is damaged or edited (its checksum does not match): load another save or your autosave",
            "edited",
            where,
        )
    data = _migrate(data, version, where)
    data.pop("checksum", None)
    if version > SAVE_VERSION:
        data["save_version"] = SAVE_VERSION  # readable by design: min_compatible_version allows it
    try:
        save = SaveGame.model_validate(data)
    except ValidationError as exc:
        if version > SAVE_VERSION:
            raise newer from None
        raise _damaged(where, _first_problem(exc)) from None
    if save.state.scenario_id != save.scenario_id or save.state.seed != save.seed:
        raise _damaged(where, "its state belongs to another game")
    return save


def _read_bytes(source: Path) -> bytes:
    where = str(source)
    try:
        # one byte past the limit at most, so that the size check below refuses a huge file
        # (robustness review: `play --load /dev/zero` grew to 4 GB before it was refused)
        return read_limited(source, MAX_SAVE_BYTES)
    except FileNotFoundError:
        raise SaveError(
            f"there is no save file {where}: check the path and the name", "missing", where
        ) from None
    except IsADirectoryError:
        raise SaveError(
            f"{where} is a folder, not a save file: give the path of a .json save", "foreign", where
        ) from None
    except OSError as exc:
        raise SaveError(
            f"cannot read the save {where} ({exc.strerror or exc}): check its permissions",
            "unreadable",
            where,
        ) from None


def _parse_json(raw: bytes, where: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SaveError(
            f"{where} is not a Hebei 1935 save (not UTF-8 text; a foreign or damaged file): choose a file saved by the game",
            "foreign",
            where,
        ) from None
    except json.JSONDecodeError as exc:
        raise _damaged(
            where, f"invalid JSON at line {exc.lineno}, column {exc.colno}; it may be cut short"
        ) from None
    except (ValueError, RecursionError):
        raise _damaged(where, "invalid JSON") from None


def _damaged(where: str, detail: str) -> SaveError:
    return SaveError(
        f"the save {where} is damaged ({detail}): load another save or your autosave",
        "damaged",
        where,
    )


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in error["loc"]) or "the top level"
    return f"{where}: {error['msg']}"[:200]


def _migrate(data: dict[str, Any], version: int, where: str) -> dict[str, Any]:
    current = version
    while current < SAVE_VERSION:
        migration = MIGRATIONS.get(current)
        if migration is None:
            raise SaveError(
                f"the save {where} uses save format {version}, which this version of the game can no "
                "longer read: start a new game, or open it with the version of the game that made it",
                "old",
                where,
            )
        data = migration(dict(data))
        current += 1
        data["save_version"] = current
    return data


# --- replaying a save's choices on a changed scenario ------------------------------------------


def replay_actions(
    scenario: Scenario, seed: int, actions: list[str]
) -> tuple[GameState, list[ReplayProblem]]:
    """Play `actions` from a new game; stops at the first the scenario rejects and reports it."""
    state = new_game(scenario, seed).state
    for index, key in enumerate(actions):
        try:
            action = parse_action_key(key)
        except ValidationError:
            return state, [ReplayProblem(index, key, "it is not a choice this game understands")]
        result = step(scenario, state, action)
        rejected = next((event for event in result.events if event.kind == "rejected"), None)
        if rejected is not None:
            reason = why_not_for_author(scenario, state, action) or rejected.text
            return state, [ReplayProblem(index, key, reason)]
        state = result.state
    return state, []


# --- where saves live (save_dir, autosave_path and latest_autosave: game.save_paths) -------------


def slot_name(typed: str) -> str:
    """A name as a player types it in the text version, made a save's name: its words joined
    by '-' ('Ana and Ben' is saved as 'Ana-and-Ben'; a teacher's play-test: groups type their
    names with spaces), as the window's name field turns a space into '-' as it is typed.
    Anything else a name may not hold is left for `slot_path` to refuse, with its reason."""
    return "-".join(typed.split())


def slot_path(folder: str | Path, name: str) -> Path:
    """The file of a named slot; names use letters, digits, '-' and '_' only (no paths), and do
    not begin with 'autosave-' (any case), which names the game's own autosaves."""
    if not _SLOT_NAME.fullmatch(name):
        raise SaveError(
            f"'{name[:40]}' cannot be a save name: use 1 to 64 letters, digits, '-' or '_' (for example day3-refused)",
            "slot",
        )
    if name.lower().startswith(AUTOSAVE_PREFIX):
        # the game's own files are autosave-<scenario>.json (and its previous games beside it): a
        # save named so would replace a scenario's autosave, another game (robustness review).
        # Any case: a folder on Windows or macOS does not tell Autosave- from autosave-.
        raise SaveError(
            f"'{name}' cannot be a save name: names beginning with '{AUTOSAVE_PREFIX}' are kept "
            "for the game's own autosaves; choose another (for example day3-refused)",
            "slot",
        )
    return Path(folder) / f"{name}.json"


def list_saves(folder: str | Path) -> tuple[list[SaveInfo], list[str]]:
    """Every usable save in `folder` (newest first) and a one-line note for each file skipped."""
    base = Path(folder)
    if not base.is_dir():
        return [], []
    infos: list[SaveInfo] = []
    notes: list[str] = []
    for path in sorted(base.glob("*.json")):
        try:
            save = _read_verified(path)
        except SaveError as exc:
            notes.append(f"skipped {path.name}: {exc}")
            continue
        infos.append(
            SaveInfo(
                path=path,
                slot=save.slot,
                scenario_id=save.scenario_id,
                day=save.state.day,
                date=save.state.date.isoformat(),
                saved_at=save.saved_at,
                practice=save.practice,
                over=save.state.over,
            )
        )
    # by the moment each was made, not by the stamp's text: an old UTC stamp and a local one
    # without an offset compare as the times they are
    infos.sort(key=lambda info: (newest_first(info.saved_at), info.slot), reverse=True)
    return infos, notes
