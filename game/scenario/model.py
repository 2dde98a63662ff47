"""The scenario format: frozen pydantic models whose field descriptions become the editor's help.

A scenario is one YAML file. Sections that declare things (stats, demands, actions ...) are
mappings from an id to its definition, so ids are unique by construction and read naturally in
expressions: ``pressure >= 70``, ``issued(four_demands)``. Lists are used, not tuples, because
editors read the exported JSON Schema as draft-07, which cannot type tuple items.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict

FORMAT_VERSION = 1


class Model(BaseModel):
    # Strict, as the JSON Schema is: "40" or true is not a number, 1936 is not text (an editor
    # would mark it, so validate must too). Dates are the exception, below.
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


def _whole(value: Any) -> Any:
    """55.0 is the whole number 55 (as the JSON Schema counts it); 55.5 is left to be refused."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Int = Annotated[int, BeforeValidator(_whole)]
MAX_DAYS = 3_660  # the most days a deadline may lie ahead or be put off by: ten years


def days_after(date: dt.date, days: int) -> dt.date:
    """`date` plus `days`, or the last date Python knows when that is further than it can count
    (a deadline put off again and again must not crash a game whose calendar nears 9999)."""
    try:
        return date + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


# A date may be written plainly (YAML reads 1935-06-09 as a date) or in quotes, as the JSON
# Schema's {"type": "string", "format": "date"} has it.
def _not_a_number(value: Any) -> Any:
    """A date is a date or its YYYY-MM-DD text; a number is not (pydantic would read seconds)."""
    if isinstance(value, (int, float)):
        raise ValueError("expected a date (YYYY-MM-DD)")
    return value


Date = Annotated[dt.date, BeforeValidator(_not_a_number), Strict(False)]


class _ProseMark:
    """Marks a text that people read (a title, a label, an epilogue), not an id, an expression or
    an address: the checker warns when YAML cuts one short (`game.scenario.comments`)."""

    def __repr__(self) -> str:
        return "PROSE"


PROSE = _ProseMark()
Prose = Annotated[str, PROSE]  # pydantic ignores the mark: the schema is that of `str`

Condition = str  # an expression that is true or false, e.g. "pressure >= 70 and not yu_dismissed"
Amount = Int | str  # a whole number, or an expression giving one, e.g. "10 + resolve // 10"

COND = 'A condition in the expression language, e.g. "pressure >= 70 and not yu_dismissed".'
AMOUNT = 'A whole number, or an expression that gives one (e.g. "100 - resolve").'
SOURCES = "Source tags (keys of the top-level `sources` section) that support this text."
PLACES = "Ids of places (the `places` section) to mark on the map."
COUNTERFACTUAL = (
    "True for something that did not happen in history: the player is told the game invents it, "
    "and its `sources` are only what it is grounded in (with false, the default, an item that "
    "cites sources is shown as from the record)."
)


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


IdList = Annotated[list[str], BeforeValidator(_one_or_many, json_schema_input_type=list[str] | str)]


class Effects(BaseModel):
    """What happens: changes to declared names, plus a few reserved keys.

    Any other key must be a declared stat or actor (its value is added: a number or an
    expression) or a declared flag (its value is set: true/false or a condition). To set a stat
    to an exact value, write the value as a string starting with '=' (e.g. "=50").
    """

    model_config = ConfigDict(frozen=True, extra="allow")
    __pydantic_extra__: dict[str, int | bool | str]

    issue: IdList = Field(
        default_factory=list,
        description="Demands to present now (ids). A demand is presented once a game: issuing one "
        "already presented (answered or not) does nothing.",
    )
    trigger: IdList = Field(
        default_factory=list,
        description="Events or intelligence reports to fire now (ids), after this effect.",
    )
    goto: str | None = Field(None, description="Move the escalation to this stage (id) now.")
    reveal: IdList = Field(
        default_factory=list, description="Hidden stats to show the player from now on (ids)."
    )
    end: str | None = Field(None, description="End the game now with this ending (id).")
    message: Prose | None = Field(None, description="A line to add to the player's inbox.")

    def changes(self) -> dict[str, int | bool | str]:
        """The changes to declared names (everything but the reserved keys)."""
        return dict(self.__pydantic_extra__ or {})


NO_EFFECTS = Effects()
RESERVED_EFFECT_KEYS = frozenset(Effects.model_fields)


class Source(Model):
    title: Prose = Field(description="Title of the work, document or page.")
    url: str = Field("", description="Where to read it, if public.")
    kind: Literal["primary", "secondary", "tertiary", "weak"] = Field(
        "secondary",
        description="How close to the events the source is; 'weak' sources are used only where nothing better exists.",
    )
    note: Prose = Field("", description="Anything a reader should know about this source.")
    lang: str = Field(
        "",
        pattern=r"^([a-z]{2,3}(-[A-Za-z0-9]{2,8})*)?$",
        description=(
            "The language the source is written in, as a language tag (ja, zh, zh-Hant, en);"
            " the HTML report marks the Chinese characters of its title and note with it, when it"
            " is Chinese, Japanese or Korean (kana are always marked Japanese)."
        ),
    )


class Player(Model):
    name: Prose = Field(description="The character the player plays.")
    chars: Prose = Field("", description="The name in Chinese or Japanese characters.")
    role: Prose = Field("", description="The character's office at the start.")


class Calendar(Model):
    start: Date = Field(description="The first day of play (YYYY-MM-DD).")
    end: Date = Field(description="The last day of play; the game ends after it at the latest.")
    actions_per_day: Int = Field(
        3, ge=1, le=20, description="How many action points the player has each day."
    )
    epilogue_until: Date | None = Field(
        None, description="The date the epilogues reach (for the debrief)."
    )


class Stat(Model):
    label: Prose = Field(description="Name shown to the player.")
    description: Prose = Field("", description="One or two sentences on what the stat means.")
    min: Int = Field(0, description="Lowest value; changes are clamped to it.")
    max: Int = Field(100, description="Highest value; changes are clamped to it.")
    start: Int = Field(description="Value on the first day.")
    hidden: bool = Field(False, description="Hidden from the player until an effect reveals it.")
    tally: bool = Field(
        False,
        description="Kept for the debrief alone (a hidden count shown at the end under 'What was"
        " hidden'): the checker does not warn that nothing reads or reveals it.",
    )
    higher_is: Literal["better", "worse", "neutral"] = Field(
        "neutral", description="Whether a high value is good for the player (colours the bar)."
    )


class Flag(Model):
    label: Prose = Field("", description="What the flag records, for the log and the debrief.")
    start: bool = Field(False, description="Value on the first day.")


class WeightedValue(Model):
    value: Int = Field(description="A possible value.")
    weight: Int = Field(1, ge=0, description="Relative likelihood of this value.")
    label: Prose = Field("", description="What this value means, for the debrief.")


class Hidden(Model):
    label: Prose = Field(description="Name used in the debrief, when the hidden value is revealed.")
    description: Prose = Field("", description="What the value stands for.")
    min: Int = Field(0, description="With no `choices`: the lowest value of a uniform draw.")
    max: Int = Field(100, description="With no `choices`: the highest value of a uniform draw.")
    choices: list[WeightedValue] = Field(
        default_factory=list,
        description="If given, the value is drawn from these by weight instead of uniformly.",
    )


class ActorRule(Model):
    id: str = Field(
        "",
        description="Optional name of the rule, an id (for logs and `once`); a rule without one"
        " is known by its place, `actor.rules (item N)`.",
    )
    when: Condition = Field("true", description="The rule may fire only when this holds. " + COND)
    weight: Amount = Field(
        1, description="Relative chance among the actor's rules that hold. " + AMOUNT
    )
    once: bool = Field(False, description="Fire at most once per game.")
    title: Prose = Field(description="Headline in the inbox.")
    text: Prose = Field("", description="What the player reads.")
    effects: Effects = Field(
        default_factory=Effects, description="What happens when the rule fires."
    )
    places: list[str] = Field(default_factory=list, description=PLACES)
    sources: list[str] = Field(
        default_factory=list,
        description=SOURCES
        + " A move with none is shown as the game's invention, not as something recorded.",
    )
    counterfactual: bool = Field(False, description=COUNTERFACTUAL)


class Actor(Model):
    name: Prose = Field(description="Romanised name, as the player sees it.")
    chars: Prose = Field("", description="Name in Chinese or Japanese characters.")
    side: Literal["china", "japan", "third"] = Field(description="Which side the actor is on.")
    role: Prose = Field("", description="Office and rank in the scenario's time.")
    description: Prose = Field("", description="Who the actor is, for the codex.")
    attitude: Int = Field(
        0,
        ge=-100,
        le=100,
        description="Starting attitude towards the player, -100 to 100. Expressions read it by the actor's id.",
    )
    idle_weight: Amount = Field(
        0, description="Relative chance that the actor does nothing on a day. " + AMOUNT
    )
    rules: list[ActorRule] = Field(
        default_factory=list,
        description="What the actor may do at dawn; one rule whose condition holds is chosen by weight.",
    )
    sources: list[str] = Field(default_factory=list, description=SOURCES)


class Transition(Model):
    to: str = Field(description="The stage to move to (id).")
    when: Condition = Field("true", description="Move when this holds (checked at dusk). " + COND)
    unless: Condition | None = Field(None, description="But not when this holds. " + COND)
    text: Prose = Field("", description="What the player reads when this transition happens.")


class Stage(Model):
    label: Prose = Field(description="Name of the stage of escalation, shown prominently.")
    description: Prose = Field("", description="What this stage means.")
    on_enter: Effects = Field(
        default_factory=Effects, description="What happens on entering the stage."
    )
    on_exit: Effects = Field(
        default_factory=Effects, description="What happens on leaving the stage."
    )
    transitions: list[Transition] = Field(
        default_factory=list, description="Guarded ways out, tried in order at dusk."
    )


class Event(Model):
    title: Prose = Field(description="Headline in the inbox.")
    text: Prose = Field("", description="What the player reads.")
    kind: Literal[
        "telegram", "news", "report", "meeting", "order", "intelligence", "background", "note"
    ] = Field(
        "report",
        description="How the event reaches the player (its inbox icon). `note`: the game speaking "
        "to the player (a tutorial's lesson, a reminder), which is never marked as history or as "
        "the game's invention.",
    )
    sender: str | None = Field(None, description="The actor it comes from (id), if any.")
    date: Date | None = Field(
        None,
        description="Fire at dawn on this day (if `when` is also given, only if it holds then).",
    )
    when: Condition | None = Field(
        None,
        description="With no `date`: fire at dawn on the first day this holds (with one: a test "
        "made on that day only). " + COND,
    )
    probability: Amount = Field(100, description="Percent chance to fire when due. " + AMOUNT)
    once: bool = Field(True, description="Fire at most once (false: may fire again on later days).")
    effects: Effects = Field(
        default_factory=Effects, description="What happens when the event fires."
    )
    places: list[str] = Field(default_factory=list, description=PLACES)
    sources: list[str] = Field(default_factory=list, description=SOURCES)
    counterfactual: bool = Field(False, description=COUNTERFACTUAL)


class Intel(Model):
    title: Prose = Field(description="Headline in the inbox.")
    sender: str | None = Field(None, description="Who reports it (actor id), if anyone.")
    date: Date | None = Field(
        None,
        description="Arrive at dawn on this day (if `when` is also given, only if it holds then).",
    )
    when: Condition | None = Field(
        None,
        description="With no `date`: arrive at dawn on the first day this holds (with one: a test "
        "made on that day only). " + COND,
    )
    probability: Amount = Field(100, description="Percent chance to arrive when due. " + AMOUNT)
    once: bool = Field(True, description="Arrive at most once.")
    reliability: Int = Field(
        ge=0,
        le=100,
        description="Percent chance that the report tells the truth; shown to the player.",
    )
    truth: Condition = Field(
        description="What is really so (usually about a hidden value). " + COND
    )
    if_true: Prose = Field(
        description="What the report says when `truth` holds (if it is reliable this time)."
    )
    if_false: Prose = Field(
        description="What the report says when `truth` does not hold (if reliable)."
    )
    effects: Effects = Field(
        default_factory=Effects, description="What happens when the report arrives."
    )
    places: list[str] = Field(default_factory=list, description=PLACES)
    sources: list[str] = Field(default_factory=list, description=SOURCES)
    counterfactual: bool = Field(False, description=COUNTERFACTUAL)


class Outcome(Model):
    weight: Amount = Field(1, description="Relative chance of this outcome. " + AMOUNT)
    text: Prose = Field("", description="What the player reads if this outcome happens.")
    effects: Effects = Field(default_factory=Effects, description="What happens.")


class Response(Model):
    label: Prose = Field(description="The choice as the player sees it, e.g. 'Accept all four'.")
    kind: Literal["accept", "partial", "negotiate", "stall", "refuse", "other"] = Field(
        "other",
        description="What sort of answer this is (used by the explorer's policies and the debrief).",
    )
    text: Prose = Field("", description="What happens, as the player reads it.")
    when: Condition = Field(
        "true", description="The response is offered only when this holds. " + COND
    )
    effects: Effects = Field(
        default_factory=Effects, description="What happens when the player gives this answer."
    )
    outcomes: list[Outcome] = Field(
        default_factory=list, description="If given, one is drawn by weight after `effects`."
    )
    closes: bool = Field(
        True,
        description="Whether this answer settles the demand (false: the demand stays open, e.g. "
        "stalling). An answer that leaves it open can be given again on a later day (once a day); "
        "to allow it once, give it `when: \"answer(DEMAND) != 'THIS_ANSWER'\"`.",
    )
    extend_days: Int = Field(
        0,
        ge=0,
        le=MAX_DAYS,
        description="Days added to the deadline by an answer that leaves the demand open "
        "(`closes: false`), to buy time; refused on an answer that settles the demand.",
    )
    cost: Int = Field(0, ge=0, description="Action points the answer uses.")


class Demand(Model):
    title: Prose = Field(description="Short name of the demand.")
    issuer: str = Field(description="Who presents it (actor id).")
    text: Prose = Field(description="The demand as presented.")
    date: Date | None = Field(
        None,
        description="Present it at dawn on this day (if `when` is also given, only if it holds then).",
    )
    when: Condition | None = Field(
        None,
        description="With no `date`: present it at dawn on the first day this holds (with one: a "
        "test made on that day only). " + COND,
    )
    deadline: Date | None = Field(None, description="The last day for an answer.")
    deadline_days: int | None = Field(
        None,
        ge=0,
        le=MAX_DAYS,
        description="Or: days after presentation for an answer (0: the same day).",
    )
    deadline_label: Prose = Field("", description="How the deadline was put, e.g. 'noon, 12 June'.")
    ultimatum: bool = Field(
        False,
        description="An ultimatum: it must have a deadline, and no answer may put it off (`extend_days` is refused); a stalling answer may still leave it open. What its running out brings is what `on_expiry` and `expiry_outcomes` say.",
    )
    responses: dict[str, Response] = Field(description="The possible answers, by id.")
    on_expiry: Effects = Field(
        default_factory=Effects,
        description="What happens if the deadline passes with no final answer.",
    )
    expiry_outcomes: list[Outcome] = Field(
        default_factory=list,
        description="If given, one is drawn by weight after `on_expiry` (e.g. whether the threat is carried out).",
    )
    expiry_text: Prose = Field("", description="What the player reads when the deadline passes.")
    historical_response: str | None = Field(None, description="Which response (id) history took.")
    historical_note: Prose = Field("", description="What really happened, for the debrief.")
    places: list[str] = Field(default_factory=list, description=PLACES)
    sources: list[str] = Field(default_factory=list, description=SOURCES)
    counterfactual: bool = Field(False, description=COUNTERFACTUAL)

    def deadline_when_issued(self, issued: dt.date) -> dt.date | None:
        """The deadline the demand sets when presented on `issued` (before any stall moves it)."""
        if self.deadline is not None:
            return self.deadline
        if self.deadline_days is not None:
            return days_after(issued, self.deadline_days)
        return None


class HistoricalPeriod(Model):
    """Some days, one of which history chose, when the record does not say which."""

    start: Date = Field(description="The first day it may have been done.")
    end: Date = Field(description="The last day it may have been done.")
    words: Prose = Field(
        description="When it was done, as the debrief says it, e.g. 'in early June 1935 (the day "
        "is not recorded)'."
    )

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> list[dt.date]:
        """Every day of the span, first to last."""
        return [self.start + dt.timedelta(days=n) for n in range((self.end - self.start).days + 1)]


class Action(Model):
    label: Prose = Field(description="The action as the player sees it.")
    category: Literal[
        "diplomacy", "domestic", "military", "information", "security", "stalling", "other"
    ] = Field(description="Which group the action is listed under.")
    hint: Prose = Field(
        "",
        description="One line on what the action is for (its known effects are shown beside it automatically).",
    )
    text: Prose = Field("", description="What the player reads after taking it.")
    cost: Int = Field(1, ge=0, description="Action points it uses.")
    when: Condition = Field("true", description="Offered only when this holds. " + COND)
    per_day: Int = Field(1, ge=1, description="How often it can be taken in one day.")
    max_uses: int | None = Field(
        None, ge=1, description="How often it can be taken in the whole game."
    )
    urgent: bool = Field(
        False,
        description="A decision that cannot wait (an order once the enemy is across the"
        " border): lesson mode, which lets the last days pass without a council, still holds"
        " the council of a day on which it can be taken, as it does the day a demand comes"
        " and the day it falls due.",
    )
    effects: Effects = Field(default_factory=Effects, description="What certainly happens.")
    outcomes: list[Outcome] = Field(
        default_factory=list,
        description="If given, one is drawn by weight after `effects`; the hint calls the result uncertain.",
    )
    historical_dates: list[Date] = Field(
        default_factory=list,
        description="Days on which the historical figure did this (for --historical replays and the debrief).",
    )
    historical_period: HistoricalPeriod | None = Field(
        None,
        description="Instead of a date, when the record gives only a span of days: doing it on any "
        "of them is doing it when history did, and the debrief uses the span's `words`; the "
        "--historical replay does it on the last day.",
    )
    historical_note: Prose = Field(
        "",
        description="What the record shows instead, for a player who does this when history did "
        "not (someone else did it, it came later, or it was part of an answer to a demand); the "
        "debrief gives it beside that choice, after 'History went otherwise.' (without a note: "
        "'The record does not show this done in the days the game covers.').",
    )
    places: list[str] = Field(default_factory=list, description=PLACES)
    sources: list[str] = Field(default_factory=list, description=SOURCES)

    def done_in_history_on(self, day: dt.date) -> bool:
        """Whether history did this on `day`: one of its dates, or within its period."""
        period = self.historical_period
        return day in self.historical_dates or (period is not None and period.holds(day))


class Inject(Model):
    """A news item, telegram or rumour the teacher can release during play (lesson mode)."""

    title: Prose = Field(description="Headline in the inbox.")
    text: Prose = Field(description="What the players read.")
    kind: Literal["telegram", "news", "report", "intelligence"] = Field(
        "news", description="How it reaches the player."
    )
    sender: str | None = Field(None, description="The actor it comes from (id), if any.")
    effects: Effects = Field(
        default_factory=Effects, description="What happens when it is released."
    )
    note: Prose = Field("", description="For the teacher: when this inject helps a class.")
    not_before: Date | None = Field(
        None,
        description="The first day the teacher's lists offer it, for news that would make no"
        " sense earlier (a denial of an ultimatum before there is one); any day if not given."
        " A game saved before it was given still replays an earlier release.",
    )
    sources: list[str] = Field(default_factory=list, description=SOURCES)


class Scores(Model):
    sovereignty: Int = Field(ge=0, le=10, description="Territory and sovereignty kept, 0-10.")
    peace: Int = Field(ge=0, le=10, description="War avoided or time bought, 0-10.")
    standing: Int = Field(ge=0, le=10, description="The player's domestic standing, 0-10.")
    lives: Int = Field(ge=0, le=10, description="Lives spared, 0-10.")


class ScoreLabels(Model):
    """What an ending's four scores are called where the player sees them. The scores keep their
    keys (sovereignty, peace, standing, lives); a crisis about something else renames them."""

    sovereignty: Prose = Field("Sovereignty kept", description="The name of the first score.")
    peace: Prose = Field("War avoided, time bought", description="The name of the second score.")
    standing: Prose = Field("Standing at home", description="The name of the third score.")
    lives: Prose = Field("Lives spared", description="The name of the fourth score.")


class SideNames(Model):
    """What the sides are called where the player sees them (the map's legend, the codex). The
    sides keep their keys (china, japan, third), which decide the markers and colours."""

    china: Prose = Field("Chinese", description="The player's side, as an adjective.")
    japan: Prose = Field("Japanese", description="The other side, as an adjective.")
    third: Prose = Field("Third-party", description="Everyone else (foreign powers, the press).")


class Ending(Model):
    title: Prose = Field(description="Name of the ending.")
    when: Condition | None = Field(
        None, description="Reached at dusk when this holds (endings are tried in order). " + COND
    )
    at_end_only: bool = Field(False, description="Tried only after the last day of the calendar.")
    epilogue: Prose = Field(description="What followed, told to the player.")
    historical: bool = Field(False, description="This is what happened in history.")
    scores: Scores = Field(description="How the ending rates on four dimensions.")
    verdicts: list[Prose] = Field(
        default_factory=list,
        description="How historians of different schools judge such an outcome.",
    )
    sources: list[str] = Field(default_factory=list, description=SOURCES)


class HistoryNote(Model):
    date: Date = Field(description="The day the note is about.")
    title: Prose = Field(description="What happened, in a line.")
    text: Prose = Field(description="What happened that day in history, in a few sentences.")
    sources: list[str] = Field(min_length=1, description=SOURCES)
    popular_account: Prose = Field(
        "",
        description="Where the popular account differs, what it says and why it is wrong or unsure.",
    )
    disputed: Prose = Field(
        "", description="What historians disagree on for this day, if anything."
    )


class Dispute(Model):
    question: Prose = Field(description="The question historians disagree on.")
    versions: list[Prose] = Field(min_length=2, description="The versions, each with who holds it.")
    sources: list[str] = Field(default_factory=list, description=SOURCES)


class Place(Model):
    """A place on the map (and in the codex). Where places crowd together in a small map, the
    lesser ones (towns and sites beside a city) are left off the map unless an event, report or
    action of the day names them, which rings them; the codex always lists every place."""

    name: Prose = Field(
        description="Name as spelt in the period (with the modern name if different)."
    )
    chars: Prose = Field("", description="Name in characters.")
    lat: float = Field(ge=-90, le=90, description="Latitude in degrees.")
    lon: float = Field(ge=-180, le=180, description="Longitude in degrees.")
    kind: Literal["city", "town", "pass", "port", "site"] = Field(
        "town", description="What sort of place."
    )
    description: Prose = Field("", description="Its part in the story.")


class Unit(Model):
    name: Prose = Field(description="Name of the unit.")
    chars: Prose = Field("", description="Name in characters.")
    side: Literal["china", "japan"] = Field(description="Whose unit it is.")
    place: str = Field(description="Where it is at the start (place id).")
    strength: Prose = Field("", description="Its strength, as the sources give it.")
    commander: Prose = Field("", description="Who commands it.")
    visible_when: Condition = Field(
        "true", description="Shown on the map only when this holds. " + COND
    )
    moved_to: list[UnitMove] = Field(
        default_factory=list,
        description="Where the unit is shown when conditions hold (the last that holds wins).",
    )
    sources: list[str] = Field(default_factory=list, description=SOURCES)


class UnitMove(Model):
    place: str = Field(description="Place id.")
    when: Condition = Field(description="When the unit is shown there. " + COND)


class CodexEntry(Model):
    title: Prose = Field(description="Headword.")
    chars: Prose = Field("", description="In characters.")
    kind: Literal["person", "place", "unit", "term", "document", "organisation"] = Field(
        description="What sort of entry."
    )
    text: Prose = Field(description="A short description in our own words.")
    unlock_when: Condition = Field(
        "true", description="Shown in the codex only once this holds. " + COND
    )
    sources: list[str] = Field(default_factory=list, description=SOURCES)


class Scenario(Model):
    format: Literal[1] = Field(description="Version of the scenario format; this is format 1.")
    id: str = Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        description="Short id of the scenario (lower case, digits, underscores).",
    )
    title: Prose = Field(description="Title shown on the title screen.")
    subtitle: Prose = Field("", description="One line under the title.")
    author: Prose = Field("", description="Who wrote the scenario.")
    summary: Prose = Field(description="Two or three sentences for the scenario list.")
    briefing: Prose = Field(
        description="The situation, as the player reads it before the first day."
    )
    counterfactual: Prose = Field(
        "",
        description="For alternate histories: what this scenario changes from the record, and why.",
    )
    map: str = Field(
        "",
        description=(
            "Map geometry for the window (JSON, see 'A map of your own' in the authoring guide):"
            " a path relative to this file's folder, or one starting with 'assets/' for a bundled"
            " map. Paths may not leave those folders. Empty: the bundled North China map, if a"
            " place of the scenario lies on it; otherwise the window shows no map."
        ),
    )
    characters_lang: str = Field(
        "zh",
        pattern=r"^(zh|ja|ko)(-[A-Za-z0-9]{2,8})*$",
        description=(
            "The language of the Chinese characters (without kana) in the scenario's own text, as"
            " a language tag: zh (the default: Chinese, Simplified), zh-Hant, ja. The HTML report"
            " marks them with it, so browsers and screen readers pick the right font and voice; a"
            " source's own `lang` comes first for its title and note, and kana are always ja."
        ),
    )
    player: Player = Field(description="Who the player is.")
    calendar: Calendar = Field(
        description="When the scenario starts and ends, and the daily budget."
    )
    sources: dict[str, Source] = Field(
        default_factory=dict, description="The works the scenario draws on, by tag."
    )
    stats: dict[str, Stat] = Field(description="Numbers that track the crisis, by id.")
    flags: dict[str, Flag] = Field(
        default_factory=dict, description="Facts that are true or false, by id."
    )
    hidden: dict[str, Hidden] = Field(
        default_factory=dict,
        description="Values drawn at random for each game and never shown during play, by id.",
    )
    actors: dict[str, Actor] = Field(
        default_factory=dict, description="The people and bodies in the crisis, by id."
    )
    initial_stage: str = Field(description="The stage the escalation starts in (id).")
    stages: dict[str, Stage] = Field(description="The stages of escalation, by id.")
    events: dict[str, Event] = Field(
        default_factory=dict, description="Things that happen by date or by condition, by id."
    )
    intel: dict[str, Intel] = Field(
        default_factory=dict, description="Intelligence reports of stated reliability, by id."
    )
    demands: dict[str, Demand] = Field(
        default_factory=dict, description="Demands and ultimatums presented to the player, by id."
    )
    actions: dict[str, Action] = Field(
        description="What the player can do in council, by id (not `end` or `end_day`, which end the day in a choices file)."
    )
    endings: dict[str, Ending] = Field(
        description="How the game can end, by id, tried in the order written."
    )
    default_ending: str = Field(
        description="The ending (id) if none other is reached by the end of the calendar."
    )
    history: list[HistoryNote] = Field(
        default_factory=list,
        description="What happened each day in history, with sources (for the debrief).",
    )
    disputes: list[Dispute] = Field(
        default_factory=list, description="Facts historians disagree on."
    )
    questions: list[Prose] = Field(
        default_factory=list, description="Reflection questions for the debrief."
    )
    side_names: SideNames = Field(
        default_factory=SideNames,
        description="What the sides are called (e.g. for a crisis between other parties: "
        "`china: Union`, `japan: Company`).",
    )
    score_labels: ScoreLabels = Field(
        default_factory=ScoreLabels,
        description="What the endings' four scores are called (e.g. for a crisis that is not "
        "about territory and war: `peace: Strike averted`).",
    )
    places: dict[str, Place] = Field(default_factory=dict, description="Places on the map, by id.")
    units: dict[str, Unit] = Field(
        default_factory=dict, description="Military units on the map, by id."
    )
    codex: dict[str, CodexEntry] = Field(
        default_factory=dict,
        description="Encyclopedia entries beyond the actors and places, by id.",
    )
    injects: dict[str, Inject] = Field(
        default_factory=dict,
        description="Items a teacher can release during play (facilitator injects), by id.",
    )

    @property  # not cached: `model_copy(update=...)` would carry a cached answer over
    def has_history(self) -> bool:
        """Whether the scenario says anything of what really happened (an invented crisis does
        not: its debrief compares nothing with history, and its play marks nothing as invented)."""
        return bool(
            self.history
            or self.records_decisions
            or any(ending.historical for ending in self.endings.values())
        )

    @property
    def records_decisions(self) -> bool:
        """Whether the scenario says what history chose (an action's dates, a demand's answer):
        without, a debrief has no decisions of history to set the player's beside."""
        return any(
            action.historical_dates or action.historical_period for action in self.actions.values()
        ) or any(demand.historical_response for demand in self.demands.values())


Unit.model_rebuild()
