"""The debrief on the terminal (game.text.debrief_view): readable lines, no Markdown, --plain respected."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.analysis.policies import historical
from game.analysis.replay import play, scripted
from game.debrief import build_debrief, render_markdown
from game.debrief.model import SourceRef
from game.engine.dates import long_date
from game.text import report
from game.text.debrief_view import debrief_lines, refs
from game.text.style import Style

ROOT = Path(__file__).resolve().parents[2]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
MARKUP = ("**", "[^", "](", "<http", "|---", "`")
STYLES = {
    "plain": Style(plain=True),
    "rules": Style(),
    "colour": Style(colour=True),
}


def _debrief(scenario, *, keys=None, seed=1935, **kw):
    policy = historical if keys is None else scripted(keys)
    return build_debrief(scenario, play(scenario, seed, policy).final, seed=seed, **kw)


@pytest.fixture(scope="module")
def hebei():
    from game.scenario.load import load_scenario

    return load_scenario(ROOT / "scenarios" / "he_umezu_1935.yaml").scenario


@pytest.fixture(scope="module", params=["rich-history", "rich-refused", "hebei-waited"])
def debrief(request, rich, hebei):
    if request.param == "rich-history":
        return _debrief(rich, player_name="Ann Lee")
    if request.param == "rich-refused":
        return _debrief(
            rich,
            keys=["first:refuse", "end"],
            seed=2,
            practice=True,
            votes=[{"question": "Refuse?", "date": "1935-06-01", "tally": {"yes": 3, "no": 1}}],
        )
    return _debrief(hebei, keys=[], player_name="Li Wei")


def _plain_text(lines: list[str]) -> str:
    """The lines without colour, as one run of words (wrapping undone)."""
    return " ".join(" ".join(ANSI.sub("", line) for line in lines).split())


def _headings(d) -> list[str]:
    expected = ["Ending", "Where you left history"]
    expected += ["Background"] if d.background else []
    expected += ["Day by day"]
    expected += ["After your game ended: how it really went on"] if d.aftermath else []
    expected += ["What was hidden in this game"] if d.hidden else []
    expected += ["What historians dispute"] if d.disputes else []
    expected += ["Votes on each decision"] if d.votes else []
    expected += ["Questions for reflection"] if d.questions else []
    return [*expected, "Sources"]


@pytest.mark.parametrize("name", STYLES)
@pytest.mark.parametrize("saving", [True, False])
def test_no_markdown_markup(debrief, name, saving):
    lines = [ANSI.sub("", line) for line in debrief_lines(debrief, STYLES[name], saving=saving)]
    for line in lines:
        assert not line.lstrip().startswith(("#", ">")), line
        for marker in MARKUP:
            assert marker not in line, (marker, line)
    # the Markdown report does have them: the view is not a copy of it
    assert "**" in render_markdown(debrief) and "<http" in render_markdown(debrief)


@pytest.mark.parametrize("name", STYLES)
def test_every_section_has_its_heading_in_order(debrief, name):
    style = STYLES[name]
    lines = [ANSI.sub("", line) for line in debrief_lines(debrief, style)]
    positions = []
    for heading in _headings(debrief):
        assert heading in lines, heading
        at = lines.index(heading)
        positions.append(at)
        assert lines[at - 1] == ""
        if not style.plain:  # underlined, as the text version's other headings
            assert set(lines[at + 1]) == {"\u2500"}
    assert positions == sorted(positions)
    assert lines[1 if style.plain else 2] == f"Debrief: {debrief.scenario_title}"


def test_every_day_and_every_decision_is_shown(debrief):
    lines = debrief_lines(debrief, Style(plain=True))
    text = _plain_text(lines)
    decisions = 0
    for day in debrief.days:
        assert f"Day {day.day}: {long_date(day.date)}" in lines
        for decision in day.decisions:
            mark = " (as in history)" if decision.historical else ""
            assert f"- {decision.label}{mark}" in text
            decisions += 1
    for div in debrief.divergences:
        assert " ".join(div.you.split()) in text
    for question in debrief.questions:
        assert question in text
    assert decisions or not any(day.decisions for day in debrief.days)


def test_decisions_are_listed_when_the_player_acted(rich):
    d = _debrief(rich, keys=["first:refuse", "end"], seed=2)
    assert any(day.decisions for day in d.days)
    text = _plain_text(debrief_lines(d, Style(plain=True)))
    first = next(decision for day in d.days for decision in day.decisions)
    assert f"- {first.label}" in text


def test_plain_has_no_colour_and_no_box_drawing(debrief):
    for line in debrief_lines(debrief, Style(plain=True)):
        assert not ANSI.search(line) and "\x1b" not in line
        assert not set(line) & set("\u2500\u2550")


def test_colour_only_when_the_style_has_it(debrief):
    assert not any("\x1b" in line for line in debrief_lines(debrief, Style()))
    coloured = debrief_lines(debrief, Style(colour=True))
    assert any("\x1b[1m" in line for line in coloured)  # headings in bold
    # colour changes nothing but the codes
    assert [ANSI.sub("", line) for line in coloured] == debrief_lines(debrief, Style())


@pytest.mark.parametrize("width", [40, 78, 100])
def test_lines_fit_the_width(debrief, width):
    for line in debrief_lines(debrief, Style(plain=True, width=width)):
        assert len(line) <= width, line
    rules = Style(width=width)
    for line in debrief_lines(debrief, rules):
        assert len(line) <= width, line


def test_footnotes_are_short_numbers_found_in_the_source_list(debrief):
    lines = debrief_lines(debrief, Style(plain=True))
    start = lines.index("Sources")
    listed = [int(m.group(1)) for line in lines[start:] if (m := re.match(r"\s+\[(\d+)\] ", line))]
    # the scenario's own numbers, in order, gaps and all (teacher's report review)
    assert listed == [s.number for s in debrief.sources] == sorted(set(listed))
    cited: set[int] = set()
    for line in lines[:start]:
        for group in re.findall(r"\[([\d,-]+)\]", line):
            for part in group.split(","):
                low, _, high = part.partition("-")
                cited.update(range(int(low), int(high or low) + 1))
    assert cited and cited <= set(listed)


def test_refs_are_compact():
    def cite(*numbers: int) -> list[SourceRef]:
        return [SourceRef(number=n, tag=f"T{n}", title="t") for n in numbers]

    assert refs([]) == ""
    assert refs(cite(3)) == " [3]"
    assert refs(cite(7, 2, 3)) == " [2,3,7]"
    assert refs(cite(5, 1, 2, 3, 4, 9, 10, 12, 13, 14)) == " [1-5,9,10,12-14]"
    assert refs(cite(4, 4)) == " [4]"


def test_sources_shortened_when_a_report_can_be_saved(hebei):
    d = _debrief(hebei, keys=[])
    with_saving = debrief_lines(d, Style(plain=True), saving=True)
    text = "\n".join(with_saving)
    assert "http" not in text
    assert "addresses and notes are in the saved report (type r below)" in _plain_text(with_saving)
    markdown_sources = render_markdown(d).split("\n## Sources\n")[1]
    shown = "\n".join(with_saving[with_saving.index("Sources") :])
    assert len(shown) < len(markdown_sources) * 0.6
    # without saving, every address is shown once, whole, on a line of its own
    without = debrief_lines(d, Style(plain=True), saving=False)
    for source in d.sources:
        if source.url:
            assert sum(line.strip() == source.url for line in without) == 1, source.url
    assert "type r below" not in "\n".join(without)


def test_date_played_is_explained_and_deterministic(rich):
    style = Style(plain=True)
    screen = debrief_lines(_debrief(rich), style)
    assert "  Date played:  goes on the saved report (type r below)" in screen
    assert debrief_lines(_debrief(rich), style) == screen  # no clock: the same game, the same lines
    assert "  Date played:  (not recorded)" in debrief_lines(_debrief(rich), style, saving=False)
    dated = debrief_lines(_debrief(rich, played_on="2025-03-14"), style)
    assert "  Date played:  2025-03-14" in dated
    assert "- **Date played:** 2025-03-14" in render_markdown(
        _debrief(rich, played_on="2025-03-14")
    )


def test_ending_is_named_and_not_repeated_when_shown_above(rich):
    d = _debrief(rich, keys=["first:refuse", "end"], seed=2)
    assert d.ending is not None
    first_words = " ".join(d.ending.epilogue.split()[:6])
    full = _plain_text(debrief_lines(d, Style(plain=True)))
    short = _plain_text(debrief_lines(d, Style(plain=True), ending_above=True))
    for text in (full, short):
        assert d.ending.title in text
    assert first_words in full and first_words not in short
    assert all(f"{s.label} {s.value}/{s.out_of}" in full for s in d.ending.scores)
    assert "shown above" in short


def test_practice_and_votes_are_shown(rich):
    d = _debrief(
        rich,
        keys=["first:refuse", "end"],
        seed=2,
        practice=True,
        votes=[{"question": "Refuse?", "date": "1935-06-01", "tally": {"yes": 3, "no": 1}}],
    )
    text = _plain_text(debrief_lines(d, Style(plain=True)))
    assert "Practice game: this debrief is from a practice game" in text
    assert "1 June 1935 · Refuse? yes: 3, no: 1." in text


def test_the_shell_gets_the_view_and_the_reports_stay_markdown(rich):
    final = play(rich, 1935, historical).final
    built = report.build(rich, final, seed=1935, player_name="Ann Lee")
    style = Style(plain=True)
    assert built.screen_lines(style) == debrief_lines(built.value, style, ending_above=True)
    assert built.screen_lines(style, saving=False) == debrief_lines(
        built.value, style, saving=False, ending_above=True
    )
    assert built.markdown == render_markdown(
        build_debrief(rich, final, seed=1935, player_name="Ann Lee")
    )
    assert report.report_text(built, "r.md") == built.markdown
