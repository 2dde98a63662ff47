"""The two authored scenarios: valid, clean, and every ending reachable by random play."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.analysis.explore import explore
from game.scenario.load import check_scenario_bytes

SCENARIOS = Path(__file__).resolve().parent.parent.parent / "scenarios"
FILES = ["chahar_1935.yaml", "nanjing_free_hand.yaml"]


@pytest.fixture(scope="module", params=FILES)
def loaded(request):
    raw = (SCENARIOS / request.param).read_bytes()
    scenario, found = check_scenario_bytes(raw, request.param)
    assert scenario is not None and [str(d) for d in found] == []  # no errors and no warnings
    return scenario, raw, request.param


def test_every_ending_and_all_content_reachable_by_random_play(loaded):
    scenario, raw, name = loaded
    report = explore(scenario, runs=300, seed=0, jobs=2, source=(raw, name))
    assert {e.ending for e in report.endings if e.count} == set(scenario.endings)
    assert all(not ids for ids in report.unreached.values()), report.unreached
    assert 3 <= report.mean_days <= 10


def test_shape(loaded):
    scenario, _, _ = loaded
    days = (scenario.calendar.end - scenario.calendar.start).days + 1
    assert 6 <= days <= 10
    # up to six: an ending for each way the crisis can really end, so that none tells the player
    # something that did not happen (the Chahar play-test: a refusal ended "A narrower
    # settlement", and a rejected offer "Taken out of your hands")
    assert 3 <= len(scenario.endings) <= 6
    assert any(e.historical for e in scenario.endings.values())
    # real choices: every demand offers at least three answers of different kinds
    for demand in scenario.demands.values():
        if len(demand.responses) >= 3:
            assert len({r.kind for r in demand.responses.values()}) >= 3
    assert scenario.history and all(note.sources for note in scenario.history)


def test_the_counterfactual_says_what_it_changes():
    scenario, _ = check_scenario_bytes((SCENARIOS / "nanjing_free_hand.yaml").read_bytes(), "n")
    assert (
        scenario is not None
        and "Red Army" in scenario.counterfactual
        and len(scenario.counterfactual) > 200
    )


def test_chahar_states_its_simplifications_and_follows_the_record():
    scenario, _ = check_scenario_bytes((SCENARIOS / "chahar_1935.yaml").read_bytes(), "c")
    assert scenario is not None
    assert "What this scenario simplifies" in scenario.briefing
    assert scenario.events["song_dismissed"].date.isoformat() == "1935-06-19"
    # the terms come with Doihara's call of 23 June, which presents them
    assert scenario.events["doihara_call"].date.isoformat() == "1935-06-23"
    assert scenario.events["doihara_call"].effects.issue == ["doihara_terms"]
    assert scenario.calendar.end.isoformat() == "1935-06-27"
    assert scenario.endings["agreement"].historical
