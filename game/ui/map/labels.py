"""Where a place's label goes: the spots tried round its marker, best first, and what each costs
(the lines it crosses, the places it covers, and how clearly it is nearer its own marker than any
other's, since the eye gives a label to the nearest dot)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

import pygame

from game.ui.map.base import Lines
from game.ui.map.geometry import distance
from game.ui.map.markers import RING_RADIUS
from game.ui.text import Ink, Style
from game.ui.view import MapPlace

# a spot for a label, as `LabelSpots._try_spots` finds it: its cost, its rank, the box, whether
# it is on a leader line, whether it is clear of the rivals
Spot = tuple[float, int, pygame.Rect, bool, bool]
# the spots found for each form of a place's label, by its size, how many rings it avoids and
# whether they were slid (see `LabelSpots.choose`)
SpotMemo = dict[tuple[tuple[int, int], int, bool], list[Spot]]

LABEL = Style("serif", "small", "ink")
# A map narrower than this many label lines is too small for "Tianjin (Tientsin) 天津": its labels
# drop the old spelling in brackets (the codex has both). Counted in lines of label text, not pixels,
# so a larger window or text size does not bring the long names back on a map no roomier for them.
FULL_NAMES_LINES = 34
# label costs: a label one step further out, on a leader line, must cross this much less line
STEP_COST = 250
PENDING_COST = 120  # covering the marker of a place still to be placed (which is then left off)
# A label by its marker is this many pixels nearer to it than to any other marker: at 145% text,
# 'Tianjin' centred under Tianjin's ring (10 px) ran up to Baoding's marker (12 px), and read as
# Baoding's name. A crowded map that leaves no such spot settles for merely nearer.
RIVAL_MARGIN = 4
UNCLEAR_COST = 25  # a label a pixel less than RIVAL_MARGIN nearer its own marker than another
SLIDE = 3  # px between the spots tried as a label slides along its marker's side


def label_texts(ink: Ink, area: pygame.Rect, place: MapPlace) -> list[tuple[str, Style]]:
    """A place's label, then its shorter form for a crowded map (the name alone)."""
    name = place.name
    if area.width < FULL_NAMES_LINES * ink.height(LABEL):
        name = name.split(" (")[0]
    style = Style("serif_bold", "small", "ink") if place.highlight else LABEL
    full = f"{name} {place.chars}".strip()
    short = name.split(" (")[0]
    return [(full, style)] if short == full or not short else [(full, style), (short, style)]


class LabelSpots(NamedTuple):
    """Where labels may go on one layout's map (`area`), clear of the base map's `lines`."""

    area: pygame.Rect
    lines: Lines

    def choose(
        self,
        spot: tuple[int, int],
        place: MapPlace,
        size: tuple[int, int],
        hard: list[pygame.Rect],
        rings: list[tuple[tuple[int, int], int]],
        soft: list[pygame.Rect],
        must: bool,
        *,
        far: bool = False,
        rivals: list[tuple[int, int]] | None = None,
        fits: Callable[[pygame.Rect], bool] | None = None,
        strict: bool = False,
        slide: bool = False,
        memo: SpotMemo | None = None,
    ) -> tuple[pygame.Rect, bool, bool] | None:
        """The best free spot for a label: beside, below, above or diagonal to the marker, the one
        crossing the fewest lines (the Wall and the DMZ border most of all) and covering no place still
        to be drawn; a must-label may move further out, joined to its marker by a leader line (and,
        if `far`, much further out, in any direction).

        A label never sits nearer to one of the `rivals` (the other places' markers) than to its
        own: the eye gives a label to the nearest dot, whatever a leader line says. Nor, if it
        can be helped, less than RIVAL_MARGIN pixels further from it: the eye gives it to the one
        at its end when two are nearly as near. Of the spots near it, the best clear one `fits`
        accepts (room left for the place's units) is taken, else the best one it accepts, else
        the best clear one, else the best; if `strict`, only the first. Returned: the box, whether
        it is on a leader line, and whether it is clear of the rivals by that margin."""
        x, y = spot
        width, height = size
        # clear of the marker and the pixel kept round it (a box starting nearer, to the right,
        # met the marker's own box: towns and passes were never labelled on their right)
        clear = RING_RADIUS + 1 if place.highlight else {"city": 6, "pass": 7}.get(place.kind, 5)
        key = (size, len(rings), slide)
        found = None if memo is None else memo.get(key)
        if found is None:
            found = self._spots_near(spot, size, hard, rings, soft, must, rivals, clear, slide)
            if memo is not None:
                memo[key] = found
        ranked = [f for f in found if f[4]] if strict else sorted(found, key=lambda f: not f[4])
        chosen = next((f for f in ranked if fits is None or fits(f[2])), None)
        if chosen is None and ranked and not strict:
            chosen = ranked[0]
        best = None if chosen is None else (chosen[0], chosen[2], chosen[3], chosen[4])
        if (
            best is None and must and far
        ):  # crowded: further out, in sixteen directions, on a leader line
            for step in range(3, 12):
                reach = clear + step * (height // 2 + 4)
                for n in range(16):
                    dx, dy = math.cos(n * math.pi / 8), math.sin(n * math.pi / 8)
                    px, py = x + reach * dx, y + reach * dy
                    cx = px if dx > 0.3 else px - width if dx < -0.3 else px - width / 2
                    cy = py if dy > 0.3 else py - height if dy < -0.3 else py - height / 2
                    box = pygame.Rect(round(cx), round(cy), width, height)
                    cost = self._cost(box, hard, rings, soft, must)
                    lead = self._lead(box, spot, rivals) if cost is not None else -1.0
                    if cost is None or lead < 0:
                        continue
                    apart = lead >= RIVAL_MARGIN  # (not `clear`: the next step's reach uses it)
                    if strict and not apart:
                        continue
                    if best is None or (not apart, cost) < (not best[3], best[0]):
                        best = (cost, box, True, apart)
                if best is not None:
                    break
        return None if best is None else (best[1], best[2], best[3])

    def _spots_near(
        self,
        spot: tuple[int, int],
        size: tuple[int, int],
        hard: list[pygame.Rect],
        rings: list[tuple[tuple[int, int], int]],
        soft: list[pygame.Rect],
        must: bool,
        rivals: list[tuple[int, int]] | None,
        clear: int,
        slide: bool,
    ) -> list[Spot]:
        """The spots by a marker (and for a must-label, one or two steps further out) where a
        label may go, best first, as `_try_spots` gives them: the sixteen usual ones or, if
        `slide`, the spots in between them."""
        x, y = spot
        width, height = size
        slant = (clear * 3 + 3) // 4
        found: list[Spot] = []
        # (a label slid two steps out, 30 px off on a leader line, is not worth the time)
        for step in ((0, 1) if slide else (0, 1, 2)) if must else (0,):
            d = step * (height // 2 + 4)
            c, s, third = clear + d, slant + d, height // 3
            if not slide:
                candidates = [
                    (x + c, y - height // 2),
                    (x - c - width, y - height // 2),  # right, left
                    (x - width // 2, y + c),
                    (x - width // 2, y - c - height),  # below, above
                    (x + s, y + s),
                    (x - s - width, y + s),  # below right, below left
                    (x + s, y - s - height),
                    (x - s - width, y - s - height),  # above right, above left
                    (x - 4, y + c),
                    (x + 4 - width, y + c),  # below, running right or left
                    (x - 4, y - c - height),
                    (x + 4 - width, y - c - height),  # above, the same
                    (x + c, y - height // 2 + third),
                    (x - c - width, y - height // 2 + third),
                    (x + c, y - height // 2 - third),
                    (x - c - width, y - height // 2 - third),
                ]  # fmt: skip  (the last four: beside, a little lower or higher)
            else:
                # the spots in between, a few pixels apart: along each side and round its
                # corners, into a gap between markers that none of the usual spots fits
                # (Tianjin's ring, with Tanggu's marker 13 px to one side and Baoding's 49 px
                # to the other)
                reach = clear // 2
                across = range(x - width - reach, x + reach + 1, SLIDE)
                down = range(y - height - reach, y + reach + 1, SLIDE)
                candidates = [
                    *((cx, y + c) for cx in across),
                    *((cx, y - c - height) for cx in across),
                    *((x + c, cy) for cy in down),
                    *((x - c - width, cy) for cy in down),
                ]
            found += self._try_spots(
                spot, size, hard, rings, soft, must, rivals, step, candidates, slide
            )
        found.sort(key=lambda f: f[0])  # stable: of spots as good, the one tried first
        return found

    def _try_spots(
        self,
        spot: tuple[int, int],
        size: tuple[int, int],
        hard: list[pygame.Rect],
        rings: list[tuple[tuple[int, int], int]],
        soft: list[pygame.Rect],
        must: bool,
        rivals: list[tuple[int, int]] | None,
        step: int,
        candidates: list[tuple[int, int]],
        slid: bool,
    ) -> list[Spot]:
        """The candidates where a label may go and no rival marker is nearer to it than its own,
        each as (its cost, with the step out and its rank added; its rank; the box; whether it is
        on a leader line; whether it is clear of the rivals by RIVAL_MARGIN). `slid` candidates
        all rank after the sixteen usual ones, the nearer to the marker the better."""
        found: list[Spot] = []
        for rank, (cx, cy) in enumerate(candidates):
            box = pygame.Rect(cx, cy, *size)
            # the cheap test first: most spots are taken or off the map, and measuring the
            # distance to every rival for each of them was most of the layout's time
            cost = self._cost(box, hard, rings, soft, must)
            if cost is None:
                continue
            lead = self._lead(box, spot, rivals)
            if lead >= 0:
                order = 6 * 16 + distance(box, spot) if slid else 6 * rank
                # of the spots not quite clear of the rivals, the clearest: a pixel or two
                # decides which marker the eye gives the label to
                doubt = UNCLEAR_COST * max(0.0, RIVAL_MARGIN - lead)
                found.append(
                    (
                        cost + STEP_COST * step + order + doubt,
                        rank,
                        box,
                        step > 0,
                        lead >= RIVAL_MARGIN,
                    )
                )
        return found

    @staticmethod
    def _lead(
        box: pygame.Rect, spot: tuple[int, int], rivals: list[tuple[int, int]] | None
    ) -> float:
        """How much nearer a label box is to its own marker than to any of the rivals (< 0: a
        rival is nearer; infinite without rivals)."""
        if not rivals:
            return math.inf
        # `distance` written out: this runs for every spot tried, and the slid ones are many
        left, right, top, bottom = box.left, box.right - 1, box.top, box.bottom - 1
        nearest = math.inf
        for x, y in rivals:
            dx = left - x if x < left else x - right if x > right else 0
            dy = top - y if y < top else y - bottom if y > bottom else 0
            nearest = min(nearest, dx * dx + dy * dy)
        return math.sqrt(nearest) - distance(box, spot)

    def _cost(
        self,
        box: pygame.Rect,
        hard: list[pygame.Rect],
        rings: list[tuple[tuple[int, int], int]],
        soft: list[pygame.Rect],
        must: bool,
    ) -> float | None:
        """None where a label may not go; else how bad it is there (lines crossed, places covered)."""
        if not self.area.contains(box) or box.collidelist(hard) >= 0:
            return None
        left, right, top, bottom = box.left, box.right - 1, box.top, box.bottom - 1
        for (x, y), radius in rings:  # `touches_ring` written out, as in `_lead`
            dx = left - x if x < left else x - right if x > right else 0
            dy = top - y if y < top else y - bottom if y > bottom else 0
            if dx * dx + dy * dy <= (radius + 1) ** 2:
                return None
        strong, weak = self.lines.crossing(self.area, box)
        if not must and strong > 2 * box.height:  # an optional label does not sit on the Wall
            return None
        return PENDING_COST * len(box.collidelistall(soft)) + 4 * strong + weak / 2
