"""The debrief as one self-contained HTML file: inline style, no scripts, nothing fetched, prints on the paper the printer is set to (A4, Letter)."""

from __future__ import annotations

import html
import re

from game.debrief.lang import kanji_lang, mark_html, mark_text
from game.debrief.model import (
    WEAK,
    Debrief,
    DisputeView,
    HiddenValue,
    HistoryEntry,
    SourceRef,
    Vote,
    divergence_heading,
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
    student,
    vote_summary,
)
from game.engine.dates import long_date
from game.engine.words import HISTORIANS

ANSWER = "Your answer"

STYLE = """
@page { margin: 18mm; }
:root { color-scheme: light; }
body {
  margin: 0 auto; padding: 2rem 1.5rem; max-width: 44em;
  background: #f3ead6; color: #2b2118;
  font-family: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, "Times New Roman", "Noto Serif CJK SC", "Songti SC", SimSun,
    "Noto Serif CJK TC", PMingLiU, "Noto Serif CJK JP", "Hiragino Mincho ProN", "Yu Mincho", serif;
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
.answer { min-height: 6em; border-bottom: 1px solid #a08a66; margin: .3em 0 1em; }
.address { font-family: "Courier New", Courier, monospace; font-size: .9em; }
a { color: #5b3a1a; }
ul.contents { columns: 2; margin: 1em 0; padding-left: 1.2em; font-size: .95em; }
@media print {
  nav { display: none; }
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


def page_title(d: Debrief) -> str:
    """The page's title, which browsers print at the top of every page: whose report, the
    scenario, the seed and the ending, so a pile of printouts can be told apart and sorted
    (teacher's report review: every one was 'Debrief: Hebei 1935')."""
    who = student(d).strip()
    ending = d.ending.title if d.ending is not None else "not ended"
    made = "replay, " if d.replay else ""
    return f"{who} \u2014 Debrief: {d.scenario_title} ({made}seed {d.seed}): {ending}"


def render_html(debrief: Debrief) -> str:
    """The whole report as one HTML document (UTF-8), with every text escaped and its runs of
    Chinese and Japanese marked with their language (`game.debrief.lang`)."""
    d = debrief
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(page_title(d))}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
    ]
    sections = report_sections(d)
    for section in sections:
        if section.key == "front":
            _front(section, out)
            # the parts a class discusses come after the day by day: a teacher jumps to them
            # (teacher's review: some 5,000 words before the disputes and the questions)
            links = "".join(
                f'<li><a href="#{s.key}">{esc(s.heading)}</a></li>'
                for s in sections
                if s.key != "front"
            )
            out.append(f'<nav aria-label="Contents"><ul class="contents">{links}</ul></nav>')
            continue
        out.append(f'<section id="{section.key}"><h2>{esc(section.heading)}</h2>')
        if section.key == "days":
            out += [_day(item) for item in section.items if isinstance(item, DayItem)]
        elif section.key == "questions":
            questions = [item.text for item in section.items if isinstance(item, Line)]
            # room under each for the student's answer, on a printed page (teacher's report
            # review: seven questions and nowhere to answer them)
            out.append(
                '<ol class="questions">'
                + "".join(
                    f'<li>{esc(q)}<div class="answer" role="note" aria-label="{ANSWER}"></div></li>'
                    for q in questions
                )
                + "</ol>"
            )
        else:
            _items(section, out)
        out.append("</section>")
    out += ["</body>", "</html>"]
    # Chinese and Japanese in spans with their language, for fonts and screen readers
    return mark_html("\n".join(out), d.characters_lang) + "\n"


def _front(section: Section, out: list[str]) -> None:
    out.append(f"<h1>{esc(section.heading)}</h1>")
    if section.subtitle:
        out.append(f'<p class="subtitle">{esc(section.subtitle)}</p>')
    facts = [item for item in section.items if isinstance(item, Fact)]
    out.append(
        '<dl class="facts">'
        + "".join(
            f"<dt>{fact.label}</dt><dd>{esc(fact.value)}"
            + (f" (<code>{esc(fact.code)}</code>)" if fact.code else "")
            + "</dd>"
            for fact in facts
        )
        + "</dl>"
    )
    for banner in (item for item in section.items if isinstance(item, Banner)):
        if banner.kind == "replay":
            out.append(f'<p class="practice">{esc(" ".join(REPLAYED))}</p>')
        else:
            out.append(
                '<p class="practice">Practice game: this report is from a practice game, not an assessed one.</p>'
            )


def _items(section: Section, out: list[str]) -> None:
    """Paragraphs, notes and lists (consecutive list items in one list)."""
    listing, listing_end = False, ""
    for item in section.items:
        listed = isinstance(item, DivergenceItem | HiddenValue | Vote | SourceRef)
        if listed and not listing:
            out.append('<ol class="sources">' if isinstance(item, SourceRef) else "<ul>")
        elif listing and not listed:
            out.append(listing_end)
        if listed:
            listing_end = "</ol>" if isinstance(item, SourceRef) else "</ul>"
        listing = listed
        if isinstance(item, Line):
            aside = ' class="aside"' if item.remark and section.key == "sources" else ""
            out.append(f"<p{aside}>{esc(item.text)}</p>")
        elif isinstance(item, NoteItem):
            out.append(_note(item.note, dated=item.dated))
        elif isinstance(item, EndingItem):
            out.append(_ending(item))
        elif isinstance(item, DivergenceItem):
            div = item.divergence
            note = (
                f'<br><span class="aside">What really happened: {esc(item.told)}</span>'
                if item.told
                else ""
            )
            out.append(
                f'<li class="divergence"><strong>{esc(divergence_heading(div))}.</strong> {esc(div.you)} {esc(div.history)}{_refs(div.sources)}{note}</li>'
            )
        elif isinstance(item, HiddenValue):
            description = f" — {esc(item.description)}" if item.description else ""
            out.append(
                f"<li><strong>{esc(item.label)}:</strong> {esc(item.shown)}{description}</li>"
            )
        elif isinstance(item, DisputeView):
            versions = "".join(f"<li>{esc(v)}</li>" for v in item.versions)
            out.append(
                f'<div class="dispute"><p><strong>{esc(item.question)}</strong>{_refs(item.sources)}</p><ul>{versions}</ul></div>'
            )
        elif isinstance(item, Vote):
            out.append(f"<li>{esc(vote_summary(item))}</li>")
        elif isinstance(item, SourceRef):
            out.append(_source_item(item))
    if listing:
        out.append(listing_end)


def _ending(item: EndingItem) -> str:
    e = item.ending
    parts = [
        f"<h3>{esc(e.title)}{esc(item.mark)}</h3>{_paras(e.epilogue, _refs(e.sources))}",
        '<table class="scores"><tr>'
        + "".join(f"<th>{esc(s.label)}</th>" for s in e.scores)
        + "</tr><tr>",
        "".join(f"<td>{s.value}/{s.out_of}</td>" for s in e.scores) + "</tr></table>",
    ]
    if e.verdicts:
        parts.append(
            f'<p class="label">{HISTORIANS}</p><ul>'
            + "".join(f"<li>{esc(v)}</li>" for v in e.verdicts)
            + "</ul>"
        )
    return "\n".join(parts)


def _day(day: DayItem) -> str:
    out = [f'<section class="day" id="day-{day.date.isoformat()}"><h3>{esc(day.title)}</h3>']
    for part in day.parts:
        out.append(f'<p class="label">{esc(part.label)}</p>')
        if part.key == "history":
            out.append(
                "".join(
                    _note(item.note, dated=item.dated)
                    if isinstance(item, NoteItem)
                    else f"<p>{esc(item.text)}</p>"
                    for item in part.items
                )
            )
            continue
        out[-1] += "<ul>"
        out += [_line(item) for item in part.items if isinstance(item, Line)]
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _line(line: Line) -> str:
    """A list item: the words, the asides in italics, the footnotes."""
    mark = ' <span class="historical">(as in history)</span>' if line.historical else ""
    aside = (
        f' <span class="teacher">({html.escape(line.aside, quote=False)})</span>'
        if line.aside
        else ""
    )
    council = ' class="council"' if line.remark else ""
    return f"<li{council}>{esc(line.text)}{mark}{aside}{_refs(list(line.sources))}</li>"


def _source_item(source: SourceRef) -> str:
    weak = source.kind == "weak"
    # a source's own language marks the characters of its words (the rest are marked with the
    # scenario's, by render_html)
    declared = kanji_lang(source.lang, "")

    def words(value: str) -> str:
        return mark_text(esc(value), declared) if declared else esc(value)

    parts = [f"<cite>{words(source.title)}</cite>"]
    if source.kind:
        parts.append(f"({esc(WEAK if weak else source.kind)})")
    if source.url:
        # Only web addresses become links, and not those of weak sources (mirror and novel
        # sites, for students): a `javascript:` or relative URL stays plain text too.
        if weak:
            parts.append(f'<span class="address">{words(source.url)}</span>')
        elif source.url.startswith(("http://", "https://")):
            parts.append(f'<a href="{esc(source.url)}">{words(source.url)}</a>')
        else:
            parts.append(words(source.url))
    if source.note:
        parts.append(f"— {words(source.note)}")
    return f'<li id="source-{source.number}" value="{source.number}">' + " ".join(parts) + "</li>"
