"""Checks added after a QA pass as a scenario author, each on a copy of the mini scenario."""

from __future__ import annotations

import pytest

from tests.checker import at, found
from tests.conftest import MINI_TEXT, edited_mini


@pytest.mark.parametrize("ident", ["end", "end_day"])
def test_an_action_may_not_be_named_as_ending_the_day(ident):
    text = edited_mini(("  talk:\n", f"  {ident}:\n"))
    assert found(text) == [
        f"{at(text, f'  {ident}:', 2)}: error: '{ident}' is reserved: in a choices file and the "
        "replay it ends the day (give the action another id)"
    ]


OPENING = "    date: 1935-06-01\n    kind: telegram\n"


def test_a_dated_event_whose_day_condition_is_false_on_its_date():
    text = edited_mini((OPENING, OPENING + '    when: "day >= 3"\n'))
    assert found(text) == [
        f"{at(text, 'day >= 3')}: warning: event 'opening' is dated 1935-06-01 (day 1), when "
        "`day >= 3` does not hold: it never fires (with a `date`, `when` is tested on that day only)"
    ]


def test_a_dated_demand_whose_date_condition_is_false_on_its_date():
    edit = (
        "    date: 1935-06-01\n    deadline_days: 1\n",
        "    date: 1935-06-02\n    deadline_days: 1\n    when: \"date < '1935-06-02'\"\n",
    )
    text = edited_mini(edit)
    assert found(text) == [
        f"{at(text, 'date <')}: warning: demand 'first' is dated 1935-06-02 (day 2), when "
        "`date < '1935-06-02'` does not hold: it is never presented (with a `date`, `when` is "
        "tested on that day only)"
    ]


@pytest.mark.parametrize(
    "when", ["day <= 1", "days_left == 3", "pressure >= 70", "fired(alarm) == 0"]
)
def test_a_dated_condition_that_holds_or_reads_more_than_the_day(when):
    assert found(edited_mini((OPENING, OPENING + f'    when: "{when}"\n'))) == []


SPY = "    effects: {reveal: readiness, trigger: rumour}\n"


@pytest.mark.parametrize(
    ("effect", "target", "message"),
    [
        (
            "trigger: first",
            "first",
            "'first' is a demand, not an event (to present it, use issue: first)",
        ),
        (
            "issue: alarm",
            "alarm",
            "'alarm' is an event, not a demand (to fire it, use trigger: alarm)",
        ),
        (
            "goto: war",
            "war",
            "'war' is an ending, not a stage (to end the game with it, use end: war)",
        ),
        (
            "end: tense",
            "tense",
            "'tense' is a stage, not an ending (to move to it, use goto: tense)",
        ),
    ],
)
def test_an_effect_given_the_id_of_the_wrong_kind(effect, target, message):
    text = edited_mini((SPY, f"    effects: {{reveal: readiness, {effect}}}\n"))
    assert found(text) == [f"{at(text, effect, len(effect) - len(target))}: error: {message}"]


def test_an_effect_key_that_is_an_event():
    text = edited_mini((SPY, "    effects: {reveal: readiness, alarm: true}\n"))
    assert found(text) == [
        f"{at(text, 'alarm: true')}: error: 'alarm' is an event, not a stat, flag or effect "
        "(to fire it, use trigger: alarm)"
    ]


def test_a_sender_that_is_a_stat():
    text = edited_mini(
        ("    sender: envoy\n    text: The envoy", "    sender: trust\n    text: The envoy")
    )
    assert found(text) == [
        f"{at(text, 'sender: trust', 8)}: error: 'trust' is a stat, not an actor"
    ]


CALM_TO_TENSE = '      - {to: tense, when: "pressure >= 60"}\n'
TENSE_TO_CALM = '      - {to: calm, when: "pressure < 40", unless: "expired(ultimatum)"}\n'


def test_ping_pong_with_an_unconditional_way_back_is_a_warning():
    text = edited_mini((TENSE_TO_CALM, "      - to: calm\n"))
    assert found(text) == [
        f"{at(text, 'to: calm')}: warning: stages 'calm' and 'tense' lead only to each other, and "
        "'tense' leads back with no condition: while the way from 'calm' holds the escalation "
        "flips between them every dusk (give the transition from 'tense' a condition)"
    ]


def test_ping_pong_with_no_conditions_is_a_warning():
    text = edited_mini(
        (CALM_TO_TENSE, "      - {to: tense}\n"), (TENSE_TO_CALM, "      - {to: calm}\n")
    )
    assert found(text) == [
        f"{at(text, '{to: tense}')}: warning: stages 'calm' and 'tense' lead only to each other, with "
        "no condition: the escalation flips between them every dusk (give the transitions conditions)"
    ]


def test_different_conditions_both_ways_are_no_ping_pong():
    assert found(edited_mini((TENSE_TO_CALM, '      - {to: calm, when: "pressure < 40"}\n'))) == []


ALARM_WHEN = '    when: "pressure >= 70"\n    effects: {trust: -5}\n'


@pytest.mark.parametrize(("value", "counts"), [(150, 100), (-5, 0)])
def test_a_probability_outside_0_to_100(value, counts):
    text = edited_mini((ALARM_WHEN, ALARM_WHEN + f"    probability: {value}\n"))
    assert found(text) == [
        f"{at(text, f'probability: {value}', 13)}: warning: a probability of {value}% counts as "
        f"{counts}% (write a percent chance from 0 to 100)"
    ]


def test_epilogue_until_before_the_calendar_ends():
    text = edited_mini(("actions_per_day: 2}", "actions_per_day: 2, epilogue_until: 1935-05-01}"))
    assert found(text) == [
        f"{at(text, '1935-05-01')}: warning: epilogue_until 1935-05-01 is before the calendar's "
        "last day, 1935-06-04 (it is the date the epilogues reach, after the game)"
    ]


def test_no_actions_at_all():
    start = MINI_TEXT.index("actions:\n  talk:")
    text = MINI_TEXT[:start] + "actions: {}\n" + MINI_TEXT[MINI_TEXT.index("endings:") :]
    # (the stat only the actions changed is reported too)
    assert (
        f"{at(text, 'actions: {}')}: warning: there are no actions: the player can only answer "
        "demands and end each day (add at least one action)"
    ) in found(text)


def test_history_notes_may_fall_outside_the_calendar():
    # before: background in the debrief; after: aftermath
    text = edited_mini(
        (
            "  - {date: 1935-06-01, title: The note",
            "  - {date: 1935-05-01, title: Before, text: x, sources: [T1]}\n"
            "  - {date: 1935-12-01, title: After, text: x, sources: [T1]}\n"
            "  - {date: 1935-06-01, title: The note",
        )
    )
    assert found(text) == []


def test_two_rules_of_one_actor_may_not_share_an_id():
    # QA n55: both rules `id: pay` were accepted, though they share `once` and explore's record
    text = edited_mini(
        ("      - title: The envoy waits\n", "      - id: bluster\n        title: Wait\n")
    )
    assert found(text) == [
        "s.yaml:32:13: error: actor 'envoy' has two rules with the id 'bluster' (the first at "
        "line 27) (rules with one id share 'once' and what the game records of them: give each "
        "rule its own id)"
    ]


def test_a_rule_id_is_an_id():
    # a rule without an id is recorded by its place (`envoy.0`), so an id of digits would be
    # taken for another rule's place, and share its `once`
    text = edited_mini(
        ("      - title: The envoy waits\n", "      - id: '0'\n        title: Wait\n")
    )
    assert found(text) == [
        "s.yaml:32:14: error: rule id '0' must be lower case letters, digits and underscores,"
        " starting with a letter"
    ]


def test_rules_of_two_actors_may_share_an_id():
    # a rule is recorded as actor.id (engine/index.py rule_key), so each actor has its own ids
    second = (
        "  aide:\n    name: The Aide\n    side: china\n    rules:\n"
        "      - id: bluster\n        title: The aide blusters\n"
    )
    text = edited_mini(("actors:\n", "actors:\n" + second))
    assert found(text) == []


def test_an_invisible_character_in_an_id_is_named_where_it_is():
    # QA n44: "id 'police​' must be lower case…" printed the zero-width space unnamed
    text = edited_mini(("  talk:\n", "  talk\u200b:\n"))
    assert found(text) == [
        f"{at(text, 'talk', 4)}: error: U+200B (zero-width space) in the id 'talk' "
        "(delete it: it cannot be seen, and the game does not read it)"
    ]


def test_a_value_starting_with_a_hash_is_said_to_be_a_comment():
    # QA n22: `label: #1 keep him` was told "label is empty: write the text after the colon"
    text = edited_mini(("    title: Alarm\n", "    title: #1 alarm\n"))
    assert found(text) == [
        f"{at(text, '#1 alarm')}: error: events.alarm.title is empty: '#' after a space starts a "
        'comment, so YAML ignores the text (put the text in quotes: "#1 alarm")'
    ]


@pytest.mark.parametrize(
    ("edit", "declared", "ident"),
    [
        (("  conceded: {label: Conceded}\n", "  pass: {label: Passed}\n"), "  pass:", "pass"),
        (("  first:\n    title: First", "  raise:\n    title: First"), "  raise:", "raise"),
        (("  talk:\n", "  import:\n"), "  import:", "import"),
        (("  alarm:\n", "  class:\n"), "  class:", "class"),
    ],
)
def test_a_python_reserved_word_cannot_be_an_id_an_expression_could_name(edit, declared, ident):
    """Expressions are read with Python's grammar: `answered(raise)` cannot be written, so the
    id is refused where it is declared, not only where an expression fails to use it."""
    text = edited_mini(edit)
    assert (
        f"{at(text, declared, 2)}: error: '{ident}' is a reserved word and cannot be used as an "
        f"id (expressions could not name it; call it '{ident}_' or a longer name)"
    ) in found(text)


def test_a_reserved_word_may_name_a_place():
    """A place is never named in an expression."""
    text = edited_mini(("  capital: {name: Capital", "  pass: {name: Capital"))
    assert found(text) == []


def test_an_expression_naming_a_reserved_word_says_so():
    text = edited_mini(('when: "pressure >= 70"', 'when: "pressure >= 70 and not answered(raise)"'))
    assert (
        f"{at(text, 'raise')}: error: invalid expression: 'raise' is a reserved word (no id an expression names may be 'raise': if you declared one, rename it, e.g. to 'raise_', there and wherever it is used)"
        in found(text)
    )


def test_a_control_character_in_a_text_is_an_error():
    """`\\x1b` in double quotes would reach a terminal as a command (colours, clearing the screen)."""
    text = edited_mini(("text: The envoy complains.", 'text: "The envoy \\x1b[31mcomplains."'))
    assert found(text) == [
        f"{at(text, chr(34) + 'The envoy', 1)}: error: control character U+001B in this text (delete it: "
        "a text may hold line breaks and tabs, not commands to a terminal; a \\x1b or \\e in "
        "double quotes writes one)"
    ]


def test_revealing_a_stat_that_is_not_hidden_is_a_warning():
    text = edited_mini(("reveal: readiness", "reveal: [readiness, pressure]"))
    assert found(text) == [
        f"{at(text, 'pressure], trigger')}: warning: stat 'pressure' is not hidden: the player sees "
        "it from the start, so revealing it does nothing (mark the stat hidden: true, or drop the "
        "reveal)"
    ]


def test_outcomes_that_all_weigh_nothing_are_a_warning():
    text = edited_mini(
        ("{weight: 1, text: Quietly done.}", "{weight: 0, text: Quietly done.}"),
        ("{weight: 1, text: The envoy notices.", "{weight: 0, text: The envoy notices."),
    )
    assert found(text) == [
        f"{at(text, '- {weight: 0, text: Quietly')}: warning: every outcome weighs 0: none is ever "
        "drawn (give the outcome that should happen a positive weight)"
    ]


def test_a_fixed_deadline_on_a_demand_with_no_date_is_a_warning():
    text = edited_mini(
        (
            '    when: "day >= 3"\n    deadline_days: 1\n',
            '    when: "day >= 3"\n    deadline: 1935-06-03\n',
        )
    )
    assert found(text) == [
        f"{at(text, '1935-06-03')}: warning: demand 'ultimatum' is presented when a condition "
        "holds, on no fixed date, so it may come after its fixed deadline 1935-06-03 has run out "
        "(give it a date on or before the "
        "deadline, or count the deadline from the day it is presented with deadline_days)"
    ]


def test_a_fixed_deadline_on_a_demand_an_effect_presents_is_not_warned_about():
    """An event dated the 1st may present it: when it comes is the author's to say."""
    text = edited_mini(
        ('    when: "day >= 3"\n    deadline_days: 1\n', "    deadline: 1935-06-03\n"),
        (
            "    sources: [T1]\n  alarm:",
            "    sources: [T1]\n    effects: {issue: ultimatum}\n  alarm:",
        ),
    )
    assert found(text) == []


def test_an_unknown_name_like_nothing_declared_says_how_to_declare_it():
    text = edited_mini(('when: "pressure >= 70"', 'when: "rioting"'))
    assert found(text) == [
        f"{at(text, 'rioting')}: error: unknown name 'rioting' (declare 'rioting' under flags "
        "(true or false) or under stats or hidden (numbers), or check its spelling)"
    ]


def test_extending_an_ultimatum_says_what_to_do():
    text = edited_mini(
        (
            "    responses:\n      accept: {label: Accept, kind: accept, effects: {pressure: -20",
            "    responses:\n      wait: {label: Wait, kind: stall, closes: false, extend_days: 1}\n"
            "      accept: {label: Accept, kind: accept, effects: {pressure: -20",
        ),
    )
    assert found(text) == [
        f"{at(text, '1}')}: error: an ultimatum's deadline cannot be extended (remove "
        "extend_days, or drop ultimatum: true to let this answer buy time)"
    ]


@pytest.mark.parametrize(
    ("edit", "declared", "ident"),
    [
        (("  alarm:\n", "  and:\n"), "  and:", "and"),
        (("  calm:\n    label: Calm", "  if:\n    label: Calm"), "  if:", "if"),
        (("  spy:\n", "  true:\n"), "  true:", "true"),
    ],
)
def test_the_languages_own_words_cannot_be_the_id_of_an_event_stage_or_action(
    edit, declared, ident
):
    """`fired(and)` cannot be written either; each such id gets one error, at its declaration."""
    text = edited_mini(edit)
    errors = [line for line in found(text) if f"'{ident}' is a reserved word" in line]
    assert errors == [
        f"{at(text, declared, 2)}: error: '{ident}' is a reserved word and cannot be used as an "
        f"id (expressions could not name it; call it '{ident}_' or a longer name)"
    ]


@pytest.mark.parametrize(
    ("ident", "taken_by"),
    [
        ("day", "is a built-in name expressions read (the game's day)"),
        ("days_left", "is a built-in name expressions read (the game's days left)"),
        ("fired", "is a function expressions call (fired(...))"),
        ("goto", "is one of an effect's own keys"),
    ],
)
def test_a_name_the_game_keeps_says_what_it_is_and_what_to_write(ident, taken_by):
    # author's review: a stat named 'day' was only "a reserved word", where 'pass' said what to do
    text = edited_mini(("  conceded: {label: Conceded}\n", f"  {ident}: {{label: Conceded}}\n"))
    assert (
        f"{at(text, '  ' + ident + ':', 2)}: error: '{ident}' {taken_by} and cannot be used as an "
        f"id (call it '{ident}_' or a longer name)"
    ) in found(text)


def test_a_reserved_flag_name_is_reported_once():
    text = edited_mini(("  conceded: {label: Conceded}\n", "  not: {label: Conceded}\n"))
    assert len([line for line in found(text) if "'not' is a reserved word" in line]) == 1


def test_a_fixed_deadline_on_a_demand_an_effect_also_presents_is_not_warned_about():
    text = edited_mini(
        (
            '    when: "day >= 3"\n    deadline_days: 1\n',
            '    when: "day >= 3"\n    deadline: 1935-06-03\n',
        ),
        (
            "    sources: [T1]\n  alarm:",
            "    sources: [T1]\n    effects: {issue: ultimatum}\n  alarm:",
        ),
    )
    assert found(text) == []


def test_a_carriage_return_escape_in_a_text_is_an_error():
    """A terminal obeys it, writing the rest of the line over its start."""
    text = edited_mini(("text: The envoy complains.", 'text: "The envoy\\r complains."'))
    assert [line.split(": error: ")[1][:36] for line in found(text)] == [
        "control character U+000D in this tex"
    ]


def test_an_unknown_effect_key_like_nothing_declared_says_how_to_declare_it():
    text = edited_mini(("    effects: {trust: -5}\n", "    effects: {morale: -5}\n"))
    assert found(text) == [
        f"{at(text, 'morale')}: error: unknown stat, flag or effect 'morale' (declare 'morale' "
        "under stats (a number) or flags (true or false); an effect's own keys are end, goto, "
        "issue, message, reveal, trigger)"
    ]
