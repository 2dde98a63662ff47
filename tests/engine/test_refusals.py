"""What an author is told of a condition that does not hold: the failing parts and what they read."""

from __future__ import annotations

from game.engine.api import new_game
from game.engine.refusals import unmet
from game.engine.turn import Reader


def _reader(mini):
    return Reader(mini.scenario, new_game(mini.scenario, 7).state)


def test_only_the_failing_parts_are_named_with_the_values_they_read(mini):
    reader = _reader(mini)  # day 1: pressure 40, trust 50, stage calm, nothing fired
    said = unmet(reader, "pressure >= 30 and max(trust, readiness) > 60 and not in_stage(calm)")
    assert (
        said
        == "`max(trust, readiness) > 60` (trust = 50, readiness = 20); `not in_stage(calm)` (stage = calm)"
    )


def test_a_call_is_shown_with_its_value_unless_it_is_the_whole_part(mini):
    reader = _reader(mini)
    assert unmet(reader, "fired(rumour)") == "`fired(rumour)`"
    assert unmet(reader, "fired(rumour) >= 1") == "`fired(rumour) >= 1` (fired(rumour) = 0)"
    assert unmet(reader, "answer(first) == 'accept'") == (
        "`answer(first) == 'accept'` (answer(first) = '')"
    )


def test_each_branch_of_an_or_is_named_with_its_failing_parts(mini):
    # code review: "a; c" read as if both had to change, where either branch would do
    reader = _reader(mini)
    said = unmet(reader, "(conceded and trust > 60) or (conceded and day >= 3)")
    assert said == "`conceded`; `trust > 60` (trust = 50), or `conceded`; `day >= 3` (day = 1)"


def test_hidden_values_are_never_read_out(mini):
    # code review: a save's refusal reaches players, and it showed the hidden resolve
    from game.engine.actions import TakeAction
    from game.engine.refusals import why_not_for_author
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    text = edited_mini(
        ("    max_uses: 1\n", '    max_uses: 1\n    when: "resolve > 95 and readiness > 50"\n')
    )
    scenario = load_scenario_bytes(text.encode("utf-8"), "m.yaml").scenario
    state = new_game(scenario, 7).state
    said = why_not_for_author(scenario, state, TakeAction(action="spy"))
    assert said == (
        "'Ask the spies' is not possible now. Its condition does not hold: `resolve > 95` "
        "(resolve = hidden); `readiness > 50` (readiness = hidden)."
    )


def test_a_choice_refused_for_another_cause_does_not_blame_its_condition(mini):
    # code review: "'Ask the spies' cannot be done again. Its condition does not hold: ..."
    from game.engine.actions import EndDay, TakeAction
    from game.engine.api import step
    from game.engine.refusals import why_not_for_author
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    text = edited_mini(("    max_uses: 1\n", '    max_uses: 1\n    when: "day == 1"\n'))
    scenario = load_scenario_bytes(text.encode("utf-8"), "m.yaml").scenario
    state = new_game(scenario, 7).state
    state = step(scenario, state, TakeAction(action="spy")).state
    state = step(scenario, state, EndDay()).state
    assert why_not_for_author(scenario, state, TakeAction(action="spy")) == (
        "'Ask the spies' cannot be done again."
    )
