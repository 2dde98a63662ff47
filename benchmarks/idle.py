"""Row 2: CPU used by the window idling on the crisis screen, against a bare loop sleeping 25 ms a turn.

Each side runs in its own process and measures its own CPU time (all threads, `getrusage`) over the
idle stretch only, after the first frame and a settling second, so start-up is not counted. The game side is the real
loop (`App.run`); a pygame timer posts QUIT when the time is up.
"""

from __future__ import annotations

import argparse
import json
import resource
import time

from benchmarks.common import WINDOW_SIZE, Result, run_child, video_driver

GOAL = 0.02  # CPU seconds per second
SETTLE_S = 1.0


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child_game(seconds: float) -> dict:
    import pygame

    from benchmarks.window import crisis_app

    app = crisis_app(animating=False)
    # Settle first, outside the measured stretch: the first frame, and the redraw a window
    # manager's "shown"/"exposed" events ask for just after it.
    pygame.time.set_timer(pygame.QUIT, int(SETTLE_S * 1000), loops=1)
    app.run()
    app.running = True
    frames = app.frames
    pygame.time.set_timer(pygame.QUIT, int(seconds * 1000), loops=1)
    cpu, wall = _cpu(), time.perf_counter()
    app.run()
    cpu, wall = _cpu() - cpu, time.perf_counter() - wall
    pygame.quit()
    return {"cpu": cpu, "wall": wall, "frames": app.frames - frames}


def child_bare(seconds: float) -> dict:
    import pygame

    pygame.display.init()
    screen = pygame.display.set_mode(WINDOW_SIZE, pygame.RESIZABLE)
    screen.fill((240, 230, 210))
    pygame.display.flip()
    settled = time.perf_counter() + SETTLE_S
    while time.perf_counter() < settled:
        pygame.event.get()
        time.sleep(0.025)
    cpu, wall = _cpu(), time.perf_counter()
    end = wall + seconds
    while time.perf_counter() < end:
        if any(event.type == pygame.QUIT for event in pygame.event.get()):
            break
        time.sleep(0.025)
    cpu, wall = _cpu() - cpu, time.perf_counter() - wall
    pygame.quit()
    return {"cpu": cpu, "wall": wall, "frames": 1}


def run(quick: bool) -> list[Result]:
    seconds = 3.0 if quick else 10.0
    game = run_child("idle", "game", str(seconds))
    bare = run_child("idle", "bare", str(seconds))
    ours, reference = game["cpu"] / game["wall"], bare["cpu"] / bare["wall"]
    return [
        Result(
            "2. Idle",
            f"CPU s per s on the crisis screen, {seconds:.0f} s ({video_driver()})",
            ours,
            reference,
            "CPU s/s",
            f"<= {GOAL} CPU s/s",
            ours <= GOAL,
            "game",
            "bare 25 ms sleep loop",
        )
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", choices=["game", "bare"], required=True)
    parser.add_argument("seconds", type=float)
    args = parser.parse_args()
    work = child_game if args.child == "game" else child_bare
    print(json.dumps(work(args.seconds)))
