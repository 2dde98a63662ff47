"""Row 1: start-up, from process start to the title screen's first frame, against a bare pygame window.

Both sides are fresh processes timed from launch to exit (exit included on both sides). The game
quits right after its first frame because of HEBEI1935_EXIT_AFTER_FIRST_FRAME=1 (game/ui/app.py).
With a display the game side is the real `python main.py play`; under SDL's dummy driver, which
`play` refuses (nobody would see the window), it is the same function, `game.cli.cmd_play`, called
with `headless=True`, which skips only that refusal.

The title screen is drawn before the scenario is loaded (the load starts behind the first frame,
so it is not in this time); its card comes from the title-card cache that a completed load
writes. The warm-up run below fills that cache in the temporary folder, so the timed runs are
the ordinary start of a player who has started the game before; a first start ever draws
"Loading the scenario..." instead, which costs about the same.
"""

from __future__ import annotations

import sys
import tempfile

from benchmarks.common import ROOT, WINDOW_SIZE, Result, median, video_driver, wall_time, window_env

# The reference: the least a pygame-ce program does to show one frame of the same size.
BARE = f"""
import os
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame
pygame.display.init()
screen = pygame.display.set_mode({WINDOW_SIZE}, pygame.RESIZABLE)
screen.fill((240, 230, 210))
pygame.display.flip()
pygame.quit()
"""

# The game's window path under the dummy driver (see the module docstring): `python main.py play`
# minus only its refusal of a window nobody can see.
GAME_HEADLESS = """
import sys
from game import cli
args = cli.build_parser("play").parse_args(["play", *sys.argv[1:]])
raise SystemExit(cli.cmd_play(args, headless=True))
"""

# Fills the title-card cache (as a completed load behind the title screen does) before timing.
WRITE_TITLE_CARD = """
from game import cli
from game.ui.loading import card_of, write_card
write_card(cli.DEFAULT_SCENARIO, card_of(cli.load(cli.DEFAULT_SCENARIO)))
"""


def game_command(save_folder: str) -> list[str]:
    options = ["--seed", "1", "--save-dir", save_folder]
    if video_driver() in ("dummy", "offscreen"):
        return [sys.executable, "-c", GAME_HEADLESS, *options]
    return [sys.executable, str(ROOT / "main.py"), "play", *options]


def run(quick: bool) -> list[Result]:
    repeats = 3 if quick else 9
    env = window_env()
    env["HEBEI1935_EXIT_AFTER_FIRST_FRAME"] = "1"
    bare_env = window_env()
    with tempfile.TemporaryDirectory() as folder:
        # no player's settings, saves or cached title card
        env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = env["XDG_CACHE_HOME"] = folder
        command = game_command(folder)
        # Warm the file cache and the bytecode for both sides alike. The warm-up may write bytecode
        # even where PYTHONDONTWRITEBYTECODE is set: pygame's is compiled when it is installed, and
        # without this the game's own modules would be compiled from source at every timed start,
        # which an installed game (or a checkout after its first run) never does.
        warm_env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
        wall_time([sys.executable, "-c", WRITE_TITLE_CARD], warm_env)
        wall_time(command, warm_env)
        wall_time([sys.executable, "-c", BARE], bare_env)
        game, bare = [], []
        for _ in range(repeats):  # interleaved, so a slow moment of the machine hits both sides
            game.append(wall_time(command, env))
            bare.append(wall_time([sys.executable, "-c", BARE], bare_env))
    ours, reference = median(game) * 1000, median(bare) * 1000
    return [
        Result(
            "1. Start-up",
            f"launch to first frame, median of {repeats} ({video_driver()})",
            ours,
            reference,
            "ms",
            "ratio <= 1.5",
            ours / reference <= 1.5,
            "game",
            "bare pygame",
        )
    ]
