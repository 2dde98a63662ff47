"""Per-scenario lookup tables, built once per Scenario object: what the engine asks at every step.

A Scenario is frozen, so tables derived from it never go stale. They keep the scenario's declared
order everywhere (the order decides which of two things happens first) and hold compiled
conditions (None for "always"), so the hot loops neither re-scan nor re-look-up anything.
"""

from __future__ import annotations

import ast
import datetime as dt
from functools import lru_cache
from typing import Any, Literal

from game.engine.actions import Respond, TakeAction
from game.engine.dates import long_date
from game.scenario.expr import Env, compile_expr, parse
from game.scenario.expr.compile import Compiled, Demand, Value
from game.scenario.expr.reads import demand_key, reads
from game.scenario.model import Action, Effects, Event, Hidden, Intel, Outcome, Scenario


def condition(text: str | None) -> Compiled | None:
    """The compiled condition, or None when it always holds (no condition, or "true")."""
    if text is None or text == "true":
        return None
    return compile_expr(text)


class ActionRow:
    """An action, as `legal_now`, `Run` and `api.take_row` read it. (A class with slots: see
    `RuleRow`.)"""

    __slots__ = (
        "ident",
        "candidate",
        "max_uses",
        "per_day",
        "cost",
        "when",
        "bit",
        "label",
        "plan",
        "outcomes",
    )

    def __init__(
        self,
        ident: str,
        candidate: TakeAction,
        spec: Action,
        when: Compiled | None,
        bit: int,
        plan: Plan,
    ):
        self.ident = ident
        self.candidate = candidate
        self.when = when
        self.bit = bit  # 1 << its place in `Index.actions`: a set of actions is a number
        # The action's fields that the legal lists (`max_uses`, `per_day`, `cost`) and taking
        # it (`api.take_row`) read, copied out of the pydantic model: reading a model's field
        # misses CPython's attribute cache, as the class defines __getattr__, and costs several
        # times a slot's read. Its effects are kept as their plan (see `plan`).
        self.max_uses = spec.max_uses
        self.per_day = spec.per_day
        self.cost = spec.cost
        self.label = spec.label
        self.plan = plan
        self.outcomes = spec.outcomes


DawnKind = Literal["event", "report"]  # what `Turn.fired_this_dawn` tells apart


class FiredRow:
    """An event or an intelligence report, as `Turn.fire` reads it each time one happens (some
    50 times a game): the fields it reads, copied out of the pydantic model (see `ActionRow`),
    and the model itself (`event` or `report`, the other None) for what a reader is shown."""

    __slots__ = ("event", "report", "once", "kind", "plan", "reliability", "dawn_key")

    def __init__(self, ident: str, item: Event | Intel, plan: Plan):
        self.event: Event | None = item if isinstance(item, Event) else None
        self.report: Intel | None = item if isinstance(item, Intel) else None
        self.once = item.once
        self.kind = item.kind if isinstance(item, Event) else "intelligence"
        self.plan = plan  # of its effects
        # how often a report tells the truth (an event: always)
        self.reliability = item.reliability if isinstance(item, Intel) else 100
        # what `Turn.fired_this_dawn` holds of it
        self.dawn_key: tuple[DawnKind, str] = (
            "event" if isinstance(item, Event) else "report",
            ident,
        )


# The rows that the engine only unpacks are plain tuples, each named by a type alias that
# gives its fields in order. CPython 3.11 unpacks an exact tuple in one specialised instruction
# and a named tuple (a subclass) through an iterator: made plain, these rows took a random game
# of the 1935 scenario from 5.889 M machine instructions to 5.630 M (callgrind, 200 games).

# (candidate, cost, when): an answer to a demand, as legal_now, open_answers and Run.legal
# unpack it
ResponseRow = tuple[Respond, int, Compiled | None]


# How one change of an effect is made (see `plan`).
SET = 0  # a flag set to a constant: values[name] = arg
SET_IF = 1  # a flag set to whether a condition holds: arg is the compiled condition
ADD = 2  # a number plus a constant, clamped to [low, high]
ADD_EXPR = 3  # a number plus an expression's value, clamped
SET_EXPR = 4  # a number set to an expression's value ("=..."), clamped


# (name, how, arg, low, high): one change, as Turn._change unpacks it; `arg` is a bool, an int
# or a compiled expression, by `how`
Change = tuple[str, int, Any, int, int]
# (name, delta, low, high): a constant added to a number, clamped, as Turn.apply_plan unpacks it
Add = tuple[str, int, int, int]


class Rest:
    """An Effects value's reserved keys (`Plan.rest`), copied out of the pydantic model for
    `Turn.apply_plan` (see `ActionRow`)."""

    __slots__ = ("reveal", "message", "issue", "trigger", "goto", "end")

    def __init__(self, effects: Effects):
        self.reveal = tuple(effects.reveal)
        self.message = effects.message
        self.issue = tuple(effects.issue)
        self.trigger = tuple(effects.trigger)
        self.goto = effects.goto
        self.end = effects.end


class Plan:
    """One Effects value, compiled: its changes in written order, then its reserved keys. (A
    class with slots, read by `Turn.apply_plan` some 110 times a game: see `RuleRow`.)"""

    __slots__ = ("changes", "names", "rest", "sets", "adds")

    def __init__(
        self,
        changes: tuple[Change, ...],
        names: frozenset[str],
        rest: Rest | None,
        sets: dict[str, bool] | None,
        adds: tuple[Add, ...],
    ):
        self.changes = changes
        self.names = names  # the names the changes write
        self.rest = rest  # the reserved keys (issue, goto ...), when one is set
        # When no change is made by an expression (most effects), the changes are independent
        # of each other and are made in two quick parts instead of `changes`: the flags set,
        # and the numbers added to; None otherwise.
        self.sets = sets
        self.adds = adds


Amount = int | Compiled  # a number, or the compiled expression that gives one


def amount(text: int | str) -> Amount:
    return text if isinstance(text, int) else compile_expr(text)


# (ident, dated, once, when, chance): an event or intelligence report a dawn may bring, as
# _bring unpacks it. Dated items are listed only under their own date; `when` None always
# holds (undated items without a condition never come); `chance` is a percent.
DawnRow = tuple[str, bool, bool, Compiled | None, Amount]
# (ident, date, when): a demand a dawn may present, as _present_demands unpacks it: on `date`
# (if `when` holds), or whenever `when` holds when `date` is None
DemandRow = tuple[str, dt.date | None, Compiled | None]


class RuleRow:
    """An actor's rule, read by _actors_act at every dawn (some 500 times a game). A class with
    slots rather than a named tuple: CPython specialises reading a slot, not a named tuple's
    field, which goes through a descriptor each time."""

    __slots__ = ("rule", "key", "once", "when", "weight", "actor", "plan")

    def __init__(
        self,
        rule: Any,
        key: str,
        once: bool,
        when: Compiled | None,
        weight: Amount,
        actor: str,
        plan: Plan,
    ):
        self.rule = rule  # the ActorRule
        self.key = key  # its key in rules_fired
        self.once = once
        self.when = when
        self.weight = weight
        self.actor = actor
        self.plan = plan  # of its effects


# (ident, idle_weight, rules): an actor with rules, as _actors_act unpacks it
ActorRow = tuple[str, Amount, tuple[RuleRow, ...]]


# (ident, bound, choices, low): how a game's opening draws a hidden value, as opening_state
# unpacks it: the draw's bound (the choices' total weight, or the uniform draw's span), the
# choices as (weight, at least 0; value) in order (() if uniform), and the lowest value of a
# uniform draw
HiddenDraw = tuple[str, int, tuple[tuple[int, int], ...], int]


# (to, text, when, unless, has_unless): a stage's transition, as dusk unpacks it; `unless`
# None is no exception
TransitionRow = tuple[str, str, Compiled | None, Compiled | None, bool]
# (ident, at_end_only, when): an ending dusk tries (those with a condition), in order
EndingRow = tuple[str, bool, Compiled | None]


class Index:
    """A scenario's tables. A class with slots, since the engine reads its tables hundreds of
    times a game (see `RuleRow`); written by keyword, and every table must be given."""

    __slots__ = (
        "actions_per_day",
        "last_date",
        "stats_at_start",
        "flags_at_start",
        "attitudes_at_start",
        "hidden_draws",
        "stat_ids",
        "flag_ids",
        "actor_ids",
        "plans",
        "outcome_draws",
        "actions",
        "action_readers",
        "action_bytes",
        "cost_masks",
        "action_rows",
        "action_by_choice",
        "fired_rows",
        "every_action",
        "unconditional_actions",
        "conditional_actions",
        "usable_at_opening",
        "spent_at_opening",
        "responses",
        "answer_keys",
        "dated_events",
        "undated_events",
        "dated_intel",
        "undated_intel",
        "dawn_demands",
        "actors",
        "actors_by_date",
        "transitions",
        "endings",
        "endings_any_day",
    )

    def __init__(self, **tables: Any):
        if tables.keys() != set(self.__slots__):
            raise TypeError(f"Index tables: {sorted(tables.keys() ^ set(self.__slots__))}")
        for name, table in tables.items():
            setattr(self, name, table)

    actions_per_day: int  # the calendar's, read at every dawn and dusk (a plain read: a
    last_date: dt.date  # pydantic model's field costs three times as much, see `ActionRow`)
    # What a game opens with (`day.opening_state`), in declared order: to be copied, not changed
    stats_at_start: dict[str, int]
    flags_at_start: dict[str, bool]
    attitudes_at_start: dict[str, int]
    hidden_draws: tuple[HiddenDraw, ...]
    stat_ids: tuple[str, ...]  # in declared order, as a GameState holds them
    flag_ids: tuple[str, ...]
    actor_ids: tuple[str, ...]
    plans: dict[int, Plan]  # id(effects) -> its plan, filled as effects are first applied
    # id(outcomes) -> how to draw one (see `OutcomeDraw`), filled as outcomes are first drawn
    outcome_draws: dict[int, OutcomeDraw]
    actions: tuple[ActionRow, ...]
    action_readers: dict[str, tuple[ActionRow, ...]]  # key (see expr.reads) -> the actions
    # whose condition reads it, in order
    action_bytes: tuple[tuple[tuple[TakeAction, ...], ...], ...]  # see `_action_bytes`
    action_rows: dict[str, ActionRow]  # action id -> its row
    # id(choice) -> its row, for the choices the legal lists hand out (`ActionRow.candidate`,
    # kept alive by the rows): the row of a listed choice without reading the pydantic choice
    action_by_choice: dict[int, ActionRow]
    # event or report id -> its row: the events first, as an event hides a report of its id
    fired_rows: dict[str, FiredRow]
    # Sets of actions (see `ActionRow.bit`), for `Run` to start from: every action, those
    # without a condition (those with one, as rows), and as a game opens, before any action is
    # taken: those whose uses are not all spent (max_uses 0), and those spent for the day
    # (per_day 0)
    every_action: int
    unconditional_actions: int
    conditional_actions: tuple[ActionRow, ...]
    usable_at_opening: int
    spent_at_opening: int
    cost_masks: dict[int, int]  # budget -> the actions costing at most that, as bits (for
    # budgets from 0 to the dearest action's cost; any higher budget affords every action)
    responses: dict[str, tuple[ResponseRow, ...]]  # demand id -> its answers, in order
    answer_keys: frozenset[str]  # keys (see expr.reads) whose change may change which answers
    # may be given (`api.open_answers`): every demand's, the date, and what their conditions read
    dated_events: dict[dt.date, tuple[DawnRow, ...]]  # the dawn's candidates on a date
    undated_events: tuple[DawnRow, ...]  # the candidates on any other date
    dated_intel: dict[dt.date, tuple[DawnRow, ...]]
    undated_intel: tuple[DawnRow, ...]
    dawn_demands: tuple[DemandRow, ...]  # demands a dawn can issue (by date or condition)
    actors: tuple[ActorRow, ...]  # actors with rules, in declared order
    actors_by_date: dict[dt.date, tuple[ActorRow, ...]]  # see `actors_on`, filled as asked
    transitions: dict[str, tuple[TransitionRow, ...]]  # stage id -> its transitions, in order
    endings: tuple[EndingRow, ...]  # tried after the last day
    endings_any_day: tuple[EndingRow, ...]  # tried at other dusks: those not `at_end_only`


def _by_date(
    items: dict[str, Any],
) -> tuple[dict[dt.date, tuple[DawnRow, ...]], tuple[DawnRow, ...]]:
    """Dawn candidates in declared order: on each authored date, those dated that day plus the
    conditional ones; on any other date, the conditional ones alone. Items with neither a date
    nor a condition only happen when an effect triggers them, never at dawn."""

    def row(ident: str, item: Any) -> DawnRow:
        chance = item.probability
        return (ident, item.date is not None, item.once, condition(item.when), amount(chance))

    undated = tuple(
        row(ident, item)
        for ident, item in items.items()
        if item.date is None and item.when is not None
    )
    dates = {item.date for item in items.values() if item.date is not None}
    dated = {
        day: tuple(
            row(ident, item)
            for ident, item in items.items()
            if item.date == day or (item.date is None and item.when is not None)
        )
        for day in dates
    }
    return dated, undated


def _action_readers(
    scenario: Scenario, actions: tuple[ActionRow, ...]
) -> dict[str, tuple[ActionRow, ...]]:
    """Key (see `expr.reads`) -> the actions whose condition reads it, in order."""
    found: dict[str, list[ActionRow]] = {}
    for row in actions:
        text = scenario.actions[row.ident].when
        if row.when is not None and text is not None:
            for key in reads(text):
                found.setdefault(key, []).append(row)
    return {key: tuple(rows) for key, rows in found.items()}


def _answer_keys(scenario: Scenario) -> frozenset[str]:
    """What `api.open_answers` depends on, besides the cost: whether each demand is pending and
    when it was last answered (its key), today's date, and the answers' conditions."""
    keys = {"date"}
    for did, demand in scenario.demands.items():
        keys.add(demand_key(did))
        for response in demand.responses.values():
            if response.when is not None:
                keys.update(reads(response.when))
    return frozenset(keys)


BYTE = 8  # actions per table of `_action_bytes`: 256 sets each
LOW_BYTE = (1 << BYTE) - 1


def _action_bytes(
    actions: tuple[ActionRow, ...],
) -> tuple[tuple[tuple[TakeAction, ...], ...], ...]:
    """The choices of any set of actions, eight actions at a time: for the k-th eight, a table
    from each of their 256 sets (bits 8k to 8k+7 of a set of `ActionRow.bit`s, shifted down) to
    their choices, in declared order. A set's choices are the tables' answers joined in order,
    so the legal list is a few lookups instead of a loop over the actions (`Run.legal`)."""
    tables = []
    for start in range(0, len(actions), BYTE):
        part = [row.candidate for row in actions[start : start + BYTE]]
        tables.append(
            tuple(
                tuple(choice for place, choice in enumerate(part) if subset >> place & 1)
                for subset in range(1 << BYTE)
            )
        )
    return tuple(tables)


def _cost_masks(actions: tuple[ActionRow, ...]) -> dict[int, int]:
    dearest = max((row.cost for row in actions), default=0)
    return {
        budget: sum(row.bit for row in actions if row.cost <= budget)
        for budget in range(dearest + 1)
    }


def _build(scenario: Scenario) -> Index:
    dated_events, undated_events = _by_date(scenario.events)
    dated_intel, undated_intel = _by_date(scenario.intel)
    actions = tuple(
        ActionRow(
            aid,
            TakeAction(action=aid),
            spec,
            condition(spec.when),
            1 << position,
            plan(scenario, spec.effects),
        )
        for position, (aid, spec) in enumerate(scenario.actions.items())
    )
    return Index(
        actions_per_day=scenario.calendar.actions_per_day,
        last_date=scenario.calendar.end,
        stats_at_start={sid: stat.start for sid, stat in scenario.stats.items()},
        flags_at_start={fid: flag.start for fid, flag in scenario.flags.items()},
        attitudes_at_start={aid: actor.attitude for aid, actor in scenario.actors.items()},
        hidden_draws=tuple(_hidden_draw(hid, spec) for hid, spec in scenario.hidden.items()),
        stat_ids=tuple(scenario.stats),
        flag_ids=tuple(scenario.flags),
        actor_ids=tuple(scenario.actors),
        plans={},
        outcome_draws={},
        actions=actions,
        action_readers=_action_readers(scenario, actions),
        action_bytes=_action_bytes(actions),
        cost_masks=_cost_masks(actions),
        action_rows={row.ident: row for row in actions},
        action_by_choice={id(row.candidate): row for row in actions},
        fired_rows={
            ident: FiredRow(ident, item, plan(scenario, item.effects))
            for items in (scenario.intel, scenario.events)  # (an event's row replaces a report's)
            for ident, item in items.items()
        },
        every_action=sum(row.bit for row in actions),
        unconditional_actions=sum(row.bit for row in actions if row.when is None),
        conditional_actions=tuple(row for row in actions if row.when is not None),
        usable_at_opening=sum(
            row.bit for row in actions if row.max_uses is None or row.max_uses > 0
        ),
        spent_at_opening=sum(row.bit for row in actions if row.per_day <= 0),
        responses={
            did: tuple(
                (Respond(demand=did, response=rid), response.cost, condition(response.when))
                for rid, response in demand.responses.items()
            )
            for did, demand in scenario.demands.items()
        },
        answer_keys=_answer_keys(scenario),
        dated_events=dated_events,
        undated_events=undated_events,
        dated_intel=dated_intel,
        undated_intel=undated_intel,
        dawn_demands=tuple(
            (did, demand.date, condition(demand.when))
            for did, demand in scenario.demands.items()
            if demand.date is not None or demand.when is not None
        ),
        actors=tuple(
            (
                aid,
                amount(actor.idle_weight),
                tuple(
                    RuleRow(
                        rule,
                        rule_key(aid, position, rule.id),
                        rule.once,
                        condition(rule.when),
                        amount(rule.weight),
                        aid,
                        plan(scenario, rule.effects),
                    )
                    for position, rule in enumerate(actor.rules)
                ),
            )
            for aid, actor in scenario.actors.items()
            if actor.rules
        ),
        actors_by_date={},
        transitions={
            sid: tuple(
                (
                    t.to,
                    t.text,
                    condition(t.when),
                    condition(t.unless) if t.unless else None,
                    bool(t.unless),
                )
                for t in stage.transitions
            )
            for sid, stage in scenario.stages.items()
        },
        endings=tuple(
            (eid, ending.at_end_only, condition(ending.when))
            for eid, ending in scenario.endings.items()
            if ending.when is not None
        ),
        endings_any_day=tuple(
            (eid, False, condition(ending.when))
            for eid, ending in scenario.endings.items()
            if ending.when is not None and not ending.at_end_only
        ),
    )


def _hidden_draw(ident: str, spec: Hidden) -> HiddenDraw:
    if spec.choices:
        choices = tuple((max(0, choice.weight), choice.value) for choice in spec.choices)
        return (ident, sum(weight for weight, _ in choices), choices, 0)
    return (ident, spec.max - spec.min + 1, (), spec.min)


def plan(scenario: Scenario, effects: Effects) -> Plan:
    """How `effects` change a game, worked out once: which table each name is in, its bounds,
    and its value compiled. Names that are neither a flag, a stat nor an actor change nothing."""
    changes: list[Change] = []
    for name, value in effects.changes().items():
        if name in scenario.flags:
            if isinstance(value, bool):
                changes.append((name, SET, value, 0, 0))
            else:
                when = condition(str(value))
                changes.append(
                    (name, SET, True, 0, 0) if when is None else (name, SET_IF, when, 0, 0)
                )
            continue
        if name in scenario.stats:
            low, high = scenario.stats[name].min, scenario.stats[name].max
        elif name in scenario.actors:
            low, high = -100, 100
        else:
            continue
        if isinstance(value, str) and value.startswith("="):
            changes.append((name, SET_EXPR, compile_expr(value[1:]), low, high))
        elif isinstance(value, str):
            changes.append((name, ADD_EXPR, compile_expr(value), low, high))
        else:
            changes.append((name, ADD, int(value), low, high))
    busy = (
        effects.reveal
        or effects.message
        or effects.issue
        or effects.trigger
        or effects.goto
        or effects.end
    )
    constant = all(how in (SET, ADD) for _, how, _, _, _ in changes)
    return Plan(
        tuple(changes),
        frozenset(name for name, *_ in changes),
        Rest(effects) if busy else None,
        {name: arg for name, how, arg, _, _ in changes if how == SET} if constant else None,
        tuple((name, arg, low, high) for name, how, arg, low, high in changes if how == ADD),
    )


class OutcomeDraw:
    """A list of outcomes, as `Turn.apply_outcomes` draws from it: their weights (a list of
    numbers when every one is a number, to draw by as it is, never changed; else a tuple of
    numbers and compiled expressions), and each one's text (read out of the pydantic models
    once: see `ActionRow`) and the plan of its effects."""

    __slots__ = ("weights", "texts", "plans")

    def __init__(self, scenario: Scenario, outcomes: list[Outcome]):
        weights = tuple(amount(outcome.weight) for outcome in outcomes)
        self.weights: list[int] | tuple[Amount, ...] = (
            list(weights) if all(type(w) is int for w in weights) else weights  # type: ignore[arg-type]
        )
        self.texts = tuple(outcome.text for outcome in outcomes)
        self.plans = tuple(plan(scenario, outcome.effects) for outcome in outcomes)


def actors_on(tables: Index, date: dt.date) -> tuple[ActorRow, ...]:
    """The actors that may act on `date`, each with only its rules whose condition may hold
    then: a rule whose condition has an `and` part that reads the date alone and is false that
    day (`date >= '1935-06-11'` before 11 June) cannot fire, and the actors' turn skips it
    without evaluating it; an actor left with no rule is skipped. Worked out once per date."""
    found = tables.actors_by_date.get(date)
    if found is None:
        today = _DateOnly(date)
        found = tables.actors_by_date[date] = tuple(
            (ident, idle_weight, rules)
            for ident, idle_weight, all_rules in tables.actors
            if (rules := tuple(rule for rule in all_rules if _may_hold(rule.rule.when, today)))
        )
    return found


def _may_hold(text: str | None, today: Env) -> bool:
    return all(part(today) for part in _date_parts(text))


@lru_cache(maxsize=4096)
def _date_parts(text: str | None) -> tuple[Compiled, ...]:
    """The `and` parts of a condition that read the date and nothing else, compiled."""
    if text is None:
        return ()
    tree = parse(text)
    nodes = tree.values if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.And) else [tree]
    parts = (ast.unparse(node) for node in nodes)
    return tuple(compile_expr(part) for part in parts if reads(part) == {"date"})


class _DateOnly:
    """What an expression that reads only the date reads on one day (an `Env`)."""

    def __init__(self, date: dt.date):
        self.date = date
        self.values: dict[str, Value] = {"date": date.isoformat()}
        self.fired: dict[str, int] = {}
        self.taken: dict[str, int] = {}
        self.demands: dict[str, Demand] = {}


def rule_key(actor: str, position: int, rule_id: str) -> str:
    """How an actor's rule is known in `rules_fired`: its id, or its position when it has none."""
    return f"{actor}.{rule_id or position}"


def rule_label(key: str) -> str:
    """A rule's key as reports show it to an author: a rule without an id by its place as the
    checker counts list items, from 1 (`sakai.1` is `sakai.rules (item 2)`). Rule ids are ids,
    starting with a letter, so a key ending in digits alone is a place."""
    actor, _, rest = key.partition(".")
    return f"{actor}.rules (item {int(rest) + 1})" if rest.isdigit() else key


_cache: dict[int, tuple[Scenario, Index]] = {}
_CACHE_SIZE = 16  # scenarios alive at once: the game, a reload, the tests' handful


def scenario_index(scenario: Scenario) -> Index:
    """The tables of this scenario object (kept alive with it while cached, so ids are not reused)."""
    found = _cache.get(id(scenario))
    if found is not None and found[0] is scenario:
        return found[1]
    if len(_cache) >= _CACHE_SIZE:
        _cache.pop(next(iter(_cache)))
    built = _build(scenario)
    _cache[id(scenario)] = (scenario, built)
    return built


@lru_cache(maxsize=512)
def day_title(date: dt.date) -> str:
    """The title of a day's opening event ('Wednesday 29 May 1935'), in English whatever the
    locale: strftime's names follow the locale, and the engine's output must not."""
    return long_date(date)
