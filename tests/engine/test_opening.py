"""A game's opening state is built from tables its scenario's index works out once
(`Index.stats_at_start` ..., `Index.hidden_draws`): it must be the state the scenario itself
gives, drawn from the seed as the rules say."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import rng
from game.engine.day import opening_state
from game.engine.index import scenario_index
from game.engine.turn import Turn
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted(
    [ROOT / "tests" / "fixtures" / "mini.yaml", *(ROOT / "scenarios").glob("*.yaml")]
)
LOADED = [(path.name, load_scenario(path).scenario) for path in SCENARIOS]


def hidden_values_as_written(scenario, seed):
    """The hidden values drawn straight from the scenario, in declared order."""
    generator = rng.seed_state(seed)
    hidden = {}
    for hid, spec in scenario.hidden.items():
        if spec.choices:
            generator, value = rng.below(generator, sum(max(0, c.weight) for c in spec.choices))
            for choice in spec.choices:
                if value < max(0, choice.weight):
                    hidden[hid] = choice.value
                    break
                value -= max(0, choice.weight)
        else:
            generator, value = rng.below(generator, spec.max - spec.min + 1)
            hidden[hid] = spec.min + value
    return hidden, generator


@pytest.mark.parametrize(("name", "scenario"), LOADED, ids=[name for name, _ in LOADED])
def test_a_games_opening_is_what_its_scenario_says(name, scenario):
    assert scenario.hidden or name == "mini.yaml"  # (the shipped scenarios draw some)
    for seed in range(40):
        state = opening_state(scenario, seed)
        hidden, generator = hidden_values_as_written(scenario, seed)
        assert state.hidden == hidden
        assert state.rng == generator
        assert state.stats == {sid: stat.start for sid, stat in scenario.stats.items()}
        assert state.flags == {fid: flag.start for fid, flag in scenario.flags.items()}
        assert state.attitudes == {aid: a.attitude for aid, a in scenario.actors.items()}
    # each game gets tables of its own: changing one game's changes no other's
    first, second = opening_state(scenario, 1), opening_state(scenario, 2)
    assert first.stats is not second.stats and first.flags is not second.flags
    assert first.attitudes is not second.attitudes


@pytest.mark.parametrize(("name", "scenario"), LOADED, ids=[name for name, _ in LOADED])
def test_the_calendar_the_index_keeps_is_the_scenarios(name, scenario):
    """Dawn, dusk and the turn read the calendar from the index (`Index.actions_per_day` and
    `Index.last_date`): a game's budget each day and its last day are the scenario's."""
    tables = scenario_index(scenario)
    assert tables.actions_per_day == scenario.calendar.actions_per_day
    assert tables.last_date == scenario.calendar.end
    state = opening_state(scenario, 3)
    turn = Turn(scenario, state)
    assert turn.values["days_left"] == (scenario.calendar.end - state.date).days
    turn.next_day()
    assert turn.values["days_left"] == (scenario.calendar.end - turn.date).days
