"""Name and type checking of a parsed expression against a scenario's declarations."""

from __future__ import annotations

import ast
import datetime as dt
from dataclasses import dataclass

from game.scenario.expr.parse import ExprSyntaxError, _position, constant_name, parse
from game.scenario.expr.symbols import BUILTIN_NAMES, FUNCTIONS, Symbols, Type
from game.scenario.suggest import did_you_mean

_KIND_LABEL = {
    "demand": "demand",
    "event": "event or intelligence report",
    "action": "action",
    "stage": "stage",
}


@dataclass(frozen=True)
class ExprIssue:
    """A problem at `line` (1-based) and `col` (0-based) inside the expression text."""

    message: str
    line: int = 1
    col: int = 0
    hint: str = ""


class _Stop(Exception):
    def __init__(self, issue: ExprIssue):
        self.issue = issue


def check(
    text: str, symbols: Symbols, expected: Type | None, word_hint: str = ""
) -> list[ExprIssue]:
    """Every problem with `text` as an expression of type `expected` (None: any type).

    `word_hint`: what to say when the whole expression is one unknown name, a word written where
    a value goes (`apologised: "yes"`), in place of the hint for `expected`.
    """
    try:
        tree = parse(text)
    except ExprSyntaxError as exc:
        return [ExprIssue(exc.message, exc.line, exc.col, exc.hint)]
    checker = _Checker(text, symbols, tree, expected, word_hint)
    try:
        found = checker.type_of(tree)
        if expected is not None and found != expected:
            raise checker.stop(
                tree,
                f"expected a {_NOUN[expected]} here, but this is a {_NOUN[found]}",
                _coerce_hint(expected),
            )
    except _Stop as stop:
        return [stop.issue]
    return []


_NOUN = {"int": "number", "bool": "condition (true/false)", "str": "text"}


def _coerce_hint(expected: Type) -> str:
    if expected == "bool":
        return "compare it, e.g. 'pressure >= 50'"
    return ""


class _Checker:
    def __init__(
        self,
        text: str,
        symbols: Symbols,
        tree: ast.expr | None = None,
        expected: Type | None = None,
        word_hint: str = "",
    ):
        self.text = text
        self.symbols = symbols
        # the whole expression, what it should give, and what to say of a word written for it
        self.tree, self.expected, self.word_hint = tree, expected, word_hint
        # a name compared with `answer(x)` (by the id of its node): the demand x
        self.answered: dict[int, str] = {}
        # an unknown name compared with text (by the id of its node): the comparison, the name
        # in quotes (`stage != 'showdown'`)
        self.as_text: dict[int, str] = {}

    def stop(self, node: ast.AST, message: str, hint: str = "") -> _Stop:
        line, col = _position(node, self.text)
        return _Stop(ExprIssue(message, line, col, hint))

    def type_of(self, node: ast.expr) -> Type:
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool):
                return "bool"
            return "int" if isinstance(node.value, int) else "str"
        if isinstance(node, ast.Name):
            return self._name(node)
        if isinstance(node, ast.BoolOp):
            for value in node.values:
                self._expect(value, "bool", "'and'/'or' join conditions")
            return "bool"
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not):
                self._expect(node.operand, "bool", "'not' applies to a condition")
                return "bool"
            self._expect(node.operand, "int", "'-' applies to a number")
            return "int"
        if isinstance(node, ast.BinOp):
            self._expect(node.left, "int", "arithmetic works on numbers")
            self._expect(node.right, "int", "arithmetic works on numbers")
            return "int"
        if isinstance(node, ast.Compare):
            return self._compare(node)
        if isinstance(node, ast.IfExp):
            self._expect(node.test, "bool", "the test of 'x if test else y' is a condition")
            first = self.type_of(node.body)
            self._expect(
                node.orelse, first, "both branches of 'if ... else' must have the same type"
            )
            return first
        if isinstance(node, ast.Call):
            return self._call(node)
        raise self.stop(
            node, "unsupported expression"
        )  # the parser's whitelist makes this unreachable

    def _expect(self, node: ast.expr, wanted: Type, why: str) -> None:
        found = self.type_of(node)
        if found != wanted:
            raise self.stop(node, f"expected a {_NOUN[wanted]}, found a {_NOUN[found]}: {why}")

    def _name(self, node: ast.Name) -> Type:
        if constant_name(node.id) is not None:
            return "bool"
        known = self.symbols.names.get(node.id) or BUILTIN_NAMES.get(node.id)
        if known is None:
            pool = [*self.symbols.names, *BUILTIN_NAMES]
            hint = did_you_mean(node.id, pool)
            for kind, ids in self.symbols.ids.items():
                if node.id in ids and kind in _KIND_LABEL:
                    hint = f"'{node.id}' is a {_KIND_LABEL[kind]}; use it inside a function such as {_example(kind)}"
                    if kind == "stage" and id(node) in self.as_text:  # `stage == standoff`
                        hint = (
                            f"'{node.id}' is a stage: compare it as text, in single quotes inside "
                            f"the expression ({self.as_text[id(node)]}), or write in_stage({node.id})"
                        )
            asked = [d for d, answers in self.symbols.responses.items() if node.id in answers]
            compared = self.answered.get(id(node))
            if compared in asked:  # `answer(no_troops) == refuse`: compared as text, in quotes
                asked = [compared]
            if len(asked) == 1:
                hint = (
                    f"'{node.id}' is an answer to '{asked[0]}': compare it as text, in quotes: "
                    f"answer({asked[0]}) == '{node.id}'"
                )
            elif asked:
                hint = (
                    f"'{node.id}' is an answer of several demands: compare it as text, in "
                    f"quotes: answer(demand) == '{node.id}'"
                )
            if not hint:  # nothing declared is near it: perhaps it was never declared
                hint = self._unknown_hint(node)
            raise self.stop(node, f"unknown name '{node.id}'", hint)
        return known

    def _unknown_hint(self, node: ast.Name) -> str:
        """What to say of a name nothing declared is near: it may be text, a word for a value,
        or a name never declared."""
        if id(node) in self.as_text:  # `stage != showdown`: text has quotes of its own
            return (
                f"if '{node.id}' is text, write it in single quotes inside the expression: "
                f"{self.as_text[id(node)]}"
            )
        if node is self.tree and self.word_hint:
            return self.word_hint
        if node is self.tree and self.expected == "int":  # `weight: two`
            return (
                'a number here is a whole number or an expression that gives one, such as 2 or "100 - '
                f"resolve\"; if '{node.id}' is meant as a name, declare it under stats or hidden"
            )
        return (
            f"declare '{node.id}' under flags (true or false) or under stats or hidden (numbers), "
            "or check its spelling"
        )

    def _compare(self, node: ast.Compare) -> Type:
        operands = [node.left, *node.comparators]
        for op, left, right in zip(node.ops, operands, operands[1:], strict=False):
            for call, other in ((left, right), (right, left)):
                if isinstance(other, ast.Name) and (demand := _answer_of(call)):
                    self.answered[id(other)] = demand
            self._note_text_side(op, left, right)
        types = [self.type_of(operand) for operand in operands]
        for op, left, right, left_type, right_type in zip(
            node.ops, operands, operands[1:], types, types[1:], strict=False
        ):
            if left_type != right_type:
                hint = ""
                if "bool" in (left_type, right_type):
                    hint = "a flag is already true or false: write 'flag' or 'not flag'"
                elif {left_type, right_type} == {"str", "int"} and (
                    written := _unquoted_date(right, left)
                ):
                    hint = f'a date is text: put it in quotes, e.g. date >= "{written}"'
                raise self.stop(
                    right, f"cannot compare a {_NOUN[left_type]} with a {_NOUN[right_type]}", hint
                )
            ordered = not isinstance(op, (ast.Eq, ast.NotEq))
            if (
                left_type != "int"
                and ordered
                and not (left_type == "str" and self._is_date_side(left, right))
            ):
                raise self.stop(
                    node, f"'<' and '>' compare numbers (or dates), not a {_NOUN[left_type]}"
                )
            if left_type == "str":
                self._check_literal(left, right)
                self._check_literal(right, left)
        return "bool"

    def _note_text_side(self, op: ast.cmpop, left: ast.expr, right: ast.expr) -> None:
        """An unknown name compared with text (`stage != showdown`) is perhaps text itself."""
        for name, other in ((left, right), (right, left)):
            if not isinstance(name, ast.Name) or self._declared(name.id):
                continue
            if isinstance(other, ast.Name) and not self._declared(other.id):
                continue
            try:
                if self.type_of(other) != "str":
                    continue
            except _Stop:  # the other side is wrong too: its own error comes in its turn
                continue
            if name is left:
                quoted = ast.Compare(ast.Constant(name.id), [op], [other])
            else:
                quoted = ast.Compare(other, [op], [ast.Constant(name.id)])
            self.as_text[id(name)] = ast.unparse(quoted)

    def _declared(self, name: str) -> bool:
        return (
            name in self.symbols.names or name in BUILTIN_NAMES or constant_name(name) is not None
        )

    def _is_date_side(self, left: ast.expr, right: ast.expr) -> bool:
        return any(isinstance(side, ast.Name) and side.id == "date" for side in (left, right))

    def _check_literal(self, subject: ast.expr, literal: ast.expr) -> None:
        """`stage == "ultimatum"` and `answer(d) == "refuse"`: the text must be a real id."""
        if not (isinstance(literal, ast.Constant) and isinstance(literal.value, str)):
            return
        value = literal.value
        if isinstance(subject, ast.Name) and subject.id == "date":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise self.stop(
                    literal, f"'{value}' is not a date", "write dates as YYYY-MM-DD"
                ) from None
            return
        domain: set[str] | None = None
        what = ""
        if isinstance(subject, ast.Name) and subject.id == "stage":
            domain, what = self.symbols.ids.get("stage", set()), "stage"
        elif isinstance(subject, ast.Name) and subject.id in self.symbols.domains:
            domain, what = self.symbols.domains[subject.id], subject.id
        elif (
            isinstance(subject, ast.Call)
            and isinstance(subject.func, ast.Name)
            and subject.func.id == "answer"
            and subject.args
        ):
            demand = _arg_id(subject.args[0])
            domain = (self.symbols.responses.get(demand or "", set()) | {""}) if demand else None
            what = f"response of '{demand}'"
        if domain is not None and value not in domain:
            raise self.stop(literal, f"'{value}' is not a {what}", did_you_mean(value, domain))

    def _call(self, node: ast.Call) -> Type:
        assert isinstance(node.func, ast.Name)  # guaranteed by the parser's whitelist
        function = FUNCTIONS[node.func.id]
        if len(node.args) != len(function.arg_kinds):
            raise self.stop(
                node,
                f"{function.name}() takes {len(function.arg_kinds)} argument(s), got {len(node.args)}",
            )
        for arg, kind in zip(node.args, function.arg_kinds, strict=True):
            if kind == "number":
                self._expect(arg, "int", f"{function.name}() works on numbers")
                continue
            ident = _arg_id(arg)
            if ident is None:
                raise self.stop(arg, f"{function.name}() takes the id of a {_KIND_LABEL[kind]}")
            known = self.symbols.ids.get(kind, set())
            if ident not in known:
                other = next(
                    (k for k, ids in self.symbols.ids.items() if k != kind and ident in ids), None
                )
                if other is not None and other in _KIND_LABEL:
                    # `answered(brawl)` where brawl is an event: say what it is, and what fits
                    raise self.stop(
                        arg,
                        f"'{ident}' is {_a(_KIND_LABEL[other])}, not {_a(_KIND_LABEL[kind])}",
                        f"{function.name}() takes {_a(_KIND_LABEL[kind])}; for {_a(_KIND_LABEL[other])} "
                        f"use {_example(other)}",
                    )
                if ident in self.symbols.others:  # `in_stage(drift)` where drift is an ending
                    raise self.stop(
                        arg,
                        f"'{ident}' is {self.symbols.others[ident]}, not {_a(_KIND_LABEL[kind])}",
                        f"{function.name}() takes {_a(_KIND_LABEL[kind])}",
                    )
                raise self.stop(
                    arg, f"unknown {_KIND_LABEL[kind]} '{ident}'", did_you_mean(ident, known)
                )
        return function.returns


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _unquoted_date(*nodes: ast.expr) -> str:
    """YEAR-MONTH-DAY written without quotes (Python reads a subtraction), as it should be
    written in quotes ("1935-06-12"); "" if no node is one."""
    for node in nodes:
        parts: list[ast.expr] = []
        while isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub):
            parts.append(node.right)
            node = node.left
        parts.append(node)
        values = [
            p.value for p in reversed(parts) if isinstance(p, ast.Constant) and type(p.value) is int
        ]
        if len(parts) == 3 and len(values) == 3:
            year, month, day = (int(value) for value in values)
            return f"{year}-{month:02d}-{day:02d}"
    return ""


def _arg_id(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _example(kind: str) -> str:
    return {
        "demand": "issued(x)",
        "event": "fired(x)",
        "action": "taken(x)",
        "stage": "in_stage(x)",
    }[kind]


def _answer_of(node: ast.expr) -> str | None:
    """The demand x of a call `answer(x)` (written bare or in quotes); None for anything else."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "answer"
        and len(node.args) == 1
    ):
        return None
    arg = node.args[0]
    if isinstance(arg, ast.Name):
        return arg.id
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    return None
