"""The scenario files a window can open, loaded when first needed and kept while unchanged.

The title screen's Load list shows every scenario's saves, so it must know which file holds the
scenario a save names. A file is loaded (and checked) the first time it is asked for and kept
with its size and modification time; if the file changes (an author's edit, a hot reload), it is
loaded again. A file that will not load is remembered the same way and tried again once changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from game.ui.loading import file_stamp

if TYPE_CHECKING:
    from game.scenario.load import LoadedScenario


def try_load(path: Path) -> LoadedScenario | None:
    """The scenario in `path`, or None if it cannot be read or has errors."""
    from game.scenario.load import load_scenario
    from game.scenario.source import ScenarioError

    try:
        return load_scenario(path)
    except (ScenarioError, OSError, ValueError):
        return None


class ScenarioShelf:
    def __init__(self, load: Callable[[Path], LoadedScenario | None] = try_load):
        self._load = load
        # resolved path -> (its stamp when loaded, what it held then: None if it would not load)
        self._kept: dict[str, tuple[tuple[str, int, int], LoadedScenario | None]] = {}

    def by_id(
        self, wanted: set[str], paths: Iterable[str | Path], current: LoadedScenario | None
    ) -> dict[str, LoadedScenario]:
        """The scenarios with these ids: the current one (the one being played wins over its
        file), then the files in `paths`, in order, loading only until every id is found."""
        found: dict[str, LoadedScenario] = {}
        current_file = None
        if current is not None:
            found[current.scenario.id] = current
            current_file = str(Path(current.path).resolve()) if current.path else None
        for path in paths:
            if wanted <= found.keys():
                break
            if current_file is not None and str(Path(path).resolve()) == current_file:
                continue
            loaded = self.get(Path(path))
            if loaded is not None:
                found.setdefault(loaded.scenario.id, loaded)
        return {ident: found[ident] for ident in wanted if ident in found}

    def get(self, path: Path) -> LoadedScenario | None:
        """The scenario in this file, loaded again only if the file changed since last time."""
        stamp = file_stamp(path)
        if stamp is None:
            return None
        kept = self._kept.get(stamp[0])
        if kept is not None and kept[0] == stamp:
            return kept[1]
        loaded = self._load(path)
        self._kept[stamp[0]] = (stamp, loaded)
        return loaded
