"""Words the front ends and the reports share, so that the window, the text version and the saved
reports say the same thing in the same way (play-testers noticed every difference).

Beside `game.engine.dates`, which writes the dates; neither decides anything.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.scenario.model import Scenario


def score_labels(scenario: Scenario) -> dict[str, str]:
    """Each of an ending's scores (the fields of `game.scenario.model.Scores`) and what the
    scenario calls it (`score_labels`), in the order they are shown."""
    return scenario.score_labels.model_dump()


HISTORIANS = "What historians might say"  # the heading over an ending's verdicts
# The heading over an ending's scores: they are fixed for each ending (how the outcome rates), not
# marks for the player's play, so the heading says so rather than "Scores".
ENDING_RATES = "How this ending rates (0\u201310)"
FOLLOWED_HISTORY = "Your decisions followed the historical record."  # a debrief with no divergence
NO_ACTION = "No action taken"  # a day of the debrief on which the player did nothing


def reliability_note(reliability: int) -> str:
    """What a report's stated reliability means, when the number alone misleads: 50% sounds
    middling but tells nothing (designer's review of the tutorial, whose Takahashi hint is 50%)."""
    if reliability == 50:
        return "right as often as wrong"
    if reliability < 50:
        return "more often wrong than right"
    return ""


def reliability_words(reliability: int) -> str:
    """'reliability 70%', or 'reliability 50%: right as often as wrong'."""
    note = reliability_note(reliability)
    return f"reliability {reliability}%" + (f": {note}" if note else "")


def counted(count: int, noun: str) -> str:
    """'1 day', '2 days', '0 days': a number with its noun (one that takes a plain 's')."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def number_ranges(numbers: Iterable[int], *, dash: str = "\u2013", shortest: int = 2) -> list[str]:
    """Sorted numbers as runs: [1, 2, 3, 5] gives ["1–3", "5"]. A run of fewer than `shortest`
    numbers is written out one by one (footnote marks join runs of three or more: "1,2")."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    index = 0
    while index < len(ordered):
        end = index
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        if end - index + 1 >= max(2, shortest):
            parts.append(f"{ordered[index]}{dash}{ordered[end]}")
        else:
            parts.extend(str(n) for n in ordered[index : end + 1])
        index = end + 1
    return parts
