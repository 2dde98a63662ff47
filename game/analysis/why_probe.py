"""Counting one condition part by part on the states the games played again show it (a `Probe`),
and freezing the tallies into the report's counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from game.analysis.why_parts import Part
from game.analysis.why_report import BranchCount, CheckCount, Moment, PartCount
from game.engine.turn import Reader
from game.scenario.expr.compile import Compiled
from game.scenario.yaml_source import Path

Scope = Callable[[Reader], bool]


def always(reader: Reader) -> bool:
    return True


@dataclass
class Probe:
    """One condition being counted (mutable while sampling; frozen into a CheckCount after)."""

    label: str
    text: str
    moment: Moment
    scope_words: str
    in_scope: Scope
    parts: list[tuple[str, list[Part]]]  # the branches
    earlier: Callable[[Reader], bool] | None = None  # whether something tried first holds too
    path: Path = ()  # where the condition is written (its `when`)
    # an amount to watch where the condition holds (an event's probability written as an
    # expression): the most it came to, None until it held
    amount: Compiled | None = None
    most: int | None = None
    samples: int = 0
    held: int = 0
    beaten: int = 0
    part_held: list[list[int]] = field(default_factory=list)
    together: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.part_held = [[0] * len(parts) for _, parts in self.parts]
        self.together = [0] * len(self.parts)

    def sample(self, reader: Reader) -> None:
        if not self.in_scope(reader):
            return
        self.samples += 1
        whole = not self.parts  # no condition: it always holds
        for b, (_, parts) in enumerate(self.parts):
            counts, every = self.part_held[b], True
            for p, part in enumerate(parts):
                holds = bool(part.test(reader))
                if holds:
                    counts[p] += 1
                if holds == part.negated:
                    every = False
            if every:
                self.together[b] += 1
                whole = True
        if whole:
            self.held += 1
            if self.earlier is not None and self.earlier(reader):
                self.beaten += 1
            if self.amount is not None:
                value = int(self.amount(reader))
                self.most = value if self.most is None else max(self.most, value)

    def frozen(self, where: str = "") -> CheckCount:
        return CheckCount(
            self.label,
            self.text,
            self.moment,
            self.scope_words,
            self.samples,
            self.held,
            tuple(
                BranchCount(
                    text,
                    self.together[b],
                    tuple(
                        PartCount(part.text, self.part_held[b][p], part.negated)
                        for p, part in enumerate(parts)
                    ),
                )
                for b, (text, parts) in enumerate(self.parts)
            ),
            self.beaten,
            where,
        )
