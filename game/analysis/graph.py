"""The scenario's stage machine and its flow into endings, as a Mermaid or Graphviz DOT diagram.

One pure function, `scenario_graph(scenario, fmt)`. The diagram is built once as plain nodes and
edges, then written out by one small renderer per format, each with its own escaping rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from game.scenario.lint import stages_named
from game.scenario.model import Scenario
from game.scenario.walk import all_effects

Format = Literal["mermaid", "dot"]
FORMATS: tuple[Format, ...] = ("mermaid", "dot")
NodeKind = Literal[
    "start", "stage", "ending", "demand", "event", "action", "actor", "dusk", "calendar"
]

START = "start"
DUSK = "any_dusk"
CALENDAR = "calendar_ends"
MAX_LABEL = 80


@dataclass(frozen=True)
class Node:
    id: str
    kind: NodeKind
    label: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str = ""
    dashed: bool = False


@dataclass(frozen=True)
class Diagram:
    nodes: list[Node]
    edges: list[Edge]


_SPECIAL = {"start": "start_node", "dusk": "any_dusk", "calendar": "calendar_ends"}


def node_id(kind: str, ident: str) -> str:
    """A node id safe in both formats: letters, digits and underscores only, prefixed by its kind."""
    if kind in _SPECIAL:
        return _SPECIAL[kind]
    return f"{kind}_{re.sub(r'[^A-Za-z0-9_]', '_', ident)}"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _condition(when: str | None, unless: str | None = None) -> str:
    label = "" if when in (None, "true") else when
    if unless:
        label = f"{label} unless {unless}" if label else f"unless {unless}"
    return _short(label or "")


def build_diagram(s: Scenario) -> Diagram:
    """The nodes and edges: stages, endings, and whatever moves between them."""
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []

    def add(kind: NodeKind, ident: str, label: str) -> str:
        nid = node_id(kind, ident)
        nodes.setdefault(nid, Node(nid, kind, _short(label)))
        return nid

    add("start", START, "start")
    for sid, stage in s.stages.items():
        add("stage", sid, stage.label + (" (initial)" if sid == s.initial_stage else ""))
    for eid, ending in s.endings.items():
        add("ending", eid, ending.title + (" (historical)" if ending.historical else ""))
    edges.append(Edge(node_id("start", START), node_id("stage", s.initial_stage)))

    for sid, stage in s.stages.items():
        for transition in stage.transitions:
            edges.append(
                Edge(
                    node_id("stage", sid),
                    node_id("stage", transition.to),
                    _condition(transition.when, transition.unless),
                )
            )

    # effects that move the stage or end the game, from whatever holds them
    for path, effects in all_effects(s):
        if not (effects.goto or effects.end):
            continue
        source, label = _effect_source(s, path, add)
        if effects.goto:
            edges.append(Edge(source, node_id("stage", effects.goto), label, dashed=True))
        if effects.end:
            edges.append(Edge(source, node_id("ending", effects.end), label, dashed=True))

    # endings by condition: from the stages they name, else from any dusk
    for eid, ending in s.endings.items():
        target = node_id("ending", eid)
        if ending.at_end_only and ending.when is not None:
            add("calendar", CALENDAR, "calendar ends")
            edges.append(Edge(node_id("calendar", CALENDAR), target, _condition(ending.when)))
        elif ending.when is not None:
            named = sorted(n for n in stages_named(ending.when) if n in s.stages)
            if not named:
                add("dusk", DUSK, "any dusk")
            for source in [node_id("stage", n) for n in named] or [node_id("dusk", DUSK)]:
                edges.append(Edge(source, target, _condition(ending.when)))
    add("calendar", CALENDAR, "calendar ends")
    edges.append(
        Edge(node_id("calendar", CALENDAR), node_id("ending", s.default_ending), "otherwise")
    )
    return Diagram(list(nodes.values()), edges)


def _effect_source(
    s: Scenario, path: tuple[str | int, ...], add: Callable[[NodeKind, str, str], str]
) -> tuple[str, str]:
    section, ident = str(path[0]), str(path[1])
    if section == "stages":
        return node_id("stage", ident), "on entry" if path[2] == "on_enter" else "on exit"
    if section == "demands":
        demand = s.demands[ident]
        nid = add(
            "demand", ident, ("Ultimatum: " if demand.ultimatum else "Demand: ") + demand.title
        )
        if path[2] == "on_expiry":
            return nid, "deadline passes"
        if path[2] == "expiry_outcomes":
            return nid, "deadline passes (chance)"
        response = demand.responses[str(path[3])]
        return nid, response.label + (" (chance)" if "outcomes" in path else "")
    if section in ("events", "intel"):
        spec = s.events[ident] if section == "events" else s.intel[ident]
        return add("event", ident, spec.title), ""
    if section == "injects":
        return add("event", ident, "Inject: " + s.injects[ident].title), "teacher releases"
    if section == "actions":
        return add(
            "action", ident, s.actions[ident].label
        ), "(chance)" if "outcomes" in path else ""
    actor = s.actors[ident]
    rule = actor.rules[int(path[3])]
    return add("actor", f"{ident}_{path[3]}", f"{actor.name}: {rule.title}"), ""


# --- writers --------------------------------------------------------------------------------------

_MERMAID_SHAPES = {
    "start": ("((", "))"),
    "stage": ("[", "]"),
    "ending": ("([", "])"),
    "demand": ("{{", "}}"),
    "event": (">", "]"),
    "action": ("[/", "/]"),
    "actor": ("[\\", "\\]"),
    "dusk": ("((", "))"),
    "calendar": ("((", "))"),
}


def mermaid_text(text: str) -> str:
    """Text safe inside a quoted Mermaid label: entity codes for the characters Mermaid reads."""
    text = text.replace("#", "#35;")
    for char, code in (
        ('"', "#quot;"),
        ("<", "#lt;"),
        (">", "#gt;"),
        ("|", "#124;"),
        ("`", "#96;"),
    ):
        text = text.replace(char, code)
    return text


def dot_text(text: str) -> str:
    """Text safe inside a double-quoted DOT string."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _mermaid(s: Scenario, diagram: Diagram) -> str:
    lines = [
        "flowchart TD",
        f"  %% {mermaid_text(s.title)}: stages, and how the game reaches its endings",
    ]
    for node in diagram.nodes:
        left, right = _MERMAID_SHAPES[node.kind]
        lines.append(f'  {node.id}{left}"{mermaid_text(node.label)}"{right}')
    for edge in diagram.edges:
        arrow = "-.->" if edge.dashed else "-->"
        label = f'|"{mermaid_text(edge.label)}"|' if edge.label else ""
        lines.append(f"  {edge.source} {arrow}{label} {edge.target}")
    lines.append("  classDef ending fill:#eee,stroke:#333,stroke-width:2px")
    lines.append("  classDef initial stroke-width:3px")
    endings = [n.id for n in diagram.nodes if n.kind == "ending"]
    if endings:
        lines.append(f"  class {','.join(endings)} ending")
    lines.append(f"  class {node_id('stage', s.initial_stage)} initial")
    return "\n".join(lines) + "\n"


_DOT_SHAPES = {
    "start": "shape=point, width=0.2",
    "stage": "shape=box, style=rounded",
    "ending": "shape=doubleoctagon",
    "demand": "shape=hexagon",
    "event": "shape=note",
    "action": "shape=parallelogram",
    "actor": "shape=trapezium",
    "dusk": "shape=circle",
    "calendar": "shape=circle",
}


def _dot(s: Scenario, diagram: Diagram) -> str:
    lines = [
        f'digraph "{dot_text(s.id)}" {{',
        f'  label="{dot_text(s.title)}";',
        "  rankdir=TB;",
        '  node [fontname="sans-serif"];',
    ]
    for node in diagram.nodes:
        extra = ", penwidth=3" if node.id == node_id("stage", s.initial_stage) else ""
        label = "" if node.kind == "start" else f'label="{dot_text(node.label)}", '
        lines.append(f'  "{node.id}" [{label}{_DOT_SHAPES[node.kind]}{extra}];')
    for edge in diagram.edges:
        attrs = []
        if edge.label:
            attrs.append(f'label="{dot_text(edge.label)}"')
        if edge.dashed:
            attrs.append("style=dashed")
        suffix = f" [{', '.join(attrs)}]" if attrs else ""
        lines.append(f'  "{edge.source}" -> "{edge.target}"{suffix};')
    lines.append("}")
    return "\n".join(lines) + "\n"


def scenario_graph(scenario: Scenario, fmt: Format = "mermaid") -> str:
    """The diagram of `scenario` as Mermaid (`flowchart`) or Graphviz DOT text."""
    diagram = build_diagram(scenario)
    if fmt == "dot":
        return _dot(scenario, diagram)
    if fmt == "mermaid":
        return _mermaid(scenario, diagram)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
