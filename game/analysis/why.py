"""Why the explorer never reached something: which part of its condition never held.

`explain` takes an explorer's report and, only when something was never reached, plays the first
games of the run again (the same seeds and policy, so the very same games) and tests the
conditions of the unreached items on the games' states, part by part. A condition is split at its
top-level `and`; a top-level `or` is split into its branches first, each split at its own `and`.
Parts are compiled by the game's own expression compiler, never by eval.

When the states are taken (`MOMENTS`): the engine tests events, reports, demands and actors' rules
during the dawn, each in its turn, where nothing outside the engine can look in; so they are tested
on the state the council opens with, after the dawn (the very state the actions' and answers'
conditions are first tested on), and the report says so. Stage transitions and endings are tested
on the state the council closes with, which is the state dusk tests them on.

What needs no game is said in plain sentences: an item that only effects bring and which effects
do, and (for a scenario built in code: `validate` refuses them in a file) a date outside the
calendar or an action dearer than a day's points.
"""

from __future__ import annotations

import ast
import datetime as dt
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from game.analysis.policies import CHOOSERS
from game.engine import rng
from game.engine.actions import EndDay
from game.engine.index import EndingRow, condition, rule_key, scenario_index
from game.engine.run import Run
from game.engine.turn import Reader
from game.scenario.expr import compile_expr, parse
from game.scenario.expr.compile import Compiled
from game.scenario.model import Scenario
from game.scenario.walk import all_effects
from game.scenario.yaml_source import Path, YamlDocument, decode, read_yaml

if TYPE_CHECKING:
    from game.analysis.explore import ExploreReport

WHY_GAMES = 200  # games played again to explain what was never reached: enough to see a part
# that held on one day in a hundred, few enough to cost a fraction of a second on one core

Moment = Literal["dawn", "dusk"]
MOMENTS: dict[Moment, str] = {  # the state a condition is tested on, in words
    "dawn": "the state each council opened with, after the dawn",
    "dusk": "the state each council closed with, which dusk tests them on",
}

# the words for an item of each section, as the report names it
KINDS = {
    "endings": "ending",
    "stages": "stage",
    "events": "event",
    "intel": "report",
    "demands": "demand",
    "actions": "action",
    "actor_rules": "actor rule",
    "responses": "answer",
}


# --- splitting a condition ------------------------------------------------------------------


class Part(NamedTuple):
    text: str  # as the author wrote it, on one line
    test: Compiled
    negated: bool  # an `unless`: the way is open when it does *not* hold


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _segment(text: str, node: ast.expr) -> str:
    """The text of one node of `text`'s tree, as written. `parse` reads the text wrapped in
    parentheses on lines of their own (so a folded YAML string may span lines); positions are
    in that wrapping."""
    found = ast.get_source_segment("(" + text + "\n)", node)
    return found if found else ast.unparse(node)


def branches(text: str) -> list[tuple[str, list[Part]]]:
    """The condition's branches (its top-level `or`; one branch when there is none), each with
    its text and its parts (the branch's top-level `and`; the branch itself when there is none)."""
    tree = parse(text)
    alternatives = (
        tree.values if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.Or) else [tree]
    )
    found = []
    for alternative in alternatives:
        pieces = (
            alternative.values
            if isinstance(alternative, ast.BoolOp) and isinstance(alternative.op, ast.And)
            else [alternative]
        )
        parts = []
        for piece in pieces:
            source = _segment(text, piece)
            parts.append(Part(_one_line(source), compile_expr(source), False))
        found.append((_one_line(_segment(text, alternative)), parts))
    return found


# --- what is reported -------------------------------------------------------------------------


@dataclass(frozen=True)
class PartCount:
    text: str
    held: int  # samples on which the part, as written, held
    negated: bool = False  # an `unless`: it is in the way when it holds


@dataclass(frozen=True)
class BranchCount:
    text: str
    together: int  # samples on which every part of the branch was met at once
    parts: tuple[PartCount, ...]


@dataclass(frozen=True)
class CheckCount:
    """One condition tested on the samples of its scope."""

    label: str  # what the condition is: "when", "transition from calm" ...
    text: str  # the whole condition, as written (a transition's `unless` added)
    moment: Moment
    scope: str  # which samples count, in words ("" for every day of every game)
    samples: int
    held: int  # samples on which the whole condition held
    branches: tuple[BranchCount, ...]
    beaten: int = 0  # of `held`, the samples on which something tried before it held too
    where: str = ""  # FILE:LINE:COL of the condition, when the file is known

    def met(self, part: PartCount) -> int:
        """Samples on which the part was met (for an `unless`: on which it did not hold)."""
        return self.samples - part.held if part.negated else part.held

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "condition": self.text,
            "moment": self.moment,
            "scope": self.scope,
            "samples": self.samples,
            "held": self.held,
            "beaten": self.beaten,
            "where": self.where,
            "branches": [
                {
                    "condition": b.text,
                    "together": b.together,
                    "parts": [
                        {"condition": p.text, "held": p.held, "unless": p.negated} for p in b.parts
                    ],
                }
                for b in self.branches
            ],
        }


@dataclass(frozen=True)
class Explained:
    """One item never reached, and what is known of why."""

    section: str  # as in ExploreReport.unreached, or "responses"
    ident: str
    title: str = ""  # an actor rule's title (a rule without an id is known by its place)
    checks: tuple[CheckCount, ...] = ()
    notes: tuple[str, ...] = ()  # plain sentences: what keeps it out, or what the counts mean
    where: str = ""  # FILE:LINE:COL of its condition (or of the item), when the file is known

    def to_json(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "id": self.ident,
            "title": self.title,
            "where": self.where,
            "checks": [c.to_json() for c in self.checks],
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class WhyReport:
    games: int  # games played again (the first of the run); 0 when nothing needed explaining
    items: tuple[Explained, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "games": self.games,
            "moments": dict(MOMENTS),
            "items": [item.to_json() for item in self.items],
        }


NOTHING = WhyReport(0)


# --- tallies, filled while the games are played again -------------------------------------------


Scope = Callable[[Reader], bool]


def _always(reader: Reader) -> bool:
    return True


@dataclass
class _Probe:
    """One condition being counted (mutable while sampling; frozen into a CheckCount after)."""

    label: str
    text: str
    moment: Moment
    scope_words: str
    in_scope: Scope
    parts: list[tuple[str, list[Part]]]  # the branches
    earlier: Callable[[Reader], bool] | None = None  # whether something tried first holds too
    path: Path = ()  # where the condition is written (its `when`)
    # an amount to watch where the condition holds (an event's probability written as an
    # expression): the most it came to, None until it held
    amount: Compiled | None = None
    most: int | None = None
    samples: int = 0
    held: int = 0
    beaten: int = 0
    part_held: list[list[int]] = field(default_factory=list)
    together: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.part_held = [[0] * len(parts) for _, parts in self.parts]
        self.together = [0] * len(self.parts)

    def sample(self, reader: Reader) -> None:
        if not self.in_scope(reader):
            return
        self.samples += 1
        whole = not self.parts  # no condition: it always holds
        for b, (_, parts) in enumerate(self.parts):
            counts, every = self.part_held[b], True
            for p, part in enumerate(parts):
                holds = bool(part.test(reader))
                if holds:
                    counts[p] += 1
                if holds == part.negated:
                    every = False
            if every:
                self.together[b] += 1
                whole = True
        if whole:
            self.held += 1
            if self.earlier is not None and self.earlier(reader):
                self.beaten += 1
            if self.amount is not None:
                value = int(self.amount(reader))
                self.most = value if self.most is None else max(self.most, value)

    def frozen(self, where: str = "") -> CheckCount:
        return CheckCount(
            self.label,
            self.text,
            self.moment,
            self.scope_words,
            self.samples,
            self.held,
            tuple(
                BranchCount(
                    text,
                    self.together[b],
                    tuple(
                        PartCount(part.text, self.part_held[b][p], part.negated)
                        for p, part in enumerate(parts)
                    ),
                )
                for b, (text, parts) in enumerate(self.parts)
            ),
            self.beaten,
            where,
        )


# --- what to test, item by item -----------------------------------------------------------------


@dataclass
class _Item:
    section: str
    ident: str
    base: Path  # where the item is written in the file
    title: str = ""
    condition: str = "when"  # the key of its condition under `base`, pointed at when written
    probes: list[_Probe] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # known without playing
    # sentences the counts call for, once the games are played (given the frozen checks)
    after: Callable[[list[CheckCount]], list[str]] | None = None


def _condition_parts(when: str | None, unless: str | None = None) -> list[tuple[str, list[Part]]]:
    """The branches to count; none when the condition always holds (absent or "true")."""
    found = branches(when) if condition(when) is not None and when is not None else []
    if unless:
        blocker = Part("unless " + _one_line(unless), compile_expr(unless), True)
        found = [(text, [*parts, blocker]) for text, parts in found] or [("", [blocker])]
    return found


def _whole_text(when: str | None, unless: str | None = None) -> str:
    text = _one_line(when) if when and when != "true" else ""
    if unless:
        text = f"{text} unless {_one_line(unless)}".strip()
    return text


def _probe(
    label: str,
    when: str | None,
    moment: Moment,
    *,
    unless: str | None = None,
    scope: tuple[str, Scope] = ("", _always),
    earlier: Callable[[Reader], bool] | None = None,
    path: Path = (),
) -> _Probe:
    return _Probe(
        label,
        _whole_text(when, unless),
        moment,
        scope[0],
        scope[1],
        _condition_parts(when, unless),
        earlier,
        path,
    )


def _on_date(day: dt.date) -> tuple[str, Scope]:
    return f"tested on its date only, {day.isoformat()}", lambda reader: reader.date == day


def _days(count: int) -> str:
    return f"{count:,} day{'' if count == 1 else 's'}"


def _dusks(count: int) -> str:
    return f"{count:,} dusk{'' if count == 1 else 's'}"


def _chance(probability: int | str) -> str:
    return f"{probability}%" if isinstance(probability, int) else f'"{_one_line(probability)}"'


class _Context(NamedTuple):
    """What every item's planning reads: the scenario, the report, and derived look-ups."""

    scenario: Scenario
    report: ExploreReport
    games: int  # how many games are played again
    unreached: Mapping[str, frozenset[str]]
    expired: frozenset[str]  # demands whose deadline ran out in some game

    def reached(self, path: tuple[str | int, ...]) -> bool | None:
        """Whether the owner of the effects at `path` happened in some game (None: an inject,
        which only a teacher releases)."""
        section, ident = str(path[0]), str(path[1])
        if section == "injects":
            return None
        if section == "demands" and path[2] in ("on_expiry", "expiry_outcomes"):
            return ident in self.expired
        if section == "demands":
            answer = f"{ident}:{path[3]}"
            return (
                ident not in self.unreached["demands"]
                and answer not in self.report.responses_never_given
            )
        if section == "actors":
            actor = self.scenario.actors[ident]
            position = int(path[3])
            key = rule_key(ident, position, actor.rules[position].id)
            return key not in self.unreached["actor_rules"]
        return ident not in self.unreached[section]


def _owner(scenario: Scenario, path: tuple[str | int, ...]) -> tuple[str, str]:
    """What runs the effects at `path`, as the report names it, and the words for its never
    having happened."""
    section, ident = str(path[0]), str(path[1])
    if section == "stages":
        return (
            f"{'entering' if path[2] == 'on_enter' else 'leaving'} stage {ident}",
            "never reached",
        )
    if section == "demands" and path[2] in ("on_expiry", "expiry_outcomes"):
        return f"demand {ident} running out", "it never ran out"
    if section == "demands":
        return f"answer {ident}:{path[3]}", "never given"
    if section == "actors":
        position = int(path[3])
        key = rule_key(ident, position, scenario.actors[ident].rules[position].id)
        return f"actor rule {key}", "never fired"
    if section == "actions":
        return f"action {ident}", "never taken"
    if section == "injects":
        return f"inject {ident}", "a teacher's inject: explore releases none"
    return f"{KINDS[section]} {ident}", "never reached"


def _brought_by(context: _Context, key: str, ident: str) -> list[str]:
    """Where an effect `key` (trigger, issue, goto, end) names `ident`, each with whether what
    runs it happened in the games explored."""
    found: list[str] = []
    for path, effects in all_effects(context.scenario):
        value = getattr(effects, key)
        if value != ident and not (isinstance(value, list) and ident in value):
            continue
        name, never = _owner(context.scenario, path)
        said = ["one of its outcomes"] if "outcomes" in path or "expiry_outcomes" in path else []
        if not context.reached(path):
            said.append(never)
        words = f"{name} ({', '.join(said)})" if said else name
        if words not in found:
            found.append(words)
    return found


def _also_by(owners: list[str], key: str, what: str) -> list[str]:
    if not owners:
        return []
    return [f"An effect can also {what}: `{key}` in {', '.join(owners)}."]


def _dawn_item(context: _Context, section: str, ident: str) -> _Item:
    """An event, a report or a demand: brought at dawn by its date and its `when`."""
    scenario, games = context.scenario, context.games
    spec: Any = getattr(scenario, section)[ident]
    key, verb = ("issue", "present") if section == "demands" else ("trigger", "bring")
    item = _Item(section, ident, (section, ident))
    owners = _brought_by(context, key, ident)
    calendar = scenario.calendar
    if spec.date is None and spec.when is None:
        if owners:
            item.notes.append(
                f"It has no date and no `when`, so only an effect can {verb} it: `{key}` in"
                f" {', '.join(owners)}."
            )
        else:
            item.notes.append(
                f"It has no date and no `when`, and no effect can {verb} it (`{key}`): nothing can."
            )
        return item
    if spec.date is not None and not calendar.start <= spec.date <= calendar.end:
        side = (
            "before the calendar's first day"
            if spec.date < calendar.start
            else ("after the calendar's last day")
        )
        item.notes.append(
            f"Its date, {spec.date.isoformat()}, is {side} ({calendar.start.isoformat()} to"
            f" {calendar.end.isoformat()}): no dawn tests it."
        )
        item.notes += _also_by(owners, key, f"{verb} it")
        return item
    chance = getattr(spec, "probability", 100)  # a demand has none: it always comes when due
    if chance == 0:
        item.notes.append("Its probability is 0%: it never comes at dawn.")
        item.notes += _also_by(owners, key, f"{verb} it")
        return item
    scope = _on_date(spec.date) if spec.date is not None else ("", _always)
    probe = _probe("when", spec.when, "dawn", scope=scope)
    if isinstance(chance, str):
        probe.amount = compile_expr(chance)
    item.probes.append(probe)

    def after(checks: list[CheckCount]) -> list[str]:
        check = checks[0]
        if check.samples == 0:
            return [
                f"No game of the first {games:,} was still going after the dawn of its date,"
                f" {spec.date.isoformat()}."
            ]
        if not check.held:
            return []  # the parts say it
        if spec.when is None:
            said = f"Its date came in {check.samples:,} of the first {games:,} games"
        else:
            said = f"Its condition held on {check.held:,} of {_days(check.samples)}"
        if isinstance(chance, str) and probe.most is not None:
            return [
                f"{said}, but it comes only by chance: its probability, {_chance(chance)}, came to"
                f" at most {probe.most}% on those days."
            ]
        if chance != 100:
            return [f"{said}, but it comes only by chance (probability {_chance(chance)})."]
        return [
            f"{said} as councils opened, but not when the dawn tested it (earlier in the dawn,"
            " before the items and actors' moves after it)."
        ]

    item.after = after
    item.notes += _also_by(owners, key, f"{verb} it")
    return item


def _action_item(context: _Context, ident: str) -> _Item:
    scenario, policy = context.scenario, context.report.policy
    spec = scenario.actions[ident]
    item = _Item("actions", ident, ("actions", ident))
    points = scenario.calendar.actions_per_day
    if spec.cost > points:
        item.notes.append(
            f"It costs {spec.cost} action points; a day has only {points}: it is never offered."
        )
        return item
    item.probes.append(_probe("when", spec.when, "dawn"))

    def after(checks: list[CheckCount]) -> list[str]:
        check = checks[0]
        if not check.held:
            return []
        # as a council opens the day's points are whole, so a condition that holds then offers it
        said = (
            f"Its condition held on {check.held:,} of {_days(check.samples)} as councils"
            " opened, so it was offered then"
            if check.branches
            else f"It has no condition, so it was offered at each of the {check.samples:,} councils"
        )
        return [f"{said}: the policy '{policy}' never chose it."]

    item.after = after
    return item


def _response_item(context: _Context, answer: str) -> _Item:
    scenario, policy = context.scenario, context.report.policy
    demand, _, rid = answer.partition(":")
    spec = scenario.demands[demand].responses[rid]
    item = _Item("responses", answer, ("demands", demand, "responses", rid))
    points = scenario.calendar.actions_per_day
    if spec.cost > points:
        item.notes.append(
            f"It costs {spec.cost} action points; a day has only {points}: it is never offered."
        )
        return item

    def open_now(reader: Reader) -> bool:
        active = reader.demands.get(demand)
        return (
            active is not None and active.status == "pending" and active.answered_on != reader.date
        )

    scope = (f"tested on the days {demand} was open", open_now)
    item.probes.append(_probe("when", spec.when, "dawn", scope=scope))

    def after(checks: list[CheckCount]) -> list[str]:
        check = checks[0]
        if check.samples == 0:
            return [
                f"The demand was never open as a council opened in the first {context.games:,}"
                " games (it was answered the day it came, or came during a council)."
            ]
        if not check.held:
            return []
        said = (
            f"Its condition held on {check.held:,} of the {_days(check.samples)} the demand was"
            " open as a council opened"
            if check.branches
            else f"It could be given on each of the {_days(check.samples)} the demand was open as"
            " a council opened"
        )
        return [f"{said}: the policy '{policy}' never chose it."]

    item.after = after
    return item


def _rule_item(context: _Context, key: str) -> _Item:
    scenario = context.scenario
    actor_id, _, _ = key.partition(".")
    actor = scenario.actors[actor_id]
    position, rule = next(
        (position, rule)
        for position, rule in enumerate(actor.rules)
        if rule_key(actor_id, position, rule.id) == key
    )
    item = _Item("actor_rules", key, ("actors", actor_id, "rules", position), rule.title)
    if isinstance(rule.weight, int) and rule.weight <= 0:
        item.notes.append(f"Its weight is {rule.weight}: it is never picked.")
        return item
    item.probes.append(_probe("when", rule.when, "dawn"))

    def after(checks: list[CheckCount]) -> list[str]:
        check = checks[0]
        if not check.held:
            return []
        said = (
            f"Its condition held on {check.held:,} of {_days(check.samples)} as councils opened"
            " (the dawn tests it a little earlier, before the moves of the actors after it)"
            if check.branches
            else f"It has no condition: it could fire at each of {_days(check.samples)}' dawns"
        )
        return [
            f"{said}, but it never fired: at each dawn one of the actor's rules that hold is"
            f" picked by weight (this one's: {_amount(rule.weight)}), or none, by the actor's idle"
            f" weight ({_amount(actor.idle_weight)})."
        ]

    item.after = after
    return item


def _amount(value: int | str) -> str:
    return str(value) if isinstance(value, int) else f'"{_one_line(value)}"'


def _stage_item(context: _Context, ident: str) -> _Item:
    scenario, games = context.scenario, context.games
    tables = scenario_index(scenario)
    item = _Item("stages", ident, ("stages", ident), condition="")
    ways = [
        (source, position, transition)
        for source, stage in scenario.stages.items()
        if source != ident
        for position, transition in enumerate(stage.transitions)
        if transition.to == ident
    ]
    gotos = _brought_by(context, "goto", ident)
    if not ways and not gotos:
        item.notes.append(
            "No transition leads to it and no effect moves the game there (`goto`): nothing can."
        )
        return item
    sources = []
    for source, position, transition in ways:
        if source in context.unreached["stages"]:
            item.notes.append(f"Its way in from {source}: {source} itself was never reached.")
            continue
        first = tables.transitions[source][:position]

        def earlier(reader: Reader, rows: Any = first) -> bool:
            return any(
                (when is None or when(reader))
                and not (has_unless and (unless is None or unless(reader)))
                for _, _, when, unless, has_unless in rows
            )

        stage_scope = (f"tested on days in stage {source}", _in_stage(source))
        item.probes.append(
            _probe(
                f"way in from {source}",
                transition.when,
                "dusk",
                unless=transition.unless,
                scope=stage_scope,
                earlier=earlier if first else None,
                path=("stages", source, "transitions", position, "when"),
            )
        )
        sources.append(source)

    def after(checks: list[CheckCount]) -> list[str]:
        said = []
        for source, check in zip(sources, checks, strict=True):
            if check.samples == 0:
                said.append(
                    f"No game of the first {games:,} was in stage {source} as a council closed."
                )
            elif check.held and check.beaten == check.held:
                said.append(
                    f"The way in from {source} was open at {_dusks(check.held)}, but each time a"
                    f" transition of {source} written before it was open too, and dusk takes the"
                    " first."
                )
        return said

    item.after = after
    if not ways:
        item.notes.append(
            "No transition leads to it, so only an effect can move the game there: `goto` in"
            f" {', '.join(gotos)}."
        )
    else:
        item.notes += _also_by(gotos, "goto", "move the game there")
    return item


def _in_stage(stage: str) -> Scope:
    return lambda reader: reader.stage == stage


def _ending_item(context: _Context, ident: str) -> _Item:
    scenario, games = context.scenario, context.games
    spec = scenario.endings[ident]
    item = _Item("endings", ident, ("endings", ident))
    ends = _brought_by(context, "end", ident)
    rows = scenario_index(scenario).endings
    last = scenario.calendar.end
    tried_first = rows[: _place(rows, ident)]  # the endings dusk tries before this one

    def earlier(reader: Reader) -> bool:
        return any(
            (not at_end_only or reader.date >= last) and (when is None or when(reader))
            for _, at_end_only, when in tried_first
        )

    last_day = ("tested on the calendar's last day only", lambda reader: reader.date >= last)
    if spec.when is not None:
        scope = last_day if spec.at_end_only else ("", _always)
        item.probes.append(
            _probe("when", spec.when, "dusk", scope=scope, earlier=earlier if tried_first else None)
        )
    default = ident == scenario.default_ending
    if default:
        every = tuple(row for row in rows if row.ident != ident)

        def any_other(reader: Reader) -> bool:
            return any(
                (not at_end_only or reader.date >= last) and (when is None or when(reader))
                for _, at_end_only, when in every
            )

        item.probes.append(_probe("", None, "dusk", scope=last_day, earlier=any_other))
    elif spec.when is None:
        if ends:
            item.notes.append(
                "It has no `when` and is not the default ending, so only an effect can end the"
                f" game with it: `end` in {', '.join(ends)}."
            )
        else:
            item.notes.append(
                "It has no `when`, is not the default ending, and no effect ends the game with it"
                " (`end`): nothing can."
            )
        return item

    def after(checks: list[CheckCount]) -> list[str]:
        said = []
        if spec.when is not None:
            check = checks[0]
            if check.samples == 0:
                said.append(
                    f"No game of the first {games:,} was still going at the last day's dusk."
                )
            elif check.held and check.beaten == check.held:
                said.append(
                    f"It held at {_dusks(check.held)}, but each time an ending written before it"
                    " held too, and dusk takes the first."
                )
            elif check.held:
                said.append(
                    f"It held at {_dusks(check.held - check.beaten)} when no ending before it"
                    " did, but something at those dusks came first: a stage transition (with its"
                    " effects) or, on the last day, a deadline running out."
                )
        if default:
            check = checks[-1]
            if check.samples == 0:
                said.append(
                    "It is the default ending, reached when the calendar runs out: no game of the"
                    f" first {games:,} was still going at the last day's dusk."
                )
            else:
                said.append(
                    "It is the default ending, reached when the calendar runs out and no other"
                    f" ending holds: {check.samples:,} of the first {games:,} games were still"
                    f" going at the last day's dusk, and in {check.beaten:,} of them another"
                    " ending held then."
                )
                if check.beaten < check.samples:
                    said.append(
                        f"In the other {check.samples - check.beaten:,}, something at that dusk"
                        " came first: a stage transition (with its effects) or a deadline running"
                        " out."
                    )
        return said

    item.after = after
    item.notes += _also_by(ends, "end", "end the game with it")
    return item


def _place(rows: tuple[EndingRow, ...], ident: str) -> int:
    """How many endings with a condition are tried before `ident` (all of them if it has none)."""
    return next((place for place, row in enumerate(rows) if row.ident == ident), len(rows))


_PLANNERS: dict[str, Callable[[_Context, str], _Item]] = {
    "endings": _ending_item,
    "stages": _stage_item,
    "events": lambda context, ident: _dawn_item(context, "events", ident),
    "intel": lambda context, ident: _dawn_item(context, "intel", ident),
    "demands": lambda context, ident: _dawn_item(context, "demands", ident),
    "actions": _action_item,
    "actor_rules": _rule_item,
    "responses": _response_item,
}


# --- playing the games again ----------------------------------------------------------------------


def _play_again(
    scenario: Scenario,
    seed: int,
    policy: str,
    dawn: list[_Probe],
    dusk: list[_Probe],
    max_steps: int,
) -> None:
    """One game of the run again, as `explore.play_one` plays it (the same choices from the same
    seed), with the probes shown the state as each council opens and as each closes."""
    choose = CHOOSERS[policy]
    run = Run(scenario, seed, quiet=True)
    generator = rng.seed_state(seed)
    day_seen = 0
    for _ in range(max_steps):
        if run.over:
            break
        legal = run.legal()
        if run.day != day_seen:
            day_seen = run.day
            _show(scenario, run, dawn)
        choice, generator = choose(scenario, run.date, legal, generator)
        if choice.__class__ is EndDay:
            _show(scenario, run, dusk)
        run.play(choice)


def _show(scenario: Scenario, run: Run, probes: list[_Probe]) -> None:
    if probes:
        reader = Reader(scenario, run.state())
        for probe in probes:
            probe.sample(reader)


def explain(
    report: ExploreReport,
    scenario: Scenario,
    *,
    max_steps: int,
    games: int = WHY_GAMES,
    source: tuple[bytes, str] | None = None,
) -> WhyReport:
    """Why each thing the report found never reached was not: its conditions' parts counted over
    the first `games` games of the run, played again (each cut off after `max_steps` choices, as
    the explorer cuts them), and what is known without playing. With `source` (the YAML bytes
    and name the scenario was loaded from), each item says where it is written."""
    wanted = [(section, ident) for section, ids in report.unreached.items() for ident in ids]
    wanted += [("responses", answer) for answer in report.responses_never_given]
    if not wanted:
        return NOTHING
    count = min(games, report.runs)
    context = _Context(
        scenario,
        report,
        count,
        {section: frozenset(ids) for section, ids in report.unreached.items()},
        frozenset(d for g in report.games for d in g.expired),
    )
    items = [_PLANNERS[section](context, ident) for section, ident in wanted]
    probes = [probe for item in items for probe in item.probes]
    if probes:
        dawn = [p for p in probes if p.moment == "dawn"]
        dusk = [p for p in probes if p.moment == "dusk"]
        for seed in range(report.seed, report.seed + count):
            _play_again(scenario, seed, report.policy, dawn, dusk, max_steps)
    else:
        count = 0  # nothing to count: every item is explained without playing
    document = _document(source)
    explained = []
    for item in items:
        checks = [
            probe.frozen(_at(document, probe.path or (*item.base, item.condition)))
            for probe in item.probes
        ]
        notes = item.notes + (item.after(checks) if item.after else [])
        shown = tuple(check for check in checks if check.branches)
        where = _where(document, item) if document else ""
        explained.append(
            Explained(item.section, item.ident, item.title, shown, tuple(notes), where)
        )
    return WhyReport(count, tuple(explained))


def _document(source: tuple[bytes, str] | None) -> YamlDocument | None:
    """The scenario's YAML with the position of each node (None without a source: a scenario
    built in code has no file to point at)."""
    if source is None:
        return None
    raw, name = source
    text, _ = decode(raw, name)
    return read_yaml(text, name)[0] if text is not None else None


def _at(document: YamlDocument | None, path: Path) -> str:
    """FILE:LINE:COL of what is at `path`, if it is written there."""
    return str(document.span(path)) if document and path in document.spans else ""


def _where(document: YamlDocument, item: _Item) -> str:
    """FILE:LINE:COL of the item's condition, or of the item when it has none written."""
    condition = (*item.base, item.condition)
    if item.condition and condition in document.spans:
        return str(document.span(condition))
    return str(document.span(item.base, key=True))


# --- the readable report --------------------------------------------------------------------------

PART_WIDTH = 44  # parts longer than this are not padded: the column would push the counts off


def _share(held: int, samples: int) -> str:
    if held == samples:
        return f"held on every day ({samples:,})"
    percent = 100 * held / samples
    shown = "<1" if percent < 1 else ">99" if percent > 99 else f"{percent:.0f}"
    return f"held on {shown}% of days ({held:,} of {samples:,})"


def _part_line(part: PartCount, samples: int, width: int) -> str:
    if part.held == 0:
        words = f"never held (0 of {_days(samples)})" + ("" if part.negated else "  <- never true")
    else:
        words = _share(part.held, samples)
        if part.negated and part.held == samples:
            words += "  <- always in the way"
    return f"{part.text:<{width}}  {words}"


def _check_lines(check: CheckCount, indent: str) -> list[str]:
    if check.samples == 0:
        return []  # the notes say why nothing was tested
    lines = []
    several = len(check.branches) > 1
    if several and not check.held:
        lines.append(f"{indent}no branch of the `or` ever held (0 of {_days(check.samples)})")
    # a branch of one part is told on the line that names the branch, aligned with the others
    single = [b.parts[0].text for b in check.branches if len(b.parts) == 1]
    single_width = min(PART_WIDTH, max(map(len, single), default=0))
    for number, branch in enumerate(check.branches):
        inner = indent
        if several:
            named = f"{indent}{'either:' if number == 0 else 'or:':<8}"
            if len(branch.parts) == 1:
                lines.append(named + _part_line(branch.parts[0], check.samples, single_width))
                continue
            lines.append(named + branch.text)
            inner = indent + "    "
        width = min(PART_WIDTH, max(len(p.text) for p in branch.parts))
        lines += [inner + _part_line(p, check.samples, width) for p in branch.parts]
        if len(branch.parts) > 1 and not branch.together and all(map(check.met, branch.parts)):
            lines.append(
                f"{inner}every part held on some day, but never all at once"
                f" (on 0 of {_days(check.samples)})"
            )
    if check.held and any(len(b.parts) > 1 for b in check.branches):
        lines.append(f"{indent}the whole condition {_share(check.held, check.samples)}")
    return lines


def _condition(check: CheckCount) -> str:
    scope = f"  ({check.scope})" if check.scope else ""
    return f'{check.label}: "{check.text}"{scope}'


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, 100, initial_indent=indent, subsequent_indent=indent)


def render_why(why: WhyReport) -> list[str]:
    """The report's section on what was never reached and why (no lines when nothing was)."""
    if not why.items:
        return []
    if why.games:
        played = "game of the run was" if why.games == 1 else f"{why.games:,} games of the run were"
        heading = (
            f"Never reached, and why. The first {played} played again, each"
            " condition tested once a day: those of events, reports, demands, actor rules,"
            f" actions and answers on {MOMENTS['dawn']}; those of stage transitions and endings"
            f" on {MOMENTS['dusk']}."
        )
    else:
        heading = "Never reached, and why:"
    lines = _wrapped(heading, "")
    for item in why.items:
        name = f"{KINDS[item.section]} {item.ident}" + (f' "{item.title}"' if item.title else "")
        # FILE:LINE:COL first, as `validate` writes it: editors and terminals open it there
        name = f"{item.where}: {name}" if item.where else name
        checks = item.checks
        # one condition of its own goes on the item's line; a stage's ways in, each on its own
        if len(checks) == 1 and item.section != "stages":
            lines.append(f"  {name}  {_condition(checks[0])}")
            lines += _check_lines(checks[0], "      ")
        else:
            lines.append(f"  {name}")
            for check in checks:
                at = f"{check.where}: " if check.where else ""
                lines.append(f"    {at}{_condition(check)}")
                lines += _check_lines(check, "      ")
        for note in item.notes:
            lines += _wrapped(note, "      ")
    return lines
