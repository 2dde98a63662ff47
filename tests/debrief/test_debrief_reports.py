"""The Markdown and HTML reports: every day, its sources, escaping, and nothing fetched from outside."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from game.analysis.policies import historical
from game.analysis.replay import play, scripted
from game.debrief import build_debrief, render_html, render_markdown
from game.engine.dates import long_date

EXTERNAL = ("src=", "<link", "@import", "url(")


def assert_self_contained(page: str) -> None:
    lowered = page.lower()
    for marker in EXTERNAL:
        assert marker not in lowered, marker
    assert "<script" not in lowered


class _Balance(HTMLParser):
    VOID = {"meta", "br", "hr", "img", "input", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def _debrief(scenario, *, keys=None, seed=1935, **kw):
    policy = historical if keys is None else scripted(keys)
    return build_debrief(scenario, play(scenario, seed, policy).final, seed=seed, **kw)


def _cited(text: str) -> set[int]:
    """The source numbers the plain brackets in this Markdown cite ("[2,5-8]")."""
    numbers: set[int] = set()
    for bracket in re.findall(r"\[([0-9][0-9,\-]*)\]", text):
        for piece in bracket.split(","):
            first, _, last = piece.partition("-")
            numbers.update(range(int(first), int(last or first) + 1))
    return numbers


def test_markdown_has_every_day_with_its_sources(rich):
    debrief = _debrief(rich, player_name="Ann Lee", played_on="2025-03-14")
    text = render_markdown(debrief)
    for day in debrief.days:
        assert f"### Day {day.day}: {long_date(day.date)}" in text
    assert [day.date for day in debrief.days] == [dt.date(1935, 6, d) for d in (1, 2, 3)]
    for source in debrief.sources:
        assert f"\n[{source.number}] *{source.title}*" in text
    t2 = next(s for s in debrief.sources if s.tag == "T2")
    assert "<https://example.org/second>" in text
    # the note of 3 June cites T2 within that day's section
    day3 = text.split("### Day 3:")[1].split("\n## ")[0]
    assert "**Third day**" in day3 and t2.number in _cited(day3) and "Who spoke first." in day3
    for needle in (
        "Ann Lee",
        "Seed:** 1935",
        "2025-03-14",
        "Appeasement",
        "Background",
        "Earlier",
        "how it really went on",
        "The letter",
        "Was it an agreement?",
        "Who gained time?",
        "Mood in Tokyo:** restless",
    ):
        assert needle in text, needle
    assert "Practice game" not in text
    assert "Your decisions followed the historical record." in text


def test_markdown_lists_divergences_and_practice(mini):
    text = render_markdown(
        _debrief(
            mini.scenario, keys=["first:refuse", "end", "ultimatum:accept"], seed=2, practice=True
        )
    )
    assert "Practice game" in text
    assert (
        "**1 June 1935 · Answer.** You answered 'First demand': Refuse. History answered: Accept."
        in text
    )
    assert (
        "**1 June 1935 · Not done.** You did not: Talk to the envoy. History did it that day."
        in text
    )


def test_markdown_neutralises_html_in_a_name(mini):
    text = render_markdown(_debrief(mini.scenario, player_name="<script>alert(1)</script>"))
    assert (
        re.search(r"(?<!\\)<", text) is None
    )  # mini has no URL autolinks: any "<" here is from the name
    assert "**Student:** \\<script>alert(1)\\</script>" in text


def test_html_has_every_day_with_its_sources_and_is_self_contained(rich):
    debrief = _debrief(rich, player_name="Ann Lee", played_on="2025-03-14")
    page = render_html(debrief)
    for day in debrief.days:
        assert f'id="day-{day.date.isoformat()}"' in page
        assert f"Day {day.day}: {long_date(day.date)}" in page
    for source in debrief.sources:
        assert (
            f'<li id="source-{source.number}" value="{source.number}"><cite>{source.title}</cite>'
            in page
        )
    assert '<a href="https://example.org/second">https://example.org/second</a>' in page
    day3 = page.split('id="day-1935-06-03"')[1].split("</section>")[0]
    t2 = next(s for s in debrief.sources if s.tag == "T2")
    assert "Third day" in day3 and f'href="#source-{t2.number}"' in day3
    assert_self_contained(page)
    # a hostile URL is shown, not linked; fetching syntax in authored text is broken up
    assert 'href="javascript' not in page and "javascript:alert(1)" in page
    assert "see url&#40;x) and src&#61;y" in page
    checker = _Balance()
    checker.feed(page)
    assert checker.errors == [] and checker.stack == []


def test_html_escapes_a_script_in_the_name(mini):
    page = render_html(_debrief(mini.scenario, player_name='<script>alert("x")</script>'))
    assert "<script" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert_self_contained(page)


def test_html_prints_on_a4_and_letter(mini):
    page = render_html(_debrief(mini.scenario))
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    # no paper size: the printer's own (a size set here hides Chrome's choice of Letter paper;
    # teacher's report review)
    assert "@page { margin: 18mm; }" in style and "A4" not in style
    assert "break-inside: avoid" in style and "@media print" in style
    assert all(
        int(mm) <= 180 for mm in re.findall(r"(\d+)mm", style)
    )  # nothing wider than Letter's text block
    assert page.count("<style>") == 1 and "<link" not in page


def test_practice_notice_and_divergences_in_html(mini):
    page = render_html(_debrief(mini.scenario, keys=["first:refuse"], seed=2, practice=True))
    assert "Practice game" in page
    assert "You answered &#x27;First demand&#x27;: Refuse." in page


def test_a_divergence_names_history_s_days_as_the_game_writes_dates(mini):
    # final QA: "History did this on 1935-06-01, not this day." beside "1 June 1935" elsewhere
    text = render_markdown(_debrief(mini.scenario, keys=["end", "talk", "end", "end"], seed=2))
    assert "History did this on 1 June 1935, not this day." in text
    assert "1935-06-0" not in text.split("## Where you left history")[1].split("##")[0]


def test_a_scenario_that_records_no_history_is_not_compared_with_history(mini):
    """An invented scenario: no 'Where you left history', no 'not the historical ending', no
    'No historical note for this day' in any form of the report or in the window; the mini
    scenario, which records history, keeps them all."""
    from game.analysis.policies import uniform
    from game.analysis.replay import play
    from game.debrief import build_debrief, render_html, render_markdown
    from game.scenario.load import check_scenario_bytes
    from game.text.debrief_view import debrief_lines
    from game.text.style import Style
    from game.ui.scenes.ending import DebriefScene
    from tests.conftest import NO_HISTORY, edited_mini

    invented = edited_mini(*NO_HISTORY)
    made_up, diagnostics = check_scenario_bytes(invented.encode(), "invented.yaml")
    assert made_up is not None, [str(d) for d in diagnostics]
    shown = ("where you left history", "historical ending")  # in every form, for the mini
    history_words = (*shown, "historical note", "historical record")
    for scenario, compared in ((made_up, False), (mini.scenario, True)):
        final = play(scenario, 3, uniform).final
        debrief = build_debrief(scenario, final, seed=3)
        assert debrief.has_history is compared
        window = DebriefScene()
        window.debrief, window.saved = debrief, ""
        forms = {
            "markdown": render_markdown(debrief),
            "html": render_html(debrief),
            "terminal": "\n".join(debrief_lines(debrief, Style(plain=True))),
            "window": "\n".join(text for _, text in window.paragraphs()),
        }
        for name, text in forms.items():
            for words in shown if compared else history_words:
                assert (words in text.lower()) is compared, (name, words, compared)


def test_a_cabinets_votes_name_each_choice_once_in_every_report(mini):
    """Teacher's review: "advisers 1: Sakai's notice of 29 May: Reject …; 2: Sakai's notice of 29
    May: Reject …. Sakai's notice of 29 May: Reject …: 2. Chosen: Sakai's notice of 29 May:
    Reject … (2 of 2 votes)." Each form of the report names a choice once."""
    import html

    from game.text.cabinet import VoteRecord, debrief_votes
    from game.text.debrief_view import debrief_lines
    from game.text.style import Style
    from game.ui.scenes.ending import DebriefScene

    reject = "Sakai's notice of 29 May: Reject the notice as interference in China's affairs"
    records = [
        VoteRecord(1, "29 May 1935", (reject, reject), reject, 2, False),
        VoteRecord(2, "30 May 1935", ("Talk", "End the day", "Talk"), "Talk", 2, False),
        VoteRecord(3, "31 May 1935", ("End the day", "Talk"), "End the day", 1, True),
    ]
    debrief = _debrief(mini.scenario, votes=debrief_votes(records))
    said = [
        f"Day 1 (29 May 1935): {reject} \u2014 2 of 2 votes (unanimous).",
        "Day 2 (30 May 1935): Talk \u2014 2 of 3 votes (advisers 1 and 3); other votes: End the "
        "day \u2014 1 (adviser 2).",
        "Day 3 (31 May 1935): End the day \u2014 1 of 2 votes (adviser 1), tie broken by adviser "
        "1; other votes: Talk \u2014 1 (adviser 2).",
    ]
    window = DebriefScene()
    window.debrief, window.saved = debrief, ""
    forms = {
        "markdown": render_markdown(debrief),
        "html": html.unescape(render_html(debrief)),
        "terminal": "\n".join(debrief_lines(debrief, Style(plain=True))),
        "window": "\n".join(text for _, text in window.paragraphs()),
    }
    for name, text in forms.items():
        flat = " ".join(text.split())  # the terminal's lines wrapped
        assert flat.count("Reject the notice") == 1, name
        for vote in said:
            assert vote in flat, (name, vote)


def test_a_teachers_inject_is_marked_as_such_in_every_report(mini):
    # play-test: a released inject was listed under "In the game" as if the scenario had sent it
    from game.debrief.model import TEACHERS_INJECT
    from game.text.debrief_view import debrief_lines
    from game.text.style import Style

    debrief = _debrief(
        mini.scenario, keys=["inject:rumour_of_war", "first:accept", "end", "ultimatum:accept"]
    )
    (item,) = [h for h in debrief.days[0].happenings if h.title == "Rumours of war in the bazaar"]
    assert item.teacher
    assert not any(h.teacher for day in debrief.days for h in day.happenings if h is not item)
    assert f"- Rumours of war in the bazaar *({TEACHERS_INJECT})*" in render_markdown(debrief)
    assert (
        f'<li>Rumours of war in the bazaar <span class="teacher">({TEACHERS_INJECT})</span>'
        in render_html(debrief)
    )
    screen = "\n".join(debrief_lines(debrief, Style(plain=True)))
    assert f"- Rumours of war in the bazaar ({TEACHERS_INJECT})" in screen


def test_days_without_a_council_are_not_counted_as_missed(mini):
    # play-test: a lesson-mode report said "Not done" of days that lesson mode had passed
    from game.debrief.model import council_facts

    keys = ["first:accept", "end", "end", "ultimatum:accept"]  # day 1 without talking
    blamed = _debrief(mini.scenario, keys=keys)
    assert [d.date for d in blamed.divergences if d.kind == "missed_action"] == [
        dt.date(1935, 6, 1)
    ]
    passed = _debrief(mini.scenario, keys=keys, passed_days=[1, 2])
    assert not [d for d in passed.divergences if d.kind == "missed_action"]
    assert [day.council for day in passed.days] == ["passed", "passed", "held"]
    assert council_facts(passed) == [("Lesson mode", "days 1\u20132 passed without a council")]
    timed = _debrief(mini.scenario, keys=keys, timed_out_days=[1])
    (missed,) = [d for d in timed.divergences if d.kind == "missed_action"]
    assert missed.you == "You did not: Talk to the envoy. The council's time ran out that day."
    assert council_facts(timed) == [("Council time ran out", "on day 1")]
    assert council_facts(blamed) == []


def test_weak_sources_are_named_but_not_linked(mini):
    # teacher's review, finding 5: the student's HTML report gave live links to mirror and
    # novel sites the scenario marks weak; primary, secondary and tertiary ones keep theirs
    from game.debrief.html import esc
    from game.debrief.model import WEAK_NOTE
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    text = edited_mini(
        (
            "  T1: {title: Test source, kind: primary}\n",
            '  T1: {title: A novel site, url: "https://novels.example/ch1.html", kind: weak}\n'
            '  T2: {title: An archive, url: "https://archive.example/doc", kind: primary}\n'
            '  T3: {title: A mirror, url: "https://mirror.example/wiki", kind: tertiary}\n',
        ),
        (
            "text: A note was delivered., sources: [T1]}",
            "text: A note was delivered., sources: [T1, T2, T3]}",
        ),
    )
    scenario = load_scenario_bytes(text.encode(), "weak.yaml").scenario
    debrief = _debrief(scenario)
    assert {s.tag: s.kind for s in debrief.sources} == {
        "T1": "weak",
        "T2": "primary",
        "T3": "tertiary",
    }
    page = render_html(debrief)
    assert 'href="https://novels.example' not in page
    assert (
        "<cite>A novel site</cite> (weak source, not linked) "
        '<span class="address">https://novels.example/ch1.html</span>' in page
    )
    for url in ("https://archive.example/doc", "https://mirror.example/wiki"):
        assert f'<a href="{url}">{url}</a>' in page
    assert page.count(esc(WEAK_NOTE)) == 1
    markdown = render_markdown(debrief)
    assert "<https://novels.example" not in markdown
    assert "*A novel site* (weak source, not linked) `https://novels.example/ch1.html`" in markdown
    assert "<https://archive.example/doc>" in markdown
    assert "<https://mirror.example/wiki>" in markdown
    assert markdown.count(WEAK_NOTE) == 1
    # a report without weak sources has no such note
    assert WEAK_NOTE not in render_markdown(_debrief(mini.scenario))
    assert esc(WEAK_NOTE) not in render_html(_debrief(mini.scenario))


def test_markdown_sources_and_what_really_happened_read_outside_github(rich):
    # teacher's report review: in CommonMark readers other than GitHub's (VS Code, markdown-it)
    # the source lines ran into one paragraph, and "What really happened" joined the line above
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    noted = ("    historical_dates: [1935-06-01]\n", '    historical_note: "A note."\n')
    scenario = load_scenario_bytes(edited_mini(noted).encode(), "noted.yaml").scenario
    text = render_markdown(_debrief(scenario, keys=["talk", "end"], seed=2))
    lines = text.splitlines()
    told = [i for i, line in enumerate(lines) if "*What really happened:*" in line]
    assert told and all(lines[i - 1].endswith(" \\") for i in told)
    # two sources or more, each a paragraph (the last line of the report is one too)
    text = render_markdown(_debrief(rich))
    lines = text.splitlines()
    notes = [i for i, line in enumerate(lines) if re.match(r"\[\d+\] ", line)]
    assert len(notes) >= 2 and all(lines[i + 1] == "" for i in notes[:-1])
    assert notes[-1] == len(lines) - 1 or lines[notes[-1] + 1] == ""


def test_each_reflection_question_has_room_for_the_answer(rich):
    # teacher's report review: seven questions and nowhere to answer them
    debrief = _debrief(rich)
    assert debrief.questions
    assert render_markdown(debrief).count("    *Your answer:*") == len(debrief.questions)
    page = render_html(debrief)
    assert page.count('<div class="answer"') == len(debrief.questions)
    assert ".answer { min-height" in page


def test_html_falls_back_to_traditional_chinese_and_japanese_fonts(mini):
    # teacher's report review: 國權報 and 覚書 had Simplified Chinese fonts only to fall back on
    page = render_html(_debrief(mini.scenario))
    for font in ('"Noto Serif CJK TC"', "PMingLiU", '"Noto Serif CJK JP"', '"Yu Mincho"'):
        assert font in page


def test_the_answer_stays_inside_its_item_from_question_ten_on(rich):
    # review: a three-space indent is too short under "10. ", and the list broke there
    debrief = _debrief(rich)
    many = debrief.model_copy(update={"questions": [f"Question {n}?" for n in range(1, 12)]})
    lines = render_markdown(many).splitlines()
    ten = lines.index("10. Question 10?")
    assert lines[ten + 2] == "    *Your answer:*"
    # four spaces under 9. too: Python-Markdown ends an item at three, and each question had
    # been a list of its own there (known and left in earlier notes)
    assert lines[lines.index("9. Question 9?") + 2] == "    *Your answer:*"


def test_the_html_report_opens_with_links_to_its_sections(tmp_path):
    # teacher's review: the disputes and the questions came after some 5,000 words of days
    import re

    from game.cli import main

    path = tmp_path / "h.html"
    assert main(["replay", "he_umezu_1935", "--historical", "--report", str(path)]) == 0
    page = path.read_text(encoding="utf-8")
    nav = page[page.index('<nav aria-label="Contents">') : page.index("</nav>")]
    targets = re.findall(r'href="#([a-z_]+)"', nav)
    assert {"days", "disputes", "questions", "sources"} <= set(targets)
    for key in targets:  # each link has its section
        assert f'<section id="{key}">' in page
    assert page.index("</nav>") < page.index('<section id="days">')
