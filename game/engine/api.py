"""The engine's public face: start a game, take a step, list what the player may do.

Example:
    >>> loaded = load_scenario("scenarios/he_umezu_1935.yaml")
    >>> game = Game(loaded.scenario)
    >>> state, events = game.new(seed=7)
    >>> state, events = game.step(state, EndDay())

Everything is deterministic given the seed and the actions. An action that is not allowed returns
the same state and a single `rejected` event saying why; an exception here is a bug.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from game.engine.actions import (
    EndDay,
    PlayerAction,
    ReleaseInject,
    Respond,
    TakeAction,
    logged_choice,
)
from game.engine.day import begin, dusk, opening_state
from game.engine.index import ActionRow, ResponseRow
from game.engine.state import GameEvent, GameState, LogEntry
from game.engine.turn import Reader, Turn
from game.engine.words import counted
from game.scenario.model import Scenario, days_after


class Step(NamedTuple):
    state: GameState
    events: list[GameEvent]


@dataclass(frozen=True)
class ActionOption:
    """One of the scenario's actions as the player sees it today, whether it can be taken or not."""

    action: TakeAction
    label: str
    category: str
    cost: int
    available: bool
    reason: str  # why not, when not available
    uses_left: int | None = None  # how many more times the game allows it; None: no limit
    taken: int = 0  # how many times it has been taken in this game
    per_day: int = 1  # how many times a day it can be taken


def new_game(scenario: Scenario, seed: int) -> Step:
    turn = Turn(scenario, opening_state(scenario, seed))
    begin(turn)
    return Step(turn.freeze(), turn.events)


def step(scenario: Scenario, state: GameState, action: PlayerAction) -> Step:
    last = _last_legal
    if (
        last is not None
        and last[1] is state
        and last[0] is scenario
        and any(action is allowed for allowed in last[2])
    ):
        reason = ""  # one of the very actions legal_actions just listed for this state
    else:
        reason = why_not(scenario, state, action)
    if reason:
        rejected = GameEvent(kind="rejected", date=state.date, title="Not possible", text=reason)
        return Step(state, [rejected])
    turn = Turn(scenario, state)
    perform(turn, action)
    return Step(turn.freeze(), turn.events)


def perform(turn: Turn, action: PlayerAction) -> None:
    """Carry out an action already known to be allowed (the rules after the check)."""
    # (By type(), not isinstance: a choice is a pydantic model, whose class defines __getattr__,
    # and each isinstance that fails then looks up __class__ the slow way. The kinds have no
    # subclasses.)
    if type(action) is TakeAction:
        _take(turn, action)
    elif type(action) is Respond:
        _respond(turn, action)
    elif type(action) is ReleaseInject:
        _inject(turn, action)
    else:
        if turn.keeps_log:
            turn.record("end_day", label="End the day")
        dusk(turn)


def _take(turn: Turn, action: TakeAction) -> None:
    take_row(turn, turn.tables.action_rows[action.action])


def take_row(turn: Turn, row: ActionRow) -> None:
    """The action of `row` is taken (what `perform` does for a TakeAction; `Run.play` calls
    this directly with the row of a choice it listed)."""
    ident = row.ident
    turn.set_budget(turn.budget - row.cost)
    turn.count_taken(ident)
    if turn.keeps_log:
        turn.record("action", ident, label=row.label)
    if turn.quiet:  # (see Turn.quiet)
        turn.note("action", ident)
    else:
        spec = turn.scenario.actions[ident]
        turn.emit(
            "action", spec.label, spec.text, ref=ident, places=spec.places, sources=spec.sources
        )
    turn.apply_plan(row.plan)
    if turn.queue:  # (most effects queue nothing: no call to drain nothing)
        turn.drain()
    outcomes = row.outcomes
    if outcomes:  # (most actions have none: drawing none and draining nothing is skipped)
        turn.apply_outcomes(outcomes, row.label, ident)
        if turn.queue:
            turn.drain()


def _inject(turn: Turn, action: ReleaseInject) -> None:
    inject = turn.scenario.injects[action.inject]
    turn.record("inject", action.inject, label=f"Teacher's inject: {inject.title}")
    turn.emit(
        inject.kind,
        inject.title,
        inject.text,
        ref=action.inject,
        sender=inject.sender,
        sources=inject.sources,
    )
    turn.apply(inject.effects)
    turn.drain()


def _respond(turn: Turn, action: Respond) -> None:
    demand = turn.scenario.demands[action.demand]
    response = demand.responses[action.response]
    active = turn.demands[action.demand]
    turn.set_budget(turn.budget - response.cost)
    if turn.keeps_log:
        turn.record(
            "respond", action.demand, action.response, label=f"{demand.title}: {response.label}"
        )
    if response.closes:
        turn.update_demand(
            action.demand,
            active.model_copy(
                update={"status": "answered", "answer": action.response, "answered_on": turn.date}
            ),
        )
    else:
        deadline = active.deadline
        if deadline is not None and response.extend_days:
            deadline = days_after(deadline, response.extend_days)
        turn.update_demand(
            action.demand,
            active.model_copy(
                update={
                    "deadline": deadline,
                    "stalls": active.stalls + 1,
                    "answer": action.response,
                    "answered_on": turn.date,
                }
            ),
        )
    if turn.quiet:  # (see Turn.quiet)
        turn.note("demand_answered", action.demand)
    else:
        turn.emit(
            "demand_answered",
            f"{demand.title}: {response.label}",
            response.text,
            ref=action.demand,
            sender=demand.issuer,
        )
    turn.apply(response.effects)
    turn.drain()
    turn.apply_outcomes(response.outcomes, response.label, action.demand)
    turn.drain()


def states_before_choices(scenario: Scenario, state: GameState) -> list[GameState] | None:
    """The game's states just before each choice in its log, found by playing the log again
    from its seed (the engine is deterministic; a state keeps only where the game is now).
    None when the replay does not arrive at `state`, as for a save of a scenario since changed."""
    current = new_game(scenario, state.seed).state
    before = []
    for entry in state.log:
        before.append(current)
        current = step(scenario, current, logged_choice(entry)).state
    return before if current == state else None


def why_not(scenario: Scenario, state: GameState, action: PlayerAction) -> str:
    """Empty if the action is allowed now; otherwise a sentence for the player."""
    return why_not_now(Reader(scenario, state), action)


def released_injects(log: Sequence[LogEntry]) -> set[str]:
    """The injects a teacher has released in a game (each may be released once)."""
    return {entry.ref for entry in log if entry.kind == "inject"}


def not_possible_now(label: str) -> str:
    """The reason for a choice whose condition (`when`) does not hold now."""
    return f"'{label}' is not possible now."


def why_not_now(state: Reader, action: PlayerAction) -> str:
    """`why_not`, asked of a Reader (or of the Turn of a game in progress)."""
    scenario = state.scenario
    if state.phase == "over":
        return "The game is over."
    if isinstance(action, EndDay):
        return ""
    if isinstance(action, ReleaseInject):
        inject = scenario.injects.get(action.inject)
        if inject is None:
            return f"There is no inject '{action.inject}'."
        if action.inject in released_injects(state.log):
            return f"'{inject.title}' has already been released in this game."
        # (an inject's `not_before` is the lists' to keep, `query.inject_waits`: a game saved
        # before a scenario gave one replays its early release; code review)
        return ""
    if isinstance(action, TakeAction):
        spec = scenario.actions.get(action.action)
        if spec is None:
            return f"There is no action '{action.action}'."
        # The counting checks come before the condition: they are cheap, and legal_actions asks
        # this for every action at every step.
        if spec.max_uses is not None and state.taken.get(action.action, 0) >= spec.max_uses:
            return f"'{spec.label}' cannot be done again."
        if state.taken_today.get(action.action, 0) >= spec.per_day:
            return f"'{spec.label}' has already been done today."
        if spec.cost > state.budget:
            return f"'{spec.label}' needs {counted(spec.cost, 'action point')}; {state.budget} left today."
        if not state.holds(spec.when):
            return not_possible_now(spec.label)
        return ""
    demand = scenario.demands.get(action.demand)
    active = state.demands.get(action.demand)
    if demand is None or active is None:
        return f"There is no demand '{action.demand}' before you."
    if active.status != "pending":
        return f"'{demand.title}' is no longer open."
    if active.answered_on == state.date:
        # An answer that leaves the demand open (a stall) can be given once a day, not endlessly.
        return f"You have already answered '{demand.title}' today."
    response = demand.responses.get(action.response)
    if response is None:
        return f"'{action.response}' is not an answer to '{demand.title}'."
    if not state.holds(response.when):
        return not_possible_now(response.label)
    if response.cost > state.budget:
        return (
            f"'{response.label}' needs {counted(response.cost, 'action point')}; "
            f"{state.budget} left today."
        )
    return ""


END_DAY = EndDay()  # the one EndDay the legal lists hold


# The last answer of legal_actions: callers often ask twice about one state (a policy and the
# explorer's idle-day check, a screen and its key handler). States are immutable, so it stays true.
_last_legal: tuple[Scenario, GameState, list[TakeAction | Respond | EndDay]] | None = None


def legal_actions(scenario: Scenario, state: GameState) -> list[TakeAction | Respond | EndDay]:
    """Every action the engine would accept now; front ends and the explorer choose among these."""
    global _last_legal
    last = _last_legal
    if last is not None and last[1] is state and last[0] is scenario:
        return list(last[2])
    legal = legal_now(Reader(scenario, state))
    _last_legal = (scenario, state, legal)
    return list(legal)


def legal_now(state: Reader) -> list[TakeAction | Respond | EndDay]:
    """`legal_actions`, asked of a Reader (or of the Turn of a game in progress)."""
    if state.phase == "over":
        return []
    # The same checks as `why_not_now`, without its sentences, over tables built once per
    # scenario. (A `Run` keeps the parts of this list as it goes instead: `Run.legal`.)
    budget = state.budget
    legal: list[TakeAction | Respond | EndDay] = [
        answer for answer, cost, _ in open_answers(state) if cost <= budget
    ]
    taken, taken_today = state.taken, state.taken_today
    for row in state.tables.actions:
        ident, max_uses, when = row.ident, row.max_uses, row.when
        if max_uses is not None and taken.get(ident, 0) >= max_uses:
            continue
        if (
            taken_today.get(ident, 0) < row.per_day
            and row.cost <= budget
            and (when is None or when(state))
        ):
            legal.append(row.candidate)
    legal.append(END_DAY)
    return legal


def open_answers(state: Reader) -> list[ResponseRow]:
    """The answers that may be given today, whatever they cost, in the order `legal_now` lists
    them: those whose condition holds, to each pending demand not yet answered today."""
    found: list[ResponseRow] = []
    tables, date = state.tables, state.date
    for did, active in state.demands.items():
        if active.status != "pending" or active.answered_on == date:
            continue
        for row in tables.responses[did]:
            when = row[2]  # (candidate, cost, when)
            if when is None or when(state):
                found.append(row)
    return found


def action_options(scenario: Scenario, state: GameState) -> list[ActionOption]:
    """All actions whose condition holds today, with whether each can be taken and why not."""
    reader = Reader(scenario, state)
    options = []
    for aid, spec in scenario.actions.items():
        if not reader.holds(spec.when):
            continue
        action = TakeAction(action=aid)
        reason = why_not_now(reader, action)
        taken = reader.taken.get(aid, 0)
        left = None if spec.max_uses is None else max(0, spec.max_uses - taken)
        options.append(
            ActionOption(
                action,
                spec.label,
                spec.category,
                spec.cost,
                not reason,
                reason,
                left,
                taken,
                spec.per_day,
            )
        )
    return options


@dataclass(frozen=True)
class ResponseOption:
    """One answer to a pending demand as the player sees it now, whether it can be given or not."""

    action: Respond
    label: str
    kind: str
    cost: int
    available: bool
    reason: str  # why not, when not available (e.g. too few action points)


def response_options(scenario: Scenario, state: GameState, demand: str) -> list[ResponseOption]:
    """The answers to a pending demand whose condition holds, with whether each can be given now."""
    active = state.demands.get(demand)
    if state.phase == "over" or active is None or active.status != "pending":
        return []
    reader = Reader(scenario, state)
    options = []
    for rid, response in scenario.demands[demand].responses.items():
        if not reader.holds(response.when):
            continue
        action = Respond(demand=demand, response=rid)
        reason = why_not_now(reader, action)
        options.append(
            ResponseOption(action, response.label, response.kind, response.cost, not reason, reason)
        )
    return options


class Game:
    """The engine bound to one scenario: `new`, `step`, `legal`."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario

    def new(self, seed: int) -> Step:
        return new_game(self.scenario, seed)

    def step(self, state: GameState, action: PlayerAction) -> Step:
        return step(self.scenario, state, action)

    def legal(self, state: GameState) -> list[TakeAction | Respond | EndDay]:
        return legal_actions(self.scenario, state)
