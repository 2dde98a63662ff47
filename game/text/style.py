"""How text looks: ANSI colour (only on a TTY, never with --plain or NO_COLOR), rules, wrapping."""

from __future__ import annotations

import textwrap
import unicodedata
from dataclasses import dataclass

_CODES = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "cyan": "36",
    "magenta": "35",
}


_WIDE_MARK = "\x00"  # never in a scenario's text (the YAML reader refuses NUL) or in argv


def columns(text: str) -> int:
    """The columns a terminal gives `text`: two for each wide (CJK) character, one for the rest."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_columns(
    text: str, width: int, initial_indent: str = "", subsequent_indent: str = ""
) -> list[str]:
    """`textwrap.wrap` by terminal columns rather than characters: a Chinese or Japanese
    character takes two columns, and lines counted in characters ran past the terminal's edge."""
    if text.isascii():
        return textwrap.wrap(
            text, width, initial_indent=initial_indent, subsequent_indent=subsequent_indent
        )
    # Each wide character is followed by a mark that textwrap counts as one more character; the
    # marks are removed after.
    marked = "".join(c + _WIDE_MARK if unicodedata.east_asian_width(c) in "WF" else c for c in text)
    wrapper = _ColumnWrapper(
        width, initial_indent=initial_indent, subsequent_indent=subsequent_indent
    )
    return [line.replace(_WIDE_MARK, "") for line in wrapper.wrap(marked)]


class _ColumnWrapper(textwrap.TextWrapper):
    """A TextWrapper for marked text (see wrap_columns) that breaks a word longer than the line
    (a run of Chinese has no spaces) without parting a wide character from its mark."""

    def _handle_long_word(
        self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int
    ) -> None:
        chunk = reversed_chunks[-1]
        end = 1 if width < 1 else width - cur_len
        if 0 < end < len(chunk) and chunk[end] == _WIDE_MARK:
            # the character before the cut needs one column more than is left: it goes to the
            # next line (or, on a line with nothing else on it, stays one column over)
            end = end - 1 if end > 1 or cur_line else end + 1
        cur_line.append(chunk[:end])
        reversed_chunks[-1] = chunk[end:]


@dataclass(frozen=True)
class Style:
    """`plain`: no colour, no box drawing, no decoration, for screen readers."""

    colour: bool = False
    plain: bool = False
    width: int = 78

    def paint(self, text: str, *names: str) -> str:
        if not self.colour or not text:
            return text
        codes = ";".join(_CODES[name] for name in names)
        return f"\x1b[{codes}m{text}\x1b[0m"

    def bold(self, text: str) -> str:
        return self.paint(text, "bold")

    def dim(self, text: str) -> str:
        return self.paint(text, "dim")

    def alert(self, text: str) -> str:
        return self.paint(text, "bold", "red")

    def heading(self, text: str) -> list[str]:
        """A section title; underlined with a rule unless plain."""
        if self.plain:
            return ["", text]
        return ["", self.bold(text), self.dim("\u2500" * min(self.width, columns(text)))]

    def banner(self, lines: list[str]) -> list[str]:
        """The day header: between double rules unless plain."""
        if self.plain:
            return ["", *lines]
        rule = self.paint("\u2550" * self.width, "cyan")
        return [
            "",
            rule,
            *(self.bold(line) if i == 0 else line for i, line in enumerate(lines)),
            rule,
        ]

    def wrap(self, text: str, indent: str = "    ", first: str | None = None) -> list[str]:
        """Wrap running text, keeping the author's paragraphs (blank lines); `first` starts the first line."""
        lines: list[str] = []
        for paragraph in text.strip().split("\n\n"):
            flowing = " ".join(paragraph.split())
            if not flowing:
                continue
            if lines:
                lines.append("")
            start = first if first is not None and not lines else indent
            lines.extend(
                wrap_columns(flowing, self.width, initial_indent=start, subsequent_indent=indent)
            )
        return lines
