"""Plain words for an expression Python's parser refused.

Python's own messages ("invalid syntax", "invalid decimal literal", "Perhaps you forgot a comma?")
mean nothing to a scenario author. The text is cut into tokens here, by a small scanner of its own,
and the commonest mistakes are named, at the token to fix, with what to write instead.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass

from game.scenario import lookalike

LANGUAGE = (
    "an expression uses names, whole numbers, 'text' in quotes, == != < <= > >=, + - * // %, "
    "and, or, not, ( ) and the documented functions"
)

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    |(?P<text>'[^'\n]*'|"[^"\n]*")
    |(?P<unclosed>'[^'\n]*|"[^"\n]*)
    |(?P<number>\d\w*)
    |(?P<name>[^\W\d]\w*)
    |(?P<op>>==|<==|===|!==|=<|=>|=!|<>|==|!=|<=|>=|//|\*\*|&&|\|\||[-+*/%<>=!(),;:.\[\]{}&|^~@])
    |(?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_KEYWORDS = {"and", "or", "not", "if", "else", "in", "is", "lambda"}
_COMPARE = {"==", "!=", "<", "<=", ">", ">="}
_ARITHMETIC = {"+", "-", "*", "//", "%", "/"}
_BINARY = {"and", "or", *_COMPARE, *_ARITHMETIC}
_NEEDS_LEFT = {"and", "or", *_COMPARE, "*", "//", "%", "/"}  # + and - may stand alone: -2
_OPERATOR_TYPOS = {  # written: (what to write, what it means)
    "=<": ("<=", "less than or equal"),
    "=>": (">=", "greater than or equal"),
    "=!": ("!=", "not equal"),
    "<>": ("!=", "not equal"),
    ">==": (">=", "greater than or equal"),
    "<==": ("<=", "less than or equal"),
    "===": ("==", "equal"),
    "!==": ("!=", "not equal"),
}
# What a look-alike means in an expression, where it differs from its plain character (a
# full-width '=' compares; lookalike.SIGNS has the rest, '≥' and the like).
_UNICODE_OPERATORS = {"＝": "=="}
_DATE_UNQUOTED = re.compile(r"(?<![\w'\"])\d{4}-\d{1,2}-\d{1,2}(?![\w'\"])")
_OTHER_LANGUAGES = (  # (pattern, what was written, what to write)
    (re.compile(r"&&"), "'&&'", "and"),
    (re.compile(r"\|\|"), "'||'", "or"),
    (re.compile(r"!(?!=)"), "'!'", "not"),
    (re.compile(r"\b(AND|And)\b"), "'AND'", "and"),
    (re.compile(r"\b(OR|Or)\b"), "'OR'", "or"),
    (re.compile(r"\b(NOT|Not)\b"), "'NOT'", "not"),
)
# Python's reserved words that the language does not use: none of them can name anything, since
# expressions are read with Python's grammar (`in`, `is` and `lambda` have messages of their own).
RESERVED_WORDS = frozenset(keyword.kwlist) - {"and", "or", "not", "if", "else", "True", "False"}
_EXPLAINED_ELSEWHERE = {"in", "is", "lambda"}
# Python's messages that already say the mistake in plain words.
_PLAIN_PYTHON = ("was never closed", "unmatched", "does not match", "expected 'else'")


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    at: int  # offset of its first character in the expression

    @property
    def operand(self) -> bool:
        """A value: a name, a number, a text, or a closing bracket."""
        if self.kind == "name":
            return self.text not in _KEYWORDS
        return self.kind in ("number", "text") or self.text == ")"

    @property
    def starts_operand(self) -> bool:
        return self.operand and self.text != ")" or self.text in ("(", "not")

    @property
    def shown(self) -> str:
        """The token as a message quotes it: a text is in quotes already."""
        return self.text if self.kind == "text" else f"'{self.text}'"


@dataclass(frozen=True)
class Explained:
    message: str
    hint: str
    at: int | None  # offset in the text; None keeps Python's position


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(match.lastgroup or "other", match.group(), match.start())
        for match in _TOKEN.finditer(text)
    ]


def explain(text: str, python_message: str) -> Explained:
    """What is wrong with `text`, which Python's parser refused with `python_message`."""
    everything = _tokens(text)
    unclosed = next((t for t in everything if t.kind == "unclosed"), None)
    if unclosed is not None:  # first: what follows the quote is text, not operators or dates
        return Explained(
            "a quote is never closed", "end the text with the quote it starts with", unclosed.at
        )
    found = _lookalike(text)
    if found is not None:
        return found
    found = _operator_typo(everything)
    if found is not None:
        return found
    tokens = [token for token in everything if token.kind != "space"]
    lone_equals = next((t for t in tokens if t.text == "="), None)
    if lone_equals is not None:
        return Explained(
            "'=' sets a value; a condition compares", "compare with '==', not '='", lone_equals.at
        )
    date = _DATE_UNQUOTED.search(text)
    if date:
        year, month, day = (int(part) for part in date.group().split("-"))
        written = f"{year}-{month:02d}-{day:02d}"  # the form dates are compared in
        return Explained(
            f"the date {date.group()} is not in quotes",
            f'a date in an expression is text: write "{written}" (for example date >= "{written}")',
            date.start(),
        )
    code = re.sub(r"'[^']*'|\"[^\"]*\"", "''", text)  # words inside quotes are not operators
    for pattern, written, word in _OTHER_LANGUAGES:
        match = pattern.search(code)
        if match:
            return Explained(
                f"{written} is not part of the language",
                f"write {word} (in lower case)",
                match.start(),
            )
    reserved = next(
        (t for t in tokens if t.kind == "name" and t.text in RESERVED_WORDS - _EXPLAINED_ELSEWHERE),
        None,
    )
    if reserved is not None:
        return Explained(
            f"'{reserved.text}' is a reserved word",
            f"no id an expression names may be '{reserved.text}': if you declared one, rename it, "
            f"e.g. to '{reserved.text}_', there and wherever it is used",
            reserved.at,
        )
    if "unterminated string" in python_message:  # a quote escaped with \, which _tokens reads
        return Explained(  # as closing the text
            "a quote is never closed", "end the text with the quote it starts with", None
        )
    if any(words in python_message for words in _PLAIN_PYTHON):
        return Explained(python_message, "", None)
    found = _structure(tokens)
    if found is not None:
        return found
    return Explained("the game cannot read this", LANGUAGE, None)


def unmatched_close(text: str) -> int | None:
    """Where the first ')' that closes nothing is, outside quoted text; None if there is none."""
    depth = 0
    for token in _tokens(text):
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
            if depth < 0:
                return token.at
    return None


def too_deep(text: str, limit: int) -> int | None:
    """Where the first '(' nested deeper than `limit` is, outside quoted text; None if none is."""
    depth = 0
    for token in _tokens(text):
        if token.text == "(":
            depth += 1
            if depth > limit:
                return token.at
        elif token.text == ")":
            depth -= 1
    return None


def _lookalike(text: str) -> Explained | None:
    """A curly quote, a dash, a no-break space or a full-width sign, outside quoted text."""
    code = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"", lambda m: " " * len(m.group()), text)
    at = lookalike.first(code)
    if at is None:
        return None
    char = code[at]
    right = _UNICODE_OPERATORS.get(char) or lookalike.replacement(char) or ""
    hint = f"write '{right}'" if char in _UNICODE_OPERATORS else lookalike.advice(char)
    if right and right in "<>=!" and at + 1 < len(code):  # `＞=`: the operator written whole
        after = lookalike.replacement(code[at + 1]) or code[at + 1]
        if after == "=":
            hint = f"write '{right}='"
    return Explained(f"{lookalike.describe(char)} is not part of the language", hint, at)


def _operator_typo(tokens: list[_Token]) -> Explained | None:
    for i, token in enumerate(tokens):
        if token.text in _OPERATOR_TYPOS:
            right, meaning = _OPERATOR_TYPOS[token.text]
            return Explained(
                f"'{token.text}' is not an operator", f"write '{right}', {meaning}", token.at
            )
        if (
            token.text in ("!", "<", ">", "=")
            and i + 2 < len(tokens)
            and tokens[i + 1].kind == "space"
            and "\n" not in tokens[i + 1].text
            and tokens[i + 2].text == "="
        ):
            written = f"{token.text}{tokens[i + 1].text}="
            return Explained(
                f"'{written}' is not an operator", f"write '{token.text}=' with no space", token.at
            )
    return None


def _structure(tokens: list[_Token]) -> Explained | None:
    """Misplaced pieces: a bad number, ';', an operator with nothing on one side, a gap."""
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i > 0 else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.kind == "number":
            found = _number(token, after)
            if found is not None:
                return found
        if token.kind == "other":
            return Explained(f"'{token.text}' is not part of the language", LANGUAGE, token.at)
        if token.text == ";":
            return Explained(
                "';' is not part of the language",
                "remove it; join two conditions with and / or",
                token.at,
            )
        if token.text in _BINARY or token.text == "not":
            found = _operator(token, before, after)
            if found is not None:
                return found
        if before is not None and before.operand and token.starts_operand:
            if token.text == "(" and before.kind == "name":
                continue  # a function call
            if token.text == "not":
                return Explained(
                    f"'not' cannot follow {before.shown}",
                    "'not' goes before a condition; to say 'not equal', write '!='",
                    token.at,
                )
            return Explained(
                f"something is missing between {before.shown} and {token.shown}",
                "put an operator between two values, e.g. pressure >= 70; "
                "join two conditions with and / or",
                token.at,
            )
    return None


def _number(token: _Token, after: _Token | None) -> Explained | None:
    written = token.text
    if re.fullmatch(r"\d+(_\d+)*|0[xXoObB][0-9a-fA-F_]+|\d+[eE]\d+", written):
        if len(written) > 1 and written[0] == "0" and written.isdigit():
            return Explained(
                f"'{written}' is not a number the game reads",
                f"write {int(written)}, without the leading 0",
                token.at,
            )
        return None
    if re.fullmatch(r"[\dOo]+", written):
        hint = "a letter O instead of zero?"
    elif re.fullmatch(r"[\dlI]+", written):
        hint = "a letter l or I instead of one?"
    elif re.fullmatch(r"[\d_]+", written):
        hint = "write the digits, with at most one '_' between two of them (e.g. 1_000)"
    else:
        word = re.match(r"\d+(_\d+)*", written)
        digits = word.group() if word else written[0]
        rest = written[len(digits) :]
        if rest in _KEYWORDS:
            hint = f"put a space between {digits} and '{rest}'"
        else:
            hint = "a name cannot start with a digit; put a space between a number and a name"
    return Explained(f"'{written}' is not a number", hint, token.at)


def _operator(token: _Token, before: _Token | None, after: _Token | None) -> Explained | None:
    word = token.text
    side = "a condition" if word in ("and", "or", "not") else "a value"
    ends = after is None or after.text in (")", *_BINARY)
    if word == "%" and before is not None and before.kind == "number" and ends:
        return Explained(
            f"'{before.text}%' is not a number",
            f"write {before.text}: a percentage is a plain number",
            before.at,
        )
    if after is None or after.text == ")":
        if word == "not":
            return Explained(
                "nothing follows 'not'",
                "'not' goes before a condition, e.g. not (pressure >= 50)",
                token.at,
            )
        return Explained(
            f"nothing follows '{word}'", f"{side} goes on both sides of '{word}'", token.at
        )
    if word in _NEEDS_LEFT and (before is None or before.text == "("):
        return Explained(
            f"nothing before '{word}'", f"{side} goes on both sides of '{word}'", token.at
        )
    if word in _BINARY and after.text in _NEEDS_LEFT:
        if after.text == word:
            message = f"'{word} {word}': one '{word}' too many"
        else:
            message = f"'{after.text}' right after '{word}'"
        return Explained(message, f"{side} goes on both sides of '{word}'", after.at)
    return None
