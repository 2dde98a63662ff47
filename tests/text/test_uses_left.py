"""An action the game allows only a few times says so before it is gone, in both front ends
(the engine gives the count; QA found players locked out of the historical path unawares)."""

from __future__ import annotations

from game.analysis.describe import uses_note
from game.engine.actions import TakeAction
from game.engine.api import action_options, new_game, step
from game.scenario.load import load_scenario_bytes
from game.text.menu import build_menu
from game.text.render import menu_lines
from game.text.style import Style
from tests.conftest import edited_mini


def test_uses_note_speaks_of_every_limit():
    assert [uses_note(n, taken=1) for n in (None, 0, 1, 2, 3, 4, 9)] == [
        "",
        "",
        "once more this game",
        "2 more times this game",
        "3 more times this game",
        "4 more times this game",
        "9 more times this game",
    ]
    # QA: "once more" read as if it had been done already, on actions never taken
    assert [uses_note(n) for n in (1, 3)] == ["once a game", "up to 3 times a game"]
    # play-test: an action of 4 uses showed no limit on day 1, then "3 more times" after one use
    assert [uses_note(4), uses_note(3, taken=1)] == [
        "up to 4 times a game",
        "3 more times this game",
    ]


def test_the_engine_counts_the_uses_left(mini):
    scenario = mini.scenario
    state = new_game(scenario, 1).state
    left = {o.action.action: o.uses_left for o in action_options(scenario, state)}
    assert left == {"talk": None, "prepare": None, "spy": 1}
    state = step(scenario, state, TakeAction(action="spy")).state
    spy = next(o for o in action_options(scenario, state) if o.action.action == "spy")
    assert (spy.uses_left, spy.taken, spy.available) == (0, 1, False)


def test_the_text_menu_shows_the_last_use(mini):
    scenario = mini.scenario
    state = new_game(scenario, 1).state
    lines = menu_lines(scenario, state, build_menu(scenario, state), Style(plain=True))
    spy = next(line for line in lines if "Ask the spies" in line)
    talk = next(line for line in lines if "Talk to the envoy" in line)
    assert spy.endswith("(1 point, information, once a game)")
    assert talk.endswith("(1 point, diplomacy)")


def test_an_action_not_possible_today_still_says_how_often_it_can_be_done(mini):
    # play-tests (both front ends): a row already done today, or short of points, hid that it
    # could still be done on later days ("2 more times this game")
    scenario = mini.scenario
    state = step(scenario, new_game(scenario, 1).state, TakeAction(action="prepare")).state
    lines = menu_lines(scenario, state, build_menu(scenario, state), Style(plain=True))
    spy = next(line for line in lines if "Ask the spies" in line)
    assert "not possible now" in spy and "once a game" in spy


def test_the_full_list_says_briefly_why_not_and_puts_what_is_used_up_last(mini):
    """Play-test: "7. Talk quietly with Major Takahashi \u2014 not possible now: 'Talk quietly with
    Major Takahashi' cannot be done again.", and by the last days nine of 23 lines were such."""
    scenario = mini.scenario
    state = new_game(scenario, 1).state
    state = step(scenario, state, TakeAction(action="spy")).state
    state = step(scenario, state, TakeAction(action="talk")).state
    lines = menu_lines(scenario, state, build_menu(scenario, state), Style(plain=True))
    actions = lines[lines.index("Actions (0 of 2 points left)") + 1 :][:3]
    assert actions == [
        "  4. Talk to the envoy (1 point, diplomacy) \u2014 already done today",
        "  5. Prepare the army (2 points, military) \u2014 not possible now: needs 2 action "
        "points; 0 left today",
        "  6. Ask the spies (1 point, information) \u2014 used up for this game",
    ]
    # used up, it goes last even though the scenario lists it first
    once = edited_mini(
        ("    hint: Lower the temperature.\n", "    hint: Lower it.\n    max_uses: 1\n")
    )
    scenario = load_scenario_bytes(once.encode(), "once.yaml").scenario
    state = step(scenario, new_game(scenario, 1).state, TakeAction(action="talk")).state
    lines = menu_lines(scenario, state, build_menu(scenario, state), Style(plain=True))
    heads = [line.split(" (")[0] for line in lines if line[:4].strip().rstrip(".").isdigit()]
    assert heads[-3:] == [
        "  5. Prepare the army",
        "  6. Ask the spies",
        "  4. Talk to the envoy",
    ]


def test_an_action_taken_more_than_once_a_day_says_so():
    # an author's review: `per_day: 2` was shown nowhere, and the help said "once a day"
    assert [uses_note(None, per_day=2), uses_note(4, per_day=2), uses_note(1, per_day=3)] == [
        "up to 2 times a day",
        "up to 2 times a day, up to 4 times a game",
        "once a game",  # the game's limit is the tighter one: the day's says nothing more
    ]
    assert uses_note(3, taken=1, per_day=2) == "up to 2 times a day, 3 more times this game"
    # review: used up, it says so in its reason, and no more "up to 2 times a day"
    assert uses_note(0, taken=2, per_day=2) == ""


def test_both_front_ends_show_a_per_day_above_one():
    from game.ui.view import action_rows

    raw = edited_mini(("    cost: 2\n", "    cost: 2\n    per_day: 2\n")).encode()
    scenario = load_scenario_bytes(raw, "mini.yaml").scenario
    state = new_game(scenario, 1).state
    lines = menu_lines(scenario, state, build_menu(scenario, state), Style(plain=True))
    prepare = next(line for line in lines if "Prepare the army" in line)
    assert prepare.endswith("(2 points, military, up to 2 times a day)")
    row = next(r for r in action_rows(scenario, state) if r.id == "prepare")
    assert uses_note(row.uses_left, row.taken, row.per_day) == "up to 2 times a day"
