"""The window's settings (text size, palette, motion, sound), kept as JSON in the user's config folder.

A frozen dataclass checked by hand rather than a pydantic model: the settings are needed for the
title screen's first frame, and importing pydantic alone took longer than opening the window.
The checks accept what pydantic's lax mode accepted (numbers written as strings, 0/1 and "yes"/"no"
for switches) and refuse the rest, so a file that loaded before still loads. A few odd spellings
pydantic refused now pass (a switch written " 0", a volume in non-ASCII digits); nothing it
accepted is refused.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

TEXT_SIZES = (0.85, 1.0, 1.2, 1.45)
SETTINGS_FILE = "settings.json"
PALETTES = ("standard", "colour_blind")
_TRUE = {"1", "on", "t", "true", "y", "yes"}
_FALSE = {"0", "off", "f", "false", "n", "no"}


class SettingsError(ValueError):
    """A value in the settings that is not allowed (the file is then treated as damaged)."""


def _number(name: str, value: Any) -> float:
    if isinstance(value, (bool, int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            pass
    raise SettingsError(f"{name}: expected a number, got {value!r}")


def _integer(name: str, value: Any) -> int:
    if isinstance(value, (bool, int)):
        return int(value)
    if isinstance(value, str):
        # "70" and "70.0" are whole numbers, as pydantic allowed; "70.", "70.5" and "1e1" are not
        whole, dot, fraction = value.strip().partition(".")
        try:
            if not dot or (fraction and not fraction.strip("0")):
                return int(whole)
        except ValueError:
            pass
        raise SettingsError(f"{name}: expected a whole number, got {value!r}")
    number = _number(name, value)
    if not math.isfinite(number) or not number.is_integer():
        raise SettingsError(f"{name}: expected a whole number, got {value!r}")
    return int(number)


def _switch(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
    raise SettingsError(f"{name}: expected true or false, got {value!r}")


def _within(name: str, value: float, low: float, high: float) -> None:
    if not low <= value <= high:  # NaN fails both comparisons, so it is refused too
        raise SettingsError(f"{name}: {value!r} is outside {low}..{high}")


@dataclass(frozen=True)
class Settings:
    text_size: float = 1.0  # 0.5 .. 2.0
    fullscreen: bool = False
    palette: str = "standard"  # one of PALETTES
    high_contrast: bool = False
    reduced_motion: bool = False
    volume: int = 70  # 0 .. 100
    mute: bool = False

    def __post_init__(self) -> None:
        set_field = object.__setattr__  # frozen: the checked values replace what was given
        set_field(self, "text_size", _number("text_size", self.text_size))
        _within("text_size", self.text_size, 0.5, 2.0)
        set_field(self, "volume", _integer("volume", self.volume))
        _within("volume", self.volume, 0, 100)
        if not isinstance(self.palette, str) or self.palette not in PALETTES:
            raise SettingsError(
                f"palette: expected one of {', '.join(PALETTES)}, got {self.palette!r}"
            )
        for name in ("fullscreen", "high_contrast", "reduced_motion", "mute"):
            set_field(self, name, _switch(name, getattr(self, name)))

    @classmethod
    def from_json(cls, data: Any) -> Settings:
        """Settings from a decoded JSON object; unknown keys are ignored (an older/newer file still loads)."""
        if not isinstance(data, dict):
            raise SettingsError("expected a JSON object")
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Settings:
        """A copy with some values changed (checked; the name is the one scenes and tests use)."""
        return replace(self, **(update or {}))

    def model_dump(self) -> dict[str, Any]:
        return asdict(self)


def config_dir(override: str | Path | None = None) -> Path:
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("hebei1935", appauthor=False))


def load_settings(folder: str | Path | None = None) -> tuple[Settings, str]:
    """The saved settings, or the defaults and a one-line note saying why the file was not used."""
    path = config_dir(folder) / SETTINGS_FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), ""
    except OSError as exc:
        return Settings(), f"Settings not read ({exc.strerror}); using the defaults."
    try:
        return Settings.from_json(json.loads(raw)), ""
    except (ValueError, TypeError):
        return (
            Settings(),
            f"{path.name} is damaged; using the defaults (it will be replaced when you change a setting).",
        )


def save_settings(settings: Settings, folder: str | Path | None = None) -> str:
    """Write atomically; return "" or a one-line problem (a setting that cannot be saved is not fatal)."""
    target = config_dir(folder) / SETTINGS_FILE
    temporary = target.with_name(f".{SETTINGS_FILE}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(settings.model_dump(), indent=1) + "\n", encoding="utf-8")
        os.replace(temporary, target)
    except OSError as exc:
        return f"Settings not saved: {exc.strerror or exc}"
    return ""


def next_text_size(current: float, step: int = 1) -> float:
    """The next of the offered text sizes, stopping at the smallest and the largest as the
    volume stops at 0 and 100 (a step up from the largest wrapped round to the smallest: the
    print shrank to 85% under a player who wanted it larger)."""
    nearest = min(range(len(TEXT_SIZES)), key=lambda i: abs(TEXT_SIZES[i] - current))
    return TEXT_SIZES[max(0, min(len(TEXT_SIZES) - 1, nearest + step))]
