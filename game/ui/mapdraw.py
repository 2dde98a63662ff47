"""The map of North China: coast, sea, Great Wall, DMZ (tinted and hatched), rivers, places, units.

The view fits the data's `bbox` into the panel and, where the panel is wider or taller than the
bbox, shows more of the surroundings, up to the data's `extent` (the area its coast and sea cover):
a panel never shows past the edge of the geography. The base map is drawn once per size and palette
and cached; markers and highlights are drawn on top at each redraw. Labels are placed greedily, most
important place first: each tries the spots around its marker and takes the free one crossing the
fewest lines, so labels never overlap each other, a marker, a ring or the panel's edge. A label is
never nearer another place's marker than its own: where none of the usual spots is, it slides
between them, and where nothing is, the place goes unlabelled rather than misnamed.
"""

from __future__ import annotations

import copy
import itertools
import math
from collections.abc import Mapping
from typing import NamedTuple

import pygame

from game.ui.map.base import BaseMap, Lines, draw_base
from game.ui.map.geometry import (
    Segment,
    distance,
    touches_ring,
)
from game.ui.map.labels import FULL_NAMES_LINES, LABEL, RIVAL_MARGIN, LabelSpots, label_texts
from game.ui.map.legend import draw_legend, legend_height, legend_rows, shown_on_map
from game.ui.map.markers import RING_RADIUS, RING_WIDTH, marker_rect
from game.ui.map.projection import fit_view
from game.ui.map.units import UnitSlots
from game.ui.text import Ink, Style
from game.ui.theme import Fonts
from game.ui.view import MapPlace, MapUnit, Projection

SEA_LABEL = Style("serif", "small", "sea_label")  # the river colour was 2.2:1 on the sea
MUST_LABEL = (
    "peiping",
    "tianjin",
    "baoding",
    "shanhaiguan",
    "kalgan",
)  # always labelled, in this order


KINDS = ("city", "pass", "port", "town", "site")  # which places are drawn first, after MUST_LABEL
MAX_PROMOTIONS = 4  # layouts tried again with a place left without room by its marker placed first


class Layout(NamedTuple):
    """Where everything on the map goes, for one panel, font and set of places and units."""

    spots: dict[str, tuple[int, int]]  # the places drawn, at their markers' centres
    markers: dict[str, pygame.Rect]
    labels: dict[str, pygame.Rect]
    texts: dict[str, tuple[str, Style]]  # each label's words and style (the short form if crowded)
    leaders: dict[str, tuple[tuple[int, int], tuple[int, int]]]  # label lines, start and end
    unit_marks: list[tuple[MapUnit, pygame.Rect]]
    rings: dict[str, tuple[tuple[int, int], int]]
    unclear: frozenset[str]  # labels a crowd left less than RIVAL_MARGIN nearer their own marker


class MapPainter:
    """Draws the map into a panel. After each draw, what was placed is kept for tests and callers:
    `view` (the projection, in window pixels), `area` (the map without its legend), `spots` and
    `markers` (the places drawn), `label_at` (each one's label), `leaders`, `unclear`,
    `unit_markers`, `rings` and `region_labels`."""

    def __init__(self) -> None:
        self._cache_key: tuple = ()
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
        self.rings: dict[str, tuple[tuple[int, int], int]] = {}  # centre and outer radius
        self.region_labels: list[pygame.Rect] = []
        self.region_at: dict[str, pygame.Rect] = {}  # each province or sea named, by its id
        self._map_ink: tuple[Ink, Ink] | None = None  # (the screen's ink, the map's)
        self._layout_key: tuple = ()
        self._placed: Layout | None = None

    def draw(
        self,
        surface: pygame.Surface,
        ink: Ink,
        rect: pygame.Rect,
        data: dict,
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
        self._draw_places_and_units(surface, ink, area, project, places, units, self._base.lines)
        self._region_labels(surface, ink, area, project, data, self._base.lines)
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
    ) -> None:
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
        )
        if key != self._layout_key or self._placed is None:
            self._placed = self._layout(ink, area, project, places, units, lines)
            self._layout_key = key
        placed = self._placed
        spots, markers, labels, texts, leaders, unit_marks, rings, unclear = placed
        self.spots, self.markers, self.label_at = spots, markers, labels
        self.unclear = set(unclear)
        self.leaders = set(leaders)
        self.unit_markers = [r for _, r in unit_marks]
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

    def _layout(
        self,
        ink: Ink,
        area: pygame.Rect,
        project: Projection,
        places: list[MapPlace],
        units: list[MapUnit],
        lines: Lines,
    ) -> Layout:
        """A place is drawn only together with its label: one whose marker would sit under a label,
        a ring or a marker already placed, or whose label finds no free spot right beside it, is left
        off (the codex lists every place). The named cities, highlighted places and places with units
        are always drawn and labelled, first, so the rest make room for them (one whose label is
        wider than the map, or finds no spot nearer its own marker than any other, is drawn with
        its units, unlabelled)."""
        unit_slots = UnitSlots(area, self._zone, self._wall)
        label_spots = LabelSpots(area, lines)
        spots: dict[str, tuple[int, int]] = {}
        for place in places:
            spot = project(place.lon, place.lat)
            if area.collidepoint(spot):
                spots[place.id] = spot
        with_units = {u.place for u in units if u.place in spots}
        order = sorted(
            (p for p in places if p.id in spots),
            key=lambda p: (
                MUST_LABEL.index(p.id) if p.id in MUST_LABEL else len(MUST_LABEL),
                not p.highlight,
                p.id not in with_units,
                KINDS.index(p.kind) if p.kind in KINDS else len(KINDS),
            ),
        )
        must = {p.id for p in order if p.id in MUST_LABEL or p.highlight or p.id in with_units}
        self._displace(area, [p for p in order if p.id in must], spots)
        rings = {p.id: (spots[p.id], RING_RADIUS) for p in places if p.highlight and p.id in spots}
        fixed = [marker_rect(p, spots[p.id]).inflate(2, 2) for p in order if p.id in must]

        def crowded(place: MapPlace) -> bool:  # under a marker or ring always drawn
            mark = marker_rect(place, spots[place.id]).inflate(2, 2)
            return mark.collidelist(fixed) >= 0 or any(
                touches_ring(mark, ring) for ring in rings.values()
            )

        order = [p for p in order if p.id in must or not crowded(p)]
        # Greedy placement, most important place first, can leave a place of lower rank no room
        # by its marker (a highlighted port's long label across the town beside it): such a place
        # is moved to the front and all placed again, a few times at most; the layout with the
        # fewest labels left without room (unlabelled, or over a ring's edge), then barely
        # nearer their own marker than another, then away from the usual spots, is kept.
        best: tuple[tuple[int, int, int], Layout] | None = None
        first: list[str] = []
        for _ in range(MAX_PROMOTIONS + 1):
            ahead = [p for pid in first for p in order if p.id == pid]
            layout, strays, loose = self._place(
                ink,
                area,
                [*ahead, *(p for p in order if p.id not in first)],
                spots,
                must,
                rings,
                fixed,
                units,
                unit_slots,
                label_spots,
            )
            score = (loose, len(layout.unclear), len(strays))
            if best is None or score < best[0]:
                best = (score, layout)
            promote = [pid for pid in strays if pid not in first]
            if not strays or not promote:
                break
            first.append(promote[0])
        return best[1]

    def _place(
        self,
        ink: Ink,
        area: pygame.Rect,
        order: list[MapPlace],
        spots: dict[str, tuple[int, int]],
        must: set[str],
        rings: dict[str, tuple[tuple[int, int], int]],
        fixed: list[pygame.Rect],
        units: list[MapUnit],
        unit_slots: UnitSlots,
        label_spots: LabelSpots,
    ) -> tuple[Layout, list[str], int]:
        """One greedy pass in `order`; with the must-places whose label could not go in one of
        the usual spots by its marker (it slid between them, or went further out on a leader
        line), in order, and how many found no spot clear of the rings round them and nearer
        their own marker than any other (left off, or over the edge of a ring)."""
        strays: list[str] = []
        unclear: set[str] = set()
        loose = 0  # must-labels left off, or over the edge of a ring, for want of room
        waiting = {p.id: marker_rect(p, spots[p.id]) for p in order}
        markers: dict[str, pygame.Rect] = {}
        labels: dict[str, pygame.Rect] = {}
        leaders: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {}
        texts: dict[str, tuple[str, Style]] = {}
        # units: Japanese as squares, Chinese as diamonds (shape as well as colour, for colour-blind
        # players). A place's units are set round it just after its label: the label takes the
        # spot right by the marker, and the units (which can stack in several directions) go
        # where it is not. Placed first, they took every side of a crowded place, and on a small
        # map its label was sent a third of the map away.
        unit_marks: list[tuple[MapUnit, pygame.Rect]] = []
        for place in order:
            spot, mark = spots[place.id], waiting.pop(place.id)
            other_rings = [ring for pid, ring in rings.items() if pid != place.id]
            units_shown = [r.inflate(2, 2) for _, r in unit_marks]
            if place.id not in must and (
                mark.inflate(2, 2).collidelist([*markers.values(), *labels.values()]) >= 0
                or mark.inflate(2, 2).collidelist(units_shown) >= 0
                # nor would its marker be the one nearest another place's label
                or any(
                    distance(b, spot) < distance(b, spots[pid]) + RIVAL_MARGIN
                    for pid, b in labels.items()
                )
            ):
                continue
            hard = [  # the markers placed and those always drawn, units, and the labels placed
                *(r.inflate(2, 2) for r in markers.values()),
                mark.inflate(2, 2),
                *fixed,
                *units_shown,
                *labels.values(),
            ]
            is_must = place.id in must
            pending = list(waiting.values())
            # the markers drawn, or sure to be: a label may not sit nearer to one of them
            rivals = sorted(spots[pid] for pid in {*must, *markers} if pid != place.id)
            # Right by its marker first, in full; then, where a small map is crowded, by its
            # marker under its name alone ("Tongzhou", not "Tongzhou 通州": the codex has both);
            # only then further out on a leader line, which on a crowded map could end a
            # third of the map away, by some other place's marker.
            # A place crowded by highlighted neighbours may, last before that, put its label over
            # the edge of their rings.
            # All that first for a spot clearly nearer its own marker than any other, leaving its
            # units room; then, for a must-label, for one merely nearer (an optional label is left
            # off rather).
            tries = [(text, other_rings) for text in label_texts(ink, area, place)]
            if is_must and other_rings:
                tries.append((tries[-1][0], []))
            here = [u for u in units if u.place == place.id]
            around = [*(r for _, r in unit_marks), *fixed, *labels.values()]
            fits = unit_slots.leaves_room(spot, here, around, other_rings, rivals) if here else None
            choice: tuple[pygame.Rect, bool, bool] | None = None
            text, style = tries[0][0]
            memo: dict[tuple, list] = {}  # the spots found for each form of the label
            for strict in (True, False) if is_must else (True,):
                for slide in (False, True) if is_must else (False,):
                    for (text, style), avoided in tries:
                        size = (ink.width(text, style), ink.height(style))
                        choice = label_spots.choose(
                            spot,
                            place,
                            size,
                            hard,
                            avoided,
                            pending,
                            is_must,
                            rivals=rivals,
                            fits=fits,
                            strict=strict,
                            slide=slide,
                            memo=memo,
                        )
                        if choice is not None:
                            break
                    if choice is not None:
                        if strict and slide:  # by its marker, but in none of the usual spots
                            strays.append(place.id)
                        break
                if choice is not None or not is_must:
                    break
                if strict:
                    strays.append(place.id)
                text, style = label_texts(ink, area, place)[-1]
                size = (ink.width(text, style), ink.height(style))
                choice = label_spots.choose(
                    spot,
                    place,
                    size,
                    hard,
                    other_rings,
                    pending,
                    True,
                    far=True,
                    rivals=rivals,
                    fits=fits,
                    strict=strict,
                    memo=memo,
                )
                if choice is not None:
                    break
            if choice is None and is_must:
                # Over the edge of the highlight rings round it, short or further out. Never
                # by another place's marker, nor over a marker or a unit: a label nowhere
                # nearer its own marker than any other is left off, rather than name another
                # place (the marker and its units are drawn all the same; the codex lists it).
                loose += 1
                choice = label_spots.choose(
                    spot,
                    place,
                    size,
                    hard,
                    [],
                    pending,
                    True,
                    far=True,
                    rivals=rivals,
                    slide=True,
                    memo=memo,
                )
                if choice is not None:
                    choice = (choice[0], choice[1], False)
            if choice is None:
                if is_must:  # a label wider than the map: the marker and its units all the same
                    markers[place.id] = mark
                    unit_marks += unit_slots.markers(spot, here, around, other_rings, rivals)[0]
                continue
            box, far, clear = choice
            if not clear:
                unclear.add(place.id)
            markers[place.id] = mark
            labels[place.id] = box
            texts[place.id] = (text, style)
            unit_marks += unit_slots.markers(spot, here, [*around, box], other_rings, rivals)[0]
            if far:  # a leader line from the marker to the nearest point of the label
                end = (
                    min(max(spot[0], box.left), box.right - 1),
                    min(max(spot[1], box.top), box.bottom - 1),
                )
                leaders[place.id] = (spot, end)
        layout = Layout(
            {pid: spots[pid] for pid in markers},
            markers,
            labels,
            texts,
            leaders,
            unit_marks,
            rings,
            frozenset(unclear),
        )
        return layout, strays, loose

    @staticmethod
    def _displace(
        area: pygame.Rect, places: list[MapPlace], spots: dict[str, tuple[int, int]]
    ) -> None:
        """Places that are always drawn but would touch one drawn before them (Tongzhou by Peiping
        on a small map) are pushed a few pixels away from it, as a cartographer would."""
        placed: list[tuple[MapPlace, tuple[int, int]]] = []
        for place in places:
            x, y = spots[place.id]
            for other, (ox, oy) in placed:
                dx, dy = (x - ox, y - oy) if (x, y) != (ox, oy) else (1, 0)
                length = math.hypot(dx, dy)
                for push in range(9):
                    spot = (x + round(push * dx / length), y + round(push * dy / length))
                    if not area.collidepoint(spot):
                        break
                    if (
                        not marker_rect(place, spot)
                        .inflate(2, 2)
                        .colliderect(marker_rect(other, (ox, oy)))
                    ):
                        x, y = spot
                        break
            spots[place.id] = (x, y)
            placed.append((place, (x, y)))

    def _region_labels(
        self,
        surface: pygame.Surface,
        ink: Ink,
        area: pygame.Rect,
        project: Projection,
        data: dict,
        lines: Lines,
    ) -> None:
        """Province and sea names, only where no place label, marker or ring is, each over its
        own anchor (within the middle half of the name) and over no other region's: a name
        pushed back from the map's edge had 'Fengtian (Manchukuo)' written across Jehol."""
        taken = [
            *(r.inflate(4, 4) for r in self.markers.values()),
            *(r.inflate(4, 4) for r in self.unit_markers),
            *self.label_at.values(),
        ]
        self.region_labels = []
        self.region_at = {}
        regions = [*data.get("provinces", []), *data.get("labels", [])]
        anchors = [project(label["lon"], label["lat"]) for label in regions]
        narrow = area.width < FULL_NAMES_LINES * ink.height(LABEL)
        for label, (x, y) in zip(regions, anchors, strict=True):
            name = label["name"].split(" (")[0] if narrow else label["name"]  # as places' names
            text = f"{name} {label.get('chars', '')}".strip()
            style = SEA_LABEL if label.get("kind") == "sea" else Style("serif", "small", "ink_soft")
            width, height = ink.width(text, style), ink.height(style)
            others = [at for at in anchors if at != (x, y)]
            best: tuple[int, pygame.Rect] | None = None
            for dx, dy in ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)):
                box = pygame.Rect(x - width // 2 + dx * width // 4, y + dy * height, width, height)
                if (
                    not area.contains(box)
                    or box.collidelist(taken) >= 0
                    or any(touches_ring(box, ring) for ring in self.rings.values())
                    or any(box.inflate(6, 6).collidepoint(at) for at in others)
                ):
                    continue
                strong, weak = lines.crossing(area, box)
                if best is None or strong + weak < best[0]:
                    best = (strong + weak, box)
            if best is not None and best[0] <= height:  # not across a coast, river or the Wall
                box = best[1]
                ink.line(surface, text, box.topleft, area, style)
                taken.append(box)
                self.region_labels.append(box)
                self.region_at[label.get("id", label["name"])] = box
