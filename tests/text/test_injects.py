"""The teacher's key in the text front end: `!` lists the scenario's injects, `!N` releases one."""

from __future__ import annotations

import io

from game.text.app import run_text


def play(loaded, script: str) -> str:
    out = io.StringIO()
    assert (
        run_text(loaded, seed=3, plain=True, input_stream=io.StringIO(script), output_stream=out)
        == 0
    )
    return out.getvalue()


def test_list_and_release_an_inject(mini):
    text = play(mini, "!\n!1\ns\n")
    assert "!1  Rumours of war in the bazaar" in text
    assert "News: Rumours of war in the bazaar" in text
    assert "Trust       46 of 100" in text  # its effect applied, no action point spent
    assert "Actions (2 of 2 points left)" in text.split("News: Rumours of war")[1]


def test_unknown_inject_number_loses_nothing(mini):
    text = play(mini, "!9\n")
    assert "There is no inject 9; type ! to list them." in text
    assert "Rumours of war" not in text.split("!9")[1]


def test_an_inject_is_released_once_and_the_list_says_so(mini):
    text = play(mini, "!1\n!1\n!\ns\n")
    assert text.count("News: Rumours of war in the bazaar") == 1
    assert "has already been released in this game" in text
    assert "!1  Rumours of war in the bazaar (released)" in text
    assert "Trust       46 of 100" in text  # its effect applied once


def test_the_list_says_what_each_inject_changes(mini):
    """Teacher's play-test (window; the text list said no more): an inject costs no action
    points but moves the stats it names, and the list says which."""
    text = play(mini, "!\n")
    assert "!1  Rumours of war in the bazaar (changes Trust \u22124)" in text


def test_an_inject_for_later_waits_for_its_first_day(tmp_path):
    """Teacher's review: 'Tokyo: there is no ultimatum' could be released on 29 May, ten days
    before there was an ultimatum. `not_before` holds it back; the list says from when."""
    from game.engine.actions import ReleaseInject
    from game.engine.api import new_game, why_not
    from game.engine.query import inject_waits
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    note = "    note: Use it when the class is too comfortable.\n"
    text = edited_mini((note, note + "    not_before: 1935-06-02\n"))
    loaded = load_scenario_bytes(text.encode(), "m.yaml")
    shown = play(loaded, "!\n!1\ne\n!1\ns\n")
    assert "!1  Rumours of war in the bazaar (from 2 June 1935)" in shown
    assert "\u201cRumours of war in the bazaar\u201d can be released from 2 June 1935." in shown
    assert shown.count("News: Rumours of war in the bazaar") == 1  # on day 2, not day 1
    # The lists keep the rule, not the engine: a game saved before the scenario gave the
    # inject its first day still replays its early release (code review).
    scenario, state = loaded.scenario, new_game(loaded.scenario, 3).state
    assert why_not(scenario, state, ReleaseInject(inject="rumour_of_war")) == ""
    assert inject_waits(scenario, state, "rumour_of_war").endswith(
        "can be released from 2 June 1935."
    )


def test_a_first_day_outside_the_calendar_is_an_error():
    from tests.checker import found
    from tests.conftest import edited_mini

    note = "    note: Use it when the class is too comfortable.\n"
    text = edited_mini((note, note + "    not_before: 1935-07-01\n"))
    assert any(
        "not_before 1935-07-01 is outside the calendar (1935-06-01 to 1935-06-04)" in line
        for line in found(text)
    )


def test_a_game_that_released_an_inject_early_still_replays_after_it_got_a_first_day(mini):
    """Code review: a class game saved before the scenario gave an inject its first day, with
    that inject released early, could no longer be resumed (its choices did not replay)."""
    from game.engine.actions import ReleaseInject
    from game.engine.api import new_game, step
    from game.saves import actions_from_log, replay_actions
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    state = new_game(mini.scenario, 3).state
    state = step(mini.scenario, state, ReleaseInject(inject="rumour_of_war")).state  # day 1
    note = "    note: Use it when the class is too comfortable.\n"
    later = load_scenario_bytes(
        edited_mini((note, note + "    not_before: 1935-06-02\n")).encode(), "m.yaml"
    ).scenario
    replayed, problems = replay_actions(later, 3, actions_from_log(state))
    assert problems == [] and replayed.log[-1].ref == "rumour_of_war"
