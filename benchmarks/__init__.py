"""Performance measurements of the game against bare references (not tests): `python -m benchmarks`."""

from __future__ import annotations

import os
import platform

# One module per row of the table (benchmarks.<name>, each with `run(quick) -> list[Result]`), in the
# table's order. Imported only when run, so `python -m benchmarks.idle --child ...` stays light.
ROWS = ("startup", "idle", "frames", "loading", "exploration")


def machine() -> str:
    """nproc, CPU model, Python and pygame-ce versions: the line every recorded table carries."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            model = next(
                (line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")),
                model,
            )
    except OSError:
        pass
    try:
        from importlib.metadata import version

        pygame = f"pygame-ce {version('pygame-ce')}"
    except Exception:  # noqa: BLE001 - a missing distribution only changes this label
        pygame = "pygame-ce ?"
    return f"{os.cpu_count()} CPU, {model}, Python {platform.python_version()}, {pygame}"
