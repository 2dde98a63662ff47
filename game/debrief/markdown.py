"""The debrief as a Markdown report a student can hand in."""

from __future__ import annotations

from game.debrief.model import (
    ENDED_AT_DAWN,
    NOT_COUNTED,
    PASSED_DAY,
    TEACHERS_INJECT,
    TIMED_OUT,
    WEAK,
    WEAK_NOTE,
    Debrief,
    HistoryEntry,
    SourceRef,
    council_facts,
    divergence_heading,
    ending_mark,
    happening_deadline,
    note_reference,
)
from game.engine.dates import long_date
from game.engine.words import FOLLOWED_HISTORY, HISTORIANS, NO_ACTION


def _text(value: str) -> str:
    """Authored or typed text, made safe to embed: no raw HTML, no stray line breaks in one line."""
    return " ".join(value.replace("<", "\\<").split())


def _block(value: str) -> str:
    """Multi-paragraph text: paragraphs kept, each reflowed on one line."""
    paragraphs = [_text(p) for p in value.replace("\r\n", "\n").split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _refs(sources: list[SourceRef]) -> str:
    return "".join(f"[^{s.number}]" for s in sources)


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
    """The whole report as Markdown (CommonMark with footnotes, readable as plain text too)."""
    d = debrief
    lines: list[str] = [f"# Debrief: {_text(d.scenario_title)}", ""]
    if d.scenario_subtitle:
        lines += [f"*{_text(d.scenario_subtitle)}*", ""]
    facts = [
        ("Student", _text(d.player_name) or "(no name given)"),
        ("Scenario", f"{_text(d.scenario_title)} (`{d.scenario_id}`)"),
        ("Playing", _text(d.character)),
        ("Seed", str(d.seed)),
        ("Date played", _text(d.played_on) or "(not recorded)"),
        ("Game days", f"{long_date(d.start)} to {long_date(d.ended_on)}"),
        *council_facts(d),
    ]
    lines += [f"- **{label}:** {value}" for label, value in facts if value]
    lines.append("")
    if d.practice:
        lines += [
            "> **Practice game.** This report is from a practice game, not an assessed one.",
            "",
        ]

    lines += ["## Ending", ""]
    if d.ending is None:
        lines += ["The game had not ended when this report was made.", ""]
    else:
        e = d.ending
        mark = ending_mark(d, e.historical)
        lines += [
            f"### {_text(e.title)}{mark}",
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

    if d.records_decisions:
        lines += ["## Where you left history", ""]
    if d.records_decisions and d.days_passed:
        lines += [NOT_COUNTED, ""]
    if d.records_decisions and not d.divergences:
        lines.append(FOLLOWED_HISTORY)
    for div in d.divergences:
        lines.append(
            f"- **{divergence_heading(div)}.** {_text(div.you)} {_text(div.history)} {_refs(div.sources)}".rstrip()
        )
        if div.note:
            lines.append(f"  *What really happened:* {_text(div.note)}")
        elif div.note_as is not None:
            lines.append(f"  *What really happened:* {_text(note_reference(d, div))}.")
    if d.records_decisions:
        lines.append("")

    if d.background:
        lines += ["## Background", ""]
        for note in d.background:
            _note(note, lines)

    lines += ["## Day by day", ""]
    for day in d.days:
        lines += [f"### Day {day.day}: {long_date(day.date)}", ""]
        lines.append("**You did:**")
        lines.append("")
        if day.decisions:
            for decision in day.decisions:
                mark = " *(as in history)*" if decision.historical else ""
                lines.append(f"- {_text(decision.label)}{mark}")
        elif day.council not in ("passed", "none"):
            lines.append(f"- {NO_ACTION}.")
        if day.council == "passed":
            lines.append(f"- {PASSED_DAY}.")
        elif day.council == "none":
            lines.append(f"- {ENDED_AT_DAWN}.")
        elif day.council == "timed_out":
            lines.append(f"- {TIMED_OUT}.")
        lines.append("")
        if day.happenings:
            lines += ["**In the game:**", ""]
            for item in day.happenings:
                detail = f": {_text(item.text)}" if item.kind == "outcome" and item.text else ""
                mark = f" *({TEACHERS_INJECT})*" if item.teacher else ""
                lines.append(
                    f"- {_text(item.title)}{happening_deadline(item)}{detail}{mark} {_refs(item.sources)}".rstrip()
                )
            lines.append("")
        if day.history:
            lines += [f"**In {day.date.year}:**", ""]
            for note in day.history:
                _note(note, lines, dated=False)
        elif d.has_history:
            lines += [f"**In {day.date.year}:**", "", "No historical note for this day.", ""]

    if d.aftermath:
        lines += ["## After your game ended: how it really went on", ""]
        for note in d.aftermath:
            _note(note, lines)

    if d.hidden:
        lines += ["## Hidden values, revealed", ""]
        for value in d.hidden:
            description = f" — {_text(value.description)}" if value.description else ""
            lines.append(f"- **{_text(value.label)}:** {_text(value.shown)}{description}")
        lines.append("")

    if d.disputes:
        lines += ["## What historians dispute", ""]
        for dispute in d.disputes:
            lines += [f"**{_text(dispute.question)}** {_refs(dispute.sources)}".rstrip(), ""]
            lines += [f"- {_text(v)}" for v in dispute.versions]
            lines.append("")

    if d.votes:
        lines += ["## Class votes", ""]
        for vote in d.votes:
            when = f"{long_date(vote.date, weekday=False)} · " if vote.date else ""
            tally = ", ".join(f"{_text(option)}: {count}" for option, count in vote.tally.items())
            chosen = f" Chosen: {_text(vote.chosen)}." if vote.chosen else ""
            lines.append(f"- {when}{_text(vote.question)} {tally}.{chosen}".replace(" .", "."))
        lines.append("")

    if d.questions:
        lines += ["## Questions for reflection", ""]
        lines += [f"{number}. {_text(q)}" for number, q in enumerate(d.questions, 1)]
        lines.append("")

    lines += ["## Sources", ""]
    if not d.sources:
        lines += ["No sources were cited.", ""]
    if any(source.kind == "weak" for source in d.sources):
        lines += [_text(WEAK_NOTE), ""]
    for source in d.sources:
        lines.append(f"[^{source.number}]: {_source_line(source)}")
    lines.append("")
    return "\n".join(lines).rstrip() + "\n"


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
