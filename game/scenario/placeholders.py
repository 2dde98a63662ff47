"""Placeholders from Ink or Twine in texts: `Tension is {tension}`, `{{resolve}}`, `$tension`.

The game shows a text as written and never puts a value in, so the player would read the braces
(docs/authoring.md, "Coming from Ink or Twine"). Only prose is checked (the fields the model marks
`Prose`); an id, an expression or an address is not shown to the player.

Which words count: in double braces, `{{word}}` (or `{{ word }}`), any identifier, since double
braces have no use in prose. A single brace or a dollar has: an editor's `{sic}`, the capitals
`{Manchurian}` a BibTeX title protects, `$Mex 500,000` for the silver dollars of 1930s China. So
`{word}` and `$word` count only when the word is a name the game knows, as an expression reads it:
the id of a stat, flag, hidden value or actor, or a name every expression reads (day, date ...).
That is the placeholder an author brings from Ink or Twine (`{tension}` for a stat `tension`),
and prose naming one of them that way by chance is unlikely; `$5` is no identifier at all.
"""

from __future__ import annotations

import re
from typing import Any

from game.scenario.expr.symbols import BUILTIN_NAMES
from game.scenario.fields import is_prose, texts
from game.scenario.source import Diagnostic, SourceSpan
from game.scenario.yaml_source import Path, YamlDocument

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
# the braces' own words first: `{{tension}}` is one placeholder, not `{tension}` inside braces
_PLACEHOLDER = re.compile(
    rf"\{{\{{ *(?P<any>{_NAME}) *\}}\}}|\{{(?P<brace>{_NAME})\}}|\$(?P<dollar>{_NAME})"
)
_NAMES = ("stats", "flags", "hidden", "actors")  # the sections whose ids expressions read
_MESSAGE = "'{}' is shown as written: texts are plain, and a value is never put in"
_HINT = "say it in words, or write a text for each case as its own event"


def placeholders_in_texts(document: YamlDocument) -> list[Diagnostic]:
    """A warning at each placeholder in a text that people read."""
    names = _known_names(document.data)
    found = []
    for path, text in texts(document.data):
        matches = list(_PLACEHOLDER.finditer(text))
        if not any(_counts(m, names) for m in matches) or not is_prose(path):
            continue
        for match, span in zip(matches, _written_at(document, path, text, matches), strict=True):
            if _counts(match, names):
                found.append(Diagnostic(span, _MESSAGE.format(match.group()), "warning", _HINT))
    return found


def _known_names(data: Any) -> set[str]:
    """The names an expression in this file may read (read from the data: this check runs even
    when the file's sections do not yet have the right shape)."""
    names = set(BUILTIN_NAMES)
    for section in _NAMES:
        declared = data.get(section) if isinstance(data, dict) else None
        if isinstance(declared, dict):
            names.update(key for key in declared if isinstance(key, str))
    return names


def _counts(match: re.Match[str], names: set[str]) -> bool:
    return match.group("any") is not None or match.group(match.lastgroup or "") in names


def _written_at(
    document: YamlDocument, path: Path, text: str, matches: list[re.Match[str]]
) -> list[SourceSpan]:
    """Where each placeholder was written. A placeholder has no space, so YAML never folds a line
    inside one, nor an escape or a quote: its n-th match in the lines the text was written on is
    its n-th match in the text, whatever the escapes, folds and indentation before it (a comment
    after the text comes after it, and one after a block's `|` or `>` is left out). Should they
    not agree (a placeholder written with an escape such as `\\u0024`), the place is worked out
    from the text as for an expression, which counts `\\"` as the one character it gives."""
    start = document.span(path)
    first, last, style = document.extents.get(tuple(path), (start.line, start.line, ""))
    begin = first + 1 if style in ("|", ">") else first
    written = [
        (SourceSpan(start.file, n, match.start() + 1), match.group())
        for n in range(begin, last + 1)
        for match in _PLACEHOLDER.finditer(_line(document, n))
        if n > start.line or match.start() >= start.col - 1
    ]
    if [shown for _, shown in written[: len(matches)]] == [match.group() for match in matches]:
        return [span for span, _ in written[: len(matches)]]
    return [document.locate(path, 1, match.start()) for match in matches]


def _line(document: YamlDocument, number: int) -> str:
    return document.lines[number - 1] if 0 < number <= len(document.lines) else ""
