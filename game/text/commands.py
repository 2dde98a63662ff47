"""Turn one line the player typed into a command: a numbered choice, E, or a key for a screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.engine.words import number_ranges
from game.text.menu import Entry, Menu

Screen = Literal[
    "help", "status", "log", "codex", "quit", "menu", "undo", "undo_day", "save", "injects"
]

SCREEN_KEYS: dict[str, Screen] = {
    "h": "help",
    "help": "help",
    "?": "help",
    "s": "status",
    "status": "status",
    "l": "log",
    "log": "log",
    "c": "codex",
    "codex": "codex",
    "q": "quit",
    "quit": "quit",
    "u": "undo",
    "undo": "undo",
    "ud": "undo_day",
    "u day": "undo_day",
    "": "menu",
    "!": "injects",
}


@dataclass(frozen=True)
class Pick:
    """A numbered choice (or one typed by its key, e.g. `talk` or `first:accept`)."""

    entry: Entry


@dataclass(frozen=True)
class End:
    """End the day."""


@dataclass(frozen=True)
class Show:
    """Show a screen; nothing happens in the game."""

    screen: Screen
    page: int = 1
    name: str = ""  # the slot name, for "save"; the word looked for, for "codex"


@dataclass(frozen=True)
class Release:
    """The teacher releases the scenario's Nth inject (`!2`)."""

    number: int


@dataclass(frozen=True)
class Unknown:
    """Input that means nothing here, with a one-line message saying what would."""

    message: str


Command = Pick | End | Show | Release | Unknown


def parse(line: str, menu: Menu) -> Command:
    text = line.strip()
    lowered = text.lower()
    if lowered in ("e", "end"):
        return End()
    if lowered in SCREEN_KEYS:
        return Show(SCREEN_KEYS[lowered])
    head, _, rest = lowered.partition(" ")
    if head in ("l", "log") and _whole(rest.strip()):
        return Show("log", _number(rest.strip()))  # a page that does not exist: see show_screen
    if head in ("l", "log") and rest.strip():
        # (robustness review: `l -1` was "not a choice here")
        return Unknown(
            f"'{_shorten(rest.strip())}' is not a log page: type l for the newest items, "
            "or l 2, l 3 ... for older ones."
        )
    if head in ("c", "codex") and rest.strip():
        # `c 2`: a page; `c sakai`: the entries that mention a word
        word = text.partition(" ")[2].strip()
        if _whole(word):
            return Show("codex", _number(word))
        return Show("codex", name=word)
    if text.startswith("!") and _whole(text[1:].strip()):
        return Release(_number(text[1:].strip()))
    if head in ("w", "save"):
        return Show("save", name=text.partition(" ")[2].strip())
    if _whole(text):
        entry = menu.by_number(_number(text))
        if entry is None:
            listed = ", ".join(number_ranges(e.number for e in menu.entries))
            numbers = listed + ", " if listed else ""
            closed = menu.closed_label(_number(text))
            what = (
                f"Choice {text} ({closed}) is no longer open today"
                if closed
                else f"There is no choice {_shorten(text)} today"
            )
            return Unknown(f"{what}; type {numbers}E to end the day, or h for help.")
        return Pick(entry)
    entry = menu.by_key(text)
    if entry is not None:
        return Pick(entry)
    return Unknown(
        f"'{_shorten(text)}' is not a choice here; type a number, E to end the day, or h for help."
    )


def _number(digits: str) -> int:
    """The number typed (see `_whole`); one of more than nine digits is taken as 10**9, beyond
    anything on a list (Python refuses to read numbers of over 4,300 digits)."""
    return int(digits) if len(digits.lstrip("0")) <= 9 else 10**9


def _whole(text: str) -> bool:
    """Whether `text` is a number typed with the digits 0-9. `str.isdigit` also holds for "²"
    (which `int` refuses: the game stopped with an error) and for other scripts' digits such as
    "١" (which took choice 1 unasked)."""
    return text.isascii() and text.isdigit()


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
