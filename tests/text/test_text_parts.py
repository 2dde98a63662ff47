"""The text shell's pure parts: consequences in words, deadlines, the menu, input parsing, votes."""

from __future__ import annotations

import datetime as dt

from game.analysis.describe import (
    attitude_word,
    countdown_text,
    describe_action,
    describe_effects,
    describe_response,
    nearest_deadline,
    stat_display,
)
from game.engine.actions import EndDay, Respond, TakeAction
from game.engine.api import new_game, step
from game.scenario.model import Effects, Outcome
from game.text.cabinet import VoteRecord, decide, leaders, render_votes
from game.text.commands import End, Pick, Show, Unknown, parse
from game.text.menu import build_menu


def test_action_consequences_come_from_declared_effects(mini):
    scenario = mini.scenario
    state, _ = new_game(scenario, 3)
    assert describe_action(scenario, state, "talk") == "Pressure \u22125, The Envoy's attitude +5"
    assert describe_action(scenario, state, "prepare") == "Pressure +5; outcome uncertain"
    assert (
        describe_action(scenario, state, "spy")
        == "reveals Readiness, brings an intelligence report"
    )


def test_a_flag_undone_is_named_last_so_undoes_reads_over_it_alone(mini):
    """Play-test: "undoes: Chinese troops stand and fight, Japanese troops march into Peiping"
    read as if the order undid the march it brings about."""
    scenario = mini.scenario
    state, _ = new_game(scenario, 3)
    state = state.model_copy(update={"flags": {**state.flags, "conceded": True}})
    effects = Effects.model_validate({"conceded": False, "pressure": 5, "trust": -5})
    assert (
        describe_effects(scenario, state, effects) == "Pressure +5, Trust \u22125; undoes: Conceded"
    )
    outcomes = [Outcome(weight=1, text="x")]
    assert (
        describe_effects(scenario, state, Effects.model_validate({"conceded": False}), outcomes)
        == "undoes: Conceded; outcome uncertain"
    )


def test_a_flag_that_already_stands_as_the_effects_leave_it_is_not_told_as_their_doing(mini):
    # play-test: the 9 June answers listed the Kuomintang branches closed and the armies sent
    # out as their consequences after the player had done both
    scenario = mini.scenario
    state, _ = new_game(scenario, 3)
    sets = Effects.model_validate({"conceded": True, "pressure": -5})
    clears = Effects.model_validate({"conceded": False, "pressure": 5})
    assert describe_effects(scenario, state, sets) == "Conceded, Pressure \u22125"
    assert describe_effects(scenario, state, clears) == "Pressure +5"  # it was never so
    state = state.model_copy(update={"flags": {**state.flags, "conceded": True}})
    assert describe_effects(scenario, state, sets) == "Conceded (already so), Pressure \u22125"
    assert describe_effects(scenario, state, clears) == "Pressure +5; undoes: Conceded"


def test_hidden_stat_appears_in_consequences_once_revealed(mini):
    scenario = mini.scenario
    state, _ = new_game(scenario, 3)
    state, _ = step(scenario, state, TakeAction(action="spy"))
    assert "readiness" in state.revealed
    assert (
        describe_action(scenario, state, "prepare")
        == "Readiness +10, Pressure +5; outcome uncertain"
    )
    assert stat_display(scenario, state, "readiness") == "20"


def test_response_consequences_mention_flags_and_stalling(mini):
    scenario = mini.scenario
    state, _ = new_game(scenario, 3)
    assert (
        describe_response(scenario, state, "first", "accept")
        == "Pressure \u221210, Trust \u221210, Conceded"
    )
    assert (
        describe_response(scenario, state, "first", "stall")
        == "Pressure +5; the demand stays open, deadline +1 day"
    )


def test_an_answer_that_settles_the_demand_is_not_said_to_move_its_deadline(mini):
    """The engine extends a deadline only for an answer that leaves the demand open (validate
    refuses `extend_days` on any other, but the words must not promise it either)."""
    scenario = mini.scenario
    demand = scenario.demands["first"]
    responses = {
        rid: response.model_copy(update={"extend_days": 2})
        for rid, response in demand.responses.items()
    }
    demands = {**scenario.demands, "first": demand.model_copy(update={"responses": responses})}
    edited = scenario.model_copy(update={"demands": demands})
    state, _ = new_game(edited, 3)
    assert describe_response(edited, state, "first", "accept") == (
        "Pressure \u221210, Trust \u221210, Conceded"
    )
    assert describe_response(edited, state, "first", "stall") == (
        "Pressure +5; the demand stays open, deadline +2 days"
    )


def test_expressions_are_described_not_evaluated(mini):
    scenario = mini.scenario
    state, _ = new_game(scenario, 3)
    effects = Effects(pressure="resolve // 10", trust="=50", conceded="pressure > 10", end="war")
    text = describe_effects(scenario, state, effects, [Outcome()])
    assert (
        text
        == "Pressure changes (depends on the situation), Trust set to 50, possibly: Conceded, ends the game; outcome uncertain"
    )
    assert str(state.hidden["resolve"] // 10) not in text.replace("50", "")


def test_hidden_stats_read_as_question_marks(mini):
    state, _ = new_game(mini.scenario, 3)
    assert stat_display(mini.scenario, state, "readiness") == "?"
    assert stat_display(mini.scenario, state, "pressure") == "40"


def test_attitude_words():
    assert [attitude_word(v) for v in (-100, -60, -21, -20, 0, 19, 20, 59, 60, 100)] == [
        "hostile", "unfriendly", "unfriendly", "guarded", "guarded", "guarded", "friendly", "friendly", "close", "close",
    ]  # fmt: skip


def test_countdown_to_the_nearest_deadline(mini):
    scenario = mini.scenario
    state, _ = new_game(scenario, 3)
    assert (
        countdown_text(nearest_deadline(scenario, state))
        == "Demand 'First demand' \u2014 deadline 2 June 1935: 1 day"
    )
    state, _ = step(scenario, state, Respond(demand="first", response="accept"))
    assert countdown_text(nearest_deadline(scenario, state)) == "No deadline pending."
    state, _ = step(scenario, state, EndDay())
    state, _ = step(scenario, state, EndDay())
    state, _ = step(scenario, state, EndDay())
    assert state.date == dt.date(1935, 6, 4)
    assert (
        countdown_text(nearest_deadline(scenario, state))
        == "Ultimatum 'Ultimatum' \u2014 deadline 4 June 1935: today is the last day"
    )


def test_menu_numbers_answers_first_then_actions(mini):
    scenario = mini.scenario
    state, _ = new_game(scenario, 3)
    menu = build_menu(scenario, state)
    assert [e.key for e in menu.entries] == [
        "first:accept",
        "first:stall",
        "first:refuse",
        "talk",
        "prepare",
        "spy",
    ]
    assert [e.number for e in menu.entries] == [1, 2, 3, 4, 5, 6]
    assert (
        menu.by_key("talk").category == "diplomacy"
        and menu.by_key("talk").hint == "Lower the temperature."
    )
    state, _ = step(scenario, state, TakeAction(action="spy"))
    menu = build_menu(scenario, state)
    prepare = menu.by_key("prepare")
    assert not prepare.available and "needs 2 action points" in prepare.reason


def test_parse_input(mini):
    scenario = mini.scenario
    state, _ = new_game(scenario, 3)
    menu = build_menu(scenario, state)
    assert parse(" 4 ", menu) == Pick(menu.by_number(4))
    assert parse("talk", menu) == Pick(menu.by_number(4))
    assert parse("e", menu) == End() and parse("E", menu) == End()
    assert parse("s", menu) == Show("status")
    assert parse("l 3", menu) == Show("log", 3)
    assert parse("", menu) == Show("menu")
    assert isinstance(parse("0", menu), Unknown)
    assert isinstance(parse("7", menu), Unknown)
    assert isinstance(parse("fly", menu), Unknown)


def test_only_the_digits_0_to_9_make_a_number(mini):
    """Robustness review: "²" stopped the game (isdigit holds, int refuses it), and "١" (Arabic
    one) took choice 1."""
    scenario = mini.scenario
    menu = build_menu(scenario, new_game(scenario, 3).state)
    for typed in ("\u00b2", "\u0661", "\U0001d7d9", "l \u00b2", "l \u00b9\u00b2", "!\u00b3"):
        command = parse(typed, menu)
        # after `l`, "is not a log page" (robustness review: `l -1` was "not a choice")
        said = "is not a log page" if typed.startswith("l ") else "is not a choice here"
        assert isinstance(command, Unknown) and said in command.message, typed


def test_majority_and_ties():
    assert decide(["a", "b", "b"]) == "b"
    assert decide(["a", "b"]) == "a"  # a tie: adviser 1's vote wins
    assert (
        decide(["c", "a", "a", "b", "b"]) is None
    )  # adviser 1 is outside the tie: asked to choose
    assert leaders(["c", "a", "a", "b", "b"]) == ["a", "b"]
    assert decide([]) is None


def test_vote_record_lines():
    """One line a vote, each choice named once (teacher's review: a unanimous vote named its
    choice under each adviser too); a split vote says who voted for what."""
    talk, end = "Talk", "End the day"
    records = [
        VoteRecord(1, "1 June 1935", (talk, talk, end), talk, 2, False),
        VoteRecord(1, "1 June 1935", (end, end, end), end, 3, False),
        VoteRecord(2, "2 June 1935", ("Cable", talk, talk, "Cable", end), talk, 2, True),
        VoteRecord(3, "3 June 1935", (talk, talk, talk, end, talk), talk, 4, False),
    ]
    assert render_votes(records) == [
        "Day 1 (1 June 1935): Talk \u2014 2 of 3 votes (advisers 1 and 2); other votes: End the "
        "day \u2014 1 (adviser 3).",
        "Day 1 (1 June 1935): End the day \u2014 3 of 3 votes (unanimous).",
        "Day 2 (2 June 1935): Talk \u2014 2 of 5 votes (advisers 2 and 3), tie broken by adviser "
        "1; other votes: Cable \u2014 2 (advisers 1 and 4); End the day \u2014 1 (adviser 5).",
        "Day 3 (3 June 1935): Talk \u2014 4 of 5 votes (advisers 1\u20133 and 5); other votes: End "
        "the day \u2014 1 (adviser 4).",
    ]
    assert render_votes([]) == ["No votes were taken."]


def test_a_change_below_zero_is_written_with_a_minus_sign():
    # play-test: "Takahashi Tan's attitude: -20 → -15" beside stats written "−10"
    from game.analysis.describe import StatChange

    change = StatChange("Takahashi Tan's attitude", -20, -15, "")
    assert change.words == "Takahashi Tan's attitude: \u221220 \u2192 \u221215 (+5)"
