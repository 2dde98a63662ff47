"""Row 5: full random games of the 1935 scenario per second, through the explorer's own API.

`game.analysis.explore.explore` with the random policy (game.analysis.policies.uniform), one
process and two. The reference side is the goal itself: 1,000 games per second per core.
"""

from __future__ import annotations

import os
import time

from benchmarks.common import SCENARIO, Result

GOAL = 1_000.0  # games per second per core


def run(quick: bool) -> list[Result]:
    from game.analysis.explore import explore
    from game.scenario.load import load_scenario

    loaded = load_scenario(SCENARIO)
    runs = 300 if quick else 2_000
    source = (SCENARIO.read_bytes(), str(SCENARIO))
    explore(loaded.scenario, runs=20, seed=10_000)  # warm the compiled-expression caches
    results = []
    for jobs in (1, 2):
        start = time.perf_counter()
        report = explore(loaded.scenario, runs=runs, seed=0, jobs=jobs, source=source)
        elapsed = time.perf_counter() - start
        assert report.runs == runs
        rate = runs / elapsed
        cores = min(jobs, os.cpu_count() or 1)
        results.append(
            Result(
                "5. Exploration",
                f"{runs:,} random games, jobs={jobs} ({1000 * elapsed / runs:.2f} ms/game)"
                + ("" if jobs == 1 else ", per core, worker start-up included"),
                rate / cores,
                GOAL,
                "games/s",
                f">= {GOAL:,.0f} games/s per core",
                rate / cores >= GOAL,
                "explore",
                "goal",
            )
        )
    return results
