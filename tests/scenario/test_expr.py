"""The expression language: whitelist, name and type checks, and pure evaluation."""

from __future__ import annotations

import datetime as dt
import operator
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.scenario.expr import Symbols, check, compile_expr

SYMBOLS = Symbols(
    names={"pressure": "int", "trust": "int", "yu_dismissed": "bool", "resolve": "int"},
    ids={
        "demand": {"four_demands"},
        "event": {"sakai_call"},
        "action": {"telegram_chiang"},
        "stage": {"protest", "ultimatum"},
    },
    responses={"four_demands": {"accept", "refuse", "stall"}},
)


class Env:
    """On 3 June 1935, in the protest stage: the four demands presented on 1 June and refused,
    the Sakai call happened twice, no action taken."""

    def __init__(self, **values):
        self.values = {"stage": "protest", **values}
        self.date = dt.date(1935, 6, 3)
        self.fired = {"sakai_call": 2}
        self.taken = {}
        self.demands = {
            "four_demands": SimpleNamespace(
                status="answered", answer="refuse", issued=dt.date(1935, 6, 1)
            )
        }


@pytest.mark.parametrize(
    "text",
    [
        "pressure >= 70 and not yu_dismissed",
        "issued(four_demands) and answer(four_demands) == 'refuse'",
        "fired(sakai_call) > 1 or taken(telegram_chiang) == 0",
        "stage == 'ultimatum' or in_stage(protest)",
        "date >= '1935-06-09'",
        "100 - resolve > min(pressure, trust) // 2",
        "true if pressure > 1 else false",
        "0 < pressure <= 100",
    ],
)
def test_valid_expressions(text: str):
    assert check(text, SYMBOLS, "bool") == []


@pytest.mark.parametrize(
    ("text", "message", "col"),
    [
        ("presure > 3", "unknown name 'presure'", 0),
        ("pressure > 3 and yu_dismised", "unknown name 'yu_dismised'", 17),
        ("pressure.__class__", "attribute access ('.') is not allowed", 0),
        ("__import__('os')", "unknown function '__import__'", 0),
        ("open('x')", "unknown function 'open'", 0),
        ("[x for x in y]", "comprehensions are not allowed", 0),
        ("(lambda: 1)()", "only the documented functions may be called", 0),
        ("pressure = 3", "invalid expression", 9),
        ("pressure >= 70)", "unmatched ')'", 14),  # the author's ')', not the parser's own
        ("(pressure >= 70)) or x == ')'", "unmatched ')'", 16),
        ("pressure / 2 > 1", "'/' is not allowed", 0),
        ("pressure[0] > 1", "indexing ('[]') is not allowed", 0),
        ("issued(four_demand)", "unknown demand 'four_demand'", 7),
        ("answer(four_demands) == 'acept'", "'acept' is not a response of 'four_demands'", 24),
        ("stage == 'ultimatm'", "'ultimatm' is not a stage", 9),
        ("pressure and yu_dismissed", "expected a condition (true/false), found a number", 0),
        ("pressure", "expected a condition (true/false) here, but this is a number", 0),
        ("pressure > 'high'", "cannot compare a number with a text", 11),
        ("date > '1935-13-01'", "'1935-13-01' is not a date", 7),
        ("pressure > 1.5", "numbers are whole", 11),
        ("four_demands", "'four_demands' is a demand", 0),
    ],
)
def test_rejected_expressions(text: str, message: str, col: int):
    issues = check(text, SYMBOLS, "bool")
    assert len(issues) == 1
    assert message in issues[0].message or message in issues[0].hint
    assert issues[0].col == col


def test_hints_suggest_the_closest_name():
    assert check("presure > 1", SYMBOLS, "bool")[0].hint == "did you mean 'pressure'?"
    assert "'==', not '='" in check("pressure = 3", SYMBOLS, "bool")[0].hint


def test_evaluation():
    env = Env(pressure=75, trust=20, yu_dismissed=False, resolve=60)
    assert compile_expr("pressure >= 70 and not yu_dismissed")(env) is True
    assert compile_expr("100 - resolve + pressure // 10")(env) == 47
    assert compile_expr("pressure // 0")(env) == 0  # never a crash mid-game
    assert compile_expr("1 < pressure <= 75 < 80")(env) is True
    assert compile_expr("answer(four_demands) == 'refuse'")(env) is True
    assert compile_expr("in_stage(protest) and not in_stage(ultimatum)")(env) is True
    assert compile_expr("max(trust, 30) + abs(-2)")(env) == 32


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("issued(four_demands)", True),
        ("issued(other)", False),
        ("pending(four_demands)", False),
        ("pending(other)", False),
        ("answered(four_demands)", True),
        ("answered(other)", False),
        ("expired(four_demands)", False),
        ("answer(four_demands)", "refuse"),
        ("answer(other)", ""),
        ("days_since_issued(four_demands)", 2),
        ("days_since_issued(other)", -1),
        ("fired(sakai_call)", 2),
        ("fired(other)", 0),
        ("taken(telegram_chiang)", 0),
        ("in_stage(protest)", True),
        ("in_stage('ultimatum')", False),
    ],
)
def test_each_function_of_an_id(text, value):
    assert compile_expr(text)(Env()) == value


def test_the_status_functions_of_a_pending_and_an_expired_demand():
    env = Env()
    for status in ("pending", "expired"):
        env.demands["four_demands"].status = status
        found = {f: compile_expr(f"{f}(four_demands)")(env) for f in ("pending", "expired")}
        assert found == {"pending": status == "pending", "expired": status == "expired"}


def test_expected_type_int():
    assert check("resolve // 10", SYMBOLS, "int") == []
    assert "expected a number" in check("resolve > 10", SYMBOLS, "int")[0].message


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_none_of_several_flags_set(count):
    # `not a and not b ...` has closures of its own for two and three names, and a loop beyond
    names = [f"f{i}" for i in range(count)]
    text = " and ".join(f"not {name}" for name in names)
    assert compile_expr(text)(Env(**dict.fromkeys(names, False))) is True
    for name in names:
        one_set = Env(**{other: other == name for other in names})
        assert compile_expr(text)(one_set) is False


@pytest.mark.parametrize("operator", ["and", "or"])
@pytest.mark.parametrize(
    "shape",
    # a part that reads one name (n: `a`, ! : `not a`) or a comparison (c); runs of two or more
    # names in a row are read by one closure of their own (two names, a name and a negated one,
    # two negated names, and a loop beyond)
    # (and an and/or of two parts, one a name, has closures of its own: nc, !c, cn, c!)
    [
        *("nc", "!c", "cn", "c!", "cc"),
        *("nn", "n!", "!n", "!!", "nnn", "n!!", "!!!!", "cnn", "nnc", "n!cn!", "c!!c", "!c!"),
        "nc!n",
    ],
)
def test_an_and_or_or_of_names_in_a_row_is_what_python_makes_of_it(shape, operator):
    names = [f"f{i}" for i in range(len(shape))]
    written, meant = [], []
    for name, kind in zip(names, shape, strict=True):
        if kind == "c":
            written.append(f"pressure > {name}_n")
        else:
            written.append(f"not {name}" if kind == "!" else name)
    text = f" {operator} ".join(written)
    compiled = compile_expr(text)
    for bits in range(1 << len(shape)):
        values = {}
        for place, name in enumerate(names):
            on = bool(bits >> place & 1)
            values[name] = on
            values[f"{name}_n"] = 10 if on else 90  # pressure (50) > 10: the comparison holds
        meant = [
            values[f"{name}_n"] < 50
            if kind == "c"
            else (not values[name] if kind == "!" else values[name])
            for name, kind in zip(names, shape, strict=True)
        ]
        expected = all(meant) if operator == "and" else any(meant)
        assert compiled(Env(pressure=50, **values)) is expected, (text, values)


# Parts of an and/or. Runs of parts that test one name against a constant, or read a name
# alone, are made by one closure that calls the comparison operators (compile.Test), and a
# name alone is tested there as `name != 0`, which must agree with its truth for every value a
# name can have: a bool, any int (a stat read as a condition), a string that is never empty.
# Other parts (a function, a constant written first, a nested or) split such runs.
PARTS = st.one_of(
    st.tuples(st.just("flag"), st.booleans()),
    st.tuples(st.just("not flag"), st.booleans()),
    st.tuples(st.just("number"), st.integers(-3, 3)),
    st.tuples(st.just("not number"), st.integers(-3, 3)),
    st.tuples(st.sampled_from(["==", "!=", "<", "<=", ">", ">="]), st.integers(-2, 2)),
    st.tuples(st.sampled_from(["== 'protest'", "!= 'protest'"]), st.just(0)),
    st.tuples(st.just("stage"), st.just(0)),  # a string name alone: never empty, so true
    # and parts that are not such tests, which a run of tests must leave in their place:
    st.tuples(st.just("fired"), st.integers(0, 3)),  # fired(sakai_call) > n; it fired twice
    st.tuples(st.just("constant first"), st.integers(-2, 2)),  # n < v
    st.tuples(st.just("nested"), st.tuples(st.booleans(), st.booleans())),  # (a or not b)
)
COMPARED = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(PARTS, min_size=1, max_size=6),
    st.sampled_from(["and", "or"]),
    st.integers(-2, 2),
    st.sampled_from(["protest", "ultimatum"]),
)
def test_an_and_or_or_of_tests_of_names_is_what_python_makes_of_it(parts, joined, at, stage):
    written, meant, values = [], [], {}
    for place, (kind, value) in enumerate(parts):
        name = f"v{place}"
        if kind in ("flag", "not flag", "number", "not number"):
            values[name] = value
            written.append(f"not {name}" if kind.startswith("not") else name)
            meant.append(not value if kind.startswith("not") else bool(value))
        elif kind.endswith("'protest'"):
            written.append(f"stage {kind}")
            meant.append((stage == "protest") is kind.startswith("=="))
        elif kind == "stage":
            written.append("stage")
            meant.append(True)
        elif kind == "fired":
            written.append(f"fired(sakai_call) > {value}")
            meant.append(value < 2)
        elif kind == "constant first":
            values[name] = at
            written.append(f"{value} < {name}")
            meant.append(value < at)
        elif kind == "nested":
            first, second = value
            values[f"{name}a"], values[f"{name}b"] = first, second
            written.append(f"({name}a or not {name}b)")
            meant.append(first or not second)
        else:
            values[name] = at
            written.append(f"{name} {kind} {value}")
            meant.append(COMPARED[kind](at, value))
    text = f" {joined} ".join(written)
    expected = all(meant) if joined == "and" else any(meant)
    result = compile_expr(text)(Env(**{**values, "stage": stage}))
    if len(parts) > 1:  # (a single part is its own value: a name read alone stays its value)
        assert result is expected, text
    else:
        assert bool(result) is expected, text


def test_reads_lists_every_name_and_what_each_function_looks_at():
    from game.scenario.expr.reads import demand_key, fired_key, reads, taken_key

    text = (
        "pressure >= min(trust, 3) and not yu_dismissed and fired(sakai_call) > 0"
        " and taken('telegram_chiang') == 0 and answer(four_demands) == 'refuse'"
        " and in_stage(protest) and date >= '1935-06-09' and true"
    )
    assert reads(text) == {
        "pressure",
        "trust",
        "yu_dismissed",
        fired_key("sakai_call"),
        taken_key("telegram_chiang"),
        demand_key("four_demands"),
        "stage",
        "date",
    }
