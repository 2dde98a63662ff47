"""Loops of queued work (`trigger`, on_enter/on_exit `goto`) are errors, and exactly those the
engine cannot finish: each case is also played, and the engine's cap must be hit iff reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.actions import TakeAction
from game.engine.api import new_game, step
from game.scenario.load import check_scenario_bytes

MINI = (Path(__file__).parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
ALARM = '  alarm:\n    title: Alarm\n    when: "pressure >= 70"\n    effects: {trust: -5}\n'
CALM = "  calm:\n    label: Calm\n"
TENSE_ENTER = "    on_enter: {message: Things are tense.}\n"
TALK = "    effects: {pressure: -5, envoy: 5}\n"


def edited(*edits: tuple[str, str]) -> str:
    text = MINI
    for old, new in edits:
        assert text.count(old) == 1, f"edit target not unique: {old!r}"
        text = text.replace(old, new)
    return text


def check(text: str) -> tuple[list[str], bool]:
    """The findings, and whether the first dawn or taking `talk` then hits the engine's cap."""
    scenario, found = check_scenario_bytes(text.encode(), "s.yaml")
    assert scenario is not None, [str(d) for d in found]
    state, events = new_game(scenario, 1)
    events = [*events, *step(scenario, state, TakeAction(action="talk")).events]
    flooded = any(e.title == "The day's events stopped early" for e in events)
    return [str(d) for d in found], flooded


def line_of(text: str, fragment: str) -> tuple[int, int]:
    before = text[: text.index(fragment)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


HINT = "(the game would stop the day's events after 500 steps; remove one `trigger` or `goto`)"


def test_an_event_that_triggers_itself():
    text = edited(
        (ALARM, "  alarm:\n    title: Alarm\n    once: true\n    effects: {trigger: alarm}\n"),
        (TALK, "    effects: {trigger: alarm}\n"),
    )
    found, flooded = check(text)
    line, col = line_of(text, "alarm}\nintel")
    assert flooded
    assert found == [f"s.yaml:{line}:{col}: error: event 'alarm' triggers itself in a loop {HINT}"]


def test_events_that_trigger_each_other():
    text = edited(
        (
            ALARM,
            "  alarm:\n    title: Alarm\n    effects: {trigger: [rumour, echo]}\n"
            "  echo:\n    title: Echo\n    effects: {trigger: alarm}\n",
        ),
        (TALK, "    effects: {trigger: echo}\n"),
    )
    found, flooded = check(text)
    line, col = line_of(text, "[rumour, echo]")
    assert flooded
    assert found == [
        f"s.yaml:{line}:{col + 9}: error: events trigger each other in a loop: alarm \u2192 echo \u2192 alarm {HINT}"
    ]


def test_stages_whose_on_enter_go_to_each_other():
    text = edited(
        (CALM, CALM + "    on_enter: {goto: tense}\n"),
        (TENSE_ENTER, "    on_enter: {goto: calm}\n"),
        (TALK, "    effects: {goto: tense}\n"),
    )
    found, flooded = check(text)
    line, col = line_of(text, "tense}\n    transitions")
    assert flooded
    assert found == [
        f"s.yaml:{line}:{col}: error: stages go to each other on entering, in a loop: "
        f"calm \u2192 tense \u2192 calm {HINT}"
    ]


def test_a_stage_event_stage_chain():
    # tense triggers alarm on entering, alarm goes to calm, calm goes back to tense
    text = edited(
        (ALARM, "  alarm:\n    title: Alarm\n    effects: {goto: calm}\n"),
        (CALM, CALM + "    on_enter: {goto: tense}\n"),
        (TENSE_ENTER, "    on_enter: {trigger: alarm}\n"),
        (TALK, "    effects: {goto: tense}\n"),
    )
    found, flooded = check(text)
    line, col = line_of(text, "tense}\n    transitions")
    assert flooded
    assert found == [
        f"s.yaml:{line}:{col}: error: stages and events set each other off in a loop: "
        f"stage calm \u2192 stage tense \u2192 event alarm \u2192 stage calm {HINT}"
    ]


def test_leaving_a_stage_can_close_a_loop():
    # entering tense goes to calm; leaving tense triggers alarm, which goes back to tense
    text = edited(
        (ALARM, "  alarm:\n    title: Alarm\n    effects: {goto: tense}\n"),
        (TENSE_ENTER, "    on_enter: {goto: calm}\n    on_exit: {trigger: alarm}\n"),
        (TALK, "    effects: {goto: tense}\n"),
    )
    found, flooded = check(text)
    assert flooded
    assert len(found) == 1 and "set each other off in a loop" in found[0], found


def test_two_stages_fed_by_one_event():
    # alarm fires both echo (to calm) and drum (to tense); each stage fires alarm on entering
    text = edited(
        (
            ALARM,
            "  alarm:\n    title: Alarm\n    effects: {trigger: [echo, drum]}\n"
            "  echo:\n    title: Echo\n    effects: {goto: calm}\n"
            "  drum:\n    title: Drum\n    effects: {goto: tense}\n",
        ),
        (CALM, CALM + "    on_enter: {trigger: alarm}\n"),
        (TENSE_ENTER, "    on_enter: {trigger: alarm}\n"),
        (TALK, "    effects: {trigger: alarm}\n"),
    )
    found, flooded = check(text)
    assert flooded
    assert len(found) == 1 and "set each other off in a loop" in found[0], found


@pytest.mark.parametrize(
    "edits",
    [
        # a stage's goto to itself: entering the current stage does nothing
        ((TENSE_ENTER, "    on_enter: {goto: tense}\n"), (TALK, "    effects: {goto: tense}\n")),
        # one stage only: the goto back finds the stage already current
        (
            (ALARM, "  alarm:\n    title: Alarm\n    effects: {goto: tense}\n"),
            (TENSE_ENTER, "    on_enter: {trigger: alarm}\n"),
            (TALK, "    effects: {goto: tense}\n"),
        ),
        # an end on the way ends the game
        (
            (ALARM, "  alarm:\n    title: Alarm\n    effects: {trigger: alarm, end: war}\n"),
            (TALK, "    effects: {trigger: alarm}\n"),
        ),
        # an end reached from the loop ends it too
        (
            (
                ALARM,
                "  alarm:\n    title: Alarm\n    effects: {trigger: [alarm, last]}\n"
                "  last:\n    title: Last\n    effects: {end: war}\n",
            ),
            (TALK, "    effects: {trigger: alarm}\n"),
        ),
        # a chain that does not come back
        (
            (ALARM, "  alarm:\n    title: Alarm\n    effects: {trigger: rumour, goto: tense}\n"),
            (TENSE_ENTER, "    on_enter: {goto: calm}\n"),
            (TALK, "    effects: {trigger: alarm}\n"),
        ),
    ],
    ids=["goto-itself", "one-stage", "end-in-loop", "end-after-loop", "no-way-back"],
)
def test_work_that_stops_is_no_loop(edits):
    found, flooded = check(edited(*edits))
    assert not flooded
    assert not any("loop" in d for d in found), found
