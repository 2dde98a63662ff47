"""Fixtures for the window's tests: a headless App over the mini scenario, driven by posted keys."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


class FakeClock:
    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> int:
        return self.now


@pytest.fixture
def make_app(mini, tmp_path):
    import pygame

    from game.ui.app import App

    apps = []

    def make(size=(1280, 720), recorder=None, **kwargs):
        app = App(
            mini,
            seed=7,
            size=size,
            clock=FakeClock(),
            recorder=recorder,
            sound=False,
            persist_settings=False,
            save_folder=tmp_path / "saves",
            report_folder=tmp_path / "reports",
            config_folder=tmp_path / "config",
            **kwargs,
        )
        apps.append(app)
        return app

    yield make
    pygame.quit()


def _press(app, key, mod=0, unicode=""):
    """Post one key press and let the real loop handle it."""
    import pygame

    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0)
    )
    app.pump()


@pytest.fixture
def press():
    return _press
