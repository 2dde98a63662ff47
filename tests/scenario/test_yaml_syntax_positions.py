"""A YAML syntax error is reported where the mistake was written, not lines later (QA)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.load import check_scenario_bytes
from game.scenario.yaml_source import read_yaml

MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(
    encoding="utf-8"
)


def diagnostics(old: str, new: str, text: str = MINI) -> list[str]:
    assert old in text, old
    _, found = check_scenario_bytes(text.replace(old, new, 1).encode("utf-8"), "s.yaml")
    return [str(d) for d in found]


def test_an_unclosed_quote_is_reported_where_it_opens():
    assert diagnostics('    when: "pressure >= 70"\n', '    when: "pressure >= 70\n') == [
        's.yaml:56:11: error: YAML syntax error: the quote (") opened here is never closed '
        '(end the text with " on this line; YAML read on to line 63 looking for it)'
    ]


def test_a_quote_never_closed_to_the_end_of_the_file():
    text = MINI + 'extra: "never closed\n'
    assert diagnostics("extra:", "extra:", text)[-1].startswith(
        's.yaml:145:8: error: YAML syntax error: the quote (") opened here is never closed '
        '(end the text with " on this line; YAML read on to the end of the file'
    )


def test_a_text_over_two_lines_in_quotes_is_not_blamed_for_a_later_mistake():
    found = diagnostics(
        "    text: The envoy complains.\n",
        '    text: "The envoy\n      complains."\n',
    ) + diagnostics("    title: Alarm\n", "    title: Alarm\n   oops: 1\n")
    assert not any("quote" in line for line in found), found


def test_a_key_indented_less_than_its_neighbours_is_pointed_at():
    # QA: `  cost: 2` among keys indented by 4 was reported on the next line
    assert diagnostics("    kind: telegram\n", "  kind: telegram\n") == [
        "s.yaml:50:3: error: YAML syntax error: 'kind:' is indented less than the lines above "
        "and below it (2 spaces, not 4) (indent it by 4 spaces if it belongs with them; if not, "
        "line 51 is indented too far)"
    ]


def test_a_key_written_at_the_first_column_among_indented_keys():
    # QA: an ending's `when:` at column 1 was reported at the next line, column 5
    assert diagnostics('    when: "pressure >= 70"\n', 'when: "pressure >= 70"\n') == [
        "s.yaml:56:1: error: YAML syntax error: 'when:' is indented less than the lines above "
        "and below it (0 spaces, not 4) (indent it by 4 spaces if it belongs with them; if not, "
        "line 57 is indented too far)"
    ]


def test_a_quotation_mark_in_block_text_is_not_blamed_for_a_later_mistake():
    # review: prose after `text: |` opening a quotation was reported as a quote never closed
    text = (
        "events:\n  e:\n    text: |\n"
        '      "Open the gates," he said. And then:\n      "We shall not yield\n'
        "    title: Ok\n  f:\n    title: x\n   bad: 1\n"
    )
    found = diagnostics("", "", text)
    assert len(found) == 1 and found[0].startswith("s.yaml:9:4: error: YAML syntax error: "), found
    assert "quote" not in found[0]


def test_a_quote_never_closed_inside_brackets_is_reported_where_it_opens():
    assert diagnostics("    sources: [T1]\n  alarm", '    sources: ["T1]\n  alarm') == [
        's.yaml:53:15: error: YAML syntax error: the quote (") opened here is never closed '
        '(end the text with " on this line; YAML read on to line 56 looking for it)'
    ]
    # to the end of the file: YAML itself says where the quoted text it was reading began
    text = MINI + 'extra: [one, "never closed]\n'
    assert diagnostics("extra:", "extra:", text) == [
        's.yaml:145:14: error: YAML syntax error: the quote (") opened here is never closed '
        '(end the text with " on this line; YAML read on to the end of the file looking for it)'
    ]


@pytest.mark.parametrize("prose", ["The envoy complains.", "Note: the envoy complains."])
def test_a_key_below_block_text_is_not_called_dedented(prose):
    # review: `sources:` after the 6-space text of `text: |` was said to be indented too little,
    # when the line below it is the one indented too far (text like a key is text all the same)
    found = diagnostics(
        "    text: The envoy complains.\n    sources: [T1]\n",
        f'    text: |\n      {prose}\n    sources: [T1]\n      when: "day > 1"\n',
    )
    assert len(found) == 1 and found[0].startswith("s.yaml:55:7: error: YAML syntax error: ")
    assert "indented less" not in found[0], found


def test_a_key_in_its_place_is_not_blamed_for_a_bracketed_value_on_the_line_below():
    # QA n23: `title: [Draft] Refugees` blamed the correctly indented event key above it
    assert diagnostics("    title: Alarm\n", "    title: [Draft] Alarm raised\n") == [
        "s.yaml:55:20: error: YAML syntax error: a value starting with '[' is read as a list, "
        "and text follows its ']' (put the text in quotes: \"[Draft] Alarm raised\")"
    ]


def test_text_after_a_value_in_quotes_is_pointed_at_the_closing_quote():
    # QA n61: `label: "Keep" him` blamed the correctly indented response key above it
    assert diagnostics("    title: Alarm\n", '    title: "Alarm" raised\n') == [
        "s.yaml:55:18: error: YAML syntax error: text after a value in quotes "
        "(put the whole value in quotes ('\"Alarm\" raised'), or leave the quotes out "
        "(Alarm raised))"
    ]


def test_a_quote_inside_a_quoted_text_is_said_to_end_it():
    # QA n21: `text: "… will be "regarded" as …"` was given indentation advice
    assert diagnostics(
        "    text: The envoy complains.\n", '    text: "The envoy "complains" today."\n'
    ) == [
        's.yaml:52:22: error: YAML syntax error: this " ends the quoted text (a " inside a text '
        "in \" quotes ends it) (put ' quotes outside ('The envoy \"complains\" today.'), or "
        'write each " inside the text as \\")'
    ]


def test_a_no_break_space_in_the_indentation_is_named_on_its_own_line():
    # QA n39: reported a line late, as "mapping values are not allowed", the character unnamed
    assert diagnostics("    kind: telegram\n", "\u00a0 \u00a0kind: telegram\n") == [
        "s.yaml:50:1: error: YAML syntax error: U+00A0 (no-break space) in the indentation "
        "(indent with ordinary spaces)"
    ]


def test_a_full_width_colon_after_a_key_is_named_on_its_own_line():
    # QA n42: `title： x` was reported on the line below
    assert diagnostics("    title: Alarm\n", "    title\uff1a Alarm\n") == [
        "s.yaml:55:10: error: YAML syntax error: '\uff1a' (U+FF1A fullwidth colon) where YAML "
        "expects ':' (write ':')"
    ]


def test_a_no_break_space_right_after_a_colon_is_named_on_its_own_line():
    # author's review: `cost:` and U+00A0 was "could not find expected ':'" on the line below
    assert diagnostics("    title: Alarm\n", "    title:\u00a0Alarm\n") == [
        "s.yaml:55:11: error: YAML syntax error: U+00A0 (no-break space) after ':', where YAML "
        "expects a space (write an ordinary space)"
    ]


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        # QA n20: raw "did not find expected comment or line break (while scanning a block scalar)"
        (
            "    when: >= 70\n",
            "s.yaml:56:11: error: YAML syntax error: a value starting with '>' begins a block of "
            'text on the lines below (put the value in quotes: ">= 70")',
        ),
        # QA n24: raw "found character that cannot start any token"
        (
            "    when: @dawn\n",
            "s.yaml:56:11: error: YAML syntax error: a value cannot start with '@' "
            '(put the value in quotes: "@dawn")',
        ),
    ],
)
def test_a_character_yaml_reads_at_the_start_of_a_value_is_named(new, expected):
    assert diagnostics('    when: "pressure >= 70"\n', new) == [expected]


def test_text_after_a_document_end_marker():
    # QA n56: raw "did not find expected <document start>" on the line after the '...'
    assert diagnostics("intel:\n", "...\nintel:\n") == [
        "s.yaml:58:1: error: YAML syntax error: '...' ends the YAML document, and more follows "
        "it (delete the '...' line)"
    ]


def test_text_after_a_block_indicator_with_the_block_below():
    # QA n15: `briefing: >- see below` over an indented block; quoting '>- see below' would be
    # wrong advice there, as the block below is the text
    assert diagnostics(
        "    text: The envoy complains.\n", "    text: >- see below\n      The envoy complains.\n"
    ) == [
        "s.yaml:52:14: error: YAML syntax error: text after '>-' on its line; a block of text "
        "starts on the line below (move 'see below' to the lines below, or delete it)"
    ]


BRACKETS = (
    "YAML syntax error: a value starting with '[' is read as a list, and text follows its ']' "
    '(put the text in quotes: "[Draft] x")'
)


@pytest.mark.parametrize(
    ("above", "line"),
    [
        # review: the usual Chinese paragraph indent in a block of text was blamed
        ("    text: |\n      \u3000\u3000何应钦答复。\n", 5),
        # review: a full-width colon after a speaker, in a block of text and in a list item
        ("    text: |\n      何应钦\uff1a同意\n", 5),
        ("    text: 何应钦\uff1a同意\n", 4),
        ("    lines:\n      - 梅津\uff1a撤军\n", 5),
        # review: an emoji family joined by U+200D in prose
        ("    text: 家庭\U0001f468\u200d\U0001f469\u200d\U0001f467 团聚\n", 4),
        ("    text: 何应钦\n      \u3000同意\uff1a是\n", 5),
    ],
)
def test_lookalikes_in_text_yaml_has_read_are_not_blamed_for_the_next_line(above, line):
    text = "events:\n  a:\n" + above + "    title: [Draft] x\n"
    _, found = read_yaml(text, "s.yaml")
    assert [str(d) for d in found] == [f"s.yaml:{line}:20: error: {BRACKETS}"]


def test_a_full_width_colon_after_a_list_items_key_is_still_named():
    _, found = read_yaml("history:\n  - title\uff1a x\n    when: y\n", "s.yaml")
    assert [str(d) for d in found] == [
        "s.yaml:2:10: error: YAML syntax error: '\uff1a' (U+FF1A fullwidth colon) where YAML "
        "expects ':' (write ':')"
    ]


def test_a_zero_width_space_after_a_keys_colon_is_still_named():
    assert diagnostics("    title: Alarm\n", "    title:\u200b Alarm\n") == [
        "s.yaml:55:11: error: YAML syntax error: U+200B (zero-width space) on this line "
        "(delete it: it cannot be seen, and the game does not read it)"
    ]


def test_a_raw_control_byte_is_reported_at_its_line_and_column():
    """Author test: a bell byte at line 45 was reported at 1:1 as "position 1590" of
    "<unicode string>", in the parser's words."""
    from game.scenario.load import check_scenario_bytes

    raw = b'format: 1\nid: x\ntitle: "a\x07b"\n'
    _, found = check_scenario_bytes(raw, "bell.yaml")
    assert [str(d) for d in found] == [
        "bell.yaml:3:10: error: control character U+0007 in the file (delete it: a text may hold"
        " line breaks and tabs, not commands to a terminal; a \\x1b or \\e in double quotes"
        " writes one)"
    ]
