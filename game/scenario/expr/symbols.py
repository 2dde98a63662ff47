"""What an expression may name: the scenario's declarations and a few documented functions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Type = Literal["int", "bool", "str"]

# What kind of id each function takes, and what it returns. The kinds are the scenario's sections.
FunctionKind = Literal["demand", "event", "action", "stage", "number"]


@dataclass(frozen=True)
class Function:
    name: str
    arg_kinds: tuple[FunctionKind, ...]
    returns: Type
    doc: str


FUNCTIONS: dict[str, Function] = {
    f.name: f
    for f in (
        Function("issued", ("demand",), "bool", "the demand has been presented"),
        Function(
            "pending",
            ("demand",),
            "bool",
            "the demand is presented and not yet answered or expired",
        ),
        Function(
            "answered", ("demand",), "bool", "the player has given a final answer to the demand"
        ),
        Function(
            "expired", ("demand",), "bool", "the demand's deadline ran out without a final answer"
        ),
        Function("answer", ("demand",), "str", 'the id of the response given ("" if none)'),
        Function(
            "days_since_issued",
            ("demand",),
            "int",
            "days since the demand was presented: 0 on its day, -1 before it is presented",
        ),
        Function(
            "fired",
            ("event",),
            "int",
            "how many times the event or intelligence report has happened",
        ),
        Function("taken", ("action",), "int", "how many times the player has taken the action"),
        Function("in_stage", ("stage",), "bool", "the escalation is in that stage"),
        Function("min", ("number", "number"), "int", "the smaller of two numbers"),
        Function("max", ("number", "number"), "int", "the larger of two numbers"),
        Function("abs", ("number",), "int", "the absolute value"),
    )
}

# Names every scenario has, besides what it declares.
BUILTIN_NAMES: dict[str, Type] = {
    "day": "int",  # 1 on the first day of the calendar
    "days_left": "int",  # days after today before the calendar ends
    "budget": "int",  # actions left today
    "date": "str",  # today, as YYYY-MM-DD (compare with date strings)
    "stage": "str",  # the current stage's id
}


@dataclass
class Symbols:
    """The names one scenario declares, grouped by what they are."""

    names: dict[str, Type] = field(default_factory=dict)
    ids: dict[FunctionKind, set[str]] = field(default_factory=dict)
    # For string-valued names and functions: the values a literal may take (e.g. stage ids).
    domains: dict[str, set[str]] = field(default_factory=dict)
    # Per demand, the ids of its responses, to check `answer(d) == "x"`.
    responses: dict[str, set[str]] = field(default_factory=dict)
    # Hidden variables (readable by rules, never shown to the player).
    hidden: set[str] = field(default_factory=set)
    # Ids no function takes, with what they are ("an ending"), to say so when one is given.
    others: dict[str, str] = field(default_factory=dict)
