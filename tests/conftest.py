"""Shared test set-up: no display or audio device is ever needed."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Set before any test imports pygame: SDL reads these when it initialises.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# Errors the shells would get round (a fallback shown, the error logged) are raised in the tests,
# so that a bug fails them instead of hiding behind its fallback (game/crash.py).
os.environ["HEBEI1935_STRICT"] = "1"
# Nothing a test runs writes into the home of whoever runs the tests: saves, reports, settings
# and crash logs go to the platform's folders (platformdirs reads these), here a throwaway one.
# Tests that need a folder of their own still pass it explicitly (tmp_path).
_HOME = Path(tempfile.mkdtemp(prefix="hebei1935-tests-"))
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
for _variable in (
    "XDG_DATA_HOME",
    "XDG_STATE_HOME",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "XDG_DOCUMENTS_DIR",
):
    os.environ[_variable] = str(_HOME / _variable.lower())

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINI_TEXT = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")


def edited_mini(*edits: tuple[str, str]) -> str:
    """The mini scenario's text with each (old, new) edit made; each old text occurs once in it."""
    text = MINI_TEXT
    for old, new in edits:
        assert text.count(old) == 1, f"edit target not unique: {old!r}"
        text = text.replace(old, new)
    return text


# Edits that take every mark of history out of the mini scenario (historical answers, dates and
# ending, and its history note): an invented scenario, as an author might write one.
NO_HISTORY = (
    (
        "    historical_response: accept\n    responses:\n      accept: {label: Accept, kind: accept, effects: {pressure: -10",
        "    responses:\n      accept: {label: Accept, kind: accept, effects: {pressure: -10",
    ),
    (
        "    historical_response: accept\n    responses:\n      accept: {label: Accept, kind: accept, effects: {pressure: -20",
        "    responses:\n      accept: {label: Accept, kind: accept, effects: {pressure: -20",
    ),
    ("    historical_dates: [1935-06-01]\n", ""),
    ("    historical: true\n", ""),
    (
        "history:\n  - {date: 1935-06-01, title: The note, text: A note was delivered., sources: [T1]}\n",
        "",
    ),
)


@pytest.fixture(autouse=True)
def _headless_sdl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")


@pytest.fixture(scope="session")
def mini():
    from game.scenario.load import load_scenario

    return load_scenario(FIXTURES / "mini.yaml")
