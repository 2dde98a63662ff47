"""Checked expressions to closures over an environment. Pure: no eval, no exec, no randomness."""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from game.scenario.expr.parse import constant_name, parse

Value = int | bool | str
Compiled = Callable[["Env"], Value]


class Env(Protocol):
    """What an expression can read: name values and the documented functions."""

    def value(self, name: str) -> Value: ...

    def call(self, function: str, args: tuple[Value, ...]) -> Value: ...


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
    ast.Lt: operator.lt,  # type: ignore[dict-item]
    ast.LtE: operator.le,  # type: ignore[dict-item]
    ast.Gt: operator.gt,  # type: ignore[dict-item]
    ast.GtE: operator.ge,  # type: ignore[dict-item]
}
_ID_FUNCTIONS = {"issued", "pending", "answered", "expired", "answer", "fired", "taken", "in_stage"}


@lru_cache(maxsize=8192)
def compile_expr(text: str) -> Compiled:
    """Compile expression text (already checked at load time) into a function of an Env."""
    return _compile(parse(text))


def _compile(node: ast.expr) -> Compiled:
    if isinstance(node, ast.Constant):
        constant = node.value
        return lambda env: constant
    if isinstance(node, ast.Name):
        fixed = constant_name(node.id)
        if fixed is not None:
            return lambda env: fixed
        name = node.id
        return lambda env: env.value(name)
    if isinstance(node, ast.BoolOp):
        parts = [_compile(value) for value in node.values]
        if len(parts) == 2:  # the common case, without a generator per evaluation
            first, second = parts
            if isinstance(node.op, ast.And):
                return lambda env: bool(first(env)) and bool(second(env))
            return lambda env: bool(first(env)) or bool(second(env))
        if isinstance(node.op, ast.And):
            return lambda env: all(part(env) for part in parts)
        return lambda env: any(part(env) for part in parts)
    if isinstance(node, ast.UnaryOp):
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
            ids = tuple(_literal_id(arg) for arg in node.args)
            return lambda env: env.call(function, ids)
        args = [_compile(arg) for arg in node.args]
        if function == "min":
            return lambda env: min(args[0](env), args[1](env))  # type: ignore[type-var]
        if function == "max":
            return lambda env: max(args[0](env), args[1](env))  # type: ignore[type-var]
        return lambda env: abs(args[0](env))  # type: ignore[arg-type]
    raise ValueError(f"cannot compile {type(node).__name__}")  # the whitelist prevents this


def _compile_compare(node: ast.Compare) -> Compiled:
    operands = [_compile(node.left), *(_compile(c) for c in node.comparators)]
    ops = [_CMPOPS[type(op)] for op in node.ops]
    if len(ops) == 1:
        left, right, op = operands[0], operands[1], ops[0]
        return lambda env: op(left(env), right(env))

    def chain(env: Env) -> bool:
        values = [operand(env) for operand in operands]
        return all(op(a, b) for op, a, b in zip(ops, values, values[1:], strict=False))

    return chain


def _literal_id(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    assert isinstance(node, ast.Constant) and isinstance(node.value, str)
    return node.value
