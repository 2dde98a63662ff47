"""Reading a scenario pauses cyclic garbage collection, and gives it back as it was found
(the collector's passes over the reader's many live objects made loading grow faster than the
file; `python -m benchmarks --only loading`)."""

from __future__ import annotations

import gc

import pytest

from game.scenario import load
from tests.conftest import MINI_TEXT


def test_collection_is_paused_while_a_scenario_is_checked_and_resumed_after(monkeypatch):
    seen = []
    real = load._check

    def spy(raw, name):
        seen.append(gc.isenabled())
        return real(raw, name)

    monkeypatch.setattr(load, "_check", spy)
    assert gc.isenabled()
    load.load_scenario_bytes(MINI_TEXT.encode(), "mini.yaml")
    assert seen == [False] and gc.isenabled()


def test_collection_resumes_when_the_check_fails(monkeypatch):
    def broken(raw, name):
        raise RuntimeError("boom")

    monkeypatch.setattr(load, "_check", broken)
    with pytest.raises(RuntimeError):
        load.check_scenario_bytes(b"", "x.yaml")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off():
    gc.disable()
    try:
        load.load_scenario_bytes(MINI_TEXT.encode(), "mini.yaml")
        assert not gc.isenabled()
    finally:
        gc.enable()
