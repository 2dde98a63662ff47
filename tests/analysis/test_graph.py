"""The scenario diagram: structure of the Mermaid and DOT output, and escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.analysis.graph import build_diagram, dot_text, mermaid_text, scenario_graph
from game.scenario.load import load_scenario, load_scenario_bytes

MINI_PATH = Path(__file__).parent.parent / "fixtures" / "mini.yaml"


@pytest.fixture(scope="module")
def mini():
    return load_scenario(MINI_PATH).scenario


def edges(text: str) -> set[tuple[str, str, str]]:
    """(source, target, label) of every Mermaid edge."""
    found = set()
    for match in re.finditer(r'^  (\w+) -\.?->(?:\|"([^"]*)"\|)? (\w+)$', text, re.M):
        found.add((match.group(1), match.group(3), match.group(2) or ""))
    return found


def test_mermaid_structure(mini):
    text = scenario_graph(mini, "mermaid")
    assert text.startswith("flowchart TD\n")
    # every stage and ending is a node, endings with the terminal shape
    assert '  stage_calm["Calm (initial)"]' in text
    assert '  stage_tense["Tense"]' in text
    for ending in ("war", "appeased", "standoff"):
        assert re.search(rf'^  ending_{ending}\(\["[^"]+"\]\)$', text, re.M)
    assert edges(text) >= {
        ("start_node", "stage_calm", ""),
        ("stage_calm", "stage_tense", "pressure #gt;= 60"),
        ("stage_tense", "stage_calm", "pressure #lt; 40 unless expired(ultimatum)"),
        ("demand_ultimatum", "ending_war", "deadline passes"),
        ("demand_ultimatum", "ending_war", "Refuse (chance)"),
        ("any_dusk", "ending_appeased", "answered(ultimatum) and answer(ultimatum) == 'accept'"),
        ("calendar_ends", "ending_standoff", "not conceded"),
        ("calendar_ends", "ending_appeased", "otherwise"),
    }
    # effect-driven edges are dashed, condition-driven ones solid
    assert "  demand_ultimatum -.->" in text
    assert "  stage_calm -->" in text
    assert "class stage_calm initial" in text


def test_every_edge_connects_declared_nodes(mini):
    for fmt in ("mermaid", "dot"):
        text = scenario_graph(mini, fmt)
        diagram = build_diagram(mini)
        ids = {n.id for n in diagram.nodes}
        for edge in diagram.edges:
            assert edge.source in ids and edge.target in ids
            assert edge.source in text and edge.target in text


def test_dot_structure(mini):
    text = scenario_graph(mini, "dot")
    assert text.startswith('digraph "mini" {\n') and text.rstrip().endswith("}")
    assert '"stage_calm" [label="Calm (initial)", shape=box, style=rounded, penwidth=3];' in text
    assert '"ending_war" [label="War", shape=doubleoctagon];' in text
    assert '"stage_calm" -> "stage_tense" [label="pressure >= 60"];' in text
    assert '"demand_ultimatum" -> "ending_war" [label="deadline passes", style=dashed];' in text
    assert '"calendar_ends" -> "ending_appeased" [label="otherwise"];' in text
    # balanced quotes on every line: nothing in a label breaks out of its string
    for line in text.splitlines():
        assert line.replace('\\"', "").count('"') % 2 == 0, line


def test_escaping():
    assert mermaid_text('a "b" <c> | #d') == "a #quot;b#quot; #lt;c#gt; #124; #35;d"
    assert dot_text('say "no" \\ now') == 'say \\"no\\" \\\\ now'


def test_labels_with_quotes_and_brackets_are_escaped(mini):
    raw = MINI_PATH.read_text(encoding="utf-8").replace(
        "    label: Tense\n", "    label: 'Tense [\"very\"] <1>'\n"
    )
    scenario = load_scenario_bytes(raw.encode(), "m.yaml").scenario
    mermaid = scenario_graph(scenario, "mermaid")
    assert '  stage_tense["Tense [#quot;very#quot;] #lt;1#gt;"]' in mermaid
    dot = scenario_graph(scenario, "dot")
    assert '"stage_tense" [label="Tense [\\"very\\"] <1>", shape=box, style=rounded];' in dot


def test_ending_naming_a_stage_comes_from_that_stage(mini):
    raw = (
        MINI_PATH.read_text(encoding="utf-8")
        .replace('    when: "not conceded"\n', '    when: "not conceded"\n')
        .replace(
            "  war:\n    title: War\n",
            '  war:\n    title: War\n    when: "in_stage(tense) and pressure >= 95"\n',
        )
    )
    scenario = load_scenario_bytes(raw.encode(), "m.yaml").scenario
    assert ("stage_tense", "ending_war", "in_stage(tense) and pressure #gt;= 95") in edges(
        scenario_graph(scenario)
    )


def test_unknown_format(mini):
    with pytest.raises(ValueError):
        scenario_graph(mini, "svg")  # type: ignore[arg-type]
