"""Robustness review: a log page that does not exist is named, with the pages there are."""

from __future__ import annotations

import io
import re

import pytest

from game.scenario.load import load_scenario
from game.text.app import run_text
from game.text.commands import Unknown, parse
from game.text.menu import Menu


def _play(scenario: str, typed: str) -> str:
    out = io.StringIO()
    run_text(load_scenario(scenario), seed=3, input_stream=io.StringIO(typed), output_stream=out)
    return out.getvalue()


@pytest.mark.parametrize("typed", ["l -1", "log x", "l 2.5"])
def test_a_log_page_that_is_no_number_is_named_as_such(typed):
    command = parse(typed, Menu(entries=[]))
    assert isinstance(command, Unknown)
    assert "is not a log page: type l for the newest items" in command.message


def test_a_page_past_the_last_says_which_pages_there_are():
    out = _play("scenarios/he_umezu_1935.yaml", "E\n" * 4 + "l 99999999999999999999999\nl 99\n")
    pages = int(re.search(r"There is no log page 99: the log has pages 1 to (\d+); ", out)[1])
    assert pages > 1
    assert f"There is no such log page: the log has pages 1 to {pages}; type l {pages}" in out


def test_a_log_of_one_page_says_so():
    out = _play("tests/fixtures/mini.yaml", "l 0\n")
    assert "There is no log page 0: the log has one page so far; type l." in out


def test_a_number_of_thousands_of_digits_is_no_crash():
    out = _play("tests/fixtures/mini.yaml", "9" * 5000 + "\n!" + "9" * 5000 + "\n")
    assert "There is no choice 9999" in out
    assert "End of input" in out
