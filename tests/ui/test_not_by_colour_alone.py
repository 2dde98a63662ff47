"""What the window tells by colour it also tells in words or by shape (WCAG 1.4.1, use of colour):
whether a stat's change is for the better or the worse, which way each situation bar should go,
and which side each person in the attitudes list is on."""

from __future__ import annotations

import pygame
import pytest

from game.ui.settings import Settings


def summary_lines(changes) -> list[str]:
    from game.ui.scenes.dialogs import DaySummaryScene
    from game.ui.view import DaySummary

    scene = DaySummaryScene.__new__(DaySummaryScene)
    scene.view = DaySummary("Night", changes, "", [])
    return [text for _, text in scene.paragraphs()]


def test_the_days_summary_says_whether_each_change_is_for_the_better_or_the_worse():
    # review: "Japanese pressure: 29 → 32 (+3)" was red and "Foreign attention: 18 → 22 (+4)"
    # black; nothing but the colour said the first was bad news
    from game.ui.view import StatChange

    lines = summary_lines(
        [
            StatChange("Japanese pressure", 29, 32, "worse"),
            StatChange("Nanjing's trust", 60, 55, "better"),
            StatChange("Sovereignty in Hebei", 70, 72, "better"),
            StatChange("Foreign attention", 18, 22, "neutral"),
        ]
    )
    assert "Japanese pressure: 29 \u2192 32 (+3, worse)" in lines
    assert "Nanjing's trust: 60 \u2192 55 (\u22125, worse)" in lines
    assert "Sovereignty in Hebei: 70 \u2192 72 (+2, better)" in lines
    assert "Foreign attention: 18 \u2192 22 (+4)" in lines  # neither: no verdict


@pytest.mark.parametrize("size, text_size", [((1280, 720), 1.0), ((800, 600), 1.45)])
def test_each_situation_bar_says_which_way_is_good(make_app, he_umezu, size, text_size):
    # review: the bars' red, green and blue alone told that higher pressure is worse
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    records: list = []
    app = make_app(
        size=size, recorder=records, loaded=he_umezu, settings=Settings(text_size=text_size)
    )
    app.new_game(app.loaded, 7)
    crisis = CrisisScene()
    app.apply(Reset(crisis))
    app.pump()
    rows = crisis.stat_rows()
    stat = {row.label: i for i, (kind, row) in enumerate(rows) if kind == "stat"}
    said = {}
    for label in ("Japanese pressure", "Nanjing's trust", "Public anger"):
        index = stat[label]
        width = crisis.stats.rect.width - 10
        height = crisis.stat_row_height(app, index, width)
        records.clear()
        crisis.draw_stat_row(
            app,
            pygame.Surface((width + 20, height)),
            pygame.Rect(0, 0, width, height),
            index,
            False,
        )
        texts = [b.text for b in records]
        assert label in texts  # the name is not cut to make room
        assert all("\u2026" not in text for text in texts)
        said[label] = [t for t in texts if t not in (label, str(rows[index][1].value))]
    assert said["Japanese pressure"] in (["higher is worse"], ["high: bad"])
    assert said["Nanjing's trust"] in (["higher is better"], ["high: good"])
    assert said["Public anger"] == []  # neither good nor bad when high


def marker_mask(app, crisis, side: str) -> set[tuple[int, int]]:
    """The pixels of the side's marker at the start of an attitude's row, whatever its colour."""
    from game.ui.view import Attitude

    person = Attitude("someone", "Someone", side, 0, "guarded")
    crisis.stat_rows = lambda: [("actor", person)]
    paper = app.theme.c("paper")
    surface = pygame.Surface((300, 40))
    surface.fill(paper)
    crisis.draw_stat_row(app, surface, pygame.Rect(0, 0, 260, 40), 0, False)
    del crisis.stat_rows
    return {
        (x, y) for x in range(0, 14) for y in range(0, 30) if surface.get_at((x, y))[:3] != paper
    }


def test_the_attitudes_tell_the_sides_by_shape_as_the_map_does(make_app, he_umezu):
    # review: each person's side was a coloured square, the same for Japan and China
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app(loaded=he_umezu)
    app.new_game(app.loaded, 7)
    crisis = CrisisScene()
    app.apply(Reset(crisis))
    app.pump()
    japan, china, third = (marker_mask(app, crisis, s) for s in ("japan", "china", "third"))
    assert japan and china and third
    assert len({frozenset(japan), frozenset(china), frozenset(third)}) == 3
    # as on the map: Japan a square (its corners filled), China a diamond (its corners empty)
    xs, ys = [x for x, _ in japan], [y for _, y in japan]
    corners = {(min(xs), min(ys)), (max(xs), min(ys)), (min(xs), max(ys)), (max(xs), max(ys))}
    assert corners <= japan
    assert not corners & china


@pytest.mark.parametrize("size, text_size", [((1280, 720), 1.0), ((800, 600), 1.45)])
def test_a_new_inbox_message_says_new_in_words(make_app, he_umezu, size, text_size):
    # review: a message just arrived was told from the others only by its bold title
    import dataclasses

    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    records: list = []
    app = make_app(
        size=size, recorder=records, loaded=he_umezu, settings=Settings(text_size=text_size)
    )
    app.new_game(app.loaded, 7)
    crisis = CrisisScene()
    app.apply(Reset(crisis))
    app.pump()
    item = crisis.view.inbox[0]
    said = {}
    for new in (True, False):
        crisis.view.inbox[0] = dataclasses.replace(item, new=new)
        rect = pygame.Rect(crisis.inbox.rect.x, 0, crisis.inbox.rect.width - 10, 60)
        records.clear()
        crisis.draw_inbox_row(app, pygame.Surface((1000, 80)), rect, 0, False)
        said[new] = [b.text for b in records]
    assert "NEW" in said[True] and "NEW" not in said[False]
    assert item.title in said[True]  # the title is not cut for it
