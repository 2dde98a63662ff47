"""The report's sections, in order: the one description every form of the debrief formats.

`report_sections(debrief)` says which sections a debrief's report has, in which order, under which
headings, and what each holds, as plain data: authored and built text as it is (no markup, not
escaped), footnotes as `SourceRef`s. The Markdown and HTML reports, the text version's screen and
the window's debrief screen each format these sections in their own way, so none of them can
leave out, or put elsewhere, what the others show.

    front        the title, the facts of the game and, for a practice game, a banner saying so
    ending       the ending, or that the game had not ended
    divergences  where the player left history (only when the scenario records history's decisions)
    background   history before the first day
    days         day by day: what the player did, what happened in the game, what happened in history
    aftermath    history after the game ended
    hidden       what was hidden in this game: its draws (not history) and hidden stats
    disputes     what historians dispute
    votes        the class's votes
    questions    questions for reflection
    sources      every source cited above, numbered as the footnotes: by its place in the
                 scenario's list, the same in every report of the scenario (gaps and all)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from game import __version__
from game.debrief.model import (
    ENDED_AT_DAWN,
    INVENTED_GROUNDED,
    INVENTED_UNCITED,
    NOT_COUNTED,
    PASSED_DAY,
    REPORT_FALSE,
    REPORT_TRUE,
    TEACHERS_INJECT,
    TIMED_OUT,
    WEAK_NOTE,
    Debrief,
    DisputeView,
    Divergence,
    EndingView,
    Happening,
    HiddenValue,
    HistoryEntry,
    SourceRef,
    Vote,
    council_facts,
    ending_mark,
    happening_deadline,
    note_reference,
)
from game.engine.dates import long_date
from game.engine.state import TOLD_KINDS
from game.engine.words import FOLLOWED_HISTORY, NO_ACTION, counted, number_ranges

NO_NAME = "(no name given)"
TURNED_ON = "What this ending turned on, as things stood at the end"
SCORES_NOTE = (
    "The scores are the scenario's rating of this ending on each measure, out of 10 (10 is the "
    "best outcome on that measure): a way into the discussion, not a mark for the student."
)
# the notice of a report made by a replay (its heading, then its sentence)
REPLAYED = (
    "Not a game played.",
    "This report replays a fixed list of choices: nobody made these decisions in play.",
)
NOT_RECORDED = "(not recorded)"
NOT_ENDED = "The game had not ended when this report was made."
NO_NOTE = "No historical note for this day."
NO_SOURCES = "No sources were cited."
# above the list: its numbers are the scenario's, not the order this report cites them in
SOURCE_NUMBERS = (
    "Sources are numbered as in the scenario's own list, so a source has the same number in "
    "every report of this scenario; this report lists only those it cites."
)
HIDDEN_NOTE = (
    "These are this game's own values, drawn at random from its seed when it began (a hidden "
    "stat: where it stood at the end); a game with another seed may draw them differently."
)
NOT_HISTORY = " They are the game's, not a finding about history."

SectionKey = Literal[
    "front",
    "premise",
    "ending",
    "divergences",
    "background",
    "days",
    "aftermath",
    "hidden",
    "disputes",
    "votes",
    "questions",
    "sources",
]


@dataclass(frozen=True)
class Fact:
    """One fact of the game, e.g. ("Seed", "1935"); `code`: an identifier shown after the value
    in brackets, as code where the form can ("Mini crisis (`mini`)")."""

    key: Literal[
        "student",
        "scenario",
        "playing",
        "seed",
        "played",
        "made",
        "version",
        "days",
        "council",
        "ending",
        "departures",
    ]
    label: str
    value: str
    code: str = ""


@dataclass(frozen=True)
class Banner:
    """A notice above the report: this is a practice game, not an assessed one (each form words
    it for itself: a saved report, a debrief on the screen); or the report replays fixed choices
    and is no game played (only saved reports are made so: `replay --report`)."""

    kind: Literal["practice", "replay"] = "practice"


@dataclass(frozen=True)
class Line:
    """Words of the report: a paragraph, or one item of a list.

    `aside`: a remark set after the words, in brackets ("teacher's inject"); `historical`: for a
    decision in a scenario that records history's, whether history did the same (None for any
    other line); `remark`: a line about the report or the council rather than about the game
    (that lesson mode passed the day, that a weak source is not linked), which a form may set
    apart."""

    text: str
    aside: str = ""
    sources: tuple[SourceRef, ...] = ()
    historical: bool | None = None
    remark: bool = False


@dataclass(frozen=True)
class EndingItem:
    ending: EndingView
    mark: str  # ' (the historical ending)', ' (not the historical ending)' or ''


@dataclass(frozen=True)
class DivergenceItem:
    divergence: Divergence
    told: str  # what really happened: the note, or where it was given above ('' for none)


@dataclass(frozen=True)
class NoteItem:
    note: HistoryEntry
    dated: bool  # its date is given (not under a day of its own)


@dataclass(frozen=True)
class DayPart:
    """One part of a day: what the player did, what happened in the game, what happened in
    history that day (`Line`s, or for history `NoteItem`s, or a `Line` saying there is none)."""

    key: Literal["did", "game", "history"]
    label: str  # "You did", "In the game", "In 1935"
    items: tuple[Line | NoteItem, ...]


@dataclass(frozen=True)
class DayItem:
    day: int
    date: dt.date
    title: str  # "Day 3: Monday 3 June 1935"
    parts: tuple[DayPart, ...]


Item = (
    Fact
    | Banner
    | Line
    | EndingItem
    | DivergenceItem
    | NoteItem
    | DayItem
    | HiddenValue
    | DisputeView
    | Vote
    | SourceRef
)


PREMISE = "What this scenario changes from history"


@dataclass(frozen=True)
class Section:
    key: SectionKey
    heading: str
    items: tuple[Item, ...]
    subtitle: str = ""  # for the front: the scenario's subtitle


def report_sections(debrief: Debrief) -> list[Section]:
    """The sections of the debrief's report, in the order every form shows them (the sections
    with nothing to show left out)."""
    d = debrief
    out = [_front(d)]
    if d.premise:  # an alternate history says so before anything is compared with the record
        out.append(Section("premise", PREMISE, (Line(d.premise),)))
    out.append(_ending(d))
    if d.records_decisions:  # else no decisions of history's to compare with
        out.append(_divergences(d))
    if d.background:
        out.append(Section("background", "Background", _notes(d.background)))
    out.append(Section("days", "Day by day", tuple(_day(d, n) for n in range(len(d.days)))))
    if d.aftermath:
        heading = "After your game ended: how it really went on"
        out.append(Section("aftermath", heading, _notes(d.aftermath)))
    if d.hidden:
        note = HIDDEN_NOTE + (NOT_HISTORY if d.has_history else "")
        hidden: tuple[Item, ...] = (Line(note, remark=True), *d.hidden)
        out.append(Section("hidden", "What was hidden in this game", hidden))
    if d.disputes:
        out.append(Section("disputes", "What historians dispute", tuple(d.disputes)))
    if d.votes:
        out.append(Section("votes", "Votes on each decision", tuple(d.votes)))
    if d.questions:
        questions = tuple(Line(q) for q in d.questions)
        out.append(Section("questions", "Questions for reflection", questions))
    out.append(_sources(d))
    return out


def vote_summary(vote: Vote) -> str:
    """A vote as one sentence that names each choice once, for every form of the report: the
    choice made with its share of the votes ("(unanimous)" when it had them all), then the other
    choices with theirs; numbered ballots (a cabinet's advisers) say who voted for what when the
    vote was split. Teacher's review: a cabinet's unanimous vote named its choice four times (in
    each adviser's ballot, the tally and "Chosen"). A vote whose choice no one voted for (or with
    none) lists its tally and then the choice."""
    when = f"{long_date(vote.date, weekday=False)} \u00b7 " if vote.date else ""
    question = " ".join(vote.question.split())
    if vote.chosen not in vote.tally:
        tally = ", ".join(f"{option}: {count}" for option, count in vote.tally.items())
        chosen = f" Chosen: {vote.chosen}." if vote.chosen else ""
        return f"{when}{question} {tally}.{chosen}".replace(" .", ".")
    voters: dict[str, list[int]] = {}
    for number, ballot in enumerate(vote.ballots, start=1):
        voters.setdefault(ballot, []).append(number)
    total = sum(vote.tally.values())
    others = sorted(
        ((o, n) for o, n in vote.tally.items() if o != vote.chosen and n > 0), key=lambda o: -o[1]
    )
    count = vote.tally[vote.chosen]
    share = counted(total, "vote") if count == total and total < 2 else f"{count} of {total} votes"
    if not others and total > 1:
        share += " (unanimous)"
    elif others and vote.chosen in voters:
        share += f" ({_advisers(voters[vote.chosen])})"
    if vote.note:
        share += f", {vote.note}"
    against = "; ".join(
        f"{option} \u2014 {number}"
        + (f" ({_advisers(voters[option])})" if option in voters else "")
        for option, number in others
    )
    ask = f"{question} " if question.endswith(("?", "!", ".", ":")) else f"{question}: "
    tail = f"; other votes: {against}" if others else ""
    return f"{when}{ask if question else ''}{vote.chosen} \u2014 {share}{tail}."


def _advisers(numbers: list[int]) -> str:
    """'adviser 2', 'advisers 1 and 3', 'advisers 1\u20133 and 5'."""
    runs = number_ranges(numbers, shortest=3)
    if len(numbers) == 1:
        return f"adviser {runs[0]}"
    listed = runs[0] if len(runs) == 1 else ", ".join(runs[:-1]) + f" and {runs[-1]}"
    return f"advisers {listed}"


def _front(d: Debrief) -> Section:
    facts = [
        Fact("student", "Student", student(d)),
        Fact("scenario", "Scenario", d.scenario_title, code=d.scenario_id),
        Fact("playing", "Playing", d.character),
        Fact("seed", "Seed", str(d.seed)),
        Fact(
            "played",
            "Date replayed" if d.replay else "Date played",
            d.played_on if d.played_on.strip() else NOT_RECORDED,
        ),
        Fact("made", "Made by", d.made_by),
        Fact("version", "Version", f"Hebei 1935 {__version__}"),
        Fact("days", "Game days", f"{long_date(d.start)} to {long_date(d.ended_on)}"),
        *(Fact("council", label, value) for label, value in council_facts(d)),
        # at a glance, for a teacher with a pile of reports (teacher's report review)
        Fact("ending", "Ending", _ending_at_a_glance(d)),
        Fact("departures", "Departures", _departures(d)),
    ]
    items: list[Item] = [fact for fact in facts if fact.value.strip()]
    if d.replay:
        items.append(Banner("replay"))
    if d.practice:
        items.append(Banner())
    return Section("front", f"Debrief: {d.scenario_title}", tuple(items), d.scenario_subtitle)


def student(d: Debrief) -> str:
    """Whose report it is: the players' names as given, or that none was."""
    return d.player_name if d.player_name.strip() else NO_NAME


def _ending_at_a_glance(d: Debrief) -> str:
    if d.ending is None:
        return "not reached"
    return d.ending.title + ending_mark(d, d.ending.historical)


def _departures(d: Debrief) -> str:
    """How often the player left history's decisions ('' where the scenario records none)."""
    if not d.records_decisions:
        return ""
    left = sum(1 for div in d.divergences if div.kind != "ending")
    return f"{left or 'none'} from history's decisions (see Where you left history)"


def _ending(d: Debrief) -> Section:
    if d.ending is None:
        return Section("ending", "Ending", (Line(NOT_ENDED),))
    items: tuple[Item, ...] = (EndingItem(d.ending, ending_mark(d, d.ending.historical)),)
    if d.ending.turned_on:  # why it ended so (teacher's report review)
        items += (Line(f"{TURNED_ON}: {'; '.join(d.ending.turned_on)}."),)
    if d.ending.scores:  # a bare table of numbers read as a grade (teacher's report review)
        items += (Line(SCORES_NOTE, remark=True),)
    return Section("ending", "Ending", items)


def _divergences(d: Debrief) -> Section:
    items: list[Item] = []
    if d.days_passed:
        items.append(Line(NOT_COUNTED, remark=True))
    if not d.divergences:
        items.append(Line(FOLLOWED_HISTORY))
    for div in d.divergences:
        told = div.note or (note_reference(d, div) + "." if div.note_as is not None else "")
        items.append(DivergenceItem(div, told))
    return Section("divergences", "Where you left history", tuple(items))


def _notes(notes: list[HistoryEntry], *, dated: bool = True) -> tuple[NoteItem, ...]:
    return tuple(NoteItem(note, dated) for note in notes)


def _aside(item: Happening, has_history: bool) -> str:
    """What a report says after an item of a day's game, besides its sources: a teacher's inject,
    an invention grounded in its sources, one citing nothing (in a scenario with history, as the
    inbox says), or whether an intelligence report told the truth (the inbox kept that hidden;
    the report may tell it)."""
    if item.teacher:
        return TEACHERS_INJECT
    parts = []
    if item.counterfactual and item.sources:
        parts.append(INVENTED_GROUNDED)
    elif has_history and not item.sources and item.kind in TOLD_KINDS:
        parts.append(INVENTED_UNCITED)
    if item.accurate is not None:
        parts.append(REPORT_TRUE if item.accurate else REPORT_FALSE)
    return "; ".join(parts)


def _day(d: Debrief, index: int) -> DayItem:
    day = d.days[index]
    did = [
        Line(decision.label, historical=decision.historical if d.records_decisions else None)
        for decision in day.decisions
    ]
    if not day.decisions and day.council not in ("passed", "none"):
        did.append(Line(f"{NO_ACTION}."))
    council = {"passed": PASSED_DAY, "timed_out": TIMED_OUT, "none": ENDED_AT_DAWN}
    if day.council in council:
        did.append(Line(f"{council[day.council]}.", remark=True))
    parts = [DayPart("did", "You did", tuple(did))]
    if day.happenings:
        game = tuple(
            Line(
                item.title
                + happening_deadline(item)
                + (f": {item.text}" if item.kind == "outcome" and item.text else ""),
                aside=_aside(item, d.has_history),
                sources=tuple(item.sources),
            )
            for item in day.happenings
        )
        parts.append(DayPart("game", "In the game", game))
    if day.history or d.has_history:
        history: tuple[Line | NoteItem, ...] = (
            _notes(day.history, dated=False) if day.history else (Line(NO_NOTE, remark=True),)
        )
        parts.append(DayPart("history", f"In {day.date.year}", history))
    title = f"Day {day.day}: {long_date(day.date)}"
    return DayItem(day.day, day.date, title, tuple(parts))


def _sources(d: Debrief) -> Section:
    items: list[Item] = []
    if d.sources:  # said once, above the list (teacher's report review)
        items.append(Line(SOURCE_NUMBERS, remark=True))
    if any(source.kind == "weak" for source in d.sources):
        items.append(Line(WEAK_NOTE, remark=True))
    items += d.sources
    if not d.sources:
        items.append(Line(NO_SOURCES))
    return Section("sources", "Sources", tuple(items))
