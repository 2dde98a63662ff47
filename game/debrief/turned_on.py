"""What an ending turned on: the things its condition reads, as they stood when the game ended.

Teacher's report review: the report did not say why a game ended as it did (a "bluffing" army
that occupied Peiping all the same). An ending is reached at dusk when its condition holds; the
names that condition reads (`game.scenario.expr.reads`), in the order written, are told as the
players know them: a fact that held (by its label), a stat's or an attitude's value, the stage,
the answer given to a demand, a hidden draw's meaning. A fact that did not hold is told ("not:
Chinese troops stand and fight") where the condition reads it only under `not`, so that its not
holding is part of why; elsewhere it is left out, since the report cannot tell whether it counted.
"""

from __future__ import annotations

import ast

from game.engine.state import GameState
from game.scenario.expr import parse
from game.scenario.expr.reads import reads
from game.scenario.model import Scenario

# where "no ending's condition held by the last day": the scenario's default ending
CALENDAR_RAN_OUT = "the last day came and none of the other endings' conditions held"


def turned_on(scenario: Scenario, state: GameState) -> list[str]:
    """The ending's condition's names as they stood at the end, in the order the condition
    names them; for the default ending without a condition, that the calendar ran out."""
    spec = scenario.endings.get(state.ending or "")
    if spec is None:
        return []
    when = spec.when
    if not when or when.strip() == "true":
        return [CALENDAR_RAN_OUT] if state.ending == scenario.default_ending else []
    keys = sorted(reads(when), key=lambda key: _place(when, key))
    negated = _only_negated(when)
    return [said for key in keys if (said := _say(scenario, state, key, key in negated))]


def _only_negated(text: str) -> set[str]:
    """The names the condition reads only as `not NAME` (play-test review: 'Peiping and Tianjin
    occupied' turned on the troops not fighting, and the report left that out)."""
    plain: set[str] = set()  # every other reading, `not (a or b)` included: it says less of each
    negated: set[str] = set()

    def visit(node: ast.AST) -> None:
        if (
            isinstance(node, ast.UnaryOp)
            and isinstance(node.op, ast.Not)
            and isinstance(node.operand, ast.Name)
        ):
            negated.add(node.operand.id)
        elif isinstance(node, ast.Name):
            plain.add(node.id)
        else:
            for child in ast.iter_child_nodes(node):
                visit(child)

    visit(parse(text))
    return negated - plain


def _place(text: str, key: str) -> int:
    """Where the condition first names `key` (a demand's key by its id, the stage by in_stage)."""
    name = {"stage": "in_stage"}.get(key, key.split(":", 1)[-1])
    found = text.find(name)
    return found if found >= 0 else len(text)


def _say(scenario: Scenario, state: GameState, key: str, negated: bool = False) -> str:
    if key in scenario.flags:
        said = scenario.flags[key].label or key.replace("_", " ")
        if state.flags.get(key):
            return said
        return f"not: {said}" if negated else ""
    if key in scenario.stats:
        return f"{scenario.stats[key].label} {state.stats.get(key, 0)}"
    if key in scenario.actors:
        return f"{scenario.actors[key].name}'s attitude {state.attitudes.get(key, 0)}"
    if key in scenario.hidden:
        spec, value = scenario.hidden[key], state.hidden.get(key, 0)
        meaning = next((c.label for c in spec.choices if c.value == value), "") or str(value)
        return f"{spec.label}: {meaning}"
    if key == "stage" and state.stage in scenario.stages:
        return f"the stage: {scenario.stages[state.stage].label}"
    if key.startswith("demand:"):
        return _demand(scenario, state, key.split(":", 1)[1])
    return ""  # the day, the date, how often something fired: the timeline says these


def _demand(scenario: Scenario, state: GameState, ident: str) -> str:
    demand, active = scenario.demands.get(ident), state.demands.get(ident)
    if demand is None or active is None:
        return ""
    if active.status == "answered" and active.answer in demand.responses:
        return f"{demand.title}: you answered {demand.responses[active.answer].label}"
    if active.status == "expired":
        return f"{demand.title}: its deadline ran out"
    return f"{demand.title}: still unanswered"
