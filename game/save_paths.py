"""Where saves live and what the autosave of a scenario is called, without loading the save format.

Split from game.saves (which re-exports all of this) because the title screen's first frame
needs the autosave's path for its "Continue" button, and game.saves brings pydantic and the
engine with it.
"""

from __future__ import annotations

import re
from pathlib import Path

AUTOSAVE_PREFIX = "autosave-"
# autosave-<scenario>.previous.json: the unfinished game that another game's autosave displaced
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


def previous_autosave_path(folder: str | Path, scenario_id: str) -> Path:
    """Where the autosave of an unfinished game goes when another game of the scenario autosaves.

    The '.' cannot occur in a slot name or in autosave_path's name, so no save can collide with it.
    """
    current = autosave_path(folder, scenario_id)
    return current.with_name(f"{current.stem}{PREVIOUS_SUFFIX}{current.suffix}")


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
