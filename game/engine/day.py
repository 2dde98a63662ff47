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

import datetime as dt

from game.engine import rng
from game.engine.index import day_title, scenario_index
from game.engine.state import GameState
from game.engine.turn import Turn
from game.scenario.model import Scenario


def opening_state(scenario: Scenario, seed: int) -> GameState:
    """The state before the first dawn: starting values, hidden values drawn from the seed."""
    generator = rng.seed_state(seed)
    hidden: dict[str, int] = {}
    for hid, spec in scenario.hidden.items():
        if spec.choices:
            total = sum(max(0, c.weight) for c in spec.choices)
            generator, value = rng.below(generator, total)
            for choice in spec.choices:
                if value < max(0, choice.weight):
                    hidden[hid] = choice.value
                    break
                value -= max(0, choice.weight)
        else:
            generator, value = rng.below(generator, spec.max - spec.min + 1)
            hidden[hid] = spec.min + value
    return GameState(
        scenario_id=scenario.id,
        seed=seed,
        day=1,
        date=scenario.calendar.start,
        phase="council",
        stage=scenario.initial_stage,
        budget=scenario.calendar.actions_per_day,
        stats={sid: stat.start for sid, stat in scenario.stats.items()},
        flags={fid: flag.start for fid, flag in scenario.flags.items()},
        attitudes={aid: actor.attitude for aid, actor in scenario.actors.items()},
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
    )


def begin(turn: Turn) -> None:
    """The first day: the initial stage's entry effects, then the first dawn."""
    stage = turn.scenario.stages[turn.stage]
    turn.apply(stage.on_enter)
    turn.drain()
    dawn(turn)


def dawn(turn: Turn) -> None:
    scenario = turn.scenario
    tables = scenario_index(scenario)
    turn.budget = scenario.calendar.actions_per_day
    turn.taken_today = {}
    turn.emit("day", day_title(turn.date), inbox=False)
    _expire_deadlines(turn)
    # Only the items that can happen today are visited (in declared order, as the rules say):
    # those dated today and the conditional ones. Skipping the rest changes nothing, since an
    # item of another date or with neither date nor condition is never due at dawn.
    for eid, event in tables.dated_events.get(turn.date, tables.undated_events):
        if turn.phase == "over":
            return
        if _due(turn, eid, event.date, event.when, event.once) and turn.roll(
            turn.amount(event.probability)
        ):
            turn.fire(eid)
            turn.drain()
    for did, demand in tables.dawn_demands:
        if turn.phase == "over":
            return
        if did not in turn.demands and (
            (demand.date == turn.date and turn.holds(demand.when))
            or (demand.date is None and demand.when is not None and turn.holds(demand.when))
        ):
            turn.issue_demand(did)
            turn.drain()
    for iid, intel in tables.dated_intel.get(turn.date, tables.undated_intel):
        if turn.phase == "over":
            return
        if _due(turn, iid, intel.date, intel.when, intel.once) and turn.roll(
            turn.amount(intel.probability)
        ):
            turn.fire(iid)
            turn.drain()
    for aid, actor, rules in tables.actors:
        if turn.phase == "over":
            continue
        fired = turn.rules_fired
        eligible = [
            (rule, key)
            for rule, key, when in rules
            if not (rule.once and fired.get(key)) and (when is None or when(turn))
        ]
        if not eligible:
            continue
        weights = [turn.amount(rule.weight) for rule, _ in eligible] + [
            turn.amount(actor.idle_weight)
        ]
        choice = turn.pick(weights)
        if choice is None or choice == len(eligible):
            continue
        rule, key = eligible[choice]
        turn.rules_fired[key] = turn.rules_fired.get(key, 0) + 1
        turn.emit("actor", rule.title, rule.text, ref=key, sender=aid, places=rule.places)
        turn.apply(rule.effects)
        turn.drain()


def _due(turn: Turn, ident: str, date: dt.date | None, when: str | None, once: bool) -> bool:
    if once and turn.fired.get(ident):
        return False
    if date is not None:
        return date == turn.date and turn.holds(when)
    if when is None:
        return False  # fired only by other effects
    if not once and turn.fired.get(ident) and turn.mentioned(ident):
        return False  # a repeatable item happens at most once a dawn
    return turn.holds(when)


def _expire_deadlines(turn: Turn, *, including_today: bool = False) -> None:
    for did, active in list(turn.demands.items()):
        if turn.phase == "over":
            return
        if active.deadline is None or active.status != "pending":
            continue
        if active.deadline < turn.date or (including_today and active.deadline == turn.date):
            demand = turn.scenario.demands[did]
            turn.demands[did] = active.model_copy(update={"status": "expired"})
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
    scenario = turn.scenario
    stage = scenario.stages[turn.stage]
    for transition in stage.transitions:
        if turn.holds(transition.when) and not (
            transition.unless and turn.holds(transition.unless)
        ):
            turn.enter_stage(transition.to, transition.text)
            turn.drain()
            break
    if turn.phase == "over":
        return
    last_day = turn.date >= scenario.calendar.end
    if last_day:
        # There is no next dawn: deadlines falling on the last day run out now.
        _expire_deadlines(turn, including_today=True)
        if turn.ended():
            return
    for eid, ending in scenario.endings.items():
        if ending.when is None or (ending.at_end_only and not last_day):
            continue
        if turn.holds(ending.when):
            turn.finish(eid)
            return
    if last_day:
        turn.finish(scenario.default_ending)
        return
    turn.date += dt.timedelta(days=1)
    turn.day += 1
    dawn(turn)
