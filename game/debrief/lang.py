"""Language marks for the HTML report: runs of Chinese characters and of Japanese kana carry `lang`.

The report's page is English (`<html lang="en">`). Without a mark, a browser draws Chinese and
Japanese characters in whatever font it finds first (a Japanese form of a Chinese character, or
the reverse) and a screen reader reads them with an English voice, or not at all.

The rule, for each run of CJK characters (Chinese characters, kana and CJK punctuation such as
「」《》、; digits written onto a run and ASCII punctuation, quotes and dashes between two of its
characters stay in it, as in "1935年7月6日", "梅津=何応欽協定" or "「“日本天津军的谋略”:1935年」", while a
space or a Latin letter ends it):

  * A run with kana in it (hiragana or katakana) is Japanese: `lang="ja"`, whatever is declared.
    The katakana middle dot ・ does not count: Chinese writes it too.
  * So is a run with a character only Japanese writes (`JAPANESE_FORMS`: the simplified forms
    Japan adopted in 1946, where Chinese writes another form, traditional or simplified, as 覚
    for 覺/觉 or 応 for 應/应): 覚書, 何応欽, 『日中戦争史』. The list holds only forms that no
    Chinese standard uses, so this is a fact about the characters, not a guess.
  * A run of Chinese characters without kana cannot tell by itself whether it is Chinese or
    Japanese kanji (梅津 is the same either way), so a declaration decides, not a guess: the
    language its source declares (`Source.lang`), for a source's own title and note, when that
    is Chinese, Japanese or Korean (zh..., ja..., ko...); else the language the scenario declares
    for its characters (`Scenario.characters_lang`); else zh (Chinese, Simplified).
  * CJK punctuation alone ("「」") names no language and is left as it is; so is Hangul (no
    scenario has any).

The marks are put on text only, after it is escaped: an entity (`&amp;`) is all ASCII, so a mark,
which always sits next to a CJK character, never falls inside one; `mark_html` leaves tags and
their attributes (an `href` with Chinese in it) as they are, and the text of `<title>` (which can
hold no markup), `<style>`, `<script>` and of a span already marked.
"""

from __future__ import annotations

import re

DEFAULT = "zh"

_HAN = (
    "\u2e80-\u2fdf"  # radicals
    "\u3005-\u3007\u3021-\u3029\u3038-\u303b"  # 々〆〇, Suzhou numerals
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003134f"
)
_KANA = (
    "\u3041-\u3096\u3099-\u309f"  # hiragana
    "\u30a0-\u30fa\u30fc-\u30ff"  # katakana, less the middle dot
    "\u31f0-\u31ff\uff66-\uff9f\U0001b000-\U0001b16f"
)
_PUNCTUATION = (
    "\u3000-\u3004\u3008-\u3020\u302a-\u3037\u303c-\u303f"  # 、。「」『』《》〈〉【】〜...
    "\u30fb\ufe30-\ufe4f\uff01-\uff65\uffe0-\uffee"  # ・, vertical and fullwidth forms
)
_LETTER = f"[{_HAN}{_KANA}]"
_CJK = f"[{_HAN}{_KANA}{_PUNCTUATION}]"
# between two CJK characters: digits, ASCII punctuation and the quotes and dashes Chinese writes
# (“”‘’—…·), never a space, a letter, or what an escaped text's entities are made of
_BRIDGE = "[0-9!#$%()*+,\\-./:;=?@\\[\\\\\\]^_`{|}~\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]"
# a run: digits written onto it ("1935年"), CJK punctuation, then a character and what follows
_RUN = re.compile(f"[0-9]*[{_PUNCTUATION}]*{_LETTER}(?:{_CJK}|{_BRIDGE}+(?={_CJK}))*")
# Forms only Japanese writes (shinjitai whose Chinese forms differ, traditional and simplified
# alike): kept to those the shipped scenarios use or are likely to, and to none that Chinese
# also writes (浜 and 円 exist in Chinese, so they are not here)
JAPANESE_FORMS = "覚戦駅県沢関広図売読歩黒気発変応団総経続満"
_IS_JAPANESE = re.compile(f"[{_KANA}{JAPANESE_FORMS}]")
_CJK_LANGUAGE = re.compile(r"^(zh|ja|ko)(-[A-Za-z0-9]{2,8})*$")

_TAG = re.compile(r"<[^>]*>")
_NAME = re.compile(r"</?([A-Za-z0-9]+)")
_UNMARKED = frozenset({"title", "style", "script", "textarea"})


def kanji_lang(declared: str, fallback: str = DEFAULT) -> str:
    """The language for runs of Chinese characters without kana: `declared` (a source's own
    `lang`) when it is Chinese, Japanese or Korean, else `fallback` (the scenario's)."""
    return declared if _CJK_LANGUAGE.match(declared) else fallback


def mark_text(escaped: str, kanji: str = DEFAULT) -> str:
    """Escaped text without markup, each run of CJK characters in a `<span lang>`: "ja" for a
    run with kana or a form only Japanese writes, `kanji` for any other (see the module's rule; a `kanji` that is not a
    Chinese, Japanese or Korean language tag counts as zh)."""
    kanji = kanji_lang(kanji)
    return _RUN.sub(lambda m: _span(m.group(0), kanji), escaped)


def mark_html(markup: str, kanji: str = DEFAULT) -> str:
    """`mark_text` on the text of escaped HTML: tags and attributes stay as they are, and so does
    the text of `<title>`, `<style>`, `<script>`, `<textarea>` and of a `<span lang>` already in it
    (a source marked with its own language)."""
    out: list[str] = []
    closing = ""  # the end tag that ends a stretch left unmarked ("" outside one)
    position = 0
    for match in _TAG.finditer(markup):
        text = markup[position : match.start()]
        out.append(text if closing else mark_text(text, kanji))
        tag = match.group(0)
        out.append(tag)
        position = match.end()
        name = _NAME.match(tag)
        if name is None:  # <!DOCTYPE ...>
            continue
        element = name.group(1).lower()
        if closing:
            closing = "" if tag.startswith("</") and element == closing else closing
        elif not tag.startswith("</") and (
            element in _UNMARKED or (element == "span" and " lang=" in tag)
        ):
            closing = element
    rest = markup[position:]
    out.append(rest if closing else mark_text(rest, kanji))
    return "".join(out)


def _span(run: str, kanji: str) -> str:
    lang = "ja" if _IS_JAPANESE.search(run) else kanji
    return f'<span lang="{lang}">{run}</span>'
