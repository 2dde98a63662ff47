"""The He–Umezu scenario: it loads cleanly, replays history on its dates, and plays as a game.

The measurable targets of the scenario's issue:
1. it loads with no errors and no warnings;
2. the historical replay ends in the historical ending for several seeds, with the beats on their dates;
3. 2,000 seeded random games reach every ending, none in more than 60% of games, and the historical
   ending also in games whose choices differ from history;
4. every day from 29 May to 13 June 1935 has a history note with a source.
"""

from __future__ import annotations

import collections
import datetime as dt
import os
import random
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest

from game.engine.actions import EndDay, Respond, TakeAction
from game.engine.api import legal_actions, new_game, step
from game.engine.state import GameState
from game.scenario.load import load_scenario
from game.text.render import day_header
from game.text.style import Style

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "scenarios" / "he_umezu_1935.yaml"
RANDOM_GAMES = 2000
REPLAY_SEEDS = range(1, 6)


@pytest.fixture(scope="module")
def loaded():
    return load_scenario(PATH)


@pytest.fixture(scope="module")
def scenario(loaded):
    return loaded.scenario


# --- 1. loading ------------------------------------------------------------------------------------


def test_loads_without_errors_or_warnings(loaded):
    assert [str(w) for w in loaded.warnings] == []


def test_first_line_points_at_the_schema():
    first = PATH.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=scenario.schema.json"


def test_calendar_and_budget(scenario):
    cal = scenario.calendar
    assert cal.start == dt.date(1935, 5, 29)
    assert dt.date(1935, 6, 13) <= cal.end <= dt.date(1935, 7, 6)
    assert cal.epilogue_until == dt.date(1937, 7, 7)
    assert cal.actions_per_day == 3


# --- 2. the historical replay ---------------------------------------------------------------------


def historical_replay(scenario, seed, until=None):
    """Each day: answer pending demands as history did, take the day's historical actions, end the day.

    Returns the final state (or, with `until`, the state at that day's council, before any choice)
    and the events of the game grouped by date.
    """
    state, events = new_game(scenario, seed)
    by_date = collections.defaultdict(list)
    for event in events:
        by_date[event.date].append(event)
    for _ in range(2000):
        if state.over or state.date == until:
            break
        choice = None
        for legal in legal_actions(scenario, state):
            if (
                isinstance(legal, Respond)
                and scenario.demands[legal.demand].historical_response == legal.response
            ):
                choice = legal
                break
        if choice is None:
            for legal in legal_actions(scenario, state):
                if (
                    isinstance(legal, TakeAction)
                    and state.date in scenario.actions[legal.action].historical_dates
                ):
                    choice = legal
                    break
        state, events = step(scenario, state, choice or EndDay())
        for event in events:
            by_date[event.date].append(event)
    return state, by_date


@pytest.fixture(scope="module")
def replays(scenario):
    return {seed: historical_replay(scenario, seed) for seed in REPLAY_SEEDS}


def test_exactly_one_historical_ending(scenario):
    assert [eid for eid, e in scenario.endings.items() if e.historical] == ["historical"]


@pytest.mark.parametrize("seed", REPLAY_SEEDS)
def test_historical_replay_reaches_the_historical_ending(scenario, replays, seed):
    final, _ = replays[seed]
    assert final.over
    assert scenario.endings[final.ending].historical, final.ending
    assert final.date == dt.date(1935, 6, 13)


def _refs(by_date, day, kinds=None):
    return {e.ref for e in by_date[day] if kinds is None or e.kind in kinds}


@pytest.mark.parametrize("seed", REPLAY_SEEDS)
def test_historical_beats_fall_on_their_dates(scenario, replays, seed):
    _, by_date = replays[seed]
    d = dt.date
    # 29 May: Sakai and Takahashi at the Jurentang, with the notice
    assert "jurentang_call" in _refs(by_date, d(1935, 5, 29))
    assert "sakai_notice" in _refs(by_date, d(1935, 5, 29), {"demand"})
    # 30 May: armoured cars at Tianjin, planes overhead
    assert "armoured_cars" in _refs(by_date, d(1935, 5, 30))
    # 1-4 June: the "voluntary" concessions on their days
    assert "move_seat" in _refs(by_date, d(1935, 6, 1), {"action"})
    assert "disband_gendarmes" in _refs(by_date, d(1935, 6, 2), {"action"})
    assert "replace_officials" in _refs(by_date, d(1935, 6, 4), {"action"})
    # 4 June: the second call
    assert {"second_call_meeting", "second_call"} <= _refs(by_date, d(1935, 6, 4))
    # 7 June: commanders' conference, reports of Kwantung moves to the Wall
    assert "commanders_conference" in _refs(by_date, d(1935, 6, 7))
    # 9 June: the four demands, an ultimatum
    ultimatum = [e for e in by_date[d(1935, 6, 9)] if e.ref == "four_demands"]
    assert ultimatum and ultimatum[0].kind == "ultimatum"
    assert "noon, 12 June" in ultimatum[0].text
    # 10 June: oral acceptance and the decree
    answered = [
        e
        for e in by_date[d(1935, 6, 10)]
        if e.kind == "demand_answered" and e.ref == "four_demands"
    ]
    assert answered
    assert "friendly_relations_decree" in _refs(by_date, d(1935, 6, 10))
    # 11 June: the memorandum, refused
    assert "memorandum" in _refs(by_date, d(1935, 6, 11), {"demand"})
    refused = [
        e for e in by_date[d(1935, 6, 11)] if e.kind == "demand_answered" and e.ref == "memorandum"
    ]
    assert refused and "sign" in refused[0].title.lower()
    # 13 June: He leaves Peiping
    assert "leave_peiping" in _refs(by_date, d(1935, 6, 13), {"action"})


def test_the_ultimatum_stage_begins_with_the_four_demands(scenario):
    # Stages change at dusk, but the four demands move the stage themselves when they are
    # presented: on 9 June the header must not still say "Troop movements".
    nine_june = dt.date(1935, 6, 9)
    state, by_date = historical_replay(scenario, 1, until=nine_june)
    assert state.date == nine_june and not state.over
    assert state.stage == "ultimatum"
    header = day_header(scenario, state, Style(colour=False, plain=True, width=80))
    assert any("Stage: Ultimatum" in line for line in header), header
    # The stage is announced after the demands, not before them, and only once.
    refs = [(e.kind, e.ref) for e in by_date[nine_june]]
    assert refs.index(("stage", "ultimatum")) > refs.index(("ultimatum", "four_demands"))
    stages = [e.ref for day in by_date.values() for e in day if e.kind == "stage"]
    assert stages.count("ultimatum") == 1
    # The stage before it was entered as usual: troop movements' entry effects are not skipped.
    assert stages[-2:] == ["troop_movements", "ultimatum"]


def test_historical_answers_are_the_recorded_ones(scenario, replays):
    final, _ = replays[1]
    assert final.demands["four_demands"].answer == "accept_with_nanjing"
    assert final.demands["four_demands"].answered_on == dt.date(1935, 6, 10)
    assert final.demands["memorandum"].answer == "refuse_to_sign"
    assert final.flags["memorandum_refused"] and not final.flags["memorandum_signed"]
    assert final.flags["he_left_peiping"]


def test_replay_texts_name_the_people_and_things(replays):
    _, by_date = replays[1]
    text = " ".join(f"{e.title} {e.text}" for events in by_date.values() for e in events)
    for needle in (
        "Sakai",
        "Takahashi",
        "Yu Xuezhong",
        "Blue Shirts",
        "Great Wall",
        "ultimatum",
        "Jurentang",
        "Baoding",
    ):
        assert needle in text, needle


# --- 3. random play ---------------------------------------------------------------------------------


def _historical_choice_keys(scenario):
    """Every (kind, id, response) a historical replay may choose."""
    keys = {("action", aid, "") for aid, a in scenario.actions.items() if a.historical_dates}
    keys |= {
        ("respond", did, d.historical_response)
        for did, d in scenario.demands.items()
        if d.historical_response
    }
    return keys


def _random_games(seeds):
    scenario = load_scenario(PATH).scenario
    allowed = _historical_choice_keys(scenario)
    results = []
    for seed in seeds:
        chooser = random.Random(seed)
        state, _ = new_game(scenario, seed)
        while not state.over:
            state, _ = step(scenario, state, chooser.choice(legal_actions(scenario, state)))
        differs = any(
            (entry.kind, entry.ref, entry.response) not in allowed
            for entry in state.log
            if entry.kind != "end_day"
        )
        results.append((state.ending, differs))
    return results


@pytest.fixture(scope="module")
def random_results():
    seeds = list(range(RANDOM_GAMES))
    workers = max(1, min(4, os.cpu_count() or 1))
    chunks = [seeds[i::workers] for i in range(workers)]
    if workers == 1:
        return _random_games(seeds)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [r for part in pool.map(_random_games, chunks) for r in part]


def test_random_play_reaches_every_ending(scenario, random_results):
    counts = collections.Counter(ending for ending, _ in random_results)
    assert sum(counts.values()) == RANDOM_GAMES
    assert set(counts) == set(scenario.endings), counts


def test_no_ending_dominates_random_play(random_results):
    counts = collections.Counter(ending for ending, _ in random_results)
    assert max(counts.values()) <= 0.6 * RANDOM_GAMES, counts


def test_historical_ending_is_reached_by_other_choices(random_results):
    assert any(ending == "historical" and differs for ending, differs in random_results)


# --- 4. history notes, disputes, sources ----------------------------------------------------------


def test_every_day_of_the_crisis_has_a_sourced_note(scenario):
    noted = collections.defaultdict(list)
    for note in scenario.history:
        noted[note.date].append(note)
    day = dt.date(1935, 5, 29)
    while day <= dt.date(1935, 6, 13):
        assert noted[day], day
        assert all(note.sources for note in noted[day]), day
        day += dt.timedelta(days=1)
    for background in (
        dt.date(1935, 5, 2),
        dt.date(1935, 5, 3),
        dt.date(1935, 5, 24),
        dt.date(1935, 6, 27),
        dt.date(1935, 7, 6),
    ):
        assert noted[background], background


def test_popular_account_corrections_are_in_the_notes(scenario):
    notes = {note.date: note for note in scenario.history}
    for day in (
        dt.date(1935, 5, 29),
        dt.date(1935, 6, 5),
        dt.date(1935, 6, 7),
        dt.date(1935, 6, 10),
    ):
        assert notes[day].popular_account, day
    assert "not confirmed" in notes[dt.date(1935, 6, 7)].popular_account
    for day in (
        dt.date(1935, 6, 9),
        dt.date(1935, 6, 10),
        dt.date(1935, 6, 13),
        dt.date(1935, 7, 6),
    ):
        assert notes[day].disputed, day


def test_disputes_and_questions(scenario):
    assert len(scenario.disputes) >= 10
    assert all(len(d.versions) >= 2 and d.sources for d in scenario.disputes)
    assert 5 <= len(scenario.questions) <= 8


def test_sources_are_declared_with_kinds(scenario):
    assert {"F-d185", "MOFA", "XZR", "SEED", "ZHIHU"} <= set(scenario.sources)
    assert scenario.sources["F-d185"].kind == "primary"
    assert scenario.sources["XZR"].kind == "secondary"
    assert scenario.sources["SEED"].kind == "tertiary"
    assert scenario.sources["ZHIHU"].kind == "weak"


# --- the corrections of the fact sheet's section 0 ------------------------------------------------


def test_roles_follow_the_fact_sheet(scenario):
    actors = scenario.actors
    assert "China Garrison Army" in actors["umezu"].role
    assert "Colonel" in actors["sakai"].role
    assert "Major" in actors["takahashi"].role and "assistant" in actors["takahashi"].role
    assert scenario.player.name == "He Yingqin" and scenario.player.chars == "何應欽"
    for actor_id, chars in {
        "umezu": "梅津美治郎",
        "sakai": "酒井隆",
        "takahashi": "高橋坦",
        "doihara": "土肥原賢二",
        "minami": "南次郎",
        "hirota": "廣田弘毅",
        "ariyoshi": "有吉明",
        "chiang": "蔣介石",
        "wang": "汪精衛",
        "yu": "于學忠",
        "huang_fu": "黃郛",
        "shang_zhen": "商震",
        "song_zheyuan": "宋哲元",
        "qin_dechun": "秦德純",
    }.items():
        assert actors[actor_id].chars == chars, actor_id


def test_seed_errors_do_not_appear():
    text = PATH.read_text(encoding="utf-8")
    for wrong in (
        r"General Sakai",
        r"General Takashi Sakai",
        r"Umezu[^.\n]{0,40}commander[^.\n]{0,20}of the Kwantung",
        r"signed (jointly )?by Umezu and He",
        r"Zeng Kuangqing",
        r"Ts'eng Kwang-ching",
    ):
        for match in re.finditer(wrong, text):
            context = text[max(0, match.start() - 200) : match.end() + 10]
            # a correction may quote the error: it must then say so
            assert re.search(r"popular|seed|wrongly|not the", context), (wrong, context)


def test_no_agreement_is_signed_on_10_june(scenario):
    assert scenario.demands["four_demands"].historical_response == "accept_with_nanjing"
    assert scenario.demands["memorandum"].historical_response == "refuse_to_sign"
    assert (
        not scenario.demands["memorandum"]
        .responses["refuse_to_sign"]
        .effects.changes()
        .get("memorandum_signed")
    )


# --- the game's parts ----------------------------------------------------------------------------


def test_demands_offer_real_choices(scenario):
    for did, demand in scenario.demands.items():
        kinds = {r.kind for r in demand.responses.values()}
        assert {"accept", "stall", "refuse"} <= kinds, did
        assert kinds & {"negotiate", "partial"}, did
    four = scenario.demands["four_demands"]
    assert four.ultimatum and four.deadline == dt.date(1935, 6, 12)
    assert four.deadline_label == "noon, 12 June"
    for did in ("sakai_notice", "second_call", "four_demands", "memorandum"):
        demand = scenario.demands[did]
        assert demand.historical_response and demand.historical_note and demand.sources, did


def test_actions_make_a_real_game(scenario):
    actions = scenario.actions
    assert len(actions) >= 12
    assert {"diplomacy", "domestic", "military", "information", "security", "stalling"} <= {
        a.category for a in actions.values()
    }
    assert all(a.hint and "\n" not in a.hint for a in actions.values())
    for needed in (
        "see_sakai",
        "see_takahashi",
        "via_ariyoshi",
        "cable_chiang",
        "consult_wang",
        "brief_yu",
        "reinforce_north",
        "withdraw_central",
        "alert_passes",
        "censor_press",
        "leak_terms",
        "brief_consuls",
        "appeal_powers",
        "hunt_assassins",
        "suppress_blue_shirts",
        "leave_peiping",
    ):
        assert needed in actions, needed
    assert any(a.historical_dates for a in actions.values())
    assert all(a.max_uses or a.per_day for a in actions.values())


def test_hidden_resolve_and_intelligence(scenario):
    assert "resolve" in scenario.hidden and len(scenario.hidden["resolve"].choices) >= 2
    assert any("resolve" in intel.truth for intel in scenario.intel.values())
    assert all(0 < intel.reliability < 100 for intel in scenario.intel.values())


def test_endings(scenario):
    assert len(scenario.endings) >= 6
    for needed in ("historical", "war_1935", "occupation", "climb_down", "recalled", "exposed"):
        assert needed in scenario.endings
    for eid, ending in scenario.endings.items():
        assert ending.epilogue and ending.verdicts and ending.sources, eid
    assert "1937" in scenario.endings["historical"].epilogue


def test_map_places_and_units(scenario):
    for place in (
        "peiping",
        "tianjin",
        "tanggu",
        "baoding",
        "shanhaiguan",
        "qinhuangdao",
        "gubeikou",
        "miyun",
        "xifengkou",
        "lengkou",
        "zunhua",
        "tongzhou",
        "zhangbei",
        "kalgan",
        "chengde",
        "fengtai",
        "nanyuan",
        "wanping",
    ):
        assert place in scenario.places, place
    moves = {m.place: m.when for m in scenario.units["division_25"].moved_to}
    assert "central_divisions_leave" in moves.get("baoding", "")
    assert {u.side for u in scenario.units.values()} == {"china", "japan"}
    assert any(event.places for event in scenario.events.values())


def test_the_map_shows_the_51st_army_leave_and_the_25th_division_fall_back(scenario):
    """Play-test: after '51st Army ordered out of Hebei' and the Central divisions' withdrawal the
    diamonds stayed around Peiping, Tianjin and Baoding; the 51st was moved to Baoding, still in
    Hebei, the day it was ordered out. Now it stays at Tianjin until its first trains leave for
    Henan (11 June in history, E-47), then is off the map; the 25th falls back on Baoding, where
    the record has the Central divisions by 15 June (E-68)."""
    from game.ui.view import map_units

    places = [SimpleNamespace(id=pid, lon=p.lon, lat=p.lat) for pid, p in scenario.places.items()]

    def where(day):
        state, _ = historical_replay(scenario, 1935, until=day)
        return {u.id: u.place for u in map_units(scenario, state, places)}

    before, after = where(dt.date(1935, 6, 10)), where(dt.date(1935, 6, 11))
    assert before["army_51"] == "tianjin" and before["division_25"] == "peiping"
    assert "army_51" not in after
    assert after["division_25"] == after["division_2"] == "baoding"


def test_codex_names_the_officials_in_the_demands(scenario):
    titles = {entry.title for entry in scenario.codex.values()}
    for name in (
        "Zhang Tinge",
        "Li Junxiang",
        "Jiang Xiaoxian",
        "Zeng Kuoqing",
        "Ding Chang",
        "He Yifei",
        "Yu Jiaji",
        "Zhu Shiqin",
        "Wang Kemin",
        "Blue Shirts",
        "Tanggu Truce",
        "China Garrison Army",
        "Kwantung Army",
        "51st Army",
        "2nd Division",
        "25th Division",
        "3rd Gendarme Regiment",
        "Jurentang",
    ):
        assert name in titles, name


def test_teacher_injects_are_sourced_and_release_cleanly(scenario):
    from game.engine.actions import EndDay, ReleaseInject
    from game.engine.api import new_game, step

    assert len(scenario.injects) >= 3
    state, _ = new_game(scenario, 1)
    # each on its first day (the denial of an ultimatum waits for 8 June), in the order of those
    for iid, inject in sorted(
        scenario.injects.items(), key=lambda item: item[1].not_before or state.date
    ):
        assert inject.sources and inject.note, iid
        while inject.not_before is not None and state.date < inject.not_before:
            state, _ = step(scenario, state, EndDay())
        assert not state.over
        state, events = step(scenario, state, ReleaseInject(inject=iid))
        assert [e.ref for e in events] == [iid]


def test_early_consultations_cannot_use_up_the_historical_answer(scenario):
    # QA: asking Wang four times before 9 June used the action up, and with it the historical
    # answer, which needs his instructions on the four demands
    from game.analysis.replay import play, scripted

    keys = ["consult_wang", "end"] * 4 + ["end"] * 7  # 29 May - 8 June
    keys += ["ask_wang_four_demands", "end", "four_demands:accept_with_nanjing"]
    played = play(scenario, 1935, scripted(keys), stop_at_rejection=True)
    assert played.stopped is None
    assert played.final.demands["four_demands"].answer == "accept_with_nanjing"
    assert played.final.taken["consult_wang"] == 4


def test_yu_refuses_to_resign_unless_he_has_been_kept_informed(scenario):
    # QA: the historical replay showed Yu agreeing; on 2 June 1935 he refused (fact sheet E-31)
    def asked(seed: int, briefings: int) -> GameState:
        state = new_game(scenario, seed).state
        for _ in range(briefings):
            state = step(scenario, state, TakeAction(action="brief_yu")).state
            state = step(scenario, state, EndDay()).state
        return step(scenario, state, TakeAction(action="ask_yu_resign")).state

    assert not any(asked(seed, 0).flags["yu_dismissed"] for seed in range(40))
    assert not any(asked(seed, 1).flags["yu_dismissed"] for seed in range(40))
    assert any(asked(seed, 2).flags["yu_dismissed"] for seed in range(40))


def test_the_call_of_9_june_always_finds_the_troop_movements_stage(scenario):
    """four_demands_call moves the stage to the ultimatum by a goto, which skips the on_enter of
    any stage between: it is written for a game already in troop_movements. Random play,
    every answer policy, must agree (a game in the ultimatum stage passed through troop_movements)."""
    from game.analysis.explore import explore

    for policy in ("random", "comply", "refuse", "stall"):
        report = explore(scenario, runs=150, seed=0, policy=policy)
        for game in report.games:
            if "ultimatum" in game.stages:
                assert "troop_movements" in game.stages, (policy, game.seed, game.stages)


@pytest.mark.parametrize("demand", ["sakai_notice", "second_call"])
def test_asking_for_time_is_allowed_once_a_demand(loaded, demand):
    """Teacher's review: a group that asked for time every day pushed Sakai's deadline of 3 June to
    23 June, ten days past the game's end, and kept the demand open so lesson mode held every
    council."""
    scenario = loaded.scenario
    state = new_game(scenario, 1935).state
    stall = Respond(demand=demand, response="ask_time")
    for _ in range(20):
        if stall in legal_actions(scenario, state) or state.over:
            break
        state = step(scenario, state, EndDay()).state
    assert stall in legal_actions(scenario, state), f"'{demand}' was never open to a stall"
    deadline = state.demands[demand].deadline
    state = step(scenario, state, stall).state
    state = step(scenario, state, EndDay()).state
    assert state.demands[demand].deadline == deadline + dt.timedelta(days=2)
    assert state.demands[demand].status == "pending"
    assert stall not in legal_actions(scenario, state)


def test_no_player_visible_text_calls_the_starting_article_the_seed(loaded):
    """Teacher's review: "The seed says..." in the history notes read, to a student, as the game's
    random seed, which the same report names at its top."""
    scenario = loaded.scenario
    visible = [note.popular_account for note in scenario.history]
    visible += [note.text for note in scenario.history]
    visible += [source.title + " " + source.note for source in scenario.sources.values()]
    offending = [text for text in visible if re.search(r"\bseed\b", text, re.IGNORECASE)]
    assert not offending


def _dated_refs(scenario, seeds):
    """For each random game: {event ref: [dates it happened]} (actor rules as ACTOR.RULE; a
    demand's ref only for its presentation, not for the answers and stalls that name it too)."""
    from game.engine.run import Run

    games = []
    for seed in seeds:
        chooser, run = random.Random(seed), Run(scenario, seed)
        happened: dict[str, list[dt.date]] = collections.defaultdict(list)
        while True:
            for event in run.events:
                if event.ref not in scenario.demands or event.kind in ("demand", "ultimatum"):
                    happened[event.ref].append(event.date)
            if run.over:
                break
            run.play(chooser.choice(run.legal()))
        games.append((seed, happened))
    return games


@pytest.fixture(scope="module")
def dated_random_games(scenario):
    return _dated_refs(scenario, range(400))


@pytest.mark.parametrize("rule", ["demonstration", "low_flights", "field_exercise"])
def test_sakais_further_shows_of_force_come_after_the_recorded_one(dated_random_games, rule):
    """Play-test: 'Aircraft low over Peiping again' came on 30 May, the very day of the recorded
    show of force (report armoured_cars: armoured cars in Tianjin, aircraft over Peiping), which
    it then seemed to repeat. Sakai's further shows are the game's, and come on later days."""
    recorded = dt.date(1935, 5, 30)
    early = [
        (seed, day)
        for seed, happened in dated_random_games
        for day in happened.get(f"sakai.{rule}", [])
        if day <= recorded
    ]
    assert early == []
    assert any(f"sakai.{rule}" in happened for _, happened in dated_random_games)


@pytest.mark.parametrize(
    ("rule", "demands"),
    [("asks_answer", ["four_demands", "final_warning"]), ("wants_signature", ["memorandum"])],
)
def test_takahashi_presses_for_an_answer_only_after_the_day_it_was_asked(
    dated_random_games, rule, demands
):
    """Play-test: 'Takahashi calls for your answer' came at the same dawn as the four demands it
    asked about, as if he called twice that morning; the memorandum's 'Takahashi returns with the
    memorandum and asks again' did the same. He presses on a later day."""
    too_soon = [
        (seed, day)
        for seed, happened in dated_random_games
        for day in happened.get(f"takahashi.{rule}", [])
        if not any(earlier < day for demand in demands for earlier in happened.get(demand, []))
    ]
    assert too_soon == []
    assert any(f"takahashi.{rule}" in happened for _, happened in dated_random_games)


def _morning_the_wall_is_crossed(scenario, day: dt.date, seed: int):
    """The events of the dawn of `day` in a game left to run (every day ended) in which the local
    commanders are pushed to the edge the evening before (momentum at its height, resolve
    determined, Tokyo with no restraint), so that the event army_boils_over may bring the
    Kwantung Army over the Wall that dawn; None if it did not, or the game was over."""
    state = new_game(scenario, seed).state
    while state.date < day - dt.timedelta(days=1) and not state.over:
        state = step(scenario, state, EndDay()).state
    if state.over or state.flags["kwantung_crossed"]:
        return None
    state = state.model_copy(
        update={
            "stats": {**state.stats, "army_momentum": 100},
            "hidden": {**state.hidden, "resolve": 75, "restraint": 0},
        }
    )
    events = step(scenario, state, EndDay()).events
    crossing = [i for i, e in enumerate(events) if (e.kind, e.ref) == ("stage", "invasion")]
    if not crossing or events[crossing[0]].date != day:
        return None
    return events[crossing[0] :]


def test_dated_reports_on_japanese_intentions_do_not_follow_a_crossing(scenario):
    """Review: 'Agents' reports from the Great Wall' (8 June) could say the Kwantung units were
    staying put, and 'From the American embassy in Tokyo' (11 June) that none may go south of the
    Wall without sanction, after the local commanders had brought them across at that same dawn
    (event army_boils_over comes before the dawn's reports). A dated report on what the Japanese
    army means to do (its truth reads the officers' resolve or Tokyo's restraint) does not come
    once the Wall is crossed."""
    about_intentions = {
        iid: intel
        for iid, intel in scenario.intel.items()
        if intel.date is not None and re.search(r"\b(resolve|restraint)\b", intel.truth)
    }
    assert {"wall_agents", "grew_channel"} <= set(about_intentions)
    for iid, intel in about_intentions.items():
        seen = 0
        for seed in range(40):
            after = _morning_the_wall_is_crossed(scenario, intel.date, seed)
            if after is None:
                continue
            seen += 1
            assert iid not in {e.ref for e in after}, (iid, seed)
            if seen == 3:
                break
        assert seen, f"no game crossed the Wall on the morning of {iid}"


def test_no_consequence_speaks_of_the_four_demands_before_they_come(scenario):
    """Review: from 29 May the row 'Telegraph Chiang Kai-shek' promised 'possibly: He Yingqin
    asked Nanjing for instructions on the four demands', which confused a player and gave away
    what 9 June would bring. Until the demands are presented, no action offered speaks of them,
    in its label or its consequences; once they are, the action that asks for Nanjing's
    instructions says so as a certainty, not as a 'possibly'."""
    from game.analysis.describe import describe_action

    day = dt.date(1935, 5, 29)
    while day <= dt.date(1935, 6, 9):
        state, _ = historical_replay(scenario, 1, until=day)
        assert state.date == day and not state.over
        issued = "four_demands" in state.demands
        for legal in legal_actions(scenario, state):
            if not isinstance(legal, TakeAction):
                continue
            label = scenario.actions[legal.action].label
            said = describe_action(scenario, state, legal.action)
            if not issued:
                assert "four demands" not in f"{label} {said}", (day, legal.action, said)
            assert "possibly: He Yingqin asked Nanjing" not in said, (day, legal.action, said)
        day += dt.timedelta(days=1)


def test_an_action_that_does_the_work_of_asking_wang_says_so(scenario):
    """Review: on 9 June 'Telegraph Chiang' silently took 'Ask Wang Jingwei for instructions on
    the four demands' off the list; what followed said only 'Chiang's attitude +5'. Any action
    that makes asking Wang unnecessary tells the player, in what it says when taken, that Wang's
    instructions are coming."""
    ask = TakeAction(action="ask_wang_four_demands")
    state, _ = historical_replay(scenario, 1, until=dt.date(1935, 6, 9))
    assert ask in legal_actions(scenario, state)
    checked = 0
    for legal in legal_actions(scenario, state):
        if not isinstance(legal, TakeAction) or legal == ask:
            continue
        after, events = step(scenario, state, legal)
        if after.over or ask in legal_actions(scenario, after):
            continue
        checked += 1
        told = " ".join(f"{e.title} {e.text}" for e in events)
        assert "Wang" in told and "instructions" in told, (legal.action, told)
    assert checked, "no action did the work of asking Wang"


def test_a_deadline_s_words_read_with_the_days_left(scenario):
    """Review: the first day's header read "Deadline: Sakai's notice of 29 May — none stated, but
    expected before the officers call again (5 days left)": none, and five days left, on one line.
    Both front ends put a demand's `deadline_label` beside the days left (the window's header,
    the text version's day header and demand screen), so no label says there is no deadline; where
    the record has none, the demand's own text says so."""
    from game.ui.view import header

    denies = re.compile(r"\b(none|no|not|unstated|without)\b", re.IGNORECASE)
    for did, demand in scenario.demands.items():
        assert not denies.search(demand.deadline_label), (did, demand.deadline_label)
    state = new_game(scenario, 1).state
    window = header(scenario, state).countdown
    text = " ".join(day_header(scenario, state, Style(colour=False, plain=True, width=200)))
    for line in (window, text):
        assert "Sakai's notice of 29 May" in line and "5 days" in line, line
        assert not denies.search(line.split("29 May", 1)[1]), line
    assert re.search(r"\bno\b[^.]*\b(date|deadline)\b", scenario.demands["sakai_notice"].text)


def test_after_leaving_peiping_he_gives_orders_but_sees_no_one_there(scenario):
    """Review: after 'Leave Peiping for Nanjing' ("At three in the morning you and your wife leave
    Peiping") the council still offered a day with the commanders over their positions and a talk
    with Yu Xuezhong. He left on 13 June and went on giving orders from Nanjing (the withdrawals of
    late June, the note of 6 July: fact sheet E-58, E-63, E-77); what needs him in Peiping in person
    is no longer offered, what can go by telegraph still is, and the action's text says which."""
    in_person = {"see_sakai", "see_takahashi", "send_deputy", "inspect_troops", "brief_yu"}
    by_telegraph = {"cable_chiang_demands", "withdraw_central", "withdraw_51st", "censor_press"}
    leave = TakeAction(action="leave_peiping")
    for seed in range(20):
        state = new_game(scenario, seed).state
        while state.date < dt.date(1935, 6, 9) and not state.over:
            state = step(scenario, state, EndDay()).state
        if state.over or state.flags["kwantung_crossed"]:
            continue
        offered = {a.action for a in legal_actions(scenario, state) if isinstance(a, TakeAction)}
        assert in_person | by_telegraph <= offered, (in_person | by_telegraph) - offered
        state, events = step(scenario, state, leave)
        offered = {a.action for a in legal_actions(scenario, state) if isinstance(a, TakeAction)}
        assert not in_person & offered, in_person & offered
        assert by_telegraph <= offered, by_telegraph - offered
        told = " ".join(e.text for e in events)
        assert "telegraph" in told, told
        return
    pytest.fail("no game reached 9 June with the Wall uncrossed")


def test_no_intelligence_report_comes_twice_to_a_player_who_asks_every_day(scenario):
    """Play-test: 'What Takahashi lets slip' gave 'the colonel wants results, not a war...' on
    days 1, 3 and 10, and 'Tianjin has lost patience with talk...' twice: the reports of the
    routine channels (Takahashi, the attachés, the consuls) came in turn all game long. Each now
    comes once a game."""
    from tests.scenarios.helpers import play_preferring

    routine = ("see_takahashi", "ask_attaches", "brief_consuls")
    for seed in range(30):
        final = play_preferring(scenario, seed, routine)
        said = [e.ref for e in final.inbox if e.kind == "intelligence"]
        assert len(said) == len(set(said)), (seed, collections.Counter(said).most_common(2))
        assert {"takahashi_sounding", "takahashi_sounding_2"} <= set(said), (seed, said)


@pytest.mark.parametrize(("pressure", "after"), [(50, 47), (20, 17), (19, 18), (3, 2)])
def test_a_talk_with_takahashi_lowers_the_pressure_less_once_it_is_low(scenario, pressure, after):
    """Play-test: with early concessions and a talk with Takahashi every day, the pressure sat at
    0-7 from day 7 and the concessions bought nothing: the talk took 3 off however low it was."""
    state, _ = new_game(scenario, 1)
    state = state.model_copy(update={"stats": {**state.stats, "pressure": pressure}})
    state, _ = step(scenario, state, TakeAction(action="see_takahashi"))
    assert state.stats["pressure"] == after


def test_the_classroom_guides_seeds_draw_what_it_says(scenario):
    # docs/classroom.md, "What the class seed draws": with 1935 the newspaper owners' killers are
    # Chinese agents in every group's game (the opening's draws depend on the seed alone); 1931
    # leaves them unknown, with the officers as determined and Tokyo's restraint weaker.
    guide = (Path(__file__).resolve().parents[2] / "docs" / "classroom.md").read_text("utf-8")
    assert "`--seed 1935` the killers" in guide and "`--seed 1931`" in guide
    culprits = scenario.hidden["culprits"].choices
    by_value = {choice.value: choice.label for choice in culprits}
    drawn_1935 = new_game(scenario, 1935).state.hidden
    drawn_1931 = new_game(scenario, 1931).state.hidden
    assert by_value[drawn_1935["culprits"]].startswith("Chinese agents")
    assert by_value[drawn_1931["culprits"]] == "Never found out"
    assert drawn_1931["resolve"] == drawn_1935["resolve"]
    assert drawn_1931["restraint"] < drawn_1935["restraint"]
