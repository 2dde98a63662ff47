"""Checks on demands an author's review asked for: a `historical_response` that names no
response, and a `deadline_days` that runs past the calendar even from its first day."""

from __future__ import annotations

from tests import checker
from tests.conftest import edited_mini

FIRST = "    deadline_days: 1\n    historical_response: accept\n"


def test_a_response_kind_written_for_its_id_names_the_id():
    # author's review: `historical_response: negotiate` (a kind) got no hint at all
    text = edited_mini((FIRST, FIRST.replace("accept", "stall")))
    text = text.replace(
        "      stall: {label: Stall, kind: stall", "      wait: {label: Stall, kind: stall"
    )
    assert checker.found(text) == [
        "s.yaml:73:26: error: 'stall' is not a response of this demand ('stall' is the kind of "
        "response 'wait': write its id, wait)"
    ]


def test_otherwise_the_demands_responses_are_listed():
    assert checker.found(edited_mini((FIRST, FIRST.replace("accept", "yield")))) == [
        "s.yaml:73:26: error: 'yield' is not a response of this demand (it takes a response's "
        "id; this demand's responses: accept, stall, refuse)"
    ]


def test_a_deadline_longer_than_the_calendar_is_warned_of_without_a_date():
    # author's review: `deadline_days: 30` in a 7-day calendar, on a demand presented on no
    # fixed date, passed unremarked
    ultimatum = '    when: "day >= 3"\n    deadline_days: 1\n'
    found = checker.found(edited_mini((ultimatum, ultimatum.replace("1", "4"))))
    assert found == [
        "s.yaml:84:20: warning: 4 days from the calendar's first day (1935-06-01) end on "
        "1935-06-05, after the calendar ends (1935-06-04): presented on any day, the demand's "
        "deadline would never run out"
    ]
    assert checker.found(edited_mini((ultimatum, ultimatum.replace("1", "3")))) == []
