"""Why the explorer never reached something (game.analysis.why): the part of a condition that
never held, parts that never held together, what is known without playing, and the JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from game.analysis import why, why_report
from game.analysis.explore import explore, render_report
from game.cli import main
from game.scenario.load import load_scenario_bytes
from game.scenario.model import Event

FIXTURES = Path(__file__).parent.parent / "fixtures"
WHY_PATH = FIXTURES / "analysis" / "why.yaml"  # each thing no game reaches is said in a comment
XIANGHE_RAW = (FIXTURES / "analysis" / "xianghe.yaml").read_bytes()
RUNS = 60


def load():
    return load_scenario_bytes(WHY_PATH.read_bytes(), WHY_PATH.name).scenario


@pytest.fixture(scope="module")
def scenario():
    return load()


@pytest.fixture(scope="module")
def report(scenario):
    return explore(scenario, runs=RUNS, seed=0)


@pytest.fixture(scope="module")
def text(report):
    return render_report(report)


def item(report, section, ident):
    (found,) = [i for i in report.why.items if (i.section, i.ident) == (section, ident)]
    return found


def block(text, heading):
    """The report's lines about one item: its heading line and those indented below it."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("  " + heading))
    end = next(
        (n for n in range(start + 1, len(lines)) if not lines[n].startswith("   ")), len(lines)
    )
    return lines[start:end]


def councils(report):
    """Days whose council opened, in the games played again: every day of each game, since no
    game of the fixture ends at a dawn (its endings come at dusk)."""
    return sum(g.days for g in report.games[: report.why.games])


def test_the_part_that_never_held_is_named(report, text):
    # `impossible` fires when "day >= 2 and pressure > 100": pressure stops at 100
    (check,) = item(report, "events", "impossible").checks
    (branch,) = check.branches
    days = councils(report)
    assert report.why.games == RUNS and check.samples == days
    assert [(p.text, p.held) for p in branch.parts] == [
        ("day >= 2", days - RUNS),  # every day but the first of each game
        ("pressure > 100", 0),
    ]
    assert block(text, "event impossible") == [
        '  event impossible  when: "day >= 2 and pressure > 100"',
        f"      day >= 2        held on {100 * (days - RUNS) / days:.0f}% of days"
        f" ({days - RUNS} of {days})",
        f"      pressure > 100  never held (0 of {days} days)  <- never true",
    ]


def test_parts_that_each_hold_but_never_together_are_told_apart(report, text):
    # "day <= 2 and days_left == 0": days 1 and 2, and day 4, of a four-day calendar
    (check,) = item(report, "events", "mismatched").checks
    (branch,) = check.branches
    assert check.held == 0 and branch.together == 0
    assert all(part.held > 0 for part in branch.parts)
    lines = block(text, "event mismatched")
    assert not any("never true" in line for line in lines)
    assert lines[-1] == (
        f"      every part held on some day, but never all at once (on 0 of {check.samples} days)"
    )


def test_each_branch_of_an_or_is_told(report, text):
    (check,) = item(report, "events", "either").checks
    assert [b.text for b in check.branches] == ["pressure > 100", "day > 9"]
    days = check.samples
    assert block(text, "event either")[1:] == [
        f"      no branch of the `or` ever held (0 of {days} days)",
        f"      either: pressure > 100  never held (0 of {days} days)  <- never true",
        f"      or:     day > 9         never held (0 of {days} days)  <- never true",
    ]


def test_a_date_outside_the_calendar_is_said_without_playing(scenario):
    # `validate` refuses such a date in a file; a scenario built in code can still have one
    late = Event(title="Too late", date=dt.date(1935, 7, 1))
    changed = scenario.model_copy(update={"events": {**scenario.events, "too_late": late}})
    report = explore(changed, runs=10, seed=0)
    explained = item(report, "events", "too_late")
    assert explained.checks == ()
    assert explained.notes == (
        "Its date, 1935-07-01, is after the calendar's last day (1935-06-01 to 1935-06-04): no"
        " dawn tests it.",
    )
    assert block(render_report(report), "event too_late") == [
        "  event too_late",
        "      Its date, 1935-07-01, is after the calendar's last day (1935-06-01 to 1935-06-04):"
        " no dawn",
        "      tests it.",
    ]


def test_an_actor_rule_that_never_fired_is_explained(report, text):
    explained = item(report, "actor_rules", "envoy.storm_out")
    assert explained.title == "The envoy storms out"
    (check,) = explained.checks
    assert [p.held for p in check.branches[0].parts][1] == 0
    lines = block(text, "actor rule envoy.storm_out")
    assert lines[0] == (
        '  actor rule envoy.storm_out "The envoy storms out"  when: "day >= 2 and pressure > 100"'
    )
    assert (
        lines[2] == f"      pressure > 100  never held (0 of {check.samples} days)  <- never true"
    )


def test_what_only_an_effect_brings_names_the_effects(report, text):
    assert item(report, "events", "orphan").notes == (
        "It has no date and no `when`, and no effect can bring it (`trigger`): nothing can.",
    )
    assert item(report, "events", "follow_up").notes == (
        "It has no date and no `when`, so only an effect can bring it: `trigger` in action strike"
        " (never taken).",
    )


def test_a_way_in_that_an_earlier_transition_always_wins_is_said(report, text):
    # calm's way to `alarmed` holds exactly when its way to `tense`, written first, does
    (check,) = item(report, "stages", "alarmed").checks
    assert check.label == "way in from calm" and check.moment == "dusk"
    assert check.held > 0 and check.beaten == check.held
    assert block(text, "stage alarmed")[1] == (
        '    way in from calm: "pressure >= 60"  (tested on days in stage calm)'
    )
    assert f"The way in from calm was open at {check.held} dusks, but each time" in text


def test_an_unless_that_always_holds_is_in_the_way(report, text):
    # tense's way to `frozen`: "pressure >= 60" unless "pressure >= 50"
    (check,) = item(report, "stages", "frozen").checks
    when, unless = check.branches[0].parts
    assert (when.negated, unless.negated) == (False, True)
    assert unless.held == check.samples > when.held > 0 and check.held == 0
    assert block(text, "stage frozen")[1:] == [
        '    way in from tense: "pressure >= 60 unless pressure >= 50"  (tested on days in stage'
        " tense)",
        f"      pressure >= 60         held on {100 * when.held / check.samples:.0f}% of days"
        f" ({when.held} of {check.samples})",
        f"      unless pressure >= 50  held on every day ({check.samples})  <- always in the way",
    ]


def test_a_chance_that_is_always_zero_is_told(report):
    # `unlucky` holds on day 3, but its probability, "trust // 200", is 0 while trust <= 100
    (check,) = item(report, "events", "unlucky").checks
    assert check.held > 0
    assert item(report, "events", "unlucky").notes == (
        f"Its condition held on {check.held} of {check.samples} days, but it comes only by chance:"
        ' its probability, "trust // 200", came to at most 0% on those days.',
    )


def test_what_held_but_the_policy_never_chose_is_told_so(scenario):
    # the historical policy takes no action of a scenario that records none
    report = explore(scenario, runs=5, seed=0, policy="historical")
    (note,) = item(report, "actions", "talk").notes
    assert note == (
        f"It has no condition, so it was offered at each of the {councils(report)} councils: the"
        " policy 'historical' never chose it."
    )


def test_the_games_played_again_are_the_games_explored(scenario):
    # the same seeds and policy give the same games: as many councils as the explored games had
    for policy in ("random", "stall", "refuse"):
        report = explore(scenario, runs=30, seed=7, policy=policy, why_games=20)
        assert report.why.games == 20
        (check,) = item(report, "events", "impossible").checks
        assert check.samples == councils(report)


def test_when_everything_is_reached_nothing_is_played_again(monkeypatch, capsys):
    def never(*args, **kwargs):
        raise AssertionError("a game was played again with nothing to explain")

    monkeypatch.setattr(why, "_play_again", never)
    scenario = load_scenario_bytes(XIANGHE_RAW, "xianghe.yaml").scenario
    report = explore(scenario, runs=30, seed=0)
    assert report.why == why_report.WhyReport(0)
    assert "and why" not in render_report(report)
    path = FIXTURES / "analysis" / "xianghe.yaml"
    assert main(["explore", str(path), "--runs", "30", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["why"] == {
        "games": 0,
        "moments": why_report.MOMENTS,
        "items": [],
    }


def test_the_json_shape(report, capsys):
    assert main(["explore", str(WHY_PATH), "--runs", str(RUNS), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["why"]
    assert set(data) == {"games", "moments", "items"}
    assert data["games"] == RUNS
    assert data["moments"] == {
        "dawn": "the state each council opened with, after the dawn",
        "dusk": "the state each council closed with, which dusk tests them on",
    }
    assert [(i["section"], i["id"]) for i in data["items"]] == [
        ("endings", "war"),
        ("stages", "frozen"),
        ("stages", "alarmed"),
        ("events", "impossible"),
        ("events", "mismatched"),
        ("events", "either"),
        ("events", "unlucky"),
        ("events", "orphan"),
        ("events", "follow_up"),
        ("actions", "strike"),
        ("actor_rules", "envoy.storm_out"),
    ]
    days = councils(report)
    impossible = data["items"][3]
    where = f"{WHY_PATH}:{place('day >= 2', below='  impossible:')}"  # in its quotes
    assert impossible == {
        "section": "events",
        "id": "impossible",
        "title": "",
        "where": where,
        "checks": [
            {
                "label": "when",
                "condition": "day >= 2 and pressure > 100",
                "moment": "dawn",
                "scope": "",
                "samples": days,
                "held": 0,
                "beaten": 0,
                "where": where,
                "branches": [
                    {
                        "condition": "day >= 2 and pressure > 100",
                        "together": 0,
                        "parts": [
                            {"condition": "day >= 2", "held": days - RUNS, "unless": False},
                            {"condition": "pressure > 100", "held": 0, "unless": False},
                        ],
                    }
                ],
            }
        ],
        "notes": [],
    }
    orphan = data["items"][7]
    assert orphan["where"] == f"{WHY_PATH}:{place('orphan:', below=chr(10) + '  orphan:')}"
    assert orphan["checks"] == [] and orphan["notes"] == [
        "It has no date and no `when`, and no effect can bring it (`trigger`): nothing can."
    ]
    # read from its file, the explorer says where things are written; otherwise it is the same
    located = explore(load(), runs=RUNS, seed=0, source=(WHY_PATH.read_bytes(), str(WHY_PATH)))
    assert data == located.to_json()["why"]
    unlocated = report.to_json()["why"]
    assert [i["where"] for i in unlocated["items"]] == [""] * len(data["items"])
    for item in data["items"]:
        item["where"] = ""
        for check in item["checks"]:
            check["where"] = ""
    assert data == unlocated


def place(text, *, below=""):
    """LINE:COL of the first `text` in the fixture after `below`, as an editor counts them."""
    whole = WHY_PATH.read_text()
    offset = whole.index(text, whole.index(below) if below else 0)
    return f"{whole.count(chr(10), 0, offset) + 1}:{offset - whole.rfind(chr(10), 0, offset)}"


def test_the_table_names_the_line_of_each_condition(capsys):
    assert main(["explore", str(WHY_PATH), "--runs", "20"]) == 0
    out = capsys.readouterr().out
    assert (
        f"  {WHY_PATH}:{place('day >= 2', below='  impossible:')}: event impossible  when:" in out
    )
    # a stage is at its key, and each of its ways in at its transition's condition
    assert f"  {WHY_PATH}:{place('alarmed:', below=chr(10) + '  alarmed:')}: stage alarmed\n" in out
    way = f"    {WHY_PATH}:{place('pressure >= 60', below='{to: alarmed')}: way in from calm:"
    assert way in out


def test_the_guide_shows_the_report_as_explore_prints_it():
    # docs/authoring.md, step 10: its two examples are the real output for the guide's own
    # scenario and for this fixture
    import re

    guide = (Path(__file__).parent.parent.parent / "docs" / "authoring.md").read_text("utf-8")
    whole = re.findall(r"```yaml\n(.*?)```", guide[guide.index("### The whole file") :], re.S)[0]
    name = "scenarios/yu_stays.yaml"  # as the author of the guide names it
    yu_stays = load_scenario_bytes(whole.encode(), name).scenario
    said = guide[guide.index("When something was never reached") :]
    first, second = re.findall(r"```\n(.*?)```", said, re.S)[:2]
    assert "--runs 1000 --policy comply` ends with:" in " ".join(said.split())
    played = explore(yu_stays, runs=1000, policy="comply", source=(whole.encode(), name))
    assert first in render_report(played)
    scenario = load_scenario_bytes(WHY_PATH.read_bytes(), WHY_PATH.name).scenario
    assert second in render_report(explore(scenario, runs=200))
