"""Row 4: loading and checking a scenario against PyYAML's C loader alone; and growth with size.

The first line times `load_scenario` (read, YAML with positions, pydantic models, whole-scenario
checks, lint) on the 1935 scenario against `yaml.load(text, yaml.CSafeLoader)` of the same file.
The others load synthetic scenarios made from tests/fixtures/mini.yaml by adding events, and
compare the time per event at each size: it must not grow with size (linear or better).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import yaml

from benchmarks.common import MINI, SCENARIO, Result, median

GOAL_RATIO = 3.0
GOAL_GROWTH = 1.5  # time per event at the larger size over the smaller: about 1 is linear


def _timed(work: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return median(times)


def synthetic(events: int) -> bytes:
    """mini.yaml grown to `events` events in all, each added one with a condition and an effect."""
    with open(MINI, encoding="utf-8") as handle:
        data = yaml.load(handle, yaml.CSafeLoader)
    for index in range(events - len(data["events"])):
        data["events"][f"extra_{index}"] = {
            "title": f"Extra event {index}",
            "text": "Something else happens.",
            "when": f"pressure >= {index % 100} and not conceded",
            "effects": {"trust": -1, "pressure": 1},
            "sources": ["T1"],
        }
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False).encode(
        "utf-8"
    )


def run(quick: bool) -> list[Result]:
    from game.scenario.load import load_scenario, load_scenario_bytes

    repeats = 3 if quick else 7
    raw = SCENARIO.read_bytes()
    load_scenario(SCENARIO)  # the first load pays for imports and compiled-expression caches
    ours = _timed(lambda: load_scenario(SCENARIO), repeats)
    reference = _timed(lambda: yaml.load(raw.decode("utf-8"), yaml.CSafeLoader), repeats)
    results = [
        Result(
            "4. Loading",
            f"{SCENARIO.name}, median of {repeats}",
            ours * 1000,
            reference * 1000,
            "ms",
            f"ratio <= {GOAL_RATIO:.0f}",
            ours / reference <= GOAL_RATIO,
            "load_scenario",
            "CSafeLoader only",
        )
    ]
    sizes = [100, 1_000, 10_000]
    per_event: dict[int, float] = {}
    for size in sizes:
        content = synthetic(size)
        per_event[size] = (
            _timed(
                lambda content=content: load_scenario_bytes(content, "synthetic.yaml"),
                1 if size >= 10_000 or quick else 3,
            )
            / size
        )
    for small, large in zip(sizes, sizes[1:], strict=False):
        growth = per_event[large] / per_event[small]
        results.append(
            Result(
                "4. Loading",
                f"time per event, {large:,} vs {small:,} events",
                per_event[large] * 1e6,
                per_event[small] * 1e6,
                "µs",
                f"ratio <= {GOAL_GROWTH} (linear)",
                growth <= GOAL_GROWTH,
                f"{large:,}",
                f"{small:,}",
            )
        )
    return results
