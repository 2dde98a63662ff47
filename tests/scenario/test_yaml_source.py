"""The safe YAML reader: positions, and refusal of what PyYAML would silently accept."""

from __future__ import annotations

import datetime as dt

import pytest

from game.scenario.yaml_source import decode, quoted, read_yaml


def problems(text: str) -> list[str]:
    document, found = read_yaml(text, "f.yaml")
    return [str(d) for d in found]


def test_values_and_positions():
    document, found = read_yaml(
        'a: 1\nb: [1.5, {c: "q"}]\nd: 1935-05-29\ne: ~\nf: true\n', "f.yaml"
    )
    assert not found
    assert document.data == {
        "a": 1,
        "b": [1.5, {"c": "q"}],
        "d": dt.date(1935, 5, 29),
        "e": None,
        "f": True,
    }
    assert str(document.spans[("b", 1, "c")]) == "f.yaml:2:15"  # inside the quote
    assert str(document.key_spans[("b", 1, "c")]) == "f.yaml:2:11"
    assert str(document.span(("b", 1, "missing"))) == "f.yaml:2:10"  # falls back to the parent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: no\n", "f.yaml:1:4: error: 'no' is ambiguous: YAML 1.1 reads it as a boolean"),
        ("a: On\n", "f.yaml:1:4: error: 'On' is ambiguous"),
        (
            "a: 1:30\n",
            "f.yaml:1:4: error: '1:30' is ambiguous: YAML 1.1 reads it as a base-60 number",
        ),
        ("a: 010\n", "f.yaml:1:4: error: '010' is ambiguous: YAML 1.1 reads a leading 0 as octal"),
        ("a: 1935-02-30\n", "f.yaml:1:4: error: '1935-02-30' is not a real date"),
        ("a: 1\nb: 2\na: 3\n", "f.yaml:3:1: error: duplicate key 'a' (first at line 1)"),
        ("a: &x [1]\nb: *x\n", "f.yaml:1:4: error: YAML anchors (&x) are not allowed"),
        (
            "a: !!python/object:os.system x\n",
            "f.yaml:1:4: error: YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed",
        ),
        ("a: 1\n---\nb: 2\n", "f.yaml:2:1: error: a scenario file holds one YAML document"),
        ("a:\n\t- 1\n", "YAML indents with spaces, never tabs"),
        ("a: [1\n", "f.yaml:2:1: error: YAML syntax error"),
    ],
)
def test_refusals(text: str, expected: str):
    found = problems(text)
    assert any(expected in line for line in found), found


def test_quoted_quirks_are_plain_text():
    document, found = read_yaml('a: "no"\nb: "1:30"\nc: \'010\'\n', "f.yaml")
    assert not found
    assert document.data == {"a": "no", "b": "1:30", "c": "010"}


def test_all_problems_reported_together():
    found = problems("a: no\nb: 1:30\nc: off\n")
    assert [line.split(":")[1] for line in found] == ["1", "2", "3"]


def test_alias_bomb_refused_without_expansion():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    found = problems(bomb)
    assert len(found) == 1 and "anchors" in found[0]


def test_depth_limit():
    deep = "a: " + "[" * 100 + "]" * 100 + "\n"
    assert any("nesting deeper than" in line for line in problems(deep))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a: 1\nb: \xff\n", "f.yaml:2:4: error: file is not UTF-8 text (byte 0xff)"),
        (b"a: 1\x00\n", "f.yaml:1:5: error: file contains a NUL byte"),
        (b"a" * 2_000_001, "file is over 2,000,000 bytes, the most a scenario may be"),
    ],
)
def test_decode_refusals(raw: bytes, expected: str):
    text, found = decode(raw, "f.yaml")
    assert text is None
    assert expected in str(found[0])


WIDE = "f.yaml:1:1: error: file is saved as {}, not UTF-8 (save it as UTF-8; in Notepad: Save As, Encoding: UTF-8)"


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-16", "UTF-16"),  # Notepad's "Unicode": a byte-order mark, then two bytes a character
        ("utf-16-le", "UTF-16"),  # without the mark, told by the NUL byte beside each letter
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_a_file_saved_as_utf16_or_utf32_is_named(encoding: str, name: str):
    # QA w05: a UTF-16 file was called "a NUL byte; is it a binary file?" at 1:4
    text, found = decode("title: 冀察\nstats: {}\n".encode(encoding), "f.yaml")
    assert text is None
    assert [str(d) for d in found] == [WIDE.format(name)]


@pytest.mark.parametrize("text", ["#1 keep him", '#1 "keep" him', '#1 "keep" him\'s', "[Draft] x"])
def test_a_value_put_in_quotes_for_a_hint_reads_back_as_itself(text):
    # one helper for the YAML errors' hints and load's (`label: #1 keep him`); it was written twice
    written = quoted(text)
    assert written[0] == ('"' if '"' not in text else "'")
    assert read_yaml(f"v: {written}\n", "f.yaml")[0].data == {"v": text}
