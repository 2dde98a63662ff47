"""Row 3: time to draw the crisis screen at 1280x720 while its countdown blinks, against fill + flip.

The game side is the 1935 scenario played by the random policy, on the first seed that comes to
a last day of the ultimatum (its countdown blinks then: `benchmarks.window.crisis_app`). The frames timed are those the loop draws while it blinks: the blink advances
(`App.blinked`, as `App.animate` sets it) and `App.draw` redraws the header and sends the display
that area alone (`Scene.draw_animated`). A whole redraw (`App.dirty`, as after a key or a click,
with `display.flip()`) is timed too, as context. The bare side fills and flips the whole window.
"""

from __future__ import annotations

import argparse
import json
import time

from benchmarks.common import WINDOW_SIZE, Result, median, percentile, run_child, video_driver

GOAL_P99_MS = 8.0
WARM_UP = 10  # frames drawn before timing starts: the text caches fill on the first draws


def child_game(frames: int) -> dict:
    import pygame

    from benchmarks.window import crisis_app

    app = crisis_app(animating=True)
    app.run(max_frames=1)
    timed: dict[str, list[float]] = {"blink": [], "whole": []}
    for kind in ("blink", "whole"):
        for index in range(WARM_UP + frames):
            app.blink_phase += 1
            if kind == "blink":
                app.blinked = True
            else:
                app.dirty = True
            start = time.perf_counter()
            app.draw()
            if index >= WARM_UP:
                timed[kind].append(time.perf_counter() - start)
            pygame.event.pump()
    pygame.quit()
    return {"times": timed["blink"], "whole": timed["whole"], "animating": app.top.animating(app)}


def child_bare(frames: int) -> dict:
    import pygame

    pygame.display.init()
    screen = pygame.display.set_mode(WINDOW_SIZE, pygame.RESIZABLE)
    times = []
    for index in range(frames):
        start = time.perf_counter()
        screen.fill((240, 230, 210) if index % 2 else (230, 220, 200))
        pygame.display.flip()
        times.append(time.perf_counter() - start)
        pygame.event.pump()
    pygame.quit()
    return {"times": times}


def run(quick: bool) -> list[Result]:
    frames = 100 if quick else 300
    game = run_child("frames", "game", str(frames))
    bare = run_child("frames", "bare", str(frames))
    ours = [t * 1000 for t in game["times"]]
    whole = [t * 1000 for t in game["whole"]]
    reference = [t * 1000 for t in bare["times"]]
    note = "" if game["animating"] else " (countdown not animating!)"
    size = f"{WINDOW_SIZE[0]}x{WINDOW_SIZE[1]} ({video_driver()}){note}"
    return [
        Result(
            "3. Frames",
            f"median of {frames} blink frames, {size}",
            median(ours),
            median(reference),
            "ms",
            "(context)",
            None,
            "crisis screen",
            "fill + flip",
        ),
        Result(
            "3. Frames",
            f"p99 of {frames} blink frames",
            percentile(ours, 0.99),
            percentile(reference, 0.99),
            "ms",
            f"p99 < {GOAL_P99_MS:.0f} ms",
            percentile(ours, 0.99) < GOAL_P99_MS,
            "crisis screen",
            "fill + flip",
        ),
        Result(
            "3. Frames",
            f"p99 of {frames} whole redraws (after a key or a click)",
            percentile(whole, 0.99),
            percentile(reference, 0.99),
            "ms",
            "(context)",
            None,
            "whole window",
            "fill + flip",
        ),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", choices=["game", "bare"], required=True)
    parser.add_argument("frames", type=int)
    args = parser.parse_args()
    work = child_game if args.child == "game" else child_bare
    print(json.dumps(work(args.frames)))
