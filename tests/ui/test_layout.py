"""Every screen at 800x600 and 1920x1080: no text drawn outside its panel, and a tiny window says so."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.ui.screenshots import SCREENS, render_screenshots


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
def test_every_screen_keeps_its_text_inside_its_panels(mini, tmp_path, size):
    by_screen: dict[str, list] = {}
    written = render_screenshots(mini, tmp_path, size=size, seed=7, recorder=[], recorded=by_screen)
    assert {path.stem for path in written} == set(SCREENS)  # the mini scenario reaches every screen
    assert set(by_screen) == set(SCREENS)
    screen = pygame.Rect(0, 0, *size)
    for name, records in by_screen.items():
        assert len(records) >= 3, f"{name}: almost no text drawn"
        outside = [
            (b.text, tuple(b.rect), tuple(b.panel)) for b in records if not b.panel.contains(b.rect)
        ]
        assert outside == [], f"{name}: text outside its panel"
        assert all(screen.contains(b.panel) for b in records), f"{name}: a panel outside the window"


def test_recorder_sees_text_of_the_last_screen_drawn(mini, tmp_path):
    records = []
    render_screenshots(mini, tmp_path, size=(1280, 720), seed=7, recorder=records)
    # the recorder is cleared at each draw: what remains is the debrief, the last screen drawn
    texts = " ".join(b.text for b in records)
    assert "Debrief" in texts


def test_a_window_below_800x600_shows_a_notice_instead_of_the_screen(make_app, press):
    records = []
    app = make_app(size=(640, 480), recorder=records)
    app.pump()
    text = " ".join(b.text for b in records)
    assert "too small" in text
    assert "New game" not in text
    press(app, pygame.K_RETURN)  # unseen, nothing may be chosen: no game starts
    assert app.session is None and app.stack[-1].name == "title"
    app.resize((800, 600))
    app.draw()
    assert "New game" in " ".join(b.text for b in records)


def test_long_text_is_wrapped_and_elided_inside_the_panel(make_app):
    from game.ui.text import BODY

    app = make_app(recorder=[])
    ink = app.ink
    surface = pygame.Surface((400, 200))
    panel = pygame.Rect(10, 10, 200, 60)
    lines = ink.wrap("word " * 80 + "北平天津保定山海關張家口" * 5, panel.width, BODY)
    assert len(lines) > 3 and all(ink.width(line, BODY) <= panel.width for line in lines)
    drawn = ink.block(surface, lines, panel.topleft, panel, BODY)
    assert 0 < drawn < len(lines)  # only what fits is drawn; the rest is for scrolling
    ink.line(surface, "x" * 300, (panel.x, panel.y), panel, BODY)
    assert all(panel.contains(b.rect) for b in ink.recorder)
    assert ink.recorder[-1].text.endswith("\u2026")


@pytest.mark.parametrize("size", [(1280, 720), (800, 600)])
def test_map_labels_sit_by_their_markers_and_never_overlap(make_app, size):
    """The five named cities are labelled right by their markers (Tianjin once drifted below Baoding)."""
    import dataclasses

    from game.ui.app import map_data
    from game.ui.map.layout import MUST_LABEL
    from game.ui.map.painter import MapPainter
    from game.ui.view import MapUnit, map_places

    app = make_app(size=size)
    data = map_data(app.loaded)
    # the 1935 scenario's names: long, with the old spellings (as the real crisis screen shows them)
    long_names = {
        "peiping": "Peiping (Beijing)",
        "tianjin": "Tianjin (Tientsin)",
        "baoding": "Baoding (Paoting)",
        "kalgan": "Kalgan (Zhangjiakou)",
        "shanhaiguan": "Shanhaiguan (Shanhaikwan)",
    }
    places = [
        p if p.id not in long_names else dataclasses.replace(p, name=long_names[p.id])
        for p in map_places(app.loaded.scenario, data, {"peiping", "tianjin"})
    ]
    where = {p.id: p for p in places}
    crowd = [
        ("tianjin", "japan"),
        ("tianjin", "china"),
        ("tianjin", "china"),
        ("baoding", "china"),
        ("baoding", "china"),
        ("peiping", "china"),
        ("kalgan", "china"),
        ("chengde", "japan"),
    ]
    units = [
        MapUnit(f"u{i}", "Unit", "", side, pid, where[pid].lon, where[pid].lat, "")
        for i, (pid, side) in enumerate(crowd)
    ]
    painter = MapPainter()
    rect = (
        pygame.Rect(0, 0, 452, 288) if size == (1280, 720) else pygame.Rect(0, 0, 278, 236)
    )  # the crisis map's inner area
    painter.draw(pygame.Surface(rect.size), app.ink, rect, data, places, units)
    labels = painter.label_at
    assert set(MUST_LABEL) <= set(labels)
    for pid in MUST_LABEL:
        box, (x, y) = labels[pid], painter.spots[pid]
        gap = max(box.left - x, 0, x - box.right, box.top - y, y - box.bottom)
        # right beside its marker, or a little further out and joined to it by a leader line
        limit = 4 * app.ink.height() if pid in painter.leaders else 10
        assert gap <= limit, f"{pid}: label {tuple(box)} is {gap} px from its marker at {(x, y)}"
    boxes = list(labels.values())
    assert all(a.collidelist([b for b in boxes if b is not a]) < 0 for a in boxes), (
        "two labels overlap"
    )


def test_a_scenario_can_bring_its_own_map(tmp_path):
    """`map:` in a scenario names the geometry the window draws (confined to its folder by the loader)."""
    import json

    from game.scenario.load import load_scenario
    from game.ui.app import map_data

    source = (Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml").read_text(
        encoding="utf-8"
    )
    bbox = {"lon_min": 100.0, "lon_max": 101.0, "lat_min": 30.0, "lat_max": 31.0}
    (tmp_path / "island.json").write_text(
        json.dumps({"bbox": bbox, "places": []}), encoding="utf-8"
    )
    (tmp_path / "s.yaml").write_text(
        source.replace("summary: A four-day", 'map: "island.json"\nsummary: A four-day', 1),
        encoding="utf-8",
    )
    loaded = load_scenario(tmp_path / "s.yaml")
    assert map_data(loaded)["bbox"] == bbox
    bundled = load_scenario(Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml")
    assert map_data(bundled)["bbox"]["lon_min"] == 113.5


@pytest.mark.parametrize("size", [(800, 600), (1280, 720)])
def test_the_map_legend_shows_every_item_however_narrow_the_map(tmp_path, size):
    from game.scenario.load import load_scenario

    he_umezu = load_scenario(
        Path(__file__).resolve().parents[2] / "scenarios" / "he_umezu_1935.yaml"
    )
    by_screen: dict[str, list] = {}
    render_screenshots(he_umezu, tmp_path, size=size, seed=7, recorder=[], recorded=by_screen)
    texts = {b.text for b in by_screen["crisis"]}  # (the crisis map shows both sides' units)
    assert {"Japanese unit", "Chinese unit", "Demilitarized zone", "Great Wall"} <= texts


def test_a_list_whose_rows_fill_it_still_says_that_more_are_below(make_app):
    from game.ui.widgets import ListWidget

    records = []
    app = make_app(recorder=records)
    rows = ListWidget(count=lambda: 5, row_height=lambda i, w: 50, draw_row=lambda *a: None)
    rows.rect = pygame.Rect(0, 0, 300, 200)  # four rows would fill it to the last pixel
    surface = pygame.Surface((300, 200))
    records.clear()
    rows.draw(surface, app.ink, focused=False)
    assert "\u2193 2 more below" in " ".join(b.text for b in records)
    assert [index for index, _ in rows._visible()] == [0, 1, 2]


def test_a_row_too_tall_for_the_rest_of_a_list_shows_its_first_lines(make_app):
    # QA: at 800x600 with large text the council showed one action above a blank half-panel
    from game.ui.widgets import ListWidget

    app = make_app()
    drawn = []
    rows = ListWidget(
        count=lambda: 3,
        row_height=lambda i, w: 150,
        draw_row=lambda surface, rect, index, selected, focused: drawn.append(
            (index, rect.height, surface.get_clip().height)
        ),
    )
    rows.rect = pygame.Rect(0, 0, 300, 260)
    surface = pygame.Surface((300, 260))
    rows.draw(surface, app.ink, focused=False)
    assert drawn[0] == (0, 150, 260)
    index, height, shown = drawn[1]
    assert index == 1 and height == 150 and 0 < shown < 150  # its first lines, clipped
    assert surface.get_clip() == surface.get_rect()  # the clip is given back
    assert [i for i, _ in rows._visible()] == [0]  # selectable once scrolled to, as before


@pytest.mark.parametrize("rows_tall", [(60, 60, 400), (400,)])
def test_a_row_cut_by_the_lists_edge_has_no_border_along_the_cut(make_app, rows_tall):
    """QA: a council card cut by the list's edge was drawn as a closed box, a whole short card.
    It is clipped as a scroll view clips: its sides run to the edge, with no line along it.
    (A glimpse of the next row under whole ones, and a first row taller than the list.)"""
    from game.ui.text import BODY
    from game.ui.widgets import ListWidget

    app = make_app()
    border = (200, 0, 0)

    def card(surface, rect, index, selected, focused):
        box = rect.inflate(-2, -4)
        pygame.draw.rect(surface, border, box, 1)
        y = box.y + 2
        for line in ("A card", "of several", "lines", "of words", "and more", "and more"):
            app.ink.line(surface, line, (box.x + 4, y), box.inflate(-8, -4), BODY)
            y += app.ink.height(BODY)

    rows = ListWidget(
        count=lambda: len(rows_tall), row_height=lambda i, w: rows_tall[i], draw_row=card
    )
    rows.rect = pygame.Rect(0, 0, 300, 300)
    surface = pygame.Surface((300, 300))
    app.ink.recorder = records = []
    rows.draw(surface, app.ink, focused=False)
    inner = pygame.Rect(10, 0, 260, 300)  # between the cards' sides, left of the scroll marker
    lines = [
        y
        for y in range(rows.rect.height)
        if all(tuple(surface.get_at((x, y)))[:3] == border for x in range(inner.x, inner.right))
    ]
    # the whole cards' tops and bottoms and the cut card's top; nothing at the cut
    whole = len(rows_tall) - 1
    assert len(lines) == 2 * whole + 1, f"border lines at {lines}"
    assert max(lines) < rows.rect.bottom - 20
    cut = rows.rect.bottom  # the words of the cut card stop at a whole line, above the cut
    assert all(b.rect.bottom <= cut for b in records)
