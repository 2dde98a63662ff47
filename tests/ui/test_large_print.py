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
from game.ui.text import ELLIPSIS

SIZES = [(800, 600), (1024, 768), (1280, 720), (1920, 1080)]


@pytest.fixture(scope="module")
def he_umezu():
    from game.cli import DEFAULT_SCENARIO
    from game.scenario.load import load_scenario

    return load_scenario(DEFAULT_SCENARIO)


@pytest.fixture(scope="module")
def history(he_umezu):
    """The opening of a game and the dawn of the ultimatum of 9 June (day 12)."""
    from game.ui.screenshots import _pick_crisis, historical_game

    start, events, moments = historical_game(he_umezu, 1935)
    return start, events, _pick_crisis(moments, he_umezu.scenario)


@pytest.fixture
def crisis(he_umezu, history, tmp_path):
    """crisis(size, text_size, day) -> (app, scene, records): the crisis screen on day 1 or on
    the day of the ultimatum (12), drawn once."""
    from game.ui.app import App
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.screenshots import _session_after
    from game.ui.session import Session

    start, events, ultimatum = history

    def open_(size, text_size, day):
        records: list = []
        app = App(
            he_umezu,
            seed=1935,
            size=size,
            sound=False,
            persist_settings=False,
            save_folder=tmp_path / "saves",
            report_folder=tmp_path / "reports",
            config_folder=tmp_path / "config",
            recorder=records,
            settings=Settings(text_size=text_size),
        )
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

    yield open_
    pygame.quit()


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
    assert any(
        b.text.endswith(f"({left})") or b.text == left.capitalize() for b in inside
    ), [b.text for b in inside]
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
