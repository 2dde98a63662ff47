"""The title screen points a first-time player to the tutorial (play-test: it was the fourth
scenario of four, and nothing said it was there)."""

from __future__ import annotations

from pathlib import Path

SCENARIOS = sorted((Path(__file__).parents[2] / "scenarios").glob("*.yaml"))
POINTER = "New to the game? The tutorial teaches it"


def _title_texts(make_app, he_umezu, paths):
    records: list = []
    app = make_app(loaded=he_umezu, recorder=records, scenario_paths=paths)
    app.pump()
    assert app.top.name == "title"
    return app, " ".join(text for text, *_ in records)


def test_a_first_time_player_is_pointed_to_the_tutorial(make_app, he_umezu):
    _, shown = _title_texts(make_app, he_umezu, SCENARIOS)
    assert POINTER in shown


def test_no_pointer_without_a_tutorial_or_with_a_game_to_continue(make_app, he_umezu):
    _, shown = _title_texts(make_app, he_umezu, [p for p in SCENARIOS if p.stem != "tutorial"])
    assert POINTER not in shown
    app, _ = _title_texts(make_app, he_umezu, SCENARIOS)
    app.top.autosave = Path("autosave-he_umezu_1935.json")  # a game to continue
    app.ink.recorder.clear()
    app.dirty = True
    app.pump()
    assert POINTER not in " ".join(text for text, *_ in app.ink.recorder)
