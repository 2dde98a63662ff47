"""`explore --policy all`: every policy on the same seeds, their endings and scores side by side
(an author's review: a simple line of play that wins showed only after five separate runs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.analysis.compare import compare, mean_scores, render_comparison
from game.analysis.explore import explore
from game.analysis.policies import CHOOSERS
from game.analysis.policy_names import DESCRIPTIONS, POLICY_NAMES
from game.cli import build_parser, main
from game.scenario.load import load_scenario

MINI = Path(__file__).parent.parent / "fixtures" / "mini.yaml"


def test_every_policy_is_named_and_described_once():
    assert set(POLICY_NAMES) == set(CHOOSERS) == set(DESCRIPTIONS)


def test_the_help_says_what_each_policy_does():
    explore_parser = build_parser()._subparsers._group_actions[0].choices["explore"]  # type: ignore[union-attr]
    text = " ".join(explore_parser.format_help().split())
    for name in POLICY_NAMES:
        assert f"{name}: {' '.join(DESCRIPTIONS[name].split())}" in text
    assert "all: every policy on the same seeds" in text


def test_mean_scores_weigh_each_ending_by_its_games():
    scenario = load_scenario(MINI).scenario
    report = explore(scenario, runs=60, policy="comply", why_games=0)
    counts = {e.ending: e.count for e in report.endings if e.count}
    total = sum(counts.values())
    expected = sum(scenario.endings[e].scores.peace * n for e, n in counts.items()) / total
    assert mean_scores(scenario, report)[1] == pytest.approx(expected)


def test_the_comparison_sets_each_policys_shares_side_by_side():
    scenario = load_scenario(MINI).scenario
    reports = {p: explore(scenario, runs=80, policy=p, why_games=0) for p in ("comply", "refuse")}
    comparison = compare(scenario, reports)
    text = render_comparison(scenario, comparison)
    assert "80 games under each policy, seeds 0..79" in text
    appeased = next(line for line in text.splitlines() if line.strip().startswith("Appeasement"))
    # complying with everything accepts the ultimatum: appeasement in every game that gets there
    assert appeased.split()[-2] == f"{comparison.share('comply', 'appeased'):.1%}"
    assert comparison.share("comply", "appeased") > comparison.share("refuse", "appeased") == 0
    assert "War avoided, time bought" in text


def test_explore_policy_all_prints_the_comparison(capsys):
    assert main(["explore", str(MINI), "--runs", "40", "--policy", "all", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data["policies"]) == list(POLICY_NAMES)
    for policy in data["policies"].values():
        assert sum(policy["endings"].values()) + policy["unfinished_share"] == pytest.approx(
            1, abs=1e-3
        )
        assert set(policy["mean_scores"]) == {"sovereignty", "peace", "standing", "lives"}
    assert main(["explore", str(MINI), "--runs", "40", "--policy", "all"]) == 0
    out = capsys.readouterr().out
    assert "Share of games ending in each ending:" in out and "historical" in out


def test_the_authoring_guide_says_what_each_policy_does():
    guide = (Path(__file__).parent.parent.parent / "docs" / "authoring.md").read_text("utf-8")
    section = guide.split("`--policy` says how the games' choices are made:")[1].split("```")[0]
    for name in (*POLICY_NAMES, "all"):
        assert f"`{name}`" in section or f"`--policy {name}`" in section, name
