"""The one place a game state changes: a working copy that effects are applied to, then frozen.

A `Turn` is opened from a GameState, changed by applying effects (always clamped), and frozen
back into a new GameState. The input state is never touched. Effects that start further work
(`issue`, `trigger`, `goto`, `end`) are queued and handled in order after the current effect,
never recursively, so a chain of events unrolls one step at a time.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from typing import Any

from game.engine import rng
from game.engine.state import ActiveDemand, EventKind, GameEvent, GameState, LogEntry, build
from game.scenario.expr import compile_expr
from game.scenario.expr.compile import Value
from game.scenario.model import Effects, Outcome, Scenario

MAX_QUEUED_PER_STEP = 500  # a scenario whose triggers loop stops here instead of hanging the game


class Reader:
    """Reads a GameState for expressions without copying it: for checks that change nothing."""

    def __init__(self, scenario: Scenario, state: GameState):
        self.scenario = scenario
        self.day = state.day
        self.date = state.date
        self.stage = state.stage
        self.budget = state.budget
        self.stats = state.stats
        self.flags = state.flags
        self.attitudes = state.attitudes
        self.hidden = state.hidden
        self.demands = state.demands
        self.fired = state.fired
        self.taken = state.taken
        self._names: dict[str, Value] | None = None

    # --- the expression environment -----------------------------------------------------------
    def value(self, name: str) -> Value:
        names = self._names
        if names is None:
            # Built on first use: most readers evaluate many conditions over one unchanging state.
            # The built-in names come first so the scenario's own names win, as in `Turn.value`.
            names = self._names = {
                "day": self.day,
                "days_left": (self.scenario.calendar.end - self.date).days,
                "budget": self.budget,
                "date": self.date.isoformat(),
                "stage": self.stage,
                **self.hidden,
                **self.attitudes,
                **self.flags,
                **self.stats,
            }
        found = names.get(name)
        return found if found is not None else self._builtin(name)

    def _builtin(self, name: str) -> Value:
        if name == "day":
            return self.day
        if name == "days_left":
            return (self.scenario.calendar.end - self.date).days
        if name == "budget":
            return self.budget
        if name == "date":
            return self.date.isoformat()
        if name == "stage":
            return self.stage
        raise KeyError(name)  # the loader's name check makes this unreachable for valid scenarios

    def call(self, function: str, args: tuple[Value, ...]) -> Value:
        ident = str(args[0])
        if function == "fired":
            return self.fired.get(ident, 0)
        if function == "taken":
            return self.taken.get(ident, 0)
        if function == "in_stage":
            return self.stage == ident
        active = self.demands.get(ident)
        if function == "issued":
            return active is not None
        if function == "pending":
            return active is not None and active.status == "pending"
        if function == "answered":
            return active is not None and active.status == "answered"
        if function == "expired":
            return active is not None and active.status == "expired"
        if function == "answer":
            return active.answer if active is not None else ""
        raise KeyError(function)

    def holds(self, condition: str | None) -> bool:
        if condition is None or condition == "true":
            return True
        return bool(compile_expr(condition)(self))

    def amount(self, value: int | str) -> int:
        if isinstance(value, int):
            return value
        return int(compile_expr(value)(self))


class Turn(Reader):
    """A mutable working copy of one GameState, used only inside one engine step."""

    def __init__(self, scenario: Scenario, state: GameState):
        self.scenario = scenario
        self.scenario_id = state.scenario_id
        self.seed = state.seed
        self.day = state.day
        self.date = state.date
        self.phase = state.phase
        self.stage = state.stage
        self.budget = state.budget
        self.stats = dict(state.stats)
        self.flags = dict(state.flags)
        self.attitudes = dict(state.attitudes)
        self.hidden = dict(state.hidden)
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
        self.queue: deque[tuple[str, str]] = deque()

    def ended(self) -> bool:
        """Whether an ending has been reached (a method, so type checkers re-read it after calls)."""
        return self.phase == "over"

    def value(self, name: str) -> Value:
        # A Turn changes as it goes, so it reads the live tables rather than a snapshot.
        if name in self.stats:
            return self.stats[name]
        if name in self.flags:
            return self.flags[name]
        if name in self.attitudes:
            return self.attitudes[name]
        if name in self.hidden:
            return self.hidden[name]
        return self._builtin(name)

    def freeze(self) -> GameState:
        # No validation here: every value was built by this class and clamped.
        return build(
            GameState,
            scenario_id=self.scenario_id,
            seed=self.seed,
            day=self.day,
            date=self.date,
            phase=self.phase,
            stage=self.stage,
            budget=self.budget,
            stats=self.stats,
            flags=self.flags,
            attitudes=self.attitudes,
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
        self.rng, value = rng.below(self.rng, 100)
        return value < percent

    def pick(self, weights: list[int]) -> int | None:
        """Index chosen by weight (negative weights count as zero); None if all are zero."""
        clean = [max(0, w) for w in weights]
        total = sum(clean)
        if total <= 0:
            return None
        if len([w for w in clean if w > 0]) == 1:
            return next(i for i, w in enumerate(clean) if w > 0)
        self.rng, value = rng.below(self.rng, total)
        for index, weight in enumerate(clean):
            if value < weight:
                return index
            value -= weight
        return len(clean) - 1  # unreachable

    # --- output ------------------------------------------------------------------------------
    def emit(
        self, kind: EventKind, title: str, text: str = "", *, inbox: bool = True, **extra: Any
    ) -> GameEvent:
        event = build(
            GameEvent,
            kind=kind,
            date=self.date,
            title=title,
            text=text,
            ref=extra.get("ref", ""),
            sender=extra.get("sender") or "",
            reliability=extra.get("reliability"),
            places=list(extra.get("places", ())),
            sources=list(extra.get("sources", ())),
        )
        self.events.append(event)
        if inbox:
            self.inbox.append(event)
        return event

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
        for name, value in effects.changes().items():
            self._change(name, value)
        for stat in effects.reveal:
            if stat not in self.revealed:
                self.revealed.append(stat)
        if effects.message:
            self.emit("message", effects.message)
        for ident in effects.issue:
            self.queue.append(("issue", ident))
        for ident in effects.trigger:
            self.queue.append(("trigger", ident))
        if effects.goto:
            self.queue.append(("goto", effects.goto))
        if effects.end:
            self.queue.append(("end", effects.end))

    def _change(self, name: str, value: int | bool | str) -> None:
        if name in self.flags:
            self.flags[name] = value if isinstance(value, bool) else self.holds(str(value))
            return
        if isinstance(value, str) and value.startswith("="):
            target, delta = self.amount(value[1:]), None
        else:
            target, delta = None, self.amount(value)
        if name in self.stats:
            stat = self.scenario.stats[name]
            new = target if target is not None else self.stats[name] + (delta or 0)
            self.stats[name] = max(stat.min, min(stat.max, new))
        elif name in self.attitudes:
            new = target if target is not None else self.attitudes[name] + (delta or 0)
            self.attitudes[name] = max(-100, min(100, new))

    def apply_outcomes(self, outcomes: list[Outcome], title: str, ref: str) -> None:
        if not outcomes:
            return
        index = self.pick([self.amount(o.weight) for o in outcomes])
        if index is None:
            return
        outcome = outcomes[index]
        if outcome.text:
            self.emit("outcome", title, outcome.text, ref=ref)
        self.apply(outcome.effects)

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
        """An event or intelligence report happens (its `once` is respected unless forced)."""
        if ident in self.scenario.events:
            event = self.scenario.events[ident]
            if event.once and self.fired.get(ident) and not forced:
                return
            self.fired[ident] = self.fired.get(ident, 0) + 1
            self.emit(
                event.kind,
                event.title,
                event.text,
                ref=ident,
                sender=event.sender,
                places=event.places,
                sources=event.sources,
            )
            self.apply(event.effects)
        elif ident in self.scenario.intel:
            intel = self.scenario.intel[ident]
            self.fired[ident] = self.fired.get(ident, 0) + 1
            truth = self.holds(intel.truth)
            honest = self.roll(intel.reliability)
            says_true = truth if honest else not truth
            text = intel.if_true if says_true else intel.if_false
            self.emit(
                "intelligence",
                intel.title,
                text,
                ref=ident,
                sender=intel.sender,
                reliability=intel.reliability,
                places=intel.places,
                sources=intel.sources,
            )
            self.apply(intel.effects)

    def issue_demand(self, ident: str) -> None:
        if ident in self.demands:
            return  # a demand is presented once per game
        demand = self.scenario.demands[ident]
        if demand.deadline is not None:
            deadline: dt.date | None = demand.deadline
        elif demand.deadline_days is not None:
            deadline = self.date + dt.timedelta(days=demand.deadline_days)
        else:
            deadline = None
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
        when = f" Deadline: {demand.deadline_label or deadline.isoformat()}." if deadline else ""
        self.emit(
            "ultimatum" if demand.ultimatum else "demand",
            demand.title,
            demand.text + when,
            ref=ident,
            sender=demand.issuer,
            places=demand.places,
            sources=demand.sources,
        )

    def enter_stage(self, ident: str, text: str) -> None:
        if ident == self.stage:
            return
        self.apply(self.scenario.stages[self.stage].on_exit)
        self.stage = ident
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
