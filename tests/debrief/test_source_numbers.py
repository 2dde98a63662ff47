"""A source has the same number in every report of a scenario: its place in the scenario's list.

Teacher's report review: reports numbered their sources in the order each first cited them, so
"source 3" in one student's report was another document than "source 3" in the next one's, and a
class discussion could not say "look at source 7".
"""

from __future__ import annotations

import html
import re

import pytest

from game.analysis.policies import historical, uniform
from game.analysis.replay import play
from game.debrief import build_debrief, render_html, render_markdown, sections
from game.debrief.model import refs
from game.debrief.sections import report_sections
from game.text.debrief_view import debrief_lines
from game.text.style import Style


@pytest.fixture(scope="module")
def he_umezu():
    from game.cli import DEFAULT_SCENARIO
    from game.scenario.load import load_scenario

    return load_scenario(DEFAULT_SCENARIO).scenario


@pytest.fixture(scope="module")
def two_games(he_umezu):
    """Two games of one scenario down different paths: history's, and a random one."""
    history = build_debrief(he_umezu, play(he_umezu, 1935, historical).final, seed=1935)
    other = build_debrief(he_umezu, play(he_umezu, 7, uniform).final, seed=7)
    return history, other


def test_a_source_is_numbered_by_its_place_in_the_scenario(he_umezu, two_games):
    place = {tag: n for n, tag in enumerate(he_umezu.sources, 1)}
    for debrief in two_games:
        assert debrief.sources
        assert all(s.number == place[s.tag] for s in debrief.sources)


def test_two_games_on_different_paths_give_a_source_the_same_number(two_games):
    history, other = two_games
    assert history.divergences == [] and other.divergences  # the paths did differ
    numbers = [{s.tag: s.number for s in d.sources} for d in two_games]
    shared = numbers[0].keys() & numbers[1].keys()
    assert shared and numbers[0].keys() != numbers[1].keys()
    assert all(numbers[0][tag] == numbers[1][tag] for tag in shared)


def test_a_report_lists_only_what_it_cites_in_numeric_order(two_games):
    for debrief in two_games:
        numbers = [s.number for s in debrief.sources]
        assert numbers == sorted(set(numbers))
        brackets = re.findall(REFS, _above_sources(render_markdown(debrief)))
        assert {n for bracket in brackets for n in _numbers(bracket)} == set(numbers)


def test_the_references_of_one_passage_are_in_numeric_order(two_games):
    for debrief in two_games:
        for bracket in re.findall(REFS, _above_sources(render_markdown(debrief))):
            numbers = _numbers(bracket)
            assert numbers == sorted(set(numbers)), bracket


def test_no_markdown_viewer_can_renumber_the_sources(two_games):
    # teacher's report review: the sources were footnotes ([^36] in the text, "[^36]: Title" in the
    # list), and every viewer that renders footnotes numbers them 1, 2, 3 in the order first cited
    for debrief in two_games:
        markdown = render_markdown(debrief)
        assert "[^" not in markdown
        # a bracket is a link only given a link reference definition ("[36]: ..." at a line's
        # start): none, so "[36]" stays text in every CommonMark viewer
        assert not re.search(r"^ {0,3}\[[^\]]*\]:", markdown, re.M)
        lines = markdown.split("\n## Sources\n")[1].splitlines()
        # not an ordered list ("36." is renumbered after a list's first item): each source a
        # paragraph starting with its number
        assert not any(re.match(r" {0,3}\d+[.)]", line) for line in lines)
        listed = [int(m.group(1)) for line in lines if (m := re.match(r"\[(\d+)\] \*", line))]
        assert listed == [s.number for s in debrief.sources]
        for source in debrief.sources:
            at = next(i for i, line in enumerate(lines) if line.startswith(f"[{source.number}] "))
            assert lines[at - 1] == "" and lines[at + 1 : at + 2] in ([], [""])


def test_markdown_cites_a_passage_as_the_window_and_the_text_version_do(two_games):
    # one plain bracket per passage, as `refs` writes it on screen ("[2,5-8]")
    for debrief in two_games:
        markdown = render_markdown(debrief)
        assert debrief.ending and debrief.ending.sources
        assert f"{refs(debrief.ending.sources)}\n" in markdown
        notes = [note for day in debrief.days for note in day.history] + debrief.aftermath
        for note in notes:
            if note.sources:
                assert f"{refs(note.sources)}\n" in markdown


REFS = r"\[([0-9][0-9,\-]*)\]"  # a plain bracket of source numbers: "[36]", "[2,5-8]"


def _numbers(bracket: str) -> list[int]:
    numbers: list[int] = []
    for piece in bracket.split(","):
        first, _, last = piece.partition("-")
        numbers += range(int(first), int(last or first) + 1)
    return numbers


def _above_sources(markdown: str) -> str:
    return markdown.split("\n## Sources\n")[0]


def test_every_form_says_once_above_the_list_that_the_numbers_are_the_scenarios(two_games):
    history, _ = two_games
    sources = next(s for s in report_sections(history) if s.key == "sources")
    assert sources.items[0].text == sections.SOURCE_NUMBERS
    assert "same number" in sections.SOURCE_NUMBERS and "every report" in sections.SOURCE_NUMBERS

    markdown = render_markdown(history).split("\n## Sources\n")[1]
    assert markdown.count(sections.SOURCE_NUMBERS) == 1
    first = f"\n[{history.sources[0].number}] *{history.sources[0].title}*"
    assert markdown.index(sections.SOURCE_NUMBERS) < markdown.index(first)

    page = render_html(history).split("<h2>Sources</h2>")[1]
    line = html.escape(sections.SOURCE_NUMBERS)
    assert page.count(line) == 1
    assert page.index(line) < page.index('<ol class="sources">')

    lines = debrief_lines(history, Style(plain=True, width=200))
    below = "\n".join(lines[lines.index("Sources") :])
    assert below.count(sections.SOURCE_NUMBERS) == 1
    assert below.index(sections.SOURCE_NUMBERS) < below.index("  [")


def test_the_window_and_the_text_version_use_the_scenarios_numbers(two_games):
    from game.ui.scenes.ending import DebriefScene

    _, other = two_games
    # one listed after a gap: a form counting its own 1, 2, 3 would give it another number
    first = next(s for n, s in enumerate(other.sources, 1) if s.number != n)
    lines = debrief_lines(other, Style(plain=True, width=200))
    listed = lines[lines.index("Sources") :]
    assert any(line.strip().startswith(f"[{first.number}] {first.title}") for line in listed)

    window = DebriefScene()
    window.debrief, window.saved = other, ""
    texts = [text for _, text in window.paragraphs()]
    assert any(text.startswith(f"[{first.number}] {first.title}") for text in texts)
    assert texts.count(sections.SOURCE_NUMBERS) == 1


def test_an_html_source_keeps_its_number_as_its_list_value_and_anchor(two_games):
    _, other = two_games
    page = render_html(other)
    for source in other.sources:
        assert f'<li id="source-{source.number}" value="{source.number}">' in page


def test_the_classroom_guide_says_every_markdown_viewer_shows_the_numbers():
    # docs/classroom.md told teachers that Markdown viewers renumber the sources and to use the
    # HTML report for a discussion by number: no longer so, and it quotes the forms used
    from pathlib import Path

    from game.debrief.model import SourceRef

    guide = (Path(__file__).resolve().parents[2] / "docs" / "classroom.md").read_text("utf-8")
    paragraph = next(p for p in guide.split("\n\n") if "same number in every report" in p)
    assert "use the HTML report" not in paragraph and "Markdown viewer" in paragraph
    cited = [SourceRef(number=n, tag=f"T{n}", title="t") for n in (2, 5, 6, 7, 8)]
    assert f"`{refs(cited).strip()}`" in " ".join(paragraph.split())
    assert "`[7] *Title*" in paragraph


def test_an_authored_paragraph_cannot_turn_the_citations_into_links():
    """Review: an epilogue paragraph beginning "[1]: https://..." is a link reference definition,
    which would make every "[1]" of the report a link."""
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    text = edited_mini(
        ("    epilogue: It came to war.\n", '    epilogue: "[1]: https://example.org is gone."\n')
    )
    loaded = load_scenario_bytes(text.encode(), "mini.yaml")
    game = play(loaded.scenario, 7, uniform)
    while game.final.ending != "war":
        game = play(loaded.scenario, game.seed + 1, uniform)
    markdown = render_markdown(build_debrief(loaded.scenario, game.final, seed=game.seed))
    assert "\\[1]: https://example.org is gone." in markdown
    assert not re.search(r"^ {0,3}\[[^\]]*\]:", markdown, re.M)
