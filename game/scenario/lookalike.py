"""Characters that look like (or hide among) the ones a scenario is written with.

A word processor or a Chinese input method puts in a curly quote, an en dash, a no-break space or
a full-width '＞' where the author meant ', -, a space or '>'. The game reads none of them; a
message names the character by its code point, since some cannot be seen at all.
"""

from __future__ import annotations

import unicodedata

# The character: what to write instead ("" means: delete it).
SPACES = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space
    "\u3000": " ",  # ideographic space
    "\u2002": " ",  # en space
    "\u2003": " ",  # em space
}
INVISIBLE = {
    "\u200b": "",  # zero-width space
    "\u200c": "",  # zero-width non-joiner
    "\u200d": "",  # zero-width joiner
    "\u2060": "",  # word joiner
    "\ufeff": "",  # zero-width no-break space (a byte-order mark inside the file)
}
SIGNS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2212": "-",  # minus sign
    "\u00d7": "*",  # multiplication sign
    "\u00f7": "//",
    "\u2265": ">=",
    "\u2264": "<=",
    "\u2260": "!=",
}


_NAMES = {  # as people write them, not as Unicode spells them
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\ufeff": "zero-width no-break space",
}


def replacement(char: str) -> str | None:
    """What to write instead of `char`, or None if it is not a look-alike."""
    for table in (SPACES, INVISIBLE, SIGNS):
        if char in table:
            return table[char]
    if "\uff01" <= char <= "\uff5e":  # full-width forms of ! to ~
        return chr(ord(char) - 0xFEE0)
    return None


def describe(char: str) -> str:
    """`'＞' (U+FF1E fullwidth greater-than sign)`; a space or an invisible one by its code only."""
    name = _NAMES.get(char) or unicodedata.name(char, "").lower()
    code = f"U+{ord(char):04X}"
    if char in SPACES or char in INVISIBLE:
        return f"{code} ({name or 'invisible'})"
    return f"'{char}' ({code} {name})" if name else f"'{char}' ({code})"


def advice(char: str) -> str:
    """What to do about `char`, e.g. "write '>'" or "delete it"."""
    right = replacement(char)
    if right is None:
        return ""
    if right == "":
        return "delete it: it cannot be seen, and the game does not read it"
    if right == " ":
        return "write an ordinary space"
    if right in ("'", '"'):
        return "use straight quotes ' or \""
    return f"write '{right}'"


def repaired(text: str) -> str:
    """`text` with each look-alike written as what it stands for (an invisible one left out)."""
    return "".join(char if (right := replacement(char)) is None else right for char in text)


def first(text: str) -> int | None:
    """The offset of the first look-alike in `text`, or None."""
    return next((i for i, char in enumerate(text) if replacement(char) is not None), None)


def first_invisible(text: str, start: int = 0) -> int | None:
    """The offset of the first character that cannot be seen in `text`, from `start` on, or None."""
    return next((i for i in range(start, len(text)) if text[i] in INVISIBLE), None)
