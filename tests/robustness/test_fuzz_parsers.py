"""Fuzzing the expression checker and the scenario loader: only clean diagnostics, never an exception."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.api import new_game
from game.engine.turn import Reader
from game.scenario.expr import ExprIssue, check, compile_expr
from game.scenario.load import check_scenario_bytes, load_scenario
from game.scenario.source import Diagnostic
from game.scenario.validate import build_symbols

MINI_PATH = Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml"
MINI_BYTES = MINI_PATH.read_bytes()
MINI_LINES = MINI_BYTES.split(b"\n")
LOADED = load_scenario(MINI_PATH)
SYMBOLS = build_symbols(LOADED.scenario)
STATE = new_game(LOADED.scenario, 11).state

# 40 examples each keeps the suite fast; HEBEI_FUZZ_EXAMPLES=5000 runs a deeper search by hand.
EXAMPLES = int(os.environ.get("HEBEI_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VALID_EXPRESSIONS = [
    "pressure >= 70 and not conceded",
    "answered(ultimatum) and answer(ultimatum) == 'accept'",
    "100 - resolve",
    "min(pressure, trust) // 10 + abs(envoy)",
    "fired(rumour) > 0 or taken(talk) >= 2",
    "stage == 'tense' and date >= '1935-06-02'",
    "pressure if in_stage(calm) else trust % 7",
    "issued(first) and not pending(first) and not expired(first)",
    "days_left <= 1 and budget > 0 and day != 3",
]
EXPRESSION_ALPHABET = st.sampled_from(list("()<>=!+-*/%._,'\"[]{}:;@#$&|^~\\ \n\t0123456789") + [
    "pressure", "trust", "conceded", "resolve", "and", "or", "not", "if", "else", "lambda", "for", "in",
    "__class__", "min(", "answer(", "fired(", "'accept'", "'1935-06-02'", "True", "None", "1e9", "0x1F",
])  # fmt: skip


def _clean_issues(issues: list[ExprIssue]) -> None:
    assert isinstance(issues, list)
    for issue in issues:
        assert isinstance(issue, ExprIssue)
        assert issue.message and "\n" not in issue.message
        assert issue.line >= 1 and issue.col >= 0


def _check_and_run(text: str) -> None:
    for expected in (None, "bool", "int"):
        issues = check(text, SYMBOLS, expected)
        _clean_issues(issues)
        if not issues:
            # whatever the checker accepts, the engine can evaluate without an exception
            value = compile_expr(text)(Reader(LOADED.scenario, STATE))
            assert isinstance(value, (int, bool, str))


@FUZZ
@given(st.text(max_size=120))
def test_expression_checker_on_random_text(text):
    _check_and_run(text)


@FUZZ
@given(st.lists(EXPRESSION_ALPHABET, max_size=30).map("".join))
def test_expression_checker_on_expression_like_tokens(text):
    _check_and_run(text)


@st.composite
def mutated_expression(draw):
    text = draw(st.sampled_from(VALID_EXPRESSIONS))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["delete", "insert", "replace", "duplicate"]))
        piece = draw(
            st.sampled_from(
                list("()'\"=<>!.,_ abcz019-+*/%[]:") + ["__", "lambda x: ", " for x in y", "."]
            )
        )
        if how == "delete":
            text = text[:where] + text[where + 1 :]
        elif how == "insert":
            text = text[:where] + piece + text[where:]
        elif how == "replace":
            text = text[:where] + piece + text[where + 1 :]
        else:
            text = text[:where] + text[where:] + text[where:]
    return text


@FUZZ
@given(mutated_expression())
def test_expression_checker_on_mutated_valid_expressions(text):
    _check_and_run(text)


def _clean_diagnostics(raw: bytes) -> None:
    scenario, diagnostics = check_scenario_bytes(raw, "fuzz.yaml")
    assert isinstance(diagnostics, list)
    for diagnostic in diagnostics:
        assert isinstance(diagnostic, Diagnostic)
        assert diagnostic.span.file == "fuzz.yaml"
        assert diagnostic.span.line >= 1 and diagnostic.span.col >= 1
        assert diagnostic.message and diagnostic.severity in ("error", "warning")
        str(diagnostic)
    if scenario is None:
        assert any(d.severity == "error" for d in diagnostics)


@FUZZ
@given(st.binary(max_size=2000))
def test_loader_on_random_bytes(raw):
    _clean_diagnostics(raw)


@FUZZ
@given(st.binary(max_size=300))
def test_loader_on_mini_with_random_bytes_inserted(noise):
    middle = len(MINI_BYTES) // 2
    _clean_diagnostics(MINI_BYTES[:middle] + noise + MINI_BYTES[middle:])


@st.composite
def mutated_mini(draw):
    lines = list(MINI_LINES)
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["delete", "duplicate", "swap", "flip", "indent", "dedent"]))
        if how == "delete" and len(lines) > 1:
            del lines[i]
        elif how == "duplicate":
            lines.insert(i, lines[i])
        elif how == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif how == "flip" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            byte = draw(
                st.sampled_from(list(b":-[]{}&*!|>'\"#% \t\x00\xff") + [lines[i][k] ^ 0x20])
            )
            lines[i] = lines[i][:k] + bytes([byte]) + lines[i][k + 1 :]
        elif how == "indent":
            lines[i] = b"  " + lines[i]
        elif how == "dedent":
            lines[i] = lines[i].lstrip(b" ")
    return b"\n".join(lines)


@FUZZ
@given(mutated_mini())
def test_loader_on_mutated_mini(raw):
    _clean_diagnostics(raw)
