"""A scenario's own map file (`map:`), checked as the window will read it: JSON, an object, with
a `bbox` of four numbers. Pure: it reads the file and says what is wrong, and draws nothing.

Robustness review: a broken map (`{not json`, `{"bbox": 5}`, or `map: base.yaml`) passed
`validate`, and the window drew an empty grey map with no message. The window's reader
(game/ui/app.py `_map_data`) falls back to that empty map; `validate` and every load now refuse
such a file at the scenario's `map:` line instead, so the window never gets one.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from game.scenario.yaml_source import read_limited

MAX_MAP_BYTES = 20_000_000  # the bundled North China map is under 200 kB
BOX_KEYS = ("lon_min", "lon_max", "lat_min", "lat_max")


def map_file_problem(path: Path, value: str) -> str:
    """Why the map file at `path` (written `value` in the scenario) cannot be drawn ("" if it
    can): unreadable, too large, not UTF-8 JSON, not an object, or without a sound `bbox`."""
    try:
        raw = read_limited(path, MAX_MAP_BYTES)
    except OSError as exc:
        return f"cannot read the map file '{value}': {exc.strerror or exc}"
    if len(raw) > MAX_MAP_BYTES:
        return f"the map file '{value}' is over {MAX_MAP_BYTES:,} bytes"
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return f"the map file '{value}' is not UTF-8 text: a map is a JSON file"
    except json.JSONDecodeError as exc:
        return (
            f"the map file '{value}' is not valid JSON ({exc.msg} at its line {exc.lineno}, "
            f"column {exc.colno}): a map is a JSON file"
        )
    except (ValueError, RecursionError):
        return f"the map file '{value}' is not valid JSON: a map is a JSON file"
    if not isinstance(data, dict):
        return f"the map file '{value}' must hold a JSON object with a 'bbox'"
    for key in ("bbox", "extent"):
        if key in data or key == "bbox":
            problem = _box_problem(data.get(key), key)
            if problem:
                return f"the map file '{value}': {problem}"
    return ""


def _box_problem(box: Any, key: str) -> str:
    if box is None:
        return f"'{key}' is missing: give {{lon_min, lon_max, lat_min, lat_max}}"
    if not isinstance(box, dict):
        return f"'{key}' must be {{lon_min, lon_max, lat_min, lat_max}}, not {type(box).__name__}"
    for name in BOX_KEYS:
        number = box.get(name)
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            return f"'{key}.{name}' must be a number of degrees"
        if not math.isfinite(number):
            return f"'{key}.{name}' must be a finite number"
    if not box["lon_min"] < box["lon_max"] or not box["lat_min"] < box["lat_max"]:
        return f"'{key}' must have lon_min < lon_max and lat_min < lat_max"
    return ""
