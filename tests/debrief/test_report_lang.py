"""The HTML report marks runs of Chinese characters and Japanese kana with their language.

Teacher's report review: the page is English (`<html lang="en">`), so browsers drew Chinese titles
in whatever font came first and screen readers read them with an English voice. Runs of Chinese
characters now sit in `<span lang="zh">` (or the language a source or the scenario declares), runs
with kana in `<span lang="ja">`; the marks go on text only, after escaping, never into a tag, an
attribute or an entity.
"""

from __future__ import annotations

import html
import re

import pytest
import yaml

from game.analysis.policies import historical
from game.analysis.replay import play
from game.debrief import build_debrief, render_html, render_markdown

ZH_TITLE = "何梅协定 (memorandum of 9 June), Chinese Wikisource"
JA_TITLE = "内田尚孝「『梅津何応欽協定』再考」『アジア研究』50-3 (2004)"
JA_KANJI_TITLE = "Japanese Foreign Ministry text 梅津=何応欽協定 & its demands"
ZH_URL = "https://zh.wikisource.org/wiki/何梅协定"


def _scenario(*, characters_lang: str | None = None, note: str = "The note was delivered."):
    """The mini scenario, whose history cites a Chinese, a Japanese and a kanji-only Japanese
    source (the last declaring its language), with a history note of `note`."""
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import FIXTURES

    data = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    data["sources"].update(
        {
            "ZH": {"title": ZH_TITLE, "url": ZH_URL, "kind": "primary"},
            "JA": {"title": JA_TITLE, "kind": "secondary", "note": "日本語の論文"},
            "MOFA": {"title": JA_KANJI_TITLE, "kind": "primary", "lang": "ja"},
        }
    )
    if characters_lang is not None:
        data["characters_lang"] = characters_lang
    data["history"] = [
        {"date": "1935-06-01", "title": "何應欽 answers", "text": note, "sources": ["ZH", "JA"]},
        {
            "date": "1935-06-02",
            "title": "The memorandum (覚書)",
            "text": "Handed over.",
            "sources": ["MOFA"],
        },
    ]
    return load_scenario_bytes(
        yaml.safe_dump(data, allow_unicode=True).encode(), "lang.yaml"
    ).scenario


def _page(scenario) -> str:
    return render_html(build_debrief(scenario, play(scenario, 1935, historical).final, seed=1935))


def _source(page: str, number: int) -> str:
    return re.search(rf'<li id="source-{number}" value="{number}">.*?</li>', page).group(0)


@pytest.fixture(scope="module")
def page():
    return _page(_scenario())


def test_a_chinese_title_sits_in_a_span_with_lang_zh(page):
    assert (
        '<cite><span lang="zh">何梅协定</span> (memorandum of 9 June), Chinese Wikisource</cite>'
        in page
    )


def test_a_run_with_kana_is_japanese(page):
    run = html.escape("内田尚孝「『梅津何応欽協定』再考」『アジア研究』")
    assert f'<cite><span lang="ja">{run}</span>50-3 (2004)</cite>' in page
    assert '— <span lang="ja">日本語の論文</span>' in page  # its note too


def test_kanji_without_kana_take_the_language_their_source_declares(page):
    assert (
        '<cite>Japanese Foreign Ministry text <span lang="ja">梅津=何応欽協定</span> &amp; its demands</cite>'
        in page
    )


def test_kanji_without_kana_elsewhere_are_chinese_by_default(page):
    assert '<strong><span lang="zh">何應欽</span> answers</strong>' in page
    # kanji-only, in the scenario's own words, with a form only Japanese writes (覚: Chinese
    # writes 覺 or 觉): Japanese, whatever is declared (teacher's review: read as Mandarin)
    assert '<strong>The memorandum (<span lang="ja">覚書</span>)</strong>' in page


def test_a_scenario_can_declare_the_language_of_its_characters():
    page = _page(_scenario(characters_lang="zh-Hant"))
    assert '<span lang="zh-Hant">何應欽</span> answers' in page
    assert '<span lang="ja">梅津=何応欽協定</span>' in page  # a source's own language comes first
    assert '<span lang="ja">内田尚孝' in page  # kana are Japanese, whatever is declared


def test_marks_go_on_text_never_into_a_tag_an_attribute_or_the_title(page):
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n')
    # the address stays whole in its href; its words on the page are marked
    assert (
        f'<a href="{html.escape(ZH_URL)}">https://zh.wikisource.org/wiki/<span lang="zh">何梅协定</span></a>'
        in page
    )
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<span" not in title
    for tag in re.findall(r"<[^>]*>", page):
        assert "lang=" not in tag or re.fullmatch(r'<(span|html) lang="[A-Za-z-]+">', tag), tag
    # every run of CJK characters on the page (outside the head) is inside a span with lang
    body = page.split("<body>", 1)[1]
    unmarked = re.sub(r"<[^>]*>", "", re.sub(r'<span lang="[^"]+">[^<]*</span>', "", body))
    assert not re.search(r"[\u3040-\u30ff\u3400-\u9fff]", unmarked)


def test_escaping_holds_around_the_marks():
    page = _page(_scenario(note='<b>粗</b> & "何" <script>alert(1)</script>'))
    assert "<b>" not in page and "<script>" not in page
    assert (
        '&lt;b&gt;<span lang="zh">粗</span>&lt;/b&gt; &amp; &quot;<span lang="zh">何</span>&quot; '
        "&lt;script&gt;alert(1)&lt;/script&gt;"
    ) in page


def test_the_markdown_report_is_left_as_it_was():
    scenario = _scenario()
    text = render_markdown(
        build_debrief(scenario, play(scenario, 1935, historical).final, seed=1935)
    )
    assert "lang=" not in text and f"*{ZH_TITLE}*" in text


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Chiang (蒋介石) wrote", 'Chiang (<span lang="zh">蒋介石</span>) wrote'),
        # digits written onto a run, and punctuation between its characters, stay in it; a
        # space ends it
        ("新浪 1935年7月6日", '<span lang="zh">新浪</span> <span lang="zh">1935年7月6日</span>'),
        (
            "张皓「“日本天津军”:1935年」2018-3",
            '<span lang="zh">张皓「“日本天津军”:1935年」</span>2018-3',
        ),
        ("梅津・何應欽協定", '<span lang="zh">梅津・何應欽協定</span>'),  # ・ is not kana
        # a form only Japanese writes makes the run Japanese (応: Chinese writes 應 or 应)
        ("梅津・何応欽協定", '<span lang="ja">梅津・何応欽協定</span>'),
        (
            "Hata 『日中戦争史』 and 张篷舟",
            'Hata <span lang="ja">『日中戦争史』</span> and <span lang="zh">张篷舟</span>',
        ),
        ("申合", '<span lang="zh">申合</span>'),  # no such form: what is declared decides
        ("「支那駐屯軍の増兵」", '<span lang="ja">「支那駐屯軍の増兵」</span>'),
        ("a「」b", "a「」b"),  # CJK punctuation alone names no language
        ("&amp;何&amp;", '&amp;<span lang="zh">何</span>&amp;'),
        ("no characters", "no characters"),
    ],
)
def test_runs_are_marked_by_the_rule(text, marked):
    from game.debrief.lang import mark_text

    assert mark_text(text) == marked


def test_a_declared_language_decides_kanji_only_and_a_non_cjk_one_does_not():
    from game.debrief.lang import kanji_lang, mark_text

    assert mark_text("高橋坦", kanji_lang("ja", "zh")) == '<span lang="ja">高橋坦</span>'
    assert kanji_lang("en", "zh-Hant") == "zh-Hant" and kanji_lang("", "zh") == "zh"
    assert mark_text("高橋の坦", "zh-Hant") == '<span lang="ja">高橋の坦</span>'


def test_taking_the_marks_away_gives_back_the_page_unmarked(monkeypatch):
    from game.debrief import html as report

    scenario = _scenario(note='何 & <i>梅</i> "協定" src=x url(y) 1935年 の')
    debrief = build_debrief(scenario, play(scenario, 1935, historical).final, seed=1935)
    marked = render_html(debrief)
    monkeypatch.setattr(report, "mark_html", lambda markup, kanji: markup)
    monkeypatch.setattr(report, "mark_text", lambda text, kanji: text)
    unmarked = render_html(debrief)
    assert marked != unmarked
    assert re.sub(r'<span lang="[a-zA-Z-]+">([^<]*)</span>', r"\1", marked) == unmarked


def test_the_he_umezu_report_marks_its_chinese_and_japanese_sources():
    from game.cli import DEFAULT_SCENARIO
    from game.scenario.load import load_scenario

    page = _page(load_scenario(DEFAULT_SCENARIO).scenario)
    assert '<span lang="zh">何梅协定</span> (memorandum of 9 June), Chinese Wikisource' in page
    # the Foreign Ministry's text is Japanese, though its title's characters have no kana
    assert 'Japanese Foreign Ministry text <span lang="ja">梅津=何応欽協定</span>' in page


@pytest.mark.parametrize("name", ["chahar_1935", "nanjing_free_hand", "tutorial", "he_umezu_1935"])
def test_every_scenario_declares_the_foreign_ministrys_text_japanese(name):
    from game.scenario.load import load_scenario
    from tests.conftest import ROOT

    scenario = load_scenario(ROOT / "scenarios" / f"{name}.yaml").scenario
    assert scenario.sources["MOFA"].lang == "ja"
