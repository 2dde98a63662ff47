"""Saves of both front ends are stamped alike (local time with its offset); the Load list sorts
them by when they were made and shows each in local time, old stamps (UTC, or local without an
offset) included."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from game.engine.api import new_game
from game.saves import list_saves, make_save, write_save


@pytest.fixture
def berlin(monkeypatch):
    """The machine's clock in Berlin (summer time in May: UTC+2)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# Made on 1 May 2024: the text version's save at 10:00 UTC (12:00 in Berlin), as it stamped
# them; the window's at 11:30 Berlin time, half an hour earlier, as it stamped them.
TEXT_STAMP = "2024-05-01T10:00:00+00:00"
WINDOW_STAMP = "2024-05-01T11:30:00"


def test_the_load_list_sorts_old_stamps_by_when_they_were_made(berlin, mini, tmp_path):
    state = new_game(mini.scenario, 1).state
    write_save(tmp_path / "text.json", make_save(mini, state, slot="text", saved_at=TEXT_STAMP))
    write_save(
        tmp_path / "window.json", make_save(mini, state, slot="window", saved_at=WINDOW_STAMP)
    )
    infos, _ = list_saves(tmp_path)
    # the strings sorted the window's save first, as if it were the newer
    assert [info.slot for info in infos] == ["text", "window"]


def test_the_load_screen_shows_every_stamp_in_local_time(berlin):
    from game.ui.scenes.title import when_saved

    assert when_saved(TEXT_STAMP) == "1 May 2024, 12:00"  # shown as 10:00 before
    assert when_saved(WINDOW_STAMP) == "1 May 2024, 11:30"
    assert when_saved("2024-05-01T12:00:00+02:00") == "1 May 2024, 12:00"
    assert when_saved("yesterday") == "yesterday"


def test_both_front_ends_stamp_local_time_with_its_offset(berlin, mini):
    from game.cli import _TextSaves
    from game.ui.session import Session

    state = new_game(mini.scenario, 1).state
    text = _TextSaves(mini, None, practice=False)._save(state, "text").saved_at
    window = Session(mini, 1, state).save_as("window").saved_at
    assert abs(dt.datetime.fromisoformat(text) - dt.datetime.fromisoformat(window)).seconds < 60
    for stamp in (text, window):
        moment = dt.datetime.fromisoformat(stamp)
        assert moment.tzinfo is not None  # the window wrote no offset
        assert moment.utcoffset() == moment.astimezone().utcoffset() != dt.timedelta(0)  # not UTC
        assert abs(moment - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=1)
