"""The condition and effect language: a small, safe subset of Python expressions.

Authors write conditions such as ``pressure >= 70 and not yu_dismissed`` and values such as
``resolve // 10``. Text is parsed with Python's own parser, every node is checked against a
whitelist, names and types are checked against the scenario's declarations at load time, and the
result is compiled to plain closures. Nothing is ever passed to ``eval`` or ``exec``.
"""

from game.scenario.expr.check import ExprIssue, check
from game.scenario.expr.compile import Env, compile_expr
from game.scenario.expr.parse import ExprSyntaxError, parse
from game.scenario.expr.symbols import FUNCTIONS, Symbols, Type

__all__ = [
    "FUNCTIONS",
    "Env",
    "ExprIssue",
    "ExprSyntaxError",
    "Symbols",
    "Type",
    "check",
    "compile_expr",
    "parse",
]
