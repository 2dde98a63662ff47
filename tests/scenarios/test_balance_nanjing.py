"""'A free hand from Nanjing': receiving Takahashi does not decide the scenario on its own.

Designer's balance review: refusing the four demands and receiving Takahashi every day (each
audience -6 pressure) ended in "The line held" in 8 games of 10 and war in 1; the crisis was
then no gamble. Now he can be received three times, each easing less, and refusing is a risk.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from game.scenario.load import load_scenario
from tests.scenarios.helpers import play_preferring

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SEEDS = range(100)


def test_refusing_with_takahashi_received_daily_is_a_gamble():
    scenario = load_scenario(SCENARIOS / "nanjing_free_hand.yaml").scenario
    for answer in ("refuse", "partial"):
        preferences = (f"four_demands:{answer}", "see_takahashi")
        ends = Counter(play_preferring(scenario, seed, preferences).ending for seed in SEEDS)
        assert ends["war"] >= 15, (answer, ends)
        assert ends["held"] <= 75, (answer, ends)
