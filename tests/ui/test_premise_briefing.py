"""The window's briefing states an alternate history's premise (see tests/debrief/test_premise.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEADING = "What this scenario changes from history"


def test_the_windows_briefing_states_the_premise(make_app):
    from game.scenario.load import load_scenario
    from game.ui.scenes.briefing import BriefingScene

    loaded = load_scenario(ROOT / "scenarios" / "nanjing_free_hand.yaml")
    app = make_app(loaded=loaded)
    app.new_game(loaded, 5)
    scene = BriefingScene(first=True)
    app.push(scene)
    app.pump()  # entered and drawn, as a player sees it
    texts = [text for _, text in scene.paragraphs()]
    assert HEADING.upper() in texts
    assert " ".join(loaded.scenario.counterfactual.split())[:60] in " ".join(
        " ".join(texts).split()
    )


def test_the_briefing_read_again_says_enter_goes_back(make_app):
    """Student play-test: the briefing reopened with B said "Enter begin" beside a "Back to the
    crisis" button."""
    from game.ui.scenes.briefing import BriefingScene

    records: list = []
    app = make_app(recorder=records)
    app.new_game(app.loaded, 7)
    app.push(BriefingScene(first=False))
    app.pump()
    drawn = " ".join(block.text for block in records)
    assert "Enter back to the crisis" in drawn and "Enter begin" not in drawn
