"""Shared test set-up: no display or audio device is ever needed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Set before any test imports pygame: SDL reads these when it initialises.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(autouse=True)
def _headless_sdl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")


@pytest.fixture(scope="session")
def mini():
    from game.scenario.load import load_scenario

    return load_scenario(FIXTURES / "mini.yaml")
