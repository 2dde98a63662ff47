"""'A free hand from Nanjing': receiving Takahashi does not decide the scenario on its own.

Designer's balance review: refusing the four demands and receiving Takahashi every day (each
audience -6 pressure) ended in "The line held" in 8 games of 10 and war in 1; the crisis was
then no gamble. Now he can be received three times, each easing less, and refusing is a risk.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from game.analysis.replay import play
from game.engine.actions import EndDay, Respond, TakeAction
from game.engine.api import legal_actions
from game.scenario.load import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SEEDS = range(100)


def _refuse_and_receive_takahashi(answer: str):
    def policy(scenario, state, generator):
        legal = legal_actions(scenario, state)
        for action in legal:
            if isinstance(action, Respond) and (action.demand, action.response) == (
                "four_demands",
                answer,
            ):
                return action, generator
        for action in legal:
            if isinstance(action, TakeAction) and action.action == "see_takahashi":
                return action, generator
        return EndDay(), generator

    return policy


def test_refusing_with_takahashi_received_daily_is_a_gamble():
    scenario = load_scenario(SCENARIOS / "nanjing_free_hand.yaml").scenario
    for answer in ("refuse", "partial"):
        policy = _refuse_and_receive_takahashi(answer)
        ends = Counter(play(scenario, seed, policy).final.ending for seed in SEEDS)
        assert ends["war"] >= 15, (answer, ends)
        assert ends["held"] <= 75, (answer, ends)
