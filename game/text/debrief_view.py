"""The debrief for reading in a terminal: built from the debrief's data, not from its Markdown.

Headings are the text version's headings (a rule under them, or bare lines with --plain), there is
no Markdown markup, footnotes become short bracketed numbers ([3,7-9]), and the sources are listed
by number and title only when a full report (with addresses and notes) can be saved with `r`.
"""

from __future__ import annotations

from game.debrief.model import (
    Debrief,
    DisputeView,
    HiddenValue,
    HistoryEntry,
    SourceRef,
    Vote,
    divergence_heading,
    refs,
)
from game.debrief.sections import (
    Banner,
    DayItem,
    DivergenceItem,
    EndingItem,
    Fact,
    Line,
    NoteItem,
    Section,
    report_sections,
    vote_summary,
)
from game.engine.dates import long_date
from game.engine.words import HISTORIANS
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
    lines: list[str] = []
    for section in report_sections(debrief):
        if section.key == "front":
            lines += _front(debrief, section, style, saving)
            continue
        lines += _heading(style, section.heading)
        for number, item in enumerate(section.items):
            if isinstance(item, Line) and section.key == "questions":
                first = f"  {number + 1}. "
                lines += style.wrap(item.text, indent=" " * len(first), first=first)
            elif section.key == "sources":
                continue  # below, as one list
            elif isinstance(item, Line):
                lines += style.wrap(item.text, indent="  ")
            elif isinstance(item, EndingItem):
                lines += _ending(item, style, ending_above)
            elif isinstance(item, DivergenceItem):
                lines += _divergence(item, style)
            elif isinstance(item, NoteItem):
                if number:
                    lines.append("")
                lines += _note(style, item.note, indent="  ", dated=item.dated)
            elif isinstance(item, DayItem):
                lines += _day(item, style)
            elif isinstance(item, HiddenValue):
                description = f" \u2014 {_one(item.description)}" if item.description else ""
                lines += style.wrap(
                    f"{_one(item.label)}: {_one(item.shown)}{description}",
                    indent="    ",
                    first="  - ",
                )
            elif isinstance(item, DisputeView):
                if number:
                    lines.append("")
                lines += _paint(
                    style,
                    style.wrap(_one(item.question) + refs(item.sources), indent="  "),
                    "bold",
                )
                for version in item.versions:
                    lines += style.wrap(version, indent="      ", first="    - ")
            elif isinstance(item, Vote):
                lines += style.wrap(_one(vote_summary(item)), indent="    ", first="  - ")
        if section.key == "sources":
            lines += _sources(style, section, saving)
    return lines


def _front(d: Debrief, section: Section, style: Style, saving: bool) -> list[str]:
    lines = style.banner(
        [
            *wrap_columns(_one(section.heading), style.width),
            *wrap_columns(_one(section.subtitle), style.width),
        ]
    )
    facts = [item for item in section.items if isinstance(item, Fact)]
    lines += [""] + _facts(d, facts, style, saving)
    if any(isinstance(item, Banner) and item.kind == "practice" for item in section.items):
        lines += [""] + _paint(
            style,
            style.wrap(
                "Practice game: this debrief is from a practice game, not an assessed one.",
                indent="  ",
            ),
            "bold",
        )
    return lines


def _ending(item: EndingItem, style: Style, ending_above: bool) -> list[str]:
    e = item.ending
    lines = _paint(style, style.wrap(f"{_one(e.title)}{item.mark}", indent="  "), "bold")
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
    return lines


def _divergence(item: DivergenceItem, style: Style) -> list[str]:
    div = item.divergence
    lines = style.wrap(
        f"{divergence_heading(div)}. {_one(div.you)} {_one(div.history)}" + refs(div.sources),
        indent="    ",
        first="  - ",
    )
    if item.told:
        lines += style.wrap(f"What really happened: {item.told}", indent="    ")
    return lines


def _day(day: DayItem, style: Style) -> list[str]:
    lines = ["", style.bold(day.title)]
    for part in day.parts:
        lines.append(f"  {part.label}:")
        for number, item in enumerate(part.items):
            if isinstance(item, NoteItem):
                if number:
                    lines.append("")
                lines += _note(style, item.note, indent="    ", dated=item.dated)
            elif part.key == "history":  # no note that day
                lines += style.wrap(item.text, indent="    ")
            else:
                mark = " (as in history)" if item.historical else ""
                aside = f" ({item.aside})" if item.aside else ""
                lines += style.wrap(
                    _one(item.text) + mark + aside + refs(item.sources),
                    indent="      ",
                    first="    - ",
                )
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


def _facts(d: Debrief, facts: list[Fact], style: Style, saving: bool) -> list[str]:
    shown: list[tuple[str, str]] = []
    for fact in facts:
        value = _one(fact.value) + (f" ({fact.code})" if fact.code else "")
        if fact.key == "played" and not d.played_on.strip() and saving:
            # The screen never shows today's date, so a transcript of the same game is always the same.
            value = f"goes on {SAVED_REPORT}"
        shown.append((fact.label, value))
    width = max(len(label) for label, _ in shown) + 1
    lines: list[str] = []
    for label, value in shown:
        lines += style.wrap(value, indent=" " * (width + 4), first=f"  {label + ':':<{width}}  ")
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


def _sources(style: Style, section: Section, saving: bool) -> list[str]:
    """The sources' list: by number and title, with their addresses and notes unless a saved
    report will give them; a remark (weak sources are not linked) and "none cited" as the
    report has them."""
    sources = [item for item in section.items if isinstance(item, SourceRef)]
    remarks = [item for item in section.items if isinstance(item, Line)]
    lines: list[str] = []
    if sources and saving:
        lines += style.wrap(
            "The numbers in brackets above refer to these sources; their addresses and notes "
            f"are in {SAVED_REPORT}.",
            indent="  ",
        )
        lines.append("")
    for remark in remarks:
        lines += style.wrap(remark.text, indent="  ")
        if sources:
            lines.append("")
    if not sources:
        return lines
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
