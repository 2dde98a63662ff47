"""Whole-scenario checks that the schema alone cannot make: ids, references, dates, expressions.

Runs after the models are built. Every finding carries the position of the text it is about.
Errors make a scenario unplayable; warnings point at things that are probably mistakes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping

from game.scenario import lookalike
from game.scenario.expr import FUNCTIONS, Symbols, Type, check
from game.scenario.expr.plain import RESERVED_WORDS
from game.scenario.expr.symbols import BUILTIN_NAMES
from game.scenario.model import (
    RESERVED_EFFECT_KEYS,
    Effects,
    Event,
    Intel,
    Outcome,
    Response,
    Scenario,
    days_after,
)
from game.scenario.source import Diagnostic, SourceSpan
from game.scenario.suggest import did_you_mean
from game.scenario.walk import Pass, all_effects
from game.scenario.yaml_source import Path, YamlDocument

_ID = re.compile(r"[a-z][a-z0-9_]*")
_LANGUAGE_WORDS = {"true", "false", "and", "or", "not", "if", "else"}
_RESERVED_NAMES = {*BUILTIN_NAMES, *FUNCTIONS, *RESERVED_EFFECT_KEYS, *_LANGUAGE_WORDS}
_NAMES_READ = ("stats", "flags", "hidden", "actors")  # the sections whose ids are names
# The sections whose ids an expression can name (fired(x), taken(x), in_stage(x), pending(x) ...
# or the name itself): Python's reserved words cannot be written there.
_NAMED_IN_EXPRESSIONS = (*_NAMES_READ, "stages", "events", "intel", "demands", "actions")


# What an id may name, for "'x' is a demand, not an event": the section, its noun, and the
# effect that uses such an id.
_KINDS = (
    ("events", "an event", "to fire it, use trigger: {}"),
    ("intel", "an intelligence report", "to fire it, use trigger: {}"),
    ("demands", "a demand", "to present it, use issue: {}"),
    ("stages", "a stage", "to move to it, use goto: {}"),
    ("endings", "an ending", "to end the game with it, use end: {}"),
    ("actions", "an action", ""),
    ("stats", "a stat", ""),
    ("flags", "a flag", ""),
    ("hidden", "a hidden value", ""),
    ("actors", "an actor", ""),
    ("places", "a place", ""),
    ("injects", "an inject", ""),
)


def _id_advice(char: str) -> str:
    """What to do about a look-alike in an id: an id has letters, digits and _ only, so a dash
    (or a full-width letter's plain twin where it is no letter) is no fix."""
    right = lookalike.replacement(char)
    if right is None or right == "" or right.isalnum() or right == "_":
        return lookalike.advice(char)
    return "an id is lower-case letters, digits and _: write '_' or leave it out"


def _taken_by(name: str) -> str:
    """What a name a stat, flag, hidden value or actor may not take already is (author's review:
    'day' was only "a reserved word", where 'pass' said what to do)."""
    if name in BUILTIN_NAMES:
        return f"is a built-in name expressions read (the game's {name.replace('_', ' ')})"
    if name in FUNCTIONS:
        return f"is a function expressions call ({name}(...))"
    if name in RESERVED_EFFECT_KEYS:
        return "is one of an effect's own keys"
    return "is a reserved word"


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def build_symbols(scenario: Scenario) -> Symbols:
    """The names expressions in this scenario may use."""
    names: dict[str, Type] = {}
    names.update({sid: "int" for sid in scenario.stats})
    names.update({fid: "bool" for fid in scenario.flags})
    names.update({hid: "int" for hid in scenario.hidden})
    names.update({aid: "int" for aid in scenario.actors})
    return Symbols(
        names=names,
        ids={
            "demand": set(scenario.demands),
            "event": set(scenario.events) | set(scenario.intel),
            "action": set(scenario.actions),
            "stage": set(scenario.stages),
        },
        responses={did: set(d.responses) for did, d in scenario.demands.items()},
        hidden=set(scenario.hidden),
        others={
            ident: noun
            for section, noun in (("endings", "an ending"), ("places", "a place"))
            for ident in getattr(scenario, section)
        },
    )


def validate_scenario(scenario: Scenario, document: YamlDocument) -> list[Diagnostic]:
    return _Validator(scenario, document).run()


class _Validator(Pass):
    def __init__(self, scenario: Scenario, document: YamlDocument):
        super().__init__(scenario, document)
        self.symbols = build_symbols(scenario)

    def run(self) -> list[Diagnostic]:
        self.check_ids()
        self.check_calendar_and_stats()
        self.check_references()
        self.check_dates()
        self.check_expressions()
        self.check_effects()
        return self.found

    # --- ids -------------------------------------------------------------------------------
    def _lookalike_in_id(self, path: tuple[str, str], ident: str, at: int) -> None:
        """Name the look-alike at `at` in the id, shown as written but for the invisible ones."""
        key = self.doc.span(path, key=True)
        char = ident[at]
        shown = "".join(c for c in ident if c not in lookalike.INVISIBLE)
        self.found.append(
            Diagnostic(
                SourceSpan(key.file, key.line, key.col + at),
                f"{lookalike.describe(char)} in the id '{shown}'",
                hint=_id_advice(char),
            )
        )

    def check_ids(self) -> None:
        shared: dict[str, str] = {}  # stats, flags, hidden values and actors share one namespace
        for section in (
            "stats",
            "flags",
            "hidden",
            "actors",
            "stages",
            "events",
            "intel",
            "demands",
            "actions",
            "endings",
            "places",
            "units",
            "codex",
            "injects",
            "sources",
        ):
            for ident in getattr(self.s, section):
                path = (section, ident)
                # A source tag may hold any sign ('T–1'), not a character no one can see.
                odd = (lookalike.first_invisible if section == "sources" else lookalike.first)(
                    ident
                )
                if odd is not None:
                    self._lookalike_in_id(path, ident, odd)
                    unseen = lookalike.first_invisible(ident, odd)
                    if unseen is not None and unseen != odd:  # one to see, then one not to
                        self._lookalike_in_id(path, ident, unseen)
                elif section != "sources" and not _ID.fullmatch(ident):
                    self.report(
                        path,
                        f"id '{ident}' must be lower case letters, digits and underscores, starting with a letter",
                        key=True,
                    )
                if section in _NAMED_IN_EXPRESSIONS and (
                    ident in RESERVED_WORDS
                    # the language's own words, which the next check reports for these four
                    or (ident in _LANGUAGE_WORDS and section not in _NAMES_READ)
                ):
                    self.report(
                        path,
                        f"'{ident}' is a reserved word and cannot be used as an id",
                        f"expressions could not name it; call it '{ident}_' or a longer name",
                        key=True,
                    )
                if section in _NAMES_READ:
                    if ident in _RESERVED_NAMES:
                        self.report(
                            path,
                            f"'{ident}' {_taken_by(ident)} and cannot be used as an id",
                            f"call it '{ident}_' or a longer name",
                            key=True,
                        )
                    if ident in shared:
                        self.report(
                            path,
                            f"'{ident}' is declared both in {shared[ident]} and in {section}",
                            "expressions would not know which one you mean",
                            key=True,
                        )
                    shared[ident] = section
        for aid, actor in self.s.actors.items():
            first: dict[str, int] = {}
            for i, rule in enumerate(actor.rules):
                if not rule.id:
                    continue
                if not _ID.fullmatch(rule.id):
                    # a rule without an id is recorded by its place (`sakai.0`): an id of
                    # digits would be taken for another rule's place and share its `once`
                    self.report(
                        ("actors", aid, "rules", i, "id"),
                        f"rule id '{rule.id}' must be lower case letters, digits and underscores,"
                        " starting with a letter",
                    )
                if rule.id in first:
                    line = self.doc.span(("actors", aid, "rules", first[rule.id], "id")).line
                    self.report(
                        ("actors", aid, "rules", i, "id"),
                        f"actor '{aid}' has two rules with the id '{rule.id}' (the first at line {line})",
                        "rules with one id share 'once' and what the game records of them: "
                        "give each rule its own id",
                    )
                else:
                    first[rule.id] = i
        events_and_intel = set(self.s.events) & set(self.s.intel)
        for ident in sorted(events_and_intel):
            self.report(
                ("intel", ident), f"'{ident}' is both an event and an intelligence report", key=True
            )

    # --- calendar and stats --------------------------------------------------------------------
    def check_calendar_and_stats(self) -> None:
        cal = self.s.calendar
        if cal.end < cal.start:
            self.report(
                ("calendar", "end"), f"the calendar ends ({cal.end}) before it starts ({cal.start})"
            )
        if (cal.end - cal.start).days > 3660:
            self.report(("calendar", "end"), "the calendar is longer than ten years")
        for sid, stat in self.s.stats.items():
            if stat.min > stat.max:
                self.report(("stats", sid, "min"), f"min ({stat.min}) is above max ({stat.max})")
            elif not stat.min <= stat.start <= stat.max:
                self.report(
                    ("stats", sid, "start"),
                    f"start ({stat.start}) is outside {stat.min}..{stat.max}",
                )
        for hid, hidden in self.s.hidden.items():
            if not hidden.choices and hidden.min > hidden.max:
                self.report(
                    ("hidden", hid, "min"), f"min ({hidden.min}) is above max ({hidden.max})"
                )
            if hidden.choices and sum(c.weight for c in hidden.choices) <= 0:
                self.report(("hidden", hid, "choices"), "the weights of the choices add up to zero")

    # --- references ------------------------------------------------------------------------
    def kind_of(self, ident: str) -> tuple[str, str]:
        """What `ident` names ('a demand'), and the effect that uses it ('' if none); ('', '')
        if it names nothing."""
        for section, noun, usage in _KINDS:
            if ident in getattr(self.s, section):
                return noun, usage.format(ident) if usage else ""
        return "", ""

    def ref(
        self, path: Path, ident: str | None, section: str, what: str, *, effect: bool = False
    ) -> None:
        if ident is None:
            return
        known = getattr(self.s, section)
        if ident not in known:
            if self.lookalike_in_reference(path, ident, what, known):
                return
            noun, usage = self.kind_of(ident)
            if noun:
                self.report(path, f"'{ident}' is {noun}, not {_a(what)}", usage if effect else "")
                return
            hint = did_you_mean(ident, known)
            if not hint and 0 < len(known) <= 12:
                hint = f"known: {', '.join(sorted(known))}"
            self.report(path, f"unknown {what} '{ident}'", hint)

    def lookalike_in_reference(
        self, path: Path, ident: str, what: str, known: Iterable[str], *, key: bool = False
    ) -> bool:
        """Whether a name that names nothing holds a look-alike, named then by its code point
        (author's review: 'rumour' and a zero-width space was "unknown event 'rumour' (did you
        mean 'rumour'?)", which suggests the very name written); or another character an id
        cannot hold, where a known id is near (a Cyrillic 'о' in 'envоy'). Otherwise the
        caller says the name is unknown, with the ids there are (code review: '使者' lost them)."""
        if what == "source tag":  # a tag may be any text, '–' included: only the unseen
            at = lookalike.first_invisible(ident)
            hint = _id_advice(ident[at]) if at is not None else ""
        else:
            at = lookalike.first(ident)
            hint = _id_advice(ident[at]) if at is not None else ""
            if at is None:
                near = did_you_mean(ident, known)
                odd = next((i for i, c in enumerate(ident) if not c.isascii()), None)
                if odd is None or not near:
                    return False
                at, hint = odd, f"{near} An id is written in plain letters, digits and _"
        if at is None:
            return False
        shown = "".join(c for c in ident if c not in lookalike.INVISIBLE)
        self.report(path, f"{lookalike.describe(ident[at])} in the {what} '{shown}'", hint, key=key)
        return True

    def refs(
        self, path: Path, idents: list[str], section: str, what: str, *, effect: bool = False
    ) -> None:
        for index, ident in enumerate(idents):
            self.ref((*path, index), ident, section, what, effect=effect)

    def check_references(self) -> None:
        s = self.s
        self.ref(("initial_stage",), s.initial_stage, "stages", "stage")
        self.ref(("default_ending",), s.default_ending, "endings", "ending")
        for sid, stage in s.stages.items():
            for i, transition in enumerate(stage.transitions):
                self.ref(("stages", sid, "transitions", i, "to"), transition.to, "stages", "stage")
                if transition.to == sid:
                    self.report(
                        ("stages", sid, "transitions", i, "to"),
                        f"stage '{sid}' has a transition to itself",
                    )
        for eid, event in s.events.items():
            self.ref(("events", eid, "sender"), event.sender, "actors", "actor")
            self.refs(("events", eid, "places"), event.places, "places", "place")
            self.refs(("events", eid, "sources"), event.sources, "sources", "source tag")
            if event.date is None and event.when is None and not self._triggered(eid):
                self.report(
                    ("events", eid),
                    f"event '{eid}' has neither a date nor a condition, and nothing triggers it",
                    "add `date:` or `when:`",
                    key=True,
                    severity="warning",
                )
        for iid, intel in s.intel.items():
            self.ref(("intel", iid, "sender"), intel.sender, "actors", "actor")
            self.refs(("intel", iid, "places"), intel.places, "places", "place")
            self.refs(("intel", iid, "sources"), intel.sources, "sources", "source tag")
        for did, demand in s.demands.items():
            base = ("demands", did)
            self.ref((*base, "issuer"), demand.issuer, "actors", "actor")
            self.refs((*base, "places"), demand.places, "places", "place")
            self.refs((*base, "sources"), demand.sources, "sources", "source tag")
            if (
                demand.historical_response is not None
                and demand.historical_response not in demand.responses
            ):
                self.report(
                    (*base, "historical_response"),
                    f"'{demand.historical_response}' is not a response of this demand",
                    _which_response(demand.historical_response, demand.responses),
                )
            if not demand.responses:
                self.report((*base, "responses"), "a demand needs at least one response")
            if demand.deadline is not None and demand.deadline_days is not None:
                self.report(
                    (*base, "deadline_days"), "give either `deadline` or `deadline_days`, not both"
                )
            if demand.ultimatum and demand.deadline is None and demand.deadline_days is None:
                self.report(
                    base, "an ultimatum needs a deadline (`deadline` or `deadline_days`)", key=True
                )
            for rid, response in demand.responses.items():
                if demand.ultimatum and response.extend_days:
                    self.report(
                        (*base, "responses", rid, "extend_days"),
                        "an ultimatum's deadline cannot be extended",
                        "remove extend_days, or drop ultimatum: true to let this answer buy time",
                    )
                elif response.closes and response.extend_days:
                    # the demand is settled by this answer: there is no deadline left to move
                    self.report(
                        (*base, "responses", rid, "extend_days"),
                        "an answer that settles the demand cannot extend its deadline",
                        "remove extend_days, or give this answer `closes: false` to let it buy time",
                    )
                elif (
                    response.extend_days
                    and demand.deadline is None
                    and demand.deadline_days is None
                ):
                    # no deadline is ever set, so there is none to move (the player was told
                    # "deadline +N days" all the same)
                    self.report(
                        (*base, "responses", rid, "extend_days"),
                        "the demand has no deadline for this answer to extend",
                        "remove extend_days, or give the demand a `deadline` or `deadline_days`",
                    )
            if demand.date is None and demand.when is None and not self._issued_by_effect(did):
                self.report(
                    base,
                    f"demand '{did}' is never presented: it has no date, no condition, and no effect issues it",
                    key=True,
                    severity="warning",
                )
        for aid, action in s.actions.items():
            self.refs(("actions", aid, "places"), action.places, "places", "place")
            self.refs(("actions", aid, "sources"), action.sources, "sources", "source tag")
        for eid, ending in s.endings.items():
            self.refs(("endings", eid, "sources"), ending.sources, "sources", "source tag")
        for aid, actor in s.actors.items():
            self.refs(("actors", aid, "sources"), actor.sources, "sources", "source tag")
            for i, rule in enumerate(actor.rules):
                self.refs(("actors", aid, "rules", i, "places"), rule.places, "places", "place")
                cited = ("actors", aid, "rules", i, "sources")
                self.refs(cited, rule.sources, "sources", "source tag")
        for i, note in enumerate(s.history):
            self.refs(("history", i, "sources"), note.sources, "sources", "source tag")
        for i, dispute in enumerate(s.disputes):
            self.refs(("disputes", i, "sources"), dispute.sources, "sources", "source tag")
        for uid, unit in s.units.items():
            self.ref(("units", uid, "place"), unit.place, "places", "place")
            for i, move in enumerate(unit.moved_to):
                self.ref(("units", uid, "moved_to", i, "place"), move.place, "places", "place")
            self.refs(("units", uid, "sources"), unit.sources, "sources", "source tag")
        for cid, entry in s.codex.items():
            self.refs(("codex", cid, "sources"), entry.sources, "sources", "source tag")
        for iid, inject in s.injects.items():
            self.ref(("injects", iid, "sender"), inject.sender, "actors", "actor")
            self.refs(("injects", iid, "sources"), inject.sources, "sources", "source tag")
        for ident in ("end", "end_day"):
            if ident in s.actions:
                self.report(
                    ("actions", ident),
                    f"'{ident}' is reserved: in a choices file and the replay it ends the day",
                    "give the action another id",
                    key=True,
                )
        if not s.actions:
            self.report(
                ("actions",),
                "there are no actions: the player can only answer demands and end each day",
                "add at least one action",
                key=True,
                severity="warning",
            )
        if "inject" in s.demands:
            self.report(
                ("demands", "inject"),
                "'inject' is reserved (choice keys 'inject:ID' release injects)",
                key=True,
            )

    def _all_effects(self) -> Iterator[tuple[Path, Effects]]:
        return all_effects(self.s)

    def _triggered(self, ident: str) -> bool:
        return any(ident in effects.trigger for _, effects in self._all_effects())

    def _issued_by_effect(self, ident: str) -> bool:
        return any(ident in effects.issue for _, effects in self._all_effects())

    def _presented_too_late(self) -> None:
        """A dated event or report that presents a demand after its fixed deadline (author test:
        the header then read "deadline 4 March: today is the last day" on 5 March). One pass over
        the dated items, not one per demand."""
        for section in ("events", "intel"):
            items: dict[str, Event | Intel] = getattr(self.s, section)
            for ident, item in items.items():
                if item.date is None:
                    continue
                for did in item.effects.issue:
                    demand = self.s.demands.get(did)
                    deadline = None if demand is None else demand.deadline
                    if deadline is not None and item.date > deadline:
                        self.report(
                            (section, ident, "effects", "issue"),
                            f"'{ident}' presents demand '{did}' on {item.date}, after its "
                            f"deadline {deadline}",
                            "move the demand's deadline on, or give it `deadline_days`, counted "
                            "from the day it is presented",
                        )

    # --- dates -------------------------------------------------------------------------------
    def in_calendar(self, path: Path, day: dt.date | None, what: str) -> None:
        cal = self.s.calendar
        if day is not None and not cal.start <= day <= cal.end:
            self.report(path, f"{what} {day} is outside the calendar ({cal.start} to {cal.end})")

    def check_dates(self) -> None:
        s = self.s
        if s.calendar.end < s.calendar.start:
            return  # already reported; every date would look "outside the calendar"
        epilogue = s.calendar.epilogue_until
        if epilogue is not None and epilogue < s.calendar.end:
            self.report(
                ("calendar", "epilogue_until"),
                f"epilogue_until {epilogue} is before the calendar's last day, {s.calendar.end}",
                "it is the date the epilogues reach, after the game",
                severity="warning",
            )
        for eid, event in s.events.items():
            self.in_calendar(("events", eid, "date"), event.date, "date")
        for iid, intel in s.intel.items():
            self.in_calendar(("intel", iid, "date"), intel.date, "date")
        for iid, inject in s.injects.items():
            self.in_calendar(("injects", iid, "not_before"), inject.not_before, "not_before")
        for aid, action in s.actions.items():
            for i, day in enumerate(action.historical_dates):
                self.in_calendar(("actions", aid, "historical_dates", i), day, "historical date")
            period = action.historical_period
            if period is not None:
                where = ("actions", aid, "historical_period")
                self.in_calendar((*where, "start"), period.start, "historical period's start")
                self.in_calendar((*where, "end"), period.end, "historical period's end")
                if period.end < period.start:
                    self.report(
                        (*where, "end"),
                        f"the period ends ({period.end}) before it starts ({period.start})",
                        "give the first day as start and the last as end",
                    )
        self._presented_too_late()
        for did, demand in s.demands.items():
            self.in_calendar(("demands", did, "date"), demand.date, "issue date")
            if demand.date is not None and demand.deadline_days is not None:
                due = days_after(demand.date, demand.deadline_days)
                if due > s.calendar.end:
                    self.report(
                        ("demands", did, "deadline_days"),
                        f"issued on {demand.date}, its deadline falls on {due}, after the calendar "
                        f"ends ({s.calendar.end}); it can never run out",
                        severity="warning",
                    )
            elif demand.deadline_days is not None:
                # presented on no fixed day: even on the first day, the deadline is too far
                # (author's review: 30 days in a 7-day calendar passed unremarked)
                due = days_after(s.calendar.start, demand.deadline_days)
                if due > s.calendar.end:
                    self.report(
                        ("demands", did, "deadline_days"),
                        f"{demand.deadline_days} days from the calendar's first day "
                        f"({s.calendar.start}) end on {due}, after the calendar ends "
                        f"({s.calendar.end}): presented on any day, the demand's deadline would "
                        "never run out",
                        severity="warning",
                    )
            if demand.deadline is not None:
                if demand.date is not None and demand.deadline < demand.date:
                    self.report(
                        ("demands", did, "deadline"),
                        f"the deadline {demand.deadline} is before the issue date {demand.date}",
                        "set the deadline on or after the issue date, or give `deadline_days`, "
                        "counted from the day the demand is presented",
                    )
                elif demand.deadline > s.calendar.end:
                    self.report(
                        ("demands", did, "deadline"),
                        f"the deadline {demand.deadline} is after the calendar ends ({s.calendar.end}); it can never run out",
                        severity="warning",
                    )
                elif demand.deadline < s.calendar.start:
                    self.report(
                        ("demands", did, "deadline"),
                        f"the deadline {demand.deadline} is before the calendar starts ({s.calendar.start})",
                    )
                elif (
                    demand.when is not None
                    and demand.date is None
                    and demand.deadline < s.calendar.end
                    and not self._issued_by_effect(did)
                ):
                    # (one an effect presents, too, comes when its author says: not warned about)
                    self.report(
                        ("demands", did, "deadline"),
                        f"demand '{did}' is presented when a condition holds, on no fixed date, so "
                        f"it may come after its fixed deadline {demand.deadline} has run out",
                        "give it a date on or before the deadline, or count the deadline from the "
                        "day it is presented with deadline_days",
                        severity="warning",
                    )

    # --- expressions ---------------------------------------------------------------------------
    def weight(self, path: Path, value: int | str) -> None:
        """A weight: an expression giving a whole number, or the number itself."""
        if isinstance(value, int) and not isinstance(value, bool) and value < 0:
            self.report(
                path,
                f"a weight of {value} counts as 0: what it weighs is never chosen",
                "write 0 to mean never, or a positive weight",
                severity="warning",
            )
        self.expr(path, value, "int")

    def outcomes(self, path: Path, outcomes: list[Outcome]) -> None:
        """The weights of a list of outcomes, one is drawn: if none can weigh more than 0, none is."""
        for i, outcome in enumerate(outcomes):
            self.weight((*path, i, "weight"), outcome.weight)
        if outcomes and all(
            isinstance(o.weight, int) and not isinstance(o.weight, bool) and o.weight <= 0
            for o in outcomes
        ):
            self.report(
                path,
                "every outcome weighs 0: none is ever drawn",
                "give the outcome that should happen a positive weight",
                severity="warning",
            )

    def probability(self, path: Path, value: int | str) -> None:
        """A percent chance: a number outside 0..100 counts as 0 or 100."""
        if isinstance(value, int) and not 0 <= value <= 100:
            counts = 100 if value > 100 else 0
            self.report(
                path,
                f"a probability of {value}% counts as {counts}%",
                "write a percent chance from 0 to 100",
                severity="warning",
            )
        self.expr(path, value, "int")

    def expr(
        self, path: Path, text: str | int | bool | None, expected: Type, word_hint: str = ""
    ) -> None:
        """Check an expression; `word_hint`: what to say if it is one unknown word (`check`)."""
        if text is None or isinstance(text, (bool, int)):
            return
        for issue in check(text, self.symbols, expected, word_hint):
            at = self.doc.locate(path, issue.line, issue.col)
            self.found.append(Diagnostic(at, issue.message, "error", issue.hint))

    def check_expressions(self) -> None:
        s = self.s
        for sid, stage in s.stages.items():
            for i, transition in enumerate(stage.transitions):
                self.expr(("stages", sid, "transitions", i, "when"), transition.when, "bool")
                self.expr(("stages", sid, "transitions", i, "unless"), transition.unless, "bool")
        for eid, event in s.events.items():
            self.expr(("events", eid, "when"), event.when, "bool")
            self.probability(("events", eid, "probability"), event.probability)
        for iid, intel in s.intel.items():
            self.expr(("intel", iid, "when"), intel.when, "bool")
            self.probability(("intel", iid, "probability"), intel.probability)
            self.expr(("intel", iid, "truth"), intel.truth, "bool")
        for did, demand in s.demands.items():
            self.expr(("demands", did, "when"), demand.when, "bool")
            self.outcomes(("demands", did, "expiry_outcomes"), demand.expiry_outcomes)
            for rid, response in demand.responses.items():
                self.expr(("demands", did, "responses", rid, "when"), response.when, "bool")
                self.outcomes(("demands", did, "responses", rid, "outcomes"), response.outcomes)
        for aid, action in s.actions.items():
            self.expr(("actions", aid, "when"), action.when, "bool")
            self.outcomes(("actions", aid, "outcomes"), action.outcomes)
        for aid, actor in s.actors.items():
            self.weight(("actors", aid, "idle_weight"), actor.idle_weight)
            for i, rule in enumerate(actor.rules):
                self.expr(("actors", aid, "rules", i, "when"), rule.when, "bool")
                self.weight(("actors", aid, "rules", i, "weight"), rule.weight)
        for eid, ending in s.endings.items():
            self.expr(("endings", eid, "when"), ending.when, "bool")
        for uid, unit in s.units.items():
            self.expr(("units", uid, "visible_when"), unit.visible_when, "bool")
            for i, move in enumerate(unit.moved_to):
                self.expr(("units", uid, "moved_to", i, "when"), move.when, "bool")
        for cid, entry in s.codex.items():
            self.expr(("codex", cid, "unlock_when"), entry.unlock_when, "bool")

    # --- effects -------------------------------------------------------------------------------
    def check_effects(self) -> None:
        s = self.s
        numeric = set(s.stats) | set(s.actors)
        for path, effects in self._all_effects():
            self.refs((*path, "issue"), effects.issue, "demands", "demand", effect=True)
            for i, ident in enumerate(effects.trigger):
                if ident not in s.events and ident not in s.intel:
                    fired = [*s.events, *s.intel]
                    if self.lookalike_in_reference((*path, "trigger", i), ident, "event", fired):
                        continue
                    noun, usage = self.kind_of(ident)
                    if noun:
                        self.report(
                            (*path, "trigger", i), f"'{ident}' is {noun}, not an event", usage
                        )
                        continue
                    self.report(
                        (*path, "trigger", i),
                        f"unknown event '{ident}'",
                        did_you_mean(ident, [*s.events, *s.intel]),
                    )
            self.ref((*path, "goto"), effects.goto, "stages", "stage", effect=True)
            self.ref((*path, "end"), effects.end, "endings", "ending", effect=True)
            for i, ident in enumerate(effects.reveal):
                if ident in s.hidden:
                    self.report(
                        (*path, "reveal", i),
                        f"'{ident}' is a hidden value, which the player never sees; reveal shows a "
                        "stat marked hidden: true",
                        "to let the player learn it, make it a stat with hidden: true",
                    )
                elif ident not in s.stats:
                    if self.lookalike_in_reference((*path, "reveal", i), ident, "stat", s.stats):
                        continue
                    self.report(
                        (*path, "reveal", i),
                        f"unknown stat '{ident}'",
                        did_you_mean(ident, s.stats),
                    )
                elif not s.stats[ident].hidden:
                    self.report(
                        (*path, "reveal", i),
                        f"stat '{ident}' is not hidden: the player sees it from the start, so "
                        "revealing it does nothing",
                        "mark the stat hidden: true, or drop the reveal",
                        severity="warning",
                    )
            for name, value in effects.changes().items():
                where = (*path, name)
                if name in numeric:
                    if isinstance(value, bool):
                        self.report(where, f"'{name}' changes by a number, not true/false")
                    elif isinstance(value, str):
                        self.expr(where, value[1:] if value.startswith("=") else value, "int")
                elif name in s.flags:
                    if isinstance(value, bool):
                        continue
                    if isinstance(value, int):
                        self.report(where, f"flag '{name}' is set to true or false, not a number")
                    else:
                        self.expr(
                            where,
                            value,
                            "bool",
                            f"a flag is set to true, false or a condition, e.g. {name}: true",
                        )
                elif name in s.hidden:
                    self.report(
                        where, f"'{name}' is a hidden value; effects cannot change it", key=True
                    )
                elif self.lookalike_in_reference(
                    where, name, "effect", [*numeric, *s.flags, *RESERVED_EFFECT_KEYS], key=True
                ):
                    continue
                elif self.kind_of(name)[0]:
                    noun, usage = self.kind_of(name)
                    self.report(
                        where, f"'{name}' is {noun}, not a stat, flag or effect", usage, key=True
                    )
                else:
                    choices = [*numeric, *s.flags, *RESERVED_EFFECT_KEYS]
                    self.report(
                        where,
                        f"unknown stat, flag or effect '{name}'",
                        did_you_mean(name, choices)
                        or f"declare '{name}' under stats (a number) or flags (true or false); "
                        "an effect's own keys are "
                        + ", ".join(sorted(RESERVED_EFFECT_KEYS)),
                        key=True,
                    )


def _which_response(written: str, responses: Mapping[str, Response]) -> str:
    """The hint for a `historical_response` naming no response: the id meant (a typo, or the
    kind of one response written for its id: `negotiate` for `wait`, an author's review), else
    the demand's responses."""
    typo = did_you_mean(written, responses)
    if typo:
        return typo
    of_kind = [rid for rid, response in responses.items() if response.kind == written]
    if len(of_kind) == 1:
        return f"'{written}' is the kind of response '{of_kind[0]}': write its id, {of_kind[0]}"
    ids = ", ".join(responses)
    return f"it takes a response's id; this demand's responses: {ids}" if ids else ""
