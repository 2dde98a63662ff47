"""Monkey test: thousands of random keys, clicks, wheel turns, resizes and text-size changes on every screen.

Seeded runs (some from the title, some from late in a game, one from a finished game) through the real
loop under the dummy video driver. No run may end in the crash screen: the app catches every error and
records it, so any crash is reported here with its traceback.
"""

from __future__ import annotations

import random

import pygame
import pytest

from game.analysis.policies import uniform
from game.engine import rng
from game.engine.api import new_game, step
from game.ui.screenshots import SCREENS

EVENTS_PER_RUN = 1000
RUNS = [(1, "title"), (2, "saves"), (3, "late"), (4, "late"), (5, "over"), (6, "middle")]
MUST_VISIT = {*SCREENS, "menu", "load"}  # every screen the screenshots show, and two more

KEYS = (
    [pygame.K_RETURN] * 8
    + [pygame.K_e] * 3
    + [pygame.K_TAB] * 4
    + [pygame.K_ESCAPE] * 3
    + [pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT] * 3
    + [
        pygame.K_PAGEUP,
        pygame.K_PAGEDOWN,
        pygame.K_HOME,
        pygame.K_END,
        pygame.K_SPACE,
        pygame.K_KP_ENTER,
        pygame.K_BACKSPACE,
    ]
    + [pygame.K_0 + d for d in range(10)] * 2
    + [pygame.K_KP1, pygame.K_KP9]
    + [pygame.K_a + c for c in range(26)]
    + [pygame.K_F1, pygame.K_F2, pygame.K_F3, pygame.K_F5, pygame.K_F11, pygame.K_F12]
)


def late_state(scenario, seed: int, how: str):
    """A game played at random (seeded) to its middle, its last day, or its end."""
    state = new_game(scenario, seed).state
    generator = rng.seed_state(seed)
    last_day = (scenario.calendar.end - scenario.calendar.start).days + 1
    target = {"middle": max(2, last_day // 2), "late": last_day}.get(how)
    for _ in range(500):
        if state.over or (target is not None and state.day >= target):
            break
        choice, generator = uniform(scenario, state, generator)
        state = step(scenario, state, choice).state
    return state


def start(app, mini, seed: int, how: str) -> None:
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.ending import EndingScene
    from game.ui.session import Session

    if how == "title":
        return
    state = late_state(mini.scenario, seed, "middle" if how == "saves" else how)
    app.session = Session(mini, seed, state, 0, [], app.save_folder)
    if how == "saves":  # the list of saved games, with an autosave in it
        from game.ui.scene import Push
        from game.ui.scenes.title import LoadScene, TitleScene

        app.session.autosave()
        app.apply([Reset(TitleScene()), Push(LoadScene())])
        return
    app.apply(Reset(EndingScene() if state.over else CrisisScene()))


def random_event(app, chance: random.Random) -> None:
    """Post one random input (or resize the window, or change the text size through the settings)."""
    from game.ui.scene import Push
    from game.ui.scenes.settings import SettingsScene

    width, height = app.size
    roll = chance.random()
    if roll < 0.70:
        mod = pygame.KMOD_SHIFT if chance.random() < 0.1 else 0
        pygame.event.post(
            pygame.event.Event(
                pygame.KEYDOWN, key=chance.choice(KEYS), mod=mod, unicode="", scancode=0
            )
        )
    elif roll < 0.86:
        pos = (chance.randrange(-5, width + 5), chance.randrange(-5, height + 5))
        pygame.event.post(
            pygame.event.Event(
                pygame.MOUSEBUTTONDOWN, pos=pos, button=chance.choice((1, 1, 1, 2, 3, 4, 5))
            )
        )
    elif roll < 0.93:
        pygame.event.post(
            pygame.event.Event(
                pygame.MOUSEWHEEL, x=0, y=chance.choice((-3, -1, 1, 3)), flipped=False
            )
        )
    elif roll < 0.97:
        size = chance.choice(
            [
                (320, 240),
                (1920, 1080),
                (800, 600),
                (chance.randrange(320, 1921), chance.randrange(240, 1081)),
            ]
        )
        app.resize(size)
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
    else:  # open the settings, change the text size (its row has the focus first), close them again
        app.apply(Push(SettingsScene()))
        for key in (
            chance.choice((pygame.K_RETURN, pygame.K_RIGHT, pygame.K_LEFT)),
            pygame.K_ESCAPE,
        ):
            pygame.event.post(
                pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)
            )


def crash_report(app) -> str:
    return "\n\n".join(path.read_text(encoding="utf-8") for _, path in app.crashes[:2])


@pytest.mark.parametrize(("seed", "how"), RUNS)
def test_random_input_never_crashes(make_app, mini, seed, how, tmp_path, visited):
    from game.ui.scene import Reset
    from game.ui.scenes.title import TitleScene

    app = make_app(crash_folder=tmp_path / "crashes")
    chance = random.Random(seed)
    start(app, mini, seed, how)
    app.pump()
    sizes = {app.size}
    text_sizes = {app.settings.text_size}
    posted = 0
    while posted < EVENTS_PER_RUN:
        for _ in range(chance.randint(1, 4)):
            random_event(app, chance)
            posted += 1
        app.clock.now += chance.choice((0, 16, 300, 700, 5000))
        if not app.pump():  # the monkey quit: start again from the title, as a player would
            app.running = True
            app.apply(Reset(TitleScene()))
        assert not app.crashes, (
            f"seed {seed} ({how}) crashed after {posted} events:\n{crash_report(app)}"
        )
        visited.update(scene.name for scene in app.stack)
        sizes.add(app.size)
        text_sizes.add(app.settings.text_size)
    assert posted >= EVENTS_PER_RUN
    assert (
        len(sizes) > 3 and len(text_sizes) > 1
    )  # the window was resized and the text size changed
    FINISHED.add(seed)


VISITED: set[str] = set()
FINISHED: set[int] = set()


@pytest.fixture
def visited():
    return VISITED


def test_the_runs_together_visited_every_screen():
    if len(FINISHED) < len(RUNS):
        pytest.skip("only some of the monkey runs ran")
    missing = MUST_VISIT - VISITED
    assert not missing, f"the monkey never reached: {sorted(missing)}"
