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
