"""The title card of the 1935 scenario at every text size: the rule under the subtitle clears
its descenders, and the summary is shown whole."""

from __future__ import annotations

import pygame
import pytest

from game.ui.settings import TEXT_SIZES, Settings

ELLIPSIS = "\u2026"


@pytest.fixture(scope="module")
def he_umezu():
    from game.cli import DEFAULT_SCENARIO
    from game.scenario.load import load_scenario

    return load_scenario(DEFAULT_SCENARIO)


@pytest.fixture
def title_of(he_umezu, tmp_path):
    """The title screen drawn in a window of `size` at `text_size`: (app, scene)."""
    from game.ui.app import App
    from game.ui.scenes.title import TitleScene

    def draw(size, text_size, recorder=None):
        app = App(
            he_umezu,
            seed=1935,
            size=size,
            sound=False,
            persist_settings=False,
            save_folder=tmp_path / "saves",
            report_folder=tmp_path / "reports",
            config_folder=tmp_path / "config",
            recorder=recorder,
            settings=Settings(text_size=text_size),
        )
        app.stack.clear()
        scene = TitleScene()
        app.push(scene)
        app.draw()
        return app, scene

    yield draw
    pygame.quit()


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_rule_under_the_subtitle_clears_its_descenders(title_of, text_size):
    """QA (title.png at 1280x720): the rule under "Sixteen days in Peiping…" touched the p, g
    and q. Between the lowest inked pixel of the subtitle and the rule, a third of a line is
    clear, at every text size."""
    from game.ui.text import Style

    app, scene = title_of((1280, 720), text_size)
    (left, y), (right, _) = scene.rule
    paper = app.screen.get_at((scene.panel.x + 2, scene.panel.y + 2))
    assert app.screen.get_at(((left + right) // 2, y)) != paper, "no rule where it was drawn"
    line = app.ink.height(Style("serif", "body", "ink_soft"))
    inked = [
        row
        for row in range(y - line, y)
        if any(
            app.screen.get_at((x, row)) != paper for x in range(scene.inner.x, scene.inner.right)
        )
    ]
    assert inked, "no subtitle above the rule"
    clear = y - max(inked) - 1
    assert clear >= line // 3, f"{clear} px between the subtitle and the rule ({line} px lines)"
