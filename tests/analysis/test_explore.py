"""The explorer: determinism across worker counts, the statistics, and finding unreached content."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.analysis.explore import chunks, explore, play_one, render_report, wilson
from game.analysis.policies import POLICIES
from game.analysis.replay import play
from game.cli import main
from game.scenario.load import load_scenario_bytes

FIXTURES = Path(__file__).parent.parent / "fixtures"
MINI_PATH = FIXTURES / "mini.yaml"
XIANGHE_RAW = (FIXTURES / "analysis" / "xianghe.yaml").read_bytes()
MINI_RAW = MINI_PATH.read_bytes()

# mini with content no game can reach: an event on an impossible condition, an action never offered,
# a stage only an impossible event leads to, and a demand with a deadline no one can miss
UNREACHABLE_RAW = (
    MINI_RAW.decode()
    .replace(
        "  alarm:\n",
        '  never:\n    title: Never\n    when: "pressure > 100"\n    effects: {goto: limbo}\n  alarm:\n',
    )
    .replace(
        "  spy:\n",
        '  forbidden:\n    label: Forbidden\n    category: other\n    when: "day > 99"\n    effects: {trust: 1}\n  spy:\n',
    )
    .replace(
        '      - {to: tense, when: "pressure >= 60"}\n',
        '      - {to: tense, when: "pressure >= 60"}\n  limbo:\n    label: Limbo\n    transitions:\n      - {to: calm, when: "true"}\n',
    )
    .encode()
)


@pytest.fixture(scope="module")
def mini():
    return load_scenario_bytes(MINI_RAW, "mini.yaml").scenario


def test_same_report_whatever_the_number_of_jobs(mini):
    one = explore(mini, runs=60, seed=11, jobs=1)
    two = explore(mini, runs=60, seed=11, jobs=2, source=(MINI_RAW, "mini.yaml"))
    assert [g.seed for g in two.games] == list(range(11, 71))
    assert one.games == two.games
    assert one.to_json() == two.to_json()


def test_rows_sent_back_share_equal_values_and_say_the_same(mini):
    # the workers' rows make equal tuples and strings one object, so pickle sends each once
    from game.analysis.explore import GameSummary, _shared_rows, play_range

    games = play_range(mini, 0, 40, "random")
    rows = _shared_rows(games)
    assert rows == [g.to_tuple() for g in games]
    assert list(map(GameSummary._make, rows)) == games
    stages = [row[7] for row in rows]
    assert len({id(s) for s in stages}) == len(set(stages)) < len(stages)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_started_either_way_give_the_same_report(mini, monkeypatch, method):
    # Forked workers take the scenario already loaded; spawned ones load the YAML they are sent.
    import multiprocessing

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    original = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda name=None: original(method))
    one = explore(mini, runs=24, seed=3, jobs=1)
    two = explore(mini, runs=24, seed=3, jobs=2, source=(MINI_RAW, "mini.yaml"))
    assert two.games == one.games


def test_a_game_is_the_same_as_the_replay_of_its_seed(mini):
    # the explorer's light loop and replay.play make the same choices from the same seed
    for seed in range(5):
        summary = play_one(mini, seed, "random")
        full = play(mini, seed, POLICIES["random"])
        assert summary.ending == full.final.ending
        assert summary.days == full.final.day


def test_shares_and_intervals(mini):
    report = explore(mini, runs=200, seed=0)
    assert sum(e.count for e in report.endings) == 200
    for e in report.endings:
        assert e.low <= e.share <= e.high
        assert math.isclose(e.share, e.count / 200)
    assert 1 <= report.mean_days <= 4


def test_wilson_known_values():
    low, high = wilson(50, 100)
    assert round(low, 4) == 0.4038 and round(high, 4) == 0.5962
    assert wilson(0, 10)[0] == 0.0 and wilson(10, 10)[1] == 1.0
    assert wilson(0, 0) == (0.0, 1.0)


@given(st.integers(1, 5000), st.data())
def test_wilson_contains_the_share(trials, data):
    successes = data.draw(st.integers(0, trials))
    low, high = wilson(successes, trials)
    assert 0 <= low <= successes / trials <= high <= 1


@given(st.integers(0, 10_000), st.integers(0, 3000), st.integers(1, 16))
def test_chunks_cover_the_seeds_in_order(start, runs, jobs):
    ranges = chunks(start, runs, jobs)
    seeds = [s for a, b in ranges for s in range(a, b)]
    assert seeds == list(range(start, start + runs))


def test_unreached_content_is_found():
    scenario = load_scenario_bytes(UNREACHABLE_RAW, "u.yaml").scenario
    report = explore(scenario, runs=150, seed=3)
    assert report.unreached["events"] == ["never"]
    assert report.unreached["actions"] == ["forbidden"]
    assert report.unreached["stages"] == ["limbo"]
    assert report.unreached["endings"] == []
    text = render_report(report)
    assert "events: never" in text and "actions: forbidden" in text and "stages: limbo" in text


def test_idle_days_and_deadlines_that_never_ran_out():
    # every action needs day > 99 and costs nothing else: no action is ever possible
    raw = MINI_RAW.decode()
    for line in ("    hint: Lower the temperature.\n", "    cost: 2\n", "    max_uses: 1\n"):
        raw = raw.replace(line, line + '    when: "day > 99"\n')
    # and the first demand is always accepted at once by 'comply': its deadline never runs out
    scenario = load_scenario_bytes(raw.encode(), "i.yaml").scenario
    report = explore(scenario, runs=20, seed=0, policy="comply")
    assert report.unreached["actions"] == ["talk", "prepare", "spy"]
    assert report.idle_days["1935-06-01"] == 20
    assert "first" in report.deadlines_never_ran_out


def test_a_demand_never_presented_is_not_a_deadline_that_never_ran_out():
    # with 'stall', no_troops never closes, so 'dismiss' (which follows it) never comes: it is
    # unreached, and not also a deadline that never ran out (QA)
    scenario = load_scenario_bytes(XIANGHE_RAW, "xianghe.yaml").scenario
    report = explore(scenario, runs=40, seed=0, policy="stall")
    assert report.unreached["demands"] == ["dismiss"]
    assert report.deadlines_never_ran_out == ["no_troops"]
    assert "Deadlines that never ran out: no_troops\n" in render_report(report)


def test_actor_rules_that_never_fired_and_responses_never_given_are_reported(capsys):
    # a rule on 'pressure > 150' and a response on 'nanjing > 150': neither can happen (QA)
    path = FIXTURES / "analysis" / "xianghe_dead_rule_response.yaml"
    scenario = load_scenario_bytes(path.read_bytes(), path.name).scenario
    report = explore(scenario, runs=30, seed=0)
    assert report.unreached["actor_rules"] == ["doihara.1"]  # the actor's second rule (no id)
    assert report.responses_never_given == ["dismiss:refuse"]
    text = render_report(report)
    # shown as the checker counts list items, from 1 (the key in the JSON stays the game's own)
    assert (
        'actor rules (never fired): doihara.rules (item 2) "Doihara calls on you in Tianjin"'
        in text
    )
    assert 'actor rule doihara.rules (item 2) "Doihara calls on you in Tianjin"  when:' in text
    assert "Responses never given by this policy: dismiss:refuse" in text
    assert "Every ending" not in text
    assert main(["explore", str(path), "--runs", "30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["unreached"]["actor_rules"] == ["doihara.1"]
    assert data["responses_never_given"] == ["dismiss:refuse"]
    assert data["deadlines_never_ran_out"] == [] and data["unreached"]["demands"] == []  # as before


def test_every_rule_fired_and_every_response_given_is_said_once():
    scenario = load_scenario_bytes(XIANGHE_RAW, "xianghe.yaml").scenario
    report = explore(scenario, runs=30, seed=0)
    assert report.unreached["actor_rules"] == [] and report.responses_never_given == []
    assert (
        "Every ending, stage, event, report, demand, action and actor rule was reached at least"
        " once, and every response was given." in render_report(report)
    )


def test_a_stall_given_before_the_final_answer_counts_as_given(mini):
    # the final state keeps only a demand's last answer; a stall before it is still counted
    games = [play_one(mini, seed, "random") for seed in range(40)]
    stalled_then_answered = [
        g
        for g in games
        if "first:stall" in g.responses
        and len({r for r in g.responses if r.startswith("first:")}) > 1
    ]
    assert stalled_then_answered


def test_cli_json_is_one_object_and_deterministic(capsys):
    assert main(["explore", str(MINI_PATH), "--runs", "30", "--seed", "5", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert (
        main(["explore", str(MINI_PATH), "--runs", "30", "--seed", "5", "--json", "--jobs", "2"])
        == 0
    )
    captured = capsys.readouterr()
    assert json.loads(captured.out) == first
    assert captured.err == ""  # no progress bar when stderr is not a terminal
    assert first["runs"] == 30 and {e["id"] for e in first["endings"]} == {
        "war",
        "appeased",
        "standoff",
    }


def test_cli_table_and_errors(capsys, tmp_path):
    assert main(["explore", str(MINI_PATH), "--runs", "10", "--policy", "refuse"]) == 0
    out = capsys.readouterr().out
    assert "policy 'refuse'" in out and "95% interval" in out
    assert main(["explore", str(tmp_path / "missing.yaml")]) == 1
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["explore", str(MINI_PATH), "--runs", "0"])


def test_cli_graph(capsys):
    assert main(["graph", str(MINI_PATH)]) == 0
    assert capsys.readouterr().out.startswith("flowchart TD\n")
    assert main(["graph", str(MINI_PATH), "--format", "dot"]) == 0
    assert capsys.readouterr().out.startswith('digraph "mini" {')


def test_games_that_never_end_are_reported(mini):
    # a game cut off by the step limit (here absurdly low) has no ending and is counted as unfinished
    from game.analysis.explore import play_one, summarise

    games = [play_one(mini, seed, "stall", max_steps=2) for seed in range(3)]
    assert all(g.ending == "" for g in games)
    report = summarise(mini, games, policy="stall", seed=0)
    assert report.unfinished == 3 and all(e.count == 0 for e in report.endings)
    assert "3 game(s) had not ended" in render_report(report)


def test_no_demand_presented_is_said_rather_than_every_response_given(capsys, tmp_path):
    # QA: no_troops without its date (and so 'dismiss', which follows it) is never presented; the
    # report said every response was given and every deadline ran out, true only vacuously
    raw = XIANGHE_RAW.replace(b"    date: 1935-10-23\n", b"", 1)
    scenario = load_scenario_bytes(raw, "xianghe.yaml").scenario
    report = explore(scenario, runs=20, seed=0)
    assert report.unreached["demands"] == ["no_troops", "dismiss"]
    text = render_report(report)
    assert "No demand was presented in any game, so no response was given.\n" in text
    assert "No demand was presented in any game, so no deadline could run out.\n" in text
    assert "at least once" not in text and "ran out in at least" not in text
    path = tmp_path / "xianghe.yaml"
    path.write_bytes(raw)
    assert main(["explore", str(path), "--runs", "20", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["demands_presented"] == [] and data["deadlines_presented"] == []
    assert data["responses_never_given"] == [] and data["deadlines_never_ran_out"] == []


def test_the_demands_presented_are_in_the_json(capsys):
    scenario = load_scenario_bytes(XIANGHE_RAW, "xianghe.yaml").scenario
    report = explore(scenario, runs=40, seed=0, policy="stall")
    assert report.demands_presented == ["no_troops"] == report.deadlines_presented
    assert report.to_json()["demands_presented"] == ["no_troops"]
