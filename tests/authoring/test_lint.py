"""The meaning checks of game/scenario/lint.py, each on a copy of the mini scenario with one change."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.load import check_scenario_bytes

MINI = (Path(__file__).parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")


def diagnostics(*edits: tuple[str, str]) -> list[str]:
    text = MINI
    for old, new in edits:
        assert text.count(old) == 1, f"edit target not unique: {old!r}"
        text = text.replace(old, new)
    scenario, found = check_scenario_bytes(text.encode(), "s.yaml")
    assert scenario is not None, [str(d) for d in found]
    return [str(d) for d in found]


def line_of(fragment: str, edits: tuple[tuple[str, str], ...] = ()) -> int:
    text = MINI
    for old, new in edits:
        text = text.replace(old, new)
    return text[: text.index(fragment)].count("\n") + 1


def test_mini_is_clean():
    assert diagnostics() == []


def test_unreachable_ending_is_an_error():
    edits = (
        (
            '  standoff:\n    title: Stand-off\n    at_end_only: true\n    when: "not conceded"\n',
            "  standoff:\n    title: Stand-off\n",
        ),
    )
    found = diagnostics(*edits)
    line = line_of("  standoff:", edits)
    assert found == [
        f"s.yaml:{line}:3: error: ending 'standoff' can never be reached: it has no `when`, is not the default_ending, "
        "and no effect ends the game with it (add `when:`, or `end: standoff` to an effect)"
    ]


def test_ending_reached_only_by_an_effect_is_fine():
    # 'war' has no `when` but on_expiry and an outcome end the game with it
    assert not any("'war'" in d for d in diagnostics())


def test_stage_with_no_way_in_is_an_error():
    edits = (
        (
            '      - {to: tense, when: "pressure >= 60"}\n',
            '      - {to: tense, when: "pressure >= 60"}\n  limbo:\n    label: Limbo\n    transitions:\n      - {to: calm, when: "true"}\n',
        ),
    )
    found = diagnostics(*edits)
    line = line_of("  limbo:", edits)
    assert found == [
        f"s.yaml:{line}:3: error: stage 'limbo' can never be entered: it is not the initial_stage, no transition leads to it, "
        "and no effect has `goto: limbo` (add a transition or a `goto` to it, or remove it)"
    ]


def test_stage_reached_by_goto_has_a_way_in():
    edits = (
        (
            '      - {to: tense, when: "pressure >= 60"}\n',
            '      - {to: tense, when: "pressure >= 60"}\n  limbo:\n    label: Limbo\n    transitions:\n      - {to: calm, when: "true"}\n',
        ),
        ("    effects: {trust: -5}\n", "    effects: {trust: -5, goto: limbo}\n"),
    )
    assert diagnostics(*edits) == []


def test_stage_only_reachable_from_an_unreachable_stage():
    edits = (
        (
            '      - {to: tense, when: "pressure >= 60"}\n',
            '      - {to: tense, when: "pressure >= 60"}\n  limbo:\n    label: Limbo\n    transitions:\n      - {to: abyss, when: "true"}\n  abyss:\n    label: Abyss\n    transitions:\n      - {to: limbo, when: "pressure > 1"}\n',
        ),
    )
    found = diagnostics(*edits)
    assert len(found) == 2
    assert (
        "stage 'abyss' can never be entered: only stages that are themselves unreachable lead to it"
        in found[1]
        or "stage 'abyss' can never be entered: only stages that are themselves unreachable lead to it"
        in found[0]
    )


def test_dead_end_stage_is_a_warning():
    edits = (
        (
            '    transitions:\n      - {to: calm, when: "pressure < 40", unless: "expired(ultimatum)"}\n',
            "",
        ),
    )
    found = diagnostics(*edits)
    line = line_of("  tense:", edits)
    assert found == [
        f"s.yaml:{line}:3: warning: stage 'tense' has no way out and no ending names it: the game would wait there until "
        "the calendar ends (add a transition, `end:` in on_enter, or an ending with `when: in_stage(tense)`)"
    ]


def test_dead_end_stage_named_by_an_ending_is_fine():
    edits = (
        (
            '    transitions:\n      - {to: calm, when: "pressure < 40", unless: "expired(ultimatum)"}\n',
            "",
        ),
        ('    when: "not conceded"\n', '    when: "not conceded or in_stage(tense)"\n'),
    )
    assert diagnostics(*edits) == []


def test_ping_pong_stages_are_a_warning():
    edits = (
        (
            '      - {to: tense, when: "pressure >= 60"}\n',
            '      - {to: tense, when: "pressure>=60"}\n',
        ),
        (
            '      - {to: calm, when: "pressure < 40", unless: "expired(ultimatum)"}\n',
            '      - {to: calm, when: "(pressure >= 60)"}\n',
        ),
    )
    found = diagnostics(*edits)
    line = line_of("{to: tense, when:", edits)
    assert found == [
        f"s.yaml:{line}:28: warning: stages 'calm' and 'tense' lead only to each other on the same condition: while it "
        "holds the escalation flips between them every dusk (give one of the transitions a different condition)"
    ]


def test_stages_with_different_conditions_do_not_ping_pong():
    # mini's calm/tense pair has different conditions: already covered by test_mini_is_clean;
    # here only the `unless` differs, which is enough to stop the warning
    edits = (
        (
            '      - {to: tense, when: "pressure >= 60"}\n',
            '      - {to: tense, when: "pressure >= 60", unless: "day > 3"}\n',
        ),
        (
            '      - {to: calm, when: "pressure < 40", unless: "expired(ultimatum)"}\n',
            '      - {to: calm, when: "pressure >= 60"}\n',
        ),
    )
    assert diagnostics(*edits) == []


def test_stat_nothing_changes_is_a_warning():
    edits = (
        (
            "  trust: {label: Trust, start: 50, higher_is: better}\n",
            "  trust: {label: Trust, start: 50, higher_is: better}\n  morale: {label: Morale, start: 50}\n",
        ),
    )
    found = diagnostics(*edits)
    line = line_of("  morale:", edits)
    assert found == [
        f"s.yaml:{line}:3: warning: stat 'morale' never changes: no effect adds to it or sets it (use a flag or a constant, or add effects that change it)"
    ]


UNREVEALED = (
    "    effects: {reveal: readiness, trigger: rumour}\n",
    "    effects: {trigger: rumour}\n",
)


def test_hidden_stat_nothing_reads_or_reveals_is_a_warning():
    line = line_of("  readiness:")
    assert diagnostics(UNREVEALED) == [
        f"s.yaml:{line}:3: warning: stat 'readiness' is hidden, and nothing reads or reveals it: "
        "nothing depends on it, and the player sees it only in the debrief (read it in a "
        "condition, reveal it with `reveal: readiness`, or remove it; or, if it is a count kept "
        "for the debrief, say so with `tally: true`)"
    ]


def test_a_tally_for_the_debrief_says_so_and_is_not_warned_of():
    # known and left until now: a hidden stat kept only for the debrief's "What was hidden"
    # could not silence the warning
    tally = (
        "  readiness: {label: Readiness, start: 20, hidden: true}\n",
        "  readiness: {label: Readiness, start: 20, hidden: true, tally: true}\n",
    )
    assert diagnostics(UNREVEALED, tally) == []


def test_hidden_stat_nothing_reads_or_changes_is_one_warning():
    edits = (
        UNREVEALED,
        ("    effects: {readiness: 10, pressure: 5}\n", "    effects: {pressure: 5}\n"),
    )
    found = diagnostics(*edits)
    assert len(found) == 1 and "nothing reads or reveals it" in found[0], found


@pytest.mark.parametrize(
    "edit",
    [
        ('    when: "pressure >= 70"\n', '    when: "pressure >= 70 or readiness > 50"\n'),
        ("    effects: {trust: -5}\n", '    effects: {trust: "-readiness // 10"}\n'),
    ],
)
def test_hidden_stat_read_but_not_revealed_is_fine(edit):
    assert diagnostics(UNREVEALED, edit) == []


def test_a_stat_the_player_sees_may_be_read_by_nothing():
    # mini's trust is read by no condition: the player watches it, which is use enough
    assert diagnostics() == []


def test_flag_read_but_never_set_is_a_warning():
    edits = (
        (
            "  conceded: {label: Conceded}\n",
            "  conceded: {label: Conceded}\n  leaked: {label: Leaked}\n",
        ),
        ('    when: "pressure >= 70"\n', '    when: "pressure >= 70 or leaked"\n'),
    )
    found = diagnostics(*edits)
    line = line_of("  leaked:", edits)
    read = line_of('    when: "pressure >= 70 or leaked"', edits)
    assert found == [
        f"s.yaml:{line}:3: warning: flag 'leaked' is read (line {read}) but no effect ever sets it, and it starts false: "
        "it is always false (set it in an effect (`leaked: true`), or give it `start: true`)"
    ]


def test_flag_read_only_by_the_weight_of_an_expiry_outcome_is_read():
    edits = (
        (
            "  conceded: {label: Conceded}\n",
            "  conceded: {label: Conceded}\n  leaked: {label: Leaked}\n",
        ),
        (
            "    on_expiry: {pressure: 15}\n",
            "    on_expiry: {pressure: 15}\n    expiry_outcomes:\n"
            '      - {weight: "5 if leaked else 1", effects: {pressure: 5}}\n      - {weight: 1}\n',
        ),
    )
    found = diagnostics(*edits)
    line = line_of("  leaked:", edits)
    read = line_of('      - {weight: "5 if leaked else 1"', edits)
    assert found == [
        f"s.yaml:{line}:3: warning: flag 'leaked' is read (line {read}) but no effect ever sets it, and it starts false: "
        "it is always false (set it in an effect (`leaked: true`), or give it `start: true`)"
    ]


@pytest.mark.parametrize("start", ["", ", start: true"])
def test_flag_never_set_or_read_is_a_warning(start):
    edits = (
        (
            "  conceded: {label: Conceded}\n",
            f"  conceded: {{label: Conceded}}\n  leaked: {{label: Leaked{start}}}\n",
        ),
    )
    line = line_of("  leaked:", edits)
    assert diagnostics(*edits) == [
        f"s.yaml:{line}:3: warning: flag 'leaked' is never set or read (remove it, or use it)"
    ]


def test_flag_set_but_never_read_is_fine():
    # the debrief tells what came true, in the flag's words
    edits = (
        (
            "  conceded: {label: Conceded}\n",
            "  conceded: {label: Conceded}\n  leaked: {label: Leaked}\n",
        ),
        ("    effects: {trust: -5}\n", "    effects: {trust: -5, leaked: true}\n"),
    )
    assert diagnostics(*edits) == []


def test_flag_that_starts_true_and_is_read_is_fine():
    assert (
        diagnostics(
            (
                "  conceded: {label: Conceded}\n",
                "  conceded: {label: Conceded}\n  leaked: {label: Leaked, start: true}\n",
            ),
            ('    when: "pressure >= 70"\n', '    when: "pressure >= 70 or leaked"\n'),
        )
        == []
    )


def test_action_costing_more_than_a_day_is_an_error():
    edits = (("    cost: 2\n", "    cost: 3\n"),)
    found = diagnostics(*edits)
    line = line_of("    cost: 3", edits)
    assert found == [
        f"s.yaml:{line}:11: error: action 'prepare' costs 3 but the player has only 2 action point(s) a day: it can never be taken "
        "(lower the cost or raise calendar.actions_per_day)"
    ]


def test_response_costing_more_than_a_day_is_an_error():
    found = diagnostics(
        (
            "refuse: {label: Refuse, kind: refuse, effects: {pressure: 20, trust: 5}}",
            "refuse: {label: Refuse, kind: refuse, cost: 5, effects: {pressure: 20, trust: 5}}",
        )
    )
    assert len(found) == 1 and "response 'refuse' costs 5" in found[0] and ": error: " in found[0]


def test_lint_errors_stop_loading():
    from game.scenario.load import load_scenario_bytes
    from game.scenario.source import ScenarioError

    with pytest.raises(ScenarioError):
        load_scenario_bytes(MINI.replace("    cost: 2\n", "    cost: 3\n").encode(), "s.yaml")


def test_lint_is_skipped_when_validation_found_errors():
    # an unknown stage in a transition is validate's error; lint must not add its own noise on top
    found = diagnostics(
        (
            '      - {to: tense, when: "pressure >= 60"}\n',
            '      - {to: tens, when: "pressure >= 60"}\n',
        )
    )
    assert len(found) == 1 and "unknown stage 'tens'" in found[0]


def test_a_teachers_inject_counts_as_a_way_to_an_ending_and_a_change():
    edits = (
        (
            '  standoff:\n    title: Stand-off\n    at_end_only: true\n    when: "not conceded"\n',
            "  standoff:\n    title: Stand-off\n",
        ),
        (
            "  trust: {label: Trust, start: 50, higher_is: better}\n",
            "  trust: {label: Trust, start: 50, higher_is: better}\n  morale: {label: Morale, start: 50}\n",
        ),
    )
    assert len(diagnostics(*edits)) == 2  # the unreachable ending and the constant stat
    inject = "injects:\n  truce:\n    title: A truce\n    text: Both sides stand down.\n    effects: {morale: 5, end: standoff}\n"
    assert diagnostics(*edits, ("injects:\n", inject)) == []
