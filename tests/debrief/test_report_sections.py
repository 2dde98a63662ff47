"""Every form of the debrief shows the same sections, in the same order (`report_sections`).

Code review: the window's debrief had no practice banner, no background notes and no day's
happenings, all of which the text version showed; and sources cited only in the background were
listed, numbered, under the window's SOURCES with nothing above citing them (the numbering had
gaps). Four renderers each chose their own sections.
"""

from __future__ import annotations

import html
import re

import pytest

from game.analysis.policies import historical
from game.analysis.replay import play, scripted
from game.debrief import build_debrief, render_html, render_markdown
from game.debrief.sections import HIDDEN_NOTE, SCORES_NOTE, report_sections
from game.text.debrief_view import debrief_lines
from game.text.style import Style

KEYS = ["inject:rumour_of_war", "first:refuse", "prepare", "end", "spy", "end", "end", "end"]


@pytest.fixture(scope="module")
def full(rich):
    """A practice game of the rich scenario: background, days with happenings and a teacher's
    inject, a day lesson mode passed, divergences, aftermath, disputes, questions, sources."""
    final = play(rich, 3, scripted(KEYS)).final
    return build_debrief(rich, final, seed=3, practice=True, passed_days=[2])


def _window(debrief):
    from game.ui.scenes.ending import HEAD, DebriefScene

    window = DebriefScene()
    window.debrief, window.saved = debrief, ""
    paragraphs = window.paragraphs()
    return [text for _, text in paragraphs], [text for style, text in paragraphs if style == HEAD]


def _cited(texts: list[str]) -> set[int]:
    """The source numbers the footnote brackets in these lines cite ("[2,5-8]")."""
    numbers: set[int] = set()
    for bracket in re.findall(r"\[([0-9,\-]+)\]", " ".join(texts)):
        for piece in bracket.split(","):
            first, _, last = piece.partition("-")
            numbers.update(range(int(first), int(last or first) + 1))
    return numbers


def test_every_form_has_the_same_sections_in_the_same_order(full):
    markdown = render_markdown(full)
    headings = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [
        "Ending",
        "Where you left history",
        "Background",
        "Day by day",
        "After your game ended: how it really went on",
        "What was hidden in this game",
        "What historians dispute",
        "Questions for reflection",
        "Sources",
    ]
    assert [s.heading for s in report_sections(full)][1:] == headings
    page = render_html(full)
    assert re.findall(r"<h2>(.*?)</h2>", page) == headings
    terminal = debrief_lines(full, Style(plain=True))
    places = [terminal.index(heading) for heading in headings]  # each a line of its own
    assert places == sorted(places)
    _, window_headings = _window(full)
    assert window_headings == [heading.upper() for heading in headings]


def test_the_window_shows_what_the_text_version_shows(full):
    shown, _ = _window(full)
    text = "\n".join(shown)
    terminal = "\n".join(debrief_lines(full, Style(plain=True, width=200)))
    assert "Practice game: this debrief is from a practice game" in text
    assert "Practice game: this debrief is from a practice game" in terminal
    # a background note, and what happened in the game each day (a teacher's inject marked)
    assert "20 May 1935: Earlier. Before it all." in text
    for words in ("A note arrives", "Rumours of war in the bazaar (teacher's inject)", "A rumour"):
        assert words in text and words in terminal, words
    assert "No council: lesson mode passed this day." in text
    assert "Mood in Tokyo: restless" in text
    # a draw is this game's, not history's (teacher's report review: a projected report gave
    # the drawn killers of Hu and Bai as if revealed)
    for form in (text, terminal, render_markdown(full), render_html(full)):
        assert HIDDEN_NOTE in html.unescape(form)
        # and the ending's scores are no grade (teacher's report review)
        assert SCORES_NOTE in " ".join(html.unescape(form).split())


def test_every_source_the_window_lists_is_cited_above_it(full):
    from game.cli import DEFAULT_SCENARIO
    from game.scenario.load import load_scenario

    he_umezu = load_scenario(DEFAULT_SCENARIO).scenario
    played = build_debrief(he_umezu, play(he_umezu, 1935, historical).final, seed=1935)
    assert played.background  # its first sources are cited by the background alone
    for debrief in (full, played):
        shown, _ = _window(debrief)
        listed = shown.index("SOURCES")
        numbers = {s.number for s in debrief.sources}
        assert len(numbers) == len(debrief.sources)  # the scenario's numbers, gaps and all
        assert _cited(shown[:listed]) == numbers


def test_a_scenario_with_little_to_tell_has_only_the_sections_it_fills(mini):
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import NO_HISTORY, edited_mini

    invented = load_scenario_bytes(edited_mini(*NO_HISTORY).encode(), "invented.yaml").scenario
    debrief = build_debrief(invented, play(invented, 3, scripted(["end"] * 4)).final, seed=3)
    assert [s.key for s in report_sections(debrief)] == [
        "front",
        "ending",
        "days",
        "hidden",
        "sources",
    ]
    assert report_sections(debrief) == report_sections(debrief)  # pure: the same every time


def test_a_class_vote_names_its_choice_once():
    """A vote supplied by another shell, without ballots: its choice once, with its share and
    the other choices' votes; one with no choice made keeps its tally (teacher's review)."""
    from game.debrief.model import Vote
    from game.debrief.sections import vote_summary

    accept = Vote(question="Accept?", tally={"Yes": 12, "No": 9, "Abstain": 0}, chosen="Yes")
    assert vote_summary(accept) == "Accept? Yes \u2014 12 of 21 votes; other votes: No \u2014 9."
    assert (
        vote_summary(Vote(question="Which?", date="1935-06-01", tally={"A": 5}, chosen="A"))
        == "1 June 1935 \u00b7 Which? A \u2014 5 of 5 votes (unanimous)."
    )
    assert vote_summary(Vote(question="Which?", tally={"A": 1}, chosen="A")) == (
        "Which? A \u2014 1 vote."
    )
    assert vote_summary(Vote(question="Refuse?", tally={"yes": 3, "no": 1})) == (
        "Refuse? yes: 3, no: 1."
    )
