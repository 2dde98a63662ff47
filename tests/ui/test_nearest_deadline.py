"""Two answers due the same day: the window's header and the text version count down to the same
demand (game.analysis.describe.nearest_deadline), an ultimatum before a plain demand, then the
one presented first."""

from __future__ import annotations

from game.engine.actions import EndDay
from game.engine.api import new_game, step
from tests.conftest import edited_mini

# The ultimatum is presented on day 1, due on the 3rd; the first demand on day 2, due the 3rd too.
# Its id sorts first ("first" < "ultimatum"), though it was presented second.
SAME_DAY = (
    ('when: "day >= 3"\n    deadline_days: 1', 'when: "day >= 1"\n    deadline_days: 2'),
    ("date: 1935-06-01\n    deadline_days: 1", "date: 1935-06-02\n    deadline_days: 1"),
)


def day_two(*edits, presented=("ultimatum", "first")):
    """The mini scenario with `edits`, and its state at the dawn of day 2."""
    from game.scenario.load import load_scenario_bytes

    scenario = load_scenario_bytes(edited_mini(*edits).encode(), "same_day.yaml").scenario
    state, _ = new_game(scenario, 3)
    state, _ = step(scenario, state, EndDay())
    assert state.day == 2
    due = {did: active.deadline for did, active in state.demands.items()}
    assert tuple(due) == presented and len(set(due.values())) == 1
    return scenario, state


def test_an_ultimatum_is_named_before_a_demand_due_the_same_day():
    from game.text.render import day_header
    from game.text.style import Style
    from game.ui.view import header

    scenario, state = day_two(*SAME_DAY)
    shown = header(scenario, state)
    assert shown.due == "ULTIMATUM: Ultimatum"  # the window named 'First demand' (by its id)
    assert shown.due_left == "1 day left"
    assert shown.urgent  # and called it not urgent
    assert not shown.last_day  # it runs out tomorrow, not today
    text = "\n".join(day_header(scenario, state, Style(colour=False)))
    assert "Ultimatum 'Ultimatum' \u2014 deadline 3 June 1935: 1 day" in text


def test_of_two_plain_demands_due_the_same_day_the_one_presented_first():
    from game.analysis.describe import nearest_deadline
    from game.ui.view import header

    # the ultimatum made a plain demand: of two alike, the one presented first is named
    scenario, state = day_two(*SAME_DAY, ("    ultimatum: true\n", ""))
    assert not scenario.demands["ultimatum"].ultimatum
    assert nearest_deadline(scenario, state).demand == "ultimatum"
    shown = header(scenario, state)
    assert shown.due == "Deadline: Ultimatum" and not shown.urgent


def test_an_ultimatum_presented_after_a_demand_due_the_same_day_is_named():
    from game.analysis.describe import countdown_text, nearest_deadline
    from game.ui.view import header

    # the first demand presented on day 1 and due on the 3rd; the ultimatum on day 2, due the 3rd
    edits = (
        ('when: "day >= 3"\n    deadline_days: 1', 'when: "day >= 2"\n    deadline_days: 1'),
        ("date: 1935-06-01\n    deadline_days: 1", "date: 1935-06-01\n    deadline_days: 2"),
    )
    scenario, state = day_two(*edits, presented=("first", "ultimatum"))
    assert countdown_text(nearest_deadline(scenario, state)).startswith("Ultimatum 'Ultimatum'")
    assert header(scenario, state).due == "ULTIMATUM: Ultimatum"
