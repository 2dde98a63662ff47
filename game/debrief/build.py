"""Build the debrief of one game: the player's decisions day by day beside the historical record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from game.debrief.citations import Citations
from game.debrief.model import (
    TIMED_OUT,
    DayEntry,
    Debrief,
    Decision,
    DisputeView,
    Divergence,
    EndingView,
    Happening,
    HiddenValue,
    HistoryEntry,
    Score,
    Vote,
    dates_text,
)
from game.debrief.turned_on import turned_on
from game.engine.api import states_before_choices
from game.engine.dates import long_date
from game.engine.query import deadline_words
from game.engine.state import GameEvent, GameState, LogEntry
from game.engine.words import score_labels
from game.scenario.model import Action, HistoricalPeriod, HistoryNote, Scenario

# Inbox items that merely echo the player's own decision (the decisions are listed separately).
_ECHO_KINDS = frozenset({"action", "demand_answered"})


def build_debrief(
    scenario: Scenario,
    state: GameState,
    *,
    seed: int,
    player_name: str = "",
    played_on: str = "",
    practice: bool = False,
    made_by: str = "",
    replay: bool = False,
    votes: Sequence[Vote | Mapping[str, Any]] | None = None,
    passed_days: Iterable[int] = (),
    timed_out_days: Iterable[int] = (),
) -> Debrief:
    """The debrief of a game: what the player did, day by day, beside what happened in history.

    Pure: reads only its arguments (no clock, no files). Front ends render the result with
    `render_markdown` or `render_html`, or read the fields directly (it is a frozen pydantic model;
    `Debrief.model_dump(mode="json")` gives plain data).

    Args:
        scenario: the scenario the game was played in.
        state: the final state (normally one with `state.over`; a game still in progress gives a
            debrief up to its current day, with `ending=None` and `over=False`).
        seed: the game's seed, printed so the run can be reproduced.
        player_name: the student's name, as typed ("" for none).
        played_on: the date of play as the shell read it, e.g. "2025-03-14" (the core has no clock).
        practice: a practice game (the reports say so, so it is not handed in by mistake).
        made_by: how the report was made, in words for its "Made by" line, e.g. "playing in the
            window" or "replaying history's choices (replay --historical)" ("" for no line).
        replay: made by replaying fixed choices, not by playing: the report says so at its top,
            so a replay is not handed in as a game played.
        votes: class votes taken during a classroom game, each a `Vote` or a mapping with the keys
            `question` (str), and optionally `date` (ISO date), `tally` ({option: count}) and
            `chosen` (str). A malformed vote raises pydantic's ValidationError.
        passed_days: the numbers of the days lesson mode passed without a council (the front
            end that ran the game knows them; the state does not). History's actions of those
            days are not counted as missed, and the reports say which days they were.
        timed_out_days: the numbers of the days whose council the classroom's time limit ended;
            the reports say so, also beside an action of that day's history not taken.

    The debrief holds:
        * `ending`: title, epilogue, whether historical, the four scores, historians' verdicts;
        * `days`: every day from the calendar's start to `ended_on`, each with the player's
          `decisions` (from `state.log`, days ended are not listed), the `happenings` (inbox items of
          that date), the `history` notes for that date and how its `council` went ("none" for the
          day a game ended at its dawn, before any choice);
        * `background` (notes dated before the start) and `aftermath` (notes dated after the game
          ended: how it really went on), each note marked with its `period`;
        * `divergences`: answers different from a demand's `historical_response` (or a deadline let
          pass), historical actions not taken on their `historical_dates` or in their
          `historical_period` (not on a day without a
          council; saying so when their
          flags had been set another way by the end of that day, which a replay of `state.log`
          from `state.seed` through the engine tells), actions history did not take that day, and
          an ending other than the historical one; sorted by (first) date. The same departure
          on several days (the same answer to a demand, the same action, the same historical
          action not taken) is one divergence with all its `dates`, and a demand's historical
          note is given once: a later divergence with the same note points back to it (`note_as`);
        * `hidden`: the hidden draws (with the label of the drawn choice) and hidden stats;
        * `disputes`, reflection `questions`, `votes`;
        * `sources`: every source cited anywhere above, in numeric order; each is numbered by its
          place in the scenario's list of sources, so a source has the same number in every
          report of the scenario (`Citations`), and each `SourceRef` elsewhere carries the same
          number, for footnotes (those of one passage in numeric order).
    """
    cite = Citations(scenario)
    start = scenario.calendar.start
    ended_on = max(state.date, start)
    ending = _ending(scenario, state, cite)
    passed = {start + dt.timedelta(days=day - 1) for day in passed_days}
    timed_out = {start + dt.timedelta(days=day - 1) for day in timed_out_days} - passed
    # A game that ended at a dawn (a deadline's expiry, say) before any choice that day held no
    # council that day: nothing history did that day could have been done.
    ended_at_dawn = (
        {state.date} - passed
        if state.over and not any(entry.date == state.date for entry in state.log)
        else set()
    )
    # Without decisions of history's own, every choice would be "history did not do this", in a
    # story history never had; and what those entries cited must not reach the sources' list.
    records_decisions = scenario.records_decisions
    divergences = (
        _divergences(scenario, state, cite, passed | ended_at_dawn, timed_out)
        if records_decisions
        else []
    )
    notes = sorted(
        scenario.history, key=lambda note: note.date
    )  # stable: authored order within a day
    background = [_note(n, "background", cite) for n in notes if n.date < start]
    injected = _released_injects(scenario, state)
    days = []
    for offset in range((ended_on - start).days + 1):
        date = start + dt.timedelta(days=offset)
        days.append(
            DayEntry(
                day=offset + 1,
                date=date,
                decisions=[
                    _decision(scenario, entry)
                    for entry in state.log
                    if entry.date == date and entry.kind in ("action", "respond")
                ],
                happenings=[
                    Happening(
                        kind=e.kind,
                        title=e.title,
                        text=e.text,
                        sources=cite.all(e.sources),
                        teacher=index in injected,
                        deadline=_deadline(state, e),
                        counterfactual=e.counterfactual,
                        accurate=e.accurate,
                    )
                    for index, e in enumerate(state.inbox)
                    if e.date == date and e.kind not in _ECHO_KINDS
                ],
                history=[_note(n, "played", cite) for n in notes if n.date == date],
                council="passed"
                if date in passed
                else "none"
                if date in ended_at_dawn
                else "timed_out"
                if date in timed_out
                else "held",
            )
        )
    aftermath = [_note(n, "after", cite) for n in notes if n.date > ended_on]
    disputes = [
        DisputeView(question=d.question, versions=list(d.versions), sources=cite.all(d.sources))
        for d in scenario.disputes
    ]
    return Debrief(
        scenario_id=scenario.id,
        scenario_title=scenario.title,
        scenario_subtitle=scenario.subtitle,
        character=scenario.player.name,
        seed=seed,
        player_name=player_name.strip(),
        played_on=played_on,
        practice=practice,
        made_by=made_by,
        replay=replay,
        start=start,
        end=scenario.calendar.end,
        ended_on=ended_on,
        over=state.over,
        ending=ending,
        historical_endings=[e.title for e in scenario.endings.values() if e.historical],
        premise=" ".join(scenario.counterfactual.split()),
        has_history=scenario.has_history,
        records_decisions=records_decisions,
        background=background,
        days=days,
        aftermath=aftermath,
        divergences=divergences,
        hidden=_hidden(scenario, state),
        disputes=disputes,
        questions=list(scenario.questions),
        votes=[v if isinstance(v, Vote) else Vote.model_validate(v) for v in (votes or [])],
        sources=cite.cited(),
        characters_lang=scenario.characters_lang,
    )


def _released_injects(scenario: Scenario, state: GameState) -> set[int]:
    """The places in `state.inbox` of the items a teacher released (the log's "inject" entries):
    each release's item has the inject's id as its ref, its title and the release's date (an
    event of the same id is told apart by its title)."""
    found: set[int] = set()
    for entry in state.log:
        inject = scenario.injects.get(entry.ref) if entry.kind == "inject" else None
        if inject is None:
            continue
        index = next(
            (
                i
                for i, e in enumerate(state.inbox)
                if i not in found
                and e.ref == entry.ref
                and e.date == entry.date
                and e.title == inject.title
            ),
            None,
        )
        if index is not None:
            found.add(index)
    return found


def _deadline(state: GameState, item: GameEvent) -> dt.date | None:
    """For the news that a deadline passed (it comes at the dawn after it): the deadline's day."""
    active = state.demands.get(item.ref) if item.kind == "demand_expired" else None
    return active.deadline if active is not None else None


def _note(note: HistoryNote, period: str, cite: Citations) -> HistoryEntry:
    return HistoryEntry(
        date=note.date,
        title=note.title,
        text=note.text,
        sources=cite.all(note.sources),
        popular_account=note.popular_account,
        disputed=note.disputed,
        period=period,
    )


def _decision(scenario: Scenario, entry: LogEntry) -> Decision:
    if entry.kind == "action":
        action = scenario.actions.get(entry.ref)
        historical = action is not None and action.done_in_history_on(entry.date)
        return Decision(
            kind="action", ref=entry.ref, label=entry.label or entry.ref, historical=historical
        )
    demand = scenario.demands.get(entry.ref)
    historical = demand is not None and demand.historical_response == entry.response
    return Decision(
        kind="respond",
        ref=entry.ref,
        response=entry.response,
        label=entry.label or entry.ref,
        historical=historical,
    )


def _ending(scenario: Scenario, state: GameState, cite: Citations) -> EndingView | None:
    spec = scenario.endings.get(state.ending or "") if state.over else None
    if spec is None or state.ending is None:
        return None
    scores = [
        Score(key=key, label=label, value=getattr(spec.scores, key))
        for key, label in score_labels(scenario).items()
    ]
    return EndingView(
        id=state.ending,
        title=spec.title,
        epilogue=spec.epilogue,
        historical=spec.historical,
        scores=scores,
        verdicts=list(spec.verdicts),
        sources=cite.all(spec.sources),
        turned_on=turned_on(scenario, state),
    )


def _divergences(
    scenario: Scenario,
    state: GameState,
    cite: Citations,
    without_council: AbstractSet[dt.date] = frozenset(),
    timed_out: AbstractSet[dt.date] = frozenset(),
) -> list[Divergence]:
    """Every departure from history, in the order the reports give them. `without_council`: the
    days no council met (lesson mode passed them, or the game ended at their dawn): history's
    actions of those days are not counted as missed."""
    decisions = [entry for entry in state.log if entry.kind in ("action", "respond")]
    found = [
        *_answer_divergences(scenario, decisions, cite),
        *_deadline_divergences(scenario, state, decisions, cite),
        *_missed_actions(scenario, state, decisions, cite, without_council, timed_out),
        *_extra_actions(scenario, decisions, cite),
        *_ending_divergence(scenario, state, cite),
    ]
    # within a day: answers, then actions, then a deadline that ran out at the end of that day
    order = {
        "response": 0,
        "unanswered": 0,
        "missed_action": 1,
        "extra_action": 1,
        "expired": 2,
        "ending": 3,
    }
    ordered = sorted(found, key=lambda d: (d.date is None, d.date or dt.date.max, order[d.kind]))
    return _note_once(ordered)


def _answer_divergences(
    scenario: Scenario, decisions: Sequence[LogEntry], cite: Citations
) -> list[Divergence]:
    """Answers other than history's (every answer counts, a stall included: it is a choice made
    that day). The same answer on several days is one divergence, with all its days."""
    answers: dict[tuple[str, str], list[dt.date]] = {}
    for entry in decisions:
        if entry.kind != "respond":
            continue
        demand = scenario.demands.get(entry.ref)
        if (
            demand is None
            or demand.historical_response is None
            or entry.response == demand.historical_response
        ):
            continue
        days = answers.setdefault((entry.ref, entry.response), [])
        if entry.date not in days:  # the same answer again that day says nothing new
            days.append(entry.date)
    found = []
    for (did, rid), days in answers.items():
        demand = scenario.demands[did]
        found.append(
            Divergence(
                kind="response",
                date=days[0],
                dates=days,
                you=f"You answered '{demand.title}': {_response_label(scenario, did, rid)}.",
                history=f"History answered: {_response_label(scenario, did, demand.historical_response or '')}.",
                note=demand.historical_note,
                sources=cite.all(demand.sources),
            )
        )
    return found


def _deadline_divergences(
    scenario: Scenario, state: GameState, decisions: Sequence[LogEntry], cite: Citations
) -> list[Divergence]:
    """Demands history answered that the player let run out, or left open when the game ended."""
    answered = {(e.ref, e.response) for e in decisions if e.kind == "respond"}
    found = []
    for did, active in state.demands.items():
        demand = scenario.demands.get(did)
        if demand is None or demand.historical_response is None:
            continue
        historical = demand.responses.get(demand.historical_response)
        if active.status == "expired":
            # dated by the deadline itself (the engine lets it run out at the next dawn), and
            # named as the demand put it while no stall had moved it: "noon, 12 June"
            date = active.deadline or next(
                (e.date for e in state.inbox if e.kind == "demand_expired" and e.ref == did),
                state.date,
            )
            you = f"You let '{demand.title}' run out without a final answer"
            label = deadline_words(scenario, active)
            you += f" (its deadline: {label})." if label else "."
            kind = "expired"
        elif (
            active.status == "pending"
            and state.over
            and historical is not None
            and historical.closes
            and (did, demand.historical_response) not in answered
        ):
            date, kind = state.date, "unanswered"
            you = f"'{demand.title}' was still unanswered when the game ended."
        else:
            continue
        found.append(
            Divergence(
                kind=kind,
                date=date,
                dates=[date],
                you=you,
                history=f"History answered: {_response_label(scenario, did, demand.historical_response)}.",
                note=demand.historical_note,
                sources=cite.all(demand.sources),
            )
        )
    return found


def _missed_actions(
    scenario: Scenario,
    state: GameState,
    decisions: Sequence[LogEntry],
    cite: Citations,
    without_council: AbstractSet[dt.date],
    timed_out: AbstractSet[dt.date],
) -> list[Divergence]:
    """Historical actions not taken on their day (only days the game reached, and had a council).

    Not counted as missed: an action the game allows once that was already taken earlier (the
    early day is listed as such). One whose every flag was set by the end of that day's council
    came about another way (say, by accepting a demand that included it): still a divergence,
    since history did it on its own initiative that day, but said so. The flags of that day, not
    the last day's: one set only later, or set and cleared again, says nothing about that day."""
    taken = {(e.ref, e.date) for e in decisions if e.kind == "action"}
    flags_on = _FlagsByDay(scenario, state)
    found = []
    for aid, action in scenario.actions.items():
        missed: list[dt.date] = []
        another_way: list[dt.date] = []
        short: list[dt.date] = []
        for date in sorted(action.historical_dates):
            if not scenario.calendar.start <= date <= state.date or (aid, date) in taken:
                continue
            if date in without_council:  # no council met that day: nothing could be done
                continue
            before = sum(
                1 for e in decisions if e.kind == "action" and e.ref == aid and e.date < date
            )
            if action.max_uses is not None and before >= action.max_uses:
                continue
            missed.append(date)
            if _done_another_way(action, flags_on, date):
                another_way.append(date)
            if date in timed_out:
                short.append(date)
        period = action.historical_period
        if period is not None and _missed_period(
            aid, action.max_uses, period, state, decisions, without_council
        ):
            # (review: a Yu already relieved by accepting the 29 May notice was "not relieved")
            otherwise = (
                " By then it had come about another way."
                if any(_done_another_way(action, flags_on, day) for day in period.days)
                else ""
            )
            found.append(
                Divergence(
                    kind="missed_action",
                    date=period.end,
                    dates=[period.end],
                    you=f"You did not: {action.label}.{otherwise}",
                    history=f"History did it {period.words}.",
                    sources=cite.all(action.sources),
                )
            )
        if not missed:
            continue
        # one day: "that day"; several (one divergence): each remark names its days
        otherwise = ""
        if another_way:
            council = (
                "that day's council"
                if len(missed) == 1
                else "each of those days' councils"
                if another_way == missed
                else f"the council{'s' if len(another_way) > 1 else ''} of {dates_text(another_way)}"
            )
            otherwise += f" By the end of {council} it had come about another way."
        if short:
            otherwise += f" {TIMED_OUT} " + (
                "that day."
                if len(missed) == 1
                else "on each of those days."
                if short == missed
                else f"on {dates_text(short)}."
            )
        found.append(
            Divergence(
                kind="missed_action",
                date=missed[0],
                dates=missed,
                you=f"You did not: {action.label}.{otherwise}",
                history="History did it that day."
                if len(missed) == 1
                else "History did it on each of those days.",
                sources=cite.all(action.sources),
            )
        )
    return found


def _missed_period(
    aid: str,
    max_uses: int | None,
    period: HistoricalPeriod,
    state: GameState,
    decisions: Sequence[LogEntry],
    without_council: AbstractSet[dt.date],
) -> bool:
    """Whether an action history took on a day of `period` (the record does not say which) was
    not taken on any of them: only once the game has reached the period's last day, if a council
    met on one of its days, and unless the game's uses of it were spent before the period."""
    if state.date < period.end:
        return False  # the player may still do it in time
    if all(day in without_council for day in period.days):
        return False
    mine = [e.date for e in decisions if e.kind == "action" and e.ref == aid]
    if any(period.holds(day) for day in mine):
        return False
    before = sum(1 for day in mine if day < period.start)
    return max_uses is None or before < max_uses


NOT_IN_RECORD = "The record does not show this done in the days the game covers."
# For an action with a historical note, which says what the record shows instead: the record may
# well show it done in the game's days, only otherwise (the Hebei party branches closed on 10 June
# as part of He's acceptance of the four demands, not as a step of his own: play-test, the
# debrief said "not shown done in the days the game covers" above a timeline that showed it).
OTHERWISE = "History went otherwise."


def _extra_actions(
    scenario: Scenario, decisions: Sequence[LogEntry], cite: Citations
) -> list[Divergence]:
    """Actions history did not take that day (one divergence for all the days of one action)."""
    extra: dict[str, list[dt.date]] = {}
    labels: dict[str, str] = {}
    for entry in decisions:
        if entry.kind != "action":
            continue
        action = scenario.actions.get(entry.ref)
        if action is None or action.done_in_history_on(entry.date):
            continue
        days = extra.setdefault(entry.ref, [])
        if entry.date not in days:
            days.append(entry.date)
        labels.setdefault(entry.ref, entry.label or action.label)
    found = []
    for aid, days in extra.items():
        action = scenario.actions[aid]
        not_these = "not this day" if len(days) == 1 else "not on those days"
        if action.historical_period is not None:
            history = f"History did this {action.historical_period.words}, {not_these}."
        elif action.historical_dates:
            history_days = ", ".join(long_date(d, weekday=False) for d in action.historical_dates)
            history = f"History did this on {history_days}, {not_these}."
        elif action.historical_note:  # the note, given beside it, says what the record shows
            history = OTHERWISE
        else:  # the record is silent: it cannot say more than that (teacher's report review)
            history = NOT_IN_RECORD
        found.append(
            Divergence(
                kind="extra_action",
                date=days[0],
                dates=days,
                you=f"You: {labels[aid]}.",
                history=history,
                note=action.historical_note,
                sources=cite.all(action.sources),
            )
        )
    return found


def _ending_divergence(scenario: Scenario, state: GameState, cite: Citations) -> list[Divergence]:
    """A different ending: none, or the one divergence saying how history ended."""
    spec = scenario.endings.get(state.ending or "") if state.over else None
    historical_endings = [e for e in scenario.endings.values() if e.historical]
    if spec is None or spec.historical or not historical_endings:
        return []
    return [
        Divergence(
            kind="ending",
            date=None,
            you=f"Your game ended: {spec.title}.",
            history="History ended: " + "; ".join(e.title for e in historical_endings) + ".",
            sources=cite.all(tag for e in historical_endings for tag in e.sources),
        )
    ]


def _note_once(divergences: list[Divergence]) -> list[Divergence]:
    """Each historical note given once: a later divergence with the same note as an earlier one
    (another answer to the same demand, its deadline, its being unanswered at the end) points
    back to the earlier one (`note_as`) instead of repeating it."""
    first: dict[str, int] = {}
    out = []
    for index, div in enumerate(divergences):
        if div.note and div.note in first:
            div = div.model_copy(update={"note": "", "note_as": first[div.note]})
        elif div.note:
            first[div.note] = index
        out.append(div)
    return out


def _done_another_way(action: Action, flags_on: _FlagsByDay, date: dt.date) -> bool:
    """Whether everything the action certainly brings about was so at the end of the council of
    `date`: each flag it sets to true was true (an action that sets no flag cannot tell)."""
    names = [name for name, value in action.effects.changes().items() if value is True]
    if not names:
        return False
    flags = flags_on(date)
    return flags is not None and all(flags.get(name, False) for name in names)


class _FlagsByDay:
    """The flags as they stood at the end of each day's council (after the player's last
    choice that day, before its dusk), found by replaying the game's log from its seed through
    the engine (the state keeps only the last flags). The replay is made once, when first asked.
    None for a day when the replay does not arrive at the game's state (it always should)."""

    def __init__(self, scenario: Scenario, state: GameState):
        self.scenario, self.state = scenario, state
        self.by_date: dict[dt.date, dict[str, bool]] | None = None

    def __call__(self, date: dt.date) -> dict[str, bool] | None:
        if self.by_date is None:
            self.by_date = self._replay()
        return self.by_date.get(date)

    def _replay(self) -> dict[dt.date, dict[str, bool]]:
        state = self.state
        before = states_before_choices(self.scenario, state)
        if before is None:
            return {}
        by_date: dict[dt.date, dict[str, bool]] = {
            earlier.date: earlier.flags  # the council ends: dusk comes next
            for entry, earlier in zip(state.log, before, strict=True)
            if entry.kind == "end_day"
        }
        if state.date not in by_date:  # a day still in council, or one the game ended in
            by_date[state.date] = state.flags
        return by_date


def _response_label(scenario: Scenario, demand_id: str, response_id: str) -> str:
    demand = scenario.demands.get(demand_id)
    response = demand.responses.get(response_id) if demand else None
    return response.label if response else response_id


def _hidden(scenario: Scenario, state: GameState) -> list[HiddenValue]:
    values = []
    for hid, spec in scenario.hidden.items():
        if hid not in state.hidden:
            continue
        value = state.hidden[hid]
        value_label = next((c.label for c in spec.choices if c.value == value), "")
        values.append(
            HiddenValue(
                id=hid,
                kind="draw",
                label=spec.label,
                description=spec.description,
                value=value,
                value_label=value_label,
            )
        )
    for sid, stat in scenario.stats.items():
        if stat.hidden and sid in state.stats:
            values.append(
                HiddenValue(
                    id=sid,
                    kind="stat",
                    label=stat.label,
                    description=stat.description,
                    value=state.stats[sid],
                )
            )
    return values
