"""docs/authoring.md: the tutorial's snippets are valid and build the final file; the reference is current."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from game.scenario.load import check_scenario_bytes
from game.scenario.yaml_source import read_yaml

ROOT = Path(__file__).resolve().parent.parent.parent
GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, re.S)


def section(title: str) -> str:
    start = GUIDE.index(title)
    following = GUIDE.find("\n### ", start + len(title))
    return GUIDE[start : following if following > 0 else len(GUIDE)]


def steps() -> list[str]:
    return [yaml_blocks(section(f"### Step {n} "))[0] for n in range(1, 9)]


def final() -> str:
    return yaml_blocks(section("### The whole file"))[0]


def test_every_snippet_is_valid_yaml():
    blocks = yaml_blocks(GUIDE)
    assert len(blocks) >= 10
    for block in blocks:
        document, problems = read_yaml(block, "snippet.yaml")
        assert document is not None, problems


def test_the_final_file_is_a_clean_scenario():
    scenario, found = check_scenario_bytes(final().encode(), "scenarios/yu_stays.yaml")
    assert scenario is not None and [str(d) for d in found] == []
    assert scenario.counterfactual


def test_steps_one_to_eight_give_the_warning_the_guide_shows():
    built = "\n".join(steps())
    scenario, found = check_scenario_bytes(built.encode(), "scenarios/yu_stays.yaml")
    assert scenario is not None
    shown = re.search(
        r"```\n(scenarios/yu_stays\.yaml:\d+:\d+: warning: .*)\n```", section("### Step 9 ")
    ).group(1)
    assert [str(d) for d in found] == [shown]


def test_the_fix_turns_the_steps_into_the_final_file():
    fix = yaml_blocks(section("### Step 9 "))[0].splitlines()
    built = "\n".join(steps()).replace(fix[0] + "\n" + fix[1] + "\n", "\n".join(fix) + "\n")
    squash = lambda text: [line for line in text.splitlines() if line.strip()]  # noqa: E731
    assert squash(built) == squash(final())


def test_the_field_reference_is_current():
    spec = importlib.util.spec_from_file_location(
        "gen_reference", ROOT / "scripts" / "gen_reference.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.replace_reference(GUIDE, module.reference_markdown()) == GUIDE, (
        "run: python scripts/gen_reference.py"
    )
    # and it covers every section of the format
    for name in (
        "Calendar",
        "Demand",
        "Response",
        "Ending",
        "Effects",
        "Stage",
        "Transition",
        "Actor",
        "ActorRule",
    ):
        assert f"\n### {name}\n" in GUIDE
    assert "| `in_stage(stage)` | bool |" in GUIDE
