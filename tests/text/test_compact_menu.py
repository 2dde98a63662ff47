"""After a step of the day (and each morning after the first) the text version shows what the
step brought, then a short list of the choices still open (teacher's review: the whole ~90-line
list was printed again after every step, so the result scrolled away; with no points left it
listed 19 choices "not possible now", and a demand answered today had its answers reprinted as
"already answered")."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.actions import EndDay
from game.engine.api import legal_actions, new_game, step
from game.text.app import run_text
from game.text.menu import build_menu


def play(mini, script: str, seed: int = 5, plain: bool = False) -> str:
    out = io.StringIO()
    run_text(mini, seed=seed, input_stream=io.StringIO(script), output_stream=out, plain=plain)
    return out.getvalue()


def after_last_choice(text: str) -> str:
    """What was shown between the last choice typed and the prompt after it."""
    return text.split("\n> ")[-2]


def test_after_a_step_the_result_comes_before_a_short_list_of_what_is_open(mini):
    text = play(mini, "4\n")  # day 1: talk to the envoy (1 of 2 points)
    shown = after_last_choice(text)
    assert shown.startswith("4\n\nDone: Talk to the envoy")
    # the open choices in one line each, with the numbers of the morning's list
    assert "  1. Accept (0 points)" in shown
    assert "  6. Ask the spies (1 point, once a game)" in shown
    assert "Actions (1 of 2 points left)" in shown
    # not their consequences again (the morning's list had them), nor what cannot be done today
    # (talk: once a day; prepare: 2 points)
    assert "Dismiss the mayor" not in shown and "Pressure \u221210" not in shown
    assert "Talk to the envoy (" not in shown and "Prepare the army" not in shown
    assert "not possible now" not in shown
    assert "  E  End the day" in shown
    assert len(shown.splitlines()) < 25


def test_with_no_points_left_one_line_says_so(mini):
    text = play(mini, "1\n4\n6\n")  # the demand answered, then two actions: 0 points left
    shown = after_last_choice(text)
    assert "No action points left today: E ends the day." in shown
    assert "not possible now" not in shown and "action point" not in shown.replace(
        "No action points left", ""
    )
    assert not any(line.startswith(("  4.", "  5.", "  6.")) for line in shown.splitlines())


def test_a_demand_answered_today_is_not_listed_again(mini):
    text = play(mini, "2\n")  # "Stall": the demand stays open, but is answered for today
    shown = after_last_choice(text)
    assert "Your answer: First demand: Stall" in shown
    assert "already answered" not in shown
    assert "Demand from the Envoy: First demand" not in shown
    assert "  1. Accept" not in shown and "  3. Refuse" not in shown
    assert "  4. Talk to the envoy" in shown  # the actions keep their numbers


def test_enter_still_lists_every_choice_with_its_consequences_and_reasons(mini):
    text = play(mini, "2\n6\n\n")
    shown = after_last_choice(text)
    assert "Day 1: Saturday 1 June 1935" in shown
    assert "  1. Accept (0 points) \u2014 not possible now: You have already answered" in shown
    assert "  5. Prepare the army (2 points, military) \u2014 not possible now" in shown
    assert "Lower the temperature." in shown  # talk, still open, with its consequences


def test_a_number_left_out_of_the_short_list_still_says_why(mini):
    text = play(mini, "4\n5\n")
    assert "Not possible now: 'Prepare the army' needs 2 action points; 1 left today." in text


def test_a_morning_after_the_first_opens_with_the_short_list(mini):
    # teacher's review: every morning reprinted every choice with its consequences, most of them
    # read the day before (more in test_short_morning.py)
    text = play(mini, "4\nE\n")
    day2 = text.split("Day 2:")[1].split("\n> ")[0]
    assert "  4. Talk to the envoy (1 point)" in day2
    assert "Lower the temperature." not in day2  # read on day 1; Enter shows it


def test_the_short_list_reads_plainly_for_a_screen_reader(mini):
    text = play(mini, "4\n", plain=True)
    shown = after_last_choice(text)
    assert "\u00b7" not in shown and "\u2500" not in shown and "\x1b[" not in shown
    assert "  Keys: Enter lists every choice with what it does" in shown


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10_000), picks=st.lists(st.integers(0, 20), max_size=12))
def test_a_choice_not_possible_now_stays_so_until_the_next_dawn(mini, seed, picks):
    # The short list leaves such choices out on the strength of this: within a day, points are
    # only spent, and answers given, actions done or used up stay so.
    scenario = mini.scenario
    state = new_game(scenario, seed).state
    closed: set[str] = set()
    day = state.day
    for pick in picks:
        if state.over:
            break
        if state.day != day:
            closed, day = set(), state.day
        menu = build_menu(scenario, state)
        for entry in menu.entries:
            assert not (entry.key in closed and entry.available), entry.label
        closed |= {entry.key for entry in menu.entries if not entry.available}
        legal = legal_actions(scenario, state)
        choice = legal[pick % len(legal)]
        state = step(scenario, state, choice).state
        if isinstance(choice, EndDay):
            closed = set()
