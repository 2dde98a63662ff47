"""Each morning after the first the text version lists the open choices one line each, as after a
step, and a choice's consequences are one keystroke (Enter) away (teacher's review: every morning
printed the full list of choices with their consequences; on day 12 of the 1935 crisis that list
was most of the 1,762 words before the first prompt, more than a group reads under
`--time-limit 2`). What the player has not read yet is still shown in full: every choice on day 1,
a demand's answers on the day it comes and on its last day, and a choice whose consequences have
changed."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

from game.engine.actions import EndDay
from game.engine.api import new_game, step
from game.scenario.load import LoadedScenario, load_scenario
from game.text.app import Classroom, run_text

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "he_umezu_1935.yaml"
WORD = re.compile(r"\S*[^\W_]\S*")  # a word has a letter or a digit: rules and dashes are not words
ENTER = "Enter lists every choice with what it does"


@cache
def he_umezu() -> LoadedScenario:
    return load_scenario(SCENARIO)


def play(loaded, script: str, seed: int, **options) -> str:
    out = io.StringIO()
    run_text(loaded, seed=seed, input_stream=io.StringIO(script), output_stream=out, **options)
    return out.getvalue()


def morning(text: str, day: int) -> str:
    """What the player reads from the day's header to its first prompt."""
    start = text.index(f"\nDay {day}: ")
    return text[start : text.index("\n> ", start)]


def words(text: str) -> int:
    return len(WORD.findall(text))


@cache
def passive_1935() -> str:
    """The 1935 crisis with seed 1935, every day ended at once; on day 12, Enter first."""
    return play(he_umezu(), "E\n" * 11 + "\nE\nE\n", seed=1935)


def test_day_12_of_the_1935_crisis_reads_in_about_half_the_words():
    shown = morning(passive_1935(), 12)
    # 1,762 words when every choice came with its consequences (the list alone 1,545)
    assert words(shown) < 1_100  # 991 on 28 November, with the scenario's text of that day
    # the day's news, all of it, with the ultimatum's text and its deadline
    assert "ULTIMATUM from Sakai Takashi: The four demands of 9 June" in shown
    assert "want the answer by noon on 12 June" in shown
    # every open choice is listed, with its number
    assert all(f"\n{number:>3}. " in shown for number in range(1, 32))
    # the actions read on earlier days: one line each, without what they do
    assert "\n  7. Talk quietly with Major Takahashi (1 point)\n" in shown
    assert "The attaché is the everyday channel" not in shown
    assert ENTER in shown


def test_the_full_list_is_one_keystroke_away():
    text = passive_1935()
    # the morning says which key shows what it leaves out
    shown = morning(text, 12)
    assert shown.rstrip().endswith(f"{ENTER} \u00b7 s status \u00b7 h help \u00b7 q quit")
    assert "The attaché is the everyday channel" not in shown
    start = text.index("\nDay 12: ")
    after_enter = text[text.index("\n> ", start) + 3 :]
    after_enter = after_enter[: after_enter.index("\n> ")]
    assert after_enter.startswith("\n")  # Enter, and nothing else, was typed
    assert "Day 12: Sunday 9 June 1935" in after_enter
    # every choice, with its consequences and the category the short list leaves out
    assert "  7. Talk quietly with Major Takahashi (1 point, diplomacy)" in after_enter
    assert "The attaché is the everyday channel" in after_enter
    # (the talk takes 3 off the pressure, 1 once it is below 20: the hint gives the numbers)
    joined = " ".join(after_enter.split())
    assert "by 3, or by 1 once it is below 20" in joined
    assert (
        "Japanese pressure changes (depends on the situation), Takahashi Tan's attitude +5"
        in joined
    )
    assert words(after_enter) > 1_400


def test_a_demands_answers_come_with_their_consequences_on_the_day_it_comes():
    text = passive_1935()
    day12, day13 = morning(text, 12), morning(text, 13)
    title = "Ultimatum from Sakai Takashi: The four demands of 9 June"
    assert f"{title} \u2014 3 days left" in day12
    assert "Japanese pressure \u221230, Nanjing's trust \u221212" in day12  # answer 1
    # the next morning the demand and its days left are still there, its answers one line each
    assert f"{title} \u2014 2 days left" in day13
    assert "\n  1. Accept all four at once, on your own authority (0 points)\n" in day13
    assert "Japanese pressure \u221230" not in day13


def test_an_action_offered_for_the_first_time_comes_with_its_consequences():
    day12 = morning(passive_1935(), 12)
    assert "10. Ask Wang Jingwei for instructions on the four demands" in day12
    assert "His instructions arrive the next morning" in day12


def test_day_one_lists_every_choice_with_its_consequences(mini):
    day1 = morning(play(mini, "", seed=5), 1)
    assert "Lower the temperature." in day1
    assert "Pressure \u221210, Trust \u221210, Conceded" in day1
    assert "Enter shows the choices again" in day1  # the full list's keys
    assert ENTER not in day1


def test_a_morning_lists_what_was_read_before_in_one_line_each(mini):
    day2 = morning(play(mini, "4\nE\n", seed=5), 2)
    assert "\n  4. Talk to the envoy (1 point)\n" in day2
    assert "Lower the temperature." not in day2
    assert ENTER in day2


def test_on_a_demands_last_day_its_answers_come_with_their_consequences(mini):
    day2 = morning(play(mini, "4\nE\n", seed=5), 2)
    assert "Demand from the Envoy: First demand \u2014 answer today" in day2
    assert "Pressure \u221210, Trust \u221210, Conceded" in day2
    assert "Pressure +20, Trust +5" in day2


def test_an_action_whose_consequences_changed_comes_with_them_again(mini):
    # the spies reveal readiness: preparing the army now says what it does to it
    day2 = morning(play(mini, "1\n6\nE\n", seed=5), 2)
    assert "Readiness +10, Pressure +5; outcome uncertain" in day2
    assert "Lower the temperature." not in day2


def test_a_resumed_game_opens_with_the_full_list(mini):
    scenario = mini.scenario
    state = step(scenario, new_game(scenario, 5).state, EndDay()).state
    out = io.StringIO()
    run_text(mini, seed=5, input_stream=io.StringIO(""), output_stream=out, state=state)
    shown = out.getvalue().split("Resuming the saved game")[1]
    assert "Lower the temperature." in shown and ENTER not in shown


def test_a_practice_step_back_keeps_the_short_list(mini):
    text = play(mini, "4\nE\n4\nu\n", seed=5, classroom=Classroom(practice=True))
    back = text.split("Taken back one step")[1]
    assert "\n  4. Talk to the envoy (1 point)\n" in back
    assert "Lower the temperature." not in back


def test_a_cabinet_votes_on_the_short_list(mini):
    text = play(mini, "E\nE\nE\n", seed=5, classroom=Classroom(cabinet=3))
    day2 = text.split("\nDay 2: ")[1].split("Adviser 1 of 3, your vote: ")[0]
    assert "\n  4. Talk to the envoy (1 point)\n" in day2 and ENTER in day2
    assert "Lower the temperature." not in day2
