"""The debrief as a Markdown report a student can hand in."""

from __future__ import annotations

from game.debrief.model import (
    WEAK,
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
    REPLAYED,
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


def _text(value: str) -> str:
    """Authored or typed text, made safe to embed: no raw HTML, no stray line breaks in one line,
    and no link reference definition (a paragraph beginning "[3]: https://…" would make every
    "[3]" citation of the report a link: review)."""
    text = " ".join(value.replace("<", "\\<").split())
    return "\\" + text if text.startswith("[") else text


def _block(value: str) -> str:
    """Multi-paragraph text: paragraphs kept, each reflowed on one line."""
    paragraphs = [_text(p) for p in value.replace("\r\n", "\n").split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


# Sources are cited as plain text, not as footnotes, so that every viewer shows the scenario's
# numbers (game/debrief/citations.py): a viewer that renders footnotes ([^36]) numbers them 1, 2, 3
# in the order first cited and moves them to the end (GitHub, Pandoc, Obsidian, VS Code), and one
# that does not shows their raw syntax. The CommonMark rules this relies on (spec 0.31.2; GFM's
# spec has the same):
# - a bracket is a link only as an inline link, "[36](url)" with no space before "(", or as a
#   reference link whose label matches a link reference definition ("shortcut reference link",
#   "full reference link"); a definition is "[36]:" at the start of a line, indented three spaces
#   at most, then a destination ("link reference definitions"). The report writes no definition
#   and no bracket followed by "(", so "[36]" and "[2,5-8]" are shown as they are written;
# - an ordered list's start number is its first item's and "the numbers of subsequent list items
#   are disregarded" ("start number"): a list "36.", "40." shows 36, 37. So each source is a
#   paragraph of its own starting with its bracketed number, "[36] *Title* ...", not a list item.
def _refs(sources: list[SourceRef]) -> str:
    """A passage's sources as the window and the text version cite them: '[36]', '[2,5-8]'."""
    return refs(sources).lstrip()


def _note(note: HistoryEntry, lines: list[str], *, dated: bool = True) -> None:
    when = f" ({long_date(note.date)})" if dated else ""
    lines.append(
        f"**{_text(note.title)}**{when}. {_block(note.text)} {_refs(note.sources)}".rstrip()
    )
    lines.append("")
    if note.popular_account:
        lines.append(f"> *The popular account:* {_text(note.popular_account)}")
        lines.append("")
    if note.disputed:
        lines.append(f"> *Disputed:* {_text(note.disputed)}")
        lines.append("")


def render_markdown(debrief: Debrief) -> str:
    """The whole report as Markdown (plain CommonMark, readable as plain text too)."""
    lines: list[str] = []
    for section in report_sections(debrief):
        if section.key == "front":
            _front(section, lines)
            continue
        lines += [f"## {_text(section.heading)}", ""]
        if section.key == "days":
            for item in section.items:
                assert isinstance(item, DayItem)
                _day(item, lines)
        elif section.key == "disputes":
            for item in section.items:
                assert isinstance(item, DisputeView)
                lines += [f"**{_text(item.question)}** {_refs(item.sources)}".rstrip(), ""]
                lines += [f"- {_text(v)}" for v in item.versions]
                lines.append("")
        elif section.key == "sources":
            for item in section.items:
                if isinstance(item, Line):
                    lines += [_text(item.text), ""]
                elif isinstance(item, SourceRef):
                    # each a paragraph of its own starting with its number (see `_refs`): without
                    # the blank line, CommonMark readers would run them into one
                    lines += [f"[{item.number}] {_source_line(item)}", ""]
        else:
            _items(section, lines)
    return "\n".join(lines).rstrip() + "\n"


def _front(section: Section, lines: list[str]) -> None:
    lines += [f"# {_text(section.heading)}", ""]
    if section.subtitle:
        lines += [f"*{_text(section.subtitle)}*", ""]
    facts = [item for item in section.items if isinstance(item, Fact)]
    for fact in facts:
        code = f" (`{fact.code}`)" if fact.code else ""
        lines.append(f"- **{fact.label}:** {_text(fact.value)}{code}")
    lines.append("")
    for banner in (item for item in section.items if isinstance(item, Banner)):
        if banner.kind == "replay":
            lines += [f"> **{REPLAYED[0]}** {REPLAYED[1]}", ""]
        else:
            lines += [
                "> **Practice game.** This report is from a practice game, not an assessed one.",
                "",
            ]


def _items(section: Section, lines: list[str]) -> None:
    """A section of paragraphs, notes and lists: a list ends with a blank line, as a paragraph."""
    listing = False
    numbered = 0
    for item in section.items:
        if isinstance(item, Line) and section.key == "questions":
            numbered += 1
            # a place for the student's answer, to type in (teacher's report review)
            mark = f"{numbered}. "
            # the answer indented under the item's text, 10. too, and by four spaces at least:
            # Python-Markdown ends a list item at a line indented by three (each question
            # became a list of its own there), where CommonMark takes either
            indent = " " * max(4, len(mark))
            lines += [f"{mark}{_text(item.text)}", "", f"{indent}*Your answer:*", ""]
            listing = True
            continue
        if isinstance(item, Line | NoteItem | EndingItem) and listing:
            lines.append("")
            listing = False
        if isinstance(item, Line):
            lines += [_text(item.text), ""]
        elif isinstance(item, NoteItem):
            _note(item.note, lines, dated=item.dated)
        elif isinstance(item, EndingItem):
            _ending(item, lines)
        elif isinstance(item, DivergenceItem):
            div = item.divergence
            lines.append(
                f"- **{divergence_heading(div)}.** {_text(div.you)} {_text(div.history)} {_refs(div.sources)}".rstrip()
            )
            if item.told:  # on a line of its own: a backslash ends a line in CommonMark
                lines[-1] += " \\"
                lines.append(f"  *What really happened:* {_text(item.told)}")
            listing = True
        elif isinstance(item, HiddenValue):
            description = f" — {_text(item.description)}" if item.description else ""
            lines.append(f"- **{_text(item.label)}:** {_text(item.shown)}{description}")
            listing = True
        elif isinstance(item, Vote):
            lines.append(f"- {_text(vote_summary(item))}")
            listing = True
    if listing:
        lines.append("")


def _ending(item: EndingItem, lines: list[str]) -> None:
    e = item.ending
    lines += [
        f"### {_text(e.title)}{item.mark}",
        "",
        f"{_block(e.epilogue)} {_refs(e.sources)}".rstrip(),
        "",
    ]
    lines += ["| " + " | ".join(s.label for s in e.scores) + " |", "|" + "---|" * len(e.scores)]
    lines += ["| " + " | ".join(f"{s.value}/{s.out_of}" for s in e.scores) + " |", ""]
    if e.verdicts:
        lines += [f"{HISTORIANS}:", ""]
        lines += [f"- {_text(v)}" for v in e.verdicts]
        lines.append("")


def _day(day: DayItem, lines: list[str]) -> None:
    lines += [f"### {_text(day.title)}", ""]
    for part in day.parts:
        lines += [f"**{part.label}:**", ""]
        for item in part.items:
            if isinstance(item, NoteItem):
                _note(item.note, lines, dated=item.dated)
            elif part.key == "history":  # no note that day: a paragraph
                lines += [_text(item.text), ""]
            else:
                lines.append(f"- {_line(item)}")
        if part.key != "history":
            lines.append("")


def _line(line: Line) -> str:
    """A list item's words: the text, an aside in italics, the sources' numbers."""
    mark = " *(as in history)*" if line.historical else ""
    aside = f" *({line.aside})*" if line.aside else ""
    return f"{_text(line.text)}{mark}{aside} {_refs(list(line.sources))}".rstrip()


def _source_line(source: SourceRef) -> str:
    weak = source.kind == "weak"
    parts = [f"*{_text(source.title)}*"]
    if source.kind:
        parts.append(f"({WEAK})" if weak else f"({source.kind})")
    if weak and source.url:
        # a code span: shown as it is, never made a link (not even by GitHub's bare-URL autolinks)
        parts.append("`" + " ".join(source.url.replace("`", "%60").split()) + "`")
    elif source.url:
        parts.append(
            f"<{source.url}>"
            if source.url.startswith(("http://", "https://"))
            else _text(source.url)
        )
    if source.note:
        parts.append(f"— {_text(source.note)}")
    return " ".join(parts)
