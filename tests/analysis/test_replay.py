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
        {"id": "talk", "label": "Talk to the envoy"},
        {"id": "end", "label": "End the day"},
    ]
    log = render_log(run)
    assert log.count("> First demand: Accept") == 1
    assert "  ! Rejected: First demand: Accept\n      'First demand' is no longer open.\n" in log


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
