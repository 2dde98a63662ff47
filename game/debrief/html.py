"""The debrief as one self-contained HTML file: inline style, no scripts, nothing fetched, prints on A4 and Letter."""

from __future__ import annotations

import html
import re

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

STYLE = """
@page { size: A4; margin: 18mm; }
:root { color-scheme: light; }
body {
  margin: 0 auto; padding: 2rem 1.5rem; max-width: 44em;
  background: #f3ead6; color: #2b2118;
  font-family: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, "Times New Roman", "Noto Serif CJK SC", "Songti SC", SimSun, serif;
  font-size: 12pt; line-height: 1.5;
}
h1, h2, h3 { font-weight: normal; line-height: 1.2; color: #3b2a1a; }
h1 { font-size: 1.9em; margin: 0 0 .2em; letter-spacing: .02em; }
h2 { font-size: 1.35em; margin-top: 1.6em; border-bottom: 1px solid #a08a66; padding-bottom: .15em;
     font-variant: small-caps; letter-spacing: .04em; break-after: avoid; }
h3 { font-size: 1.1em; margin: 0 0 .4em; font-style: italic; break-after: avoid; }
.subtitle { font-style: italic; margin-top: 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: 1em 0; }
.facts dt { font-variant: small-caps; letter-spacing: .04em; }
.facts dd { margin: 0; }
.practice { border: 2px solid #8b2e1f; color: #8b2e1f; padding: .4em .8em; font-weight: bold; }
.day, .note, .divergence, .dispute { break-inside: avoid; page-break-inside: avoid; }
.day { border-top: 1px dotted #a08a66; padding: .8em 0 .2em; }
.label { font-variant: small-caps; letter-spacing: .05em; color: #5a4630; margin: .6em 0 .2em; }
.history { background: #ebdfc3; border-left: 3px solid #8a6d3b; padding: .3em .9em; margin: .4em 0; }
.after { border-left-style: dashed; }
.aside { font-size: .92em; font-style: italic; margin: .3em 0 .3em 1em; }
.historical { color: #3d5a2a; font-style: italic; }
.teacher, .council { font-style: italic; }
table.scores { border-collapse: collapse; margin: .6em 0; width: 100%; max-width: 36em; }
table.scores th, table.scores td { border: 1px solid #a08a66; padding: .25em .5em; text-align: center; }
table.scores th { font-weight: normal; font-variant: small-caps; }
.refs { white-space: nowrap; }
sup.ref { font-size: .7em; line-height: 0; }
sup.ref a { color: inherit; text-decoration: none; }
ol.sources li { margin-bottom: .3em; overflow-wrap: anywhere; }
.address { font-family: "Courier New", Courier, monospace; font-size: .9em; }
a { color: #5b3a1a; }
@media print {
  body { background: #fff; color: #000; max-width: none; padding: 0; font-size: 11pt; }
  h1, h2, h3, .label, .historical { color: #000; }
  .practice { color: #000; border-color: #000; }
  .history { background: none; border-left-color: #000; }
  a { color: #000; }
}
""".strip()

# Substrings that would make a browser fetch something; broken up in any text we print (an
# entity inside an attribute value decodes back, so links still work).
_FETCHING = re.compile(r"src=|url\(|@import", re.IGNORECASE)


def esc(value: str) -> str:
    escaped = html.escape(value, quote=True)
    return _FETCHING.sub(lambda m: m.group(0)[:-1] + f"&#{ord(m.group(0)[-1])};", escaped)


def _paras(value: str, tail: str = "") -> str:
    """Paragraphs of escaped text; `tail` (markup, e.g. footnote marks) ends the last one."""
    paragraphs = [
        esc(" ".join(p.split())) for p in value.replace("\r\n", "\n").split("\n\n") if p.strip()
    ] or [""]
    paragraphs[-1] += tail
    return "".join(f"<p>{p}</p>" for p in paragraphs if p)


def _refs(sources: list[SourceRef]) -> str:
    """Footnote marks, with a leading space when there are any."""
    marks = "".join(
        f'<sup class="ref"><a href="#source-{s.number}">[{s.number}]</a></sup>' for s in sources
    )
    return f' <span class="refs">{marks}</span>' if marks else ""


def _note(note: HistoryEntry, *, dated: bool = True) -> str:
    extra = " after" if note.period == "after" else ""
    when = f" ({long_date(note.date)})" if dated else ""
    parts = [
        f'<div class="note history{extra}">',
        f"<p><strong>{esc(note.title)}</strong>{when}</p>",
        _paras(note.text, _refs(note.sources)),
    ]
    if note.popular_account:
        parts.append(f'<p class="aside">The popular account: {esc(note.popular_account)}</p>')
    if note.disputed:
        parts.append(f'<p class="aside">Disputed: {esc(note.disputed)}</p>')
    parts.append("</div>")
    return "".join(parts)


def render_html(debrief: Debrief) -> str:
    """The whole report as one HTML document (UTF-8), with every text escaped."""
    d = debrief
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Debrief: {esc(d.scenario_title)}{' — ' + esc(d.player_name) if d.player_name else ''}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        f"<h1>Debrief: {esc(d.scenario_title)}</h1>",
    ]
    if d.scenario_subtitle:
        out.append(f'<p class="subtitle">{esc(d.scenario_subtitle)}</p>')
    facts = [
        ("Student", esc(d.player_name) or "(no name given)"),
        ("Scenario", f"{esc(d.scenario_title)} (<code>{esc(d.scenario_id)}</code>)"),
        ("Playing", esc(d.character)),
        ("Seed", str(d.seed)),
        ("Date played", esc(d.played_on) or "(not recorded)"),
        ("Game days", f"{long_date(d.start)} to {long_date(d.ended_on)}"),
        *((label, esc(value)) for label, value in council_facts(d)),
    ]
    out.append(
        '<dl class="facts">'
        + "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts if value)
        + "</dl>"
    )
    if d.practice:
        out.append(
            '<p class="practice">Practice game: this report is from a practice game, not an assessed one.</p>'
        )

    out.append("<section><h2>Ending</h2>")
    if d.ending is None:
        out.append("<p>The game had not ended when this report was made.</p>")
    else:
        e = d.ending
        mark = esc(ending_mark(d, e.historical))
        out.append(f"<h3>{esc(e.title)}{mark}</h3>{_paras(e.epilogue, _refs(e.sources))}")
        out.append(
            '<table class="scores"><tr>'
            + "".join(f"<th>{esc(s.label)}</th>" for s in e.scores)
            + "</tr><tr>"
        )
        out.append("".join(f"<td>{s.value}/{s.out_of}</td>" for s in e.scores) + "</tr></table>")
        if e.verdicts:
            out.append(
                f'<p class="label">{HISTORIANS}</p><ul>'
                + "".join(f"<li>{esc(v)}</li>" for v in e.verdicts)
                + "</ul>"
            )
    out.append("</section>")

    not_counted = f"<p>{esc(NOT_COUNTED)}</p>" if d.days_passed else ""
    if not d.records_decisions:
        pass  # no decisions of history's to compare with (an invented scenario, for one)
    elif not d.divergences:
        out.append("<section><h2>Where you left history</h2>")
        out.append(not_counted)
        out.append(f"<p>{FOLLOWED_HISTORY}</p>")
    else:
        out.append("<section><h2>Where you left history</h2>")
        out.append(not_counted)
        out.append("<ul>")
        for div in d.divergences:
            told = div.note or (note_reference(d, div) + "." if div.note_as is not None else "")
            note = (
                f'<br><span class="aside">What really happened: {esc(told)}</span>' if told else ""
            )
            out.append(
                f'<li class="divergence"><strong>{esc(divergence_heading(div))}.</strong> {esc(div.you)} {esc(div.history)}{_refs(div.sources)}{note}</li>'
            )
        out.append("</ul>")
    if d.records_decisions:
        out.append("</section>")

    if d.background:
        out.append(
            "<section><h2>Background</h2>" + "".join(_note(n) for n in d.background) + "</section>"
        )

    out.append("<section><h2>Day by day</h2>")
    for day in d.days:
        out.append(
            f'<section class="day" id="day-{day.date.isoformat()}"><h3>Day {day.day}: {long_date(day.date)}</h3>'
        )
        out.append('<p class="label">You did</p><ul>')
        if day.decisions:
            for decision in day.decisions:
                mark = (
                    ' <span class="historical">(as in history)</span>'
                    if decision.historical
                    else ""
                )
                out.append(f"<li>{esc(decision.label)}{mark}</li>")
        elif day.council not in ("passed", "none"):
            out.append(f"<li>{NO_ACTION}.</li>")
        if day.council == "passed":
            out.append(f'<li class="council">{esc(PASSED_DAY)}.</li>')
        elif day.council == "none":
            out.append(f'<li class="council">{esc(ENDED_AT_DAWN)}.</li>')
        elif day.council == "timed_out":
            out.append(f'<li class="council">{esc(TIMED_OUT)}.</li>')
        out.append("</ul>")
        if day.happenings:
            out.append('<p class="label">In the game</p><ul>')
            for item in day.happenings:
                detail = f": {esc(item.text)}" if item.kind == "outcome" and item.text else ""
                mark = f' <span class="teacher">({TEACHERS_INJECT})</span>' if item.teacher else ""
                out.append(
                    f"<li>{esc(item.title)}{esc(happening_deadline(item))}{detail}{mark}{_refs(item.sources)}</li>"
                )
            out.append("</ul>")
        if day.history or d.has_history:
            out.append(f'<p class="label">In {day.date.year}</p>')
            out.append(
                "".join(_note(n, dated=False) for n in day.history)
                if day.history
                else "<p>No historical note for this day.</p>"
            )
        out.append("</section>")
    out.append("</section>")

    if d.aftermath:
        out.append(
            "<section><h2>After your game ended: how it really went on</h2>"
            + "".join(_note(n) for n in d.aftermath)
            + "</section>"
        )

    if d.hidden:
        out.append("<section><h2>Hidden values, revealed</h2><ul>")
        for value in d.hidden:
            description = f" — {esc(value.description)}" if value.description else ""
            out.append(
                f"<li><strong>{esc(value.label)}:</strong> {esc(value.shown)}{description}</li>"
            )
        out.append("</ul></section>")

    if d.disputes:
        out.append("<section><h2>What historians dispute</h2>")
        for dispute in d.disputes:
            versions = "".join(f"<li>{esc(v)}</li>" for v in dispute.versions)
            out.append(
                f'<div class="dispute"><p><strong>{esc(dispute.question)}</strong>{_refs(dispute.sources)}</p><ul>{versions}</ul></div>'
            )
        out.append("</section>")

    if d.votes:
        out.append("<section><h2>Class votes</h2><ul>")
        for vote in d.votes:
            when = f"{long_date(vote.date, weekday=False)} · " if vote.date else ""
            tally = ", ".join(f"{esc(option)}: {count}" for option, count in vote.tally.items())
            chosen = f" Chosen: {esc(vote.chosen)}." if vote.chosen else ""
            out.append(f"<li>{when}{esc(vote.question)} {tally}{chosen}</li>")
        out.append("</ul></section>")

    if d.questions:
        out.append(
            "<section><h2>Questions for reflection</h2><ol>"
            + "".join(f"<li>{esc(q)}</li>" for q in d.questions)
            + "</ol></section>"
        )

    out.append("<section><h2>Sources</h2>")
    if any(source.kind == "weak" for source in d.sources):
        out.append(f'<p class="aside">{esc(WEAK_NOTE)}</p>')
    if d.sources:
        out.append('<ol class="sources">' + "".join(_source_item(s) for s in d.sources) + "</ol>")
    else:
        out.append("<p>No sources were cited.</p>")
    out.append("</section>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _source_item(source: SourceRef) -> str:
    weak = source.kind == "weak"
    parts = [f"<cite>{esc(source.title)}</cite>"]
    if source.kind:
        parts.append(f"({esc(WEAK if weak else source.kind)})")
    if source.url:
        # Only web addresses become links, and not those of weak sources (mirror and novel
        # sites, for students): a `javascript:` or relative URL stays plain text too.
        if weak:
            parts.append(f'<span class="address">{esc(source.url)}</span>')
        elif source.url.startswith(("http://", "https://")):
            parts.append(f'<a href="{esc(source.url)}">{esc(source.url)}</a>')
        else:
            parts.append(esc(source.url))
    if source.note:
        parts.append(f"— {esc(source.note)}")
    return f'<li id="source-{source.number}" value="{source.number}">' + " ".join(parts) + "</li>"
