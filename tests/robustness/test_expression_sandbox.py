"""Expressions cannot reach outside the whitelist: each escape is a load error at its exact place."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.load import check_scenario_bytes

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml"
# The `alarm` event's condition, `    when: "pressure >= 70"`: the expression starts at column 12. The
# line is looked up, not hard-coded, so other tests' edits to the shared fixture do not break these.
TARGET = b'when: "pressure >= 70"'
LINE = [line.strip() for line in MINI.read_bytes().splitlines()].index(TARGET) + 1


def _diagnostics(replacement: bytes) -> list[str]:
    raw = MINI.read_bytes()
    scenario, diagnostics = check_scenario_bytes(raw.replace(TARGET, replacement, 1), "m.yaml")
    assert scenario is None or any(d.severity == "error" for d in diagnostics)
    return [str(d) for d in diagnostics if d.severity == "error"]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # attribute access, anywhere in the expression
        (
            "pressure >= 70 and stats.real",
            f"m.yaml:{LINE}:31: error: attribute access ('.') is not allowed",
        ),
        (
            "().__class__.__bases__[0] == 1",
            f"m.yaml:{LINE}:12: error: indexing ('[]') is not allowed",
        ),
        # dunder names, bare or as a function's argument
        (
            "__builtins__ >= 1",
            f"m.yaml:{LINE}:12: error: names beginning with '__' are not allowed ('__builtins__')",
        ),
        (
            "pressure >= 70 and fired(__class__) > 0",
            f"m.yaml:{LINE}:37: error: names beginning with '__' are not allowed ('__class__')",
        ),
        # calls other than the documented functions
        ("open('x') == 1", f"m.yaml:{LINE}:12: error: unknown function 'open'"),
        ("__import__('os') == 1", f"m.yaml:{LINE}:12: error: unknown function '__import__'"),
        (
            "pressure.bit_length() > 1",
            f"m.yaml:{LINE}:12: error: only the documented functions may be called",
        ),
        (
            "max(pressure, key=abs) > 1",
            f"m.yaml:{LINE}:12: error: keyword arguments are not allowed",
        ),
        # comprehensions (Python places a lone generator argument at the call's '(')
        ("[x for x in y] == 1", f"m.yaml:{LINE}:12: error: comprehensions are not allowed"),
        ("min(x for x in y) > 1", f"m.yaml:{LINE}:15: error: comprehensions are not allowed"),
        ("{k: 1 for k in y} == 1", f"m.yaml:{LINE}:12: error: comprehensions are not allowed"),
        # lambdas
        ("min(lambda: 1, 2) > 0", f"m.yaml:{LINE}:16: error: lambda is not allowed"),
        (
            "(lambda: 1)() == 1",
            f"m.yaml:{LINE}:12: error: only the documented functions may be called",
        ),
        # other ways out
        ("f'{pressure}' == 'x'", f"m.yaml:{LINE}:12: error: f-strings are not allowed"),
        (
            "pressure > 1 if (y := 2) else false",
            f"m.yaml:{LINE}:29: error: assignment (':=') is not allowed",
        ),
    ],
)
def test_escape_is_refused_at_its_position(expression, expected):
    errors = _diagnostics(b'when: "' + expression.encode() + b'"')
    assert len(errors) == 1, errors
    assert errors[0].startswith(expected), errors[0]


def test_single_quoted_and_plain_expressions_point_at_the_escape():
    assert _diagnostics(b"when: 'pressure.real > 1'")[0].startswith(
        f"m.yaml:{LINE}:12: error: attribute access"
    )
    assert _diagnostics(b"when: pressure.real > 1")[0].startswith(
        f"m.yaml:{LINE}:11: error: attribute access"
    )


def test_folded_expression_points_at_the_right_line():
    errors = _diagnostics(b"when: >-\n      pressure >= 70 and\n      stats.real")
    assert errors[0].startswith(f"m.yaml:{LINE + 2}:7: error: attribute access")


@pytest.mark.parametrize(
    "text",
    [
        "(" * 200 + "1" + ")" * 200,  # beyond Python's own limit on nested parentheses
        "(" * 61 + "1" + ")" * 61,
        "not " * 200 + "1",
        "max(" * 100 + "1" + ")" * 100,
    ],
)
def test_deep_nesting_is_named_however_it_is_written(text):
    # Robustness review: 200 parentheses gave "invalid expression: the game cannot read this",
    # while the same depth through max( or not said "expression nested too deeply".
    from game.scenario.expr.parse import ExprSyntaxError, parse

    with pytest.raises(ExprSyntaxError) as info:
        parse(text)
    assert str(info.value).startswith("expression nested too deeply")
