"""The free-hand scenario (scenarios/nanjing_free_hand.yaml): its endings, flags and actions say
what happened, and its history is told as the record has it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.analysis.replay import play, scripted
from game.engine.actions import Respond, TakeAction
from game.engine.api import legal_actions
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(ROOT / "scenarios" / "nanjing_free_hand.yaml").scenario


def offered(scenario, state):
    """The ids of the actions and of the answers the player may choose now."""
    legal = legal_actions(scenario, state)
    actions = {a.action for a in legal if isinstance(a, TakeAction)}
    answers = {f"{a.demand}:{a.response}" for a in legal if isinstance(a, Respond)}
    return actions | answers


def test_signing_the_memorandum_is_not_the_oral_historical_ending(scenario):
    """Play-test: 'Hebei given up, orally (the historical ending)' came on answered(memorandum)
    whatever the answer, so copying and sealing it (the opposite of E-52) was called oral and
    historical."""
    keys = ["end", "four_demands:accept", "end", "memorandum:sign"]
    seen = 0
    for seed in range(40):
        final = play(scenario, seed, scripted(keys)).final
        if final.demands.get("memorandum") and final.demands["memorandum"].answer == "sign":
            seen += 1
            ending = scenario.endings[final.ending]
            assert not ending.historical, (seed, final.ending)
            assert "orally" not in ending.title.lower()
            assert "in writing" in ending.title.lower() or "sign" in ending.epilogue.lower()
    assert seen
