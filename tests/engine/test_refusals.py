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


def test_each_branch_of_an_or_fails_and_a_part_they_share_is_named_once(mini):
    reader = _reader(mini)
    said = unmet(reader, "(conceded and trust > 60) or (conceded and day >= 3)")
    assert said == ("`conceded`; `trust > 60` (trust = 50); `day >= 3` (day = 1)")
