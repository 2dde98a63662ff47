"""Every policy side by side (`explore --policy all`): how each line of play ends and scores.

One explorer report per policy answers "what does this line of play reach?"; an author tuning the
balance asks "does some simple line beat the rest?". A scenario author's review found it only by
running the five policies one by one: refusing nothing but stalling reached the best-scoring
ending in 90% of games. Here the same seeds are played under each policy and the shares and mean
scores are set in one table, so a dominant line shows at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.analysis.explore import ExploreReport
from game.scenario.model import Scenario, Scores

SCORES = tuple(Scores.model_fields)  # sovereignty, peace, standing, lives: in the model's order


@dataclass(frozen=True)
class Comparison:
    scenario: str
    seed: int
    runs: int
    endings: list[tuple[str, str]]  # (id, title), in declared order
    score_names: list[str]  # the scenario's names of the four scores
    reports: dict[str, ExploreReport]  # policy -> its report, in the order played

    def share(self, policy: str, ending: str) -> float:
        return next(e.share for e in self.reports[policy].endings if e.ending == ending)

    def unfinished(self, policy: str) -> float:
        report = self.reports[policy]
        return report.unfinished / report.runs if report.runs else 0.0


def mean_scores(scenario: Scenario, report: ExploreReport) -> list[float]:
    """The four scores averaged over the report's finished games (nothing if none finished)."""
    finished = [e for e in report.endings if e.count]
    total = sum(e.count for e in finished)
    if not total:
        return []
    return [
        sum(getattr(scenario.endings[e.ending].scores, name) * e.count for e in finished) / total
        for name in SCORES
    ]


def compare(scenario: Scenario, reports: dict[str, ExploreReport]) -> Comparison:
    """The reports (one per policy, same seeds) as one comparison."""
    first = next(iter(reports.values()))
    labels = scenario.score_labels
    return Comparison(
        scenario=scenario.id,
        seed=first.seed,
        runs=first.runs,
        endings=[(eid, ending.title) for eid, ending in scenario.endings.items()],
        score_names=[getattr(labels, name) for name in SCORES],
        reports=reports,
    )


def render_comparison(scenario: Scenario, comparison: Comparison) -> str:
    policies = list(comparison.reports)
    last = comparison.seed + comparison.runs - 1
    lines = [
        f"{comparison.scenario}: {comparison.runs} games under each policy, seeds "
        f"{comparison.seed}..{last}",
        "",
        "Share of games ending in each ending:",
    ]
    width = max(
        [len(title) for _, title in comparison.endings]
        + [len(n) for n in comparison.score_names]
        + [10]
    )
    column = max(max(len(p) for p in policies), 7)
    header = f"  {'':<{width}}" + "".join(f"  {p:>{column}}" for p in policies)
    lines.append(header)
    for eid, title in comparison.endings:
        cells = "".join(f"  {comparison.share(p, eid):>{column}.1%}" for p in policies)
        lines.append(f"  {title:<{width}}{cells}")
    if any(comparison.unfinished(p) for p in policies):
        cells = "".join(f"  {comparison.unfinished(p):>{column}.1%}" for p in policies)
        lines.append(f"  {'(not ended)':<{width}}{cells}")
    lines += ["", "Mean scores (0-10) of the games that ended:"]
    means = {p: mean_scores(scenario, comparison.reports[p]) for p in policies}
    lines.append(header)
    for index, name in enumerate(comparison.score_names):
        cells = "".join(
            f"  {means[p][index]:>{column}.1f}" if means[p] else f"  {'-':>{column}}"
            for p in policies
        )
        lines.append(f"  {name:<{width}}{cells}")
    lines += [
        "",
        "An ending one simple policy reaches far more often than the others, with the best",
        "scores, is a line of play the scenario rewards; `--policy NAME` gives that policy's full",
        "report (what it never reached, and why).",
    ]
    return "\n".join(lines) + "\n"


def comparison_json(scenario: Scenario, comparison: Comparison) -> dict[str, Any]:
    return {
        "scenario": comparison.scenario,
        "seed": comparison.seed,
        "runs": comparison.runs,
        "policies": {
            policy: {
                "endings": {e.ending: round(e.share, 4) for e in report.endings},
                # games still going after the explorer's limit: the count, as a single policy's
                # report gives it, and the share, as the endings' are
                "unfinished": report.unfinished,
                "unfinished_share": round(report.unfinished / report.runs, 4)
                if report.runs
                else 0.0,
                "mean_scores": dict(
                    zip(SCORES, (round(m, 3) for m in mean_scores(scenario, report)), strict=False)
                ),
            }
            for policy, report in comparison.reports.items()
        },
    }
