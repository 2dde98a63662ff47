"""The free-hand scenario (scenarios/nanjing_free_hand.yaml): its endings, flags and actions say
what happened, and its history is told as the record has it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from game.analysis.policies import historical
from game.analysis.replay import play, scripted
from game.debrief import build_debrief
from game.engine.actions import EndDay, Respond, TakeAction
from game.engine.api import legal_actions, new_game, step
from game.scenario.load import load_scenario
from tests.scenarios.helpers import assert_dashes_are_dashes, stats_read

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(ROOT / "scenarios" / "nanjing_free_hand.yaml").scenario


def offered(scenario, state):
    """The ids of the actions and of the answers the player may choose now."""
    legal = legal_actions(scenario, state)
    actions = {a.action for a in legal if isinstance(a, TakeAction)}
    answers = {f"{a.demand}:{a.response}" for a in legal if isinstance(a, Respond)}
    return actions | answers


def test_signing_the_memorandum_is_not_the_oral_historical_ending(scenario):
    """Play-test: 'Hebei given up, orally (the historical ending)' came on answered(memorandum)
    whatever the answer, so copying and sealing it (the opposite of E-52) was called oral and
    historical."""
    keys = ["end", "four_demands:accept", "end", "memorandum:sign"]
    seen = 0
    for seed in range(40):
        final = play(scenario, seed, scripted(keys)).final
        if final.demands.get("memorandum") and final.demands["memorandum"].answer == "sign":
            seen += 1
            ending = scenario.endings[final.ending]
            assert not ending.historical, (seed, final.ending)
            assert "orally" not in ending.title.lower()
            assert "in writing" in ending.title.lower() or "sign" in ending.epilogue.lower()
    assert seen


def test_the_partial_answer_is_not_called_an_outright_refusal(scenario):
    """Play-test: 'Close the branches and ban agitation; keep the armies' listed 'The four demands
    were refused outright' among its consequences."""
    playthrough = play(scenario, 1, scripted(["four_demands:partial"]))
    choice = next(
        c
        for day in playthrough.days
        for c in day.order
        if getattr(c, "key", "") == "four_demands:partial"
    )
    said = [str(change) for change in choice.changes]
    assert said and not any("outright" in line for line in said), said
    assert not any("four demands were refused" in line for line in said), said


def test_every_stat_decides_something(scenario):
    """Play-test: "Chiang's trust" and "Hebei held" were read by nothing, so "Cable Chiang" did
    nothing."""
    assert stats_read(scenario) == set(scenario.stats)


def test_chiang_sends_the_divisions_only_when_he_trusts_your_handling(scenario):
    """Cabling Chiang now matters: the divisions come north on his say, once he trusts you."""
    state, _ = new_game(scenario, 1)
    assert "divisions_north" not in offered(scenario, state)
    state, _ = step(scenario, state, TakeAction(action="cable_chiang"))
    state, _ = step(scenario, state, EndDay())
    assert "divisions_north" in offered(scenario, state)


def test_the_historical_replay_keeps_the_record_s_dates(scenario):
    """He accepted orally on 10 June, after Wang Jingwei's instructions (E-46, E-47), and
    declined the memorandum (E-52)."""
    for seed in (1, 5, 1935):
        final = play(scenario, seed, historical).final
        assert scenario.endings[final.ending].historical, (seed, final.ending)
        assert final.demands["four_demands"].answered_on == dt.date(1935, 6, 10)
        assert final.demands["memorandum"].answer == "decline"


def test_accepting_on_9_june_is_not_what_history_did(scenario):
    """Judgement call: acceptance on 9 June, before Wang Jingwei's instructions (E-46), was
    marked 'as in history' in the debrief, though He accepted on 10 June."""
    state, _ = new_game(scenario, 1)
    answers = {a for a in offered(scenario, state) if a.startswith("four_demands:")}
    assert "four_demands:accept" not in answers and "four_demands:accept_alone" in answers
    final = play(scenario, 1, scripted(["four_demands:accept_alone"])).final
    debrief = build_debrief(scenario, final, seed=1)
    assert not any(
        d.historical for day in debrief.days for d in day.decisions if d.ref == "four_demands"
    )


def test_nothing_is_done_in_peiping_after_he_has_left(scenario):
    """Judgement call: after 'Leave Peiping for Nanjing' the player could still receive Takahashi
    in Peiping."""
    state, _ = new_game(scenario, 1)
    for _ in range(3):
        state, _ = step(scenario, state, EndDay())
    state, _ = step(scenario, state, TakeAction(action="leave_peiping"))
    assert "see_takahashi" not in offered(scenario, state)


def test_the_divisions_are_not_brought_north_after_their_withdrawal_was_accepted(scenario):
    """Judgement call: with Chiang's trust still high, the divisions whose withdrawal had just
    been accepted could be ordered north."""
    state, _ = new_game(scenario, 1)
    state, _ = step(scenario, state, TakeAction(action="cable_chiang"))
    state, _ = step(scenario, state, Respond(demand="four_demands", response="stall"))
    state, _ = step(scenario, state, EndDay())
    state, _ = step(scenario, state, TakeAction(action="cable_chiang"))
    state, _ = step(scenario, state, EndDay())
    state, _ = step(scenario, state, Respond(demand="four_demands", response="accept"))
    assert state.stats["chiang_trust"] >= 60 and state.budget >= 2  # trust and time enough
    assert "divisions_north" not in offered(scenario, state)


def test_invented_endings_say_so(scenario):
    """Judgement call: the other scenarios open an invented ending with '(Counterfactual.)'; the
    war epilogue's 'before China's defences on the Yangtze were built' is not in the fact sheet."""
    for eid, ending in scenario.endings.items():
        if not ending.historical:
            assert ending.epilogue.startswith("(Counterfactual.)"), eid
        assert "Yangtze" not in ending.epilogue


def test_invented_moves_grounded_in_the_record_are_marked_and_cited(scenario):
    """Judgement call: the Tianjin parade (E-40), the troop trains (E-60) and Tokyo reining in its
    generals (F-d182) are the game's, grounded in the record, but cited nothing."""
    rules = {r.id: r for actor in scenario.actors.values() for r in actor.rules}
    for rid, source in (
        ("demonstration", "PP-WT0608"),
        ("trains", "PP-HB0614"),
        ("restrain", "F-d182"),
    ):
        assert rules[rid].counterfactual and source in rules[rid].sources, rid
        assert source in scenario.sources
    assert "bayonet" not in rules["demonstration"].text


def test_one_name_for_the_military_council(scenario):
    roles = [scenario.player.role, *(a.role for a in scenario.actors.values())]
    assert not any("Military Affairs Commission" in role for role in roles)
    assert "National Military Council" in scenario.player.role


def test_dashes_are_dashes(scenario):
    """Judgement call: 'Chiang cables - refuse the withdrawal', 'Peiping-Tianjin', 'He-Umezu'
    and '9-10 June' were written with hyphens where a dash belongs."""
    assert_dashes_are_dashes(scenario, r"Peiping-Tianjin|He-Umezu|\d-\d")


def test_the_endings_that_tell_of_1937_do_not_forget_the_note_of_6_july(scenario):
    """History review: 'nothing is signed' forgot He's one-sentence note of 6 July (fact sheet
    E-77), on which Japan's later claim of an agreement rested."""
    for ending in ("withdrawal", "withdrawal_signed"):
        epilogue = " ".join(scenario.endings[ending].epilogue.split())
        assert "6 July" in epilogue and "nothing is signed" not in epilogue, ending
