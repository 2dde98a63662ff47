"""The window's clock runs in the window as it is really started.

Teacher's review: `--time-limit` never ended a council in the window, toasts never went away and
nothing blinked. The window initialises only SDL's display (for a quick start), and
`pygame.time.get_ticks()` stays at 0 without SDL's timer. The tests' FakeClock hid it, and any test
that had called `pygame.init()` before would too, so this runs in a fresh process.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import time
import pygame
from game.ui.app import App, ticks
pygame.display.init()  # as run_window does, and nothing more
start = ticks()
time.sleep(0.2)
print(ticks() - start)
import inspect
print(inspect.signature(App).parameters["clock"].default is ticks)
"""


def test_the_default_clock_advances_with_only_the_display_initialised():
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    elapsed, default = done.stdout.split()[-2:]
    assert 150 <= int(elapsed) < 5_000, f"the clock moved {elapsed} ms in 200 ms"
    assert default == "True", "App's clock defaults to ticks"
