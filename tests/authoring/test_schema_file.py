"""The committed editor schema: in sync with the models, valid draft-07, described, and used."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from game.scenario.schema import scenario_schema_text
from game.scenario.yaml_source import decode, read_yaml

ROOT = Path(__file__).resolve().parent.parent.parent
SCHEMA_FILE = ROOT / "scenarios" / "scenario.schema.json"
SCENARIO_FILES = sorted((ROOT / "scenarios").rglob("*.yaml"))
EXAMPLES = [
    *SCENARIO_FILES,
    ROOT / "tests" / "fixtures" / "mini.yaml",
    ROOT / "tests" / "authoring" / "base.yaml",
]


def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def plain(value: Any) -> Any:
    """YAML dates load as datetime.date; JSON Schema sees them as the ISO strings an author wrote."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def test_committed_schema_is_in_sync():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == scenario_schema_text(), (
        "run: python main.py schema > scenarios/scenario.schema.json"
    )


def test_schema_is_valid_draft07():
    jsonschema.Draft7Validator.check_schema(schema())


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_scenarios_validate_against_the_schema(path):
    text, problems = decode(path.read_bytes(), str(path))
    assert text is not None, problems
    document, problems = read_yaml(text, str(path))
    assert document is not None, problems
    errors = sorted(jsonschema.Draft7Validator(schema()).iter_errors(plain(document.data)), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_schema_rejects_what_the_loader_rejects():
    validator = jsonschema.Draft7Validator(schema())
    text, _ = decode((ROOT / "tests" / "fixtures" / "bad" / "wrong_enum.yaml").read_bytes(), "x")
    document, _ = read_yaml(text or "", "x")
    assert document is not None
    assert any("japanese" in e.message for e in validator.iter_errors(plain(document.data)))


def _properties(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        for name, spec in (node.get("properties") or {}).items():
            found.append((f"{where}.{name}", spec))
        for key, value in node.items():
            if key != "properties":
                found.extend(_properties(value, f"{where}/{key}"))
            else:
                for name, spec in value.items():
                    found.extend(_properties(spec, f"{where}.{name}"))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            found.extend(_properties(item, f"{where}[{i}]"))
    return found


def test_every_field_has_a_description():
    fields = _properties(schema())
    assert len(fields) > 150
    undescribed = [name for name, spec in fields if not spec.get("description")]
    assert undescribed == []


@pytest.mark.parametrize(
    "path", SCENARIO_FILES or [None], ids=[p.name for p in SCENARIO_FILES] or ["none"]
)
def test_scenario_files_name_the_schema_on_their_first_line(path):
    if path is None:
        pytest.skip("no scenario files yet")
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith("# yaml-language-server: $schema="), first
    # the path is relative to the scenario file, as yaml-language-server reads it
    target = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
    assert target == SCHEMA_FILE.resolve(), f"{path.name} points at {target}, not {SCHEMA_FILE}"
