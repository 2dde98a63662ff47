"""Effects compiled once (`game.engine.index.plan`): the quick path of a plan whose changes read
nothing (flags set at once, then numbers added to) changes a game exactly as making its changes
one by one, in written order, does."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import rng
from game.engine.day import opening_state
from game.engine.index import plan
from game.engine.turn import Turn
from game.scenario.load import load_scenario
from game.scenario.walk import all_effects

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted(
    [ROOT / "tests" / "fixtures" / "mini.yaml", *(ROOT / "scenarios").glob("*.yaml")]
)
LOADED = [(path.name, load_scenario(path).scenario) for path in SCENARIOS]


@pytest.mark.parametrize(("name", "scenario"), LOADED, ids=[name for name, _ in LOADED])
def test_a_plans_quick_path_makes_its_changes_in_written_order(name, scenario):
    quick = 0
    generator = rng.seed_state(11)
    for _, effects in all_effects(scenario):
        compiled = plan(scenario, effects)
        if compiled.sets is None:
            continue
        quick += 1
        for _ in range(5):  # from values spread over every bound, so that clamping is tried
            by_plan = Turn(scenario, opening_state(scenario, 1))
            one_by_one = Turn(scenario, opening_state(scenario, 1))
            for name_ in [*scenario.stats, *scenario.actors]:
                generator, value = rng.below(generator, 301)
                by_plan.values[name_] = one_by_one.values[name_] = value - 150
            by_plan.apply(effects)
            one_by_one._change(compiled.changes)
            assert by_plan.values == one_by_one.values
            assert by_plan.touched >= compiled.names
    assert quick > 0
