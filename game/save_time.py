"""When a save was made: one stamp for both front ends, and how to read any save's stamp back.

Saves are stamped in local time with its UTC offset ("2026-11-28T01:40:00+01:00"). Older saves
hold the text version's UTC stamps ("...+00:00") or the window's local time without an offset
("2026-11-28T01:40:00"); `saved_moment` reads all three as the same kind of moment, so that the
Load list sorts them by when they were made (not by their text) and shows each in local time.
No pydantic here: the Load screen reads stamps without the save format.
"""

from __future__ import annotations

import datetime as dt


def now_stamp(now: dt.datetime | None = None) -> str:
    """The stamp of a save made now (or at `now`; a naive `now` is local time): local time,
    to the second, with its UTC offset."""
    moment = dt.datetime.now() if now is None else now
    return moment.astimezone().isoformat(timespec="seconds")


def saved_moment(stamp: str) -> dt.datetime | None:
    """A save's stamp as a moment in local time; a stamp without an offset is taken to be local
    time already (the window wrote those). None if the stamp is not an ISO time."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment.astimezone()


def newest_first(stamp: str) -> float:
    """A sort key that puts saves made later first when sorted in reverse (seconds since the
    epoch); a stamp that is not a time sorts as the oldest."""
    moment = saved_moment(stamp)
    return float("-inf") if moment is None else moment.timestamp()
