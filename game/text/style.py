"""How text looks: ANSI colour (only on a TTY, never with --plain or NO_COLOR), rules, wrapping."""

from __future__ import annotations

import textwrap
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
        return ["", self.bold(text), self.dim("\u2500" * min(self.width, max(8, len(text))))]

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
                textwrap.wrap(flowing, self.width, initial_indent=start, subsequent_indent=indent)
            )
        return lines
