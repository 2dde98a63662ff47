"""The title screen's scenario choice: others load only when chosen; a broken file is skipped."""

from __future__ import annotations

from pathlib import Path

import pygame

ROOT = Path(__file__).resolve().parents[2]


def test_scenarios_load_when_turned_to_and_broken_ones_are_skipped(make_app, press, tmp_path):
    from game.ui.scene import Reset
    from game.ui.scenes.title import TitleScene

    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    paths = [
        ROOT / "tests" / "fixtures" / "mini.yaml",
        broken,
        ROOT / "scenarios" / "tutorial.yaml",
    ]
    app = make_app(scenario_paths=paths)
    app.apply(Reset(TitleScene()))
    app.pump()
    title = app.stack[-1]
    assert [loaded is None for _, loaded in title.choices] == [
        False,
        True,
        True,
    ]  # nothing extra loaded yet
    press(app, pygame.K_RIGHT)
    assert app.loaded.scenario.id == "tutorial"
    assert len(title.choices) == 2  # the broken file was dropped on the way
    press(app, pygame.K_RIGHT)
    assert app.loaded.scenario.id == "mini"
    press(app, pygame.K_LEFT)
    assert app.loaded.scenario.id == "tutorial"
