"""The window's settings (text size, palette, motion, sound), kept as JSON in the user's config folder."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

TEXT_SIZES = (0.85, 1.0, 1.2, 1.45)
SETTINGS_FILE = "settings.json"


class Settings(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="ignore"
    )  # ignore: an older/newer file still loads

    text_size: float = Field(1.0, ge=0.5, le=2.0)
    fullscreen: bool = False
    palette: Literal["standard", "colour_blind"] = "standard"
    high_contrast: bool = False
    reduced_motion: bool = False
    volume: int = Field(70, ge=0, le=100)
    mute: bool = False


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
        return Settings.model_validate(json.loads(raw)), ""
    except (ValueError, ValidationError):
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
    """The next of the offered text sizes (wrapping round)."""
    nearest = min(range(len(TEXT_SIZES)), key=lambda i: abs(TEXT_SIZES[i] - current))
    return TEXT_SIZES[(nearest + step) % len(TEXT_SIZES)]
