"""'Did you mean ...?' hints for misspelt keys and names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The valid name nearest to `word`, or None when nothing is close enough to be a typo.

    At least 0.75 of difflib's ratio: a letter dropped, doubled or two swapped in a name of four
    letters or more still matches ('tlak' for 'talk' is 0.75, 'tak' 0.86); two unrelated names that
    share a word do not ('nosuchdemand' and 'four_demands', 0.67).
    """
    matches = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.75)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    match = closest(word, choices)
    return f"did you mean '{match}'?" if match else ""
