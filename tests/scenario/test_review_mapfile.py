"""Robustness review: a scenario's own map file that the window cannot draw is reported at the
scenario's `map:` line (it passed `validate`, and the window drew an empty grey map)."""

from __future__ import annotations

import pytest

from game import cli
from tests.conftest import MINI_TEXT

GOOD = '{"bbox": {"lon_min": 1, "lon_max": 2, "lat_min": 3, "lat_max": 4}}'


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "the map file 'map.json' is not valid JSON (Expecting property name"),
        ('{"bbox": 5}', "the map file 'map.json': 'bbox' must be {lon_min, lon_max, lat_min"),
        ("[1, 2]", "the map file 'map.json' must hold a JSON object with a 'bbox'"),
        ('{"caption": "x"}', "the map file 'map.json': 'bbox' is missing"),
        (
            '{"bbox": {"lon_min": 2, "lon_max": 1, "lat_min": 3, "lat_max": 4}}',
            "'bbox' must have lon_min < lon_max",
        ),
        ("\xff\xfe", "is not valid JSON"),
    ],
)
def test_a_broken_map_file_is_an_error_at_the_map_line(tmp_path, capsys, content, message):
    (tmp_path / "map.json").write_text(content, encoding="utf-8")
    scenario = tmp_path / "s.yaml"
    scenario.write_text("map: map.json\n" + MINI_TEXT, encoding="utf-8")
    assert cli.main(["validate", str(scenario)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{scenario}:1:6: error: ")
    assert message in err


def test_a_scenario_file_named_as_its_map_is_not_json(tmp_path, capsys):
    scenario = tmp_path / "base.yaml"
    scenario.write_text("map: base.yaml\n" + MINI_TEXT, encoding="utf-8")
    assert cli.main(["validate", str(scenario)]) == 1
    assert "the map file 'base.yaml' is not valid JSON" in capsys.readouterr().err


def test_a_sound_map_file_passes(tmp_path, capsys):
    (tmp_path / "map.json").write_text(GOOD, encoding="utf-8")
    scenario = tmp_path / "s.yaml"
    scenario.write_text("map: map.json\n" + MINI_TEXT, encoding="utf-8")
    assert cli.main(["validate", str(scenario)]) == 0
