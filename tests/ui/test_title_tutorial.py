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


def test_the_pointer_shows_with_the_largest_text_too(make_app, he_umezu):
    # play-test: at 120% and 145% it was left out on most window sizes, for want of room
    from game.ui.settings import TEXT_SIZES, Settings

    for size in ((1280, 720), (1920, 1080), (1366, 768)):
        for text_size in TEXT_SIZES:
            records: list = []
            app = make_app(
                loaded=he_umezu,
                recorder=records,
                scenario_paths=SCENARIOS,
                size=size,
                settings=Settings(text_size=text_size),
            )
            app.pump()
            shown = " ".join(text for text, *_ in records)
            assert POINTER.split("?")[0] in shown, (size, text_size)
