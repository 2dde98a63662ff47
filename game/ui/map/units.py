"""Where a place's units go on the map: in slots round its marker, clear of the labels, markers
and rings, and a Chinese unit's diamond on its place's side of the demilitarized zone's edge and of
the Great Wall (the truce allowed Chinese police in the zone, no troops; past the Wall lay
Manchukuo)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from game.ui.map.geometry import (
    WHITE,
    Segment,
    beyond,
    diamond_mask,
    inside,
    pieces,
    to_segment,
    touches_ring,
)
from game.ui.view import MapUnit

# A Chinese unit's diamond keeps this many pixels off the zone's edge (its line is 2 px wide), on
# its place's side: the truce allowed Chinese police in the zone, no troops (play-test).
ZONE_MARGIN = 1
# Where no slot beside its place is free, a unit goes to the nearest free spot within this many
# pixels of it (tried every FAR_STEP px), rather than over a label or across the zone's edge.
FAR_REACH = 72
FAR_STEP = 3
ZONE_MASK_PAD = 8  # px of the zone kept round the map's area: a diamond's tip may reach past it
# A Chinese unit's diamond is on its place's side of the Great Wall, its tips this many pixels
# short of the Wall's middle (its line is 4 px wide): north of it, east of Gubeikou, lay Jehol,
# Manchukuo since 1933, where a Chinese army's marker is a falsehood (play-test: on day 2 at
# 1280x720 with 120% text one of Peiping's diamonds went 52 px to the upper right, past it).
WALL_MARGIN = 2
# A place whose marker's centre is this near the Wall's middle is drawn on it (the passes, and
# Kalgan): its marker touches the line, the eye reads the place as the Wall itself and its troops
# as holding it from one side or the other, so they may go on either side.
ON_THE_WALL = 6
# how far from its place a unit's diamond can reach: FAR_REACH, and its tip past that
UNIT_REACH = FAR_REACH + 16
# The lines a Chinese unit keeps to its place's side of, where the map has them: the zone's edge
# and the Wall. Where the map shows nothing of that side near its place, the last is let go first:
# between the Wall and its outer line in Chahar (Yanqing's pocket), across a wall reads less wrong
# than troops in the zone.
KEPT_SIDES = ("zone", "wall")


# the lines of KEPT_SIDES a unit keeps to its place's side of (none: a Japanese unit)
Bound = tuple[str, ...]
# a place's unit slots are worked out once a layout for each: its spot, the units' half-size,
# the lines they keep to its side of, and the other markers
SlotKey = tuple[tuple[int, int], int, Bound, tuple[tuple[int, int], ...]]


def _nearer_a_rival(box: pygame.Rect, spot: tuple[int, int], rivals: list[tuple[int, int]]) -> bool:
    """Whether a unit's marker is nearer one of the `rivals` (other places' markers) than `spot`."""
    x, y = box.center
    own = (x - spot[0]) ** 2 + (y - spot[1]) ** 2
    return any((x - rx) ** 2 + (y - ry) ** 2 < own for rx, ry in rivals)


# the spots tried round a place when none by it is free: within FAR_REACH, nearest first (of
# those as near, the upper one, then the left)
FAR_OFFSETS = [
    (dx, dy)
    for _, dy, dx in sorted(
        (dx * dx + dy * dy, dy, dx)
        for dy in range(-FAR_REACH, FAR_REACH + 1, FAR_STEP)
        for dx in range(-FAR_REACH, FAR_REACH + 1, FAR_STEP)
        if dx * dx + dy * dy <= FAR_REACH * FAR_REACH
    )
]


class UnitSlots:
    """Where units may go on one layout's map (`area`), given the zone's outline and the Wall's
    lines in window pixels. Made anew for each layout: what it works out is kept for the layout
    only (the zone's pixels, the area and ZONE_MASK_PAD round it; each place's unit slots, which
    every label tried by it asks about again; whether each place is in the zone; the Wall's lines
    near each and what lies across them)."""

    def __init__(
        self,
        area: pygame.Rect,
        zone: tuple[tuple[int, int], ...],
        wall: tuple[Segment, ...],
        sea: pygame.mask.Mask | None = None,
    ) -> None:
        self.area = area
        self._sea = sea  # the sea's pixels over the area: no unit's marker touches them
        self._zone = zone  # the demilitarized zone's outline, which units keep to their side of
        self._wall = wall  # the Great Wall's lines
        self._zone_mask = self._zone_pixels()
        self._slot_memo: dict[SlotKey, tuple[list[pygame.Rect], list[pygame.Rect]]] = {}
        self._home_memo: dict[tuple[int, int], bool] = {}
        self._wall_memo: dict[tuple[int, int], tuple[list[Segment], float]] = {}
        self._shadow_memo: dict[tuple[int, int], pygame.mask.Mask] = {}
        has = {"zone": self._zone_mask is not None, "wall": bool(wall)}
        # the lines of KEPT_SIDES this layout's map has
        self._bound: Bound = tuple(line for line in KEPT_SIDES if has[line])

    def leaves_room(
        self,
        spot: tuple[int, int],
        units: list[MapUnit],
        taken: list[pygame.Rect],
        rings: list[tuple[tuple[int, int], int]],
        rivals: list[tuple[int, int]],
    ) -> Callable[[pygame.Rect], bool]:
        """Whether a label box by a place leaves each of its units a free slot."""
        return lambda box: self.markers(spot, units, [*taken, box], rings, rivals, reach=False)[1]

    def markers(
        self,
        spot: tuple[int, int],
        units: list[MapUnit],
        taken: list[pygame.Rect],
        rings: list[tuple[tuple[int, int], int]],
        rivals: list[tuple[int, int]],
        reach: bool = True,
    ) -> tuple[list[tuple[MapUnit, pygame.Rect]], bool]:
        """One place's units, each in the first free slot by it: a row to the upper right, then
        upper left, lower right, lower left, clear of the units, labels and markers in `taken` and
        of other places' highlight rings. A Chinese unit's slots are only those on its place's
        side of the demilitarized zone's edge and of the Great Wall (with rows further above and
        below): Peiping's and Tianjin's troops were drawn inside the zone, where only police were
        allowed, and Peiping's past the Wall, in Manchukuo (play-test).
        The eye gives a unit to the nearest dot, as it does a label: a unit goes by its place
        nearer it than any of the `rivals` (the other markers drawn or sure to be), else to the
        nearest such spot further out (on the same side of the edge), else to a slot by its place
        nearer another, else to any spot further out. Also returned: whether each found a free
        spot (asked not to `reach` further, a free slot by its place: all that labels ask,
        `leaves_room`, as they are placed to leave these slots free)."""
        taken = list(taken)
        marks: list[tuple[MapUnit, pygame.Rect]] = []
        free = True
        for unit in units:
            half = 6 if unit.side == "japan" else 7
            bound = self._bound if unit.side == "china" else ()
            chosen = self._unit_slot(spot, half, bound, taken, rings, rivals, reach)
            if chosen is None and not reach:
                return marks, False
            if chosen is None:
                free = False
                chosen = self._last_slot(spot, half, bound, taken, rivals)
            marks.append((unit, chosen))
            taken.append(chosen)
        return marks, free

    def _unit_slot(
        self,
        spot: tuple[int, int],
        half: int,
        bound: Bound,
        taken: list[pygame.Rect],
        rings: list[tuple[tuple[int, int], int]],
        rivals: list[tuple[int, int]],
        reach: bool,
    ) -> pygame.Rect | None:
        """A free spot for one unit, in the order `markers` gives (not further out than
        the slots by its place unless `reach`); None if there is none."""
        own, other = self._near_slots(spot, half, bound, rivals)
        chosen = self._free_slot(own, taken, rings)
        if chosen is None and reach:
            chosen = self._far_slot(spot, half, bound, rivals, taken, rings, True)
        if chosen is None:
            chosen = self._free_slot(other, taken, rings)
        if chosen is None and reach:
            chosen = self._far_slot(spot, half, bound, rivals, taken, rings, False)
        return chosen

    @staticmethod
    def _slots(spot: tuple[int, int], half: int, rows: int) -> list[pygame.Rect]:
        """The slots by a place, in order: rows of four to the upper right, upper left, lower
        right and lower left, then (`rows` > 1) as many again twice and thrice as far above and
        below, nearest first (taken row by row, at 1280x720 with 120% text a unit of Peiping's
        went 52 px off to the upper right, by Gubeikou, with a slot 33 px off to the upper left
        free)."""
        x, y = spot
        slots = [
            (x + sx * (10 + 12 * n), y + sy * 12)
            for sx, sy in ((1, -1), (-1, -1), (1, 1), (-1, 1))
            for n in range(4)
        ]
        further = [(sx, y + k * (sy - y)) for k in range(2, rows + 1) for sx, sy in slots]
        slots += sorted(further, key=lambda s: (s[0] - x) ** 2 + (s[1] - y) ** 2)  # stable
        return [pygame.Rect(cx - half, cy - half, 2 * half, 2 * half) for cx, cy in slots]

    def _near_slots(
        self,
        spot: tuple[int, int],
        half: int,
        bound: Bound,
        rivals: list[tuple[int, int]],
    ) -> tuple[list[pygame.Rect], list[pygame.Rect]]:
        """The slots by a place on the map, in order: those nearer it than the `rivals`, and
        the rest. For a unit `bound` to its place's side of the zone's edge and the Wall, the
        three rows of them on that side."""
        key = (spot, half, bound, tuple(rivals))
        if key not in self._slot_memo:
            slots = self._slots(spot, half, 3 if bound else 1)
            slots = [box for box in slots if self._allowed(spot, box, bound)]
            self._slot_memo[key] = (
                [box for box in slots if not _nearer_a_rival(box, spot, rivals)],
                [box for box in slots if _nearer_a_rival(box, spot, rivals)],
            )
        return self._slot_memo[key]

    def _far_slot(
        self,
        spot: tuple[int, int],
        half: int,
        bound: Bound,
        rivals: list[tuple[int, int]],
        taken: list[pygame.Rect],
        rings: list[tuple[tuple[int, int], int]],
        own: bool,
    ) -> pygame.Rect | None:
        """The nearest free spot within FAR_REACH of a place that is allowed (`_allowed`) and,
        if `own`, nearer it than any of the `rivals`, else nearer one of them."""
        x, y = spot
        for dx, dy in FAR_OFFSETS:  # the cheap tests first: most spots are taken
            box = pygame.Rect(x + dx - half, y + dy - half, 2 * half, 2 * half)
            if (
                self.area.contains(box)
                and box.collidelist(taken) < 0
                and _nearer_a_rival(box, spot, rivals) != own
                and not any(touches_ring(box, ring) for ring in rings)
                and self._allowed(spot, box, bound)
            ):
                return box
        return None

    def _allowed(self, spot: tuple[int, int], box: pygame.Rect, bound: Bound) -> bool:
        """Whether a unit's box is wholly on the map and its diamond wholly on its place's side
        of the lines it is `bound` to: the zone's edge (ZONE_MARGIN off it), the Wall
        (WALL_MARGIN)."""
        if not self.area.contains(box):
            return False
        if self._in_sea(box):  # armies on land (play-test: a diamond in the Gulf of Bohai)
            return False
        return ("zone" not in bound or self._zone_side(spot, box)) and (
            "wall" not in bound or self._wall_side(spot, box)
        )

    def _in_sea(self, box: pygame.Rect) -> bool:
        """Whether any pixel of a unit's diamond is in the sea."""
        if self._sea is None:
            return False
        radius = box.width // 2
        offset = (box.centerx - radius - self.area.x, box.centery - radius - self.area.y)
        return self._sea.overlap(diamond_mask(radius), offset) is not None

    def _zone_side(self, spot: tuple[int, int], box: pygame.Rect) -> bool:
        """Whether a unit's diamond is wholly on its place's side of the zone's edge (ZONE_MARGIN
        off it); True without a zone."""
        zone = self._zone_mask
        if zone is None:
            return True
        radius = box.width // 2 + ZONE_MARGIN
        diamond = diamond_mask(radius)
        offset = (
            box.centerx - radius + ZONE_MASK_PAD - self.area.x,
            box.centery - radius + ZONE_MASK_PAD - self.area.y,
        )
        if self._home(spot):  # all of the diamond in the zone
            return zone.overlap_area(diamond, offset) == diamond.count()
        return zone.overlap(diamond, offset) is None

    def _wall_side(self, spot: tuple[int, int], box: pygame.Rect) -> bool:
        """Whether a unit's diamond (WALL_MARGIN wider) is on its place's side of the Wall: no
        line of the Wall between the place and any point of it."""
        lines, nearest = self._wall_by(spot)
        radius = box.width // 2 + WALL_MARGIN
        x, y = box.center
        if math.hypot(x - spot[0], y - spot[1]) + radius < nearest:
            return True  # the Wall is further off than any point of it (most slots tried)
        offset = (x - radius - spot[0] + UNIT_REACH, y - radius - spot[1] + UNIT_REACH)
        return self._wall_shadow(spot, lines).overlap(diamond_mask(radius), offset) is None

    def _wall_by(self, spot: tuple[int, int]) -> tuple[list[Segment], float]:
        """The lines of the Wall within UNIT_REACH of a place, and how far off the nearest is
        (infinite with none, or for a place on the Wall, ON_THE_WALL: its units are spared the
        test). Asked once a layout."""
        if spot not in self._wall_memo:
            lines = [line for line in self._wall if to_segment(spot, line) <= UNIT_REACH]
            nearest = min((to_segment(spot, line) for line in lines), default=math.inf)
            self._wall_memo[spot] = (lines, math.inf if nearest <= ON_THE_WALL else nearest)
        return self._wall_memo[spot]

    def _wall_shadow(self, spot: tuple[int, int], lines: list[Segment]) -> pygame.mask.Mask:
        """What lies across the `lines` of the Wall from a place, within UNIT_REACH of it (a
        square mask centred on it): the shadow each casts, seen from the place. Drawn once a
        layout for a place whose units come near the Wall, as the zone's mask is, so that a
        diamond is tested in one go (testing each of its points against each line took 13 s
        for 30 units on a map 160 px wide). The lines are cut (`pieces`) so that the far edge
        of each piece's shadow, twice UNIT_REACH away, stays outside the mask: at least
        2 * cos(53 / 2) = 1.79 times UNIT_REACH away, and the mask's corners are 1.42 times."""
        if spot not in self._shadow_memo:
            side = 2 * UNIT_REACH + 1
            layer = pygame.Surface((side, side))
            layer.set_colorkey((0, 0, 0))  # its mask: what is drawn (faster than a threshold)
            x, y = spot[0] - UNIT_REACH, spot[1] - UNIT_REACH  # the mask's corner
            for piece in pieces(spot, lines):
                shade = [*piece, *(beyond(spot, end, 2 * UNIT_REACH) for end in reversed(piece))]
                pygame.draw.polygon(layer, WHITE, [(px - x, py - y) for px, py in shade])
            self._shadow_memo[spot] = pygame.mask.from_surface(layer)
        return self._shadow_memo[spot]

    def _home(self, spot: tuple[int, int]) -> bool:
        """Whether a place is inside the zone (asked once a layout)."""
        if spot not in self._home_memo:
            self._home_memo[spot] = inside(spot, self._zone)
        return self._home_memo[spot]

    @staticmethod
    def _free_slot(
        slots: list[pygame.Rect],
        taken: list[pygame.Rect],
        rings: list[tuple[tuple[int, int], int]],
    ) -> pygame.Rect | None:
        """The first slot clear of everything `taken` and of the rings."""
        for box in slots:
            if box.collidelist(taken) < 0 and not any(touches_ring(box, ring) for ring in rings):
                return box
        return None

    def _last_slot(
        self,
        spot: tuple[int, int],
        half: int,
        bound: Bound,
        taken: list[pygame.Rect],
        rivals: list[tuple[int, int]],
    ) -> pygame.Rect:
        """Where a unit goes when no spot near its place is free (a map a few labels wide, a
        crowd of units): where it covers the fewest markers, labels and units, but on its place's
        side of the zone's edge and of the Wall (a unit over another reads less wrong than troops
        in the zone or in Manchukuo)."""
        x, y = spot
        further = (
            pygame.Rect(x + dx - half, y + dy - half, 2 * half, 2 * half) for dx, dy in FAR_OFFSETS
        )
        allowed = [
            *(box for slots in self._near_slots(spot, half, bound, rivals) for box in slots),
            *(box for box in further if self._allowed(spot, box, bound)),
        ]
        if allowed:  # of those as clear, the first: by its place, else the nearest
            return min(allowed, key=lambda box: len(box.collidelistall(taken)))
        if bound:  # the map shows nothing of its side near it: it crosses (KEPT_SIDES)
            return self._last_slot(spot, half, bound[:-1], taken, rivals)
        return self._slots(spot, half, 1)[0].clamp(self.area)  # a map hardly larger than a marker

    def _zone_pixels(self) -> pygame.mask.Mask | None:
        """The demilitarized zone's pixels over the area and ZONE_MASK_PAD round it (None
        without a zone)."""
        if len(self._zone) < 3:
            return None
        pad = ZONE_MASK_PAD
        layer = pygame.Surface((self.area.width + 2 * pad, self.area.height + 2 * pad))
        outline = [(x - self.area.x + pad, y - self.area.y + pad) for x, y in self._zone]
        pygame.draw.polygon(layer, WHITE, outline)
        return pygame.mask.from_threshold(layer, WHITE, (1, 1, 1, 255))
