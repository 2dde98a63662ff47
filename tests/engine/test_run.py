"""A Run (one game played in place, as the explorer plays) follows exactly the rules of `step`."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.analysis.policies import CHOOSERS
from game.engine import rng
from game.engine.actions import EndDay, ReleaseInject, Respond, TakeAction
from game.engine.api import legal_actions, new_game, step
from game.engine.index import scenario_index
from game.engine.run import Run
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted(
    [ROOT / "tests" / "fixtures" / "mini.yaml", *(ROOT / "scenarios").glob("*.yaml")]
)
LOADED = [(path.name, load_scenario(path).scenario) for path in SCENARIOS]
SEEDS = range(12)


def _dump(events):
    return [event.model_dump() for event in events]


def _both(scenario, seed, chooser_name, *, quiet):
    """Play one game both ways with the same choices; return per-step (events, state) pairs."""
    choose = CHOOSERS[chooser_name]
    state, events = new_game(scenario, seed)
    run = Run(scenario, seed, quiet=quiet)
    pairs = [(events, run.events)]
    generator = rng.seed_state(seed)
    for _ in range(2000):
        if state.over:
            break
        legal = legal_actions(scenario, state)
        assert run.legal() == legal
        choice, generator = choose(scenario, state.date, legal, generator)
        state, events = step(scenario, state, choice)
        pairs.append((events, run.play(run.legal()[legal.index(choice)])))
    assert run.over == state.over
    return pairs, state, run.state()


@pytest.mark.parametrize(("name", "scenario"), LOADED, ids=[name for name, _ in LOADED])
@pytest.mark.parametrize("chooser", sorted(CHOOSERS))
def test_a_run_gives_the_events_and_state_of_step(name, scenario, chooser):
    for seed in SEEDS:
        pairs, stepped, ran = _both(scenario, seed, chooser, quiet=False)
        for by_step, by_run in pairs:
            assert _dump(by_run) == _dump(by_step)
        assert ran == stepped


@pytest.mark.parametrize(("name", "scenario"), LOADED, ids=[name for name, _ in LOADED])
@pytest.mark.parametrize("chooser", sorted(CHOOSERS))
def test_a_quiet_run_notes_every_event_and_reaches_the_same_state(name, scenario, chooser):
    for seed in SEEDS:
        pairs, stepped, ran = _both(scenario, seed, chooser, quiet=True)
        for by_step, by_run in pairs:
            assert [(note.kind, note.ref) for note in by_run] == [(e.kind, e.ref) for e in by_step]
        # Only what is written for a reader is left out.
        assert ran.inbox == [] and ran.log == []
        assert ran.model_copy(update={"inbox": stepped.inbox, "log": stepped.log}) == stepped


def test_a_run_refuses_what_step_refuses_and_changes_nothing(mini):
    scenario = mini.scenario
    run = Run(scenario, 3)
    before = run.state()
    rejected = run.play(TakeAction(action="no_such_action"))
    assert [(e.kind, e.title) for e in rejected] == [("rejected", "Not possible")]
    assert "no_such_action" in rejected[0].text
    assert run.state() == before


def test_a_run_refuses_a_listed_action_once_the_game_is_over(mini):
    # A listed action is allowed by its bit in the set the last legal list gave: once the
    # game is over the list is empty, and an action it gave before is refused.
    scenario = mini.scenario
    run = Run(scenario, 3)
    listed = [choice for choice in run.legal() if isinstance(choice, TakeAction)]
    assert listed
    while not run.over:
        run.legal()
        run.play(EndDay())
    assert run.legal() == []
    ended = run.state()
    for choice in listed:
        assert [e.kind for e in run.play(choice)] == ["rejected"]
    assert run.state() == ended


def test_a_run_goes_on_after_its_state_is_taken(mini):
    scenario = mini.scenario
    run = Run(scenario, 5)
    halfway = run.state()
    run.play(EndDay())
    later = run.state()
    assert halfway.day == 1 and later.day == 2  # taking the state froze a copy, not the run
    assert step(scenario, halfway, EndDay()).state == later


def test_a_run_asked_only_after_taking_an_action_still_counts_it(mini):
    # A Run keeps the day's still-allowed actions; one taken before legal() was ever asked that
    # day must not come back.
    scenario = mini.scenario
    run = Run(scenario, 7)
    talk = TakeAction(action="talk")
    assert [e.kind for e in run.play(talk)][0] == "action"
    assert talk not in run.legal()
    assert run.legal() == legal_actions(scenario, run.state())


# Actions whose conditions read each kind of thing a game changes: a Run keeps their values and
# evaluates one again only when the turn touched what it reads (`Turn.touched`), so each of these
# would be offered wrongly if some change forgot to mark its key.
WATCHING = """  while_calm:
    label: While calm
    category: diplomacy
    when: "pressure < 45 and in_stage(calm)"
    effects: {pressure: 4}
  while_tense:
    label: While tense
    category: diplomacy
    when: "stage == 'tense'"
  after_rumour:
    label: After the rumour
    category: information
    when: "fired(rumour) > 0"
  after_spying:
    label: After spying
    category: information
    cost: 0
    per_day: 2
    when: "taken(spy) > 0 and taken(talk) < 2"
  while_first_pending:
    label: While the first demand is open
    category: diplomacy
    cost: 0
    when: "pending(first) and not conceded"
  after_first_answer:
    label: After the first answer
    category: diplomacy
    when: "answered(first) or expired(first)"
  from_day_two:
    label: From the second day
    category: military
    when: "date >= '1935-06-02' and days_left > 1"
  after_the_alarm:
    label: After the alarm
    category: information
    when: "fired(alarm) > 0"
  with_points_to_spare:
    label: With points to spare
    category: diplomacy
    cost: 0
    when: "budget >= 2"
  near_the_end:
    label: Near the end
    category: military
    when: "days_left <= 1"
"""


def test_a_run_notices_every_change_a_condition_reads():
    from game.scenario.load import load_scenario_bytes

    text = (ROOT / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("\nactions:\n", "\nactions:\n" + WATCHING, 1)
    scenario = load_scenario_bytes(text.encode(), "watching.yaml").scenario
    watched = {
        line.strip()[:-1]
        for line in WATCHING.splitlines()
        if line.startswith("  ") and not line.startswith("   ")
    }
    seen: dict[str, set[bool]] = {ident: set() for ident in watched}
    for chooser in sorted(CHOOSERS):
        for seed in range(30):
            choose = CHOOSERS[chooser]
            run = Run(scenario, seed, quiet=True)
            generator = rng.seed_state(seed)
            while not run.over:
                if seed % 2:  # the turn is reopened between a choice and the next question
                    expected = legal_actions(scenario, run.state())
                    legal = run.legal()
                else:
                    legal = run.legal()
                    expected = legal_actions(scenario, run.state())
                assert legal == expected
                for ident in watched:
                    seen[ident].add(TakeAction(action=ident) in legal)
                choice, generator = choose(scenario, run.date, legal, generator)
                run.play(choice)
    # Each of these actions was offered at some steps and not at others.
    assert all(both == {True, False} for both in seen.values()), seen


@pytest.mark.parametrize(("name", "scenario"), LOADED, ids=[name for name, _ in LOADED])
@pytest.mark.parametrize("quiet", [False, True])
def test_a_run_agrees_with_step_on_any_choice_and_when_its_state_is_taken(name, scenario, quiet):
    # Choices not taken from legal() (equal but not the same objects, refused ones, injects),
    # legal() asked or not, and the state taken at random moments: still the rules of step.
    injects, actions = list(scenario.injects), list(scenario.actions)
    for seed in range(8):
        state, _ = new_game(scenario, seed)
        run = Run(scenario, seed, quiet=quiet)
        generator = rng.seed_state(seed + 77)
        for _ in range(400):
            if state.over:
                break
            generator, roll = rng.below(generator, 12)
            if roll == 0:
                run.state()
            legal = legal_actions(scenario, state)
            if roll % 3 == 1:
                assert run.legal() == legal
            generator, pick = rng.below(generator, len(legal) + 2)
            if pick < len(legal):
                choice = legal[pick].model_copy()
            elif pick == len(legal) and injects:
                choice = ReleaseInject(inject=injects[pick % len(injects)])
            else:
                choice = TakeAction(action=actions[pick % len(actions)])
            state, events = step(scenario, state, choice)
            happened = run.play(choice)
            assert [(e.kind, e.ref, e.title if e.kind == "rejected" else "") for e in happened] == [
                (e.kind, e.ref, e.title if e.kind == "rejected" else "") for e in events
            ]
        ran = run.state()
        if quiet:
            ran = ran.model_copy(update={"inbox": state.inbox, "log": state.log})
        assert ran == state


# Answers whose conditions read each kind of thing a game changes, and one the budget may not
# cover: a Run keeps the answers that may be given until the turn touches what they depend on
# (`Index.answer_keys`), so each of these would be offered wrongly if that went stale.
WATCHED_ANSWERS = """      after_spying: {label: After spying, when: "taken(spy) > 0"}
      while_calm: {label: While calm, closes: false, when: "pressure < 45 and in_stage(calm)"}
      after_a_stall: {label: After a stall, when: "answer(first) == 'stall'"}
      after_the_rumour: {label: After the rumour, when: "fired(rumour) > 0"}
      dear: {label: A dear answer, cost: 2}
"""


def test_a_run_notices_every_change_an_answer_depends_on():
    from game.scenario.load import load_scenario_bytes

    text = (ROOT / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
    anchor = "      refuse: {label: Refuse, kind: refuse, effects: {pressure: 20, trust: 5}}\n"
    assert anchor in text
    text = text.replace(anchor, anchor + WATCHED_ANSWERS, 1)
    scenario = load_scenario_bytes(text.encode(), "watching.yaml").scenario
    watched = [line.split(":")[0].strip() for line in WATCHED_ANSWERS.splitlines()]
    seen: dict[str, set[bool]] = {ident: set() for ident in watched}
    for chooser in sorted(CHOOSERS):
        for seed in range(40):
            choose = CHOOSERS[chooser]
            run = Run(scenario, seed, quiet=True)
            generator = rng.seed_state(seed)
            while not run.over:
                legal = run.legal()
                assert legal == legal_actions(scenario, run.state())
                if run.state().demands.get("first", None) is not None:
                    for ident in watched:
                        seen[ident].add(Respond(demand="first", response=ident) in legal)
                choice, generator = choose(scenario, run.date, legal, generator)
                run.play(choice)
    # Each of these answers was offered at some steps and not at others.
    assert all(both == {True, False} for both in seen.values()), seen


@pytest.mark.parametrize(("name", "scenario"), LOADED, ids=[name for name, _ in LOADED])
def test_the_built_in_names_conditions_read_agree_with_the_turn(name, scenario):
    # A Turn keeps day, date, stage and budget as plain attributes and writes them through to
    # `values` (what conditions read) only in its methods: a write that bypassed them would
    # leave the two apart.
    for seed in range(10):
        run = Run(scenario, seed, quiet=True)
        generator = rng.seed_state(seed)
        while True:
            turn = run._turn
            assert turn.values["day"] == turn.day and turn.values["stage"] == turn.stage
            assert turn.values["budget"] == turn.budget
            assert turn.values["date"] == turn.date.isoformat()
            assert turn.values["days_left"] == (scenario.calendar.end - turn.date).days
            if run.over:
                break
            choice, generator = CHOOSERS["random"](scenario, run.date, run.legal(), generator)
            run.play(choice)


@pytest.mark.parametrize(("name", "scenario"), LOADED, ids=[name for name, _ in LOADED])
def test_the_actors_rules_left_out_on_a_date_cannot_hold_then(name, scenario):
    # The actors' turn visits only the rules `actors_on` keeps for the day; a rule left out
    # must have a condition that is false on that day, whatever else the game holds.
    from game.engine.index import actors_on, scenario_index

    tables = scenario_index(scenario)
    left_out = 0
    for seed in range(15):
        run = Run(scenario, seed, quiet=True)
        generator = rng.seed_state(seed)
        while not run.over:
            turn = run._turn
            kept = {row.key for _, _, rules in actors_on(tables, turn.date) for row in rules}
            for _, _, rules in tables.actors:
                for row in rules:
                    if row.key not in kept:
                        left_out += 1
                        assert row.when is not None and not row.when(turn), (row.key, turn.date)
            choice, generator = CHOOSERS["random"](scenario, run.date, run.legal(), generator)
            run.play(choice)
    if name == "he_umezu_1935.yaml":
        assert left_out > 0


@pytest.mark.parametrize(("name", "scenario"), LOADED, ids=[name for name, _ in LOADED])
def test_a_runs_opening_sets_of_actions_are_those_its_opened_game_gives(name, scenario):
    """`Run` starts from sets the index works out once (`Index.usable_at_opening` ...): they
    must be what the game as opened gives, action by action."""
    tables = scenario_index(scenario)
    for seed in SEEDS:
        run = Run(scenario, seed)
        turn = run._turn
        holding = usable = spent = 0
        for row in tables.actions:
            if row.when is None or row.when(turn):
                holding |= row.bit
            if row.max_uses is None or turn.taken.get(row.ident, 0) < row.max_uses:
                usable |= row.bit
            if turn.taken_today.get(row.ident, 0) >= row.per_day:
                spent |= row.bit
        assert (run._holding, run._usable, run._spent) == (holding, usable, spent)
        assert run._every_action == sum(row.bit for row in tables.actions)
        assert run._rows == {row.ident: row for row in tables.actions}
