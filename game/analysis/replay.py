"""Deterministic playthroughs: the same scenario, seed and choices always give the same record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from game.analysis.describe import stat_visible
from game.analysis.policies import Choice, Policy
from game.engine import rng
from game.engine.actions import (
    EndDay,
    ReleaseInject,
    Respond,
    TakeAction,
    action_key,
    parse_action_key,
)
from game.engine.api import new_game, step
from game.engine.refusals import why_not_for_author
from game.engine.state import GameEvent, GameState
from game.scenario.model import Outcome, Scenario
from game.scenario.suggest import did_you_mean

MAX_STEPS = 10_000  # a policy that never ends the day cannot hang a replay


CHOICE_FORMS = "a choice is an action id, DEMAND:RESPONSE, inject:INJECT or 'end'"


class Change(NamedTuple):
    """A stat (hidden ones too: `hidden` while not revealed), an actor's attitude, a flag or a
    pending demand's deadline that moved, from `before` to `after`.

    `label` is the stat's or flag's label (a flag without one is told by its id), the actor's
    name (for an attitude), or the demand's title (for a deadline, whose dates are ISO text)."""

    id: str
    label: str
    before: int | bool | str
    after: int | bool | str
    flag: bool = False
    hidden: bool = False
    attitude: bool = False
    deadline: bool = False

    def __str__(self) -> str:
        if self.deadline:
            return f"deadline of '{self.label}' {self.before} \u2192 {self.after}"
        if self.flag:
            return f"flag {'' if self.after else 'not '}{self.label or self.id}"
        label = f"{self.label}'s attitude" if self.attitude else self.label
        return f"{label} {self.before} \u2192 {self.after}" + (" (hidden)" if self.hidden else "")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "label": self.label}
        data.update({"from": self.before, "to": self.after})
        if self.flag:
            data["flag"] = True
        if self.attitude:
            data["attitude"] = True
        if self.deadline:
            data["deadline"] = True
        if self.hidden:
            data["hidden"] = True
        return data


class Drawn(NamedTuple):
    """Which of a choice's weighted outcomes was drawn (told when it has no text to show it, and
    only when there was a draw: when more than one outcome had a positive weight), or that none
    was (`index` None: no weight was above 0)."""

    number: int | None  # from 1
    of: int
    weight: str | None  # as written

    def __str__(self) -> str:
        if self.number is None:
            weights = "its weight was" if self.of == 1 else f"all {self.of} weights were"
            return f"no outcome drawn ({weights} 0 or less)"
        return f"outcome {self.number} of {self.of} drawn (weight {self.weight}; it has no text)"


class ChoiceRecord(NamedTuple):
    """A choice the policy made: taken, or refused by the engine (`rejected` is then its reason).

    `changes` is what the choice changed (nothing for ending the day: a new day's dawn holds the
    night's changes, and the day the game ended on its dusk's), `drawn` the outcome drawn when it
    has no text."""

    key: str
    label: str
    rejected: str = ""
    changes: tuple[Change, ...] = ()
    drawn: Drawn | None = None


@dataclass(frozen=True)
class Stop:
    """Where a playthrough with `stop_at_rejection` stopped: the policy's `step`-th choice (from 0;
    for `scripted`, the index of its key), refused by the engine on `day`."""

    step: int
    day: int
    date: str
    choice: ChoiceRecord


@dataclass
class DayRecord:
    day: int
    date: str
    # the day's events and choices as they came: each choice before what followed from it
    order: list[GameEvent | ChoiceRecord] = field(default_factory=list)
    # what changed at this dawn: from the starting values on the first day, else since the last
    # choice of the day before (its dusk, then this dawn)
    dawn_changes: tuple[Change, ...] = ()
    # what the last dusk changed, on the day the game ended on at dusk (no dawn followed it)
    dusk_changes: tuple[Change, ...] = ()
    # the outcome drawn for a deadline that ran out this day (at dawn, or at the last dusk), by
    # the demand's id, when it has no text (as for a choice's)
    expiry_drawn: dict[str, Drawn] = field(default_factory=dict)

    @property
    def events(self) -> list[GameEvent]:
        return [item for item in self.order if isinstance(item, GameEvent)]

    @property
    def choices(self) -> list[ChoiceRecord]:
        return [item for item in self.order if isinstance(item, ChoiceRecord)]


@dataclass
class Playthrough:
    scenario: Scenario
    seed: int
    final: GameState
    days: list[DayRecord]
    states: list[GameState] = field(default_factory=list)  # the state at each dawn, for the debrief
    stopped: Stop | None = None  # set when a rejected choice ended the playthrough early

    def to_json(self) -> dict[str, Any]:
        ending = self.scenario.endings.get(self.final.ending or "")
        stopped = self.stopped
        return {
            "scenario": self.scenario.id,
            "seed": self.seed,
            "days": [self._day_json(record) for record in self.days],
            "ending": {
                "id": self.final.ending,
                "title": ending.title if ending else "",
                "historical": bool(ending and ending.historical),
            },
            "stopped": None
            if stopped is None
            else {
                "choice": stopped.step + 1,
                "id": stopped.choice.key,
                "label": stopped.choice.label,
                "day": stopped.day,
                "date": stopped.date,
                "reason": stopped.choice.rejected,
            },
        }

    @classmethod
    def _choice_json(cls, choice: ChoiceRecord) -> dict[str, Any]:
        data: dict[str, Any] = {"id": choice.key, "label": choice.label}
        if choice.drawn is not None:
            data["outcome"] = cls._outcome_json(choice.drawn)
        if choice.changes:
            data["changes"] = [change.to_json() for change in choice.changes]
        return data

    @staticmethod
    def _outcome_json(drawn: Drawn) -> dict[str, Any]:
        return {"index": drawn.number, "of": drawn.of, "weight": drawn.weight}

    @classmethod
    def _event_json(cls, record: DayRecord, event: GameEvent) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": event.ref,
            "kind": event.kind,
            "title": event.title,
            "text": event.text,
            "sources": event.sources,
        }
        drawn = record.expiry_drawn.get(event.ref) if event.kind == "demand_expired" else None
        if drawn is not None:
            data["outcome"] = cls._outcome_json(drawn)
        return data

    @classmethod
    def _day_json(cls, record: DayRecord) -> dict[str, Any]:
        day: dict[str, Any] = {
            "day": record.day,
            "date": record.date,
            "events": [cls._event_json(record, e) for e in record.events if e.kind != "day"],
            # only the choices taken: one the engine refused changed nothing
            "actions": [cls._choice_json(c) for c in record.choices if not c.rejected],
        }
        if record.dawn_changes:
            day["dawn_changes"] = [change.to_json() for change in record.dawn_changes]
        if record.dusk_changes:
            day["dusk_changes"] = [change.to_json() for change in record.dusk_changes]
        rejected = [
            {"id": c.key, "label": c.label, "reason": c.rejected}
            for c in record.choices
            if c.rejected
        ]
        if rejected:
            day["rejected"] = rejected
        return day


def label_of(scenario: Scenario, choice: Choice) -> str:
    """The choice as the player saw it; its key if it names nothing in the scenario."""
    if isinstance(choice, TakeAction):
        action = scenario.actions.get(choice.action)
        return action.label if action else action_key(choice)
    if isinstance(choice, ReleaseInject):
        inject = scenario.injects.get(choice.inject)
        return f"Teacher's inject: {inject.title}" if inject else action_key(choice)
    if isinstance(choice, Respond):
        demand = scenario.demands.get(choice.demand)
        response = demand.responses.get(choice.response) if demand else None
        if demand is None or response is None:
            return action_key(choice)
        return f"{demand.title}: {response.label}"
    return "End the day"


def play(
    scenario: Scenario,
    seed: int,
    policy: Policy,
    policy_seed: int | None = None,
    *,
    stop_at_rejection: bool = False,
) -> Playthrough:
    """Play one game to its end with `policy`.

    A choice the engine refuses changes nothing and is recorded as rejected, with the engine's
    reason. With `stop_at_rejection` the playthrough ends there (`Playthrough.stopped` says where);
    otherwise the policy is asked again.
    """
    state, events = new_game(scenario, seed)
    opening = _changes(scenario, _starting_values(scenario), state)
    days = [DayRecord(state.day, state.date.isoformat(), list(events), opening)]
    states = [state]
    stopped: Stop | None = None
    probe = _OutcomeProbe(scenario)
    generator = rng.seed_state(seed if policy_seed is None else policy_seed)
    for number in range(MAX_STEPS):
        if state.over:
            break
        choice, generator = policy(scenario, state, generator)
        earlier = state
        before = state.day
        state, events = step(scenario, state, choice)
        rejected = next((e.text or e.title for e in events if e.kind == "rejected"), "")
        if rejected:  # the author's tool: which part of the choice's condition failed, if that
            rejected = why_not_for_author(scenario, earlier, choice) or rejected
        changes = _changes(scenario, earlier, state)
        drawn = None if rejected else probe.drawn(earlier, choice, events)
        new_day = state.day != before
        # the night's changes go with the new day's dawn; the last dusk's with its day
        at_dusk = not new_day and isinstance(choice, EndDay) and not rejected
        record = ChoiceRecord(
            action_key(choice),
            label_of(scenario, choice),
            rejected,
            () if new_day or at_dusk else changes,
            drawn,
        )
        if at_dusk:
            days[-1].dusk_changes = changes
        # deadlines run out at a dawn, or at the last dusk: only when a day ends
        expired = (
            {}
            if rejected or not isinstance(choice, EndDay)
            else probe.expired(earlier, choice, events)
        )
        days[-1].order.append(record)
        if rejected:
            # told once, on the choice; the engine's event carries nothing more
            events = [e for e in events if e.kind != "rejected"]
            if stop_at_rejection:
                stopped = Stop(number, state.day, state.date.isoformat(), record)
                break
        if new_day:
            # events after the dusk belong to the new day; those before it to the old one
            split = next((i for i, e in enumerate(events) if e.kind == "day"), len(events))
            days[-1].order.extend(events[:split])
            days.append(DayRecord(state.day, state.date.isoformat(), list(events[split:]), changes))
            states.append(state)
        else:
            days[-1].order.extend(events)
        for demand, drawn_there in expired.items():
            # on the day whose events tell the deadline ran out
            day = next(
                d
                for d in days[-2:]
                if any(e.kind == "demand_expired" and e.ref == demand for e in d.events)
            )
            day.expiry_drawn[demand] = drawn_there
    return Playthrough(scenario, seed, state, days, states, stopped)


def scripted(keys: list[str]) -> Policy:
    """A policy that plays a fixed list of choice keys (`talk`, `first:accept`, `end`), then ends days."""
    remaining = list(keys)

    def policy(scenario: Scenario, state: GameState, generator: int) -> tuple[Choice, int]:
        if not remaining:
            return EndDay(), generator
        return parse_choice(remaining.pop(0)), generator

    return policy


def check_choice(scenario: Scenario, key: str) -> tuple[str, str] | None:
    """Whether `key` names something `scenario` has: None, or (the problem, a hint).

    Only the form and the names are checked; whether the choice is possible when it comes up is
    the engine's to say during play.
    """
    key = key.strip()
    if not key:
        return "an empty choice", CHOICE_FORMS
    choice = parse_choice(key)
    if isinstance(choice, EndDay):
        return None
    if isinstance(choice, ReleaseInject):
        if choice.inject in scenario.injects:
            return None
        return f"unknown inject '{choice.inject}'", _hint(
            choice.inject, scenario.injects, "the injects"
        )
    if isinstance(choice, Respond):
        demand = scenario.demands.get(choice.demand)
        if demand is None:
            return f"unknown demand '{choice.demand}'", _hint(
                choice.demand, scenario.demands, "the demands"
            )
        if choice.response in demand.responses:
            return None
        return (
            f"unknown response '{choice.response}' for demand '{choice.demand}'",
            _hint(choice.response, demand.responses, "its responses"),
        )
    if choice.action in scenario.actions:
        return None
    if choice.action in scenario.demands:
        responses = ", ".join(scenario.demands[choice.action].responses)
        return (
            f"'{choice.action}' is a demand, not an action",
            f"write {choice.action}:RESPONSE; its responses: {responses}",
        )
    hint = did_you_mean(choice.action, scenario.actions)
    return f"unknown action '{choice.action}'", hint or CHOICE_FORMS


def _hint(word: str, names: dict[str, Any], listed_as: str) -> str:
    """'did you mean ...?' when `word` looks like a typo, else the names there are."""
    return did_you_mean(word, names) or f"{listed_as}: {', '.join(names) or 'none'}"


def parse_choice(key: str) -> Choice:
    return parse_action_key(key)


class _Values(NamedTuple):
    stats: dict[str, int]
    flags: dict[str, bool]
    attitudes: dict[str, int]


def _starting_values(scenario: Scenario) -> _Values:
    """The stats, flags and actors' attitudes as the file starts them, before the first dawn."""
    return _Values(
        {sid: stat.start for sid, stat in scenario.stats.items()},
        {fid: flag.start for fid, flag in scenario.flags.items()},
        {aid: actor.attitude for aid, actor in scenario.actors.items()},
    )


def _changes(
    scenario: Scenario, before: GameState | _Values, after: GameState
) -> tuple[Change, ...]:
    """What changed from one state to another, for an author reading the log: stats (hidden ones
    too, marked hidden while the player cannot see them, as the status screen shows '?'), then the actors' attitudes, then flags. (Hidden values never change in play.)"""
    moved = [
        Change(
            sid,
            stat.label,
            before.stats[sid],
            after.stats[sid],
            hidden=not stat_visible(scenario, after, sid),
        )
        for sid, stat in scenario.stats.items()
        if before.stats.get(sid) != after.stats.get(sid)
    ]
    attitudes = [
        Change(aid, actor.name, before.attitudes[aid], after.attitudes[aid], attitude=True)
        for aid, actor in scenario.actors.items()
        if before.attitudes.get(aid) != after.attitudes.get(aid)
    ]
    flags = [
        Change(fid, flag.label, before.flags[fid], after.flags[fid], flag=True)
        for fid, flag in scenario.flags.items()
        if before.flags.get(fid) != after.flags.get(fid)
    ]
    # a stall that buys time moves the deadline (an author's review: the log said only
    # "[demand_answered] First demand: Stall", and the new date was nowhere)
    was = before.demands if isinstance(before, GameState) else {}
    deadlines = [
        Change(did, scenario.demands[did].title, str(old), str(new), deadline=True)
        for did, active in after.demands.items()
        if did in was
        and (old := was[did].deadline) is not None
        and (new := active.deadline) is not None
        and old != new
    ]
    return (*moved, *attitudes, *flags, *deadlines)


_MARK = "\x00outcome "


class _OutcomeProbe:
    """Which weighted outcome a choice drew, or a deadline that ran out (a demand's
    `expiry_outcomes`, at a dawn or at the last dusk), when the outcome has no text (and so no
    event) and more than one outcome had a positive weight (with one, it comes for certain:
    nothing is drawn); or that none was, every weight being 0 or less (then neither the step nor
    the probe tells one).

    The engine's `step` tells an outcome only by its text. The probe takes the same step from the
    same state on a copy of the scenario whose text-less outcomes (of actions, responses and
    deadlines) carry a marker text: the draws are the same (same state, same weights; texts steer
    nothing), and the marker says which it was. To tell a draw from a certainty it steps once
    more, with the drawn outcome's weight at 0: when no outcome comes then, the drawn one was the
    only one with a positive weight. Only the public `step` is used; the probe's states and events
    are then thrown away.
    """

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self._marked: Scenario | None = None

    def drawn(self, state: GameState, choice: Choice, events: list[GameEvent]) -> Drawn | None:
        where = self._where(choice)
        outcomes = self._outcomes(self.scenario, where) if where else []
        if not where or not outcomes:
            return None
        # the drawn outcome had text: the step's own events show it
        if any(e.kind == "outcome" for e in events):
            return None
        return self._probe(state, choice, where, outcomes, where[1])

    def expired(
        self, state: GameState, choice: Choice, events: list[GameEvent]
    ) -> dict[str, Drawn]:
        """For ending the day: the outcome drawn for each deadline that ran out in the step."""
        found: dict[str, Drawn] = {}
        for event in events:
            if event.kind != "demand_expired":
                continue
            where = ("expiry", event.ref)
            outcomes = self._outcomes(self.scenario, where)
            if not outcomes or any(e.kind == "outcome" and e.ref == event.ref for e in events):
                continue  # no outcomes, or the drawn one had text: the step's events show it
            drawn = self._probe(state, choice, where, outcomes, event.ref)
            if drawn is not None:
                found[event.ref] = drawn
        return found

    def _probe(
        self,
        state: GameState,
        choice: Choice,
        where: tuple[str, ...],
        outcomes: list[Outcome],
        ref: str,
    ) -> Drawn | None:
        if all(outcome.text for outcome in outcomes):
            return Drawn(None, len(outcomes), None)  # none had text, so none was drawn
        index = self._marked_index(self._marked_scenario(), state, choice, ref)
        if index is None:
            return Drawn(None, len(outcomes), None)  # every weight was 0: nothing was drawn
        # with the drawn outcome's weight at 0, does another one come? If none does, it was the
        # only one with a positive weight: it came for certain, and nothing was drawn (Turn.pick)
        if self._marked_index(self._without(where, index), state, choice, ref) is None:
            return None
        return Drawn(index + 1, len(outcomes), str(outcomes[index].weight))

    @staticmethod
    def _marked_index(scenario: Scenario, state: GameState, choice: Choice, ref: str) -> int | None:
        _, probed = step(scenario, state, choice)
        for event in probed:
            if event.kind == "outcome" and event.ref == ref and event.text.startswith(_MARK):
                return int(event.text[len(_MARK) :])
        return None

    @staticmethod
    def _where(choice: Choice) -> tuple[str, ...] | None:
        """Whose outcomes a choice draws: ("action", ID) or ("response", DEMAND, RESPONSE)."""
        if isinstance(choice, TakeAction):
            return ("action", choice.action)
        if isinstance(choice, Respond):
            return ("response", choice.demand, choice.response)
        return None

    @staticmethod
    def _outcomes(scenario: Scenario, where: tuple[str, ...]) -> list[Outcome]:
        if where[0] == "action":
            action = scenario.actions.get(where[1])
            return action.outcomes if action else []
        demand = scenario.demands.get(where[1])
        if demand is None:
            return []
        if where[0] == "expiry":
            return demand.expiry_outcomes
        response = demand.responses.get(where[2])
        return response.outcomes if response else []

    @staticmethod
    def _replace(scenario: Scenario, where: tuple[str, ...], outcomes: list[Outcome]) -> Scenario:
        """`scenario` with the outcomes at `where` replaced."""
        if where[0] == "action":
            action = scenario.actions[where[1]]
            actions = {
                **scenario.actions,
                where[1]: action.model_copy(update={"outcomes": outcomes}),
            }
            return scenario.model_copy(update={"actions": actions})
        demand = scenario.demands[where[1]]
        if where[0] == "expiry":
            demand = demand.model_copy(update={"expiry_outcomes": outcomes})
        else:
            response = demand.responses[where[2]]
            responses = {
                **demand.responses,
                where[2]: response.model_copy(update={"outcomes": outcomes}),
            }
            demand = demand.model_copy(update={"responses": responses})
        return scenario.model_copy(update={"demands": {**scenario.demands, where[1]: demand}})

    def _without(self, where: tuple[str, ...], index: int) -> Scenario:
        """The scenario with every outcome at `where` marked, and outcome `index` weighing 0."""
        marked = [
            o.model_copy(update={"text": f"{_MARK}{i}", "weight": 0 if i == index else o.weight})
            for i, o in enumerate(self._outcomes(self.scenario, where))
        ]
        return self._replace(self.scenario, where, marked)

    def _marked_scenario(self) -> Scenario:
        if self._marked is None:
            scenario = self.scenario

            def mark(outcomes: list[Outcome]) -> list[Outcome]:
                return [
                    o if o.text else o.model_copy(update={"text": f"{_MARK}{i}"})
                    for i, o in enumerate(outcomes)
                ]

            actions = {
                aid: a.model_copy(update={"outcomes": mark(a.outcomes)})
                for aid, a in scenario.actions.items()
            }
            demands = {
                did: d.model_copy(
                    update={
                        "responses": {
                            rid: r.model_copy(update={"outcomes": mark(r.outcomes)})
                            for rid, r in d.responses.items()
                        },
                        "expiry_outcomes": mark(d.expiry_outcomes),
                    }
                )
                for did, d in scenario.demands.items()
            }
            self._marked = scenario.model_copy(update={"actions": actions, "demands": demands})
        return self._marked


def _said(changes: tuple[Change, ...], heading: str) -> list[str]:
    if not changes:
        return []
    return [f"  = {heading}: " + "; ".join(str(change) for change in changes)]


def _day_lines(record: DayRecord, dawn: str) -> list[str]:
    """A day's lines: the dawn's events and what they changed, then each choice, what followed
    from it and what it changed (the outcome drawn first, when it has no text of its own). The
    ending is the last thing to happen: what came before it is told before it."""
    lines: list[str] = []
    last: ChoiceRecord | None = None  # the choice whose consequences are being listed
    told = False  # whether they have been told (before the ending)

    def close() -> None:  # what the dawn, or the last choice, changed
        nonlocal told
        if told:
            return
        told = True
        if last is None:
            lines.extend(_said(record.dawn_changes, dawn))
            return
        if last.drawn is not None:
            lines.append(f"  = {last.drawn}")
        lines.extend(_said(last.changes, "changed"))
        if last.key == "end":
            lines.extend(_said(record.dusk_changes, "at dusk"))

    for item in record.order:
        if isinstance(item, ChoiceRecord):
            close()
            last, told = item, False
            if item.rejected:
                lines.append(f"  ! Rejected: {item.label}")
                lines.append(f"      {item.rejected}")
            else:
                lines.append(f"  > {item.label}")
        elif item.kind != "day":
            if item.kind == "ending":
                close()
            # an intelligence report's stated reliability, as the player reads it with the report
            stated = f" (reliability {item.reliability}%)" if item.reliability is not None else ""
            lines.append(f"  [{item.kind}] {item.title}{stated}")
            if item.text:
                lines.append(f"      {item.text.strip()}".replace("\n", "\n      "))
            if item.accurate is False:
                # an intelligence report that said the opposite of the truth when it came (the
                # engine knows; a reader of a historical replay should not take a planted rumour
                # for what happened)
                lines.append("      (This report was wrong: the truth was the other way.)")
            expiry = record.expiry_drawn.get(item.ref) if item.kind == "demand_expired" else None
            if expiry is not None:
                lines.append(f"  = {expiry}")
    close()
    return lines


def render_log(playthrough: Playthrough) -> str:
    """The readable day-by-day log (also the golden file of the historical replay)."""
    scenario = playthrough.scenario
    lines = [f"{scenario.title} — seed {playthrough.seed}", ""]
    for index, record in enumerate(playthrough.days):
        lines.append(f"== Day {record.day}: {record.date} ==")
        dawn = "at dawn, from the starting values" if index == 0 else "overnight (dusk, then dawn)"
        lines += _day_lines(record, dawn)
        lines.append("")
    stopped = playthrough.stopped
    ending = scenario.endings.get(playthrough.final.ending or "")
    if stopped is not None:
        lines.append(
            f"Stopped: choice {stopped.step + 1} ({stopped.choice.key}) was rejected on day "
            f"{stopped.day}; the choices after it were not played."
        )
    elif ending:
        mark = " (the historical ending)" if ending.historical else ""
        lines.append(f"Ending: {ending.title}{mark}")
    return "\n".join(lines) + "\n"
