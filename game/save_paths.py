"""Where saves and reports live and what they are called, without loading the save format.

Split from game.saves (which re-exports all of this) because the title screen's first frame
needs the autosave's path for its "Continue" button, and game.saves brings pydantic and the
engine with it.
"""

from __future__ import annotations

import re
from pathlib import Path

AUTOSAVE_PREFIX = "autosave-"
# autosave-<scenario>.previous.json (-2, -3): unfinished games that another game's autosave displaced
PREVIOUS_SUFFIX = ".previous"
_CURRENT_AUTOSAVE = re.compile(re.escape(AUTOSAVE_PREFIX) + r"[A-Za-z0-9_-]+\.json")


def save_dir(override: str | Path | None = None) -> Path:
    """The saves folder: `override` if given, else the user's data folder for the game + /saves."""
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("hebei1935", appauthor=False)) / "saves"


def autosave_path(folder: str | Path, scenario_id: str) -> Path:
    """One autosave per scenario, overwritten at each dawn by the same game (see game.saves)."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", scenario_id)[:64] or "scenario"
    return Path(folder) / f"{AUTOSAVE_PREFIX}{safe}.json"


def previous_autosave_path(folder: str | Path, scenario_id: str, number: int = 1) -> Path:
    """Where the autosave of an unfinished game goes when another game of the scenario autosaves:
    autosave-<scenario>.previous.json, and for the second and third game kept (game.saves keeps
    MAX_PREVIOUS of them) autosave-<scenario>.previous-2.json and .previous-3.json.

    The '.' cannot occur in a slot name or in autosave_path's name, so no save can collide with it.
    """
    current = autosave_path(folder, scenario_id)
    count = "" if number == 1 else f"-{number}"
    return current.with_name(f"{current.stem}{PREVIOUS_SUFFIX}{count}{current.suffix}")


def latest_autosave(folder: str | Path) -> Path | None:
    """The most recently written autosave in `folder`, if any (used by the crash message).

    Only the current autosaves count: not a previous game's, nor a damaged file kept beside one.
    """
    try:
        found = [
            p
            for p in Path(folder).glob(f"{AUTOSAVE_PREFIX}*.json")
            if _CURRENT_AUTOSAVE.fullmatch(p.name) and p.is_file()
        ]
    except OSError:
        return None
    return max(found, key=lambda p: p.stat().st_mtime, default=None)


def report_folder() -> Path:
    """Where a debrief report goes unless the player names a path: the user's documents folder +
    "Hebei 1935" (the window and the text version alike, so a teacher finds every group's
    reports in one place)."""
    import platformdirs

    try:
        return Path(platformdirs.user_documents_dir()) / "Hebei 1935"
    except Exception:  # noqa: BLE001 - some systems have no documents folder; fall back to the data folder
        return Path(platformdirs.user_data_dir("hebei1935", appauthor=False)) / "reports"


def report_stem(folder: Path, scenario_id: str, seed: int, player_name: str = "") -> str:
    """A file name (without suffix) for a debrief report that no report in `folder` has yet.

    The scenario, the seed and the student's name are in it; a whole class plays one seed, so
    without the name (or a number when names are missing or repeated) one group's report would
    replace another's in a shared folder.
    """
    base = f"hebei1935-debrief-{scenario_id}-seed{seed}"
    name = re.sub(r"[^\w]+", "-", player_name or "").strip("-_")[:40]
    if name:
        base += f"-{name}"
    stem, number = base, 1
    while (folder / f"{stem}.md").exists() or (folder / f"{stem}.html").exists():
        number += 1
        stem = f"{base}-{number}"
    return stem


def file_in_the_way(folder: Path) -> Path | None:
    """The file that stands where `folder` or one of the folders above it should be, if any (a
    saves folder or a screenshots folder named after a file, say)."""
    for place in (folder, *folder.parents):
        try:
            if place.exists():
                return None if place.is_dir() else place
        except OSError:
            return None
    return None
