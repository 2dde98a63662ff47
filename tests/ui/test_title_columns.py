"""The title screen's buttons in two columns (large print): ← → go across to the other column;
on the Scenario button they still turn the scenario, as its ◂ ▸ say, and in one column they
turn it from any button, as before."""

from __future__ import annotations

import pygame

from game.ui.settings import Settings


def title(make_app, he_umezu, text_size, monkeypatch):
    from game.ui.scenes.title import TitleScene

    turned: list[int] = []
    monkeypatch.setattr(
        TitleScene, "turn_scenario", lambda self, app, step: turned.append(step) or True
    )
    app = make_app(loaded=he_umezu, settings=Settings(text_size=text_size))
    app.pump()
    return app, app.top, turned


def label(scene) -> str:
    return scene.focused().label


def test_left_and_right_go_across_the_two_columns(make_app, he_umezu, press, monkeypatch):
    # review: with the buttons in two columns, → changed the scenario instead
    app, scene, turned = title(make_app, he_umezu, 1.45, monkeypatch)
    rows = sum(1 for w in scene.widgets if w.rect.x == scene.widgets[0].rect.x)
    assert rows < len(scene.widgets)  # two columns at 145% in 1280x720
    assert label(scene) == "New game"
    press(app, pygame.K_RIGHT)
    assert scene.focus == rows  # the first of the second column
    assert scene.widgets[rows].rect.x > scene.widgets[0].rect.x
    press(app, pygame.K_RIGHT)  # no third column: it stays
    assert scene.focus == rows
    press(app, pygame.K_LEFT)
    assert label(scene) == "New game"
    assert turned == []
    scene.focus = next(i for i, w in enumerate(scene.widgets) if w.label.startswith("Scenario"))
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_LEFT)
    assert turned == [1, -1]  # on Scenario, ← → turn it


def test_in_one_column_left_and_right_turn_the_scenario(make_app, he_umezu, press, monkeypatch):
    app, scene, turned = title(make_app, he_umezu, 1.0, monkeypatch)
    assert len({w.rect.x for w in scene.widgets}) == 1  # one column
    press(app, pygame.K_RIGHT)
    assert turned == [1] and label(scene) == "New game"
