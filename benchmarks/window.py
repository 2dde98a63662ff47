"""The window set-ups the idle and frame rows share (run inside child processes only: imports pygame)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import SCENARIO, WINDOW_SIZE


def crisis_app(*, animating: bool) -> Any:
    """The window on the crisis screen of the 1935 scenario. When `animating`, the first state found
    (random play, seeds from 1) where an ultimatum runs out today: its countdown blinks, the screen's
    one animation. Otherwise day 1 of seed 1."""
    from game.scenario.load import load_scenario
    from game.ui.app import App
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    loaded = load_scenario(SCENARIO)
    folder = Path(tempfile.mkdtemp(prefix="hebei-bench-"))
    app = App(
        loaded,
        seed=1,
        size=WINDOW_SIZE,
        sound=False,
        persist_settings=False,
        config_folder=folder / "config",
        save_folder=folder / "saves",
        report_folder=folder / "reports",
    )
    app.new_game(loaded, 1)
    session = app.session
    assert session is not None
    if animating:
        session.state = _blinking_state(loaded.scenario)
    app.apply(Reset(CrisisScene()))
    return app


def _blinking_state(scenario: Any) -> Any:
    from game.analysis.policies import uniform
    from game.engine.api import new_game, step
    from game.engine.rng import seed_state
    from game.ui.view import header

    for seed in range(1, 500):
        state, generator = new_game(scenario, seed).state, seed_state(seed)
        while not state.over:
            if header(scenario, state).last_day:
                return state
            choice, generator = uniform(scenario, state, generator)
            state = step(scenario, state, choice).state
    raise RuntimeError("no game with a blinking ultimatum countdown found")
