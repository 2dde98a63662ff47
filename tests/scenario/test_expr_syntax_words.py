"""An expression Python's parser refuses is explained in plain words, at the token to fix (QA)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.expr import Symbols, check
from game.scenario.expr.plain import LANGUAGE
from game.scenario.load import check_scenario_bytes

SYMBOLS = Symbols(
    names={"pressure": "int", "order": "int", "backing": "int", "troops_sent": "bool"},
    ids={"demand": set(), "event": set(), "action": set(), "stage": set()},
    responses={},
)
MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(
    encoding="utf-8"
)


@pytest.mark.parametrize(
    ("text", "message", "col"),
    [
        # comparison operators written the wrong way round, doubled or split
        ("order =< 25", "'=<' is not an operator (write '<=', less than or equal)", 6),
        ("pressure => 70", "'=>' is not an operator (write '>=', greater than or equal)", 9),
        ("pressure ! = 70", "'! =' is not an operator (write '!=' with no space)", 9),
        ("pressure < = 70", "'< =' is not an operator (write '<=' with no space)", 9),
        ("pressure >== 70", "'>==' is not an operator (write '>=', greater than or equal)", 9),
        ("pressure <> 70", "'<>' is not an operator (write '!=', not equal)", 9),
        ("pressure =! 70", "'=!' is not an operator (write '!=', not equal)", 9),
        (
            "pressure ≥ 70",
            "'≥' (U+2265 greater-than or equal to) is not part of the language (write '>=')",
            9,
        ),
        ("pressure = 70", "'=' sets a value; a condition compares (compare with '==', not '=')", 9),
        # a word or an operator with nothing on one side
        (
            "pressure >= 70 and and order > 1",
            "'and and': one 'and' too many (a condition goes on both sides of 'and')",
            19,
        ),
        (
            "pressure >= 70 or and order > 1",
            "'and' right after 'or' (a condition goes on both sides of 'or')",
            18,
        ),
        ("pressure >= 70 or", "nothing follows 'or' (a condition goes on both sides of 'or')", 15),
        (
            "pressure >= 70 and",
            "nothing follows 'and' (a condition goes on both sides of 'and')",
            15,
        ),
        (
            "not",
            "nothing follows 'not' ('not' goes before a condition, e.g. not (pressure >= 50))",
            0,
        ),
        ("and order > 1", "nothing before 'and' (a condition goes on both sides of 'and')", 0),
        ("pressure >=", "nothing follows '>=' (a value goes on both sides of '>=')", 9),
        (
            "pressure 70",
            "something is missing between 'pressure' and '70' (put an operator between two "
            "values, e.g. pressure >= 70; join two conditions with and / or)",
            9,
        ),
        (
            "pressure not 70",
            "'not' cannot follow 'pressure' ('not' goes before a condition; to say 'not equal', "
            "write '!=')",
            9,
        ),
        # characters that are not part of the language
        (
            "pressure >= 70;",
            "';' is not part of the language (remove it; join two conditions with and / or)",
            14,
        ),
        ("pressure ? 70", f"'?' is not part of the language ({LANGUAGE})", 9),
        # numbers
        ("pressure >= 7O", "'7O' is not a number (a letter O instead of zero?)", 12),
        ("pressure >= 1l", "'1l' is not a number (a letter l or I instead of one?)", 12),
        (
            "pressure >= 70and true",
            "'70and' is not a number (put a space between 70 and 'and')",
            12,
        ),
        (
            "pressure >= 07",
            "'07' is not a number the game reads (write 7, without the leading 0)",
            12,
        ),
        (
            "pressure >= 70 and order >= 10%",
            "'10%' is not a number (write 10: a percentage is a plain number)",
            28,
        ),
        # quotes
        (
            "pressure == 'x",
            "a quote is never closed (end the text with the quote it starts with)",
            12,
        ),
        # ... found before anything inside it is read as an operator or a date (review)
        (
            "pressure == 'a = b",
            "a quote is never closed (end the text with the quote it starts with)",
            12,
        ),
        (
            "2020-01-01 == 'a",
            "a quote is never closed (end the text with the quote it starts with)",
            14,
        ),
        # a text is shown in its own quotes, not in two pairs (review)
        (
            "pressure == 'a' 'b' c",
            "something is missing between 'a' and 'b' (put an operator between two values, "
            "e.g. pressure >= 70; join two conditions with and / or)",
            16,
        ),
        (
            'answer(demand) == "a" not pressure',
            "'not' cannot follow \"a\" ('not' goes before a condition; to say 'not equal', "
            "write '!=')",
            22,
        ),
        # anything else: what the language allows, never 'invalid syntax'
        ("min(,)", f"the game cannot read this ({LANGUAGE})", 4),
    ],
)
def test_a_refused_expression_is_explained_at_the_token_to_fix(text, message, col):
    (issue,) = check(text, SYMBOLS, "bool")
    shown = f"{issue.message} ({issue.hint})" if issue.hint else issue.message
    assert (shown, issue.line, issue.col) == (f"invalid expression: {message}", 1, col)


def test_an_effect_with_nothing_after_its_operator():
    (issue,) = check("backing //", SYMBOLS, "int")
    assert (issue.message, issue.hint, issue.col) == (
        "invalid expression: nothing follows '//'",
        "a value goes on both sides of '//'",
        8,
    )


def test_the_position_is_in_the_line_of_a_literal_block():
    (issue,) = check("pressure >= 70 and\norder >", SYMBOLS, "bool")
    assert (issue.message, issue.line, issue.col) == (
        "invalid expression: nothing follows '>'",
        2,
        6,
    )


def _validate(old: str, new: str) -> list[str]:
    assert old in MINI
    text = MINI.replace(old, new, 1)
    _, found = check_scenario_bytes(text.encode("utf-8"), "s.yaml")
    return [str(d) for d in found]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            '"trust =< 25"',
            "s.yaml:56:18: error: invalid expression: '=<' is not an operator "
            "(write '<=', less than or equal)",
        ),
        (
            '"pressure <> 70"',
            "s.yaml:56:21: error: invalid expression: '<>' is not an operator "
            "(write '!=', not equal)",
        ),
        (
            '"pressure >= 70 or"',
            "s.yaml:56:27: error: invalid expression: nothing follows 'or' "
            "(a condition goes on both sides of 'or')",
        ),
    ],
)
def test_validate_points_at_the_operator_in_the_file(written, expected):
    assert _validate('"pressure >= 70"', written) == [expected]


def test_validate_an_effect_written_with_nothing_after_its_operator():
    assert _validate("{pressure: 20, trust: 5}", '{pressure: "pressure //", trust: 5}') == [
        "s.yaml:77:75: error: invalid expression: nothing follows '//' "
        "(a value goes on both sides of '//')"
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # QA n40: a no-break space (from a word processor) got "the game cannot read this"
        (
            '"pressure >=\u00a070"',
            "s.yaml:56:23: error: invalid expression: U+00A0 (no-break space) is not part of the "
            "language (write an ordinary space)",
        ),
        (
            '"pressure\u200b >= 70"',
            "s.yaml:56:20: error: invalid expression: U+200B (zero-width space) is not part of "
            "the language (delete it: it cannot be seen, and the game does not read it)",
        ),
        # QA n06: curly quotes around the whole expression
        (
            "\u201cpressure >= 70\u201d",
            "s.yaml:56:11: error: invalid expression: '\u201c' (U+201C left double quotation "
            "mark) is not part of the language (use straight quotes ' or \")",
        ),
        (
            '"answer(first) == \u2018refuse\u2019"',
            "s.yaml:56:29: error: invalid expression: '\u2018' (U+2018 left single quotation "
            "mark) is not part of the language (use straight quotes ' or \")",
        ),
        # QA n41: an en dash for a minus
        (
            '"100 \u2013 pressure >= 70"',
            "s.yaml:56:16: error: invalid expression: '\u2013' (U+2013 en dash) is not part of "
            "the language (write '-')",
        ),
        # QA n43: a full-width '＞' was told "'=' sets a value"
        (
            '"pressure \uff1e= 70"',
            "s.yaml:56:21: error: invalid expression: '\uff1e' (U+FF1E fullwidth greater-than "
            "sign) is not part of the language (write '>=')",
        ),
        (
            '"pressure \uff01= 70"',
            "s.yaml:56:21: error: invalid expression: '\uff01' (U+FF01 fullwidth exclamation "
            "mark) is not part of the language (write '!=')",
        ),
        (
            '"pressure * 2 \u00d7 3 >= 70"',
            "s.yaml:56:25: error: invalid expression: '\u00d7' (U+00D7 multiplication sign) is "
            "not part of the language (write '*')",
        ),
    ],
)
def test_a_lookalike_character_is_named_with_its_code_and_what_to_write(written, expected):
    assert _validate('"pressure >= 70"', written) == [expected]
