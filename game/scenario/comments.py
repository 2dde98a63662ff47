"""Texts a YAML comment cut short: in an unquoted value, ' #' starts a comment, so
`text: The paper says #1 that ...` is read as "The paper says", without a word from YAML.

Only prose is checked (the fields the model marks `Prose`): after a number, an id or an expression
a comment is what the author meant, and a value in quotes or a `|` block keeps its '#'.
"""

from __future__ import annotations

from game.scenario.fields import is_prose
from game.scenario.source import Diagnostic, SourceSpan
from game.scenario.yaml_source import COMMENT_AFTER, YamlDocument, value_at

_SHOWN = 50  # the most characters of a text shown in the message


def texts_cut_short(document: YamlDocument) -> list[Diagnostic]:
    """A warning at the '#' of each comment that follows an unquoted text on its line."""
    found = []
    for path, (line, col) in document.plain_ends.items():
        written = document.lines[line] if line < len(document.lines) else ""
        comment = COMMENT_AFTER.match(written, col)
        if comment is None:  # most values: nothing follows them on their line
            continue
        value = value_at(document.data, path)
        if not isinstance(value, str) or not is_prose(path):
            continue
        found.append(
            Diagnostic(
                SourceSpan(document.file, line + 1, comment.end()),
                f"' #' starts a YAML comment, so this text ends at {_tail(value)}",
                "warning",
                "if the rest belongs to the text, put the whole text in quotes; "
                "if it is a note to yourself, put it on a line of its own",
            )
        )
    return found


def _tail(text: str) -> str:
    """The end of `text` in quotes, where it was cut: the last words of a long one."""
    if len(text) <= _SHOWN:
        return f'"{text}"'
    cut = text[-_SHOWN:]
    space = cut.find(" ")
    return f'"...{cut[space + 1 :] if 0 <= space < _SHOWN // 2 else cut}"'
