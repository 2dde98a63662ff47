"""View models: what each screen shows, built from the scenario, the state and the events. No pygame.

Scenes draw these and nothing else, so what the player is shown can be tested without a window.
Nothing here decides a rule: availability and reasons come from the engine (`action_options`,
`why_not`); unit positions come from the scenario's own conditions, read through the engine's
`Turn.holds` without changing anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from game.analysis.describe import (
    KIND_LABELS,
    StatChange,
    attitude_word,
    correspondent,
    describe_effects,
    describe_response,
    facts,
    nearest_deadline,
    provenance,
    stat_changes,
    stat_visible,
)
from game.day_numbers import number_new
from game.engine.api import ActionOption, action_options, response_options
from game.engine.dates import long_date
from game.engine.query import conditions, deadline_words
from game.engine.query import unlocked_codex as open_codex
from game.engine.state import GameEvent, GameState
from game.engine.words import counted, score_labels
from game.scenario.model import Scenario

# Inbox kinds as the player reads them; `day` markers and rejections never reach the inbox list.
HIDDEN_KINDS = frozenset({"day", "rejected"})

MapData = dict[str, Any]
"""A map's geometry as read from its JSON file (assets/map/*.json, or the scenario's `map:`). It is
not validated beyond its `bbox` (game.ui.app.map_data), so its parts are read with `.get` and
defaults: JSON values, hence Any."""


def reflow(text: str) -> list[str]:
    """Paragraphs of authored text: blank lines separate them; single line breaks are only wrapping."""
    import re

    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip())]
    return [p for p in paragraphs if p] or [""]


def with_chars(name: str, chars: str) -> str:
    return f"{name} {chars}" if chars else name


def actor_name(scenario: Scenario, actor_id: str) -> str:
    actor = scenario.actors.get(actor_id)
    return with_chars(actor.name, actor.chars) if actor else actor_id


# --- the crisis screen ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    date: str
    day: str
    stage: str
    countdown: str
    urgent: bool
    budget: int
    budget_max: int
    last_day: bool = (
        False  # an ultimatum runs out today: the countdown blinks (unless motion is reduced)
    )
    # the countdown in its parts, for a narrow header to shorten it without losing the days
    # left: what is due ("Deadline: Sakai's notice of 29 May"), when ("noon, 12 June") and how
    # long is left ("5 days left", "last day"); empty when no deadline is pending
    due: str = ""
    due_when: str = ""
    due_left: str = ""


@dataclass(frozen=True)
class StatBar:
    id: str
    label: str
    value: int | None  # None: hidden
    low: int
    high: int
    higher_is: str
    description: str

    @property
    def text(self) -> str:
        return "?" if self.value is None else str(self.value)

    @property
    def fraction(self) -> float:
        if self.value is None or self.high <= self.low:
            return 0.0
        return (self.value - self.low) / (self.high - self.low)


@dataclass(frozen=True)
class Attitude:
    id: str
    name: str
    side: str
    value: int
    word: str


@dataclass(frozen=True)
class InboxItem:
    index: int  # position in state.inbox
    kind: str
    kind_label: str
    date: str
    title: str
    text: str
    sender: str
    reliability: int | None
    places: tuple[str, ...]
    demand: str  # the demand id, when the item presents a still-pending demand
    new: bool
    urgent: bool
    provenance: str = ""  # its sources, or that the game invents it (`describe.provenance`)

    @property
    def correspondent(self) -> str:
        """'from Sakai Takashi', 'with …' for a meeting, 'to …' for the player's own answer."""
        return correspondent(self.kind, self.sender)


@dataclass(frozen=True)
class ActionRow:
    id: str
    label: str
    category: str
    cost: int
    available: bool
    reason: str
    hint: str
    consequences: str
    uses_left: int | None = None  # how many more times the game allows it; None: no limit
    taken: int = 0  # how many times it has been taken in this game
    per_day: int = 1  # how many times a day it can be taken
    number: int = 0  # kept all day (game.day_numbers); its key takes it, from 1 to 9


@dataclass(frozen=True)
class PendingDemand:
    id: str
    title: str
    deadline: str
    ultimatum: bool


@dataclass(frozen=True)
class MapPlace:
    id: str
    name: str
    chars: str
    lon: float
    lat: float
    kind: str
    highlight: bool


@dataclass(frozen=True)
class MapUnit:
    id: str
    name: str
    chars: str
    side: str
    place: str
    lon: float
    lat: float
    strength: str
    commander: str = ""


@dataclass(frozen=True)
class CrisisView:
    header: Header
    stats: list[StatBar]
    attitudes: list[Attitude]
    inbox: list[InboxItem]  # newest first
    actions: list[ActionRow]
    demands: list[PendingDemand]
    places: list[MapPlace]
    units: list[MapUnit]
    facts: list[
        str
    ]  # what has come true so far: the implementation tracker, in the scenario's words


def header(scenario: Scenario, state: GameState) -> Header:
    """The crisis screen's header; its countdown is to `nearest_deadline`, as in the text version."""
    total = (scenario.calendar.end - scenario.calendar.start).days + 1
    stage = scenario.stages[state.stage].label if state.stage in scenario.stages else state.stage
    deadline = nearest_deadline(scenario, state)
    due = when = left = ""
    countdown = "No deadline pending"
    if deadline is not None:
        due = f"{'ULTIMATUM' if deadline.ultimatum else 'Deadline'}: {deadline.title}"
        when = deadline.label
        left = (
            "last day" if deadline.days_left <= 0 else f"{counted(deadline.days_left, 'day')} left"
        )
        countdown = f"{due} \u2014 {when} ({left})"
    return Header(
        long_date(state.date),
        f"Day {state.day} of {total}",
        stage,
        countdown,
        deadline is not None and deadline.urgent,
        state.budget,
        scenario.calendar.actions_per_day,
        deadline is not None and deadline.ultimatum_today,
        due,
        when,
        left,
    )


def stat_bars(scenario: Scenario, state: GameState) -> list[StatBar]:
    return [
        StatBar(
            sid,
            spec.label,
            state.stats.get(sid) if stat_visible(scenario, state, sid) else None,
            spec.min,
            spec.max,
            spec.higher_is,
            spec.description,
        )
        for sid, spec in scenario.stats.items()
    ]


def attitudes(scenario: Scenario, state: GameState) -> list[Attitude]:
    return [
        Attitude(
            aid,
            with_chars(actor.name, actor.chars),
            actor.side,
            state.attitudes.get(aid, 0),
            attitude_word(state.attitudes.get(aid, 0)),
        )
        for aid, actor in scenario.actors.items()
    ]


def inbox(scenario: Scenario, state: GameState, new_count: int = 0) -> list[InboxItem]:
    """The inbox, newest first; the last `new_count` items of the state's inbox are marked new."""
    items = []
    first_new = len(state.inbox) - new_count
    for index, event in enumerate(state.inbox):
        if event.kind in HIDDEN_KINDS:
            continue
        items.append(inbox_item(scenario, state, index, event, index >= first_new))
    items.reverse()
    return items


def inbox_item(
    scenario: Scenario, state: GameState, index: int, event: GameEvent, new: bool = False
) -> InboxItem:
    demand = ""
    if event.kind in ("demand", "ultimatum"):
        active = state.demands.get(event.ref)
        if active is not None and active.status == "pending":
            demand = event.ref
    kind_label = KIND_LABELS.get(event.kind, event.kind.title())
    return InboxItem(
        index=index,
        kind=event.kind,
        kind_label=kind_label,
        date=long_date(event.date, weekday=False),
        # a title that already says its kind ("Deadline passed: ...") is not said twice where
        # the window shows the kind beside it (student play-test: the night's summary read
        # "Deadline passed: Deadline passed: The four demands")
        title=event.title.removeprefix(f"{kind_label}: "),
        text=event.text,
        sender=actor_name(scenario, event.sender) if event.sender else "",
        reliability=event.reliability,
        places=tuple(event.places),
        demand=demand,
        new=new,
        urgent=event.kind in ("ultimatum", "demand_expired"),
        provenance=provenance(scenario, event),
    )


def action_rows(
    scenario: Scenario, state: GameState, numbers: dict[str, int] | None = None
) -> list[ActionRow]:
    """Today's actions, each with the number it keeps all day, in the order of those numbers.

    `numbers` are the day's so far (see `game.day_numbers`; changed here), none at the dawn. At
    the dawn the actions are numbered in the scenario's order, except that those used up (no uses
    left in this game) come after all the others: by the last days they filled the top of the
    list, greyed, and the player scrolled past them to find anything possible (play-test). During
    the day nothing moves: an action used up, done today or too dear keeps its place and number
    (the number keys had taken whatever moved into a used-up row's place, play-test), and one
    that appears takes the next number, at the end."""
    if numbers is None:
        numbers = {}
    rows = []
    for option in dawn_order(action_options(scenario, state)):
        spec = scenario.actions[option.action.action]
        rows.append(
            ActionRow(
                option.action.action,
                option.label,
                option.category,
                option.cost,
                option.available,
                option.reason,
                spec.hint,
                describe_effects(scenario, state, spec.effects, spec.outcomes),
                option.uses_left,
                option.taken,
                option.per_day,
            )
        )
    number_new(numbers, [row.id for row in rows])
    return sorted((replace(row, number=numbers[row.id]) for row in rows), key=_by_number)


def _by_number(row: ActionRow) -> int:
    return row.number


def dawn_order(options: list[ActionOption]) -> list[ActionOption]:
    """Actions in the order a day first lists them: the scenario's, the used up last (stable)."""
    return sorted(options, key=lambda option: option.uses_left == 0)


def action_order(scenario: Scenario, state: GameState) -> list[str]:
    """The ids of the actions a council numbers in `state` (for `day_numbers.resumed_numbers`)."""
    return [option.action.action for option in dawn_order(action_options(scenario, state))]


def pending_demands(scenario: Scenario, state: GameState) -> list[PendingDemand]:
    out = []
    for did, active in state.demands.items():
        if active.status != "pending":
            continue
        demand = scenario.demands[did]
        out.append(
            PendingDemand(
                did,
                demand.title,
                deadline_words(scenario, active) or "no deadline",
                demand.ultimatum,
            )
        )
    return out


def map_places(scenario: Scenario, map_data: MapData, highlight: set[str]) -> list[MapPlace]:
    """The map's own places, then the scenario's (a scenario place with the same id wins)."""
    places: dict[str, MapPlace] = {}
    for entry in map_data.get("places", []):
        pid = entry["id"]
        places[pid] = MapPlace(
            pid,
            entry["name"],
            entry.get("chars", ""),
            entry["lon"],
            entry["lat"],
            entry.get("kind", "town"),
            pid in highlight,
        )
    for pid, place in scenario.places.items():
        places[pid] = MapPlace(
            pid, place.name, place.chars, place.lon, place.lat, place.kind, pid in highlight
        )
    return list(places.values())


def map_units(scenario: Scenario, state: GameState, places: list[MapPlace]) -> list[MapUnit]:
    """Visible units at their place: the last `moved_to` whose condition holds, else where they started."""
    where = {p.id: p for p in places}
    holds = conditions(scenario, state)
    units = []
    for uid, unit in scenario.units.items():
        if not holds(unit.visible_when):
            continue
        place = unit.place
        for move in unit.moved_to:
            if holds(move.when):
                place = move.place
        spot = where.get(place)
        if spot is None:
            continue
        units.append(
            MapUnit(
                uid,
                unit.name,
                unit.chars,
                unit.side,
                place,
                spot.lon,
                spot.lat,
                unit.strength,
                unit.commander,
            )
        )
    return units


def recent_places(state: GameState, new_count: int) -> set[str]:
    """Places named by the newest events (the day's news), to highlight on the map."""
    recent = state.inbox[-new_count:] if new_count else []
    if not recent:
        today = [e for e in state.inbox if e.date == state.date]
        recent = today
    return {place for event in recent for place in event.places}


def crisis_view(
    scenario: Scenario,
    state: GameState,
    map_data: MapData,
    new_count: int = 0,
    numbers: dict[str, int] | None = None,
) -> CrisisView:
    places = map_places(scenario, map_data, recent_places(state, new_count))
    return CrisisView(
        header=header(scenario, state),
        stats=stat_bars(scenario, state),
        attitudes=attitudes(scenario, state),
        inbox=inbox(scenario, state, new_count),
        actions=action_rows(scenario, state, numbers),
        demands=pending_demands(scenario, state),
        places=places,
        units=map_units(scenario, state, places),
        facts=facts(scenario, state),
    )


# --- dialogs -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResponseRow:
    id: str
    label: str
    kind: str
    cost: int
    available: bool
    reason: str
    consequences: str


@dataclass(frozen=True)
class DemandView:
    id: str
    title: str
    issuer: str
    text: str
    deadline: str
    ultimatum: bool
    responses: list[ResponseRow]


def demand_view(scenario: Scenario, state: GameState, demand_id: str) -> DemandView:
    demand = scenario.demands[demand_id]
    active = state.demands[demand_id]
    rows = [
        ResponseRow(
            o.action.response,
            o.label,
            o.kind,
            o.cost,
            o.available,
            o.reason,
            describe_response(scenario, state, demand_id, o.action.response),
        )
        for o in response_options(scenario, state, demand_id)
    ]
    deadline = "no deadline"
    if active.deadline is not None:
        days = (active.deadline - state.date).days
        label = deadline_words(scenario, active)
        deadline = f"{label} \u2014 " + (
            "today is the last day" if days <= 0 else f"{counted(days, 'day')} left"
        )
    return DemandView(
        demand_id,
        demand.title,
        actor_name(scenario, demand.issuer),
        demand.text,
        deadline,
        demand.ultimatum,
        rows,
    )


@dataclass(frozen=True)
class DaySummary:
    title: str
    changes: list[StatChange]
    stage_change: str
    news: list[InboxItem]
    passed: str = ""  # lesson mode's days passed without a council since, in words


def day_summary(
    scenario: Scenario,
    before: GameState,
    after: GameState,
    events: list[GameEvent],
    passed: Sequence[dt.date] = (),
) -> DaySummary:
    """What changed from one council to the next: visible stats that moved, and what arrived
    (over the days lesson mode `passed` without a council too)."""
    changes = stat_changes(scenario, before, after)
    stage = ""
    if before.stage != after.stage:
        stage = f"{scenario.stages[before.stage].label} \u2192 {scenario.stages[after.stage].label}"
    news = [
        inbox_item(scenario, after, i, e, True)
        for i, e in enumerate(events)
        if e.kind not in HIDDEN_KINDS and e.kind != "ending"  # the ending has its own screen
    ]
    title = f"Night falls on {long_date(before.date, weekday=False)}"
    return DaySummary(title, changes, stage, news, passed_words(passed))


def passed_words(days: Sequence[dt.date]) -> str:
    """'Lesson mode: 2 June 1935 passed without a council.' ('' for no days)."""
    if not days:
        return ""
    first, last = long_date(days[0], weekday=False), long_date(days[-1], weekday=False)
    which = first if len(days) == 1 else f"{first} to {last}"
    return f"Lesson mode: {which} passed without a council."


@dataclass(frozen=True)
class EndingScreen:
    title: str
    epilogue: str
    historical: bool
    scores: list[tuple[str, int]]
    verdicts: list[str]


def ending_screen(scenario: Scenario, state: GameState) -> EndingScreen:
    ending = scenario.endings.get(state.ending or "") or scenario.endings[scenario.default_ending]
    scores = [(label, getattr(ending.scores, key)) for key, label in score_labels(scenario).items()]
    return EndingScreen(
        ending.title, ending.epilogue, ending.historical, scores, list(ending.verdicts)
    )


# --- briefing and codex ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CodexItem:
    section: str
    title: str
    subtitle: str
    text: str
    sources: list[str] = field(default_factory=list)
    key: str = ""  # the codex entry's id, for entries that unlock
    new: bool = False  # unlocked by something that happened, and not yet shown to the player


def source_titles(scenario: Scenario, tags: list[str]) -> list[str]:
    return [scenario.sources[t].title if t in scenario.sources else t for t in tags]


def unlocked_codex(scenario: Scenario, state: GameState) -> list[str]:
    """Ids of the codex entries that unlock on a condition (not `true`) and whose condition holds now."""
    return [
        eid
        for eid in open_codex(scenario, state)
        if scenario.codex[eid].unlock_when.strip() != "true"
    ]


def codex(
    scenario: Scenario, state: GameState | None, seen: set[str] | frozenset[str] = frozenset()
) -> list[CodexItem]:
    """People, places, units and entries (those unlocked), each with its characters and sources.

    An entry that unlocked on a condition and is not in `seen` is marked new; new entries come first
    within their section, so the player finds what was just learned.
    """
    items: list[CodexItem] = []
    for actor in scenario.actors.values():
        items.append(
            CodexItem(
                "People",
                with_chars(actor.name, actor.chars),
                actor.role,
                actor.description,
                source_titles(scenario, actor.sources),
            )
        )
    for place in scenario.places.values():
        items.append(
            CodexItem(
                "Places",
                with_chars(place.name, place.chars),
                f"{place.kind}, {place.lat:.2f}\u00b0N {place.lon:.2f}\u00b0E",
                place.description,
            )
        )
    for unit in scenario.units.values():
        sub = ", ".join(
            p
            for p in (unit.strength, f"commander: {unit.commander}" if unit.commander else "")
            if p
        )
        items.append(
            CodexItem(
                "Units",
                with_chars(unit.name, unit.chars),
                sub,
                f"{getattr(scenario.side_names, unit.side)} unit.",
                source_titles(scenario, unit.sources),
            )
        )
    readable = set(open_codex(scenario, state))
    entries = []
    for eid, entry in scenario.codex.items():
        always = entry.unlock_when.strip() == "true"
        if eid not in readable:
            continue
        section = entry.kind.title() + "s" if entry.kind != "person" else "People"
        entries.append(
            CodexItem(
                section,
                with_chars(entry.title, entry.chars),
                entry.kind,
                entry.text,
                source_titles(scenario, entry.sources),
                eid,
                not always and eid not in seen,
            )
        )
    items += entries
    order = {
        name: index for index, name in enumerate(dict.fromkeys(item.section for item in items))
    }
    return sorted(
        items, key=lambda item: (order[item.section], not item.new)
    )  # stable: authored order otherwise


@dataclass(frozen=True)
class Briefing:
    title: str
    subtitle: str
    player: str
    dates: str
    text: str
    people: list[tuple[str, str]]  # (name with characters, role)
    premise: str = ""  # what the scenario changes from the record (`Scenario.counterfactual`)


def briefing(scenario: Scenario) -> Briefing:
    player = with_chars(scenario.player.name, scenario.player.chars)
    if scenario.player.role:
        player = f"You are {player}, {scenario.player.role}."
    else:
        player = f"You are {player}."
    cal = scenario.calendar
    dates = f"{long_date(cal.start, weekday=False)} \u2013 {long_date(cal.end, weekday=False)}; {cal.actions_per_day} action points a day"
    people = [(with_chars(a.name, a.chars), a.role) for a in scenario.actors.values()]
    return Briefing(
        scenario.title,
        scenario.subtitle,
        player,
        dates,
        scenario.briefing,
        people,
        scenario.counterfactual,
    )


# --- the map projection ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Projection:
    """Equirectangular: longitudes squeezed by cos(mid-latitude), the bbox fitted into a rectangle."""

    lon_min: float
    lat_max: float
    scale: float  # pixels per degree of latitude
    squeeze: float
    left: float
    top: float

    def __call__(self, lon: float, lat: float) -> tuple[int, int]:
        return round(self.left + (lon - self.lon_min) * self.scale * self.squeeze), round(
            self.top + (self.lat_max - lat) * self.scale
        )


def fit_projection(bbox: Mapping[str, float], rect: tuple[int, int, int, int]) -> Projection:
    import math

    x, y, width, height = rect
    squeeze = math.cos(math.radians((bbox["lat_min"] + bbox["lat_max"]) / 2))
    span_x = (bbox["lon_max"] - bbox["lon_min"]) * squeeze
    span_y = bbox["lat_max"] - bbox["lat_min"]
    scale = min(width / span_x, height / span_y)
    left = x + (width - span_x * scale) / 2
    top = y + (height - span_y * scale) / 2
    return Projection(bbox["lon_min"], bbox["lat_max"], scale, squeeze, left, top)


def unit_words(unit: MapUnit, place: str, side: str) -> str:
    """A map unit in one line, as its hover note and a click on it say: '51st Army 第五十一軍:
    Chinese unit at Tianjin; 4 divisions; commanded by Yu Xuezhong'."""
    name = f"{unit.name} {unit.chars}" if unit.chars else unit.name
    parts = [f"{name}: {side} unit at {place}"]
    if unit.strength:
        parts.append(unit.strength)
    if unit.commander:
        parts.append(f"commanded by {unit.commander}")
    return "; ".join(parts)
