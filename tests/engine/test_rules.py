"""Each rule of the engine, on the small test scenario (tests/fixtures/mini.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from game.engine import rng
from game.engine.actions import EndDay, Respond, TakeAction
from game.engine.api import action_options, legal_actions, new_game, response_options, step
from game.engine.state import GameState

ROOT_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def run(scenario, state, *actions):
    events = []
    for action in actions:
        state, new = step(scenario, state, action)
        events.extend(new)
    return state, events


def kinds(events):
    return [(e.kind, e.ref) for e in events if e.kind != "day"]


def test_first_dawn(mini):
    state, events = new_game(mini.scenario, seed=7)
    assert state.day == 1 and state.date == dt.date(1935, 6, 1)
    assert state.stage == "calm" and state.budget == 2
    assert ("telegram", "opening") in kinds(events)
    assert state.demands["first"].deadline == dt.date(1935, 6, 2)  # deadline_days: 1
    assert 20 <= state.hidden["resolve"] <= 90


def test_action_costs_budget_and_applies_effects(mini):
    sc = mini.scenario
    state, _ = new_game(sc, seed=7)
    state, events = step(sc, state, TakeAction(action="talk"))
    assert state.budget == 1
    assert state.stats["pressure"] == 35 and state.attitudes["envoy"] == -5
    assert state.log[-1].ref == "talk"
    state, events = step(sc, state, TakeAction(action="talk"))
    assert [e.kind for e in events] == ["rejected"]
    assert "already been done today" in events[0].text


def test_rejection_returns_the_same_state(mini):
    sc = mini.scenario
    state, _ = new_game(sc, seed=7)
    for bad in (
        TakeAction(action="nope"),
        Respond(demand="ultimatum", response="accept"),
        Respond(demand="first", response="maybe"),
        TakeAction(action="prepare"),
    ):
        if bad == TakeAction(action="prepare"):
            state, _ = step(sc, state, TakeAction(action="talk"))  # leaves 1 point; prepare costs 2
        after, events = step(sc, state, bad)
        assert after is state
        assert len(events) == 1 and events[0].kind == "rejected" and events[0].text


def test_deadline_expiry_applies_on_expiry(mini):
    sc = mini.scenario
    state, _ = new_game(sc, seed=7)
    state, events = run(
        sc, state, EndDay(), EndDay()
    )  # the deadline was 2 June; it expires at dawn on 3 June
    assert state.demands["first"].status == "expired"
    assert ("demand_expired", "first") in kinds(events)
    assert state.stats["pressure"] >= 55  # 40 + 15 on expiry (+ possible bluster)


def test_stalling_extends_the_deadline_and_keeps_the_demand_open(mini):
    sc = mini.scenario
    state, _ = new_game(sc, seed=7)
    state, _ = step(sc, state, Respond(demand="first", response="stall"))
    assert state.demands["first"].status == "pending"
    assert state.demands["first"].deadline == dt.date(1935, 6, 3)
    assert state.demands["first"].stalls == 1
    state, _ = step(sc, state, EndDay())
    state, _ = step(sc, state, Respond(demand="first", response="accept"))
    assert state.demands["first"].status == "answered" and state.flags["conceded"] is True
    assert not [a for a in legal_actions(sc, state) if isinstance(a, Respond)]


def test_ultimatum_expiry_ends_the_game(mini):
    sc = mini.scenario
    state, _ = new_game(sc, seed=7)
    state, _ = step(sc, state, Respond(demand="first", response="accept"))
    state, events = run(sc, state, EndDay(), EndDay())
    assert "ultimatum" in state.demands and state.demands["ultimatum"].deadline == dt.date(
        1935, 6, 4
    )
    state, events = run(sc, state, EndDay(), EndDay())
    assert state.over and state.ending == "war"
    assert ("ending", "war") in kinds(events)
    assert legal_actions(sc, state) == []


def test_refusal_outcome_depends_on_hidden_resolve(mini):
    sc = mini.scenario
    endings = set()
    for seed in range(40):
        state, _ = new_game(sc, seed=seed)
        state, _ = run(
            sc,
            state,
            Respond(demand="first", response="accept"),
            EndDay(),
            EndDay(),
            Respond(demand="ultimatum", response="refuse"),
            EndDay(),
        )
        endings.add(state.ending)
    assert "war" in endings and None in endings or "standoff" in endings or "appeased" in endings


def test_reveal_and_trigger(mini):
    sc = mini.scenario
    state, _ = new_game(sc, seed=7)
    assert "readiness" not in state.revealed
    state, events = step(sc, state, TakeAction(action="spy"))
    assert state.revealed == ["readiness"]
    assert ("intelligence", "rumour") in kinds(events)
    intel = [e for e in events if e.kind == "intelligence"][0]
    assert intel.reliability == 75 and intel.text in ("They mean it.", "They are bluffing.")
    state, events = step(sc, state, TakeAction(action="spy"))
    assert events[0].kind == "rejected"  # max_uses: 1


def test_intelligence_is_sometimes_wrong(mini):
    sc = mini.scenario
    wrong = right = 0
    for seed in range(200):
        state, _ = new_game(sc, seed=seed)
        state, events = step(sc, state, EndDay())
        text = [e.text for e in events if e.kind == "intelligence"][0]
        truth = state.hidden["resolve"] >= 50
        if (text == "They mean it.") == truth:
            right += 1
        else:
            wrong += 1
    assert wrong > 20 and right > 100  # reliability 75%


def test_stage_transition_at_dusk_with_entry_effects(mini):
    sc = mini.scenario
    state, _ = new_game(sc, seed=7)
    state, events = run(sc, state, Respond(demand="first", response="refuse"), EndDay())
    assert state.stage == "tense"
    assert ("stage", "tense") in kinds(events)
    assert any(e.kind == "message" and e.title == "Things are tense." for e in events)


def test_actor_rules_follow_conditions(mini):
    sc = mini.scenario
    seen = set()
    for seed in range(30):
        state, _ = new_game(sc, seed=seed)
        state, events = run(sc, state, Respond(demand="first", response="refuse"), EndDay())
        seen |= {e.title for e in events if e.kind == "actor"}
    assert "The envoy blusters" in seen  # pressure 60 >= 50
    assert "The envoy waits" not in seen


def test_actors_sharing_a_condition_each_read_it_after_the_actor_before_has_acted():
    # One actor's rules share a condition and it is evaluated once for them; the next actor's
    # rule has the same condition (the same compiled closure) and must read it afresh, after
    # the first actor's rule has made it false.
    from game.engine.run import Run
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    rules = """    idle_weight: 0
    rules:
      - {id: concedes, when: "not conceded", title: The envoy wins a point, effects: {conceded: true}}
      - {id: presses, when: "not conceded", weight: 0, title: The envoy presses}
  aide:
    name: The Aide
    side: china
    idle_weight: 0
    rules:
      - {id: objects, when: "not conceded", title: The aide objects}
initial_stage: calm
"""
    text = edited_mini((MINI_TEXT_ACTOR_RULES, rules))
    scenario = load_scenario_bytes(text.encode(), "shared.yaml").scenario
    for quiet in (False, True):
        run = Run(scenario, 5, quiet=quiet)
        fired = run.state().rules_fired
        assert fired.get("envoy.concedes") == 1
        assert "aide.objects" not in fired
    state, _ = new_game(scenario, seed=5)
    assert "aide.objects" not in state.rules_fired and state.flags["conceded"]


MINI_TEXT_ACTOR_RULES = """    idle_weight: 1
    rules:
      - id: bluster
        when: "pressure >= 50"
        weight: 2
        title: The envoy blusters
        effects: {pressure: 5}
      - title: The envoy waits
        when: "pressure < 50"
        text: Nothing happens.
initial_stage: calm
"""


def test_at_end_only_and_default_endings(mini):
    sc = mini.scenario
    state, _ = new_game(sc, seed=7)
    state, _ = run(
        sc,
        state,
        Respond(demand="first", response="stall"),
        Respond(demand="first", response="stall"),
    )
    state, _ = run(sc, state, EndDay(), EndDay())
    state, _ = step(sc, state, Respond(demand="ultimatum", response="refuse"))
    if not state.over:
        state, _ = run(sc, state, EndDay())
        assert state.ending == "standoff"  # nothing conceded by the last day
    state2, _ = new_game(sc, seed=7)
    state2, _ = run(sc, state2, Respond(demand="first", response="accept"), EndDay(), EndDay())
    state2, _ = run(sc, state2, Respond(demand="ultimatum", response="accept"), EndDay())
    assert state2.ending == "appeased"


def test_action_options_explain_unavailable(mini):
    sc = mini.scenario
    state, _ = new_game(sc, seed=7)
    state, _ = step(sc, state, TakeAction(action="talk"))
    options = {o.action.action: o for o in action_options(sc, state)}
    assert options["talk"].available is False and "already" in options["talk"].reason
    assert options["prepare"].available is False and "needs 2" in options["prepare"].reason
    assert options["spy"].available is True


def test_state_round_trips_through_json(mini):
    sc = mini.scenario
    state, _ = new_game(sc, seed=11)
    state, _ = run(sc, state, TakeAction(action="prepare"), EndDay())
    again = GameState.model_validate_json(state.model_dump_json())
    assert again == state
    assert step(sc, again, EndDay()) == step(sc, state, EndDay())


def test_rng_is_stable():
    # The generator is ours; its sequence must never change silently (saves and golden files rely on it).
    state = rng.seed_state(1935)
    draws = []
    for _ in range(5):
        state, value = rng.below(state, 100)
        draws.append(value)
    assert draws == [int(d) for d in draws] and all(0 <= d < 100 for d in draws)
    state2 = rng.seed_state(1935)
    for expected in draws:
        state2, value = rng.below(state2, 100)
        assert value == expected


def test_rng_below_is_next_u64_modulo_the_bound():
    state = rng.seed_state(7)
    for bound in (1, 2, 3, 100, 7919, 0):
        for _ in range(50):
            after, value = rng.next_u64(state)
            assert rng.below(state, bound) == (after, value % bound if bound > 0 else 0)
            state = after


def test_response_options_explain_what_is_missing(mini):
    sc = mini.scenario
    state, _ = new_game(sc, seed=7)
    options = {o.action.response: o for o in response_options(sc, state, "first")}
    assert set(options) == {"accept", "stall", "refuse"}
    assert all(o.available for o in options.values())
    assert options["stall"].kind == "stall"
    assert response_options(sc, state, "ultimatum") == []  # not presented yet


def test_teacher_inject_adds_news_and_effects_without_cost(mini):
    from game.analysis.replay import parse_choice
    from game.engine.actions import ReleaseInject, action_key

    sc = mini.scenario
    state, _ = new_game(sc, seed=7)
    state, events = step(sc, state, ReleaseInject(inject="rumour_of_war"))
    assert [(e.kind, e.ref) for e in events] == [("news", "rumour_of_war")]
    assert state.stats["trust"] == 46 and state.budget == 2
    assert state.log[-1].kind == "inject"
    assert action_key(ReleaseInject(inject="rumour_of_war")) == "inject:rumour_of_war"
    assert parse_choice("inject:rumour_of_war") == ReleaseInject(inject="rumour_of_war")
    assert step(sc, state, ReleaseInject(inject="nope")).events[0].kind == "rejected"
    assert ReleaseInject(inject="rumour_of_war") not in legal_actions(
        sc, state
    )  # the teacher's, not the player's


def test_an_inject_is_released_once_in_a_game(mini):
    # QA: releasing it again added the news twice and applied its effects twice
    from game.engine.actions import ReleaseInject
    from game.engine.run import Run

    sc = mini.scenario
    rumour = ReleaseInject(inject="rumour_of_war")
    state, _ = new_game(sc, seed=7)
    state, _ = step(sc, state, rumour)
    state, _ = step(sc, state, EndDay())
    again, events = step(sc, state, rumour)
    assert again == state
    assert events[0].kind == "rejected" and "already been released" in events[0].text
    for quiet in (False, True):  # a game played in place keeps the same rule
        run = Run(sc, 7, quiet=quiet)
        run.play(rumour)
        assert run.play(rumour)[0].kind == "rejected"


def test_an_open_demand_can_be_answered_once_a_day(mini):
    # Regression: a free stall could be repeated forever within one day (the explorer's stall policy hung).
    sc = mini.scenario
    state, _ = new_game(sc, seed=7)
    state, _ = step(sc, state, Respond(demand="first", response="stall"))
    again, events = step(sc, state, Respond(demand="first", response="stall"))
    assert again is state and "already answered" in events[0].text
    assert not [a for a in legal_actions(sc, state) if isinstance(a, Respond)]
    state, _ = step(sc, state, EndDay())
    assert Respond(demand="first", response="accept") in legal_actions(sc, state)


def test_expiry_outcomes_and_dated_conditional_demands(mini):
    """A demand dated with a condition is presented only if it holds; an expiry can draw an outcome."""
    from game.scenario.load import load_scenario_bytes

    text = (ROOT_FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    date: 1935-06-01\n    deadline_days: 1\n",
        '    date: 1935-06-01\n    when: "trust < 10"\n    deadline_days: 1\n',
        1,
    )
    gated = load_scenario_bytes(text.encode(), "gated.yaml").scenario
    state, _ = new_game(gated, seed=7)
    assert "first" not in state.demands

    text = (
        (ROOT_FIXTURES / "mini.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "    on_expiry: {pressure: 15}\n",
            "    on_expiry: {pressure: 15}\n    expiry_outcomes:\n      - {weight: 1, text: They shrug., effects: {trust: 7}}\n",
            1,
        )
    )
    rolled = load_scenario_bytes(text.encode(), "rolled.yaml").scenario
    state, _ = new_game(rolled, seed=7)
    state, _ = run(rolled, state, EndDay(), EndDay())
    assert state.demands["first"].status == "expired"
    assert state.stats["trust"] == 57


REPEATABLE = """events:
  herald:
    title: A herald
    when: "true"
    effects: {trigger: [gossip]}
  gossip:
    title: Gossip
    once: false
    when: "true"
    effects: {pressure: 1}
"""


def test_a_repeatable_event_happens_at_most_once_a_dawn(tmp_path):
    from game.engine.run import Run
    from game.scenario.load import load_scenario

    text = (ROOT_FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    path = tmp_path / "repeat.yaml"
    path.write_text(text.replace("events:\n", REPEATABLE, 1), encoding="utf-8")
    scenario = load_scenario(path).scenario
    state, events = new_game(scenario, seed=7)
    # The herald triggers the gossip; the dawn then reaches the gossip, already told today.
    assert [e.ref for e in events].count("gossip") == 1
    state, events = step(scenario, state, EndDay())
    assert [e.ref for e in events].count("gossip") == 1  # due again the next dawn, once
    assert state.fired["gossip"] == 2
    quiet = Run(scenario, 7, quiet=True)
    assert [note.ref for note in quiet.events].count("gossip") == 1
    assert [note.ref for note in quiet.play(EndDay())].count("gossip") == 1


def _repeatable(tmp_path, *edits):
    from game.scenario.load import load_scenario
    from tests.conftest import edited_mini

    text = edited_mini(
        ("events:\n", 'events:\n  echo:\n    title: Echo\n    when: "day >= 1"\n    once: false\n'),
        *edits,
    )
    path = tmp_path / "echo.yaml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path).scenario


def _at_dawn(events):
    """(kind, ref) of the events from the dawn on (a step that ends the day brings the dusk's
    events first, then the next dawn's)."""
    start = next(i for i, e in enumerate(events) if e.kind == "day")
    return [(e.kind, e.ref) for e in events[start:]]


@pytest.mark.parametrize("quiet", [False, True])
@pytest.mark.parametrize("stage_change", [False, True])
def test_a_repeatable_event_triggered_at_dusk_comes_again_at_the_next_dawn(
    tmp_path, stage_change, quiet
):
    """What happened at dusk is not 'this dawn': a stage whose entry triggers a repeatable event
    at dusk takes nothing from the next dawn (it took the event away before)."""
    from game.engine.run import Run

    scenario = _repeatable(
        tmp_path,
        (
            "pressure: {label: Pressure, start: 40,",
            f"pressure: {{label: Pressure, start: {60 if stage_change else 40},",
        ),
        ("    on_enter: {message: Things are tense.}", "    on_enter: {trigger: [echo]}"),
    )
    state, _ = new_game(scenario, seed=7)
    state, events = step(scenario, state, EndDay())
    refs = [e.ref for e in events]
    assert ("tense" in refs) is stage_change  # the stage changed at dusk, or not
    assert refs.count("echo") == (2 if stage_change else 1)  # at dusk (on entry), then at dawn
    assert _at_dawn(events).count(("report", "echo")) == 1
    assert state.fired["echo"] == (3 if stage_change else 2)  # and at the first dawn
    game = Run(scenario, 7, quiet=quiet)
    assert [e.ref for e in game.play(EndDay())] == refs


def test_a_repeatable_event_is_not_held_back_by_a_demand_of_the_same_id(tmp_path):
    """Ids may be shared across sections: the expiry notice of the demand 'first' (ref 'first')
    is not the event 'first' having happened."""
    scenario = _repeatable(
        tmp_path,
        ("  echo:\n    title: Echo\n", "  first:\n    title: Echo\n"),
    )
    state, _ = new_game(scenario, seed=7)
    state, _ = step(scenario, state, EndDay())
    state, events = step(scenario, state, EndDay())  # dawn of 3 June: 'first' runs out first
    dawn = _at_dawn(events)
    assert ("demand_expired", "first") in dawn
    assert ("report", "first") in dawn
    assert state.fired["first"] == 3


def test_deadlines_near_the_end_of_the_calendar_python_knows_do_not_crash_the_game():
    """A deadline or a stall that would fall after 31 December 9999 stops there: the game goes on."""
    from game.scenario.load import check_scenario_bytes
    from tests.conftest import edited_mini

    text = edited_mini(
        ("start: 1935-06-01, end: 1935-06-04", "start: 9999-12-20, end: 9999-12-23"),
        (
            "    date: 1935-06-01\n    deadline_days: 1\n",
            "    date: 9999-12-20\n    deadline_days: 3000\n",
        ),
        ("extend_days: 1", "extend_days: 3000"),
        ("    date: 1935-06-01\n    kind: telegram", "    date: 9999-12-20\n    kind: telegram"),
        ("    date: 1935-06-02\n    reliability", "    date: 9999-12-21\n    reliability"),
        ("historical_dates: [1935-06-01]", "historical_dates: [9999-12-20]"),
        ("{date: 1935-06-01, title: The note", "{date: 9999-12-20, title: The note"),
    )
    loaded, diagnostics = check_scenario_bytes(text.encode(), "far.yaml")
    assert loaded is not None, [str(d) for d in diagnostics]
    sc = loaded
    state, _ = new_game(sc, seed=7)
    assert state.demands["first"].deadline == dt.date.max
    state, _ = step(sc, state, EndDay())
    state, _ = step(sc, state, Respond(demand="first", response="stall"))
    assert state.demands["first"].deadline == dt.date.max and state.demands["first"].stalls == 1


def test_deadline_days_and_extend_days_have_an_upper_bound():
    from game.scenario.load import check_scenario_bytes
    from tests.conftest import edited_mini

    text = edited_mini(
        (
            "deadline_days: 1\n    historical_response: accept\n    responses:\n      accept: {label: Accept, kind: accept, effects: {pressure: -10",
            "deadline_days: 100000000\n    historical_response: accept\n    responses:\n      accept: {label: Accept, kind: accept, effects: {pressure: -10",
        ),
        ("extend_days: 1", "extend_days: 999999999"),
    )
    _, diagnostics = check_scenario_bytes(text.encode(), "s.yaml")
    messages = [d.message for d in diagnostics]
    assert "demands.first.deadline_days: expected 3660 or less (got 100000000)" in messages
    assert (
        "demands.first.responses.stall.extend_days: expected 3660 or less (got 999999999)"
        in messages
    )


def test_a_stall_given_again_on_a_later_day_unless_its_condition_allows_it_once():
    """What the field reference says of `closes: false`, both ways."""
    from game.scenario.load import check_scenario_bytes
    from tests.conftest import edited_mini

    stall = Respond(demand="first", response="stall")
    for when, again in (("", True), (", when: \"answer(first) != 'stall'\"", False)):
        text = edited_mini(
            (
                "extend_days: 1, effects: {pressure: 5}}",
                f"extend_days: 1, effects: {{pressure: 5}}{when}}}",
            )
        )
        loaded, diagnostics = check_scenario_bytes(text.encode(), "s.yaml")
        assert loaded is not None, [str(d) for d in diagnostics]
        state, _ = new_game(loaded, seed=7)
        state, _ = run(loaded, state, stall, EndDay())
        assert state.demands["first"].status == "pending" and state.day == 2
        assert (stall in legal_actions(loaded, state)) is again


def test_states_before_choices_plays_the_log_again(mini):
    from game.engine.api import states_before_choices

    sc = mini.scenario
    start, _ = new_game(sc, seed=7)
    state, _ = run(
        sc, start, TakeAction(action="talk"), EndDay(), Respond(demand="first", response="stall")
    )
    before = states_before_choices(sc, state)
    assert before is not None and len(before) == len(state.log) == 3
    assert before[0] == start and before[1].taken == {"talk": 1} and before[2].day == 2
    # a state its log does not lead to (another seed's, say): no answer rather than a wrong one
    assert states_before_choices(sc, state.model_copy(update={"seed": 8})) is None


def test_days_since_issued_counts_from_the_day_a_demand_was_presented(mini):
    """`days_since_issued(d)`: 0 on the day the demand is presented, one more each day after,
    answered or not, and -1 while it has not been presented. Authors need it for a follow-up
    that must not come at the same dawn as the demand it follows up (Takahashi 'calls for your
    answer' had come with the four demands themselves)."""
    from game.engine.turn import Reader
    from game.scenario.expr import compile_expr

    sc = mini.scenario
    first, ultimatum = (
        compile_expr("days_since_issued(first)"),
        compile_expr("days_since_issued(ultimatum)"),
    )
    state, _ = new_game(sc, seed=7)
    reader = Reader(sc, state)
    assert (first(reader), ultimatum(reader)) == (0, -1)
    state, _ = run(sc, state, Respond(demand="first", response="stall"), EndDay())
    assert state.day == 2 and first(Reader(sc, state)) == 1
    state, _ = run(sc, state, EndDay())
    assert state.day == 3 and "ultimatum" in state.demands
    assert (first(Reader(sc, state)), ultimatum(Reader(sc, state))) == (2, 0)


def test_a_condition_on_days_since_issued_is_checked_again_each_day():
    """A game played in place (`Run`) evaluates an action's condition again only when something
    it reads changed: a count of days changes with the day, not with the demand."""
    from game.engine.run import Run
    from game.scenario.expr.reads import demand_key, reads
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    assert reads("days_since_issued(first) >= 1") == {demand_key("first"), "day"}
    text = edited_mini(
        (
            "    hint: Lower the temperature.\n",
            '    hint: Lower the temperature.\n    when: "days_since_issued(first) >= 1"\n',
        )
    )
    scenario = load_scenario_bytes(text.encode(), "follow_up.yaml").scenario
    run_ = Run(scenario, seed=7)
    talk = TakeAction(action="talk")
    assert talk not in run_.legal()
    run_.play(Respond(demand="first", response="stall"))
    assert talk not in run_.legal()
    run_.play(EndDay())
    assert run_.day == 2 and talk in run_.legal()
