"""The debrief as data: a frozen record of one game set beside the historical record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from game.engine.dates import MONTHS, long_date
from game.engine.words import number_ranges


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceRef(_Frozen):
    """A cited source, numbered by its place in the scenario's list of sources, so it has the
    same number in every report of the scenario (for footnotes and the list of sources)."""

    number: int
    tag: str
    title: str
    url: str = ""
    kind: str = ""
    note: str = ""
    lang: str = ""  # the language the source declares it is written in ("" for none)


class HistoryEntry(_Frozen):
    """A historical note from the scenario, placed relative to the game that was played."""

    date: dt.date
    title: str
    text: str
    sources: list[SourceRef] = []
    popular_account: str = ""
    disputed: str = ""
    # background: before the first day; played: on a day the game covered; after: once the game had ended
    period: Literal["background", "played", "after"] = "played"


class Decision(_Frozen):
    """One thing the player did (an action taken or an answer given)."""

    kind: Literal["action", "respond"]
    ref: str  # action id, or demand id for an answer
    response: str = ""  # response id, for answers
    label: str
    historical: bool  # whether history did the same on that day


class Happening(_Frozen):
    """An item that reached the player's inbox."""

    kind: str
    title: str
    text: str = ""
    sources: list[SourceRef] = []
    teacher: bool = (
        False  # a teacher's inject, released during the game (not the scenario's course)
    )
    # for the news that a deadline passed, which comes at the next dawn: the deadline's own day
    deadline: dt.date | None = None
    # the game's invention, though it cites sources (they are what it is grounded in)
    counterfactual: bool = False
    # an intelligence report: whether the version the game drew told the truth (None otherwise)
    accurate: bool | None = None


class DayEntry(_Frozen):
    day: int
    date: dt.date
    decisions: list[Decision] = []
    happenings: list[Happening] = []
    history: list[HistoryEntry] = []
    # how the day's council went, as the front end that ran it tells (`build_debrief`): held;
    # passed over by lesson mode (no council at all); ended by the classroom's time limit; or
    # none, the game having ended at that day's dawn (a deadline's expiry, say) before any choice
    council: Literal["held", "passed", "timed_out", "none"] = "held"


class Divergence(_Frozen):
    """A point where the player's path left history.

    The same departure on several days (the same answer to a demand, the same action history did
    not take, a historical action not taken) is one divergence: `date` is its first day and
    `dates` every day it happened. A demand's historical note is given once in a debrief: a later
    divergence about the same demand has no `note` of its own but `note_as`, the place in
    `Debrief.divergences` of the earlier one that gives it (`note_reference` says where)."""

    kind: Literal["response", "expired", "unanswered", "missed_action", "extra_action", "ending"]
    date: dt.date | None  # the first (or only) day; None for the ending
    dates: list[
        dt.date
    ] = []  # every day it happened, in order; [date] when only one, [] for the ending
    you: str
    history: str
    note: str = ""
    note_as: int | None = None  # the note is the one given with divergences[note_as], above it
    sources: list[SourceRef] = []

    @property
    def days(self) -> int:
        """On how many days it happened (1 for one day, and for the ending)."""
        return max(1, len(self.dates))


class Score(_Frozen):
    key: str
    label: str
    value: int
    out_of: int = 10


class EndingView(_Frozen):
    id: str
    title: str
    epilogue: str
    historical: bool
    scores: list[Score]
    verdicts: list[str] = []
    sources: list[SourceRef] = []
    # what its condition read, as it stood at the end ("Japanese army momentum 100", "the stage:
    # Invasion"), in the condition's order (`game.debrief.turned_on`)
    turned_on: list[str] = []


class HiddenValue(_Frozen):
    """A value the player never saw during play (a hidden draw or a hidden stat), revealed now."""

    id: str
    kind: Literal["draw", "stat"]
    label: str
    description: str = ""
    value: int
    value_label: str = ""  # for draws from `choices`: what the drawn value means

    @property
    def shown(self) -> str:
        """What to print: the meaning of a drawn choice (its number is only the author's code),
        or the number itself."""
        return self.value_label or str(self.value)


class DisputeView(_Frozen):
    question: str
    versions: list[str]
    sources: list[SourceRef] = []


class Vote(_Frozen):
    """A class vote taken during a classroom game (supplied by the shell that ran it)."""

    date: dt.date | None = None
    question: str
    tally: dict[str, int] = Field(default_factory=dict)  # option label -> number of votes
    chosen: str = ""  # what the class (or the teacher) went with
    # each voter's choice (an option label), in turn, when the voters are numbered: a cabinet's
    # advisers, adviser 1 first; a split vote's summary says who voted for what
    ballots: list[str] = []
    note: str = ""  # how a tie was settled, when the tally cannot say ("tie broken by adviser 1")


class Debrief(_Frozen):
    scenario_id: str
    scenario_title: str
    scenario_subtitle: str = ""
    character: str = ""  # whom the player played
    seed: int
    player_name: str = ""
    played_on: str = ""
    practice: bool = False
    # How the report was made, in words ("playing in the window"; "replaying history's choices
    # (replay --historical)"), and whether by a replay of fixed choices rather than a game played
    made_by: str = ""
    replay: bool = False
    start: dt.date
    end: dt.date  # the calendar's last day
    ended_on: dt.date  # the day the game ended (or the current day, if it has not)
    over: bool
    ending: EndingView | None = None
    historical_endings: list[str] = []  # titles of the endings the scenario marks historical
    premise: str = ""  # an alternate history's change from the record (`Scenario.counterfactual`)
    # Whether the scenario records any history (notes, historical dates, answers or endings): an
    # invented one has none, and its report leaves out what it would compare with history.
    has_history: bool = True
    # Whether it says what history chose (actions' dates, demands' answers): only then does the
    # report set the player's decisions beside history's ("Where you left history").
    records_decisions: bool = True
    background: list[HistoryEntry] = []
    days: list[DayEntry] = []
    aftermath: list[HistoryEntry] = []
    divergences: list[Divergence] = []
    hidden: list[HiddenValue] = []
    disputes: list[DisputeView] = []
    questions: list[str] = []
    votes: list[Vote] = []
    sources: list[SourceRef] = []
    # the language of the scenario's Chinese characters without kana, for the HTML report's marks
    characters_lang: str = "zh"

    @property
    def days_passed(self) -> bool:
        """Whether lesson mode passed some day without a council."""
        return any(day.council == "passed" for day in self.days)


# The day-by-day line of a day lesson mode passed, and of a council the time limit ended.
PASSED_DAY = "No council: lesson mode passed this day"
TIMED_OUT = "The council's time ran out"
# The day-by-day line of the day the game ended at its dawn, before a council could meet.
ENDED_AT_DAWN = "No council: the game ended at dawn"
# Under "Where you left history", when lesson mode passed days.
NOT_COUNTED = "What history did on the days lesson mode passed is not counted here."


def council_facts(debrief: Debrief) -> list[tuple[str, str]]:
    """The report's facts about the councils (label, value): the days lesson mode passed without
    a council and the councils the time limit ended, e.g. ("Lesson mode", "days 3–6 and 9
    passed without a council"); none in a game with neither."""
    facts = []
    passed = [day.day for day in debrief.days if day.council == "passed"]
    if passed:
        facts.append(("Lesson mode", f"{_days(passed)} passed without a council"))
    timed_out = [day.day for day in debrief.days if day.council == "timed_out"]
    if timed_out:
        facts.append(("Council time ran out", f"on {_days(timed_out)}"))
    return facts


def _days(numbers: list[int]) -> str:
    """'day 3', 'days 3–6, 9 and 12'."""
    parts = number_ranges(numbers)
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return ("day " if len(numbers) == 1 else "days ") + joined


# Sources the scenario marks weak (mirror copies, novel and aggregator sites): the reports for
# students name them but give their addresses as plain text, never as links.
WEAK = "weak source, not linked"  # after such a source's title
WEAK_NOTE = (
    "Sources marked weak (copies on mirror sites, novel sites and the like) are listed so "
    "that every claim can be traced; their addresses are plain text, not links. Do not rely on "
    "them without checking a better source."
)

TEACHERS_INJECT = "teacher's inject"  # after an inbox item the teacher released, in every report
# after an item the scenario marks counterfactual, whose footnotes would read as its record
INVENTED_GROUNDED = "invented for the game, based on the sources cited"
# after an item that tells of the world's doings and cites nothing, in a scenario with history
INVENTED_UNCITED = "invented for the game"
# after an intelligence report, whose version the game drew: the report tells which it was
REPORT_TRUE = "intelligence; in this game it told the truth"
REPORT_FALSE = "intelligence; in this game it was wrong"


def happening_deadline(item: Happening) -> str:
    """After the news that a deadline passed: ' (its deadline in the game: 12 June 1935)'; ''
    otherwise. The game's: some demands had no deadline stated in history, and the game gives them
    one (teacher's report review: "none stated" in play, "the deadline was 3 June" in the report)."""
    if not item.deadline:
        return ""
    return f" (its deadline in the game: {long_date(item.deadline, weekday=False)})"


def ending_mark(debrief: Debrief, historical: bool) -> str:
    """' (the historical ending)' or ' (not the historical ending)' after an ending's title; ''
    in a scenario that records no history."""
    if not debrief.historical_endings:  # no ending is history's: none is "not the historical"
        return ""
    return " (the historical ending)" if historical else " (not the historical ending)"


def refs(sources: Iterable[SourceRef]) -> str:
    """Footnote numbers as one short bracket: ' [2,5-8]' ('' for none), runs of three or more joined."""
    numbers = {s.number for s in sources}
    return " [" + ",".join(number_ranges(numbers, dash="-", shortest=3)) + "]" if numbers else ""


# What each kind of divergence is called in every form of the report ("1 June 1935 · Answer.").
KIND_NAMES = {
    "response": "Answer",
    "expired": "Deadline",
    "unanswered": "Unanswered",
    "missed_action": "Not done",
    "extra_action": "Done",
    "ending": "Ending",
}


def dates_text(dates: Iterable[dt.date]) -> str:
    """Days as the reports name them, runs of consecutive days joined: '1 June 1935', '7–9 June
    1935', '29 May – 10 June 1935', '1, 3 and 5–7 June 1935', '29–31 May and 2 June 1935', '31 May and
    1 June 1935' (two days in a row are named one by one)."""
    days = sorted(set(dates))
    if not days:
        return ""
    runs: list[list[dt.date]] = []
    for day in days:
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    # two days in a row are named one by one ("1 and 2 June"), three or more as a run
    runs = [piece for run in runs for piece in ([[d] for d in run] if len(run) == 2 else [run])]
    one_year = days[0].year == days[-1].year
    pieces = []
    for number, run in enumerate(runs):
        first, last = run[0], run[-1]
        if not one_year:
            piece = long_date(first, weekday=False)
            if last != first:
                piece += " \u2013 " + long_date(last, weekday=False)
            pieces.append(piece)
            continue
        month = f" {MONTHS[last.month - 1]}"
        if first == last:
            piece = str(first.day)
        elif first.month == last.month:
            piece = f"{first.day}\u2013{last.day}"
        else:
            piece = f"{first.day} {MONTHS[first.month - 1]} \u2013 {last.day}"
        following = runs[number + 1][0] if number + 1 < len(runs) else None
        # the month once for the days of one month in a row: "1, 3 and 5 June"
        if following is None or following.month != last.month or first.month != last.month:
            piece += month
        pieces.append(piece)
    text = pieces[0] if len(pieces) == 1 else ", ".join(pieces[:-1]) + " and " + pieces[-1]
    return f"{text} {days[0].year}" if one_year else text


def divergence_when(div: Divergence) -> str:
    """The day or days of a divergence ('29 May – 10 June 1935'); '' for the ending."""
    return dates_text(div.dates or ([div.date] if div.date else []))


def divergence_kind(div: Divergence) -> str:
    """What it was, and on how many days when more than one: 'Answer', 'Answer, on 13 days'."""
    return KIND_NAMES[div.kind] + (f", on {div.days} days" if div.days > 1 else "")


def divergence_heading(div: Divergence) -> str:
    """'29 May – 10 June 1935 · Answer, on 13 days'; 'End · Ending' for the ending."""
    return f"{divergence_when(div) or 'End'} \u00b7 {divergence_kind(div)}"


def note_reference(debrief: Debrief, div: Divergence) -> str:
    """For a divergence whose note was given with an earlier one (`note_as`): where, e.g.
    'as told above, under 29 May – 10 June 1935 · Answer'; '' for one with no such note."""
    if div.note_as is None or not 0 <= div.note_as < len(debrief.divergences):
        return ""
    earlier = debrief.divergences[div.note_as]
    return f"as told above, under {divergence_when(earlier) or 'End'} \u00b7 {KIND_NAMES[earlier.kind]}"
