"""The base map, drawn once per panel size and palette: land, sea, coast, the demilitarized zone
(tinted and hatched), rivers and the Great Wall; and where its lines are, for the labels to avoid."""

from __future__ import annotations

from typing import NamedTuple

import pygame

from game.ui.map.geometry import WHITE
from game.ui.theme import Theme
from game.ui.view import MapData, Projection


class Lines(NamedTuple):
    """Where the base map's lines are, in the map area's pixels, for the labels to avoid: the Wall
    and the DMZ border most of all (`strong`), the coast and rivers (`weak`)."""

    strong: pygame.mask.Mask
    weak: pygame.mask.Mask
    sea: pygame.mask.Mask | None = None  # the sea's pixels, which units keep off

    def crossing(self, area: pygame.Rect, box: pygame.Rect) -> tuple[int, int]:
        """How many pixels of line a label box would cover: of the Wall and the DMZ border, and of
        the coast and rivers."""
        glyphs = box.inflate(0, -4)  # the line box's top and bottom rows are mostly blank
        block = pygame.mask.Mask(glyphs.size, fill=True)
        offset = (glyphs.x - area.x, glyphs.y - area.y)
        return self.strong.overlap_area(block, offset), self.weak.overlap_area(block, offset)


class BaseMap(NamedTuple):
    """The base map drawn for one panel size and palette, and its lines."""

    image: pygame.Surface
    lines: Lines


def draw_base(theme: Theme, size: tuple[int, int], data: MapData, project: Projection) -> BaseMap:
    """The base map for a panel of `size`, in the theme's colours, with its lines."""
    base = pygame.Surface(size)
    base.fill(theme.c("land"))
    # line layers: what the labels should not cross, drawn white on black and read as masks
    strong = pygame.Surface(size)
    weak = pygame.Surface(size)
    sea_layer = pygame.Surface(size)
    coast = {
        piece.get("id", str(n)): [project(*p) for p in piece.get("points", [])]
        for n, piece in enumerate(data.get("coast", []))
    }
    seas = data.get("sea", [])
    for sea in [seas] if isinstance(seas, dict) else seas:
        outline = [p for cid in sea.get("shore", []) for p in coast.get(cid, [])]
        outline += [project(*p) for p in sea.get("close", [])]
        if len(outline) >= 3:
            pygame.draw.polygon(base, theme.c("sea"), outline)
            pygame.draw.polygon(sea_layer, WHITE, outline)
    for points in coast.values():
        if len(points) >= 2:
            pygame.draw.lines(base, theme.c("ink_soft"), False, points, 2)
            pygame.draw.lines(weak, WHITE, False, points, 2)
    dmz = data.get("dmz", {}).get("polygon", [])
    if len(dmz) >= 3:
        outline = [project(*p) for p in dmz]
        _hatch(base, outline, theme.c("dmz"))
        pygame.draw.polygon(strong, WHITE, outline, 2)
    for river in data.get("rivers", []):
        points = [project(*p) for p in river["points"]]
        if len(points) >= 2:
            pygame.draw.lines(base, theme.c("river"), False, points, 2)
            pygame.draw.lines(weak, WHITE, False, points, 2)
    for wall in data.get("great_wall", []):
        points = [project(*p) for p in wall["points"]]
        if len(points) >= 2:
            width = 4 if wall.get("id") == "main" else 2
            for layer, colour in ((base, theme.c("wall")), (strong, WHITE)):
                pygame.draw.lines(layer, colour, False, points, width)
                # crenels, so the Wall reads as a wall
                for a, b in zip(points[::2], points[1::2], strict=False):
                    mid = ((a[0] + b[0]) // 2, (a[1] + b[1]) // 2)
                    pygame.draw.circle(layer, colour, mid, width)
    return BaseMap(
        base,
        Lines(
            pygame.mask.from_threshold(strong, WHITE, (1, 1, 1, 255)),
            pygame.mask.from_threshold(weak, WHITE, (1, 1, 1, 255)),
            pygame.mask.from_threshold(sea_layer, WHITE, (1, 1, 1, 255)),
        ),
    )


def _hatch(
    base: pygame.Surface, polygon: list[tuple[int, int]], colour: tuple[int, int, int]
) -> None:
    """The zone over the base map: tinted, hatched and outlined in `colour`."""
    size = base.get_size()
    layer = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.polygon(layer, (*colour, 50), polygon)
    lines = pygame.Surface(size, pygame.SRCALPHA)
    step = 9
    for offset in range(-size[1], size[0], step):
        pygame.draw.line(lines, (*colour, 150), (offset, size[1]), (offset + size[1], 0), 1)
    mask = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.polygon(mask, (255, 255, 255, 255), polygon)
    lines.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    layer.blit(lines, (0, 0))
    pygame.draw.polygon(layer, (*colour, 220), polygon, 2)
    base.blit(layer, (0, 0))
