"""Text to a checked Python AST: only whitelisted node types get through."""

from __future__ import annotations

import ast
import warnings
from functools import lru_cache

from game.scenario.expr.plain import explain, too_deep, unmatched_close
from game.scenario.expr.symbols import FUNCTIONS

MAX_LENGTH = 2_000
MAX_DEPTH = 60  # nested parentheses, calls and operators: beyond it, "expression nested too deeply"

_ALLOWED_BINOPS = (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod)
_ALLOWED_CMPOPS = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)
_CONSTANT_NAMES = {"true": True, "false": False, "True": True, "False": False}

_REFUSED: dict[type, str] = {
    ast.Attribute: "attribute access ('.') is not allowed",
    ast.Subscript: "indexing ('[]') is not allowed",
    ast.Lambda: "lambda is not allowed",
    ast.ListComp: "comprehensions are not allowed",
    ast.SetComp: "comprehensions are not allowed",
    ast.DictComp: "comprehensions are not allowed",
    ast.GeneratorExp: "comprehensions are not allowed",
    ast.List: "lists are not allowed in expressions",
    ast.Tuple: "tuples are not allowed in expressions",
    ast.Dict: "dictionaries are not allowed in expressions",
    ast.Set: "sets are not allowed in expressions",
    ast.NamedExpr: "assignment (':=') is not allowed",
    ast.Starred: "'*' unpacking is not allowed",
    ast.JoinedStr: "f-strings are not allowed",
    ast.Await: "await is not allowed",
    ast.Yield: "yield is not allowed",
    ast.YieldFrom: "yield is not allowed",
}


class ExprSyntaxError(Exception):
    """A problem in expression text, at `line` (1-based) and `col` (0-based) within it."""

    def __init__(self, message: str, line: int = 1, col: int = 0, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.hint = hint


def _char_col(text: str, line: int, byte_col: int) -> int:
    """Python's parser reports UTF-8 byte offsets; authors count characters."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return byte_col
    return len(lines[line - 1].encode("utf-8")[:byte_col].decode("utf-8", "ignore"))


@lru_cache(maxsize=4096)
def parse(text: str) -> ast.expr:
    """Parse and whitelist an expression; raises ExprSyntaxError with its position."""
    if len(text) > MAX_LENGTH:
        raise ExprSyntaxError(f"expression longer than {MAX_LENGTH} characters")
    if not text.strip():
        raise ExprSyntaxError("empty expression")
    deep = too_deep(text, MAX_DEPTH)
    if deep is not None:
        # as deep nesting through max( or not is told (robustness review: 200 parentheses gave
        # "the game cannot read this", Python's own limit on nested parentheses)
        line = text.count("\n", 0, deep) + 1
        raise ExprSyntaxError(
            "expression nested too deeply", line, deep - (text.rfind("\n", 0, deep) + 1)
        )
    wrapped = "(" + text + "\n)"  # parentheses let a folded YAML string span lines
    try:
        with warnings.catch_warnings():
            # Python only warns about some typos ("70and"); for authors they are errors.
            warnings.simplefilter("error", SyntaxWarning)
            tree = ast.parse(wrapped, mode="eval")
    except SyntaxError as exc:
        line = exc.lineno or 1
        col = max(0, (exc.offset or 1) - 1 - (1 if line == 1 else 0))
        text_lines = text.split("\n")
        if line > len(text_lines):  # the error is at the closing parenthesis we added
            line, col = len(text_lines), len(text_lines[-1])
            stray = unmatched_close(text)
            if stray is not None:  # Python blames ours; the author's own ')' is the one too many
                line = text.count("\n", 0, stray) + 1
                col = stray - (text.rfind("\n", 0, stray) + 1)
        found = explain(text, exc.msg or "invalid syntax")
        if found.at is not None:  # the token to fix, rather than where Python gave up
            line = text.count("\n", 0, found.at) + 1
            col = found.at - (text.rfind("\n", 0, found.at) + 1)
        raise ExprSyntaxError(
            f"invalid expression: {found.message}", line, col, found.hint
        ) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExprSyntaxError("invalid expression") from None
    _whitelist(tree.body, text)
    return tree.body


def _position(node: ast.AST, text: str) -> tuple[int, int]:
    line = getattr(node, "lineno", 1)
    col = _char_col("(" + text, line, getattr(node, "col_offset", 0))
    if line == 1:
        col -= 1
    return line, max(col, 0)


def _fail(node: ast.AST, text: str, message: str, hint: str = "") -> ExprSyntaxError:
    line, col = _position(node, text)
    return ExprSyntaxError(message, line, col, hint)


def _whitelist(node: ast.AST, text: str, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise _fail(node, text, "expression nested too deeply")
    for kind, message in _REFUSED.items():
        if isinstance(node, kind):
            raise _fail(node, text, message)
    if isinstance(node, ast.BoolOp):
        for value in node.values:
            _whitelist(value, text, depth + 1)
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, (ast.Not, ast.USub, ast.UAdd)):
            raise _fail(node, text, "only 'not', '-' and '+' may stand before a value")
        _whitelist(node.operand, text, depth + 1)
    elif isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Div):
            raise _fail(node, text, "'/' is not allowed", "numbers are whole: use '//' to divide")
        if not isinstance(node.op, _ALLOWED_BINOPS):
            raise _fail(node, text, "only + - * // % are allowed in arithmetic")
        _whitelist(node.left, text, depth + 1)
        _whitelist(node.right, text, depth + 1)
    elif isinstance(node, ast.Compare):
        for op in node.ops:
            if isinstance(op, (ast.In, ast.NotIn)):
                raise _fail(node, text, "'in' is not allowed")
            if isinstance(op, (ast.Is, ast.IsNot)):
                raise _fail(node, text, "'is' is not allowed", "use '==' or '!='")
            if not isinstance(op, _ALLOWED_CMPOPS):
                raise _fail(node, text, "unsupported comparison")
        _whitelist(node.left, text, depth + 1)
        for comparator in node.comparators:
            _whitelist(comparator, text, depth + 1)
    elif isinstance(node, ast.IfExp):
        for part in (node.test, node.body, node.orelse):
            _whitelist(part, text, depth + 1)
    elif isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name):
            raise _fail(node, text, "only the documented functions may be called")
        if node.func.id not in FUNCTIONS:
            from game.scenario.suggest import did_you_mean

            raise _fail(
                node.func,
                text,
                f"unknown function '{node.func.id}'",
                did_you_mean(node.func.id, FUNCTIONS)
                or f"functions: {', '.join(sorted(FUNCTIONS))}",
            )
        if node.keywords:
            raise _fail(node, text, "keyword arguments are not allowed")
        for arg in node.args:
            _whitelist(arg, text, depth + 1)
    elif isinstance(node, ast.Name):
        if node.id.startswith("__"):
            raise _fail(node, text, f"names beginning with '__' are not allowed ('{node.id}')")
    elif isinstance(node, ast.Constant):
        if isinstance(node.value, float):
            raise _fail(
                node,
                text,
                "numbers are whole; fractions are not allowed",
                "use an integer, e.g. a percentage",
            )
        if not isinstance(node.value, (int, str)) or node.value is None:
            raise _fail(node, text, f"constant {node.value!r} is not allowed")
    else:
        raise _fail(node, text, f"'{type(node).__name__}' is not allowed in expressions")


def constant_name(name: str) -> bool | None:
    """`true`/`false` (YAML spelling) and `True`/`False` all read as booleans."""
    return _CONSTANT_NAMES.get(name)
