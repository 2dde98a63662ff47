"""Asset paths written in a scenario stay inside the scenario's folder or the bundled assets."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.load import check_scenario_bytes

MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(
    encoding="utf-8"
)


def problems(folder: Path, value: str) -> list[str]:
    text = MINI.replace("summary: A four-day", f'map: "{value}"\nsummary: A four-day', 1)
    _, found = check_scenario_bytes(text.encode("utf-8"), str(folder / "s.yaml"))
    return [d.message for d in found]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("../outside.json", "asset paths may not use '..' to leave the scenario's folder"),
        ("maps/../../outside.json", "asset paths may not use '..' to leave the scenario's folder"),
        (
            "/etc/passwd",
            "asset paths must be relative to the scenario's folder (or start with 'assets/')",
        ),
        (
            "C:/Windows/win.ini",
            "asset paths must be relative to the scenario's folder (or start with 'assets/')",
        ),
        (
            "~/secret.json",
            "asset paths must be relative to the scenario's folder (or start with 'assets/')",
        ),
        ("missing.json", "no file 'missing.json' next to the scenario"),
    ],
)
def test_refused(tmp_path, value, message):
    assert problems(tmp_path, value) == [message]


def test_accepted(tmp_path):
    (tmp_path / "maps").mkdir()
    # a map the window can draw: `bbox` is required (robustness review: "{}" drew a grey map)
    box = '{"bbox": {"lon_min": 1, "lon_max": 2, "lat_min": 3, "lat_max": 4}}'
    (tmp_path / "maps" / "mine.json").write_text(box, encoding="utf-8")
    assert problems(tmp_path, "maps/mine.json") == []
    assert problems(tmp_path, "assets/map/north_china.json") == []


def test_a_link_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "outside.json"
    outside.write_text("{}", encoding="utf-8")
    folder = tmp_path / "scenario"
    folder.mkdir()
    (folder / "map.json").symlink_to(outside)
    assert problems(folder, "map.json") == [
        "asset path leaves the scenario's folder (through a link)"
    ]
