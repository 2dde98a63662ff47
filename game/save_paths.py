"""Where saves live and what the autosave of a scenario is called, without loading the save format.

Split from game.saves (which re-exports all of this) because the title screen's first frame
needs the autosave's path for its "Continue" button, and game.saves brings pydantic and the
engine with it.
"""

from __future__ import annotations

import re
from pathlib import Path

AUTOSAVE_PREFIX = "autosave-"


def save_dir(override: str | Path | None = None) -> Path:
    """The saves folder: `override` if given, else the user's data folder for the game + /saves."""
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("hebei1935", appauthor=False)) / "saves"


def autosave_path(folder: str | Path, scenario_id: str) -> Path:
    """One autosave per scenario, overwritten at each dawn."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", scenario_id)[:64] or "scenario"
    return Path(folder) / f"{AUTOSAVE_PREFIX}{safe}.json"


def latest_autosave(folder: str | Path) -> Path | None:
    """The most recently written autosave in `folder`, if any (used by the crash message)."""
    try:
        found = [p for p in Path(folder).glob(f"{AUTOSAVE_PREFIX}*.json") if p.is_file()]
    except OSError:
        return None
    return max(found, key=lambda p: p.stat().st_mtime, default=None)
