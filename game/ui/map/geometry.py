"""Pixel geometry the map's labels and units are placed by: distances to boxes, segments and
rings, points in polygons, and the masks a unit's diamond is tested with."""

from __future__ import annotations

import functools
import itertools
import math

import pygame

WHITE = (255, 255, 255)  # what the masks are drawn in, on black
Segment = tuple[tuple[int, int], tuple[int, int]]
Piece = tuple[tuple[float, float], tuple[float, float]]  # of a Segment


def distance(box: pygame.Rect, point: tuple[int, int]) -> float:
    """From a point to the nearest pixel of a box (0 inside it)."""
    x, y = point
    return math.hypot(
        x - min(max(x, box.left), box.right - 1), y - min(max(y, box.top), box.bottom - 1)
    )


def inside(point: tuple[int, int], polygon: tuple[tuple[int, int], ...]) -> bool:
    """Whether `point` lies inside `polygon` (even-odd rule; False with no polygon)."""
    x, y = point
    within = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            within = not within
    return within


def to_segment(point: tuple[int, int], segment: Segment) -> float:
    """From a point to the nearest point of a segment."""
    (px, py), ((ax, ay), (bx, by)) = point, segment
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def pieces(eye: tuple[int, int], lines: list[Segment]) -> list[Piece]:
    """The lines cut into pieces no longer than each is far from `eye` (a pixel at least), so
    that none spans more than 53 degrees seen from it."""
    found: list[Piece] = []
    for line in lines:
        (ax, ay), (bx, by) = line
        longest = max(to_segment(eye, line), 1.0)
        count = max(1, math.ceil(math.hypot(bx - ax, by - ay) / longest))
        cuts = [(ax + (bx - ax) * n / count, ay + (by - ay) * n / count) for n in range(count + 1)]
        found += itertools.pairwise(cuts)
    return found


def beyond(eye: tuple[int, int], point: tuple[float, float], reach: float) -> tuple[float, float]:
    """The point `reach` away from `eye` on the ray through `point` (`point`, if further)."""
    dx, dy = point[0] - eye[0], point[1] - eye[1]
    stretch = max(reach / max(math.hypot(dx, dy), 1.0), 1.0)
    return eye[0] + dx * stretch, eye[1] + dy * stretch


def touches_ring(box: pygame.Rect, ring: tuple[tuple[int, int], int]) -> bool:
    """Whether a box comes within a pixel of a highlight ring (or covers it)."""
    (cx, cy), radius = ring
    nearest_x = min(max(cx, box.left), box.right - 1)
    nearest_y = min(max(cy, box.top), box.bottom - 1)
    return math.hypot(nearest_x - cx, nearest_y - cy) <= radius + 1


@functools.cache
def diamond_mask(radius: int) -> pygame.mask.Mask:
    """The pixels within `radius` steps of a centre, across and down (a diamond, tips included),
    in a square 2 * radius + 1 wide."""
    side = 2 * radius + 1
    mask = pygame.mask.Mask((side, side))
    for dy in range(-radius, radius + 1):
        for dx in range(abs(dy) - radius, radius - abs(dy) + 1):
            mask.set_at((radius + dx, radius + dy))
    return mask
