"""Balance: no line of play is both the best and free of risk, and the hidden values act as the
debrief's labels for them say, and readiness is worth its provocation only sometimes (designer's
balance review, findings F1, F2, F4 and the Chahar offer).

Every check plays fixed seeds, so it is deterministic; the margins are wide of what the seeds give.
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from game.engine.api import new_game
from game.scenario.load import load_scenario
from tests.scenarios.helpers import play_preferring

ROOT = Path(__file__).resolve().parents[2]

# The review's "hedge": none of the early concessions; every day Takahashi, the attachés and the
# consuls; Chiang's line on the four demands, all four given only if a final warning comes; nothing
# signed; and if the Kwantung Army crosses, the troops stand.
HEDGE_ANSWERS = (
    "sakai_notice:act_voluntarily",
    "second_call:report_steps",
    "four_demands:chiangs_line",
    "final_warning:give_way",
    "memorandum:refuse_to_sign",
)
HEDGE_ACTIONS = ("order_stand", "ask_attaches", "see_takahashi", "brief_consuls")


@pytest.fixture(scope="module")
def hebei():
    return load_scenario(ROOT / "scenarios" / "he_umezu_1935.yaml").scenario


@pytest.fixture(scope="module")
def chahar():
    return load_scenario(ROOT / "scenarios" / "chahar_1935.yaml").scenario


def seeds_where(scenario, hidden, value, count):
    """The first `count` seeds whose game draws `value` for the hidden value `hidden`."""
    found = []
    seed = 0
    while len(found) < count:
        if new_game(scenario, seed).state.hidden[hidden] == value:
            found.append(seed)
        seed += 1
    return found


# --- F1: Chiang's line, then giving way, was a hedge with no risk ---------------------------------


def test_the_hedge_can_bring_the_kwantung_army_over_the_wall(hebei):
    """Review F1: Chiang's line either succeeded or brought a final warning, and giving way then
    was safe, so the hedge never ended in war or occupation (0 of 300 games)."""
    endings = collections.Counter(
        play_preferring(hebei, seed, HEDGE_ANSWERS + HEDGE_ACTIONS).ending for seed in range(40)
    )
    assert endings["war_1935"] + endings["occupation"] >= 3, endings


def test_giving_way_under_the_final_warning_is_not_the_historical_ending(hebei):
    """Review F1: all four given only under the final warning still ended 'as in history'. The
    officers' pressure paid: the ending is 'Hebei given away', unless an ending tried at every
    dusk came first (the concessions exposed in the press: 13 of 80 such games in seeds 0-199,
    before and after the reports of the routine actions were given once each, which moved the
    draws so that seed 12 is one of them)."""
    seen = 0
    for seed in range(40):
        final = play_preferring(hebei, seed, HEDGE_ANSWERS + HEDGE_ACTIONS)
        warning = final.demands.get("final_warning")
        if warning is not None and warning.answer == "give_way":
            assert not hebei.endings[final.ending].historical, (seed, final.ending)
            if hebei.endings[final.ending].at_end_only:
                assert final.ending == "capitulation", (seed, final.ending)
                seen += 1
    assert seen >= 5, seen


# --- F2: the hidden values act as their labels say -------------------------------------------------


def _crossed_share(scenario, seeds):
    """The share, in percent, of games left to run (every day ended) in which the Kwantung Army
    crossed the Wall."""
    crossed = sum(play_preferring(scenario, seed, ()).flags["kwantung_crossed"] for seed in seeds)
    return 100 * crossed // len(seeds)


def test_bluffing_officers_seldom_march(hebei):
    """Review F2: with resolve 'Bluffing: ... had little wish to march' the Kwantung Army still
    crossed in 53% of games in which the player did nothing (97% when 'Determined')."""
    labels = {c.value: c.label for c in hebei.hidden["resolve"].choices}
    assert "little wish to march" in labels[25] and "ready to use force" in labels[75]
    bluffing = _crossed_share(hebei, seeds_where(hebei, "resolve", 25, 60))
    determined = _crossed_share(hebei, seeds_where(hebei, "resolve", 75, 60))
    assert bluffing <= 30, bluffing
    assert 3 * bluffing <= determined, (bluffing, determined)


def test_a_strong_general_staff_mostly_holds_the_army_back(hebei):
    """Review F2: with restraint 'Strong: the General Staff would forbid any move south of the
    Wall' the Kwantung Army still crossed in 73% of games in which the player did nothing."""
    labels = {c.value: c.label for c in hebei.hidden["restraint"].choices}
    assert "forbid any move south of the Wall" in labels[75]
    strong = _crossed_share(hebei, seeds_where(hebei, "restraint", 75, 60))
    weak = _crossed_share(hebei, seeds_where(hebei, "restraint", 25, 60))
    assert strong < 50, strong
    assert 2 * strong <= weak, (strong, weak)


# --- Chahar: the narrow offer was riskless --------------------------------------------------------


def test_a_narrow_offer_refused_can_bring_the_columns(chahar):
    """Review: offering only the withdrawal was never punished when Doihara refused it: with the
    pressure first brought down (an apology, the posts pulled back), a refused offer left the game
    in 'Settled on paper' and it ended with no settlement, never in fighting (0 of 300 games)."""
    preferences = (
        "zhangbei_terms:apologise",
        "doihara_terms:narrow",
        "consult_song",
        "pull_back_posts",
    )
    endings = collections.Counter(
        play_preferring(chahar, seed, preferences).ending for seed in range(60)
    )
    assert endings["narrow_terms"] and endings["clash"] >= 6, endings


# --- F4: readiness against provocation --------------------------------------------------------------

# A defiant line: the four demands refused, the final warning defied, the powers appealed to; and
# the history's line of giving way to the four demands at once (with the hedge's routine).
DEFY_ANSWERS = (
    "sakai_notice:act_voluntarily",
    "second_call:report_steps",
    "four_demands:refuse",
    "final_warning:defy",
    "memorandum:refuse_to_sign",
)
DEFY_ACTIONS = ("order_stand", "appeal_powers", "brief_consuls", "ask_attaches", "see_takahashi")
GIVE_WAY_ANSWERS = (
    "sakai_notice:act_voluntarily",
    "second_call:report_steps",
    "four_demands:accept_alone",
    "memorandum:refuse_to_sign",
)

_GAMES: dict = {}


def _games(scenario, answers, readying, actions, resolve):
    """The final states of the 60 games with the officers' resolve `resolve`, played by
    `answers`, then the military actions `readying` (taken first among the actions), then
    `actions`."""
    key = (answers, readying, actions, resolve)
    if key not in _GAMES:
        preferences = answers + readying + actions
        _GAMES[key] = [
            play_preferring(scenario, seed, preferences)
            for seed in seeds_where(scenario, "resolve", resolve, 60)
        ]
    return _GAMES[key]


def _count(games, ending=None):
    """How many of the games crossed the Wall (or, with `ending`, ended so)."""
    if ending is None:
        return sum(final.flags["kwantung_crossed"] for final in games)
    return sum(final.ending == ending for final in games)


def test_alerting_the_passes_is_a_bet_on_the_officers_resolve(hebei):
    """Review F4: alerting the passes was never worth taking, and its cost (the Japanese army's
    momentum) was hidden. Against bluffing officers, troops on alert call the bluff (Tokyo climbs
    down where the defiant line otherwise ends half-held); against determined ones the alert is
    the provocation they want: alerting the passes and then giving way to the four demands brought
    the Kwantung Army over the Wall in none of 60 games."""
    alert = ("alert_passes",)
    bluffing_alert = _games(hebei, DEFY_ANSWERS, alert, DEFY_ACTIONS, 25)
    bluffing_quiet = _games(hebei, DEFY_ANSWERS, (), DEFY_ACTIONS, 25)
    assert _count(bluffing_alert, "climb_down") >= 30, collections.Counter(
        final.ending for final in bluffing_alert
    )
    assert _count(bluffing_quiet, "climb_down") == 0
    assert _count(_games(hebei, GIVE_WAY_ANSWERS, alert, HEDGE_ACTIONS, 25)) == 0
    assert _count(_games(hebei, GIVE_WAY_ANSWERS, (), HEDGE_ACTIONS, 75)) == 0
    assert _count(_games(hebei, GIVE_WAY_ANSWERS, alert, HEDGE_ACTIONS, 75)) >= 6


def test_a_stand_is_only_as_good_as_the_troops_readiness(hebei):
    """Review F4: an order to stand always held, whatever the troops' readiness, so readiness
    hardly mattered when the columns came. Unready troops now may break (the cities are lost);
    troops on alert, at readiness 45 or more, hold."""
    quiet = _games(hebei, DEFY_ANSWERS, (), DEFY_ACTIONS, 75)
    alert = _games(hebei, DEFY_ANSWERS, ("alert_passes",), DEFY_ACTIONS, 75)
    assert 4 * _count(quiet, "occupation") >= _count(quiet), collections.Counter(
        final.ending for final in quiet
    )
    assert _count(alert) and _count(alert, "occupation") == 0


def test_asking_chiang_for_troops_is_a_bet_as_well(hebei):
    """Review F4: asking for more Central troops was never worth taking (a stand held without
    them) and its cost was hidden. Against bluffing officers the troops Chiang sends call the bluff;
    against determined ones the request provokes more crossings, but the troops, once there, make
    a stand hold."""
    ask = ("reinforce_north",)
    assert _count(_games(hebei, DEFY_ANSWERS, ask, DEFY_ACTIONS, 25), "climb_down") >= 15
    quiet = _games(hebei, DEFY_ANSWERS, (), DEFY_ACTIONS, 75)
    asked = _games(hebei, DEFY_ANSWERS, ask, DEFY_ACTIONS, 75)
    assert _count(asked) >= _count(quiet) + 5, (_count(asked), _count(quiet))
    # a quarter or more of the crossings lose the cities without the troops, a tenth or less with
    assert 4 * _count(quiet, "occupation") >= _count(quiet)
    assert 10 * _count(asked, "occupation") <= _count(asked), collections.Counter(
        final.ending for final in asked
    )
