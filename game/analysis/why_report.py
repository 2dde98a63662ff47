"""What the why report holds: for each item never reached, how often each part of its conditions
held and the sentences known of it, as data and as JSON; with the words its notes and its text
share.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Moment = Literal["dawn", "dusk"]
MOMENTS: dict[Moment, str] = {  # the state a condition is tested on, in words
    "dawn": "the state each council opened with, after the dawn",
    "dusk": "the state each council closed with, which dusk tests them on",
}

# the words for an item of each section, as the report names it
KINDS = {
    "endings": "ending",
    "stages": "stage",
    "events": "event",
    "intel": "report",
    "demands": "demand",
    "actions": "action",
    "actor_rules": "actor rule",
    "responses": "answer",
}


def days(count: int) -> str:
    """A count of days, in words, as the notes and the text both say it."""
    return f"{count:,} day{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class PartCount:
    text: str
    held: int  # samples on which the part, as written, held
    negated: bool = False  # an `unless`: it is in the way when it holds


@dataclass(frozen=True)
class BranchCount:
    text: str
    together: int  # samples on which every part of the branch was met at once
    parts: tuple[PartCount, ...]


@dataclass(frozen=True)
class CheckCount:
    """One condition tested on the samples of its scope."""

    label: str  # what the condition is: "when", "transition from calm" ...
    text: str  # the whole condition, as written (a transition's `unless` added)
    moment: Moment
    scope: str  # which samples count, in words ("" for every day of every game)
    samples: int
    held: int  # samples on which the whole condition held
    branches: tuple[BranchCount, ...]
    beaten: int = 0  # of `held`, the samples on which something tried before it held too
    where: str = ""  # FILE:LINE:COL of the condition, when the file is known

    def met(self, part: PartCount) -> int:
        """Samples on which the part was met (for an `unless`: on which it did not hold)."""
        return self.samples - part.held if part.negated else part.held

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "condition": self.text,
            "moment": self.moment,
            "scope": self.scope,
            "samples": self.samples,
            "held": self.held,
            "beaten": self.beaten,
            "where": self.where,
            "branches": [
                {
                    "condition": b.text,
                    "together": b.together,
                    "parts": [
                        {"condition": p.text, "held": p.held, "unless": p.negated} for p in b.parts
                    ],
                }
                for b in self.branches
            ],
        }


@dataclass(frozen=True)
class Explained:
    """One item never reached, and what is known of why."""

    section: str  # as in ExploreReport.unreached, or "responses"
    ident: str
    title: str = ""  # an actor rule's title (a rule without an id is known by its place)
    checks: tuple[CheckCount, ...] = ()
    notes: tuple[str, ...] = ()  # plain sentences: what keeps it out, or what the counts mean
    where: str = ""  # FILE:LINE:COL of its condition (or of the item), when the file is known

    def to_json(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "id": self.ident,
            "title": self.title,
            "where": self.where,
            "checks": [c.to_json() for c in self.checks],
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class WhyReport:
    games: int  # games played again (the first of the run); 0 when nothing needed explaining
    items: tuple[Explained, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "games": self.games,
            "moments": dict(MOMENTS),
            "items": [item.to_json() for item in self.items],
        }


NOTHING = WhyReport(0)
