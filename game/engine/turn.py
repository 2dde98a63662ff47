"""The one place a game state changes: a working copy that effects are applied to, then frozen.

A `Turn` is opened from a GameState, changed by applying effects (always clamped), and frozen
back into a new GameState. The input state is never touched. Effects that start further work
(`issue`, `trigger`, `goto`, `end`) are queued and handled in order after the current effect,
never recursively, so a chain of events unrolls one step at a time.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Sequence
from typing import NamedTuple

from game.engine import rng
from game.engine.dates import long_date
from game.engine.index import (
    ADD,
    ADD_EXPR,
    SET,
    SET_IF,
    Change,
    DawnKind,
    OutcomeDraw,
    Plan,
    condition,
    scenario_index,
)
from game.engine.index import plan as compile_plan
from game.engine.state import ActiveDemand, EventKind, GameEvent, GameState, LogEntry, build
from game.scenario.expr import compile_expr
from game.scenario.expr.compile import Value
from game.scenario.expr.reads import DEMAND, FIRED, TAKEN
from game.scenario.model import Effects, Outcome, Scenario

_ONE_DAY = dt.timedelta(days=1)


MAX_QUEUED_PER_STEP = 500  # a scenario whose triggers loop stops here instead of hanging the game


def _names(scenario: Scenario, state: GameState) -> dict[str, Value]:
    """Every name an expression may read, with its value in `state` (names are unique across
    the scenario's sections and the built-in names, which the loader reserves)."""
    return {
        **state.hidden,
        **state.attitudes,
        **state.flags,
        **state.stats,
        "day": state.day,
        "days_left": (scenario.calendar.end - state.date).days,
        "budget": state.budget,
        "date": state.date.isoformat(),
        "stage": state.stage,
    }


class Note(NamedTuple):
    """What a quiet Turn keeps of an event: its kind and what it was about."""

    kind: EventKind
    ref: str


# Note(kind, ref) without the call of NamedTuple's __new__, which is Python (it runs once per
# event of every explored game); tuple's is C. The same object.
_new_note = tuple.__new__


class Reader:
    """Reads a GameState for expressions (an `Env`), for checks that change nothing: it shares
    the state's tables and adds one of its own, every name an expression may read with its
    value."""

    def __init__(self, scenario: Scenario, state: GameState):
        self.scenario = scenario
        self.tables = scenario_index(scenario)
        self.phase = state.phase
        self.day = state.day
        self.date = state.date
        self.stage = state.stage
        self.budget = state.budget
        self.demands = state.demands
        self.fired = state.fired
        self.taken = state.taken
        self.taken_today = state.taken_today
        self.log = state.log
        self.values = _names(scenario, state)

    def holds(self, text: str | None) -> bool:
        when = condition(text)
        return when is None or bool(when(self))

    def amount(self, value: int | str) -> int:
        if isinstance(value, int):
            return value
        return int(compile_expr(value)(self))


class Turn(Reader):
    """A mutable working copy of one GameState, used only inside one engine step (or, by `Run`,
    for a whole game).

    The stats, flags and actors' attitudes live in `values` alone, the table expressions read,
    together with the built-in names; the properties below keep the built-in ones current.

    Every change also adds its key (see `game.scenario.expr.reads`) to `touched`, so a `Run` can
    tell which conditions may have changed since it last looked (and empties the set then).
    """

    def __init__(self, scenario: Scenario, state: GameState):
        self.scenario = scenario
        self.tables = scenario_index(scenario)
        self.values = _names(scenario, state)
        self.scenario_id = state.scenario_id
        self.seed = state.seed
        self.day = state.day  # (the built-in names: `_names` has written them to `values`)
        self.date = state.date
        self.stage = state.stage
        self.budget = state.budget
        self.phase = state.phase
        self.hidden = state.hidden  # drawn at the start and never changed by play
        self.revealed = list(state.revealed)
        self.demands = dict(state.demands)
        self.fired = dict(state.fired)
        self.taken = dict(state.taken)
        self.taken_today = dict(state.taken_today)
        self.rules_fired = dict(state.rules_fired)
        self.inbox = list(state.inbox)
        self.log = list(state.log)
        self.rng = state.rng
        self.ending = state.ending
        self.events: list[GameEvent] = []
        # A quiet turn (QuietTurn) keeps only a Note of each event, in `notes`. The busiest
        # emitters (the day's title, events, actions, answers, actors' rules, demands) ask
        # `quiet` and call `note` then, rather than `emit`, whose dozen keyword arguments cost
        # twice what the note does. (Instance attributes: CPython 3.11 specialises reading
        # those, not a class attribute read through an instance.)
        self.quiet = False
        self.notes: list[Note] = []
        self.keeps_log = True  # whether the player's choices are recorded in `log` (QuietTurn: no)
        self.queue: deque[tuple[str, str]] = deque()
        self.touched: set[str] = set()
        # The events and intelligence reports that have happened since the current dawn began,
        # by kind and id (emptied as each dawn begins): a repeatable one comes once a dawn.
        self.fired_this_dawn: set[tuple[DawnKind, str]] = set()

    # The built-in names `day`, `date`, `stage` and `budget` are plain attributes, read without
    # a call (the engine reads them several hundred times a game), and written only by the
    # methods below, which write them through to `values` and mark them touched. (Properties
    # cost a Python call per read; a descriptor with only __set__ turned the Turn's attributes
    # into a dictionary, which cost more machine time than the calls it saved.)
    def set_budget(self, budget: int) -> None:
        self.budget = self.values["budget"] = budget
        self.touched.add("budget")

    def next_day(self) -> None:
        self.day = self.values["day"] = self.day + 1
        self.date = date = self.date + _ONE_DAY
        self.values["date"] = date.isoformat()
        self.values["days_left"] = (self.tables.last_date - date).days
        self.touched.update(("day", "date", "days_left"))

    def ended(self) -> bool:
        """Whether an ending has been reached (a method, so type checkers re-read it after calls)."""
        return self.phase == "over"

    def freeze(self) -> GameState:
        # No validation here: every value was built by this class and clamped. The state keeps
        # the tables it is given, so a Turn that goes on after this must not be the one frozen
        # (`Run.state` reopens a fresh one).
        values, tables = self.values, self.tables
        return build(
            GameState,
            scenario_id=self.scenario_id,
            seed=self.seed,
            day=self.day,
            date=self.date,
            phase=self.phase,
            stage=self.stage,
            budget=self.budget,
            stats={name: values[name] for name in tables.stat_ids},
            flags={name: values[name] for name in tables.flag_ids},
            attitudes={name: values[name] for name in tables.actor_ids},
            hidden=self.hidden,
            revealed=self.revealed,
            demands=self.demands,
            fired=self.fired,
            taken=self.taken,
            taken_today=self.taken_today,
            rules_fired=self.rules_fired,
            inbox=self.inbox,
            log=self.log,
            rng=self.rng,
            ending=self.ending,
        )

    # --- chance ----------------------------------------------------------------------------
    def roll(self, percent: int) -> bool:
        """True with `percent` % chance; certain outcomes draw nothing, keeping streams stable."""
        if percent >= 100:
            return True
        if percent <= 0:
            return False
        # rng.below(self.rng, 100), written out: a roll is one of the commonest draws, and the
        # call costs more than the arithmetic (tests/engine/test_draws.py holds the two equal)
        self.rng = state = (self.rng + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return (z ^ (z >> 31)) % 100 < percent

    def pick(self, weights: list[int]) -> int | None:
        """Index chosen by weight (negative weights count as zero); None if all are zero."""
        if len(weights) == 2:  # the commonest case (an actor with one rule that may fire, and
            first, second = weights  # its idle weight): the loops below, written out
            if first > 0 and second > 0:  # rng.below(self.rng, first + second), written out
                self.rng = state = (self.rng + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
                z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
                z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
                return 0 if (z ^ (z >> 31)) % (first + second) < first else 1
        total = positive = 0
        only = -1
        for index, weight in enumerate(weights):
            if weight > 0:
                total += weight
                positive += 1
                only = index
        if positive == 0:
            return None
        if positive == 1:
            return only  # certain: nothing is drawn, which keeps the stream of numbers stable
        self.rng, value = rng.below(self.rng, total)
        for index, weight in enumerate(weights):
            if weight > 0:
                if value < weight:
                    return index
                value -= weight
        return only  # unreachable: value < total

    # --- output ------------------------------------------------------------------------------
    def emit(
        self,
        kind: EventKind,
        title: str,
        text: str = "",
        *,
        inbox: bool = True,
        ref: str = "",
        sender: str | None = None,
        reliability: int | None = None,
        places: Sequence[str] = (),
        sources: Sequence[str] = (),
        counterfactual: bool = False,
        accurate: bool | None = None,
    ) -> None:
        event = build(
            GameEvent,
            kind=kind,
            date=self.date,
            title=title,
            text=text,
            ref=ref,
            sender=sender or "",
            reliability=reliability,
            places=list(places),
            sources=list(sources),
            counterfactual=counterfactual,
            accurate=accurate,
        )
        self.events.append(event)
        if inbox:
            self.inbox.append(event)

    def note(self, kind: EventKind, ref: str) -> None:
        """What a quiet turn keeps of an event (see `quiet`)."""
        self.notes.append(_new_note(Note, (kind, ref)))

    def record(self, kind: str, ref: str = "", response: str = "", label: str = "") -> None:
        self.log.append(
            build(
                LogEntry,
                day=self.day,
                date=self.date,
                kind=kind,
                ref=ref,
                response=response,
                label=label,
            )
        )

    # --- effects -------------------------------------------------------------------------------
    def apply(self, effects: Effects) -> None:
        """Apply one set of effects now; queue the work they start."""
        plan = self.tables.plans.get(id(effects))
        if plan is None:
            plan = self.tables.plans[id(effects)] = compile_plan(self.scenario, effects)
        self.apply_plan(plan)

    def apply_plan(self, plan: Plan) -> None:
        """`apply`, given the effects' plan (the engine's tables keep the plans of the effects
        applied most: of actions, events, reports, actors' rules and outcomes)."""
        values = self.values
        self.touched.update(plan.names)
        sets = plan.sets
        if sets is not None:  # no change reads another: flags at once, then the numbers
            if sets:
                values.update(sets)
            for name, delta, low, high in plan.adds:
                new = values[name] + delta  # type: ignore[operator]
                values[name] = low if new < low else high if new > high else new
        else:
            self._change(plan.changes)
        rest = plan.rest
        if rest is None:
            return
        for stat in rest.reveal:
            if stat not in self.revealed:
                self.revealed.append(stat)
        if rest.message:
            self.emit("message", rest.message)
        for ident in rest.issue:
            self.queue.append(("issue", ident))
        for ident in rest.trigger:
            self.queue.append(("trigger", ident))
        if rest.goto:
            self.queue.append(("goto", rest.goto))
        if rest.end:
            self.queue.append(("end", rest.end))

    def _change(self, changes: tuple[Change, ...]) -> None:
        """Make changes in written order (some are made by expressions, which may read the
        values the ones before them wrote)."""
        values = self.values
        for name, how, arg, low, high in changes:
            if how == SET:
                values[name] = arg
                continue
            if how == SET_IF:
                values[name] = bool(arg(self))
                continue
            # (the name is a stat's or an actor's: its value is an int)
            if how == ADD:
                new = values[name] + arg
            elif how == ADD_EXPR:
                new = values[name] + int(arg(self))  # type: ignore[operator]
            else:
                new = int(arg(self))
            values[name] = low if new < low else high if new > high else new

    def apply_outcomes(self, outcomes: list[Outcome], title: str, ref: str) -> None:
        if not outcomes:
            return
        draw = self.tables.outcome_draws.get(id(outcomes))
        if draw is None:
            draw = self.tables.outcome_draws[id(outcomes)] = OutcomeDraw(self.scenario, outcomes)
        weights = draw.weights
        if type(weights) is not list:  # some weight is an expression
            weights = [w if type(w) is int else int(w(self)) for w in weights]  # type: ignore[operator]
        index = self.pick(weights)
        if index is None:
            return
        text = draw.texts[index]
        if text:
            self.emit("outcome", title, text, ref=ref)
        self.apply_plan(draw.plans[index])

    # --- queued work -------------------------------------------------------------------------
    def drain(self) -> None:
        """Handle queued work in order until none is left (or the game has ended)."""
        handled = 0
        while self.queue and self.phase != "over":
            kind, ident = self.queue.popleft()
            handled += 1
            if handled > MAX_QUEUED_PER_STEP:
                self.queue.clear()
                self.emit(
                    "message",
                    "The day's events stopped early",
                    "The scenario's effects kept triggering each other.",
                    inbox=False,
                )
                return
            if kind == "issue":
                self.issue_demand(ident)
            elif kind == "trigger":
                self.fire(ident, forced=True)
            elif kind == "goto":
                self.enter_stage(ident, text="")
            elif kind == "end":
                self.finish(ident)

    def fire(self, ident: str, *, forced: bool = False) -> None:
        """An event or intelligence report happens (an event's `once` is respected unless
        forced; a report's is left to the dawn that brings it)."""
        row = self.tables.fired_rows.get(ident)
        if row is None:
            return
        event, report = row.event, row.report
        if event is not None and row.once and self.fired.get(ident) and not forced:
            return
        self.fired[ident] = self.fired.get(ident, 0) + 1
        self.fired_this_dawn.add(row.dawn_key)
        self.touched.add(FIRED + ident)  # (fired_key, without a call)
        # Whether a report's source is honest this time is drawn whether or not anyone reads
        # it: a quiet turn draws the same numbers.
        honest = report is None or self.roll(row.reliability)
        if self.quiet:
            self.note(row.kind, ident)
        elif event is not None:
            self.emit(
                row.kind,
                event.title,
                event.text,
                ref=ident,
                sender=event.sender,
                places=event.places,
                sources=event.sources,
                counterfactual=event.counterfactual,
            )
        elif report is not None:
            # an honest source says what is so; another says the opposite
            says_true = self.holds(report.truth) == honest
            self.emit(
                "intelligence",
                report.title,
                report.if_true if says_true else report.if_false,
                ref=ident,
                sender=report.sender,
                reliability=row.reliability,
                places=report.places,
                sources=report.sources,
                counterfactual=report.counterfactual,
                accurate=honest,  # the text says the truth exactly when the source was honest
            )
        self.apply_plan(row.plan)

    def issue_demand(self, ident: str) -> None:
        if ident in self.demands:
            return  # a demand is presented once per game
        demand = self.scenario.demands[ident]
        deadline = demand.deadline_when_issued(self.date)
        self.demands[ident] = build(
            ActiveDemand,
            demand=ident,
            issued=self.date,
            deadline=deadline,
            status="pending",
            answer="",
            answered_on=None,
            stalls=0,
        )
        self.touched.add(DEMAND + ident)  # (demand_key, without a call)
        kind: EventKind = "ultimatum" if demand.ultimatum else "demand"
        if self.quiet:
            self.note(kind, ident)
            return
        label = demand.deadline_label or (long_date(deadline, weekday=False) if deadline else "")
        when = f" Deadline: {label}." if deadline else ""
        self.emit(
            kind,
            demand.title,
            demand.text + when,
            ref=ident,
            sender=demand.issuer,
            places=demand.places,
            sources=demand.sources,
            counterfactual=demand.counterfactual,
        )

    def update_demand(self, ident: str, active: ActiveDemand) -> None:
        """A presented demand changes (answered, stalled or expired)."""
        self.demands[ident] = active
        self.touched.add(DEMAND + ident)  # (demand_key, without a call)

    def count_taken(self, ident: str) -> None:
        """The player takes an action: one more use in the game and today."""
        self.taken[ident] = self.taken.get(ident, 0) + 1
        self.taken_today[ident] = self.taken_today.get(ident, 0) + 1
        self.touched.add(TAKEN + ident)  # (taken_key, without a call)

    def enter_stage(self, ident: str, text: str) -> None:
        if ident == self.stage:
            return
        self.apply(self.scenario.stages[self.stage].on_exit)
        self.stage = self.values["stage"] = ident
        self.touched.add("stage")
        stage = self.scenario.stages[ident]
        self.emit("stage", f"Stage: {stage.label}", text or stage.description, ref=ident)
        self.apply(stage.on_enter)

    def finish(self, ident: str) -> None:
        if self.phase == "over":
            return
        ending = self.scenario.endings[ident]
        self.ending = ident
        self.phase = "over"
        self.queue.clear()
        self.emit("ending", ending.title, ending.epilogue, ref=ident, sources=ending.sources)


class QuietTurn(Turn):
    """A Turn that plays by the same rules but writes nothing for a reader: no event objects, no
    inbox and no log, only a Note (kind, ref) per event. For the explorer, which looks only at
    where games go; the state it freezes has an empty inbox and log."""

    def __init__(self, scenario: Scenario, state: GameState):
        super().__init__(scenario, state)
        self.quiet = True
        # Its log keeps only the injects (an inject is released once: `released_injects` reads
        # it); the player's choices are not recorded (`api.perform` asks `keeps_log`).
        self.keeps_log = False

    def emit(
        self,
        kind: EventKind,
        title: str,
        text: str = "",
        *,
        inbox: bool = True,
        ref: str = "",
        sender: str | None = None,
        reliability: int | None = None,
        places: Sequence[str] = (),
        sources: Sequence[str] = (),
        counterfactual: bool = False,
        accurate: bool | None = None,
    ) -> None:
        self.notes.append(_new_note(Note, (kind, ref)))
