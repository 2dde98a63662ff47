"""Loops of queued work (`trigger`, on_enter/on_exit `goto`) are errors, and exactly those the
engine cannot finish: each case is also played, and the engine's cap must be hit iff reported."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import turn as engine_turn
from game.engine.actions import EndDay, Respond, TakeAction
from game.engine.api import new_game, step
from game.engine.day import opening_state
from game.scenario import lint
from game.scenario.load import check_scenario_bytes
from game.scenario.model import Scenario
from tests.conftest import MINI_TEXT, edited_mini

ALARM = '  alarm:\n    title: Alarm\n    when: "pressure >= 70"\n    effects: {trust: -5}\n'
CALM = "  calm:\n    label: Calm\n"
TENSE_ENTER = "    on_enter: {message: Things are tense.}\n"
TALK = "    effects: {pressure: -5, envoy: 5}\n"


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
    text = edited_mini(
        (ALARM, "  alarm:\n    title: Alarm\n    once: true\n    effects: {trigger: alarm}\n"),
        (TALK, "    effects: {trigger: alarm}\n"),
    )
    found, flooded = check(text)
    line, col = line_of(text, "alarm}\nintel")
    assert flooded
    assert found == [f"s.yaml:{line}:{col}: error: event 'alarm' triggers itself in a loop {HINT}"]


def test_events_that_trigger_each_other():
    text = edited_mini(
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
    text = edited_mini(
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
    text = edited_mini(
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
    text = edited_mini(
        (ALARM, "  alarm:\n    title: Alarm\n    effects: {goto: tense}\n"),
        (TENSE_ENTER, "    on_enter: {goto: calm}\n    on_exit: {trigger: alarm}\n"),
        (TALK, "    effects: {goto: tense}\n"),
    )
    found, flooded = check(text)
    assert flooded
    assert len(found) == 1 and "set each other off in a loop" in found[0], found


def test_two_stages_fed_by_one_event():
    # alarm fires both echo (to calm) and drum (to tense); each stage fires alarm on entering
    text = edited_mini(
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


def test_a_goto_queued_earlier_changes_the_stage_a_loop_runs_in():
    # alarm queues pp, then a goto to tense; pp queues aa; the goto to tense is handled before
    # aa, so aa's goto to calm leaves tense and calm's on_enter fires alarm again, for ever
    text = edited_mini(
        (
            ALARM,
            "  alarm:\n    title: Alarm\n    effects: {trigger: [pp], goto: tense}\n"
            "  pp:\n    title: PP\n    effects: {trigger: aa}\n"
            "  aa:\n    title: AA\n    effects: {goto: calm}\n",
        ),
        (CALM, CALM + "    on_enter: {trigger: alarm}\n"),
        (TALK, "    effects: {trigger: alarm}\n"),
    )
    found, flooded = check(text)
    line, col = line_of(text, "alarm}\n    transitions")
    assert flooded
    assert found == [
        f"s.yaml:{line}:{col}: error: stages and events set each other off in a loop: "
        f"stage calm \u2192 event alarm \u2192 event pp \u2192 event aa \u2192 stage calm {HINT}"
    ]


def test_work_that_passes_the_limit_without_a_loop():
    # alarm fires eight echoes, each eight drums, each eight horns: 584 pieces of work, no loop
    text = edited_mini(
        (
            ALARM,
            "  alarm:\n    title: Alarm\n    effects: {trigger: [echo, echo, echo, echo, echo, echo, echo, echo]}\n"
            "  echo:\n    title: Echo\n    effects: {trigger: [drum, drum, drum, drum, drum, drum, drum, drum]}\n"
            "  drum:\n    title: Drum\n    effects: {trigger: [horn, horn, horn, horn, horn, horn, horn, horn]}\n"
            "  horn:\n    title: Horn\n",
        ),
        (TALK, "    effects: {trigger: alarm}\n"),
    )
    found, flooded = check(text)
    line, col = line_of(text, "echo, echo")
    assert flooded
    assert found == [
        f"s.yaml:{line}:{col}: error: this sets off more than 500 triggers, gotos, issues and ends "
        "at once (the game would stop the day's events after 500 steps; trigger fewer events from "
        "each other)"
    ]


def test_the_limit_is_the_engines():
    assert lint.MAX_QUEUED_PER_STEP == engine_turn.MAX_QUEUED_PER_STEP


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
    found, flooded = check(edited_mini(*edits))
    assert not flooded
    assert not any("loop" in d for d in found), found


def test_a_stage_entry_played_only_as_the_engine_plays_it():
    # (code review) entering tense fires alarm, which goes to tense, and calming, which goes to
    # calm: alarm's goto finds tense current and does nothing, calming leaves; calm queues
    # nothing. Only tense's on_enter played in calm on its own would loop, and the engine never
    # does that: a stage's on_enter runs on entering it, after the old stage's on_exit.
    text = edited_mini(
        (
            ALARM,
            "  alarm:\n    title: Alarm\n    effects: {goto: tense}\n"
            "  calming:\n    title: Calming\n    effects: {goto: calm}\n",
        ),
        (TENSE_ENTER, "    on_enter: {trigger: [alarm, calming]}\n"),
        (TALK, "    effects: {goto: tense}\n"),
    )
    found, flooded = check(text)
    scenario, _ = check_scenario_bytes(text.encode(), "s.yaml")
    assert scenario is not None
    assert not flooded and not floods_somewhere(scenario)
    assert not any("loop" in d for d in found), found


def test_a_goto_that_does_nothing_is_not_named_in_the_loop():
    # entering tense fires stay (a goto to tense, which finds tense current) and leave, which
    # goes to calm by way of road, gate and home; calm goes back to tense on entering. The loop
    # runs through leave; stay is only a branch that does nothing (here it is the 500th piece
    # handled, so the chain was once traced from it: "stage tense → event stay → stage tense")
    text = edited_mini(
        (
            ALARM,
            "  alarm:\n    title: Alarm\n    effects: {goto: tense}\n"
            "  stay:\n    title: Stay\n    effects: {goto: tense}\n"
            "  leave:\n    title: Leave\n    effects: {trigger: road}\n"
            "  road:\n    title: Road\n    effects: {trigger: gate}\n"
            "  gate:\n    title: Gate\n    effects: {trigger: home}\n"
            "  home:\n    title: Home\n    effects: {goto: calm}\n",
        ),
        (CALM, CALM + "    on_enter: {goto: tense}\n"),
        (TENSE_ENTER, "    on_enter: {trigger: [stay, leave]}\n"),
        (TALK, "    effects: {trigger: alarm}\n"),
    )
    found, flooded = check(text)
    assert flooded
    assert len(found) == 1, found
    assert (
        "loop: stage calm \u2192 stage tense \u2192 event leave \u2192 event road \u2192 "
        "event gate \u2192 event home \u2192 stage calm " in found[0]
    ), found


# --- random scenarios against the engine ---------------------------------------------------------

EVENTS = ["e0", "e1", "e2", "e3"]
STAGES = ["calm", "tense", "crisis"]
effects_strategy = st.fixed_dictionaries(
    {},
    optional={
        "trigger": st.lists(st.sampled_from(EVENTS), min_size=1, max_size=3),
        "goto": st.sampled_from(STAGES),
        "end": st.just("war"),
    },
)


STOPPED = "The day's events stopped early"


def floods_somewhere(scenario: Scenario) -> bool:
    """Whether the engine passes its limit on queued work in some step a game can really take,
    played through the engine's own API (not the lint check's list of starts): the first day; in
    each stage, taking each action, answering each response, ending the day with pressure low
    and high (so that each transition of the mini scenario and of `crisis` is taken at dusk,
    with the next dawn after it), and each event and report fired as a dawn fires it."""

    def stopped(events) -> bool:
        return any(e.title == STOPPED for e in events)

    if stopped(new_game(scenario, 1).events):
        return True
    opening = opening_state(scenario, 1)
    issued = engine_turn.Turn(scenario, opening)
    for demand in scenario.demands:
        issued.issue_demand(demand)
    with_demands = issued.freeze()
    for stage in scenario.stages:
        here = with_demands.model_copy(update={"stage": stage})
        moves: list[TakeAction | Respond] = [TakeAction(action=a) for a in scenario.actions]
        moves += [
            Respond(demand=d, response=r)
            for d, demand in scenario.demands.items()
            for r in demand.responses
        ]
        for move in moves:
            if stopped(step(scenario, here, move).events):
                return True
        for pressure in (30, 95):
            state = here.model_copy(update={"stats": {**here.stats, "pressure": pressure}})
            if stopped(step(scenario, state, EndDay()).events):
                return True
        for ident in [*scenario.events, *scenario.intel]:
            turn = engine_turn.Turn(scenario, opening.model_copy(update={"stage": stage}))
            turn.fire(ident)
            turn.drain()
            if stopped(turn.events):
                return True
    return False


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    events=st.lists(effects_strategy, min_size=4, max_size=4),
    enters=st.lists(effects_strategy, min_size=3, max_size=3),
    exits=st.lists(effects_strategy, min_size=3, max_size=3),
    talk=effects_strategy,
)
def test_reported_iff_the_engine_passes_its_limit(events, enters, exits, talk):
    data = yaml.safe_load(MINI_TEXT)
    data["stages"]["crisis"] = {
        "label": "Crisis",
        "transitions": [{"to": "calm", "when": "pressure >= 90"}],
    }
    for sid, on_enter, on_exit in zip(STAGES, enters, exits, strict=True):
        data["stages"][sid].update({"on_enter": on_enter, "on_exit": on_exit})
    for eid, effects in zip(EVENTS, events, strict=True):
        data["events"][eid] = {"title": eid, "effects": effects}
    data["actions"]["talk"]["effects"] = talk
    scenario, found = check_scenario_bytes(yaml.safe_dump(data).encode(), "s.yaml")
    assert scenario is not None, [str(d) for d in found]
    reported = [str(d) for d in found if "loop" in d.message or "more than 500" in d.message]
    assert bool(reported) == floods_somewhere(scenario), reported
