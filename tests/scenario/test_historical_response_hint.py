"""A `historical_response` that names no response says which id was meant, or lists them."""

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
