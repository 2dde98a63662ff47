"""Positions in the author's files and the diagnostics that point at them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class SourceSpan:
    """A place in a scenario file; `line` and `col` count from 1, as editors do."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a scenario, with where it is and, when we can guess, how to fix it."""

    span: SourceSpan
    message: str
    severity: Severity = "error"
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.span}: {self.severity}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class ScenarioError(Exception):
    """Raised by the loader when a scenario cannot be used; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic], unchecked: str = ""):
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.span, d.message))
        # what the errors kept from being checked, as `validate` ends with it ("names and
        # expressions are checked once this error is fixed"), or ""
        self.unchecked = unchecked
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    def lines(self) -> list[str]:
        """Every diagnostic, then what was left unchecked, as `validate` says them."""
        file = self.diagnostics[0].span.file if self.diagnostics else ""
        return report_lines(self.diagnostics, self.unchecked, file) or [str(self)]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def report_lines(diagnostics: list[Diagnostic], unchecked: str, file: str) -> list[str]:
    """A file's diagnostics, one a line, then what its errors kept from being checked
    (`FILE: names and expressions are checked once ...`), if anything."""
    found = [str(d) for d in diagnostics]
    if unchecked:
        found.append(f"{file}: {unchecked}" if file else unchecked)
    return found
