"""Where everything on the map goes, for one panel, font and set of places and units: which
places are drawn, each with its label and its units. Labels are placed greedily, most important
place first: each tries the spots around its marker and takes the free one crossing the fewest
lines, so labels never overlap each other, a marker, a ring or the panel's edge. A label is never
nearer another place's marker than its own: where none of the usual spots is, it slides between
them, and where nothing is, the place goes unlabelled rather than misnamed."""

from __future__ import annotations

import math
from typing import NamedTuple

import pygame

from game.ui.map.base import Lines
from game.ui.map.geometry import Segment, distance, touches_ring
from game.ui.map.labels import RIVAL_MARGIN, LabelSpots, SpotMemo, label_texts
from game.ui.map.markers import RING_RADIUS, marker_rect
from game.ui.map.units import UnitSlots
from game.ui.text import Ink, Style
from game.ui.view import MapPlace, MapUnit, Projection

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


def lay_out(
    ink: Ink,
    area: pygame.Rect,
    project: Projection,
    places: list[MapPlace],
    units: list[MapUnit],
    zone: tuple[tuple[int, int], ...],
    wall: tuple[Segment, ...],
    lines: Lines,
) -> Layout:
    """The layout of one map in `area`, in window pixels: `zone` and `wall` are the zone's outline
    and the Wall's lines (which Chinese units keep to their place's side of), `lines` the base
    map's (which labels keep off).

    A place is drawn only together with its label: one whose marker would sit under a label,
    a ring or a marker already placed, or whose label finds no free spot right beside it, is left
    off (the codex lists every place). The named cities, highlighted places and places with units
    are always drawn and labelled, first, so the rest make room for them (one whose label is
    wider than the map, or finds no spot nearer its own marker than any other, is drawn with
    its units, unlabelled)."""
    unit_slots = UnitSlots(area, zone, wall, lines.sea)
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
    _displace(area, [p for p in order if p.id in must], spots)
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
        layout, strays, loose = _place(
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
    assert best is not None  # the loop runs at least once
    return best[1]


def _place(
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
        memo: SpotMemo = {}  # the spots found for each form of the label
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


def _displace(area: pygame.Rect, places: list[MapPlace], spots: dict[str, tuple[int, int]]) -> None:
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
