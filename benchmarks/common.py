"""Shared pieces of the benchmarks: one result line, the table, child processes and statistics."""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "he_umezu_1935.yaml"
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
WINDOW_SIZE = (1280, 720)


@dataclass(frozen=True)
class Result:
    """One line of the table: what was measured on our side and on the reference side, and the goal."""

    row: str  # "1. Start-up" ... ; the smoke test looks for these names
    measure: str
    ours: float
    reference: float
    unit: str
    goal: str
    met: bool | None  # None: a line with no goal of its own (context for the line above)
    ours_label: str = "game"
    reference_label: str = "bare"

    @property
    def ratio(self) -> float:
        return self.ours / self.reference if self.reference else float("inf")


def fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.2f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "µs":
        return f"{value:.1f} µs"
    if unit == "games/s":
        return f"{value:,.0f}/s"
    if unit == "CPU s/s":
        return f"{value:.4f}"
    return f"{value:.3g} {unit}"


def render(results: list[Result]) -> str:
    """The one table: each line names both sides, their values and ratio, the goal and whether it is met."""
    header = ("Row", "Measure", "Ours", "Reference", "Ratio", "Goal", "Met")
    lines = [
        (
            r.row,
            r.measure,
            f"{r.ours_label}: {fmt(r.ours, r.unit)}",
            f"{r.reference_label}: {fmt(r.reference, r.unit)}",
            f"{r.ratio:.2f}",
            r.goal,
            "-" if r.met is None else ("yes" if r.met else "NO"),
        )
        for r in results
    ]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]

    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([row(header), rule, *(row(line) for line in lines)])


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile (p99 of 300 frames is the 297th smallest)."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))
    return ordered[index]


def window_env() -> dict[str, str]:
    """The environment of a window child: a real X server when DISPLAY is set, SDL's dummy driver
    otherwise; always the dummy audio driver (no sound device is assumed, and it keeps runs alike)."""
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["SDL_VIDEODRIVER"] = "dummy"
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def video_driver() -> str:
    env = window_env()
    return env.get("SDL_VIDEODRIVER") or "x11"


def run_child(module: str, *args: str, timeout: float = 120) -> dict:
    """Run `python -m benchmarks.<module> --child ...` and return the JSON it prints last."""
    done = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", "--child", *args],
        cwd=ROOT,
        env=window_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"benchmarks.{module} {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-800:]}"
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def wall_time(command: list[str], env: dict[str, str], timeout: float = 120) -> float:
    """Seconds from starting a fresh process to its exit."""
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()[-800:]}"
        )
    return elapsed
