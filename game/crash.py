"""Crash logs for the shells: the traceback goes to a file, the player gets one line.

    try:
        ...
    except Exception as exc:
        path = write_crash_log(exc, {"command": "play", "scenario": "..."})
        print(f"hebei1935: unexpected error ({type(exc).__name__}: {exc}); details written to {path}")

Writing the log must never raise: if the user's log folder cannot be written, a temporary folder is
used, and if even that fails the path is reported as "(nowhere)" rather than crashing again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Mapping
from pathlib import Path

from game import __version__

# Set to "1" (the tests do, in tests/conftest.py) to have the errors that the shells get round (a
# fallback shown, the error logged) raised instead, so that such a bug fails a test rather than
# hiding behind its fallback.
STRICT_VARIABLE = "HEBEI1935_STRICT"


def strict() -> bool:
    """Whether errors the shells would get round are to be raised instead (`STRICT_VARIABLE`)."""
    return os.environ.get(STRICT_VARIABLE) == "1"


def log_dir() -> Path:
    """Where crash logs go: the user's log folder for the game (platformdirs)."""
    import platformdirs

    return Path(platformdirs.user_log_dir("hebei1935", appauthor=False))


def describe(exc: BaseException, limit: int = 200) -> str:
    """`Type: message` on one line, shortened; safe even if the exception cannot be printed."""
    try:
        message = str(exc)
    except Exception:
        message = "(message unavailable)"
    text = " ".join(f"{type(exc).__name__}: {message}".split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def crash_report(exc: BaseException, context: Mapping[str, object] | None = None) -> str:
    """The text of a crash log: what happened, where, and on what system."""
    lines = [
        "Hebei 1935 crash report",
        f"time: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"game version: {__version__}",
        f"python: {sys.version.split()[0]} ({platform.python_implementation()})",
        f"platform: {platform.platform()}",
        f"command line: {' '.join(sys.argv)}",
    ]
    for key, value in (context or {}).items():
        lines.append(f"{key}: {value}")
    lines.append("")
    lines.extend(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def write_crash_log(
    exc: BaseException,
    context: Mapping[str, object] | None = None,
    directory: Path | None = None,
) -> Path:
    """Write a crash log and return its path; falls back to the temporary folder, never raises."""
    try:
        text = crash_report(exc, context)
    except Exception as failure:  # a broken __str__ or context must not hide the crash
        text = f"Hebei 1935 crash report\n(could not format the report: {failure!r})\n{exc!r}\n"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidates: list[Path] = []
    with contextlib.suppress(Exception):
        candidates.append(directory if directory is not None else log_dir())
    candidates.append(Path(tempfile.gettempdir()) / "hebei1935")
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f"crash-{stamp}-", suffix=".txt", dir=folder)
            with os.fdopen(handle, "w", encoding="utf-8", errors="replace") as stream:
                stream.write(text)
            return Path(name)
        except OSError:
            continue
    return Path("(nowhere)")
