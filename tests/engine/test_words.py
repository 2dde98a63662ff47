"""The words the front ends and the reports share (game/engine/words.py)."""

from __future__ import annotations

from game.engine.words import counted, number_ranges


def test_number_ranges_join_runs_as_asked():
    assert number_ranges([5, 1, 2, 3, 9, 10]) == ["1\u20133", "5", "9\u201310"]
    assert number_ranges([28, 1, 31, 29, 30, 32], dash="-", shortest=3) == ["1", "28-32"]
    assert number_ranges([1, 2], dash="-", shortest=3) == ["1", "2"]
    assert number_ranges([]) == []


def test_counted_says_one_or_many():
    assert [counted(n, "day") for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]
    assert counted(1, "action point") == "1 action point"


def test_a_reliability_of_half_or_less_says_what_it_means():
    # designer's review: the tutorial's Takahashi hint is 50% reliable, which tells nothing,
    # though "50%" reads as middling
    from game.engine.words import reliability_words

    assert reliability_words(70) == "reliability 70%"
    assert reliability_words(50) == "reliability 50%: right as often as wrong"
    assert reliability_words(40) == "reliability 40%: more often wrong than right"


def test_the_text_version_says_it_beside_the_report(mini):
    import datetime as dt

    from game.engine.state import GameEvent
    from game.text.render import event_lines
    from game.text.style import Style

    event = GameEvent(
        kind="intelligence", date=dt.date(1935, 6, 1), title="A hint", text="x", reliability=50
    )
    shown = " ".join(event_lines(mini.scenario, event, Style(plain=True, width=200)))
    assert "(reliability 50%: right as often as wrong)" in shown
