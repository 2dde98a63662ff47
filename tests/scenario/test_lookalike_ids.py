"""An id holding a look-alike character is shown as written, and an invisible one is not missed."""

from __future__ import annotations

from tests import checker
from tests.conftest import edited_mini

SOURCE = "  T1: {title: Test source, kind: primary}\n"
DELETE = "(delete it: it cannot be seen, and the game does not read it)"


def found(*edits: tuple[str, str]) -> list[str]:
    return checker.found(edited_mini(*edits))


def test_an_id_is_shown_with_its_lookalike_not_without_it():
    # review: 'a–b' was shown as 'ab', 'ｐressure' as 'ressure'
    stats = (
        "stats:\n  a\u2013b: {label: A, start: 1, higher_is: worse}\n"
        "  \uff50ressure: {label: B, start: 1, higher_is: worse}\n"
    )
    assert found(("stats:\n", stats)) == [
        "s.yaml:13:4: error: '\u2013' (U+2013 en dash) in the id 'a\u2013b' (an id is "
        "lower-case letters, digits and _: write '_' or leave it out)",
        "s.yaml:14:3: error: '\uff50' (U+FF50 fullwidth latin small letter p) in the id "
        "'\uff50ressure' (write 'p')",
    ]


def test_an_invisible_character_after_a_visible_lookalike_is_named_too():
    stats = "stats:\n  \uff50ress\u200bure: {label: B, start: 1, higher_is: worse}\n"
    assert found(("stats:\n", stats)) == [
        "s.yaml:13:3: error: '\uff50' (U+FF50 fullwidth latin small letter p) in the id "
        "'\uff50ressure' (write 'p')",
        f"s.yaml:13:8: error: U+200B (zero-width space) in the id '\uff50ressure' {DELETE}",
    ]


def test_a_zero_width_space_in_a_source_tag_after_a_dash_is_named():
    # review: a source tag may hold '–', and the check stopped there, missing the U+200B after it
    tag = "  T\u20132\u200b: {title: Other, kind: primary}\n"
    assert found((SOURCE, SOURCE + tag)) == [
        f"s.yaml:12:6: error: U+200B (zero-width space) in the id 'T\u20132' {DELETE}"
    ]


def test_a_source_tag_with_a_dash_is_allowed():
    assert found((SOURCE, SOURCE + "  T\u20132: {title: Other, kind: primary}\n")) == []


def test_a_lookalike_in_a_reference_is_named_not_suggested_as_itself():
    # author's review: `trigger: rumour` + U+200B said "unknown event 'rumour' (did you mean
    # 'rumour'?)", which on screen suggests the very name written
    assert found(
        (
            "effects: {reveal: readiness, trigger: rumour}",
            "effects: {reveal: readiness, trigger: rumour\u200b}",
        )
    ) == [
        f"s.yaml:115:43: error: U+200B (zero-width space) in the event 'rumour' {DELETE}",
    ]
    assert found(
        ("    issuer: envoy\n    text: Dismiss", "    issuer: env\u043ey\n    text: Dismiss")
    ) == [
        "s.yaml:69:13: error: '\u043e' (U+043E cyrillic small letter o) in the actor 'env\u043ey' (did you mean 'envoy'? An id is written in plain letters, digits and _)",
    ]


def test_a_reference_in_other_letters_is_unknown_with_the_ids_there_are():
    # code review: '使者' lost "unknown actor" and the list of actors, named by its first letter
    assert found(
        ("    issuer: envoy\n    text: Dismiss", "    issuer: \u4f7f\u8005\n    text: Dismiss")
    ) == ["s.yaml:69:13: error: unknown actor '\u4f7f\u8005' (known: envoy)"]
