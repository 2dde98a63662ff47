"""The map's marks: a place's marker by its kind, the ring round a place in the news, and each
side's unit marker (which the crisis screen's attitudes draw too)."""

from __future__ import annotations

import pygame

from game.ui.view import MapPlace

RING_RADIUS = 9  # the highlight ring round a place in the news
RING_WIDTH = 2


def marker_rect(place: MapPlace, spot: tuple[int, int]) -> pygame.Rect:
    """The box of a place's marker centred on `spot` (a pass's triangle, a city's square, else a dot)."""
    x, y = spot
    if place.kind == "pass":
        return pygame.Rect(x - 5, y - 5, 11, 10)
    if place.kind == "city":
        return pygame.Rect(x - 4, y - 4, 9, 9)
    return pygame.Rect(x - 3, y - 3, 7, 7)


# Each side's marker has its own shape as well as its colour (for colour-blind players): the map's
# units and legend, and the people's sides in the crisis screen's attitudes, draw them alike.
SIDE_SHAPES = {"japan": "square", "china": "diamond"}
OTHER_SIDE_SHAPE = "circle"


def side_shape(side: str) -> str:
    """The shape of a side's marker: a square for Japan, a diamond for China, else a circle."""
    return SIDE_SHAPES.get(side, OTHER_SIDE_SHAPE)


def draw_side_mark(
    surface: pygame.Surface,
    colour: tuple[int, int, int],
    side: str,
    centre: tuple[int, int],
    half: int,
    outline: tuple[int, int, int] | None = None,
) -> pygame.Rect:
    """A side's marker (see `side_shape`) `half` pixels either side of `centre`; returns its box."""
    return draw_shape(surface, colour, side_shape(side), centre, half, outline)


def draw_shape(
    surface: pygame.Surface,
    colour: tuple[int, int, int],
    shape: str,
    centre: tuple[int, int],
    half: int,
    outline: tuple[int, int, int] | None = None,
) -> pygame.Rect:
    """A square, a diamond or (any other shape) a circle, `half` pixels either side of
    `centre`, with a one-pixel `outline` if given; returns its box. The one drawing of the
    sides' shapes: the map's units, its legend and the crisis screen's attitudes use it."""
    x, y = centre
    box = pygame.Rect(x - half, y - half, 2 * half + 1, 2 * half + 1)
    if shape == "square":
        pygame.draw.rect(surface, colour, box)
        if outline is not None:
            pygame.draw.rect(surface, outline, box, 1)
    elif shape == "diamond":
        diamond = [(x, y - half), (x + half, y), (x, y + half), (x - half, y)]
        pygame.draw.polygon(surface, colour, diamond)
        if outline is not None:
            pygame.draw.polygon(surface, outline, diamond, 1)
    else:
        pygame.draw.circle(surface, colour, centre, half)
        if outline is not None:
            pygame.draw.circle(surface, outline, centre, half, 1)
    return box
