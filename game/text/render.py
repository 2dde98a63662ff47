"""The screens of the text shell as lists of lines: pure functions of scenario, state and events."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from game.analysis.describe import (
    KIND_LABELS,
    StatChange,
    attitude_word,
    correspondent,
    countdown_text,
    facts,
    higher_is_note,
    nearest_deadline,
    provenance,
    signed,
    stat_display,
    uses_note,
)
from game.debrief.sections import PREMISE
from game.engine.dates import long_date
from game.engine.query import due_today, unlocked_codex
from game.engine.state import GameEvent, GameState
from game.engine.words import ENDING_RATES, HISTORIANS, counted, reliability_words, score_labels
from game.lesson import HELD_DAYS
from game.lesson import minutes as _minutes
from game.scenario.model import Scenario
from game.text.menu import Entry, Menu
from game.text.style import Style

LOG_PAGE_SIZE = 8


def seed_line(seed: int) -> str:
    return f"Seed {seed} \u2014 use --seed {seed} to replay the same hidden draw"


def intro(scenario: Scenario, seed: int, style: Style, settings: Sequence[str] = ()) -> list[str]:
    lines = [style.bold(scenario.title)]
    if scenario.subtitle:
        lines.append(scenario.subtitle)
    player = scenario.player
    who = (
        f"You are {player.name}"
        + (f" ({player.chars})" if player.chars else "")
        + (f", {player.role}" if player.role else "")
        + "."
    )
    lines += ["", who, seed_line(seed), *settings]
    lines += style.heading("Briefing")
    lines += style.wrap(scenario.briefing)
    if scenario.counterfactual:
        lines += style.heading(PREMISE)
        lines += style.wrap(scenario.counterfactual)
    lines += ["", "When asked for your choice, type h for help."]
    return lines


def sender_name(scenario: Scenario, sender: str) -> str:
    actor = scenario.actors.get(sender)
    return actor.name if actor else sender


def day_header(
    scenario: Scenario, state: GameState, style: Style, time_limit: float | None = None
) -> list[str]:
    stage = scenario.stages[state.stage]
    total = scenario.calendar.actions_per_day
    lines = [
        f"Day {state.day}: {long_date(state.date)}",
        f"Stage: {stage.label}",
        f"Actions left: {state.budget} of {total}",
        countdown_text(nearest_deadline(scenario, state)),
    ]
    if time_limit is not None:
        lines.append(f"Council time: {_minutes(time_limit)} for today")
    return style.banner(lines)


def event_lines(
    scenario: Scenario, event: GameEvent, style: Style, *, dated: bool = False
) -> list[str]:
    """One inbox item: kind, sender, title (and reliability), then its wrapped text."""
    head = KIND_LABELS.get(event.kind, event.kind.title())
    if event.sender and event.kind not in ("demand_answered", "demand_expired"):
        head += " " + correspondent(event.kind, sender_name(scenario, event.sender))
    if event.kind == "demand_expired" and event.title.startswith(head):
        head, event = (
            event.title,
            event.model_copy(update={"title": ""}),
        )  # the engine's title says it already
    head = (
        style.alert(head)
        if event.kind in ("ultimatum", "demand_expired")
        else style.paint(head, "bold", "cyan")
    )
    line = f"{head}: {event.title}" if event.title else head
    if event.reliability is not None:
        line += f" ({reliability_words(event.reliability)})"
    if dated:
        line = f"{long_date(event.date, weekday=False)} \u2014 {line}"
    lines = ["", line, *style.wrap(event.text)] if event.text.strip() else ["", line]
    told = provenance(scenario, event, brief=True)
    return lines + [style.dim(part) for part in style.wrap(told)] if told else lines


def events_lines(scenario: Scenario, events: Iterable[GameEvent], style: Style) -> list[str]:
    """The items of one step, skipping the day marker (the header shows it) and the ending (its own screen)."""
    lines: list[str] = []
    for event in events:
        if event.kind in ("day", "ending"):
            continue
        if event.kind == "rejected":
            lines.append(style.alert(f"Not possible: {event.text}"))
            continue
        lines += event_lines(scenario, event, style)
    return lines


def menu_lines(scenario: Scenario, state: GameState, menu: Menu, style: Style) -> list[str]:
    lines: list[str] = []
    current = ""
    for entry in menu.answers:
        if entry.demand != current:
            current = entry.demand
            lines += style.heading(_demand_title(scenario, state, current))
        lines += _entry_lines(entry, style)
    if menu.actions:
        lines += style.heading(
            f"Actions ({state.budget} of {scenario.calendar.actions_per_day} points left)"
        )
        # used up for the game: at the end, as the window lists them (by the last days nine of
        # 23 lines were dead ones among the rest; their numbers stay theirs)
        for entry in sorted(menu.actions, key=lambda entry: entry.uses_left == 0):
            lines += _entry_lines(entry, style)
    lines += ["", f"  E  End the day{'' if state.budget else ' (no action points left)'}"]
    keys = ("h help", "s status", "l log", "c codex", "q quit", "Enter shows the choices again")
    lines.append(_keys_line(keys, style))
    return lines


def compact_menu_lines(
    scenario: Scenario,
    state: GameState,
    menu: Menu,
    style: Style,
    detailed: Collection[str] = (),
) -> list[str]:
    """The short list, each morning and after a step of the day: only the choices open now, one
    line each, except those whose keys are in `detailed`, shown with their consequences as in the
    full list (the shell names the ones the player has not yet read: see `Session.show_menu`).

    A choice not possible now stays so until the next dawn (points are spent, never given back,
    during a day; an answer given, an action done for today or used up, stays so), so it is left
    out here; the full list (Enter) still shows it with the reason. With no points left, one line
    says so instead of an action list the player cannot use.
    """

    def entry_lines(entry: Entry) -> list[str]:
        return _entry_lines(entry, style) if entry.key in detailed else _short_entry(entry, style)

    lines: list[str] = []
    current = ""
    answers = [entry for entry in menu.answers if entry.available]
    for entry in answers:
        if entry.demand != current:
            # a demand heads its answers as in the full list, ruled off: it must not be lost
            # among the actions' lines
            current = entry.demand
            lines += style.heading(_demand_title(scenario, state, current))
        lines += entry_lines(entry)
    actions = [entry for entry in menu.actions if entry.available]
    if actions:
        total = scenario.calendar.actions_per_day
        lines += ["", style.bold(f"Actions ({state.budget} of {total} points left)")]
        for entry in actions:
            lines += entry_lines(entry)
        lines += ["", "  E  End the day"]
    else:
        lines += [
            "",
            style.bold(
                "No more actions can be taken today: E ends the day."
                if state.budget
                else "No action points left for actions; the answers above cost none. E ends the day."
                if answers
                else "No action points left today: E ends the day."
            ),
        ]
    # `s`, the numbers as they stand, too: the short list says only what changed overnight
    # (play-test: from day 2 nothing on screen said how to see Nanjing's trust)
    keys = (
        "Enter lists every choice with what it does",
        "s status",
        "h help",
        "q quit",
    )
    lines.append(_keys_line(keys, style))
    return lines


def _short_entry(entry: Entry, style: Style) -> list[str]:
    """A choice of the short list: its number, label, cost and how often it can still be done,
    wrapped to the terminal."""
    detail = _entry_detail(entry, category=False)
    return style.wrap(f"{entry.label} ({detail})", indent="     ", first=f"{entry.number:>3}. ")


def _demand_title(scenario: Scenario, state: GameState, did: str) -> str:
    demand = scenario.demands[did]
    active = state.demands[did]
    kind = "Ultimatum" if demand.ultimatum else "Demand"
    due = ""
    if due_today(state, did):
        due = " \u2014 answer today"
    elif active.deadline is not None:
        due = f" \u2014 {counted((active.deadline - state.date).days, 'day')} left"
    return (
        f"{kind} {correspondent('demand', sender_name(scenario, demand.issuer))}: "
        f"{demand.title}{due}"
    )


def _keys_line(keys: Sequence[str], style: Style) -> str:
    # Plain mode spells the separators out: a screen reader would read "middle dot" aloud.
    if style.plain:
        return "  Keys: " + ", ".join(keys) + "."
    return style.dim("  " + " \u00b7 ".join(keys))


def _entry_detail(entry: Entry, *, category: bool) -> str:
    """What a choice costs (and its category), and how often it can still be done, only while it
    can (as the window shows it): "1 point, diplomacy, up to 3 times a game"."""
    uses = uses_note(entry.uses_left, entry.taken, entry.per_day)  # also when not possible today
    shown = (counted(entry.cost, "point"), entry.category if category else "", uses)
    return ", ".join(filter(None, shown))


def _entry_head(entry: Entry) -> str:
    """A choice in one line: number, label, cost, category, and how often it can still be done."""
    return f"{entry.number:>3}. {entry.label} ({_entry_detail(entry, category=True)})"


def _entry_lines(entry: Entry, style: Style) -> list[str]:
    head = _entry_head(entry)
    notes = [text for text in (entry.hint, entry.consequences) if text]
    if not entry.available:
        return [style.dim(f"{head} \u2014 {_why_not(entry)}")]
    body = style.wrap(" \u2014 ".join(notes), indent="       ") if notes else []
    return [style.bold(head), *body]


def _why_not(entry: Entry) -> str:
    """Why a listed choice cannot be made now, without naming it again (its label is just before:
    "7. Talk quietly with Major Takahashi \u2014 not possible now: 'Talk quietly with Major
    Takahashi' cannot be done again" was the play-test's example)."""
    if entry.uses_left == 0:
        return "used up for this game"
    reason = entry.reason.removeprefix(f"'{entry.label}' ").removesuffix(".")
    if reason == "has already been done today":
        return "already done today"
    return f"not possible now: {reason}"


def changed_lines(changes: Sequence[StatChange], style: Style) -> list[str]:
    """What a choice of the day moved, on one line; nothing when it moved nothing visible."""
    if not changes:
        return []
    return ["", "Changed \u2014 " + "; ".join(c.words for c in changes)]


def overnight_lines(changes: Sequence[StatChange], style: Style) -> list[str]:
    """What moved since the last council, one stat a line; nothing when nothing moved."""
    if not changes:
        return []
    return ["", style.bold("Since the last council:")] + [f"  {c.words}" for c in changes]


def status_lines(scenario: Scenario, state: GameState, style: Style) -> list[str]:
    lines = style.heading(f"Status \u2014 day {state.day}, {long_date(state.date)}")
    lines.append(f"Stage: {scenario.stages[state.stage].label}")
    lines.append(countdown_text(nearest_deadline(scenario, state)))
    lines += style.heading("The situation")
    width = max((len(stat.label) for stat in scenario.stats.values()), default=0)
    for sid, stat in scenario.stats.items():
        shown = stat_display(scenario, state, sid)
        note = " (hidden)" if shown == "?" else f" of {stat.max}"
        way = higher_is_note(stat.higher_is)
        better = f", {way}" if way and shown != "?" else ""
        lines.append(f"  {stat.label:<{width}}  {shown:>3}{note}{better}")
        # what the number means and does (play-test: pressure stood at 100 from 31 May, with
        # nothing to say what that meant, until the Kwantung Army crossed the Wall on 4 June)
        if stat.description:
            lines += style.wrap(stat.description, indent="      ")
    done = facts(scenario, state)
    if done:
        # what this game has brought about, not history (play-test: an outcome the game drew
        # was listed under "Facts" and read as the record)
        lines += style.heading("Done and decided in this game")
        lines += [f"  - {fact}" for fact in done]
    if scenario.actors:
        lines += style.heading("Attitudes towards you")
        width = max(len(actor.name) for actor in scenario.actors.values())
        for aid, actor in scenario.actors.items():
            value = state.attitudes.get(aid, actor.attitude)
            lines.append(f"  {actor.name:<{width}}  {attitude_word(value):<10} {signed(value)}")
    return lines


def log_pages(state: GameState) -> int:
    """How many pages the log has (one, if it is empty)."""
    return max(1, -(-len(state.inbox) // LOG_PAGE_SIZE))


def log_lines(scenario: Scenario, state: GameState, page: int, style: Style) -> list[str]:
    """The inbox history, newest first, a page at a time (`l 2` for the next page)."""
    items = list(reversed(state.inbox))
    pages = log_pages(state)
    page = min(max(1, page), pages)
    lines = style.heading(f"Log, newest first \u2014 page {page} of {pages}")
    if not items:
        return [*lines, "Nothing yet."]
    for event in items[(page - 1) * LOG_PAGE_SIZE : page * LOG_PAGE_SIZE]:
        lines += event_lines(scenario, event, style, dated=True)
    if page < pages:
        lines += ["", f"Type 'l {page + 1}' for older items."]
    return lines


CODEX_PAGE_SIZE = 12  # entries: a page fits a terminal, as the log's does


@dataclass(frozen=True)
class CodexEntryText:
    """One headword of the text codex: its section, its line, and what it says."""

    section: str
    headword: str
    text: str


def codex_entries(scenario: Scenario, state: GameState | None = None) -> list[CodexEntryText]:
    """Everything the codex holds, in order: people, places, units, then the scenario's own
    entries that are open now (they unlock as the player learns things; the engine says which)."""
    found: list[CodexEntryText] = []
    for actor in scenario.actors.values():
        side = getattr(scenario.side_names, actor.side)  # "Japanese", not "japan"
        head = _headword(actor.name, actor.chars, actor.role or side)
        found.append(CodexEntryText("People and bodies", head, actor.description))
    for place in scenario.places.values():
        head = _headword(place.name, place.chars, place.kind)
        found.append(CodexEntryText("Places", head, place.description))
    for unit in scenario.units.values():
        where = scenario.places[unit.place].name if unit.place in scenario.places else unit.place
        extra = ", ".join(
            part
            for part in (
                unit.strength,
                f"commander {unit.commander}" if unit.commander else "",
                f"at {where} at the start",
            )
            if part
        )
        found.append(CodexEntryText("Units", _headword(unit.name, unit.chars, extra), ""))
    for cid in unlocked_codex(scenario, state):
        entry = scenario.codex[cid]
        found.append(
            CodexEntryText("Codex", _headword(entry.title, entry.chars, entry.kind), entry.text)
        )
    return found


def codex_pages(scenario: Scenario, state: GameState | None = None) -> int:
    return max(1, -(-len(codex_entries(scenario, state)) // CODEX_PAGE_SIZE))


def codex_lines(
    scenario: Scenario,
    style: Style,
    state: GameState | None = None,
    page: int = 1,
    query: str = "",
) -> list[str]:
    """The codex a page at a time (`c 2` for the next), or the entries that mention `query`
    (`c sakai`): the whole of it, some 300 lines in the 1935 scenario, went past at once
    (accessibility review)."""
    entries = codex_entries(scenario, state)
    if not entries:
        return ["The codex is empty."]
    if query:
        wanted = query.casefold()
        entries = [e for e in entries if wanted in f"{e.headword} {e.text}".casefold()]
        found = "1 entry" if len(entries) == 1 else f"{len(entries)} entries"
        lines = style.heading(f"Codex: {found} mentioning '{query}'")
        if not entries:
            return [*lines, "Nothing. Type c for the codex a page at a time."]
        shown = entries
    else:
        pages = -(-len(entries) // CODEX_PAGE_SIZE)
        page = min(max(1, page), pages)
        lines = style.heading(f"Codex \u2014 page {page} of {pages}")
        shown = entries[(page - 1) * CODEX_PAGE_SIZE : page * CODEX_PAGE_SIZE]
    section = ""
    for entry in shown:
        if entry.section != section:
            section = entry.section
            lines += ["", style.bold(section)]
        lines.append(entry.headword)
        lines += style.wrap(entry.text) if entry.text else []
    if not query and page < pages:
        lines += ["", f"Type 'c {page + 1}' for more, or 'c WORD' for the entries that mention it."]
    elif not query:
        lines += ["", "Type 'c WORD' for the entries that mention it."]
    return lines


def _headword(name: str, chars: str, note: str) -> str:
    text = f"  {name}" + (f" ({chars})" if chars else "")
    return f"{text} \u2014 {note}" if note else text


def help_lines(
    style: Style,
    *,
    cabinet: int = 1,
    time_limit: float | None = None,
    lesson_days: int | None = None,
    practice: bool = False,
    saves: bool = False,
    scenario: Scenario | None = None,
) -> list[str]:
    """The keys and the rules in short; with the `scenario`, whether its answers cost points."""
    keys = [
        (
            "1, 2, ...",
            "take the numbered choice (answer a demand, or take an action); a choice keeps its "
            "number all day, and one no longer open leaves a gap",
        ),
        (
            "E",
            "end the day: dusk falls, the next day dawns"
            + (
                ""
                if cabinet > 1  # (a cabinet's vote to end the day is not asked again)
                else " (at a terminal it asks for E again on the last day, on the night a "
                "deadline runs out unanswered, and when no point is spent while one could be)"
            ),
        ),
        (
            "s",
            "status: the situation, what is done and decided in this game, the actors' attitudes",
        ),
        ("l", "log: everything in your inbox, newest first ('l 2' for page 2)"),
        (
            "c",
            "codex: people, places, units and terms, a page at a time ('c 2' the next, "
            "'c WORD' the entries that mention a word)",
        ),
        ("!", "for teachers: the scenario's injects (!N releases one)"),
        ("h", "this help"),
        ("q", "quit (asks first)"),
        (
            "Enter",
            "show all the day's choices, with their consequences (each morning after the "
            "first, and after each step, only the choices still open are listed, one line "
            "each, with their consequences only where you have not read them yet)",
        ),
    ]
    if saves:
        keys.append(
            (
                "w NAME",
                "save the game under NAME (w alone asks for it; the game also saves at each dawn)",
            )
        )
    if practice:
        keys += [
            ("u", "practice: take back the last step"),
            ("ud", "practice: go back to this day's dawn (again: the day before)"),
        ]
    lines = style.heading("Help")
    # each key one paragraph, wrapped by the style: one line in --plain, where a screen reader
    # reads by line (the help's own line breaks had cut its sentences in two)
    for key, what in keys:
        lines += style.wrap(what, indent=" " * 13, first=f"  {key:<11}")
    lines += style.heading("Rules in short")
    lines += style.wrap(
        f"Each day you have a few action points. {_costs(scenario)} "
        "An action can be taken once a day unless its line says more; some only a few times in "
        "the whole game, as their line says. Ending the day moves the crisis on. Demands have deadlines: a demand left unanswered "
        "runs out at the next dawn after its deadline, with consequences. Some values are hidden "
        "(shown as ?); intelligence about them comes with a stated reliability and may be wrong. "
        "Consequences shown beside a choice are the certain ones; 'outcome uncertain' means chance "
        "and the hidden situation decide the rest. In a scenario drawn from history, a line under "
        "each message says whether it is "
        "'From the record' (and how many sources say so) or 'Not in the historical record', "
        "something the game invents as possible; an intelligence report is 'Based on the "
        "record', the game drawing whether it tells the truth.",
        indent="  ",
    )
    if cabinet > 1:
        lines += style.wrap(
            f"Cabinet of {cabinet}: for each decision the advisers vote in turn by number (or E); "
            "the majority decides and adviser 1 breaks ties. Screens (s, l, c, h) do not use up a vote.",
            indent="  ",
        )
    if time_limit is not None:
        lines += style.wrap(
            f"Time limit: the council ends by itself after {_minutes(time_limit)} each day, "
            "counted from when the day's choices are shown.",
            indent="  ",
        )
    if lesson_days is not None:
        lines += style.wrap(
            f"Lesson mode: after day {lesson_days} the remaining days pass quickly to the ending, "
            f"{HELD_DAYS}.",
            indent="  ",
        )
    return lines


def _costs(scenario: Scenario | None) -> str:
    """What costs points, as the scenario has it (the help once said answers to demands cost
    points in the 1935 scenario, where every answer is free)."""
    if scenario is None:
        return (
            "Actions cost points, and in some scenarios answers to demands do too; each choice "
            "shows its cost."
        )
    actions = "Actions" if all(a.cost for a in scenario.actions.values()) else "Most actions"
    answers = [r.cost for d in scenario.demands.values() for r in d.responses.values()]
    if not answers:
        return f"{actions} cost points; each shows its cost."
    if not any(answers):
        return f"{actions} cost points; answering a demand costs none in this scenario."
    some = "" if all(answers) else "some "
    return f"{actions} cost points, and so do {some}answers to demands; each choice shows its cost."


def ending_reminder(scenario: Scenario, state: GameState, *, debrief: bool) -> str:
    """The last screen's reminder of the ending (a teacher's play-test: the debrief runs to some
    800 lines, and the ending's banner had scrolled out of sight by the report's question)."""
    ending = scenario.endings.get(state.ending or "")
    said = f"Ending: {ending.title}." if ending is not None else "The game is over."
    return said + (" The debrief is above: scroll up to read it." if debrief else "")


def ending_lines(scenario: Scenario, state: GameState, style: Style) -> list[str]:
    ending = scenario.endings.get(state.ending or "")
    if ending is None:
        return ["The game is over."]
    title = f"Ending: {ending.title}" + (" (what happened in history)" if ending.historical else "")
    lines = style.banner([title, f"Day {state.day}, {long_date(state.date)}"])
    lines += [""] + style.wrap(ending.epilogue, indent="  ")
    scores = ending.scores
    lines += style.heading(ENDING_RATES)
    labels = score_labels(scenario)
    width = max(len(label) for label in labels.values())
    lines += [f"  {label:<{width}}  {getattr(scores, key):>2}" for key, label in labels.items()]
    if ending.verdicts:
        lines += style.heading(HISTORIANS)
        for verdict in ending.verdicts:
            lines += style.wrap(verdict, indent="    ", first="  - ")
    return lines
