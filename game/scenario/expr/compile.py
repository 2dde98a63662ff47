"""Checked expressions to closures over an environment. Pure: no eval, no exec, no randomness."""

from __future__ import annotations

import ast
import datetime as dt
import operator
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Protocol

from game.scenario.expr.parse import constant_name, parse

Value = int | bool | str
Compiled = Callable[["Env"], Value]


class Demand(Protocol):
    """What the functions of a demand (`pending`, `answer`, `days_since_issued` ...) read of one
    that has been presented."""

    @property
    def status(self) -> str: ...  # "pending", "answered" or "expired"

    @property
    def answer(self) -> str: ...  # the id of the last answer given, or ""

    @property
    def issued(self) -> dt.date: ...


class Env(Protocol):
    """What an expression can read: name values, and what the documented functions look at.

    `values` maps every name an expression may read (the scenario's stats, flags, actors and
    hidden values, and the built-in names, `stage` among them) to its value now. `fired` and
    `taken` count the events and reports that have happened and the actions taken, by id;
    `demands` are the demands presented so far, by id; `date` is today. Mappings and
    attributes rather than methods, because reading them is most of what conditions do, and a
    subscript is several times cheaper than a Python call: each function is compiled to a
    closure of its own that reads them directly.
    """

    @property
    def values(self) -> Mapping[str, Value]: ...

    @property
    def fired(self) -> Mapping[str, int]: ...

    @property
    def taken(self) -> Mapping[str, int]: ...

    @property
    def demands(self) -> Mapping[str, Demand]: ...

    @property
    def date(self) -> dt.date: ...


def _floordiv(a: int, b: int) -> int:
    return a // b if b else 0  # a scenario must never crash mid-game on a zero divisor


def _mod(a: int, b: int) -> int:
    return a % b if b else 0


_BINOPS: dict[type, Callable[[int, int], int]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.FloorDiv: _floordiv,
    ast.Mod: _mod,
}
_CMPOPS: dict[type, Callable[[Value, Value], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}


def _fired(ident: str) -> Compiled:
    return lambda env: env.fired.get(ident, 0)


def _taken(ident: str) -> Compiled:
    return lambda env: env.taken.get(ident, 0)


def _in_stage(ident: str) -> Compiled:
    return lambda env: env.values["stage"] == ident


def _issued(ident: str) -> Compiled:
    return lambda env: ident in env.demands


def _has_status(status: str) -> Callable[[str], Compiled]:
    def function(ident: str) -> Compiled:
        def has_status(env: Env) -> bool:
            active = env.demands.get(ident)
            return active is not None and active.status == status

        return has_status

    return function


def _answer(ident: str) -> Compiled:
    def answer(env: Env) -> str:
        active = env.demands.get(ident)
        return active.answer if active is not None else ""

    return answer


def _days_since_issued(ident: str) -> Compiled:
    def days_since_issued(env: Env) -> int:
        active = env.demands.get(ident)
        return (env.date - active.issued).days if active is not None else -1

    return days_since_issued


# The functions that take an id, each as the closure it compiles to for one id.
_ID_FUNCTIONS: dict[str, Callable[[str], Compiled]] = {
    "fired": _fired,
    "taken": _taken,
    "in_stage": _in_stage,
    "issued": _issued,
    "pending": _has_status("pending"),
    "answered": _has_status("answered"),
    "expired": _has_status("expired"),
    "answer": _answer,
    "days_since_issued": _days_since_issued,
}


@lru_cache(maxsize=8192)
def compile_expr(text: str) -> Compiled:
    """Compile expression text (already checked at load time) into a function of an Env."""
    return _compile(parse(text))


def _compile(node: ast.expr) -> Compiled:
    if isinstance(node, ast.Constant):
        constant = node.value
        assert isinstance(constant, (int, str))  # the whitelist admits only int, bool and str
        return lambda env: constant
    if isinstance(node, ast.Name):
        fixed = constant_name(node.id)
        if fixed is not None:
            return lambda env: fixed
        name = node.id
        return lambda env: env.values[name]
    if isinstance(node, ast.BoolOp):
        return _compile_boolop(node)
    if isinstance(node, ast.UnaryOp):
        negated = _plain_name(node.operand) if isinstance(node.op, ast.Not) else None
        if negated is not None:
            return lambda env: not env.values[negated]
        operand = _compile(node.operand)
        if isinstance(node.op, ast.Not):
            return lambda env: not operand(env)
        if isinstance(node.op, ast.USub):
            return lambda env: -operand(env)  # type: ignore[operator]
        return operand
    if isinstance(node, ast.BinOp):
        left, right = _compile(node.left), _compile(node.right)
        op = _BINOPS[type(node.op)]
        return lambda env: op(left(env), right(env))  # type: ignore[arg-type]
    if isinstance(node, ast.Compare):
        return _compile_compare(node)
    if isinstance(node, ast.IfExp):
        test, body, orelse = _compile(node.test), _compile(node.body), _compile(node.orelse)
        return lambda env: body(env) if test(env) else orelse(env)
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        function = node.func.id
        if function in _ID_FUNCTIONS:
            (ident,) = (_literal_id(arg) for arg in node.args)  # each takes one id
            return _ID_FUNCTIONS[function](ident)
        args = [_compile(arg) for arg in node.args]
        if function == "min":
            return lambda env: min(int(args[0](env)), int(args[1](env)))
        if function == "max":
            return lambda env: max(int(args[0](env)), int(args[1](env)))
        return lambda env: abs(int(args[0](env)))
    raise ValueError(f"cannot compile {type(node).__name__}")  # the whitelist prevents this


# Conditions are evaluated for every action at every step of every explored game, so the common
# shapes get closures of their own: each layer of closure saved is a Python call saved.
def _plain_name(node: ast.expr) -> str | None:
    """The name, when the node reads a value by name (not a named constant such as `true`)."""
    if isinstance(node, ast.Name) and constant_name(node.id) is None:
        return node.id
    return None


def _negated_name(node: ast.expr) -> str | None:
    """The name in `not NAME`, else None."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return _plain_name(node.operand)
    return None


def _compile_boolop(node: ast.BoolOp) -> Compiled:
    conjunction = isinstance(node.op, ast.And)
    if len(node.values) == 2:
        left, right = node.values
        with_a_name = _two_parts_one_a_name(left, right, conjunction)
        if with_a_name is not None:
            return with_a_name
    parts = _boolop_parts(node.values, conjunction)
    if len(parts) == 1:  # (every part tests a name: one closure makes the tests)
        return parts[0]
    # Two to four parts, written out (most conditions): no loop over the parts. `not not` is
    # bool() without a call; the result is the same as bool(a) and bool(b) ...
    if len(parts) == 2:
        first, second = parts
        if conjunction:
            return lambda env: not not (first(env) and second(env))  # noqa: SIM208
        return lambda env: not not (first(env) or second(env))  # noqa: SIM208
    if len(parts) == 3:
        first, second, third = parts
        if conjunction:
            return lambda env: not not (first(env) and second(env) and third(env))  # noqa: SIM208
        return lambda env: not not (first(env) or second(env) or third(env))  # noqa: SIM208
    if len(parts) == 4:
        first, second, third, fourth = parts
        if conjunction:
            return lambda env: (
                not not (  # noqa: SIM208
                    first(env) and second(env) and third(env) and fourth(env)
                )
            )
        return lambda env: not not (first(env) or second(env) or third(env) or fourth(env))  # noqa: SIM208
    if conjunction:

        def every(env: Env) -> bool:
            for part in parts:  # noqa: SIM110 - a loop, not a generator per evaluation
                if not part(env):
                    return False
            return True

        return every

    def some(env: Env) -> bool:
        for part in parts:  # noqa: SIM110 - a loop, not a generator per evaluation
            if part(env):
                return True
        return False

    return some


# One test of a name's value against a constant: (name, operator, constant). A plain name, `a`,
# is the test `a != 0` and `not a` is `a == 0`: the same as its truth for a bool and an int (the
# checker lets only booleans into and/or/not; an int is a stat read alone, in an unchecked
# text) and for the only strings a name holds, which are never empty (a stage's id, the date).
Test = tuple[str, Callable[[Value, Value], bool], Value]


def _test(node: ast.expr) -> Test | None:
    """The part as a `Test` (a name, a negated name, or a name compared with a constant)."""
    plain, negated = _plain_name(node), _negated_name(node)
    if plain is not None:
        return plain, operator.ne, 0
    if negated is not None:
        return negated, operator.eq, 0
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        name = _plain_name(node.left)
        is_constant, constant = _constant(node.comparators[0])
        if name is not None and is_constant:
            return name, _CMPOPS[type(node.ops[0])], constant
    return None


def _all_tests(tests: tuple[Test, ...]) -> Compiled:
    if len(tests) == 2:
        (n1, o1, c1), (n2, o2, c2) = tests
        return lambda env: o1((values := env.values)[n1], c1) and o2(values[n2], c2)
    if len(tests) == 3:
        (n1, o1, c1), (n2, o2, c2), (n3, o3, c3) = tests
        return lambda env: (
            o1((values := env.values)[n1], c1) and o2(values[n2], c2) and o3(values[n3], c3)
        )

    def all_tests(env: Env) -> bool:
        values = env.values
        for name, op, constant in tests:  # noqa: SIM110 - a loop, not a generator per evaluation
            if not op(values[name], constant):
                return False
        return True

    return all_tests


def _any_tests(tests: tuple[Test, ...]) -> Compiled:
    if len(tests) == 2:
        (n1, o1, c1), (n2, o2, c2) = tests
        return lambda env: o1((values := env.values)[n1], c1) or o2(values[n2], c2)
    if len(tests) == 3:
        (n1, o1, c1), (n2, o2, c2), (n3, o3, c3) = tests
        return lambda env: (
            o1((values := env.values)[n1], c1) or o2(values[n2], c2) or o3(values[n3], c3)
        )

    def any_tests(env: Env) -> bool:
        values = env.values
        for name, op, constant in tests:  # noqa: SIM110 - a loop, not a generator per evaluation
            if op(values[name], constant):
                return True
        return False

    return any_tests


def _two_parts_one_a_name(first: ast.expr, second: ast.expr, conjunction: bool) -> Compiled | None:
    """`a and X`, `not a or X`, `X and not a` ... (one part reads a name, the other does not):
    the name is read in the and's (or's) own closure, one call fewer. None for other shapes."""
    for name_node, other_node, name_first in ((first, second, True), (second, first, False)):
        plain, negated = _plain_name(name_node), _negated_name(name_node)
        if _test(other_node) is not None or (plain is None and negated is None):
            continue  # (two tests: _boolop_parts makes both in one closure)
        other = _compile(other_node)
        key = (conjunction, name_first, negated is not None)
        return _NAME_AND_PART[key](plain or negated or "", other)
    return None


# (and?, the name first?, the name negated?) -> the closure of the name and the other part
# (`not not` is bool() without a call, as in _compile_boolop)
_NAME_AND_PART: dict[tuple[bool, bool, bool], Callable[[str, Compiled], Compiled]] = {
    (True, True, False): lambda n, f: lambda env: not not (env.values[n] and f(env)),  # noqa: SIM208
    (True, True, True): lambda n, f: lambda env: not env.values[n] and not not f(env),  # noqa: SIM208
    (True, False, False): lambda n, f: lambda env: not not (f(env) and env.values[n]),  # noqa: SIM208
    (True, False, True): lambda n, f: lambda env: not not (f(env) and not env.values[n]),  # noqa: SIM208
    (False, True, False): lambda n, f: lambda env: not not (env.values[n] or f(env)),  # noqa: SIM208
    (False, True, True): lambda n, f: lambda env: not env.values[n] or not not f(env),  # noqa: SIM208
    (False, False, False): lambda n, f: lambda env: not not (f(env) or env.values[n]),  # noqa: SIM208
    (False, False, True): lambda n, f: lambda env: not not (f(env) or not env.values[n]),  # noqa: SIM208
}


def _boolop_parts(values: list[ast.expr], conjunction: bool) -> list[Compiled]:
    """The parts of an and (`conjunction`) or an or, compiled, in their written order; two or
    more parts in a row that each test one name (`a`, `not a`, `a >= 3`: see `Test`) are made
    by one closure."""
    parts: list[Compiled] = []
    run: list[ast.expr] = []  # the parts in a row, so far, that test one name each
    for value in [*values, None]:
        if value is not None and _test(value) is not None:
            run.append(value)
            continue
        if len(run) == 1:
            parts.append(_compile(run[0]))
        elif run:
            parts.append(_run_of_tests(run, conjunction))
        run = []
        if value is not None:
            parts.append(_compile(value))
    return parts


def _run_of_tests(run: list[ast.expr], conjunction: bool) -> Compiled:
    """Two or more parts of an and (an or) in a row, each a `Test`, as one closure. Names alone
    (`a and not b`) are read with no call at all; with a comparison among them, the closure
    calls the operators (C) rather than a closure (Python) per part."""
    if all(_plain_name(part) or _negated_name(part) for part in run):
        set_names = tuple(name for part in run if (name := _plain_name(part)) is not None)
        clear_names = tuple(name for part in run if (name := _negated_name(part)) is not None)
        return (_all_of if conjunction else _any_of)(set_names, clear_names)
    tests = tuple(test for part in run if (test := _test(part)) is not None)
    return (_all_tests if conjunction else _any_tests)(tests)


def _all_of(set_names: tuple[str, ...], clear_names: tuple[str, ...]) -> Compiled:
    """True when every one of `set_names` is set and none of `clear_names` (two or more names)."""
    if not set_names:
        return _none_set(clear_names)
    if len(set_names) == 2 and not clear_names:
        first, second = set_names
        return lambda env: not not ((values := env.values)[first] and values[second])  # noqa: SIM208
    if len(set_names) == 1 and len(clear_names) == 1:
        (first,), (second,) = set_names, clear_names
        return lambda env: not not ((values := env.values)[first] and not values[second])  # noqa: SIM208

    def all_of(env: Env) -> bool:
        values = env.values
        for name in set_names:  # noqa: SIM110 - a loop, not a generator per evaluation
            if not values[name]:
                return False
        for name in clear_names:  # noqa: SIM110
            if values[name]:
                return False
        return True

    return all_of


def _any_of(set_names: tuple[str, ...], clear_names: tuple[str, ...]) -> Compiled:
    """True when one of `set_names` is set or one of `clear_names` is not (two or more names)."""
    if len(set_names) == 2 and not clear_names:
        first, second = set_names
        return lambda env: not not ((values := env.values)[first] or values[second])  # noqa: SIM208
    if len(set_names) == 1 and len(clear_names) == 1:
        (first,), (second,) = set_names, clear_names
        return lambda env: not not ((values := env.values)[first] or not values[second])  # noqa: SIM208
    if not set_names and len(clear_names) == 2:
        first, second = clear_names
        return lambda env: not ((values := env.values)[first] and values[second])

    def any_of(env: Env) -> bool:
        values = env.values
        for name in set_names:  # noqa: SIM110 - a loop, not a generator per evaluation
            if values[name]:
                return True
        for name in clear_names:  # noqa: SIM110
            if not values[name]:
                return True
        return False

    return any_of


def _none_set(names: tuple[str, ...]) -> Compiled:
    """`not a and not b ...`: true when none of the names is set (the commonest condition)."""
    if len(names) == 2:
        first, second = names
        return lambda env: not ((values := env.values)[first] or values[second])
    if len(names) == 3:
        first, second, third = names
        return lambda env: not ((values := env.values)[first] or values[second] or values[third])

    def none_set(env: Env) -> bool:
        values = env.values
        for name in names:  # noqa: SIM110 - a loop, not a generator per evaluation
            if values[name]:
                return False
        return True

    return none_set


def _constant(node: ast.expr) -> tuple[bool, Value]:
    """(True, value) when the node is a literal or a named constant (true, false)."""
    if isinstance(node, ast.Constant):
        value = node.value
        assert isinstance(value, (int, str))  # the whitelist admits only int, bool and str
        return True, value
    if isinstance(node, ast.Name):
        fixed = constant_name(node.id)
        if fixed is not None:
            return True, fixed
    return False, 0


_NAME_VS_CONSTANT: dict[type, Callable[[str, Value], Compiled]] = {
    ast.Eq: lambda n, c: lambda env: env.values[n] == c,
    ast.NotEq: lambda n, c: lambda env: env.values[n] != c,
    ast.Lt: lambda n, c: lambda env: env.values[n] < c,  # type: ignore[operator]
    ast.LtE: lambda n, c: lambda env: env.values[n] <= c,  # type: ignore[operator]
    ast.Gt: lambda n, c: lambda env: env.values[n] > c,  # type: ignore[operator]
    ast.GtE: lambda n, c: lambda env: env.values[n] >= c,  # type: ignore[operator]
}
_EXPR_VS_CONSTANT: dict[type, Callable[[Compiled, Value], Compiled]] = {
    ast.Eq: lambda f, c: lambda env: f(env) == c,
    ast.NotEq: lambda f, c: lambda env: f(env) != c,
    ast.Lt: lambda f, c: lambda env: f(env) < c,  # type: ignore[operator]
    ast.LtE: lambda f, c: lambda env: f(env) <= c,  # type: ignore[operator]
    ast.Gt: lambda f, c: lambda env: f(env) > c,  # type: ignore[operator]
    ast.GtE: lambda f, c: lambda env: f(env) >= c,  # type: ignore[operator]
}
_EXPR_VS_EXPR: dict[type, Callable[[Compiled, Compiled], Compiled]] = {
    ast.Eq: lambda f, g: lambda env: f(env) == g(env),
    ast.NotEq: lambda f, g: lambda env: f(env) != g(env),
    ast.Lt: lambda f, g: lambda env: f(env) < g(env),  # type: ignore[operator]
    ast.LtE: lambda f, g: lambda env: f(env) <= g(env),  # type: ignore[operator]
    ast.Gt: lambda f, g: lambda env: f(env) > g(env),  # type: ignore[operator]
    ast.GtE: lambda f, g: lambda env: f(env) >= g(env),  # type: ignore[operator]
}


def _compile_compare(node: ast.Compare) -> Compiled:
    if len(node.ops) == 1:
        kind, right_node = type(node.ops[0]), node.comparators[0]
        is_constant, constant = _constant(right_node)
        if is_constant:
            name = _plain_name(node.left)
            if name is not None:
                return _NAME_VS_CONSTANT[kind](name, constant)
            return _EXPR_VS_CONSTANT[kind](_compile(node.left), constant)
        return _EXPR_VS_EXPR[kind](_compile(node.left), _compile(right_node))
    operands = [_compile(node.left), *(_compile(c) for c in node.comparators)]
    ops = [_CMPOPS[type(op)] for op in node.ops]

    def chain(env: Env) -> bool:
        values = [operand(env) for operand in operands]
        return all(op(a, b) for op, a, b in zip(ops, values, values[1:], strict=False))

    return chain


def _literal_id(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    assert isinstance(node, ast.Constant) and isinstance(node.value, str)
    return node.value
