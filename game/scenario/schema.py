"""The JSON Schema of the scenario format, for editors (yaml-language-server) and the reference."""

from __future__ import annotations

import json
from typing import Any

from game.scenario.model import Scenario

SCHEMA_ID = (
    "https://hebei1935.invalid/scenario.schema.json"  # a name, not a location: nothing is fetched
)


def scenario_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema()
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        **schema,
    }


def scenario_schema_text() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
