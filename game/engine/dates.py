"""Dates as the game writes them: "Saturday 1 June 1935", "1 June 1935".

In English whatever the locale (strftime's names follow it), so that every transcript, log and
report is the same everywhere; the engine's own text uses these, and so do the tools and shells.
"""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(date: dt.date, *, weekday: bool = True) -> str:
    """'Saturday 1 June 1935', or '1 June 1935' without the weekday."""
    text = f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    return f"{WEEKDAYS[date.weekday()]} {text}" if weekday else text
