"""The provinces' and seas' names on the map, where no place's label, marker or ring is."""

from __future__ import annotations

import pygame

from game.ui.map.base import Lines
from game.ui.map.geometry import touches_ring
from game.ui.map.labels import FULL_NAMES_LINES, LABEL
from game.ui.map.layout import Layout
from game.ui.text import Ink, Style
from game.ui.view import MapData, Projection

SEA_LABEL = Style("serif", "small", "sea_label")  # the river colour was 2.2:1 on the sea


def draw_region_labels(
    surface: pygame.Surface,
    ink: Ink,
    area: pygame.Rect,
    project: Projection,
    data: MapData,
    layout: Layout,
    lines: Lines,
) -> list[tuple[str, pygame.Rect]]:
    """Province and sea names, only where no place label, marker or ring of the `layout` is, each
    over its own anchor (within the middle half of the name) and over no other region's: a name
    pushed back from the map's edge had 'Fengtian (Manchukuo)' written across Jehol. Returned:
    each name written, by its region's id, in the order written."""
    taken = [
        *(r.inflate(4, 4) for r in layout.markers.values()),
        *(r.inflate(4, 4) for _, r in layout.unit_marks),
        *layout.labels.values(),
    ]
    written: list[tuple[str, pygame.Rect]] = []
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
                or any(touches_ring(box, ring) for ring in layout.rings.values())
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
            written.append((label.get("id", label["name"]), box))
    return written
