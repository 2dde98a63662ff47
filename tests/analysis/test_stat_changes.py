"""What both front ends say changed after a choice or a night (`stat_changes`)."""

from __future__ import annotations

from game.analysis.describe import stat_changes
from game.engine.actions import TakeAction
from game.engine.api import new_game, step


def test_an_actors_attitude_that_moved_is_among_the_changes(mini):
    """Student play-test: 'Talk to the envoy' promised "envoy's attitude +5", and what the game
    said changed listed the stats alone (the people list showed the attitude had moved)."""
    scenario = mini.scenario
    before = new_game(scenario, 7).state
    after = step(scenario, before, TakeAction(action="talk")).state
    words = [change.words for change in stat_changes(scenario, before, after)]
    envoy = scenario.actors["envoy"].name
    old, new = before.attitudes["envoy"], after.attitudes["envoy"]
    assert (old, new) == (-10, -5)
    assert f"{envoy}'s attitude: \u221210 \u2192 \u22125 (+5)" in words  # minus signs
    assert words[0].startswith("Pressure")  # the stats first, then the people
