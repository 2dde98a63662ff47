"""The Chahar scenario (scenarios/chahar_1935.yaml): what its own structure promises."""

from __future__ import annotations

import collections
import datetime as dt
import re
from pathlib import Path

import pytest

from game.analysis.explore import explore
from game.analysis.policies import historical
from game.analysis.replay import play, scripted
from game.engine.actions import EndDay, Respond, TakeAction
from game.engine.api import legal_actions, new_game, step
from game.engine.state import GameEvent
from game.scenario.load import load_scenario
from game.text.render import codex_entries
from tests.scenarios.helpers import assert_dashes_are_dashes, random_game, stats_read

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(ROOT / "scenarios" / "chahar_1935.yaml").scenario


def test_doihara_s_terms_come_with_their_stage_on_23_june(scenario):
    """Play-test: the stage header said 'Acting for Song' all day with Doihara's terms on the
    desk, since stages change at dusk. The call that brings them moves the stage at dawn."""
    playthrough = play(scenario, 1935, historical)
    day = next(d for d in playthrough.days if d.date == dt.date(1935, 6, 23).isoformat())
    order = [(e.kind, e.ref) for e in day.order if isinstance(e, GameEvent) and e.kind != "day"]
    # The call is declared last, so other events of the dawn (the aircraft over Kalgan, when
    # pressure is high) may come before it; the three must still come together, before any answer.
    call = order.index(("meeting", "doihara_call"))
    dawn = order[call : call + 3]
    assert dawn == [("meeting", "doihara_call"), ("ultimatum", "doihara_terms"), ("stage", "terms")]
    assert all(kind != "demand_answered" for kind, _ in order[:call])


def test_the_call_of_23_june_always_finds_the_removal_stage(scenario):
    """The call's goto skips whatever stage lies between: it is written for a game in
    'removal' (Song is removed on 19 June). Random and policy games must agree."""
    for policy in ("random", "comply", "refuse", "stall"):
        for game in explore(scenario, runs=150, seed=0, policy=policy).games:
            if "terms" in game.stages:
                assert "removal" in game.stages, (policy, game.seed, game.stages)


# --- play-test defects -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def random_games(scenario):
    return [random_game(scenario, seed) for seed in range(400)]


TO_DOIHARA = ["end"] * 5  # 18 to 22 June; Doihara calls on 23 June


def test_matsui_does_not_ask_again_on_the_morning_he_first_asks(scenario):
    """Play-test: 'Matsui asks again for an answer' came on 18 June, the dawn the protest is put."""
    for seed in range(60):
        _, events = new_game(scenario, seed)
        assert "zhangbei_terms" in {e.ref for e in events}
        assert not any(e.title == "Matsui asks again for an answer" for e in events), seed


def test_what_matsui_lets_slip_comes_from_matsui(scenario):
    """Play-test: Matsui's slip in a private meeting arrived as the report 'What the Kwantung
    Army means to do', sent by Song Zheyuan ('Our man at Duolun hears ...')."""
    slips = 0
    for seed in range(60):
        state, _ = new_game(scenario, seed)
        state, events = step(scenario, state, TakeAction(action="meet_matsui"))
        for event in events:
            if event.kind == "intelligence":
                slips += 1
                assert event.sender == "matsui", (seed, event.sender, event.title)
                assert "Our man" not in event.text
    assert slips


def test_aircraft_over_kalgan_are_reported_once(random_games):
    """Play-test: the aircraft over Kalgan were told twice, as a news item and again as the
    crisis stage's '(Counterfactual.)' message."""
    for final in random_games:
        told = [e for e in final.inbox if "aircraft" in (e.title + " " + e.text).lower()]
        assert len(told) <= 1, (final.seed, [(e.kind, e.date, e.title or e.text) for e in told])


def test_a_refusal_that_stands_has_its_own_ending(scenario):
    """Play-test: refusing everything, when Hsinking did not march, set 'Doihara accepted
    narrower terms' and ended 'A narrower settlement': 'The posts north of Zhangbei go ...'."""
    endings = collections.Counter()
    for seed in range(120):
        final = play(scenario, seed, scripted([*TO_DOIHARA, "doihara_terms:refuse"])).final
        endings[final.ending] += 1
        assert not final.flags["narrow_deal"], seed
        assert final.ending != "narrow_terms", seed
        if final.ending != "clash":
            assert "Zhangbei go" not in scenario.endings[final.ending].epilogue
    assert "clash" in endings and len(endings) >= 2, endings


def test_the_narrow_settlement_never_contradicts_what_the_player_gave(scenario):
    """Play-test: after the party offices were closed and two officers relieved, the narrow
    settlement's epilogue said 'the party, the settlers and the commanders stay'."""
    keys = ["zhangbei_terms:apologise", "close_party_offices", *TO_DOIHARA]
    keys += ["doihara_terms:narrow"]
    seen = 0
    for seed in range(120):
        final = play(scenario, seed, scripted(keys)).final
        assert final.flags["party_closed"] and final.flags["apologised"]
        if final.ending == "narrow_terms":
            seen += 1
            epilogue = scenario.endings["narrow_terms"].epilogue
            assert not re.search(r"\bparty\b[^.]*\bstay", epilogue), epilogue
            assert not re.search(r"\bcommanders\b[^.]*\bstay", epilogue), epilogue
    assert seen


def test_nanjing_takes_it_out_of_your_hands_only_when_it_has_lost_confidence(random_games):
    """Play-test: 'Taken out of your hands' ('Nanjing and Peiping settle Chahar over your head')
    was the default, so players whose offer was rejected ended there with Nanjing's confidence
    at 55 or 60."""
    for final in random_games:
        if final.ending == "superseded":
            assert final.stats["nanjing_trust"] <= 25, (final.seed, final.stats)


def test_an_offer_rejected_without_war_has_an_honest_ending(scenario):
    """The narrow offer refused by Doihara, and no fighting by the end: an ending that says so."""
    seen = collections.Counter()
    for seed in range(200):
        final = play(scenario, seed, scripted([*TO_DOIHARA, "doihara_terms:narrow"])).final
        if not final.flags["narrow_deal"] and final.ending != "clash":
            seen[final.ending] += 1
            ending = scenario.endings[final.ending]
            assert final.ending != "superseded" and "over your head" not in ending.epilogue
    assert seen, "no game had the offer rejected without fighting"


def test_the_historical_replay_keeps_the_record_s_dates(scenario):
    """Play-test: Qin accepted on 27 June (E-75), but the game's deadline ran out on 26 June, so
    the historical replay accepted on 23 June and ended four days early 'as in history'."""
    for seed in (1, 5, 1935):
        final = play(scenario, seed, historical).final
        assert scenario.endings[final.ending].historical, (seed, final.ending)
        terms = final.demands["doihara_terms"]
        assert terms.answered_on == dt.date(1935, 6, 27), (seed, terms)
        assert final.date == dt.date(1935, 6, 27)
    assert scenario.demands["doihara_terms"].deadline >= dt.date(1935, 6, 27)


def test_every_stat_decides_something(scenario):
    """Play-test: 'Chahar held' was read by nothing, and cohesion only by a rule of Song's that
    lowered cohesion (and could fire every day)."""
    assert stats_read(scenario) == set(scenario.stats)


def test_song_s_officers_grumble_once(random_games):
    for final in random_games:
        assert final.rules_fired.get("song.grumble", 0) <= 1, final.rules_fired


def test_a_united_29th_army_makes_a_refusal_likelier_to_stand(scenario):
    """Cohesion is read where the 29th Army's unity should count: whether Hsinking answers a
    refusal with force."""
    divided = ["zhangbei_terms:apologise", "pull_back_posts", *TO_DOIHARA, "doihara_terms:refuse"]
    united = ["consult_song", "end", "consult_song", "end", "reinforce_passes", "end"]
    united += ["reinforce_passes", "end", "end", "doihara_terms:refuse"]
    clashes = {}
    for name, keys in (("divided", divided), ("united", united)):
        clashes[name] = sum(
            play(scenario, seed, scripted(keys)).final.ending == "clash" for seed in range(300)
        )
    assert clashes["united"] < clashes["divided"], clashes


def test_the_matter_goes_to_nanjing_once(scenario):
    """'Say the matter is with Nanjing' bought a day each time it was said, so the threat of
    'free action' never came; it can be said once, as the main scenario's 'ask for time'."""
    state, _ = new_game(scenario, 3)
    state, _ = step(scenario, state, Respond(demand="zhangbei_terms", response="delay"))
    state, _ = step(scenario, state, EndDay())
    answers = {a.response for a in legal_actions(scenario, state) if isinstance(a, Respond)}
    assert "delay" not in answers and answers
    # the same for referring Doihara's terms to Nanjing, whose leave then comes the next day
    state, _ = new_game(scenario, 3)
    for _ in TO_DOIHARA:
        state, _ = step(scenario, state, EndDay())
    state, _ = step(scenario, state, Respond(demand="doihara_terms", response="refer"))
    state, _ = step(scenario, state, EndDay())
    if not state.over:
        answers = {a.response for a in legal_actions(scenario, state) if isinstance(a, Respond)}
        assert "refer" not in answers and "accept" in answers
        assert state.fired.get("nanjing_leave") == 1


def test_the_codex_knows_qin_takahashi_and_dushikou(scenario):
    """Play-test: the player (Qin Dechun), Takahashi (at Doihara's call) and Dushikou (in the
    briefing) had no codex entry."""
    state, _ = new_game(scenario, 1)
    heads = " | ".join(entry.headword for entry in codex_entries(scenario, state))
    for name in ("Qin Dechun", "Takahashi Tan", "Dushikou"):
        assert name in heads, name


def test_dashes_are_dashes(scenario):
    """Play-test: 'Nanjing cables - avoid a clash', 'Qin-Doihara', 'He-Umezu', 'Hebei-Chahar'
    and '18-27 June' were written with hyphens where a dash belongs."""
    assert_dashes_are_dashes(scenario, r"Qin-Doihara|He-Umezu|Hebei-Chahar|\d-\d")


def test_the_historical_replay_departs_from_no_decision_of_history(scenario):
    """Review: the historical replay's report counted 'Departures: 1' (27 June, 'Not done: Close
    the party offices in Chahar ... it had come about another way'). Qin closed no party office
    on his own: their closing was one of Doihara's terms, accepted that day (2.4, E-75)."""
    from game.debrief.build import build_debrief

    for seed in (1, 5, 1935):
        final = play(scenario, seed, historical).final
        debrief = build_debrief(scenario, final, seed=seed, replay=True)
        assert [d for d in debrief.divergences if d.kind != "ending"] == [], seed
        assert scenario.endings[final.ending].historical


def test_the_historical_path_sends_no_columns_towards_kalgan(scenario):
    """Review: on 24 June the historical replay entered 'Columns on the move' ('The Kwantung
    Army begins to move', with an invented line about the 29th Army's posts standing to arms),
    and 2.8% of historical games ended in fighting at the passes, though the record has no
    Kwantung move between Doihara's call of 23 June and the agreement of 27 June (E-73 to E-75).
    Song's removal on 19 June, which the Japanese side wanted, now eases the pressure, so a
    player who follows history does not bring the columns."""
    report = explore(scenario, runs=300, seed=0, policy="historical")
    for game in report.games:
        assert "crisis" not in game.stages, (game.seed, game.stages)
        assert scenario.endings[game.ending].historical, (game.seed, game.ending)
