"""Where the game's data lives: the scenarios and assets folders, in a checkout or an installation.

Run from a checkout (`python main.py`), they sit beside the `game` package. Installed with
`pip install .`, they are copied to `<prefix>/share/hebei1935/` (see `data-files` in pyproject.toml).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def data_root() -> Path:
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "scenarios").is_dir() and (checkout / "assets").is_dir():
        return checkout
    for prefix in (sys.prefix, sys.base_prefix):
        installed = Path(prefix) / "share" / "hebei1935"
        if installed.is_dir():
            return installed
    return checkout


def scenarios_dir() -> Path:
    return data_root() / "scenarios"


def assets_dir() -> Path:
    return data_root() / "assets"


def bundled_scenarios(folder: Path | None = None) -> list[Path]:
    """The scenario files that come with the game (those in `folder`, by default the scenarios
    folder), by name."""
    return sorted((folder or scenarios_dir()).glob("*.yaml"))


def bundled_scenario(name: str, folder: Path | None = None) -> Path | None:
    """The bundled scenario (in `folder`, by default the scenarios folder) that `name` means, by
    its id (`he_umezu_1935`), its file's name (`he_umezu_1935.yaml`) or its path in the project
    (`scenarios/he_umezu_1935.yaml`); None if it means none. The command line looks here for a
    scenario that is not a path from the current folder (see game.cli.scenario_file), so the
    guides' commands work from any folder, and the installed command from anywhere."""
    given = Path(name)
    if not name.strip() or given.is_absolute():
        return None
    home = folder or scenarios_dir()
    bundled = {path.resolve() for path in bundled_scenarios(home)}
    for candidate in (home.parent / given, home / given, home / f"{name}.yaml"):
        if candidate.resolve() in bundled:
            return candidate.resolve()
    return None
