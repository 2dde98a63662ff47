"""An action the game allows only a few times says so before it is gone, in both front ends
(the engine gives the count; QA found players locked out of the historical path unawares)."""

from __future__ import annotations

from game.analysis.describe import uses_note
from game.engine.actions import TakeAction
from game.engine.api import action_options, new_game, step
from game.text.menu import build_menu
from game.text.render import menu_lines
from game.text.style import Style


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


def test_an_action_not_possible_now_says_why_not_how_often(mini):
    # review: the text version showed the uses left on unavailable actions, the window did not
    scenario = mini.scenario
    state = step(scenario, new_game(scenario, 1).state, TakeAction(action="prepare")).state
    lines = menu_lines(scenario, state, build_menu(scenario, state), Style(plain=True))
    spy = next(line for line in lines if "Ask the spies" in line)
    assert "not possible now" in spy and "once more" not in spy
