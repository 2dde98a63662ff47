"""The map's legend, under it: what its marks mean (only those the map shows), in as many lines
as its width needs."""

from __future__ import annotations

from collections.abc import Mapping

import pygame

from game.ui.map.labels import LABEL
from game.ui.map.markers import RING_WIDTH, SIDE_SHAPES, draw_shape
from game.ui.text import Ink
from game.ui.view import MapData, MapPlace, MapUnit

_ITEMS = (
    ("japan", SIDE_SHAPES["japan"], "Japanese unit"),
    ("china", SIDE_SHAPES["china"], "Chinese unit"),
    ("dmz", "hatch", "Demilitarized zone"),
    ("wall", "line", "Great Wall"),
    # the ring round a place in the day's news (student play-test: rings came and went unnamed)
    ("highlight", "ring", "In today's news"),
)
_GAP = 14  # px between items
Rows = list[list[tuple[str, str, str]]]  # each line's items: colour, shape and words


def shown_on_map(data: MapData, places: list[MapPlace], units: list[MapUnit]) -> set[str]:
    """What the map shows that the legend names: the sides of its units, the zone and the Wall
    where its data has them, the ring round a place in the news."""
    shown = {unit.side for unit in units}
    if len(data.get("dmz", {}).get("polygon", [])) >= 3:
        shown.add("dmz")
    if data.get("great_wall"):
        shown.add("wall")
    if any(place.highlight for place in places):
        shown.add("highlight")
    return shown


def legend_rows(ink: Ink, width: int, shown: set[str], side_names: Mapping[str, str]) -> Rows:
    """The legend's items in as many lines as the width needs (a narrow map gets two); only
    what the map shows: a side's units when there are some (the briefing's map shows none),
    the zone and the Wall when the map's data has them (a scenario's own map may not), the
    ring round a place in the news when one is drawn and there is room on the last line. A
    side's units are named as the scenario names the side ("Japanese unit")."""
    rows: Rows = [[]]
    x = 0
    for item in _ITEMS:
        if item[0] not in shown:
            continue
        if item[0] in side_names:
            item = (item[0], item[1], f"{side_names[item[0]]} unit")
        needed = _item_width(ink, item[2])
        if rows[-1] and x + needed > width:
            if item[0] == "highlight":
                break  # it never takes a row from the map itself (a crowded map needs it)
            rows.append([])
            x = 0
        rows[-1].append(item)
        x += needed + _GAP
    return rows


def legend_height(ink: Ink, rows: Rows) -> int:
    """How tall the legend's `rows` are, with a margin."""
    return len(rows) * ink.height(LABEL) + 4


def _item_width(ink: Ink, label: str) -> int:
    """How wide an item is: its mark, a gap and its words."""
    return ink.height(LABEL) - 6 + 5 + ink.width(label, LABEL)


def draw_legend(
    surface: pygame.Surface,
    ink: Ink,
    rect: pygame.Rect,
    rows: Rows,
) -> None:
    """The legend's `rows` (as `legend_rows` gives them) in `rect`, under the map."""
    size = ink.height(LABEL) - 6
    for line, items in enumerate(rows):
        x, y = rect.x + 2, rect.y + 2 + line * ink.height(LABEL)
        for colour, shape, label in items:
            _draw_item(surface, ink, rect, (x, y), size, colour, shape, label)
            x += _item_width(ink, label) + _GAP


def _draw_item(
    surface: pygame.Surface,
    ink: Ink,
    rect: pygame.Rect,
    at: tuple[int, int],
    size: int,
    colour: str,
    shape: str,
    label: str,
) -> None:
    """One item at `at`: its mark, `size` pixels wide, in its colour, then its words."""
    theme = ink.theme
    x, y = at
    cy = y + ink.height(LABEL) // 2
    if shape in SIDE_SHAPES.values():  # a side's units: drawn as the map draws them
        draw_shape(surface, theme.c(colour), shape, (x + size // 2, cy), size // 2)
    elif shape == "ring":
        pygame.draw.circle(
            surface, theme.c(colour), (x + size // 2, cy), size // 2, min(RING_WIDTH, 2)
        )
    elif shape == "hatch":
        pygame.draw.rect(surface, theme.c(colour), (x, cy - size // 2, size, size), 2)
        pygame.draw.line(surface, theme.c(colour), (x, cy + size // 2), (x + size, cy - size // 2))
    else:
        pygame.draw.line(surface, theme.c(colour), (x, cy), (x + size, cy), 4)
    ink.line(surface, label, (x + size + 5, y), rect, LABEL)
