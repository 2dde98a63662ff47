"""Performance measurements of the game against bare references (not tests): `python -m benchmarks`."""

from __future__ import annotations

import os
import platform
from types import ModuleType

from benchmarks import exploration, frames, idle, loading, startup

# One module per row of the table, in the table's order.
ROWS: dict[str, ModuleType] = {
    "startup": startup,
    "idle": idle,
    "frames": frames,
    "loading": loading,
    "exploration": exploration,
}


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
