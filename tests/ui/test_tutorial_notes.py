"""A note of the day (the game speaking to the player: a tutorial's lesson) opens first, over the
day's demands (play-test: the tutorial's day 1 opened on a news report, its note second in the
inbox; on day 2 the ultimatum's dialog opened before the note that explains demands)."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.scenario.load import load_scenario

TUTORIAL = Path(__file__).parents[2] / "scenarios" / "tutorial.yaml"


def names(app):
    return [scene.name for scene in app.stack]


def test_each_tutorial_day_opens_on_its_note_then_its_demand(make_app, press):
    app = make_app(loaded=load_scenario(TUTORIAL))
    app.pump()
    press(app, pygame.K_RETURN)  # New game
    press(app, pygame.K_RETURN)  # Begin
    assert names(app) == ["crisis", "event"]
    assert app.top.items[0].title == "Day 1: your council and your budget"
    press(app, pygame.K_RETURN)
    assert names(app) == ["crisis"]
    press(app, pygame.K_e)
    press(app, pygame.K_e)  # no point spent: it asks once more
    assert names(app) == ["crisis", "day_summary"]
    press(app, pygame.K_RETURN)  # begin the new day
    assert names(app) == ["crisis", "demand", "event"]
    assert app.top.items[0].title == "Day 2: a demand and its answers"
    press(app, pygame.K_RETURN)
    assert names(app) == ["crisis", "demand"]
