"""The map of North China, drawn into a panel: the base map (coast, sea, Great Wall, DMZ tinted and
hatched, rivers), then the places with their labels and units, the provinces' and seas' names, and
the legend under it all.

The base map is drawn once per size and palette and cached (`base`); where places, labels and units
go is worked out by `layout`, again only when something on the map changed; markers and highlights
are drawn on top at each redraw.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Mapping

import pygame

from game.ui.map.base import BaseMap, Lines, draw_base
from game.ui.map.geometry import Segment
from game.ui.map.layout import Layout, lay_out
from game.ui.map.legend import draw_legend, legend_height, legend_rows, shown_on_map
from game.ui.map.markers import RING_WIDTH
from game.ui.map.projection import fit_view
from game.ui.map.regions import draw_region_labels
from game.ui.text import Ink
from game.ui.theme import Fonts
from game.ui.view import MapData, MapPlace, MapUnit, Projection


class MapPainter:
    """Draws the map into a panel. After each draw, what was placed is kept for tests and callers:
    `view` (the projection, in window pixels), `area` (the map without its legend), `spots` and
    `markers` (the places drawn), `label_at` (each one's label), `leaders`, `unclear`,
    `unit_markers` (and `unit_marks`, each with its unit), `rings` and `region_labels`."""

    def __init__(self) -> None:
        self._cache_key: tuple[object, ...] = ()
        self._base: BaseMap | None = None
        self.view: Projection | None = None
        self.area = pygame.Rect(0, 0, 0, 0)
        # the demilitarized zone's outline in window pixels, which units keep to their side of
        self._zone: tuple[tuple[int, int], ...] = ()
        self._wall: tuple[Segment, ...] = ()  # the Great Wall's lines, in window pixels
        self.spots: dict[str, tuple[int, int]] = {}
        self.markers: dict[str, pygame.Rect] = {}
        self.label_at: dict[str, pygame.Rect] = {}
        self.leaders: set[str] = set()  # places whose label is joined to its marker by a line
        self.unclear: set[str] = set()  # labels a crowded map left barely nearer their own marker
        self.unit_markers: list[pygame.Rect] = []
        self.unit_marks: list[tuple[MapUnit, pygame.Rect]] = []
        self.rings: dict[str, tuple[tuple[int, int], int]] = {}  # centre and outer radius
        self.region_labels: list[pygame.Rect] = []
        self.region_at: dict[str, pygame.Rect] = {}  # each province or sea named, by its id
        self._map_ink: tuple[Ink, Ink] | None = None  # (the screen's ink, the map's)
        self._layout_key: tuple[object, ...] = ()
        self._placed: Layout | None = None

    def draw(
        self,
        surface: pygame.Surface,
        ink: Ink,
        rect: pygame.Rect,
        data: MapData,
        places: list[MapPlace],
        units: list[MapUnit],
        side_names: Mapping[str, str] | None = None,
    ) -> None:
        """`side_names`: what the scenario calls the sides (SideNames), for the legend."""
        ink = self._ink_for_map(ink)
        legend = legend_rows(
            ink, rect.width - 4, shown_on_map(data, places, units), side_names or {}
        )
        height = legend_height(ink, legend)
        area = pygame.Rect(rect.x, rect.y, rect.width, max(10, rect.height - height))
        projection = fit_view(data, area.size)
        key = (area.size, id(data), id(ink.theme), tuple(sorted(ink.theme.colours.items())))
        if key != self._cache_key or self._base is None:
            self._base = draw_base(ink.theme, area.size, data, projection)
            self._cache_key = key
        surface.blit(self._base.image, area.topleft)
        project = Projection(
            projection.lon_min,
            projection.lat_max,
            projection.scale,
            projection.squeeze,
            projection.left + area.x,
            projection.top + area.y,
        )
        self.view, self.area = project, area
        self._zone = tuple(project(*p) for p in data.get("dmz", {}).get("polygon", []))
        self._wall = tuple(
            segment
            for wall in data.get("great_wall", [])
            for segment in itertools.pairwise(project(*p) for p in wall["points"])
        )
        placed = self._draw_places_and_units(
            surface, ink, area, project, places, units, self._base.lines
        )
        written = draw_region_labels(surface, ink, area, project, data, placed, self._base.lines)
        self.region_labels = [box for _, box in written]
        self.region_at = dict(written)
        draw_legend(surface, ink, pygame.Rect(rect.x, area.bottom + 2, rect.width, height), legend)

    def _ink_for_map(self, ink: Ink) -> Ink:
        """The screen's ink, or one at the theme's smaller `map_scale` (large text sizes)."""
        theme = ink.theme
        if theme.map_scale >= theme.fonts.scale:
            return ink
        if self._map_ink is None or self._map_ink[0] is not ink:
            capped = copy.copy(theme)
            capped.fonts = Fonts(theme.map_scale)
            self._map_ink = (ink, Ink(capped, ink.recorder))
        return self._map_ink[1]

    # --- places, units and their labels ---------------------------------------------------------------
    def _draw_places_and_units(
        self,
        surface: pygame.Surface,
        ink: Ink,
        area: pygame.Rect,
        project: Projection,
        places: list[MapPlace],
        units: list[MapUnit],
        lines: Lines,
    ) -> Layout:
        """The places, their labels and units, laid out again if the map changed; returns
        their layout."""
        # Placing the labels tries many spots for each place: it is done again only when the
        # panel, the fonts or what is on the map changed, not at every frame of a blink.
        key = (
            tuple(area),
            project,
            tuple(places),
            tuple(units),
            id(ink),
            id(ink.theme),
            self._zone,
            self._wall,
            lines,  # a new base map (other data: rivers, coast) is laid out against its lines
        )
        if key != self._layout_key or self._placed is None:
            self._placed = lay_out(ink, area, project, places, units, self._zone, self._wall, lines)
            self._layout_key = key
        placed = self._placed
        spots, markers, labels, texts, leaders, unit_marks, rings, unclear = placed
        self.spots, self.markers, self.label_at = spots, markers, labels
        self.unclear = set(unclear)
        self.leaders = set(leaders)
        self.unit_markers = [r for _, r in unit_marks]
        self.unit_marks = list(unit_marks)
        self.rings = rings
        theme = ink.theme
        # drawing: rings, leader lines, markers, units, then the labels on a light backing
        for centre, radius in rings.values():
            pygame.draw.circle(surface, theme.c("highlight"), centre, radius, RING_WIDTH)
        for start, end in leaders.values():
            pygame.draw.line(surface, theme.c("ink_soft"), start, end, 1)
        by_id = {p.id: p for p in places}
        for pid in markers:
            (x, y), kind = spots[pid], by_id[pid].kind
            if kind == "pass":
                triangle = [(x, y - 5), (x - 5, y + 4), (x + 5, y + 4)]
                pygame.draw.polygon(surface, theme.c("wall"), triangle)
                pygame.draw.polygon(surface, theme.c("ink"), triangle, 1)  # visible on the Wall
            elif kind == "city":
                pygame.draw.rect(surface, theme.c("ink"), (x - 4, y - 4, 9, 9))
            else:
                pygame.draw.circle(surface, theme.c("ink"), (x, y), 3)
        for unit, marker in unit_marks:
            cx, cy = marker.center
            if unit.side == "japan":
                pygame.draw.rect(surface, theme.c("japan"), marker)
                pygame.draw.rect(surface, theme.c("paper"), marker, 1)
            else:
                diamond = [(cx, cy - 7), (cx + 7, cy), (cx, cy + 7), (cx - 7, cy)]
                pygame.draw.polygon(surface, theme.c("china"), diamond)
                pygame.draw.polygon(surface, theme.c("paper"), diamond, 1)
        for pid, box in labels.items():
            text, style = texts[pid]
            backing = box.inflate(2, 0)
            tint = pygame.Surface(backing.size, pygame.SRCALPHA)
            tint.fill((*theme.c("paper"), 170))
            surface.blit(tint, backing.topleft)
            ink.line(surface, text, box.topleft, area, style)
        return placed
