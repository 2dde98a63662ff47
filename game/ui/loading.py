"""The scenario, loaded behind the title screen, and the title card remembered from the last load.

The window shows its title screen first and loads the scenario afterwards, in a background
thread (importing the engine and pydantic and checking the 1935 scenario take several times as
long as opening the window). Until the load is done the title card (title, subtitle, summary, and
the scenario id the "Continue" button needs) comes from a small JSON cache written after each
successful load, keyed by the scenario file's path, size and modification time. Nothing here
imports the engine or the scenario format: `load` is handed in by the caller.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from game.scenario.load import LoadedScenario

CARDS_FILE = "title_cards.json"
CARDS_FORMAT = 1
MAX_CARDS = 20  # one per scenario file played; the oldest are dropped past this many


class TitleCard(NamedTuple):
    """What the title screen shows of a scenario (a named tuple: quicker to define than a dataclass)."""

    id: str
    title: str
    subtitle: str
    summary: str


def card_of(loaded: LoadedScenario) -> TitleCard:
    scenario = loaded.scenario
    return TitleCard(scenario.id, scenario.title, scenario.subtitle or "", scenario.summary)


def cache_dir(override: str | Path | None = None) -> Path:
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("hebei1935", appauthor=False))


def file_stamp(path: str | Path) -> tuple[str, int, int] | None:
    """The cache key of a scenario file: its absolute path, size and modification time."""
    try:
        resolved = Path(path).resolve()
        info = resolved.stat()
    except OSError:
        return None
    return str(resolved), info.st_size, info.st_mtime_ns


def _read_cards(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / CARDS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != CARDS_FORMAT:
        return {}
    cards = data.get("cards")
    return cards if isinstance(cards, dict) else {}


def read_card(path: str | Path, folder: str | Path | None = None) -> TitleCard | None:
    """The card remembered for this scenario file, if the file has not changed since; else None."""
    stamp = file_stamp(path)
    if stamp is None:
        return None
    entry = _read_cards(cache_dir(folder)).get(stamp[0])
    if not isinstance(entry, dict) or [entry.get("size"), entry.get("mtime_ns")] != list(stamp[1:]):
        return None
    try:
        card = TitleCard(**{key: entry[key] for key in ("id", "title", "subtitle", "summary")})
    except KeyError:
        return None
    return card if all(isinstance(value, str) for value in card._asdict().values()) else None


def write_card(
    path: str | Path,
    card: TitleCard,
    folder: str | Path | None = None,
    stamp: tuple[str, int, int] | None = None,
) -> None:
    """Remember the card of this scenario file (atomically); a cache that cannot be written is
    skipped. `stamp` is the file's as it was when read (by default, as it is now): a file edited
    during the load must not have the old card filed under its new stamp."""
    stamp = stamp or file_stamp(path)
    if stamp is None:
        return
    target = cache_dir(folder) / CARDS_FILE
    cards = _read_cards(target.parent)
    cards.pop(stamp[0], None)  # re-inserted last: the newest entries are kept
    cards[stamp[0]] = {"size": stamp[1], "mtime_ns": stamp[2], **card._asdict()}
    kept = dict(list(cards.items())[-MAX_CARDS:])
    temporary = target.with_name(f".{CARDS_FILE}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"format": CARDS_FORMAT, "cards": kept}, ensure_ascii=False, indent=1)
        temporary.write_text(text + "\n", encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)


class ScenarioLoader:
    """Loads one scenario file in a daemon thread; the window polls `done` and takes the result.

    `load` is the command line's loader (the scenario format's `load_scenario`, plus whatever the
    caller checks); it may raise. `warm`, if given, runs after a successful load, in the same
    thread, to import what the first game will need (so New game does not wait for it either);
    its errors are left for that import to raise again where it is used. `card` is the
    remembered title card, read at once (a small file), or None on the first start or after the
    file changed.
    """

    def __init__(
        self,
        path: str | Path,
        load: Callable[[Path], LoadedScenario],
        cache_folder: str | Path | None = None,
        warm: Callable[[], object] | None = None,
    ):
        self.path = Path(path)
        self.cache_folder = cache_folder
        self.card = read_card(self.path, cache_folder)
        self._load = load
        self._warm = warm
        self._finished = threading.Event()
        self.thread: threading.Thread | None = None
        self.loaded: LoadedScenario | None = None
        self.error: BaseException | None = None

    def start(self) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="scenario-loader", daemon=True)
            self.thread.start()

    def again(self) -> ScenarioLoader:
        """A new loader of the same file (to retry after a failed load), not yet started."""
        return ScenarioLoader(self.path, self._load, self.cache_folder, warm=self._warm)

    def _run(self) -> None:
        stamp = file_stamp(self.path)  # before reading: the card is filed under the file as read
        try:
            loaded = self._load(self.path)
        except BaseException as exc:  # noqa: BLE001 - handed to the window, which shows it
            self.error = exc
        else:
            with contextlib.suppress(Exception):  # the cache is a convenience; the load stands
                write_card(self.path, card_of(loaded), self.cache_folder, stamp)
            if self._warm is not None:
                with contextlib.suppress(Exception):  # raised again where the module is used
                    self._warm()
            self.loaded = loaded
        finally:
            self._finished.set()

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the load to end (it must have been started); True if it has."""
        return self._finished.wait(timeout)
