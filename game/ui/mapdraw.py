"""The map of North China: coast, sea, Great Wall, DMZ (tinted and hatched), rivers, places, units.

The base map is drawn once per size and palette and cached; markers and highlights are drawn on
top at each redraw. Labels are placed greedily so they never overlap or leave the panel.
"""

from __future__ import annotations

import pygame

from game.ui.text import Ink, Style
from game.ui.view import MapPlace, MapUnit, Projection, fit_projection

LABEL = Style("serif", "small", "ink")
FULL_NAMES_WIDTH = 640  # below this map width, place labels drop the old spelling in brackets
SEA_LABEL = Style("serif", "small", "river")
MUST_LABEL = (
    "peiping",
    "tianjin",
    "baoding",
    "shanhaiguan",
    "kalgan",
)  # always labelled, in this order


_LEGEND = (
    ("japan", "square", "Japanese unit"),
    ("china", "diamond", "Chinese unit"),
    ("dmz", "hatch", "Demilitarized zone"),
    ("wall", "line", "Great Wall"),
)
_LEGEND_GAP = 14


class MapPainter:
    def __init__(self) -> None:
        self._cache_key: tuple = ()
        self._base: pygame.Surface | None = None

    def draw(
        self,
        surface: pygame.Surface,
        ink: Ink,
        rect: pygame.Rect,
        data: dict,
        places: list[MapPlace],
        units: list[MapUnit],
    ) -> None:
        bbox = data["bbox"]
        legend = self._legend_rows(ink, rect.width - 4)
        legend_height = len(legend) * ink.height(LABEL) + 4
        area = pygame.Rect(rect.x, rect.y, rect.width, max(10, rect.height - legend_height))
        projection = fit_projection(bbox, (0, 0, area.width, area.height))
        key = (area.size, id(ink.theme), tuple(sorted(ink.theme.colours.items())))
        if key != self._cache_key or self._base is None:
            self._base = self._draw_base(ink, area.size, data, projection)
            self._cache_key = key
        surface.blit(self._base, area.topleft)
        project = Projection(
            projection.lon_min,
            projection.lat_max,
            projection.scale,
            projection.squeeze,
            projection.left + area.x,
            projection.top + area.y,
        )
        self._draw_places_and_units(surface, ink, area, project, places, units)
        self._region_labels(surface, ink, area, project, data)
        self._legend(
            surface, ink, pygame.Rect(rect.x, area.bottom + 2, rect.width, legend_height), legend
        )

    def _draw_base(
        self, ink: Ink, size: tuple[int, int], data: dict, project: Projection
    ) -> pygame.Surface:
        theme = ink.theme
        base = pygame.Surface(size)
        base.fill(theme.c("land"))
        bbox = data["bbox"]
        coast = data.get("coast", [])
        if coast:
            main = [project(*p) for p in coast[0]["points"]]
            east = project(bbox["lon_max"], bbox["lat_max"])[0] + 2
            sea = [*main, (east, main[-1][1]), (east, main[0][1])]
            pygame.draw.polygon(base, theme.c("sea"), sea)
            for piece in coast[1:]:
                points = [project(*p) for p in piece["points"]]
                if len(points) >= 2:
                    pygame.draw.polygon(
                        base,
                        theme.c("land"),
                        [*points, (east, points[-1][1]), (east, points[0][1])],
                    )
                    pygame.draw.lines(base, theme.c("ink_soft"), False, points, 1)
            pygame.draw.lines(base, theme.c("ink_soft"), False, main, 2)
        dmz = data.get("dmz", {}).get("polygon", [])
        if len(dmz) >= 3:
            self._hatch(base, [project(*p) for p in dmz], theme.c("dmz"))
        for river in data.get("rivers", []):
            points = [project(*p) for p in river["points"]]
            if len(points) >= 2:
                pygame.draw.lines(base, theme.c("river"), False, points, 2)
        for wall in data.get("great_wall", []):
            points = [project(*p) for p in wall["points"]]
            if len(points) >= 2:
                width = 4 if wall.get("id") == "main" else 2
                pygame.draw.lines(base, theme.c("wall"), False, points, width)
                for a, b in zip(
                    points[::2], points[1::2], strict=False
                ):  # crenels, so the Wall reads as a wall
                    mid = ((a[0] + b[0]) // 2, (a[1] + b[1]) // 2)
                    pygame.draw.circle(base, theme.c("wall"), mid, width)
        return base

    @staticmethod
    def _hatch(
        base: pygame.Surface, polygon: list[tuple[int, int]], colour: tuple[int, int, int]
    ) -> None:
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

    def _draw_places_and_units(
        self,
        surface: pygame.Surface,
        ink: Ink,
        area: pygame.Rect,
        project: Projection,
        places: list[MapPlace],
        units: list[MapUnit],
    ) -> None:
        theme = ink.theme
        taken: list[pygame.Rect] = []  # place dots: ordinary labels avoid them
        solid: list[pygame.Rect] = []  # unit markers and labels: nothing may cover them
        self._taken = taken
        self._labels: list[pygame.Rect] = []
        self._markers: list[pygame.Rect] = []  # unit markers only
        self.label_at: dict[str, pygame.Rect] = {}  # where each place's label went (for tests)
        self.leaders: set[str] = (
            set()
        )  # places whose label is joined to its marker by a leader line
        self.spots: dict[str, tuple[int, int]] = {}
        with_units = {u.place for u in units}
        spots = {}
        for place in places:
            x, y = project(place.lon, place.lat)
            if not area.collidepoint(x, y):
                continue
            spots[place.id] = (x, y)
            if place.highlight:
                pygame.draw.circle(surface, theme.c("highlight"), (x, y), 11, 3)
            if place.kind == "pass":
                pygame.draw.polygon(
                    surface, theme.c("wall"), [(x, y - 5), (x - 5, y + 4), (x + 5, y + 4)]
                )
            elif place.kind == "city":
                pygame.draw.rect(surface, theme.c("ink"), (x - 4, y - 4, 9, 9))
            else:
                pygame.draw.circle(surface, theme.c("ink"), (x, y), 3)
            taken.append(pygame.Rect(x - 5, y - 5, 11, 11))
            solid_dot = pygame.Rect(x - 3, y - 3, 7, 7)
            solid.append(solid_dot)
        self.spots = spots
        # units: Japanese as squares, Chinese as diamonds (shape as well as colour, for colour-blind players)
        stacked: dict[str, int] = {}
        for unit in units:
            if unit.place not in spots:
                continue
            x, y = spots[unit.place]
            n = stacked.get(unit.place, 0)
            stacked[unit.place] = n + 1
            cx, cy = x + 10 + 12 * n, y - 12
            if unit.side == "japan":
                marker = pygame.Rect(cx - 6, cy - 6, 12, 12)
                pygame.draw.rect(surface, theme.c("japan"), marker)
                pygame.draw.rect(surface, theme.c("paper"), marker, 1)
            else:
                diamond = [(cx, cy - 7), (cx + 7, cy), (cx, cy + 7), (cx - 7, cy)]
                pygame.draw.polygon(surface, theme.c("china"), diamond)
                pygame.draw.polygon(surface, theme.c("paper"), diamond, 1)
                marker = pygame.Rect(cx - 7, cy - 7, 14, 14)
            taken.append(marker)
            solid.append(marker)
            self._markers.append(marker)
        # the five named cities first, in a fixed order (Peiping, then Tianjin...), so their labels sit by their markers
        order = sorted(
            places,
            key=lambda p: (
                MUST_LABEL.index(p.id) if p.id in MUST_LABEL else len(MUST_LABEL),
                not p.highlight,
                p.id not in with_units,
                p.kind != "city",
                p.kind != "pass",
            ),
        )
        for place in order:
            if place.id not in spots:
                continue
            # other cities and passes are labelled only where there is room right by them
            must = place.id in MUST_LABEL or place.highlight or place.id in with_units
            self._label(
                surface,
                ink,
                area,
                spots[place.id],
                place,
                solid if place.id in MUST_LABEL else taken,
                must,
                (taken, solid),
            )

    def _region_labels(
        self, surface: pygame.Surface, ink: Ink, area: pygame.Rect, project: Projection, data: dict
    ) -> None:
        """Province and sea names, only where no place label or marker is."""
        for label in [*data.get("provinces", []), *data.get("labels", [])]:
            x, y = project(label["lon"], label["lat"])
            text = f"{label['name']} {label.get('chars', '')}".strip()
            style = SEA_LABEL if label.get("kind") == "sea" else Style("serif", "small", "ink_soft")
            width = ink.width(text, style)
            box = pygame.Rect(x - width // 2, y, width, ink.height(style))
            if area.contains(box) and box.collidelist(self._taken) < 0:
                ink.line(surface, text, box.topleft, area, style)
                self._taken.append(box)

    def _label(
        self,
        surface: pygame.Surface,
        ink: Ink,
        area: pygame.Rect,
        spot: tuple[int, int],
        place: MapPlace,
        taken: list[pygame.Rect],
        must: bool,
        record: tuple[list[pygame.Rect], ...] = (),
    ) -> None:
        """Place a label next to its marker: beside, below, above or diagonal; a must-label may move
        further out (joined to its marker by a thin leader line) and, last of all, over a unit marker."""
        name = place.name
        if (
            area.width < FULL_NAMES_WIDTH
        ):  # a small map: "Tianjin 天津", not "Tianjin (Tientsin) 天津" (the codex has both)
            name = name.split(" (")[0]
        text = f"{name} {place.chars}".strip()
        style = Style("serif_bold", "small", "ink") if place.highlight else LABEL
        width, height = ink.width(text, style), ink.height(style)
        x, y = spot

        def ring(step: int) -> list[tuple[int, int]]:
            d = step * (height // 2 + 4)
            return [
                (x + 7 + d, y - height // 2), (x - 7 - width - d, y - height // 2),  # right, left
                (x - width // 2, y + 6 + d), (x - width // 2, y - 6 - height - d),  # below, above
                (x + 5 + d, y + 3 + d), (x - 5 - width - d, y + 3 + d),  # below right, below left
                (x + 5 + d, y - 3 - height - d), (x - 5 - width - d, y - 3 - height - d),  # above right, above left
            ]  # fmt: skip

        tries = [(c, taken, False) for c in ring(0)]
        if must:
            tries += [
                (c, self._labels + self._markers, False) for c in ring(0)
            ]  # over a place's dot, not a unit
            tries += [
                (c, self._labels + self._markers, True) for step in (1, 2, 3) for c in ring(step)
            ]
        if place.id in MUST_LABEL:  # the five named cities are labelled even over a unit marker
            tries += [(c, self._labels, step > 0) for step in (0, 1) for c in ring(step)]
        for (cx, cy), against, far in tries:
            box = pygame.Rect(cx, cy, width, height)
            if area.contains(box) and box.collidelist(against) < 0:
                if far:  # a leader line from the marker to the nearest point of the label
                    end = (
                        min(max(x, box.left), box.right - 1),
                        min(max(y, box.top), box.bottom - 1),
                    )
                    pygame.draw.line(surface, ink.theme.c("ink_soft"), spot, end, 1)
                    self.leaders.add(place.id)
                backing = box.inflate(4, 0)
                tint = pygame.Surface(backing.size, pygame.SRCALPHA)
                tint.fill((*ink.theme.c("paper"), 170))
                surface.blit(tint, backing.topleft)
                ink.line(surface, text, box.topleft, area, style)
                for rects in {id(r): r for r in (*record, taken, self._labels)}.values():
                    rects.append(box)
                self.label_at[place.id] = box
                return

    def _legend_rows(self, ink: Ink, width: int) -> list[list[tuple[str, str, str]]]:
        """The legend's items in as many lines as the width needs (a narrow map gets two)."""
        rows: list[list[tuple[str, str, str]]] = [[]]
        x = 0
        for item in _LEGEND:
            needed = self._legend_item_width(ink, item[2])
            if rows[-1] and x + needed > width:
                rows.append([])
                x = 0
            rows[-1].append(item)
            x += needed + _LEGEND_GAP
        return rows

    @staticmethod
    def _legend_item_width(ink: Ink, label: str) -> int:
        return ink.height(LABEL) - 6 + 5 + ink.width(label, LABEL)

    def _legend(
        self,
        surface: pygame.Surface,
        ink: Ink,
        rect: pygame.Rect,
        rows: list[list[tuple[str, str, str]]],
    ) -> None:
        size = ink.height(LABEL) - 6
        for line, items in enumerate(rows):
            x, y = rect.x + 2, rect.y + 2 + line * ink.height(LABEL)
            for colour, shape, label in items:
                self._legend_item(surface, ink, rect, (x, y), size, colour, shape, label)
                x += self._legend_item_width(ink, label) + _LEGEND_GAP

    def _legend_item(
        self,
        surface: pygame.Surface,
        ink: Ink,
        rect: pygame.Rect,
        at: tuple[int, int],
        size: int,
        colour: str,
        shape: str,
        label: str,
    ) -> None:
        theme = ink.theme
        x, y = at
        cy = y + ink.height(LABEL) // 2
        if shape == "square":
            pygame.draw.rect(surface, theme.c(colour), (x, cy - size // 2, size, size))
        elif shape == "diamond":
            h = size // 2
            pygame.draw.polygon(
                surface,
                theme.c(colour),
                [(x + h, cy - h), (x + 2 * h, cy), (x + h, cy + h), (x, cy)],
            )
        elif shape == "hatch":
            pygame.draw.rect(surface, theme.c(colour), (x, cy - size // 2, size, size), 2)
            pygame.draw.line(
                surface, theme.c(colour), (x, cy + size // 2), (x + size, cy - size // 2)
            )
        else:
            pygame.draw.line(surface, theme.c(colour), (x, cy), (x + size, cy), 4)
        ink.line(surface, label, (x + size + 5, y), rect, LABEL)
