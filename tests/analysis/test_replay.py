"""game.analysis.replay: checking choice keys, and choices the engine refuses."""

from __future__ import annotations

import pytest

from game.analysis.replay import check_choice, play, render_log, scripted


def test_a_rejected_choice_is_recorded_as_rejected_not_taken(mini):
    # by default the replay goes on (the library's callers decide); the record must still be true
    run = play(mini.scenario, 1, scripted(["first:accept", "first:accept", "talk"]))
    day = run.days[0]
    assert [(c.key, c.rejected) for c in day.choices] == [
        ("first:accept", ""),
        ("first:accept", "'First demand' is no longer open."),
        ("talk", ""),
        ("end", ""),
    ]
    assert all(event.kind != "rejected" for event in day.events)
    assert run.stopped is None
    assert run.to_json()["days"][0]["actions"][1:] == [
        {
            "id": "talk",
            "label": "Talk to the envoy",
            "changes": [
                {"id": "pressure", "label": "Pressure", "from": 30, "to": 25},
                {"id": "envoy", "label": "The Envoy", "from": -10, "to": -5, "attitude": True},
            ],
        },
        {"id": "end", "label": "End the day"},
    ]
    log = render_log(run)
    assert log.count("> First demand: Accept") == 1
    assert "  ! Rejected: First demand: Accept\n      'First demand' is no longer open.\n" in log


def test_a_choice_that_moves_an_attitude_says_so_by_the_actors_name(mini):
    # talk: {pressure: -5, envoy: 5}; the attitudes drive the actors' rules, so the author sees them
    run = play(mini.scenario, 1, scripted(["talk"]))
    log = render_log(run)
    assert (
        "  > Talk to the envoy\n"
        "  [action] Talk to the envoy\n"
        "  = changed: Pressure 40 \u2192 35; The Envoy's attitude -10 \u2192 -5\n"
    ) in log
    talk = run.to_json()["days"][0]["actions"][0]
    assert talk["changes"][-1] == {
        "id": "envoy",
        "label": "The Envoy",
        "from": -10,
        "to": -5,
        "attitude": True,
    }


def test_an_attitude_moved_at_dawn_is_in_the_dawn_changes(mini):
    scenario = _mini_with(
        "    sources: [T1]\n  alarm:", "    sources: [T1]\n    effects: {envoy: -5}\n  alarm:"
    )
    run = play(scenario, 1, scripted([]))
    assert "  = at dawn, from the starting values: The Envoy's attitude -10 \u2192 -15\n" in (
        render_log(run)
    )
    assert run.to_json()["days"][0]["dawn_changes"] == [
        {"id": "envoy", "label": "The Envoy", "from": -10, "to": -15, "attitude": True}
    ]


@pytest.mark.parametrize(
    ("keys", "shown"),
    [
        (["end", "prepare"], "Readiness 20 \u2192 30 (hidden)"),
        # spy reveals readiness: from then on the player sees it, so it is no longer marked hidden
        (["spy", "end", "prepare"], "Readiness 20 \u2192 30"),
    ],
)
def test_a_hidden_stat_is_marked_hidden_until_it_is_revealed(mini, keys, shown):
    run = play(mini.scenario, 1, scripted(keys))
    prepare = run.days[1].choices[0]
    assert prepare.key == "prepare"
    readiness = next(change for change in prepare.changes if change.id == "readiness")
    assert str(readiness) == shown
    assert run.to_json()["days"][1]["actions"][0]["changes"][1] == {
        "id": "readiness",
        "label": "Readiness",
        "from": 20,
        "to": 30,
        **({"hidden": True} if shown.endswith("(hidden)") else {}),
    }


def _mini_with(replace: str, by: str):
    """The mini scenario with one edit (tests/conftest.py's `edited_mini`), loaded."""
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    return load_scenario_bytes(edited_mini((replace, by)).encode(), "mini.yaml").scenario


TALK_EFFECTS = "    effects: {pressure: -5, envoy: 5}\n"


@pytest.mark.parametrize(
    "outcomes",
    [
        "[{weight: 1, effects: {trust: 1}}]",
        # one weight above 0: Turn.pick takes it without a draw
        "[{weight: 0, effects: {trust: 2}}, {weight: 3, effects: {trust: 1}}]",
        "[{weight: -4, text: Never., effects: {trust: 2}}, {weight: 1, effects: {trust: 1}}]",
    ],
)
def test_an_outcome_that_came_for_certain_is_not_told_as_drawn(outcomes):
    scenario = _mini_with(TALK_EFFECTS, f"{TALK_EFFECTS}    outcomes: {outcomes}\n")
    run = play(scenario, 1, scripted(["talk"]))
    talk = run.days[0].choices[0]
    assert talk.drawn is None
    assert "Trust 50 \u2192 51" in [str(change) for change in talk.changes]
    assert "drawn" not in render_log(run)
    assert "outcome" not in run.to_json()["days"][0]["actions"][0]


@pytest.mark.parametrize(
    "outcomes",
    [
        "[{weight: 0, effects: {trust: 1}}, {weight: 0, effects: {trust: 2}}]",
        "[{weight: -1, text: Never., effects: {trust: 1}}, {weight: 0, effects: {trust: 2}}]",
        "[{weight: 0, text: Never., effects: {trust: 1}}]",
    ],
)
def test_outcomes_none_of_which_was_drawn_are_told_so(outcomes):
    # QA: with every weight at 0 the choice's outcomes were passed over without a word
    scenario = _mini_with(TALK_EFFECTS, f"{TALK_EFFECTS}    outcomes: {outcomes}\n")
    run = play(scenario, 1, scripted(["talk"]))
    of = outcomes.count("weight")
    weights = "its weight was" if of == 1 else f"all {of} weights were"
    assert (
        "  [action] Talk to the envoy\n"
        f"  = no outcome drawn ({weights} 0 or less)\n"
        "  = changed: Pressure 40 \u2192 35; The Envoy's attitude -10 \u2192 -5\n"
    ) in render_log(run)
    talk = run.to_json()["days"][0]["actions"][0]
    assert talk["outcome"] == {"index": None, "of": of, "weight": None}


def test_an_outcome_drawn_among_two_is_told_with_its_weight():
    outcomes = "[{weight: 1, effects: {trust: 1}}, {weight: 1, effects: {trust: 2}}]"
    scenario = _mini_with(TALK_EFFECTS, f"{TALK_EFFECTS}    outcomes: {outcomes}\n")
    seen = set()
    for seed in range(8):
        run = play(scenario, seed, scripted(["talk"]))
        drawn = run.days[0].choices[0].drawn
        assert drawn is not None and (drawn.of, drawn.weight) == (2, "1")
        assert f"  = outcome {drawn.number} of 2 drawn (weight 1; it has no text)\n" in render_log(
            run
        )
        seen.add(drawn.number)
    assert seen == {1, 2}


def test_stop_at_rejection_ends_the_playthrough_there(mini):
    run = play(
        mini.scenario,
        1,
        scripted(["talk", "first:accept", "first:accept", "talk"]),
        stop_at_rejection=True,
    )
    assert run.stopped is not None
    assert (run.stopped.step, run.stopped.day, run.stopped.choice.key) == (2, 1, "first:accept")
    assert not run.final.over
    assert [c.key for c in run.days[-1].choices] == ["talk", "first:accept", "first:accept"]


def test_unknown_names_reach_the_engine_without_a_crash(mini):
    # the command line checks keys first; a library caller that does not must still get a record
    run = play(mini.scenario, 1, scripted(["nonsense", "first:nope", "nodemand:x", "inject:no"]))
    reasons = [c.rejected for c in run.days[0].choices[:4]]
    assert all(reasons), reasons
    assert [c.label for c in run.days[0].choices[:4]] == [
        "nonsense",
        "first:nope",
        "nodemand:x",
        "inject:no",
    ]


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        ("talk", None),
        (" first : refuse ", None),
        ("end", None),
        ("end_day", None),
        ("inject:rumour_of_war", None),
        ("tlak", ("unknown action 'tlak'", "did you mean 'talk'?")),
        ("first:acept", ("unknown response 'acept' for demand 'first'", "did you mean 'accept'?")),
        ("frist:accept", ("unknown demand 'frist'", "did you mean 'first'?")),
        ("inject:rumor_of_war", ("unknown inject 'rumor_of_war'", "did you mean 'rumour_of_war'?")),
        (
            "first",
            (
                "'first' is a demand, not an action",
                "write first:RESPONSE; its responses: accept, stall, refuse",
            ),
        ),
    ],
)
def test_check_choice(mini, key, problem):
    assert check_choice(mini.scenario, key) == problem


# --- what each choice changed (QA as an author: a choice's effects and its outcome were hidden) ---

XIANGHE_CHOICES = [
    "police",
    "cable",
    "end",
    "no_troops:refuse",
    "end",
    "consul",
    "end",
    "dismiss:refuse",
    "police",
]


@pytest.fixture(scope="module")
def xianghe():
    from pathlib import Path

    from game.scenario.load import load_scenario

    return load_scenario(Path(__file__).parent.parent / "fixtures" / "analysis" / "xianghe.yaml")


def test_each_choice_is_followed_by_what_it_changed_and_the_first_dawn_by_its_changes(xianghe):
    run = play(xianghe.scenario, 3, scripted(XIANGHE_CHOICES))
    log = render_log(run)
    assert (
        "  [actor] Doihara's agents pay the mob\n"
        "  = at dawn, from the starting values: Japanese pressure 45 \u2192 48; "
        "Order in the county 40 \u2192 35\n"
        "  > Send the provincial police\n"
        "  [action] Send the provincial police\n"
        "  = changed: Japanese pressure 48 \u2192 53; Order in the county 35 \u2192 45\n"
        "  > Cable Nanjing for instructions\n"
        "  [action] Cable Nanjing for instructions\n"
        "  = changed: Nanjing's confidence 50 \u2192 55\n"
        "  > End the day\n\n"
    ) in log
    assert (
        "  > Send no troops: Refuse and send the troops\n"
        "  [demand_answered] Send no troops: Refuse and send the troops\n"
        "  = outcome 2 of 2 drawn (weight 100 - backing; it has no text)\n"
        "  = changed: Japanese pressure 56 \u2192 61; Order in the county 40 \u2192 60; "
        "Nanjing's confidence 55 \u2192 65; flag Troops sent to Xianghe\n"
    ) in log
    # the night's changes come after the new dawn's events, not before them
    assert (
        "  [actor] Doihara's agents pay the mob\n"
        "  = overnight (dusk, then dawn): Japanese pressure 53 \u2192 56; "
        "Order in the county 45 \u2192 40\n"
        "  > Send no troops"
    ) in log
    assert "by the next dawn" not in log


def test_the_json_holds_the_same_changes_as_the_log(xianghe):
    run = play(xianghe.scenario, 3, scripted(XIANGHE_CHOICES))
    days = run.to_json()["days"]
    assert days[0]["dawn_changes"] == [
        {"id": "pressure", "label": "Japanese pressure", "from": 45, "to": 48},
        {"id": "order", "label": "Order in the county", "from": 40, "to": 35},
    ]
    refuse = days[1]["actions"][0]
    assert refuse["id"] == "no_troops:refuse"
    assert refuse["outcome"] == {"index": 2, "of": 2, "weight": "100 - backing"}
    assert refuse["changes"][-1] == {
        "id": "troops_sent",
        "label": "Troops sent to Xianghe",
        "from": False,
        "to": True,
        "flag": True,
    }
    assert "changes" not in days[1]["actions"][1]  # ending the day: the night is the next dawn's
    assert days[2]["dawn_changes"] == [
        {"id": "pressure", "label": "Japanese pressure", "from": 61, "to": 66}
    ]


def test_the_outcome_drawn_is_the_one_that_happened_and_the_game_is_unchanged(xianghe):
    # outcome 1 adds 25 pressure; outcome 2 adds 5 and 10 to Nanjing's confidence
    from game.engine.actions import parse_action_key
    from game.engine.api import new_game, step

    scenario = xianghe.scenario
    seen = set()
    for seed in range(12):
        run = play(scenario, seed, scripted(["end", "no_troops:refuse"]))
        refuse = run.days[1].choices[0]
        assert refuse.key == "no_troops:refuse" and refuse.drawn is not None
        nanjing = [c for c in refuse.changes if c.id == "nanjing"]
        assert bool(nanjing) == (refuse.drawn.number == 2)
        seen.add(refuse.drawn.number)
        # the probe took nothing from the game: the same choices by step alone end the same
        state, _ = new_game(scenario, seed)
        for key in ["end", "no_troops:refuse"]:
            state, _ = step(scenario, state, parse_action_key(key))
        while not state.over:
            state, _ = step(scenario, state, parse_action_key("end"))
        assert state == run.final
    assert seen == {1, 2}


def test_the_guide_shows_the_log_lines_as_the_replay_prints_them():
    # docs/authoring.md, step 11: each line form it quotes is the one render_log prints
    import re
    from pathlib import Path

    from game.analysis.policies import historical
    from game.analysis.replay import Change, Drawn
    from game.scenario.load import load_scenario_bytes

    guide = (Path(__file__).parent.parent.parent / "docs" / "authoring.md").read_text("utf-8")
    whole = re.findall(r"```yaml\n(.*?)```", guide[guide.index("### The whole file") :], re.S)[0]
    scenario = load_scenario_bytes(whole.encode(), "yu_stays.yaml").scenario
    log = render_log(play(scenario, 1935, historical))
    quoted = re.search(r"`(= changed: [^`]*)` \(the historical replay of this file\)", guide)
    assert quoted is not None and f"  {quoted.group(1)}\n" in log
    assert "`Ending: TITLE`, with ` (the historical ending)`" in guide
    assert "Ending: Resigned (the historical ending)\n" in log
    forms = [
        str(Change("sakai", "Sakai Takashi", 0, 5, attitude=True)),
        f"`{Change('ID', 'LABEL', False, True, flag=True)}` when set",
        f"`{Change('ID', 'LABEL', True, False, flag=True)}` when cleared",
        f"`= {Drawn('N', 'M', 'W')}`",  # type: ignore[arg-type]
        f"`= {Drawn(None, 'M', None)}`",  # type: ignore[arg-type]
        "`= overnight (dusk, then dawn): ...`",
        "`= at dawn, from the starting values: ...`",
        "`= at dusk: ...`",
        "`! Rejected: Label`",
        "`Stopped: choice N (ID) was rejected on day D; ...`",
    ]
    for form in forms:
        assert form in guide


def _xianghe_with(replace: str, by: str):
    from pathlib import Path

    from game.scenario.load import load_scenario_bytes

    path = Path(__file__).parent.parent / "fixtures" / "analysis" / "xianghe.yaml"
    raw = path.read_text(encoding="utf-8")
    assert replace in raw
    return load_scenario_bytes(raw.replace(replace, by).encode(), "xianghe.yaml").scenario


def test_a_game_that_ends_at_dusk_tells_the_dusks_changes_before_the_ending():
    # QA: the intervention stage's entry adds 20 pressure at dusk, and the ending then comes; the
    # change was told after the [ending] line, and --json had no place for it on the day
    scenario = _xianghe_with("on_enter: {message:", "on_enter: {pressure: 20, message:")
    run = play(scenario, 1, scripted(["end", "no_troops:refuse", "end"]))
    assert run.final.ending == "occupied" and len(run.days) == 2
    assert render_log(run).endswith(
        "  > End the day\n"
        "  [stage] Stage: Japanese intervention\n"
        '  [message] Japanese gendarmes arrive in Xianghe "to protect residents".\n'
        "  = at dusk: Japanese pressure 76 \u2192 96\n"
        "  [ending] Japanese troops take Xianghe\n"
        '      Japanese gendarmes set up an "autonomous" county council.\n'
        "\n"
        "Ending: Japanese troops take Xianghe\n"
    )
    last = run.to_json()["days"][-1]
    assert last["dusk_changes"] == [
        {"id": "pressure", "label": "Japanese pressure", "from": 76, "to": 96}
    ]
    assert last["actions"][-1] == {"id": "end", "label": "End the day"}
    assert "dusk_changes" not in run.to_json()["days"][0]  # that dusk's night went to day 2's dawn


EXPIRY = "    on_expiry: {pressure: 15}\n"
# outcome 1 sets one flag, outcome 2 another: the game's end says which was drawn
TWO_EXPIRY_OUTCOMES = "[{weight: 50, effects: {troops_sent: true}}, {weight: 50, effects: {magistrate_dismissed: true}}]"


@pytest.mark.parametrize("end", [None, "1935-10-25"])  # at a dawn; at the last dusk
def test_the_outcome_drawn_when_a_deadline_ran_out_is_named_after_it(end):
    # QA: a deadline's text-less expiry outcomes were never named, only their changes shown
    from game.engine.actions import parse_action_key
    from game.engine.api import new_game, step

    scenario = _xianghe_with(EXPIRY, f"{EXPIRY}    expiry_outcomes: {TWO_EXPIRY_OUTCOMES}\n")
    if end:
        scenario = _xianghe_with("end: 1935-10-28", f"end: {end}").model_copy(
            update={"demands": scenario.demands}
        )
    seen = set()
    for seed in range(10):
        run = play(scenario, seed, scripted([]))
        day = next(d for d in run.days if "no_troops" in d.expiry_drawn)
        drawn = day.expiry_drawn["no_troops"]
        assert (drawn.of, drawn.weight) == (2, "50")
        flag = "troops_sent" if drawn.number == 1 else "magistrate_dismissed"
        assert run.final.flags[flag]
        seen.add(drawn.number)
        assert (
            "  [demand_expired] Deadline passed: Send no troops\n"
            f"  = outcome {drawn.number} of 2 drawn (weight 50; it has no text)\n"
        ) in render_log(run)
        if end:
            assert day is run.days[-1] and run.final.date.isoformat() == end
        events = run.to_json()["days"][run.days.index(day)]["events"]
        expired = next(e for e in events if e["kind"] == "demand_expired")
        assert expired["outcome"] == {"index": drawn.number, "of": 2, "weight": "50"}
        # the probe took nothing from the game
        state, _ = new_game(scenario, seed)
        while not state.over:
            state, _ = step(scenario, state, parse_action_key("end"))
        assert state == run.final
    assert seen == {1, 2}


@pytest.mark.parametrize(
    ("outcomes", "told"),
    [
        ("[{weight: 0, effects: {order: 7}}, {weight: 2, effects: {order: -7}}]", None),
        (
            "[{weight: 0, effects: {order: 7}}, {weight: 0, effects: {order: -7}}]",
            "  = no outcome drawn (all 2 weights were 0 or less)\n",
        ),
    ],
)
def test_a_deadlines_outcome_that_came_for_certain_or_not_at_all(outcomes, told):
    scenario = _xianghe_with(EXPIRY, f"{EXPIRY}    expiry_outcomes: {outcomes}\n")
    run = play(scenario, 1, scripted([]))
    log = render_log(run)
    assert "  [demand_expired] Deadline passed: Send no troops\n" in log
    if told is None:
        assert "drawn" not in log
    else:
        assert f"  [demand_expired] Deadline passed: Send no troops\n{told}" in log


def test_a_flag_is_told_by_its_label_or_without_one_by_its_id(xianghe):
    # QA: stats and attitudes were told by their labels, flags by their ids
    run = play(xianghe.scenario, 3, scripted(["end", "no_troops:refuse"]))
    assert "; flag Troops sent to Xianghe\n" in render_log(run)
    scenario = _xianghe_with(
        "  troops_sent: {label: Troops sent to Xianghe}\n", "  troops_sent: {}\n"
    )
    assert "; flag troops_sent\n" in render_log(
        play(scenario, 3, scripted(["end", "no_troops:refuse"]))
    )


def test_a_stall_that_buys_time_shows_the_deadline_moving(mini):
    """An author's review: the log said only "[demand_answered] First demand: Stall", and the
    new deadline was nowhere."""
    run = play(mini.scenario, 1, scripted(["first:stall"]))
    log = render_log(run)
    assert (
        "= changed: Pressure 40 \u2192 45; deadline of 'First demand' 1935-06-02 \u2192 1935-06-03"
        in log
    )
    stall = run.to_json()["days"][0]["actions"][0]
    assert stall["changes"][-1] == {
        "id": "first",
        "label": "First demand",
        "from": "1935-06-02",
        "to": "1935-06-03",
        "deadline": True,
    }
    # answering for good changes no deadline: the demand is closed, not moved
    closed = play(mini.scenario, 1, scripted(["first:accept"])).to_json()["days"][0]["actions"][0]
    assert not any(change.get("deadline") for change in closed["changes"])
