"""Messages about a value of the wrong shape say what to write, without Python's words (QA)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.load import check_scenario_bytes

MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(
    encoding="utf-8"
)


def diagnostics(old: str, new: str) -> list[str]:
    assert old in MINI, old
    text = MINI.replace(old, new, 1)
    _, found = check_scenario_bytes(text.encode("utf-8"), "s.yaml")
    return [str(d) for d in found]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    title: Alarm\n",
            "    title:\n",
            "s.yaml:55:11: error: events.alarm.title is empty: write the text after the colon",
        ),
        (
            "    effects: {trust: -5}\n",
            "    effects: ~\n",
            "s.yaml:57:14: error: events.alarm.effects is empty: give an effect (e.g. pressure: 5), "
            "or remove the key",
        ),
        (
            "    effects: {trust: -5}\n",
            "    effects:\n",
            "s.yaml:57:13: error: events.alarm.effects is empty: give an effect (e.g. pressure: 5), "
            "or remove the key",
        ),
        (
            "    date: 1935-06-02\n",
            "    date: 1935-06-02 08:00\n",
            "s.yaml:61:11: error: intel.rumour.date: a date has no time of day: write 1935-06-02 "
            "(got '1935-06-02 08:00')",
        ),
        (
            "    cost: 2\n",
            "    cost: !!str 2\n",
            "s.yaml:106:11: error: actions.prepare.cost: expected a whole number, not text: write it "
            "without the '!!str' tag (got '2')",
        ),
        (
            "actions:\n",
            "disputes:\n  - {question: Who paid?, versions: [Doihara]}\nactions:\n",
            "s.yaml:97:37: error: disputes (item 1).versions: expected at least 2 items",
        ),
    ],
)
def test_the_message_says_what_to_write(old, new, expected):
    assert diagnostics(old, new) == [expected]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    deadline_days: 1\n    historical_response: accept\n",
            "    deadline_days: \u20131\n    historical_response: accept\n",
            "s.yaml:72:20: error: demands.first.deadline_days: expected a whole number, but "
            "'\u2013' (U+2013 en dash) is not a minus sign (write -1)",
        ),
        (
            "    attitude: -10\n",
            "    attitude: \u221210\n",
            "s.yaml:24:15: error: actors.envoy.attitude: expected a whole number, but "
            "'\u2212' (U+2212 minus sign) is not '-' (write -10)",
        ),
        (
            "    cost: 2\n",
            '    cost: "\uff12"\n',
            "s.yaml:106:12: error: actions.prepare.cost: expected a whole number, but "
            "'\uff12' (U+FF12 fullwidth digit two) is not '2' (write 2)",
        ),
        (
            "    attitude: -10\n",
            "    attitude: -1\u00a00\n",
            "s.yaml:24:17: error: actors.envoy.attitude: expected a whole number, but U+00A0 "
            "(no-break space) is in it (write -10)",
        ),
        (
            # review: a whole number is not told to write a fraction it would then refuse
            "    attitude: -10\n",
            "    attitude: \u20131.5\n",
            "s.yaml:24:15: error: actors.envoy.attitude: expected a whole number, but "
            "'\u2013' (U+2013 en dash) is not a minus sign (write '-')",
        ),
        (
            "lat: 39.9,",
            "lat: 39\u00b79,",
            None,  # a middle dot is no look-alike the checker knows: the message stays as it was
        ),
    ],
)
def test_a_look_alike_in_a_number_is_named_by_its_code_point(old, new, expected):
    """Author review D5: `deadline_days: –1` was told only "expected a whole number (got '–1')",
    where an expression names the en dash by its code point."""
    found = diagnostics(old, new)
    if expected is None:
        assert len(found) == 1 and "U+" not in found[0], found
    else:
        assert found == [expected]
