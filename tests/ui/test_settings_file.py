"""The settings file is read without pydantic, but accepts and refuses what the pydantic model did."""

from __future__ import annotations

import json
import math

import pytest

from game.ui.settings import Settings, SettingsError, load_settings

# (field, value in the file, value read) -- None: the file is refused as damaged.
# The outcomes are those of the former pydantic model (lax mode), checked case by case.
CASES = [
    ("text_size", 1.2, 1.2),
    ("text_size", 1, 1.0),
    ("text_size", "1.2", 1.2),
    ("text_size", " 1.2 ", 1.2),
    ("text_size", True, 1.0),
    ("text_size", 0.4, None),
    ("text_size", 2.1, None),
    ("text_size", math.nan, None),
    ("text_size", math.inf, None),
    ("text_size", None, None),
    ("text_size", "big", None),
    ("volume", 70, 70),
    ("volume", 70.0, 70),
    ("volume", "70", 70),
    ("volume", "70.0", 70),
    ("volume", True, 1),
    ("volume", 70.5, None),
    ("volume", "70.", None),
    ("volume", "1e1", None),
    ("volume", 101, None),
    ("volume", -1, None),
    ("volume", 1e20, None),
    ("fullscreen", True, True),
    ("fullscreen", 1, True),
    ("fullscreen", 0.0, False),
    ("fullscreen", "yes", True),
    ("fullscreen", "Off", False),
    ("fullscreen", "t", True),
    ("fullscreen", 2, None),
    ("fullscreen", "0.0", None),
    ("fullscreen", None, None),
    ("palette", "colour_blind", "colour_blind"),
    ("palette", "Standard", None),
    ("palette", None, None),
    ("mute", "n", False),
    ("mute", [], None),
]


@pytest.mark.parametrize(("name", "value", "expected"), CASES)
def test_values_are_read_or_refused_as_before(tmp_path, name, value, expected):
    (tmp_path / "settings.json").write_text(json.dumps({name: value}), encoding="utf-8")
    settings, note = load_settings(tmp_path)
    if expected is None:
        assert settings == Settings() and "damaged" in note
    else:
        assert getattr(settings, name) == expected and note == ""
        assert type(getattr(settings, name)) is type(expected)


def test_unknown_keys_are_ignored_and_other_documents_refused(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"volume": 30, "from_a_newer_game": 1}), encoding="utf-8")
    assert load_settings(tmp_path) == (Settings(volume=30), "")
    for document in ("[]", '"x"', "3", "null"):
        path.write_text(document, encoding="utf-8")
        assert load_settings(tmp_path)[0] == Settings()


def test_settings_are_frozen_and_checked_when_changed():
    settings = Settings()
    with pytest.raises(AttributeError):
        settings.volume = 3  # type: ignore[misc]
    assert settings.model_copy(update={"mute": True}).mute is True
    with pytest.raises(SettingsError):
        settings.model_copy(update={"volume": 300})
    assert settings.model_dump()["palette"] == "standard"
