"""The day cycle, in its written order.

* dawn:    1. deadlines that ran out resolve (on_expiry)
           2. scheduled and triggered events, then demands, then intelligence reports
           3. each actor, in the order declared, may act (one rule chosen by weight)
* council: the player spends the daily budget (handled by `api.step`)
* dusk:    1. stage transitions of the current stage, tried in order (at most one per dusk)
           (on the last day, deadlines falling due today run out here, since no dawn follows)
           2. endings, tried in order; after the last day, `at_end_only` ones and then the default
           3. if the game goes on, the date moves forward and the next dawn begins
Queued work (events triggering events) is drained after each item, in order.
"""

from __future__ import annotations

from game.engine import rng
from game.engine.index import (
    ActorRow,
    DawnKind,
    DawnRow,
    DemandRow,
    RuleRow,
    actors_on,
    day_title,
    scenario_index,
)
from game.engine.state import GameState, build
from game.engine.turn import Turn
from game.scenario.expr.compile import Compiled
from game.scenario.model import Scenario


def opening_state(scenario: Scenario, seed: int) -> GameState:
    """The state before the first dawn: starting values, hidden values drawn from the seed."""
    tables = scenario_index(scenario)  # (the starting values and draws, worked out once)
    generator = rng.seed_state(seed)
    hidden: dict[str, int] = {}
    for hid, bound, choices, low in tables.hidden_draws:
        generator, value = rng.below(generator, bound)
        if choices:
            for weight, choice in choices:
                if value < weight:
                    hidden[hid] = choice
                    break
                value -= weight
        else:
            hidden[hid] = low + value
    return build(
        GameState,
        scenario_id=scenario.id,
        seed=seed,
        day=1,
        date=scenario.calendar.start,
        phase="council",
        stage=scenario.initial_stage,
        budget=scenario.calendar.actions_per_day,
        stats=dict(tables.stats_at_start),
        flags=dict(tables.flags_at_start),
        attitudes=dict(tables.attitudes_at_start),
        hidden=hidden,
        revealed=[],
        demands={},
        fired={},
        taken={},
        taken_today={},
        rules_fired={},
        inbox=[],
        log=[],
        rng=generator,
        ending=None,
    )


def begin(turn: Turn) -> None:
    """The first day: the initial stage's entry effects, then the first dawn."""
    stage = turn.scenario.stages[turn.stage]
    turn.apply(stage.on_enter)
    turn.drain()
    dawn(turn)


def dawn(turn: Turn) -> None:
    tables = turn.tables
    turn.set_budget(tables.actions_per_day)
    turn.taken_today = {}
    turn.fired_this_dawn.clear()
    if turn.quiet:  # (see Turn.quiet)
        turn.note("day", "")
    else:
        turn.emit("day", day_title(turn.date), inbox=False)
    _expire_deadlines(turn)
    # Only the items that can happen today are visited (in declared order, as the rules say):
    # those dated today and the conditional ones. Skipping the rest changes nothing, since an
    # item of another date or with neither date nor condition is never due at dawn.
    today = turn.date
    _bring(turn, tables.dated_events.get(today, tables.undated_events), "event")
    _present_demands(turn, tables.dawn_demands)
    _bring(turn, tables.dated_intel.get(today, tables.undated_intel), "report")
    if turn.phase != "over":
        _actors_act(turn, actors_on(tables, today))


def _bring(turn: Turn, rows: tuple[DawnRow, ...], kind: DawnKind) -> None:
    """The events (or intelligence reports: `kind`) that are due, each by its chance, in order."""
    if turn.phase == "over":  # (afterwards only an item that happens can end the game)
        return
    counts = turn.fired
    for ident, dated, once, when, chance in rows:
        fired = counts.get(ident)
        if fired and (once or (not dated and (kind, ident) in turn.fired_this_dawn)):
            # Once only; or an undated repeatable item that already happened at this dawn (an
            # earlier item of the dawn triggered it). What happened at dusk, in the council or
            # at the opening does not count: a repeatable item may come again at the next dawn.
            continue
        if (when is None or when(turn)) and turn.roll(
            chance if type(chance) is int else int(chance(turn))  # type: ignore[operator]
        ):
            turn.fire(ident)
            if turn.queue:  # (most effects queue nothing: no call to drain nothing)
                turn.drain()
            if turn.ended():
                return


def _present_demands(turn: Turn, rows: tuple[DemandRow, ...]) -> None:
    today = turn.date
    for ident, date, when in rows:
        if turn.phase == "over":
            return
        if (
            ident not in turn.demands
            and (date is None or date == today)
            and (when is None or when(turn))
        ):
            turn.issue_demand(ident)
            turn.drain()


def _actors_act(turn: Turn, actors: tuple[ActorRow, ...]) -> None:
    """Each actor, in order, may act: one rule whose condition holds, chosen by weight (or none,
    by the actor's idle weight). Called while the game goes on (only a rule that fires can
    end it then)."""
    fired = turn.rules_fired
    for _, idle_weight, rules in actors:
        # The rules that may fire, in order. At most dawns an actor has none or one, so a list
        # is made only for a second one. (Plain loops: a comprehension is a call of its own in
        # Python 3.11, and this runs for every actor at every dawn of every explored game.)
        first: RuleRow | None = None
        more: list[RuleRow] | None = None
        # Rules of one actor often share a condition (the same compiled one, as compile_expr
        # keeps one per text): nothing changes between them, so it is evaluated once.
        last_when: Compiled | None = None
        held: object = False
        for row in rules:
            if row.once and fired.get(row.key):
                continue
            when = row.when
            if when is not None:
                if when is not last_when:
                    last_when, held = when, when(turn)
                if not held:
                    continue
            if first is None:
                first = row
            elif more is None:
                more = [first, row]
            else:
                more.append(row)
        if first is None:
            continue
        idle = idle_weight if type(idle_weight) is int else int(idle_weight(turn))  # type: ignore[operator]
        if more is None:
            weight = first.weight
            if type(weight) is not int:
                weight = int(weight(turn))  # type: ignore[operator]
            if turn.pick([weight, idle]) != 0:
                continue
            chosen = first
        else:
            weights = []
            for row in more:
                weight = row.weight
                weights.append(weight if type(weight) is int else int(weight(turn)))  # type: ignore[operator]
            weights.append(idle)
            choice = turn.pick(weights)
            if choice is None or choice == len(more):
                continue
            chosen = more[choice]
        # The chosen rule fires.
        rule, key = chosen.rule, chosen.key
        fired[key] = fired.get(key, 0) + 1
        if turn.quiet:  # (see Turn.quiet)
            turn.note("actor", key)
        else:
            turn.emit(
                "actor",
                rule.title,
                rule.text,
                ref=key,
                sender=chosen.actor,
                places=rule.places,
                sources=rule.sources,
                counterfactual=rule.counterfactual,
            )
        turn.apply_plan(chosen.plan)
        if turn.queue:  # (most effects queue nothing: no call to drain nothing)
            turn.drain()
        if turn.phase == "over":
            return


def _expire_deadlines(turn: Turn, *, including_today: bool = False) -> None:
    for did, active in list(turn.demands.items()):
        if turn.phase == "over":
            return
        if active.deadline is None or active.status != "pending":
            continue
        if active.deadline < turn.date or (including_today and active.deadline == turn.date):
            demand = turn.scenario.demands[did]
            turn.update_demand(did, active.model_copy(update={"status": "expired"}))
            turn.emit(
                "demand_expired",
                f"Deadline passed: {demand.title}",
                demand.expiry_text,
                ref=did,
                sender=demand.issuer,
            )
            turn.apply(demand.on_expiry)
            turn.drain()
            turn.apply_outcomes(demand.expiry_outcomes, f"Deadline passed: {demand.title}", did)
            turn.drain()


def dusk(turn: Turn) -> None:
    scenario, tables = turn.scenario, turn.tables
    for to, text, when, unless, has_unless in tables.transitions[turn.stage]:
        if (when is None or when(turn)) and not (has_unless and (unless is None or unless(turn))):
            turn.enter_stage(to, text)
            turn.drain()
            break
    if turn.phase == "over":
        return
    last_day = turn.date >= tables.last_date
    if last_day:
        # There is no next dawn: deadlines falling on the last day run out now.
        _expire_deadlines(turn, including_today=True)
        if turn.ended():
            return
    for ident, _, when in tables.endings if last_day else tables.endings_any_day:
        if when is None or when(turn):
            turn.finish(ident)
            return
    if last_day:
        turn.finish(scenario.default_ending)
        return
    turn.next_day()
    dawn(turn)
