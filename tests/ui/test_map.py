"""The map: labels cover no marker, ring or other label; the sea and coast reach the panel's edges.

The label checks run on the maps the real screens draw (briefing and crisis of the 1935 scenario)
at 800x600 and 1280x720, through the painter's record of what it placed.
"""

from __future__ import annotations

import math
from pathlib import Path

import pygame
import pytest

ROOT = Path(__file__).resolve().parents[2]
MAP = ROOT / "assets" / "map" / "north_china.json"


def _bundled_map() -> dict:
    import json

    return json.loads(MAP.read_text(encoding="utf-8"))


def _ring_gap(box: pygame.Rect, ring: tuple[tuple[int, int], int]) -> float:
    """Distance from a highlight ring's outer edge to the nearest pixel of a box (< 0: inside it)."""
    (cx, cy), radius = ring
    x = min(max(cx, box.left), box.right - 1)
    y = min(max(cy, box.top), box.bottom - 1)
    return math.hypot(x - cx, y - cy) - radius


def overlaps(painter) -> list[str]:
    """Everything wrong with one drawn map, as readable lines (empty: nothing)."""
    from game.ui.map.layout import MUST_LABEL

    problems = []
    labels = painter.label_at
    markers = {f"marker {pid}": r for pid, r in painter.markers.items()}
    markers |= {f"unit {n}": r for n, r in enumerate(painter.unit_markers)}
    if set(painter.markers) != set(labels):
        problems.append(
            f"markers without a label: {sorted(set(painter.markers) - set(labels))}, "
            f"labels without a marker: {sorted(set(labels) - set(painter.markers))}"
        )
    for pid in MUST_LABEL:
        if pid in painter.spots and pid not in labels:
            problems.append(f"{pid} is on the map without its label")
    names = sorted(labels)
    for i, a in enumerate(names):
        box = labels[a]
        if not painter.area.contains(box):
            problems.append(f"label {a} {tuple(box)} leaves the map {tuple(painter.area)}")
        for b in names[i + 1 :]:
            if box.colliderect(labels[b]):
                problems.append(f"labels {a} and {b} overlap")
        for what, rect in markers.items():
            if box.colliderect(rect):
                problems.append(f"label {a} covers {what}")
        for pid, ring in painter.rings.items():
            if pid != a and _ring_gap(box, ring) < 1:
                problems.append(f"label {a} covers the ring of {pid}")
            if pid == a and _ring_gap(box, ring) < 0:
                problems.append(f"label {a} lies under its own ring")
    rects = list(markers.items())
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1 :]:
            if ra.colliderect(rb):
                problems.append(f"{a} and {b} overlap")
    for region in painter.region_labels:
        if region.collidelist([*labels.values(), *markers.values()]) >= 0:
            problems.append(f"a province or sea name {tuple(region)} covers a place")
    return problems


@pytest.mark.parametrize("size", [(800, 600), (1280, 720)])
def test_the_screens_maps_have_every_marker_labelled_and_nothing_covered(
    he_umezu, tmp_path, monkeypatch, size
):
    from game.ui.map.painter import MapPainter
    from game.ui.screenshots import render_screenshots

    seen: dict[str, list[str]] = {}
    draw = MapPainter.draw

    def checked(self, surface, ink, rect, data, places, units, *sides):
        draw(self, surface, ink, rect, data, places, units, *sides)
        seen[f"map {tuple(rect)} with {len(units)} units"] = overlaps(self)
        assert len(self.label_at) >= 5, "almost nothing labelled"

    monkeypatch.setattr(MapPainter, "draw", checked)
    render_screenshots(he_umezu, tmp_path, size=size, seed=7)
    assert len(seen) >= 2  # the briefing's map and the crisis screen's at least
    assert {k: v for k, v in seen.items() if v} == {}


@pytest.mark.parametrize("size", [(452, 312), (278, 256), (302, 445), (490, 530), (679, 474)])
def test_a_crowded_map_still_covers_nothing(make_app, he_umezu, size):
    """Every unit of the scenario stacked on the named cities, all of them highlighted."""
    from game.ui.app import map_data
    from game.ui.map.layout import MUST_LABEL
    from game.ui.map.painter import MapPainter
    from game.ui.view import MapUnit, map_places

    app = make_app(size=(1280, 720))
    data = map_data(he_umezu)
    places = map_places(he_umezu.scenario, data, {"peiping", "tianjin", "gubeikou", "kalgan"})
    where = {p.id: p for p in places}
    crowd = [*MUST_LABEL, "tianjin", "tianjin", "peiping", "gubeikou", "tongzhou", "miyun"]
    units = [
        MapUnit(
            f"u{n}", "Unit", "", ("japan", "china")[n % 2], pid, where[pid].lon, where[pid].lat, ""
        )
        for n, pid in enumerate(crowd)
    ]
    painter = MapPainter()
    painter.draw(pygame.Surface(size), app.ink, pygame.Rect(0, 0, *size), data, places, units)
    assert overlaps(painter) == []
    assert set(MUST_LABEL) <= set(painter.label_at)


@pytest.mark.parametrize(
    "size", [(452, 312), (278, 256), (302, 445), (900, 200), (200, 900), (1377, 1072)]
)
def test_sea_and_coast_reach_the_edges_of_any_panel(make_app, size):
    """The view never shows past the geography: no plain strip beyond the end of the coast."""
    from game.ui.map.painter import MapPainter

    app = make_app(size=(1280, 720))
    data = _bundled_map()
    surface = pygame.Surface(size)
    painter = MapPainter()
    painter.draw(surface, app.ink, pygame.Rect(0, 0, *size), data, [], [])
    view, area, extent = painter.view, painter.area, data["extent"]
    left, top = view(extent["lon_min"], extent["lat_max"])
    right, bottom = view(extent["lon_max"], extent["lat_min"])
    assert left <= area.left and top <= area.top
    assert right >= area.right - 1 and bottom >= area.bottom - 1
    # the whole bbox is shown unless the panel's shape is far from the map's
    bbox = data["bbox"]
    corners = [view(bbox["lon_min"], bbox["lat_max"]), view(bbox["lon_max"], bbox["lat_min"])]
    if 0.6 < area.width / area.height < 1.8:
        assert all(area.inflate(2, 2).collidepoint(c) for c in corners)
    # the Gulf of Bohai runs to the panel's right edge, where the old map ended in a beige strip
    sea = app.ink.theme.c("sea")
    column = [tuple(surface.get_at((area.right - 1, y)))[:3] for y in range(area.top, area.bottom)]
    assert sea in column


def test_the_bundled_sea_is_closed_by_the_coast_and_stays_inside_the_extent():
    data = _bundled_map()
    extent, bbox = data["extent"], data["bbox"]
    assert extent["lon_min"] <= bbox["lon_min"] and bbox["lon_max"] <= extent["lon_max"]
    assert extent["lat_min"] <= bbox["lat_min"] and bbox["lat_max"] <= extent["lat_max"]
    coast = {piece["id"]: piece["points"] for piece in data["coast"]}
    shore = [coast[cid] for cid in data["sea"]["shore"]]
    for before, after in zip(shore, shore[1:], strict=False):
        assert before[-1] == after[0], "shore pieces must join end to start"
    lines = [
        *coast.values(),
        *(r["points"] for r in data["rivers"]),
        *(w["points"] for w in data["great_wall"]),
        data["dmz"]["polygon"],
        data["sea"]["close"],
    ]
    for lon, lat in (p for line in lines for p in line):
        assert extent["lon_min"] <= lon <= extent["lon_max"]
        assert extent["lat_min"] <= lat <= extent["lat_max"]
    # the coast starts and ends on the extent's edge, so the sea polygon leaves no gap
    first, last = shore[0][0], shore[-1][-1]
    for lon, lat in (first, last):
        assert lon in (extent["lon_min"], extent["lon_max"]) or lat in (
            extent["lat_min"],
            extent["lat_max"],
        )


def _laid_out(make_app, he_umezu):
    """A painter that has drawn the 1935 map once with no place in the news: (app, the map's
    data, its panel, the painter, the places drawn)."""
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter
    from game.ui.view import map_places

    app = make_app(size=(1280, 720))
    data = map_data(he_umezu)
    rect = pygame.Rect(0, 0, 452, 312)
    painter = MapPainter()
    quiet = map_places(he_umezu.scenario, data, set())
    painter.draw(pygame.Surface(rect.size), app.ink, rect, data, quiet, [])
    return app, data, rect, painter, quiet


def test_the_layout_is_kept_between_frames_and_made_again_when_the_map_changes(make_app, he_umezu):
    """Labels are placed once for a panel and a set of places and units, not at every frame."""
    from game.ui.view import map_places

    app, data, rect, painter, quiet = _laid_out(make_app, he_umezu)
    first = painter._placed
    painter.draw(pygame.Surface(rect.size), app.ink, rect, data, quiet, [])
    assert painter._placed is first  # the next frame reuses it
    news = map_places(he_umezu.scenario, data, {"kalgan"})
    painter.draw(pygame.Surface(rect.size), app.ink, rect, data, news, [])
    assert set(painter.rings) == {"kalgan"}  # a place in the news: placed again, with its ring
    painter.draw(pygame.Surface((300, 300)), app.ink, pygame.Rect(0, 0, 300, 300), data, news, [])
    assert painter.area.size != rect.size and overlaps(painter) == []


def test_the_briefing_map_is_captioned_from_the_scenarios_calendar(he_umezu):
    # QA: the caption said "spring 1935" for a scenario of September 1936
    import datetime as dt

    from game.ui.scenes.briefing import map_caption

    assert map_caption(he_umezu.scenario, _bundled_map()) == "North China, spring 1935"
    autumn = he_umezu.scenario.model_copy(
        update={
            "calendar": he_umezu.scenario.calendar.model_copy(
                update={"start": dt.date(1936, 9, 18)}
            )
        }
    )
    assert map_caption(autumn, _bundled_map()) == "North China, autumn 1936"


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
def test_the_largest_text_keeps_the_named_cities_labels_by_their_markers(
    he_umezu, tmp_path, monkeypatch, size
):
    """At 145% text the names once outgrew the map: Tianjin's label sat by Baoding's marker and
    Peiping's by Tianjin's. The map's words follow the text size only up to a cap."""
    from game.ui import app as app_module
    from game.ui.map.labels import LABEL
    from game.ui.map.layout import MUST_LABEL
    from game.ui.map.painter import MapPainter
    from game.ui.screenshots import render_screenshots
    from game.ui.settings import Settings

    class LargeText(app_module.App):
        def __init__(self, *args, **kwargs):
            kwargs["settings"] = Settings(text_size=1.45)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(app_module, "App", LargeText)
    far: dict[str, list[str]] = {}
    draw = MapPainter.draw

    def checked(self, surface, ink, rect, data, places, units, *sides):
        draw(self, surface, ink, rect, data, places, units, *sides)
        height = self._ink_for_map(ink).height(LABEL)
        problems = overlaps(self)
        for pid in MUST_LABEL:
            box, (x, y) = self.label_at[pid], self.spots[pid]
            gap = max(box.left - x, 0, x - box.right, box.top - y, y - box.bottom)
            if gap > (2 * height if pid in self.leaders else 10):
                problems.append(f"{pid}: label {gap} px from its marker")
        far[f"map {tuple(rect)}"] = problems

    monkeypatch.setattr(MapPainter, "draw", checked)
    render_screenshots(he_umezu, tmp_path, size=size, seed=7)
    assert len(far) >= 2
    assert {k: v for k, v in far.items() if v} == {}


def test_the_legend_names_unit_markers_only_when_the_map_shows_units(make_app, he_umezu):
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter
    from game.ui.view import MapUnit

    app = make_app()
    data = map_data(app.loaded)
    painter = MapPainter()
    records = app.ink.recorder = []
    rect = pygame.Rect(0, 0, 452, 312)
    painter.draw(pygame.Surface(rect.size), app.ink, rect, data, [], [])
    legend = {b.text for b in records}
    assert {"Demilitarized zone", "Great Wall"} <= legend
    assert not {"Japanese unit", "Chinese unit"} & legend  # the briefing's map: no units drawn
    records.clear()
    unit = MapUnit("u", "Unit", "", "japan", "tianjin", 117.2, 39.1, "")
    painter.draw(pygame.Surface(rect.size), app.ink, rect, data, [], [unit])
    legend = {b.text for b in records}
    assert "Japanese unit" in legend and "Chinese unit" not in legend


@pytest.mark.parametrize("text_size", [1.0, 1.2, 1.45])
def test_the_legend_draws_each_sides_mark_as_the_map_does(make_app, text_size):
    # The legend's Japanese and Chinese marks are the map's units' marks (markers.draw_shape),
    # at every text size: the legend had its own square, a pixel narrower than the diamond at
    # some sizes.
    from game.ui.map.labels import LABEL
    from game.ui.map.legend import draw_legend
    from game.ui.map.markers import SIDE_SHAPES, draw_side_mark
    from game.ui.settings import Settings

    app = make_app(settings=Settings(text_size=text_size))
    ink = app.ink
    size = ink.height(LABEL) - 6
    colour = app.theme.c("japan")
    for side in ("japan", "china"):
        legend = pygame.Surface((300, 40))
        legend.fill((0, 0, 0))
        draw_legend(legend, ink, pygame.Rect(0, 0, 300, 40), [[("japan", SIDE_SHAPES[side], "")]])
        mark = pygame.Surface((300, 40))
        mark.fill((0, 0, 0))
        draw_side_mark(mark, colour, side, (2 + size // 2, 2 + ink.height(LABEL) // 2), size // 2)
        where = [(x, y) for x in range(2, 2 + size + 2) for y in range(40)]
        drawn = {p for p in where if legend.get_at(p)[:3] == colour}
        assert drawn and drawn == {p for p in where if mark.get_at(p)[:3] == colour}, side


def _gap(box: pygame.Rect, point: tuple[int, int]) -> int:
    x, y = point
    return max(box.left - x, 0, x - box.right, box.top - y, y - box.bottom)


def _reach(box: pygame.Rect, point: tuple[int, int]) -> float:
    """From a point to the nearest pixel of a box."""
    x, y = point
    return math.hypot(
        x - min(max(x, box.left), box.right - 1), y - min(max(y, box.top), box.bottom - 1)
    )


# The maps of the real screens at the window sizes the game supports: the crisis screen's and the
# briefing's at 800x600, 1024x768 and 1280x720 (the inner areas MapPainter.draw is given).
SCREEN_MAPS = [(278, 256), (302, 445), (360, 330), (452, 312), (490, 530)]


@pytest.mark.parametrize("size", SCREEN_MAPS)
def test_province_and_sea_names_sit_on_their_own_region(make_app, he_umezu, size):
    """QA at 800x600: 'Fengtian (Manchukuo)' was pushed left, off the map's edge, over Jehol. A
    region's name is written over its own anchor, never over another region's."""
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter

    app = make_app(size=(800, 600))
    data = map_data(he_umezu)
    painter = MapPainter()
    painter.draw(pygame.Surface(size), app.ink, pygame.Rect(0, 0, *size), data, [], [])
    anchors = {
        r["id"]: painter.view(r["lon"], r["lat"]) for r in [*data["provinces"], *data["labels"]]
    }
    assert painter.region_at, "no province or sea named"
    for rid, box in painter.region_at.items():
        x, _ = anchors[rid]
        assert box.left + box.width // 4 <= x <= box.right - box.width // 4, (
            f"{rid}: its name {tuple(box)} is pushed off its anchor {anchors[rid]}"
        )
        over = [other for other, at in anchors.items() if other != rid and _gap(box, at) <= 2]
        assert over == [], f"{rid}: its name {tuple(box)} lies over {over}"


@pytest.fixture(scope="module")
def historical_states(he_umezu):
    """Every state of a game of the 1935 scenario played as history went, with its news."""
    from game.ui.screenshots import historical_game

    _, _, moments = historical_game(he_umezu, 1935)
    return [(m.after, len(m.after.inbox) - len(m.before.inbox)) for m in moments]


@pytest.mark.parametrize(
    ("window", "text_size", "size"),
    [
        ((800, 600), 1.0, (278, 256)),
        ((800, 600), 0.85, (278, 261)),
        ((800, 600), 1.2, (276, 245)),
        ((800, 600), 1.45, (276, 244)),
        ((1024, 768), 1.0, (359, 351)),
        ((1024, 768), 1.45, (355, 324)),
        ((1280, 720), 1.0, (452, 312)),
        ((1280, 720), 1.45, (446, 278)),
        ((1920, 1080), 1.0, (679, 474)),
    ],
)
def test_every_label_sits_by_its_own_marker_all_game_long(
    make_app, he_umezu, historical_states, window, text_size, size
):
    """QA at 800x600: Tongzhou's and Shanhaiguan's labels sat a third of the map away from their
    markers, at the end of long leader lines past other places. On the crisis screen's map, at
    every step of a game, each label is near its own marker (at most two label lines beyond a
    highlight ring) and no other marker is nearer to it, nor nearly as near: at 145% text
    'Tianjin 天津', centred under Tianjin's ring 10 px away, ended 12 px from Baoding's marker
    and was read as Baoding's name. Only a label the crowd left no clearer spot (`unclear`)
    may be merely nearer to its own marker."""
    from game.ui.app import map_data
    from game.ui.map.labels import LABEL
    from game.ui.map.markers import RING_RADIUS
    from game.ui.map.painter import MapPainter
    from game.ui.settings import Settings
    from game.ui.view import crisis_view

    app = make_app(size=window, settings=Settings(text_size=text_size))
    data = map_data(he_umezu)
    painter = MapPainter()
    height = painter._ink_for_map(app.ink).height(LABEL)
    problems: set[str] = set()
    crowded: list[int] = []
    for state, news in historical_states:
        view = crisis_view(he_umezu.scenario, state, data, news)
        rect = pygame.Rect(0, 0, *size)
        painter.draw(pygame.Surface(size), app.ink, rect, data, view.places, view.units)
        for pid, box in painter.label_at.items():
            gap = _gap(box, painter.spots[pid])
            if gap > RING_RADIUS + 2 * height:
                problems.add(f"{pid}: label {gap} px from its marker (day {state.day})")
            own = _reach(box, painter.spots[pid])
            margin = 0 if pid in painter.unclear else 4  # px: Tianjin's was 2
            nearer = [
                other
                for other, at in painter.spots.items()
                if other != pid and _reach(box, at) < own + margin
            ]
            if nearer:
                problems.add(
                    f"{pid}: label {own:.0f} px from its marker, within {margin} px as near to"
                    f" {nearer} (day {state.day})"
                )
        crowded.append(len(painter.unclear))
    assert sorted(problems) == []
    assert sum(crowded) <= len(crowded) // 10  # a crowded day, not every day


def test_a_scenario_set_elsewhere_draws_no_map_of_north_china(tmp_path):
    """A scenario with no map of its own whose places lie off the bundled map (an invented port
    town, say) is told it has no map, on the briefing and the crisis screen, rather than shown
    Hebei; the mini scenario, whose place is in North China, keeps the map and its caption."""
    from game.scenario.load import load_scenario_bytes
    from game.ui.screenshots import render_screenshots
    from tests.conftest import edited_mini

    elsewhere = edited_mini(("lat: 39.9, lon: 116.4", "lat: 50.1, lon: -5.5"))
    loaded = load_scenario_bytes(elsewhere.encode(), str(tmp_path / "elsewhere.yaml"))
    for scenario, has_map in ((loaded, False), (None, True)):
        by_screen: dict[str, list] = {}
        if scenario is None:
            from game.scenario.load import load_scenario

            scenario = load_scenario(ROOT / "tests" / "fixtures" / "mini.yaml")
        render_screenshots(
            scenario, tmp_path / str(has_map), seed=7, recorder=[], recorded=by_screen
        )
        for screen, caption in (
            ("briefing", "NORTH CHINA, SUMMER 1935"),
            ("crisis", "MAP \u2014 HEBEI AND ITS NEIGHBOURS"),
        ):
            texts = [b.text for b in by_screen[screen]]
            assert (caption in texts) is has_map, (screen, texts)
            assert ("This scenario has no map." in texts) is not has_map, screen


def test_a_map_that_names_no_region_is_captioned_with_the_season_alone(he_umezu):
    from game.ui.scenes.briefing import map_caption

    assert map_caption(he_umezu.scenario, {"bbox": {}}) == "Spring 1935"


def test_the_legend_names_the_zone_and_the_wall_only_on_a_map_that_has_them(make_app):
    """A scenario's own map of somewhere else has no demilitarized zone and no Great Wall."""
    from game.ui.map.painter import MapPainter

    app = make_app()
    painter = MapPainter()
    records = app.ink.recorder = []
    rect = pygame.Rect(0, 0, 452, 312)
    elsewhere = {"bbox": {"lon_min": -6.0, "lon_max": -5.0, "lat_min": 50.0, "lat_max": 50.5}}
    painter.draw(pygame.Surface(rect.size), app.ink, rect, elsewhere, [], [])
    assert not {"Demilitarized zone", "Great Wall"} & {b.text for b in records}


def test_a_place_whose_label_fits_nowhere_still_shows_its_marker_and_units(make_app, he_umezu):
    """A must-place whose label is wider than the map gets no label, but its marker and its units
    are still drawn (they were once skipped along with the label)."""
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter
    from game.ui.view import MapPlace, MapUnit

    app = make_app()
    data = map_data(he_umezu)
    tianjin = MapPlace("tianjin", "Tianjin " * 20, "天津", 117.2, 39.13, "city", True)
    units = [
        MapUnit("u1", "Garrison", "", "japan", "tianjin", 117.2, 39.13, ""),
        MapUnit("u2", "Division", "", "china", "tianjin", 117.2, 39.13, ""),
    ]
    size = (300, 220)
    painter = MapPainter()
    painter.draw(pygame.Surface(size), app.ink, pygame.Rect(0, 0, *size), data, [tianjin], units)
    assert "tianjin" in painter.spots and "tianjin" not in painter.label_at
    assert "tianjin" in painter.markers
    assert len(painter.unit_markers) == 2
    assert all(painter.area.contains(r) for r in painter.unit_markers)


def test_a_city_hemmed_in_by_places_in_the_news_is_left_unlabelled_rather_than_misnamed(
    make_app, he_umezu
):
    """Tianjin with a highlighted town on each of its eight sides, a ring's width away: no spot
    is nearer its marker than theirs, and its label once went past one of them, nearer that
    town than Tianjin. It is left off (the marker stays); every label drawn is nearer its own
    marker than any other."""
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter
    from game.ui.view import MapPlace

    app = make_app(size=(800, 600))
    places = [MapPlace("tianjin", "Tianjin", "天津", 117.2, 39.13, "city", False)]
    around = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1), (1, -1), (-1, 1)]
    for n, (dx, dy) in enumerate(around):
        lon, lat = 117.2 + 0.4 * dx, 39.13 + 0.32 * dy
        places.append(MapPlace(f"town{n}", f"Town {n}", "", lon, lat, "town", True))
    size = (278, 236)
    painter = MapPainter()
    painter.draw(
        pygame.Surface(size), app.ink, pygame.Rect(0, 0, *size), map_data(he_umezu), places, []
    )
    assert "tianjin" in painter.markers and "tianjin" not in painter.label_at
    for pid, box in painter.label_at.items():
        own = _reach(box, painter.spots[pid])
        nearer = [o for o, at in painter.spots.items() if o != pid and _reach(box, at) < own]
        assert nearer == [], f"{pid}: its label is nearer to {nearer}"


def test_a_scenario_names_its_sides_in_the_legend(make_app):
    """An invented crisis's units are its own sides' ("Company unit"), not Japanese or Chinese."""
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter
    from game.ui.view import MapUnit

    app = make_app()
    records = app.ink.recorder = []
    rect = pygame.Rect(0, 0, 452, 312)
    unit = MapUnit("u", "Unit", "", "japan", "tianjin", 117.2, 39.1, "")
    sides = {"china": "Union", "japan": "Company", "third": "Outside"}
    MapPainter().draw(
        pygame.Surface(rect.size), app.ink, rect, map_data(app.loaded), [], [unit], sides
    )
    legend = {b.text for b in records}
    assert "Company unit" in legend and "Japanese unit" not in legend


# The crisis screen's map at each window size the game supports and each text size but the
# smallest: (window, text size, the rect the screen gives MapPainter.draw), as
# render_screenshots draws them (seed 7).
CRISIS_MAPS = [
    ((800, 600), 1.0, (278, 256)),
    ((800, 600), 1.2, (276, 245)),
    ((800, 600), 1.45, (276, 244)),
    ((1024, 768), 1.0, (359, 351)),
    ((1024, 768), 1.2, (357, 340)),
    ((1024, 768), 1.45, (355, 324)),
    ((1280, 720), 1.0, (452, 312)),
    ((1280, 720), 1.2, (450, 298)),
    ((1280, 720), 1.45, (446, 278)),
    ((1366, 768), 1.0, (481, 331)),
    ((1366, 768), 1.2, (479, 316)),
    ((1366, 768), 1.45, (477, 300)),
    ((1920, 1080), 1.0, (679, 474)),
    ((1920, 1080), 1.2, (675, 454)),
    ((1920, 1080), 1.45, (671, 427)),
]


def _map_id(case: tuple) -> str:
    (width, height), text_size, _ = case
    return f"{width}x{height}-text{text_size}"


DIAMOND = 7  # px from a Chinese unit's centre to each tip of its diamond, as the painter draws it


def _crossings_all_game(make_app, he_umezu, states, window, text_size, size, across):
    """The maps of these states drawn at a window and text size: how many Chinese markers were
    drawn, and where `across` (the zone's or the Wall's check) found one on the wrong side."""
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter
    from game.ui.settings import Settings
    from game.ui.view import crisis_view

    app = make_app(size=window, settings=Settings(text_size=text_size))
    data = map_data(he_umezu)
    painter = MapPainter()
    crossed: set[str] = set()
    checked = 0
    for state, news in states:
        view = crisis_view(he_umezu.scenario, state, data, news)
        painter.draw(
            pygame.Surface(size), app.ink, pygame.Rect(0, 0, *size), data, view.places, view.units
        )
        checked += sum(1 for unit, _ in painter._placed.unit_marks if unit.side == "china")
        crossed |= {f"{where} (day {state.day})" for where in across(painter, data)}
    return checked, crossed


def _across_the_zone(painter, data: dict) -> list[str]:
    """The Chinese units whose diamond reaches across the demilitarized zone's edge from their
    place's side: its centre or a tip on the other side, or a corner of the zone inside it."""
    from game.ui.map.geometry import inside

    zone = tuple(painter.view(*point) for point in data["dmz"]["polygon"])
    assert len(zone) >= 3
    crossed = []
    for unit, box in painter._placed.unit_marks:
        if unit.side != "china" or unit.place not in painter.spots:
            continue
        home = inside(painter.spots[unit.place], zone)
        x, y = box.center
        tips = [(x, y), (x + DIAMOND, y), (x - DIAMOND, y), (x, y + DIAMOND), (x, y - DIAMOND)]
        corner = any(abs(zx - x) + abs(zy - y) < DIAMOND for zx, zy in zone)
        if corner or any(inside(tip, zone) != home for tip in tips):
            crossed.append(f"{unit.place}: {unit.name} at {tuple(box)}")
    return crossed


@pytest.mark.parametrize(
    ("window", "text_size", "size"), CRISIS_MAPS, ids=map(_map_id, CRISIS_MAPS)
)
def test_chinese_units_are_not_drawn_inside_the_demilitarized_zone(
    make_app, he_umezu, historical_states, window, text_size, size
):
    """Play-test: blue 'Chinese unit' diamonds sat inside the hatched zone east of Peiping and by
    Tianjin, where the truce allowed police only; no unit of the scenario is placed there, the
    markers had merely been put to the upper right of their cities. A Chinese unit's diamond
    stays wholly on its place's side of the zone's edge, all game long, at every window and
    text size (at 1280x720 with 120% text Tianjin's were drawn inside it)."""
    checked, crossed = _crossings_all_game(
        make_app, he_umezu, historical_states, window, text_size, size, _across_the_zone
    )
    assert checked
    assert sorted(crossed) == []


RANDOM_GAMES = (0, 1, 2)  # seeds of the games played at random


@pytest.fixture(scope="module")
def random_views(he_umezu):
    """What the crisis screen's map shows at every step of a few games of the 1935 scenario
    played at random (each different map once, with the day it was first seen)."""
    from game.analysis.policies import uniform
    from game.engine import rng
    from game.engine.api import new_game, step
    from game.ui.app import map_data
    from game.ui.view import crisis_view

    scenario, data = he_umezu.scenario, map_data(he_umezu)
    views: dict[tuple, tuple] = {}
    for seed in RANDOM_GAMES:
        state, _ = new_game(scenario, seed)
        generator = rng.seed_state(seed)
        for _ in range(1000):
            if state.over:
                break
            choice, generator = uniform(scenario, state, generator)
            before = len(state.inbox)
            state = step(scenario, state, choice).state
            view = crisis_view(scenario, state, data, len(state.inbox) - before)
            key = (tuple(view.places), tuple(view.units))
            views.setdefault(key, (view.places, view.units, f"game {seed}, day {state.day}"))
        assert state.over
    return list(views.values())


# one layout of each window size, each text size at least once
RANDOM_GAME_MAPS = [CRISIS_MAPS[n] for n in (1, 3, 7, 9, 14)]


@pytest.mark.parametrize(
    ("window", "text_size", "size"), RANDOM_GAME_MAPS, ids=map(_map_id, RANDOM_GAME_MAPS)
)
def test_chinese_units_stay_out_of_the_zone_in_games_played_at_random(
    make_app, he_umezu, random_views, window, text_size, size
):
    """Play-test: over many window sizes and random games, 45 Chinese markers were drawn across
    the zone's edge once the labels and other markers had taken every slot on their side. In
    games played at random (other units, other places in the news than history's), a Chinese
    unit's diamond stays on its place's side, and no unit marker covers or sits under anything."""
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter
    from game.ui.settings import Settings

    app = make_app(size=window, settings=Settings(text_size=text_size))
    data = map_data(he_umezu)
    painter = MapPainter()
    problems: set[str] = set()
    for places, units, when in random_views:
        painter.draw(pygame.Surface(size), app.ink, pygame.Rect(0, 0, *size), data, places, units)
        problems |= {f"{where} ({when})" for where in _across_the_zone(painter, data)}
        problems |= {f"{what} ({when})" for what in overlaps(painter) if "unit" in what}
    assert len(random_views) >= 30
    assert sorted(problems) == []


def _crowd(he_umezu, data: dict, highlighted: set[str], stacks: dict[str, int]):
    """The 1935 map's places, `highlighted` in the news, with `stacks` of Chinese units on some
    of them (and a Japanese unit on each)."""
    from game.ui.view import MapUnit, map_places

    places = map_places(he_umezu.scenario, data, highlighted)
    where = {p.id: p for p in places}
    crowd = [(pid, "china") for pid, count in stacks.items() for _ in range(count)]
    crowd += [(pid, "japan") for pid in stacks]
    units = [
        MapUnit(f"u{n}", "Unit", "", side, pid, where[pid].lon, where[pid].lat, "")
        for n, (pid, side) in enumerate(crowd)
    ]
    return places, units


@pytest.mark.parametrize(
    "size", [(278, 256), (276, 244), (302, 445), (360, 330), (452, 312), (446, 278), (490, 530)]
)
def test_a_crowd_of_chinese_units_by_the_zone_keeps_to_its_side_and_covers_nothing(
    make_app, he_umezu, size
):
    """Ten Chinese units at Tianjin and five at Peiping, both cities hard by the zone's edge,
    with Tanggu and Baoding in the news: more than the slots beside them on their side hold.
    The rest go further out on that side, not into the zone nor over a label or a marker."""
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter

    app = make_app(size=(1280, 720))
    data = map_data(he_umezu)
    news = {"peiping", "tianjin", "tanggu", "baoding"}
    places, units = _crowd(he_umezu, data, news, {"tianjin": 10, "peiping": 5})
    painter = MapPainter()
    painter.draw(pygame.Surface(size), app.ink, pygame.Rect(0, 0, *size), data, places, units)
    assert len(painter.unit_markers) == len(units)
    assert _across_the_zone(painter, data) == []
    assert overlaps(painter) == []


@pytest.mark.parametrize(("count", "size"), [(12, (120, 100)), (30, (160, 120)), (20, (100, 80))])
def test_a_map_too_small_for_its_units_still_keeps_them_out_of_the_zone(
    make_app, he_umezu, count, size
):
    """A map a few labels wide with more Chinese units at Tianjin than it has room for: they
    are stacked over one another on Tianjin's side of the zone's edge, on the map, rather than
    drawn inside the zone or off the map."""
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter

    app = make_app(size=(1280, 720))
    data = map_data(he_umezu)
    places, units = _crowd(he_umezu, data, set(), {"tianjin": count})
    units = [u for u in units if u.side == "china"]
    painter = MapPainter()
    painter.draw(pygame.Surface(size), app.ink, pygame.Rect(0, 0, *size), data, places, units)
    assert len(painter.unit_markers) == count
    assert all(painter.area.contains(box) for box in painter.unit_markers)
    assert _across_the_zone(painter, data) == []


def test_a_unit_whose_side_of_the_zone_the_map_barely_shows_is_still_drawn(make_app):
    """A place in a notch of a zone that fills the map: no spot for a Chinese unit on the
    place's side. Its units are drawn all the same, on the map, where they cover the least
    (there is no drawing them truthfully: the case the painter's last resort is for)."""
    from game.ui.map.painter import MapPainter
    from game.ui.view import MapPlace, MapUnit

    app = make_app()
    notch = [[116.98, 41.0], [116.98, 39.5], [117.02, 39.5], [117.02, 41.0]]
    data = {
        "bbox": {"lon_min": 115.0, "lon_max": 119.0, "lat_min": 38.0, "lat_max": 41.0},
        "dmz": {"polygon": [[115.0, 38.0], [119.0, 38.0], [119.0, 41.0], *notch, [115.0, 41.0]]},
    }
    place = MapPlace("fort", "Fort", "", 117.0, 39.7, "town", False)
    units = [MapUnit(f"u{n}", "Unit", "", "china", "fort", 117.0, 39.7, "") for n in range(3)]
    size = (300, 220)
    painter = MapPainter()
    painter.draw(pygame.Surface(size), app.ink, pygame.Rect(0, 0, *size), data, [place], units)
    assert len(painter.unit_markers) == 3
    assert all(painter.area.contains(box) for box in painter.unit_markers)
    assert len(_across_the_zone(painter, data)) == 3  # nowhere else to go


@pytest.mark.parametrize(
    ("window", "text_size", "size"), RANDOM_GAME_MAPS, ids=map(_map_id, RANDOM_GAME_MAPS)
)
def test_units_are_drawn_by_their_own_place_rather_than_by_another(
    make_app, he_umezu, historical_states, window, text_size, size
):
    """On the crisis screen of 9 June at 1280x720 with 120% text, Peiping's diamond once sat
    nearer Tianjin's marker than Peiping's, and Tianjin's nearer Peiping's: the eye gives a unit
    to the nearest dot. All game long, few units (where the map is too crowded for better) are
    nearer the marker of another place always drawn than their own."""
    from game.ui.app import map_data
    from game.ui.map.layout import MUST_LABEL
    from game.ui.map.painter import MapPainter
    from game.ui.settings import Settings
    from game.ui.view import crisis_view

    app = make_app(size=window, settings=Settings(text_size=text_size))
    data = map_data(he_umezu)
    painter = MapPainter()
    astray: list[str] = []
    drawn = 0
    for state, news in historical_states:
        view = crisis_view(he_umezu.scenario, state, data, news)
        painter.draw(
            pygame.Surface(size), app.ink, pygame.Rect(0, 0, *size), data, view.places, view.units
        )
        shown = {p.id for p in view.places if p.id in MUST_LABEL or p.highlight}
        shown = (shown | {u.place for u in view.units}) & set(painter.spots)
        for unit, box in painter._placed.unit_marks:
            drawn += 1
            own = math.dist(box.center, painter.spots[unit.place])
            nearer = [pid for pid in shown if math.dist(box.center, painter.spots[pid]) < own]
            if nearer:
                astray.append(f"{unit.place}: {unit.name} nearer {nearer} (day {state.day})")
    assert drawn
    assert len(astray) <= drawn // 10, astray


# A place whose marker's centre is this near the Wall's line is drawn on the Wall: Gubeikou,
# Xifengkou, Lengkou, Shanhaiguan and Dushikou lie on it, Kalgan within 3 px of it at every size
# (Zhangjiakou's gate is in the Wall). Its marker (5 px from its centre to its edge at most) then
# touches the Wall's 4 px line: the eye reads the place as the Wall itself, and its troops as
# holding it from one side or the other, so they may be drawn on either side. Places further off,
# Peiping (23 px on the smallest map) and Miyun (7 px) among them, are on one side of it.
ON_THE_WALL = 6


def _to_segment(point: tuple[int, int], a: tuple[int, int], b: tuple[int, int]) -> float:
    (px, py), (ax, ay), (bx, by) = point, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def _meet(p: tuple[int, int], q: tuple[int, int], a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether the segments pq and ab meet (touching counts)."""

    def turn(o: tuple[int, int], s: tuple[int, int], t: tuple[int, int]) -> int:
        return (s[0] - o[0]) * (t[1] - o[1]) - (s[1] - o[1]) * (t[0] - o[0])

    d1, d2, d3, d4 = turn(a, b, p), turn(a, b, q), turn(p, q, a), turn(p, q, b)
    if d1 == d2 == 0:  # all on one line: whether they overlap
        return all(
            max(min(p[i], q[i]), min(a[i], b[i])) <= min(max(p[i], q[i]), max(a[i], b[i]))
            for i in (0, 1)
        )
    return d1 * d2 <= 0 and d3 * d4 <= 0


def _across_the_wall(painter, data: dict) -> list[str]:
    """The Chinese units drawn across the Great Wall from their place: the straight line from
    the place's marker to the diamond's centre or one of its tips crosses the Wall (any of its
    lines). Places on the Wall (ON_THE_WALL) are let be."""
    lines = [[painter.view(*point) for point in wall["points"]] for wall in data["great_wall"]]
    segments = [(a, b) for line in lines for a, b in zip(line, line[1:], strict=False)]
    assert segments
    crossed = []
    for unit, box in painter._placed.unit_marks:
        if unit.side != "china" or unit.place not in painter.spots:
            continue
        spot = painter.spots[unit.place]
        if min(_to_segment(spot, a, b) for a, b in segments) <= ON_THE_WALL:
            continue
        x, y = box.center
        tips = [(x, y), (x + DIAMOND, y), (x - DIAMOND, y), (x, y + DIAMOND), (x, y - DIAMOND)]
        if any(_meet(spot, tip, a, b) for tip in tips for a, b in segments):
            crossed.append(f"{unit.place}: {unit.name} at {tuple(box)}")
    return crossed


@pytest.mark.parametrize(
    ("window", "text_size", "size"), CRISIS_MAPS, ids=map(_map_id, CRISIS_MAPS)
)
def test_chinese_units_are_not_drawn_across_the_great_wall(
    make_app, he_umezu, historical_states, window, text_size, size
):
    """On day 2 at 1280x720 with 120% text one of Peiping's diamonds went 52 px to the upper
    right, past the Wall: north of it, east of Gubeikou, lay Jehol, Manchukuo since 1933, where
    no Chinese army stood. All game long, at every window and text size, a Chinese unit's
    diamond is on its place's side of the Wall."""
    checked, crossed = _crossings_all_game(
        make_app, he_umezu, historical_states, window, text_size, size, _across_the_wall
    )
    assert checked
    assert sorted(crossed) == []


@pytest.mark.parametrize(
    ("window", "text_size", "size"), RANDOM_GAME_MAPS, ids=map(_map_id, RANDOM_GAME_MAPS)
)
def test_chinese_units_stay_on_their_side_of_the_wall_in_games_played_at_random(
    make_app, he_umezu, random_views, window, text_size, size
):
    """In games played at random (other units, other places in the news), a Chinese unit's
    diamond is on its place's side of the Wall too."""
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter
    from game.ui.settings import Settings

    app = make_app(size=window, settings=Settings(text_size=text_size))
    data = map_data(he_umezu)
    painter = MapPainter()
    crossed: set[str] = set()
    for places, units, when in random_views:
        painter.draw(pygame.Surface(size), app.ink, pygame.Rect(0, 0, *size), data, places, units)
        crossed |= {f"{where} ({when})" for where in _across_the_wall(painter, data)}
    assert len(random_views) >= 30
    assert sorted(crossed) == []


@pytest.mark.parametrize(
    "size", [(278, 256), (276, 244), (302, 445), (360, 330), (452, 312), (446, 278), (490, 530)]
)
def test_a_crowd_of_chinese_units_under_the_wall_keeps_to_its_side_and_covers_nothing(
    make_app, he_umezu, size
):
    """Ten Chinese units at Peiping, with Gubeikou in the news and three at it: more than the
    slots beside Peiping hold, and the rows further above it reach the Wall. They go further out
    on Peiping's side, not past the Wall, nor into the zone, nor over a label or a marker.
    Gubeikou's, on the Wall, are drawn wherever there is room."""
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter

    app = make_app(size=(1280, 720))
    data = map_data(he_umezu)
    news = {"gubeikou", "peiping"}
    places, units = _crowd(he_umezu, data, news, {"peiping": 10, "gubeikou": 3})
    painter = MapPainter()
    painter.draw(pygame.Surface(size), app.ink, pygame.Rect(0, 0, *size), data, places, units)
    assert len(painter.unit_markers) == len(units)
    assert _across_the_wall(painter, data) == []
    assert _across_the_zone(painter, data) == []
    assert overlaps(painter) == []


def test_the_legend_names_the_ring_round_a_place_in_the_news_when_one_is_drawn(make_app):
    """Student play-test: the yellow rings round Tianjin, Gubeikou and Tongzhou came and went,
    and the legend did not say what they meant."""
    from game.ui.app import map_data
    from game.ui.map.painter import MapPainter
    from game.ui.view import MapPlace

    app = make_app()
    data = map_data(app.loaded)
    painter = MapPainter()
    records = app.ink.recorder = []
    rect = pygame.Rect(0, 0, 452, 312)
    quiet = MapPlace("tianjin", "Tianjin", "", 117.2, 39.13, "city", False)
    painter.draw(pygame.Surface(rect.size), app.ink, rect, data, [quiet], [])
    assert "In today's news" not in {b.text for b in records}
    records.clear()
    news = MapPlace("tianjin", "Tianjin", "", 117.2, 39.13, "city", True)
    painter.draw(pygame.Surface(rect.size), app.ink, rect, data, [news], [])
    assert "In today's news" in {b.text for b in records}


def test_a_map_whose_rivers_changed_is_laid_out_again(make_app, he_umezu):
    # map split review: the layout's key had neither the map data nor its lines, so a map
    # reloaded (F5) with new rivers but the same frame, zone and Wall kept labels placed
    # against the old lines
    import copy

    app, data, rect, painter, quiet = _laid_out(make_app, he_umezu)
    first = painter._placed
    changed = copy.deepcopy(data)
    changed["rivers"] = []
    painter.draw(pygame.Surface(rect.size), app.ink, rect, changed, quiet, [])
    assert painter._placed is not first
