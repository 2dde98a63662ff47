"""How each kind of item never reached is to be checked: which conditions to count, on which
days and at which moment (`Item`, planned by `PLANNERS`), and the sentences the counts call for.

What needs no game is said in plain sentences: an item that only effects bring and which effects
do, and (for a scenario built in code: `validate` refuses them in a file) a date outside the
calendar or an action dearer than a day's points.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from game.analysis.why_parts import condition_parts, one_line, whole_text
from game.analysis.why_probe import Probe, Scope, always
from game.analysis.why_report import KINDS, CheckCount, Moment, days
from game.engine.index import EndingRow, rule_key, rule_label, scenario_index
from game.engine.turn import Reader
from game.scenario.expr import compile_expr
from game.scenario.model import Scenario
from game.scenario.walk import all_effects
from game.scenario.yaml_source import Path

if TYPE_CHECKING:
    from game.analysis.explore import ExploreReport


@dataclass
class Item:
    section: str
    ident: str
    base: Path  # where the item is written in the file
    title: str = ""
    condition: str = "when"  # the key of its condition under `base`, pointed at when written
    probes: list[Probe] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # known without playing
    # sentences the counts call for, once the games are played (given the frozen checks)
    after: Callable[[list[CheckCount]], list[str]] | None = None


def _probe(
    label: str,
    when: str | None,
    moment: Moment,
    *,
    unless: str | None = None,
    scope: tuple[str, Scope] = ("", always),
    earlier: Callable[[Reader], bool] | None = None,
    path: Path = (),
) -> Probe:
    return Probe(
        label,
        whole_text(when, unless),
        moment,
        scope[0],
        scope[1],
        condition_parts(when, unless),
        earlier,
        path,
    )


def _on_date(day: dt.date) -> tuple[str, Scope]:
    return f"tested on its date only, {day.isoformat()}", lambda reader: reader.date == day


def _dusks(count: int) -> str:
    return f"{count:,} dusk{'' if count == 1 else 's'}"


def _chance(probability: int | str) -> str:
    return f"{probability}%" if isinstance(probability, int) else f'"{one_line(probability)}"'


class Context(NamedTuple):
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
        return f"actor rule {rule_label(key)}", "never fired"
    if section == "actions":
        return f"action {ident}", "never taken"
    if section == "injects":
        return f"inject {ident}", "a teacher's inject: explore releases none"
    return f"{KINDS[section]} {ident}", "never reached"


def _brought_by(context: Context, key: str, ident: str) -> list[str]:
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


def _dawn_item(context: Context, section: str, ident: str) -> Item:
    """An event, a report or a demand: brought at dawn by its date and its `when`."""
    scenario, games = context.scenario, context.games
    spec: Any = getattr(scenario, section)[ident]
    key, verb = ("issue", "present") if section == "demands" else ("trigger", "bring")
    item = Item(section, ident, (section, ident))
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
    scope = _on_date(spec.date) if spec.date is not None else ("", always)
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
            said = f"Its condition held on {check.held:,} of {days(check.samples)}"
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


def _action_item(context: Context, ident: str) -> Item:
    scenario, policy = context.scenario, context.report.policy
    spec = scenario.actions[ident]
    item = Item("actions", ident, ("actions", ident))
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
            f"Its condition held on {check.held:,} of {days(check.samples)} as councils"
            " opened, so it was offered then"
            if check.branches
            else f"It has no condition, so it was offered at each of the {check.samples:,} councils"
        )
        return [f"{said}: the policy '{policy}' never chose it."]

    item.after = after
    return item


def _response_item(context: Context, answer: str) -> Item:
    scenario, policy = context.scenario, context.report.policy
    demand, _, rid = answer.partition(":")
    spec = scenario.demands[demand].responses[rid]
    item = Item("responses", answer, ("demands", demand, "responses", rid))
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
            f"Its condition held on {check.held:,} of the {days(check.samples)} the demand was"
            " open as a council opened"
            if check.branches
            else f"It could be given on each of the {days(check.samples)} the demand was open as"
            " a council opened"
        )
        return [f"{said}: the policy '{policy}' never chose it."]

    item.after = after
    return item


def _rule_item(context: Context, key: str) -> Item:
    scenario = context.scenario
    actor_id, _, _ = key.partition(".")
    actor = scenario.actors[actor_id]
    position, rule = next(
        (position, rule)
        for position, rule in enumerate(actor.rules)
        if rule_key(actor_id, position, rule.id) == key
    )
    item = Item("actor_rules", key, ("actors", actor_id, "rules", position), rule.title)
    if isinstance(rule.weight, int) and rule.weight <= 0:
        item.notes.append(f"Its weight is {rule.weight}: it is never picked.")
        return item
    item.probes.append(_probe("when", rule.when, "dawn"))

    def after(checks: list[CheckCount]) -> list[str]:
        check = checks[0]
        if not check.held:
            return []
        said = (
            f"Its condition held on {check.held:,} of {days(check.samples)} as councils opened"
            " (the dawn tests it a little earlier, before the moves of the actors after it)"
            if check.branches
            else f"It has no condition: it could fire at each of {days(check.samples)}' dawns"
        )
        return [
            f"{said}, but it never fired: at each dawn one of the actor's rules that hold is"
            f" picked by weight (this one's: {_amount(rule.weight)}), or none, by the actor's idle"
            f" weight ({_amount(actor.idle_weight)})."
        ]

    item.after = after
    return item


def _amount(value: int | str) -> str:
    return str(value) if isinstance(value, int) else f'"{one_line(value)}"'


def _stage_item(context: Context, ident: str) -> Item:
    scenario, games = context.scenario, context.games
    tables = scenario_index(scenario)
    item = Item("stages", ident, ("stages", ident), condition="")
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


def _ending_item(context: Context, ident: str) -> Item:
    scenario, games = context.scenario, context.games
    spec = scenario.endings[ident]
    item = Item("endings", ident, ("endings", ident))
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
        scope = last_day if spec.at_end_only else ("", always)
        item.probes.append(
            _probe("when", spec.when, "dusk", scope=scope, earlier=earlier if tried_first else None)
        )
    default = ident == scenario.default_ending
    if default:
        every = tuple(row for row in rows if row[0] != ident)  # (ident, at_end_only, when)

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
    return next(
        (place for place, row in enumerate(rows) if row[0] == ident), len(rows)
    )  # (ident, ...)


PLANNERS: dict[str, Callable[[Context, str], Item]] = {
    "endings": _ending_item,
    "stages": _stage_item,
    "events": lambda context, ident: _dawn_item(context, "events", ident),
    "intel": lambda context, ident: _dawn_item(context, "intel", ident),
    "demands": lambda context, ident: _dawn_item(context, "demands", ident),
    "actions": _action_item,
    "actor_rules": _rule_item,
    "responses": _response_item,
}
