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


@pytest.fixture(scope="session")
def he_umezu():
    """The 1935 scenario, loaded once: the window's tests that need the real game's screens."""
    from game.cli import DEFAULT_SCENARIO
    from game.scenario.load import load_scenario

    return load_scenario(DEFAULT_SCENARIO)


@pytest.fixture(scope="session")
def crisis_moment(he_umezu):
    """The dawn the screenshots show: the 1935 game played as history went, the ultimatum of
    9 June pending."""
    from game.ui.screenshots import _pick_crisis, historical_game

    _, _, moments = historical_game(he_umezu, 1935)
    return _pick_crisis(moments, he_umezu.scenario)


@pytest.fixture
def make_app(mini, tmp_path):
    """make(size, recorder, loaded=mini, seed=7, **App's other options) -> a headless App whose
    saves, reports and settings stay in the test's folder, on a FakeClock."""
    import pygame

    from game.ui.app import App

    apps = []

    def make(size=(1280, 720), recorder=None, loaded=None, seed=7, **kwargs):
        app = App(
            loaded or mini,
            seed=seed,
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
