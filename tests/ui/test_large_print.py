"""The crisis screen of the 1935 scenario in small windows and large print: the deadline's days
left, the inbox's kind tags and every action's consequences can all be read.

Play-test at 800x600 with text at 145% (drawn at 122%): the header's countdown lost "(5 days
left)", the inbox's tag read "DEMAND \u2014 awai\u2026", and a long action's consequences stopped at
the list's edge with no way to read the rest.
"""

from __future__ import annotations

import pygame
import pytest

from game.ui.settings import TEXT_SIZES, Settings
from game.ui.text import ELLIPSIS, SMALL

SIZES = [(800, 600), (1024, 768), (1280, 720), (1920, 1080)]


@pytest.fixture(scope="module")
def history(he_umezu):
    """The opening of a game and the dawn of the ultimatum of 9 June (day 12)."""
    from game.ui.screenshots import _pick_crisis, historical_game

    start, events, moments = historical_game(he_umezu, 1935)
    return start, events, _pick_crisis(moments, he_umezu.scenario)


@pytest.fixture
def crisis(he_umezu, history, make_app):
    """crisis(size, text_size, day) -> (app, scene, records): the crisis screen on day 1 or on
    the day of the ultimatum (12), drawn once."""
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.screenshots import _session_after
    from game.ui.session import Session

    start, events, ultimatum = history

    def open_(size, text_size, day):
        records: list = []
        app = make_app(size, records, he_umezu, 1935, settings=Settings(text_size=text_size))
        if day == 1:
            app.session = Session(he_umezu, 1935, start, len(start.inbox), events)
        else:
            app.session = _session_after(he_umezu, 1935, ultimatum)
            assert app.session.state.day == day
        scene = CrisisScene()
        app.stack.clear()
        app.push(scene)
        draw(app, records)
        return app, scene, records

    return open_


def draw(app, records) -> list:
    """Draw a frame; the text it drew (and only that)."""
    records.clear()
    app.dirty = True
    app.draw()
    return list(records)


@pytest.mark.parametrize("day", [1, 12])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_countdown_keeps_its_days_left(crisis, size, text_size, day):
    app, scene, drawn = crisis(size, text_size, day)
    countdown = scene.view.header.countdown  # "Deadline: what \u2014 when (5 days left)"
    left = countdown.rsplit(" (", 1)[1].rstrip(")")
    assert left.endswith("days left")
    inside = [b for b in drawn if scene.header.contains(b.rect)]
    assert any(b.text.endswith(f"({left})") or b.text == left.capitalize() for b in inside), [
        b.text for b in inside
    ]
    # what is due is said first, whole or cut
    assert any(b.text.startswith(countdown[:12]) for b in inside)


def is_tag(text: str, labels: set[str]) -> bool:
    """Whether a line drawn in the inbox is a kind tag ("NEWS", "DEMAND \u2014 answer due"), whole
    or cut short ("DEADLINE PAS\u2026", "DEMAND \u2014 awai\u2026")."""
    stem = text.removesuffix(ELLIPSIS)
    return len(stem) >= 3 and any(
        label.startswith(stem) or stem.startswith(label) for label in labels
    )


@pytest.mark.parametrize("day", [1, 12])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_inbox_tags_are_read_whole(crisis, size, text_size, day):
    """Every row's kind tag is drawn whole (its date gives way first); a demand still to answer
    says so, in full or shorter."""
    app, scene, drawn = crisis(size, text_size, day)
    items = scene.view.inbox
    labels = {item.kind_label.upper() for item in items}
    demands = [i for i, item in enumerate(items) if item.demand]
    assert demands
    for index in [0, *demands]:
        scene.inbox.select(index)
        drawn = draw(app, app.recorder)
        inside = [b.text for b in drawn if scene.inbox.rect.contains(b.rect)]
        tags = [t for t in inside if is_tag(t, labels)]
        assert tags, inside
        assert not any(t.endswith(ELLIPSIS) for t in tags), tags
        item = items[index]
        if item.demand:
            label = item.kind_label.upper()
            assert (
                f"{label} \u2014 awaiting your answer" in tags
                or f"{label} \u2014 answer due" in tags
            ), tags


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_highlighted_action_is_read_to_its_end(crisis, press, size, text_size):
    """The action highlighted in today's council is shown in full in the reading pane, which
    scrolls (Tab to it, or the wheel): its row in the list can be taller than the list."""
    app, scene, drawn = crisis(size, text_size, 1)
    rows = scene.rows()
    index = next(i for i, (k, r) in enumerate(rows) if k == "action" and "the press" in r.label)
    row = rows[index][1]
    press(app, pygame.K_a)
    for _ in range(40):  # (a first key may only show the highlight)
        if scene.action_list.armed and scene.action_list.selected == index:
            break
        press(app, pygame.K_DOWN)
    assert scene.action_list.selected == index
    # Tab to the reading pane: it still shows the action chosen, and scrolls
    while scene.focused() is not scene.reader:
        press(app, pygame.K_TAB)
    wanted = app.ink.wrap("\u2192 " + row.consequences, scene.reader.rect.width - 14, SMALL)
    seen: set[str] = set()
    for _ in range(40):
        drawn = draw(app, app.recorder)
        seen |= {b.text for b in drawn if scene.reader.rect.contains(b.rect)}
        if scene.reader.at_end:
            break
        press(app, pygame.K_DOWN)
    assert all(line in seen for line in wanted), (wanted, seen)
    # I (the inbox) shows the message chosen there again
    press(app, pygame.K_i)
    drawn = draw(app, app.recorder)
    item = scene.view.inbox[scene.inbox.selected]
    assert any(b.text == item.title and scene.reader.rect.contains(b.rect) for b in drawn)
