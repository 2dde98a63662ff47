"""The debrief for reading in a terminal: built from the debrief's data, not from its Markdown.

Headings are the text version's headings (a rule under them, or bare lines with --plain), there is
no Markdown markup, footnotes become short bracketed numbers ([3,7-9]), and the sources are listed
by number and title only when a full report (with addresses and notes) can be saved with `r`.
"""

from __future__ import annotations

from game.debrief.model import (
    ENDED_AT_DAWN,
    NOT_COUNTED,
    PASSED_DAY,
    TEACHERS_INJECT,
    TIMED_OUT,
    Debrief,
    HistoryEntry,
    SourceRef,
    council_facts,
    divergence_heading,
    ending_mark,
    happening_deadline,
    note_reference,
    refs,
)
from game.engine.dates import long_date
from game.engine.words import FOLLOWED_HISTORY, HISTORIANS, NO_ACTION
from game.text.style import Style, wrap_columns

SAVED_REPORT = "the saved report (type r below)"


def debrief_lines(
    debrief: Debrief, style: Style, *, saving: bool = True, ending_above: bool = False
) -> list[str]:
    """The debrief as lines for the screen, wrapped to `style.width`.

    Args:
        debrief: the debrief (from `game.debrief.build_debrief`).
        style: the text version's style (colour, --plain, width).
        saving: a report can be saved afterwards (`r`): the date played and the sources'
            addresses and notes are left to it. Without it, the addresses are shown here.
        ending_above: the ending's epilogue, scores and verdicts were just shown (by
            `render.ending_lines`), so the Ending section only names the ending.
    """
    d = debrief
    lines = style.banner(
        [
            *wrap_columns(f"Debrief: {_one(d.scenario_title)}", style.width),
            *wrap_columns(_one(d.scenario_subtitle), style.width),
        ]
    )
    lines += [""] + _facts(d, style, saving)
    if d.practice:
        lines += [""] + _paint(
            style,
            style.wrap(
                "Practice game: this debrief is from a practice game, not an assessed one.",
                indent="  ",
            ),
            "bold",
        )

    lines += _heading(style, "Ending")
    if d.ending is None:
        lines += style.wrap("The game had not ended when this debrief was made.", indent="  ")
    else:
        e = d.ending
        mark = ending_mark(d, e.historical)
        lines += _paint(style, style.wrap(f"{_one(e.title)}{mark}", indent="  "), "bold")
        if ending_above:
            lines += style.wrap(
                (
                    "Its epilogue, scores and historians' verdicts are shown above."
                    if e.verdicts
                    else "Its epilogue and scores are shown above."
                )
                + refs(e.sources),
                indent="  ",
            )
        else:
            lines += style.wrap(e.epilogue + refs(e.sources), indent="  ")
            width = max((len(s.label) for s in e.scores), default=0)
            lines += [""] + [f"  {s.label:<{width}}  {s.value:>2}/{s.out_of}" for s in e.scores]
            if e.verdicts:
                lines += ["", f"  {HISTORIANS}:"]
                for verdict in e.verdicts:
                    lines += style.wrap(verdict, indent="      ", first="    - ")

    if d.records_decisions:
        lines += _heading(style, "Where you left history")
    if d.records_decisions and d.days_passed:
        lines += style.wrap(NOT_COUNTED, indent="  ")
    if d.records_decisions and not d.divergences:
        lines += style.wrap(FOLLOWED_HISTORY, indent="  ")
    for div in d.divergences:
        lines += style.wrap(
            f"{divergence_heading(div)}. {_one(div.you)} {_one(div.history)}" + refs(div.sources),
            indent="    ",
            first="  - ",
        )
        if div.note:
            lines += style.wrap(f"What really happened: {div.note}", indent="    ")
        elif div.note_as is not None:
            lines += style.wrap(f"What really happened: {note_reference(d, div)}.", indent="    ")

    if d.background:
        lines += _heading(style, "Background")
        lines += _notes(style, d.background, indent="  ", dated=True)

    lines += _heading(style, "Day by day")
    for day in d.days:
        lines += ["", style.bold(f"Day {day.day}: {long_date(day.date)}")]
        lines.append("  You did:")
        if day.decisions:
            for decision in day.decisions:
                mark = " (as in history)" if decision.historical else ""
                lines += style.wrap(_one(decision.label) + mark, indent="      ", first="    - ")
        elif day.council not in ("passed", "none"):
            lines.append(f"    - {NO_ACTION}.")
        if day.council == "passed":
            lines.append(f"    - {PASSED_DAY}.")
        elif day.council == "none":
            lines.append(f"    - {ENDED_AT_DAWN}.")
        elif day.council == "timed_out":
            lines.append(f"    - {TIMED_OUT}.")
        if day.happenings:
            lines.append("  In the game:")
            for item in day.happenings:
                detail = f": {_one(item.text)}" if item.kind == "outcome" and item.text else ""
                mark = f" ({TEACHERS_INJECT})" if item.teacher else ""
                lines += style.wrap(
                    _one(item.title)
                    + happening_deadline(item)
                    + detail
                    + mark
                    + refs(item.sources),
                    indent="      ",
                    first="    - ",
                )
        if day.history:
            lines.append(f"  In {day.date.year}:")
            lines += _notes(style, day.history, indent="    ", dated=False)
        elif d.has_history:
            lines += [f"  In {day.date.year}:", "    No historical note for this day."]

    if d.aftermath:
        lines += _heading(style, "After your game ended: how it really went on")
        lines += _notes(style, d.aftermath, indent="  ", dated=True)

    if d.hidden:
        lines += _heading(style, "Hidden values, revealed")
        for value in d.hidden:
            description = f" \u2014 {_one(value.description)}" if value.description else ""
            lines += style.wrap(
                f"{_one(value.label)}: {_one(value.shown)}{description}",
                indent="    ",
                first="  - ",
            )

    if d.disputes:
        lines += _heading(style, "What historians dispute")
        for number, dispute in enumerate(d.disputes):
            if number:
                lines.append("")
            lines += _paint(
                style,
                style.wrap(_one(dispute.question) + refs(dispute.sources), indent="  "),
                "bold",
            )
            for version in dispute.versions:
                lines += style.wrap(version, indent="      ", first="    - ")

    if d.votes:
        lines += _heading(style, "Class votes")
        for vote in d.votes:
            when = f"{long_date(vote.date, weekday=False)} \u00b7 " if vote.date else ""
            tally = ", ".join(f"{_one(option)}: {count}" for option, count in vote.tally.items())
            chosen = f" Chosen: {_one(vote.chosen)}." if vote.chosen else ""
            text = f"{when}{_one(vote.question)} {tally}.{chosen}".replace(" .", ".")
            lines += style.wrap(text, indent="    ", first="  - ")

    if d.questions:
        lines += _heading(style, "Questions for reflection")
        for number, question in enumerate(d.questions, 1):
            first = f"  {number}. "
            lines += style.wrap(question, indent=" " * len(first), first=first)

    lines += _heading(style, "Sources")
    lines += _sources(style, d.sources, saving)
    return lines


def _heading(style: Style, text: str) -> list[str]:
    """The text version's heading, its text wrapped when the terminal is narrower than it."""
    pieces = wrap_columns(text, style.width)
    if len(pieces) <= 1:
        return style.heading(text)
    # the rule (if any) as under the longest piece; plain headings have none
    rule = style.heading(max(pieces, key=len))[2:]
    return ["", *(style.bold(piece) for piece in pieces), *rule]


def _one(text: str) -> str:
    """Authored or typed text on one line."""
    return " ".join(text.split())


def _paint(style: Style, lines: list[str], *names: str) -> list[str]:
    return [style.paint(line, *names) for line in lines]


def _facts(d: Debrief, style: Style, saving: bool) -> list[str]:
    if d.played_on:
        played = _one(d.played_on)
    elif saving:
        # The screen never shows today's date, so a transcript of the same game is always the same.
        played = f"goes on {SAVED_REPORT}"
    else:
        played = "(not recorded)"
    facts = [
        ("Student", _one(d.player_name) or "(no name given)"),
        ("Scenario", f"{_one(d.scenario_title)} ({d.scenario_id})"),
        ("Playing", _one(d.character)),
        ("Seed", str(d.seed)),
        ("Date played", played),
        ("Game days", f"{long_date(d.start)} to {long_date(d.ended_on)}"),
        *((label, _one(value)) for label, value in council_facts(d)),
    ]
    shown = [(label, value) for label, value in facts if value]
    width = max(len(label) for label, _ in shown) + 1
    lines: list[str] = []
    for label, value in shown:
        lines += style.wrap(value, indent=" " * (width + 4), first=f"  {label + ':':<{width}}  ")
    return lines


def _notes(style: Style, notes: list[HistoryEntry], *, indent: str, dated: bool) -> list[str]:
    """Historical notes, a blank line between them: each one's title (and date) on a line of its
    own, then its text, further indented."""
    lines: list[str] = []
    for note in notes:
        if lines:
            lines.append("")
        lines += _note(style, note, indent=indent, dated=dated)
    return lines


def _note(style: Style, note: HistoryEntry, *, indent: str, dated: bool) -> list[str]:
    when = f" ({long_date(note.date)})" if dated else ""
    body = indent + "  "
    lines = _paint(style, style.wrap(_one(note.title) + when, indent=indent), "bold")
    lines += style.wrap(note.text + refs(note.sources), indent=body)
    if note.popular_account:
        lines += style.wrap(f"The popular account: {note.popular_account}", indent=body)
    if note.disputed:
        lines += style.wrap(f"Disputed: {note.disputed}", indent=body)
    return lines


def _sources(style: Style, sources: list[SourceRef], saving: bool) -> list[str]:
    if not sources:
        return style.wrap("No sources were cited.", indent="  ")
    lines: list[str] = []
    if saving:
        lines += style.wrap(
            "The numbers in brackets above refer to these sources; their addresses and notes "
            f"are in {SAVED_REPORT}.",
            indent="  ",
        )
        lines.append("")
    width = len(str(max(s.number for s in sources))) + 2
    for source in sources:
        head = f"  {f'[{source.number}]':>{width}} "
        kind = f" ({source.kind})" if source.kind else ""
        text = _one(source.title) + kind
        if not saving and source.note:
            text += f" \u2014 {_one(source.note)}"
        lines += style.wrap(text, indent=" " * len(head), first=head)
        if not saving and source.url:
            lines.append(" " * len(head) + _one(source.url))  # unwrapped, to copy whole
    return lines
