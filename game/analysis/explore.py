"""The explorer: play many seeded games with a policy and report what an author needs to know.

Game i uses seed `seed + i`, so a report is reproducible, and it is the same whatever the number of
worker processes: seeds are split into contiguous chunks and the chunks' results are merged in seed
order. Forked workers (Linux) take the scenario the parent has loaded; workers started afresh
receive its YAML bytes and load it themselves. Nothing of ours is pickled beyond plain tuples of
numbers and strings going back.
"""

from __future__ import annotations

import math
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import chain
from operator import attrgetter
from typing import Any, NamedTuple

from game.analysis.policies import CHOOSERS, POLICIES
from game.analysis.why import WHY_GAMES, explain
from game.analysis.why_render import render_why
from game.analysis.why_report import NOTHING, WhyReport
from game.engine import rng
from game.engine.actions import EndDay, Respond, TakeAction
from game.engine.index import rule_key, rule_label
from game.engine.run import Run
from game.scenario.model import Scenario

MAX_STEPS = 10_000  # a policy that never ends the day cannot hang the explorer
# A game in which a change of stage was undone a day later or sooner this often is reported:
# once can be a story (the crisis eased, then flared up again); twice looks like two transitions
# that undo each other.
SWINGS = 2


class GameSummary(NamedTuple):
    """What one game reached. Plain values only, so it travels between processes cheaply.

    A named tuple rather than a frozen dataclass: the parent of a parallel run rebuilds one from
    each row the workers send back, serially, and a frozen dataclass sets each field through
    `object.__setattr__` (2,000 games: 0.6 ms instead of 2.8)."""

    seed: int
    ending: str
    days: int
    fired: tuple[str, ...]  # events and intelligence reports
    demands: tuple[str, ...]  # demands presented
    expired: tuple[str, ...]  # demands whose deadline ran out
    actions: tuple[str, ...]  # actions taken
    stages: tuple[str, ...]  # stages entered (the initial one included)
    idle_dates: tuple[str, ...]  # days when no action could be taken at all
    rules: tuple[str, ...] = ()  # actors' rules that fired, as `rules_fired` knows them
    responses: tuple[str, ...] = ()  # answers given, as DEMAND:RESPONSE
    # the stage went straight back where it came from on the next day or sooner (A, B, A), how
    # often, and the first such pair: two transitions that undo each other (an author's review)
    swings: int = 0
    swing: tuple[str, ...] = ()

    def to_tuple(self) -> tuple[Any, ...]:
        """A plain tuple (what crosses between processes: nothing of ours is pickled)."""
        return tuple(self)


def play_one(scenario: Scenario, seed: int, policy: str, max_steps: int = MAX_STEPS) -> GameSummary:
    """One game to its end (or `max_steps` choices), played in place (`Run`: no state is frozen
    and no log kept between choices). A game that does not end has ending "": the report counts
    it as unfinished."""
    choose = CHOOSERS[policy]
    run = Run(scenario, seed, quiet=True)
    generator = rng.seed_state(seed)
    # the stages entered, in order, each with the day it was entered on
    path = [(scenario.initial_stage, 1)]
    path.extend((e.ref, 1) for e in run.events if e.kind == "stage")
    idle: list[str] = []
    answers: list[Respond] = []  # the only per-step bookkeeping: stalls leave no trace in the state
    day_checked = 0
    today = run.date
    new_day = True  # only ending the day moves the date on: the day is read again only then
    for _ in range(max_steps):
        legal = run.legal()
        if not legal:  # the game is over (until then, ending the day is always possible)
            break
        if new_day:
            new_day = False
            day_checked, today = run.day, run.date
            for option in legal:  # (a loop, not a generator per day)
                if type(option) is TakeAction:  # (not isinstance: see api.perform)
                    break
            else:
                idle.append(today.isoformat())
        choice, generator = choose(scenario, today, legal, generator)
        if type(choice) is Respond:  # (type(), not a pydantic model's slow __class__)
            answers.append(choice)
        elif type(choice) is EndDay:
            new_day = True
        for event in run.play(choice):  # a loop, not a generator per step
            if event.kind == "stage":
                path.append((event.ref, day_checked))  # the day of the choice (its dusk or dawn)
    state = run.state(go_on=False)
    swings, swing = back_and_forth(path)
    return GameSummary(
        seed=seed,
        ending=state.ending or "",
        days=state.day,
        fired=tuple(sorted(state.fired)),
        demands=tuple(sorted(state.demands)),
        expired=tuple(sorted(d for d, a in state.demands.items() if a.status == "expired")),
        actions=tuple(sorted(state.taken)),
        stages=tuple(sorted({stage for stage, _ in path})),
        idle_dates=tuple(idle),
        rules=tuple(sorted(state.rules_fired)),
        responses=tuple(sorted({f"{a.demand}:{a.response}" for a in answers})),
        swings=swings,
        swing=swing,
    )


def back_and_forth(path: list[tuple[str, int]]) -> tuple[int, tuple[str, ...]]:
    """How often a change of stage was undone a day later or sooner (from A to B, then straight
    back to A), and the first such change (A, B). How long A had lasted does not matter: a stage
    held for days and then flipped at three dusks in a row swings twice."""
    swings = 0
    first: tuple[str, ...] = ()
    for (before, _), (between, day1), (after, day2) in zip(path, path[1:], path[2:], strict=False):
        if after == before and day2 - day1 <= 1:
            swings += 1
            first = first or (before, between)
    return swings, first


def play_range(scenario: Scenario, start: int, stop: int, policy: str) -> list[GameSummary]:
    return [play_one(scenario, seed, policy) for seed in range(start, stop)]


# --- statistics (pure) ------------------------------------------------------------------------


def wilson(successes: int, trials: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval for a proportion (95% by default); (0, 1) when there are no trials."""
    if trials <= 0:
        return 0.0, 1.0
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    # at the edges the exact bound is 0 or 1; rounding must not move the share outside its interval
    low = 0.0 if successes == 0 else max(0.0, min(p, centre - half))
    high = 1.0 if successes == trials else min(1.0, max(p, centre + half))
    return low, high


@dataclass(frozen=True)
class EndingShare:
    ending: str
    title: str
    count: int
    share: float
    low: float
    high: float


@dataclass(frozen=True)
class ExploreReport:
    scenario: str
    policy: str
    seed: int
    runs: int
    endings: list[EndingShare]
    mean_days: float
    unreached: dict[str, list[str]]  # section -> ids never seen in any run
    idle_days: dict[str, int]  # date -> number of games in which no action was possible that day
    deadlines_never_ran_out: list[str]  # demands presented, with a deadline that never expired
    # answers (DEMAND:RESPONSE) never given to a demand presented: by this policy, not impossible
    responses_never_given: list[str] = field(default_factory=list)
    rule_titles: dict[str, str] = field(default_factory=dict)  # actor rule key -> its title
    unfinished: int = (
        0  # games still going after MAX_STEPS choices (a free choice repeated forever?)
    )
    # demands presented in some game, and those of them with a deadline (in declared order): when
    # empty, "every response given" and "every deadline ran out" would be only vacuously true
    demands_presented: list[str] = field(default_factory=list)
    deadlines_presented: list[str] = field(default_factory=list)
    # games in which the stage went straight back and forth at least SWINGS times, and the first
    # of them (its seed and the two stages)
    swinging: int = 0
    swing_example: tuple[int, str, str] | None = None
    games: list[GameSummary] = field(default_factory=list, repr=False)
    # why what was never reached was not (see game.analysis.why): filled by `explore`
    why: WhyReport = NOTHING

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "policy": self.policy,
            "seed": self.seed,
            "runs": self.runs,
            "endings": [
                {
                    "id": e.ending,
                    "title": e.title,
                    "count": e.count,
                    "share": round(e.share, 4),
                    "ci95": [round(e.low, 4), round(e.high, 4)],
                }
                for e in self.endings
            ],
            "mean_days": round(self.mean_days, 3),
            "unreached": self.unreached,
            "idle_days": self.idle_days,
            "deadlines_never_ran_out": self.deadlines_never_ran_out,
            "responses_never_given": self.responses_never_given,
            "unfinished": self.unfinished,
            "demands_presented": self.demands_presented,
            "deadlines_presented": self.deadlines_presented,
            "back_and_forth": {
                "games": self.swinging,
                "example": None
                if self.swing_example is None
                else dict(zip(("seed", "from", "to"), self.swing_example, strict=True)),
            },
            "why": self.why.to_json(),
        }


def summarise(
    scenario: Scenario, games: list[GameSummary], *, policy: str, seed: int
) -> ExploreReport:
    """Merge the games' summaries into the report (games in seed order).

    This runs in the parent after every worker has finished, so it is the serial part of a
    parallel run: each set of ids is gathered once (not once per id of the scenario), and the
    loops over the games run in C (`map`, `attrgetter`, `set().union`, `Counter`)."""
    runs = len(games)
    counts = Counter(map(attrgetter("ending"), games))
    endings = []
    for eid, ending in scenario.endings.items():
        count = counts.get(eid, 0)
        low, high = wilson(count, runs)
        endings.append(
            EndingShare(eid, ending.title, count, count / runs if runs else 0.0, low, high)
        )

    def seen(attribute: str) -> set[str]:
        return set().union(*map(attrgetter(attribute), games))

    fired = seen("fired")
    presented = seen("demands")
    stages, actions, rules_fired = seen("stages"), seen("actions"), seen("rules")
    rules = {
        rule_key(aid, position, rule.id): rule.title
        for aid, actor in scenario.actors.items()
        for position, rule in enumerate(actor.rules)
    }
    unreached = {
        "endings": [e for e in scenario.endings if not counts.get(e)],
        "stages": [s for s in scenario.stages if s not in stages],
        "events": [e for e in scenario.events if e not in fired],
        "intel": [i for i in scenario.intel if i not in fired],
        "demands": [d for d in scenario.demands if d not in presented],
        "actions": [a for a in scenario.actions if a not in actions],
        "actor_rules": [key for key in rules if key not in rules_fired],
    }
    given = seen("responses")
    never_given = [
        f"{d}:{r}"
        for d, spec in scenario.demands.items()
        if d in presented
        for r in spec.responses
        if f"{d}:{r}" not in given
    ]
    idle = Counter(chain.from_iterable(map(attrgetter("idle_dates"), games)))
    expired = seen("expired")
    # a demand never presented is listed as unreached; its deadline could not run out
    with_deadline = [
        d
        for d, spec in scenario.demands.items()
        if (spec.deadline is not None or spec.deadline_days is not None) and d in presented
    ]
    swinging = [g for g in games if g.swings >= SWINGS]
    return ExploreReport(
        scenario=scenario.id,
        policy=policy,
        seed=seed,
        runs=runs,
        endings=endings,
        mean_days=sum(map(attrgetter("days"), games)) / runs if runs else 0.0,
        unreached=unreached,
        idle_days=dict(sorted(idle.items())),
        deadlines_never_ran_out=[d for d in with_deadline if d not in expired],
        responses_never_given=never_given,
        rule_titles=rules,
        unfinished=counts.get("", 0),
        demands_presented=[d for d in scenario.demands if d in presented],
        deadlines_presented=with_deadline,
        swinging=len(swinging),
        swing_example=_example(swinging[0]) if swinging else None,
        games=games,
    )


def _example(game: GameSummary) -> tuple[int, str, str]:
    there, back = game.swing
    return game.seed, there, back


# Seed ranges per worker. The run lasts as long as its busiest worker, and the one left with
# the last range works alone; but each range also costs the parent CPU time (sending it, taking
# its rows back: about 1.4 ms for each range more), taken from the workers on a machine with as
# many cores as workers. Measured on 2,000 games with 2 workers, 8 interleaved rounds: 4, 8 and
# 16 ranges per worker, and ranges halving in size towards the end, all ran at 1,397-1,430 games
# per second per core (medians); on 300 games, 4 ranges ran at 1,225 and 16 at 1,108.
RANGES_PER_WORKER = 4


def chunks(start: int, runs: int, jobs: int) -> list[tuple[int, int]]:
    """Contiguous seed ranges: a few per worker, so progress can be shown and work stays
    balanced (see RANGES_PER_WORKER); in one process, one per 50 games, for the progress."""
    if runs <= 0:
        return []
    pieces = max(1, min(runs, jobs * RANGES_PER_WORKER if jobs > 1 else runs // 50))
    size = math.ceil(runs / pieces)
    return [(s, min(s + size, start + runs)) for s in range(start, start + runs, size)]


# --- running in parallel ------------------------------------------------------------------------

_worker_scenario: Scenario | None = None


def _quiet_on_interrupt() -> None:
    """Ctrl-C reaches every process of the terminal: a worker leaves it to the parent, which
    stops the pool (robustness review: each worker printed 'Process ForkPoolWorker-1:' and a
    traceback)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _init_worker(raw: bytes, name: str) -> None:
    global _worker_scenario
    from game.scenario.load import load_scenario_bytes

    _quiet_on_interrupt()
    _worker_scenario = load_scenario_bytes(raw, name).scenario


def _adopt(scenario: Scenario) -> None:
    """A forked worker starts with the parent's memory: it takes the scenario already loaded."""
    global _worker_scenario
    _quiet_on_interrupt()
    _worker_scenario = scenario


def _work(task: tuple[int, int, str]) -> list[tuple[Any, ...]]:
    assert _worker_scenario is not None
    start, stop, policy = task
    return _shared_rows(play_range(_worker_scenario, start, stop, policy))


def _shared_rows(games: list[GameSummary]) -> list[tuple[Any, ...]]:
    """The games as rows, with equal values made one object: pickle writes an object it has
    already written in the same message as a reference of a few bytes, and the parent then
    unpickles it once. Many games reach the same stages and demands, and the answers given and
    idle dates are strings made afresh in each game (the ids in the other fields are the
    scenario's own strings already): the rows of 2,000 games go from about 570 kB to about
    half that, and the parent builds that many fewer objects."""
    first: dict[Any, Any] = {}  # each value -> the first object equal to it

    def share(value: Any) -> Any:
        return first.setdefault(value, value)

    rows = []
    for g in games:
        row = g.to_tuple()
        rows.append(
            (
                *row[:3],
                *map(share, row[3:9]),  # fired .. idle_dates: the tuples of ids and dates
                share(row[9]),  # rules
                share(tuple(map(share, g.responses))),
                *row[11:],
            )
        )
    return rows


def explore(
    scenario: Scenario,
    *,
    runs: int,
    seed: int = 0,
    policy: str = "random",
    jobs: int = 1,
    source: tuple[bytes, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    why_games: int = WHY_GAMES,
) -> ExploreReport:
    """Play `runs` games (seeds seed .. seed+runs-1). With jobs > 1 and `source` (the YAML bytes
    and name the scenario was loaded from), games are played by worker processes: forked ones
    take the scenario already loaded, others load `source`. Without `source`, one process plays.

    When something was never reached, the first `why_games` games are played again, in this
    process, to say why (`report.why`, which points into `source` when given); when everything
    was, nothing more is played."""
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}; choose one of {', '.join(POLICIES)}")
    ranges = chunks(seed, runs, jobs)
    games: list[GameSummary] = []
    done = 0
    if jobs <= 1 or source is None or len(ranges) <= 1:
        for start, stop in ranges:
            games.extend(play_range(scenario, start, stop, policy))
            done += stop - start
            if progress:
                progress(done, runs)
    else:
        import multiprocessing

        context = multiprocessing.get_context()
        # A forked worker needs nothing loaded; one started afresh (spawn, forkserver) gets the
        # YAML and checks it itself, since only plain values cross between processes then.
        forked = context.get_start_method() == "fork"
        setup: tuple[Callable[..., None], tuple[Any, ...]] = (
            (_adopt, (scenario,)) if forked else (_init_worker, source)
        )
        with context.Pool(jobs, initializer=setup[0], initargs=setup[1]) as pool:
            # imap keeps the chunks in seed order whatever order the workers finish in
            for (start, stop), rows in zip(
                ranges, pool.imap(_work, [(a, b, policy) for a, b in ranges]), strict=True
            ):
                games.extend(map(GameSummary._make, rows))
                done += stop - start
                if progress:
                    progress(done, runs)
    report = summarise(scenario, games, policy=policy, seed=seed)
    if why_games <= 0:
        return report
    why = explain(report, scenario, max_steps=MAX_STEPS, games=why_games, source=source)
    return replace(report, why=why)


# --- the readable report ------------------------------------------------------------------------


def render_report(report: ExploreReport) -> str:
    lines = [
        f"{report.scenario}: {report.runs} games, policy '{report.policy}', seeds {report.seed}..{report.seed + report.runs - 1}",
        "",
    ]
    width = max([len(e.title) for e in report.endings] + [6])
    lines.append(f"  {'ending':<{width}}  {'games':>6}  {'share':>6}  95% interval")
    for e in report.endings:
        lines.append(
            f"  {e.title:<{width}}  {e.count:>6}  {e.share:>6.1%}  {e.low:.1%} – {e.high:.1%}"
        )
    lines += ["", f"Mean game length: {report.mean_days:.2f} days", ""]
    if report.unfinished:
        lines += [
            f"{report.unfinished} game(s) had not ended after {MAX_STEPS:,} choices: is there a choice that costs",
            "nothing and can be repeated forever (e.g. a stalling answer with cost 0)?",
            "",
        ]
    missing = {k: v for k, v in report.unreached.items() if v}
    if missing:
        lines.append("Never reached:")
        for section, ids in missing.items():
            # a rule without an id is known by its place: its title says which it is
            if section == "actor_rules":
                named = [f'{rule_label(key)} "{report.rule_titles[key]}"' for key in ids]
                lines.append(f"  actor rules (never fired): {', '.join(named)}")
            else:
                lines.append(f"  {section}: {', '.join(ids)}")
    never_given = report.responses_never_given
    if never_given:
        lines.append(f"Responses never given by this policy: {', '.join(never_given)}")
    presented = bool(report.demands_presented)
    if not missing:
        given = ", and every response was given" if presented and not never_given else ""
        lines.append(
            "Every ending, stage, event, report, demand, action and actor rule was reached"
            f" at least once{given}."
        )
    elif not presented:
        lines.append("No demand was presented in any game, so no response was given.")
    elif not never_given:
        lines.append("Every response to a demand presented was given at least once.")
    lines.append("")
    why = render_why(report.why)
    if why:
        lines += [*why, ""]
    if report.idle_days:
        lines.append("Days with no action possible (games):")
        lines += [f"  {date}: {count}" for date, count in report.idle_days.items()]
    else:
        lines.append("There was always some action possible.")
    lines.append("")
    if report.swing_example is not None:
        seed, there, back = report.swing_example
        lines += textwrap.wrap(
            "The stage went straight back where it came from (a change undone a day later or"
            f" sooner, {SWINGS} times or more) in {report.swinging} game(s), e.g. seed {seed}:"
            f" {there} -> {back} -> {there}. Two transitions may each undo the other: give one an"
            " `unless`, or a condition the other stage does not reverse at once.",
            width=100,
        )
        lines.append("")
    if report.deadlines_never_ran_out:
        lines.append(f"Deadlines that never ran out: {', '.join(report.deadlines_never_ran_out)}")
    elif not presented:
        lines.append("No demand was presented in any game, so no deadline could run out.")
    elif not report.deadlines_presented:
        lines.append("No demand presented had a deadline.")
    elif report.unreached.get("demands"):
        lines.append("Every deadline of a demand presented ran out in at least one game.")
    else:
        lines.append("Every deadline ran out in at least one game.")
    return "\n".join(lines) + "\n"


def all_seen(games: Iterable[GameSummary]) -> set[str]:
    """Every id any game reached (for tests and quick checks)."""
    return {
        ident
        for g in games
        for part in (g.fired, g.demands, g.actions, g.stages, (g.ending,))
        for ident in part
    }
