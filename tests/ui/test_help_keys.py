"""Help lists the keys that work, screen by screen: the review found S (save the report), Y/N
(the quit question), ← → (a setting; the scenario), Space or Esc to continue a dialog, Enter or
F1 to close Help and F5 to retry a failed load all working but left out."""

from __future__ import annotations

import pygame
import pytest


def help_text() -> str:
    from game.ui.scenes.help import HelpScene

    return "\n".join(text for _, text in HelpScene().paragraphs())


@pytest.mark.parametrize(
    "said",
    [
        "S \u2014 on the debrief: save the report",
        "Esc \u2014 asks whether to quit: Y quits, N or Esc stays",
        "\u2190 \u2192 \u2014 another scenario",
        "\u2190 \u2014 the text size or the volume a step down",
        "Enter, Space or \u2192 \u2014 change it",
        "What followed, the day's summary \u2014 Enter, Space or Esc continue",
        "F1 \u2014 this help; Esc, F1 or Enter closes it",
        "if the scenario failed to load, try loading it again",
        # and later: the Scenario button, ← on an on/off setting, and the keys of two questions
        "choose New game, Continue, Load, Scenario, Settings, Help or Quit",
        "a step down; any other setting switches, as with \u2192",
        "Replace it? \u2014 asked when the name holds another game: Y replaces it; N or Esc keeps it",
        "Leave without saving the report? \u2014 on the debrief, S saves it and leaves (on the "
        "ending, D opens the debrief to save it from); Y leaves without it; N or Esc stays",
    ],
)
def test_help_lists_the_keys_it_left_out(said):
    assert said in help_text()


def test_help_is_grouped_by_screen():
    text = help_text().splitlines()
    groups = ["Everywhere", "Title screen", "Crisis screen", "Dialogs", "Settings"]
    assert [line for line in text if line in groups] == groups


@pytest.mark.parametrize("key", [pygame.K_ESCAPE, pygame.K_F1, pygame.K_RETURN])
def test_each_key_help_names_for_closing_it_closes_it(make_app, press, key):
    app = make_app()
    app.pump()
    press(app, pygame.K_F1)
    assert app.top.name == "help"
    press(app, key)
    assert app.top.name == "title"


def test_the_help_tells_how_the_game_works_before_the_keys(make_app):
    """Student play-test: "How the game works" came after the keys for scenario authors (F5) and
    teachers (F9); a player opening F1 reads the rules first."""
    from game.ui.scenes.help import HelpScene

    app = make_app()
    scene = HelpScene()
    app.push(scene)
    app.pump()
    texts = [text for _, text in scene.paragraphs()]
    assert texts.index("HOW THE GAME WORKS") < texts.index("KEYS")
