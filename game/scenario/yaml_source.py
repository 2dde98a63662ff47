"""Safe YAML reading: plain data plus the line and column of every node.

Scenario files are untrusted, so we build the data ourselves from the parser's event stream instead
of letting PyYAML construct it. That lets us refuse what PyYAML would silently accept:

* anchors and aliases (a "billion laughs" file is tiny on disk and enormous once walked);
* duplicate keys (PyYAML keeps the last one without a word);
* YAML 1.1 surprises: ``no``/``on`` read as booleans, ``1:30`` read as 90, ``010`` read as 8;
* explicit tags, which would reach PyYAML's constructors;
* files too large, too deep or with too many nodes, and bytes that are not UTF-8 text.

Every refusal is a :class:`Diagnostic` with the file, line and column.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.scenario import lookalike
from game.scenario.source import Diagnostic, SourceSpan

try:  # the C parser is much faster; the pure-Python one reads the same documents
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_NODES = 250_000
MAX_ENTRIES = 10_000  # in one mapping or list: far beyond any real scenario

Path = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)")
_LEADING_ZERO_INT = re.compile(r"[-+]?0[0-9_]+")
_FLOAT = re.compile(
    r"[-+]?([0-9][0-9_]*)?\.[0-9_]+([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_YAML11_BOOLS = {"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"}
_ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str"}


@dataclass
class YamlDocument:
    """The data of one YAML file and where each part of it was written."""

    file: str
    data: Any
    spans: dict[Path, SourceSpan] = field(default_factory=dict)
    key_spans: dict[Path, SourceSpan] = field(default_factory=dict)
    # Scalars written over several lines: (first line, last line, style), lines counted from 1.
    extents: dict[Path, tuple[int, int, str]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    # Scalars made text by an explicit tag (`!!str 2`), and the tag as it was written.
    tags: dict[Path, str] = field(default_factory=dict)
    # Where each unquoted value that is not empty ends: (line, column), both counted from 0.
    plain_ends: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path, line: int, col: int) -> SourceSpan:
        """Where character `col` (0-based) of line `line` (1-based) of a scalar's value was written.

        A one-line scalar is simple. A folded (`>`) or multi-line plain or quoted scalar reaches the
        program as one line, each line break folded to a space; walk the source lines to undo that.
        A literal (`|`) scalar keeps its line breaks, so its lines map one to one.
        """
        start = self.span(path)
        extent = self.extents.get(tuple(path))
        if extent is None:
            if line == 1:
                return SourceSpan(start.file, start.line, start.col + col)
            return SourceSpan(start.file, start.line + line - 1, col + 1)
        first, last, style = extent
        if style in ("|", ">"):
            segments = [
                (n, _indent(self.lines[n - 1]))
                for n in range(first + 1, last + 1)
                if self._line(n).strip()
            ]
        else:
            segments = [(first, start.col - 1)] + [
                (n, _indent(self._line(n)))
                for n in range(first + 1, last + 1)
                if self._line(n).strip()
            ]
        if style == "|":
            n, indent = segments[min(line, len(segments)) - 1] if segments else (first, 0)
            return SourceSpan(start.file, n, indent + col + 1)
        remaining = col
        for n, begin in segments:
            length = len(self._line(n).rstrip()) - begin
            if remaining <= length:
                return SourceSpan(start.file, n, begin + remaining + 1)
            remaining -= length + 1  # the space the line break was folded into
        return SourceSpan(start.file, start.line, start.col + col)

    def _line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def span(self, path: Path, *, key: bool = False) -> SourceSpan:
        """The position of `path`, or of its nearest enclosing node that has one."""
        table = self.key_spans if key else self.spans
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if key and probe in self.spans:
                return self.spans[probe]
            probe = probe[:-1]
        return self.spans.get((), SourceSpan(self.file, 1, 1))


def value_at(data: Any, path: Path) -> Any:
    """The value at `path` in the data read from a file, or None if there is none."""
    for part in path:
        in_mapping = isinstance(data, dict) and part in data
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if not (in_mapping or in_list):
            return None
        data = data[part]
    return data


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class _Abort(Exception):
    """Stops reading at the first problem that makes the rest of the file meaningless."""

    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic


def read_limited(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, at most `limit` + 1 of them: one more than any file the game accepts, so
    that the check of its size refuses it, while /dev/zero or a file of a gigabyte is never read
    into memory whole (robustness review: `validate /dev/zero` grew to 4 GB). Raises OSError."""
    with open(path, "rb") as handle:
        return handle.read(limit + 1)


def decode(raw: bytes, file: str, kind: str = "scenario") -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text, refusing what no author means to write; `kind`: what the file is, for the
    messages ("scenario", "choices file")."""
    if len(raw) > MAX_BYTES:
        return None, [
            Diagnostic(
                SourceSpan(file, 1, 1),
                # the readers stop one byte past the limit, so the size is not known here
                f"file is over {MAX_BYTES:,} bytes, the most a {kind} may be",
            )
        ]
    wide = _wide_encoding(raw)
    if wide is not None:
        return None, [
            Diagnostic(
                SourceSpan(file, 1, 1),
                f"file is saved as {wide}, not UTF-8",
                hint="save it as UTF-8; in Notepad: Save As, Encoding: UTF-8",
            )
        ]
    nul = raw.find(b"\x00")
    if nul >= 0:
        return None, [
            Diagnostic(
                _offset_span(raw, nul, file), "file contains a NUL byte; is it a binary file?"
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [
            Diagnostic(
                _offset_span(raw, exc.start, file),
                f"file is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                hint="save the file as UTF-8",
            )
        ]
    return text, []


def _wide_encoding(raw: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" if the bytes are text in one of them (Notepad's "Unicode"), by its
    byte-order mark or, without one, by the NUL bytes that pad each character of plain text."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[: len(raw[:400]) // 4 * 4]
    if not head or b"\x00" not in head:
        return None
    for size, name in ((4, "UTF-32"), (2, "UTF-16")):
        for place in range(size):  # where each character's own byte is: little- or big-endian
            own = head[place::size]
            padding = bytes(b for i, b in enumerate(head) if i % size != place)
            if own.count(0) * 10 <= len(own) and padding.count(0) * 10 >= len(padding) * 9:
                return name
    return None


def _offset_span(raw: bytes, offset: int, file: str) -> SourceSpan:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return SourceSpan(file, line, col)


def read_yaml(
    text: str, file: str, kind: str = "scenario"
) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Parse YAML text into plain data with positions; never raises for bad input. `kind`: what
    the file is, for the messages ("scenario", "choices file": robustness review, a choices file
    was told what is "not allowed in scenarios").

    The document is None when it could not be read whole. A document with problems may still be
    returned, when each problem is a value kept as its text (an impossible date, an ambiguous
    `yes` or `010`): the caller must check the problems as well as the document.
    """
    builder = _Builder(file, kind)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except _Abort as stop:
        return None, [*builder.diagnostics, stop.diagnostic]
    except yaml.MarkedYAMLError as exc:
        return None, [*builder.diagnostics, _syntax_diagnostic(exc, file, text)]
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, counted from the start
        return None, [*builder.diagnostics, _reader_diagnostic(exc, file, text)]
    except yaml.YAMLError as exc:  # errors without a position
        return None, [
            *builder.diagnostics,
            Diagnostic(SourceSpan(file, 1, 1), f"YAML error: {exc}"),
        ]
    if len(builder.diagnostics) > builder.kept_values:
        return None, builder.diagnostics
    # Only values kept as text were wrong: the document is returned with its problems, so that a
    # caller can go on checking it and report everything at once.
    return builder.document(text), builder.diagnostics


CONTROL_HINT = (
    "delete it: a text may hold line breaks and tabs, not commands to a terminal; "
    "a \\x1b or \\e in double quotes writes one"
)


def _reader_diagnostic(exc: yaml.reader.ReaderError, file: str, text: str) -> Diagnostic:
    """A character the YAML reader refuses (a raw control byte), at its line and column: the
    reader gives only its offset in the whole text (author test: a bell at line 45 was reported
    at 1:1, as "position 1590" of "<unicode string>")."""
    before = text[: exc.position]
    line = before.count("\n") + 1
    col = exc.position - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return Diagnostic(
        SourceSpan(file, line, col),
        f"control character U+{ord(char):04X} in the file",
        hint=CONTROL_HINT,
    )


def _has_tab_near(text: str, line: int) -> bool:
    lines = text.splitlines()
    nearby = lines[max(0, line - 1) : line + 1]
    return any(
        "\t" in candidate[: len(candidate) - len(candidate.lstrip())] for candidate in nearby
    )


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, file: str, text: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    span = SourceSpan(file, mark.line + 1, mark.column + 1) if mark else SourceSpan(file, 1, 1)
    problem = exc.problem or "cannot parse"
    if "maximum nesting depth" in problem:
        # PyYAML 6.0.4+ has a depth limit of its own, far above ours, which may trip first.
        return Diagnostic(span, f"nesting deeper than {MAX_DEPTH} levels")
    lines = text.splitlines()
    if exc.problem_mark is not None and not _has_tab_near(text, exc.problem_mark.line):
        scalars, keys = _scalars_before(text, exc.problem_mark.line)
        better = (
            _lookalike_near(exc.problem_mark.line, lines, file, scalars, keys)
            or _unclosed_quote(exc, lines, file, scalars)
            or _text_after_value(exc, lines, file, scalars)
            or _comment_cut_text(exc, lines, file, scalars)
            or _dedented_key(exc, lines, file, scalars)
            or _items_by_id_as_a_list(exc, lines, file)
        )
        if better is not None:
            return better
    plain = _value_start_mistake(exc, lines, file)
    if plain is not None:
        return plain
    if exc.context:
        problem = f"{problem} ({exc.context})"
    hint = ""
    if mark is not None and _has_tab_near(text, mark.line):
        hint = "YAML indents with spaces, never tabs"
    elif "mapping values are not allowed" in problem:
        hint = "a value containing ': ' needs quotes, or the indentation is off"
    elif "did not find expected key" in problem or "expected <block end>" in problem:
        hint = "check the indentation: the keys of one mapping must start in the same column"
    elif "did not find expected '-' indicator" in problem:
        hint = "check the indentation: the items of one list must start in the same column"
    return Diagnostic(span, f"YAML syntax error: {problem}", hint=hint)


_KEY = r"([^\s#'\"{\[-][^:#]*):(?: |$)"  # a key at the start of what a line says
_KEY_LINE = re.compile(r"^( *)" + _KEY)
_ITEM_LINE = re.compile(r"^ *-(?: |$)")
_NOT_CLOSED = ("found unexpected end of stream", "found unexpected document separator")


def _scalars_before(text: str, line: int) -> tuple[list[yaml.ScalarToken], set[tuple[int, int]]]:
    """The scalars YAML reads before it fails on `line` (0-based), with their positions, and where
    (line, column) those it read as keys start."""
    scalars: list[yaml.ScalarToken] = []
    keys: set[tuple[int, int]] = set()
    key_next = False
    try:
        for token in yaml.scan(text, Loader=_Loader):  # (the reader that failed, in C)
            if token.start_mark.line > line:
                break
            if isinstance(token, yaml.ScalarToken):
                scalars.append(token)
                if key_next:
                    keys.add((token.start_mark.line, token.start_mark.column))
            key_next = isinstance(token, yaml.KeyToken)
    except yaml.YAMLError:
        pass
    return scalars, keys


def _block_text(scalars: list[yaml.ScalarToken], line: int) -> bool:
    """Whether `line` (0-based) is text of a `|` or `>` block scalar."""
    return any(
        s.style in ("|", ">") and s.start_mark.line < line < s.end_mark.line for s in scalars
    )


def _unclosed_quote(
    exc: yaml.MarkedYAMLError, lines: list[str], file: str, scalars: list[yaml.ScalarToken]
) -> Diagnostic | None:
    """A quote left open makes YAML read on, and fail later: point at the quote.

    Either YAML says so itself (it reached the end of the file inside quotes), or a quoted text
    it read runs over lines and ends on the failing line, just before the failure: the quote that
    "closed" it opened the next value.
    """
    problem = exc.problem_mark
    assert problem is not None
    said = exc.problem or ""
    if exc.context == "while scanning a quoted scalar" and any(w in said for w in _NOT_CLOSED):
        opened, to_the_end = exc.context_mark, "end of stream" in said
    else:
        to_the_end = False
        opened = next(
            (
                s.start_mark
                for s in scalars
                if s.style in ("'", '"')
                and s.start_mark.line < s.end_mark.line == problem.line
                and s.end_mark.column <= problem.column
            ),
            None,
        )
    if opened is None or opened.line >= len(lines):
        return None
    quote = lines[opened.line][opened.column : opened.column + 1]
    if quote not in ("'", '"'):
        return None
    read_to = (
        "YAML read on to the end of the file looking for it"
        if to_the_end
        else f"YAML read on to line {problem.line + 1} looking for it"
    )
    return Diagnostic(
        SourceSpan(file, opened.line + 1, opened.column + 1),
        f"YAML syntax error: the quote ({quote}) opened here is never closed",
        hint=f"end the text with {quote} on this line; {read_to}",
    )


# The scenario's keys whose items are written by id (`game.scenario.model`: a test keeps this the
# same as the model's fields that map ids to items)
ITEMS_BY_ID = frozenset(
    {
        "actions", "actors", "codex", "demands", "endings", "events", "flags", "hidden",
        "injects", "intel", "places", "responses", "sources", "stages", "stats", "units",
    }
)  # fmt: skip
_ITEM_KEY_LINE = re.compile(r"^ *- +" + _KEY)


def _items_by_id_as_a_list(
    exc: yaml.MarkedYAMLError, lines: list[str], file: str
) -> Diagnostic | None:
    """`events:`, then `  - walkout:` and later `  union_list:` at the dash's column: a section of
    items by id written as a list, the habit of other formats (author's review). YAML reports
    the second item, as a list item without its '-'; the mistake is the first one's '- '."""
    start, problem = exc.context_mark, exc.problem_mark
    if (
        "did not find expected '-' indicator" not in (exc.problem or "")
        or start is None
        or problem is None
        or problem.line >= len(lines)
    ):
        return None
    first = _ITEM_KEY_LINE.match(lines[start.line])
    later = _KEY_LINE.match(lines[problem.line])
    if first is None or later is None or len(later.group(1)) != start.column:
        return None
    parent = next(
        (
            found.group(2).strip()
            for n in range(start.line - 1, -1, -1)
            if (found := _KEY_LINE.match(lines[n])) and len(found.group(1)) < start.column
        ),
        "",
    )
    if parent not in ITEMS_BY_ID:  # a true list (outcomes, transitions) missing a dash
        return None
    name, other = first.group(1).strip(), later.group(2).strip()
    written = f"- {name}:"
    if name == "id":  # `- id: walkout`: the id is the value
        written = lines[start.line].strip()
        name = written.split(":", 1)[1].split("#")[0].strip().strip("'\"") or "ID"
    return Diagnostic(
        SourceSpan(file, start.line + 1, start.column + 1),
        f"YAML syntax error: '{parent}' is written as a list ('{written}'), but line "
        f"{problem.line + 1} ('{other}:') is not a list item",
        hint=f"items by id are written without '- ': write '{name}:' here",
    )


def _dedented_key(
    exc: yaml.MarkedYAMLError, lines: list[str], file: str, scalars: list[yaml.ScalarToken]
) -> Diagnostic | None:
    """`key:` indented less than the lines above and below it, which share one indentation (the
    line above a key or a list item, not the text of a `|` or `>` block).

    YAML then reads the line below as part of the key's value ("mapping values are not allowed")
    or as a key where none can start ("did not find expected key"), and reports the line below.
    """
    problem = exc.problem_mark
    assert problem is not None
    if not any(
        words in (exc.problem or "")
        for words in ("mapping values are not allowed", "did not find expected key")
    ):
        return None
    content = [
        n
        for n in range(min(problem.line + 1, len(lines)))
        if lines[n].strip() and not lines[n].lstrip().startswith("#")
    ]
    if len(content) < 3 or content[-1] != problem.line:
        return None
    above, middle, below = content[-3:]
    key = _KEY_LINE.match(lines[middle])
    if key is None:
        return None
    if not (_KEY_LINE.match(lines[above]) or _ITEM_LINE.match(lines[above])) or _block_text(
        scalars, above
    ):
        return None
    indent = len(key.group(1))
    around = _indent(lines[above])
    if around != _indent(lines[below]) or indent >= around:
        return None
    # The key may be where it belongs and the mistake elsewhere on the line below (`title: [a] b`):
    # say so only if indenting the key like its neighbours gets YAML past that line.
    moved = [*lines[:middle], " " * around + lines[middle].lstrip(" "), *lines[middle + 1 :]]
    failing = _first_error_line("\n".join(moved))
    if failing is not None and failing <= below:
        return None
    name = key.group(2).strip()
    return Diagnostic(
        SourceSpan(file, middle + 1, indent + 1),
        f"YAML syntax error: '{name}:' is indented less than the lines above and below it "
        f"({indent} spaces, not {around})",
        hint=f"indent it by {around} spaces if it belongs with them; "
        f"if not, line {below + 1} is indented too far",
    )


def _value_start_mistake(
    exc: yaml.MarkedYAMLError, lines: list[str], file: str
) -> Diagnostic | None:
    """A character YAML gives a meaning to at the start of a value (`when: >= 80`,
    `text: @dawn`), or text after a `...` line, which ends the document."""
    said = exc.problem or ""
    mark = exc.context_mark if exc.context == "while scanning a block scalar" else exc.problem_mark
    if mark is None or mark.line >= len(lines):
        return None
    line = lines[mark.line]
    char = line[mark.column : mark.column + 1]
    value = line[mark.column :].strip()
    if exc.context == "while scanning a block scalar" and char in ("|", ">"):
        following = lines[mark.line + 1] if mark.line + 1 < len(lines) else ""
        if following.strip() and _indent(following) > _indent(line):  # the block's text follows
            indicator = re.match(r"[|>][-+0-9]*", value)
            written = indicator.group() if indicator else char
            return Diagnostic(
                SourceSpan(file, exc.problem_mark.line + 1, exc.problem_mark.column + 1)
                if exc.problem_mark
                else SourceSpan(file, mark.line + 1, mark.column + 1),
                f"YAML syntax error: text after '{written}' on its line; "
                "a block of text starts on the line below",
                hint=f"move '{value[len(written) :].strip()}' to the lines below, or delete it",
            )
        return Diagnostic(
            SourceSpan(file, mark.line + 1, mark.column + 1),
            f"YAML syntax error: a value starting with '{char}' begins a block of text "
            "on the lines below",
            hint=f"put the value in quotes: {quoted(value)}",
        )
    if "cannot start any token" in said and char in ("@", "`"):
        return Diagnostic(
            SourceSpan(file, mark.line + 1, mark.column + 1),
            f"YAML syntax error: a value cannot start with '{char}'",
            hint=f"put the value in quotes: {quoted(value)}",
        )
    if "expected <document start>" in said:
        end = next((n for n in range(mark.line - 1, -1, -1) if lines[n].rstrip() == "..."), None)
        if end is not None:
            return Diagnostic(
                SourceSpan(file, end + 1, 1),
                "YAML syntax error: '...' ends the YAML document, and more follows it",
                hint="delete the '...' line",
            )
    return None


# a key followed by a full-width '：', or by ':' and a space that is not one (`cost:` and U+00A0)
_KEY_LOOKALIKE = re.compile(
    r"^[ \u00a0\u3000]*(?:- +)?[^\s:：#'\"]+(?:(：)|:([" + "".join(lookalike.SPACES) + r"]))"
)


def _lookalike_near(
    line: int,
    lines: list[str],
    file: str,
    scalars: list[yaml.ScalarToken],
    keys: set[tuple[int, int]],
) -> Diagnostic | None:
    """A character that looks like a space or a ':' but is not one, on the failing line (0-based)
    or the written line above it: YAML reads it as text, and fails a line later.

    Only where YAML looks for indentation or a key. Text YAML has read as a value (prose, a `|` or
    `>` block) is left alone: a Chinese paragraph starts with U+3000 and a speaker is followed by
    '：' there, and the mistake is elsewhere. In a key YAML has read, only the indentation counts.
    """
    start = line
    while start > 0 and not lines[start - 1].strip():
        start -= 1
    for n in range(max(0, start - 1), min(line + 1, len(lines))):
        text = lines[n]
        on_line = [s for s in scalars if s.start_mark.line <= n <= s.end_mark.line]

        def read(col: int, n: int = n, on_line: list[yaml.ScalarToken] = on_line) -> str | None:
            return _read_as(n, col, line, on_line, keys)

        indent = len(text) - len(text.lstrip(" " + "".join(lookalike.SPACES | lookalike.INVISIBLE)))
        at = lookalike.first(text[:indent])
        if at is not None and read(at) == "value":
            at = None
        if at is None:
            key = _KEY_LOOKALIKE.match(text)
            found = None if key is None else key.start(1) if key.group(1) else key.start(2)
            at = found if found is not None and read(found) is None else None
        if at is None:
            at = next(
                (
                    i
                    for i, char in enumerate(text)
                    if char in lookalike.INVISIBLE and char not in _JOINERS and read(i) is None
                ),
                None,
            )
        if at is not None:
            char = text[at]
            where = (
                "in the indentation"
                if at < indent
                else "after ':', where YAML expects a space"
                if char in lookalike.SPACES
                else "where YAML expects ':'"
            )
            if char in lookalike.INVISIBLE:
                where = "on this line"
            return Diagnostic(
                SourceSpan(file, n + 1, at + 1),
                f"YAML syntax error: {lookalike.describe(char)} {where}",
                hint=(
                    "indent with ordinary spaces"
                    if at < indent and char in lookalike.SPACES
                    else lookalike.advice(char)
                ),
            )
    return None


# Joiners belong in prose (an emoji family, Persian or Indic words), not only by mistake.
_JOINERS = {"\u200c", "\u200d"}


def _read_as(
    line: int, col: int, failing: int, scalars: list[yaml.ScalarToken], keys: set[tuple[int, int]]
) -> str | None:
    """How YAML read character `col` of `line` (0-based): "key" or "value" in a scalar it took for
    one; None in no scalar, or in an unquoted text that ran on from an earlier line
    to the `failing` one (`title： Alarm` read with the line below as one text)."""
    for s in scalars:
        begin, end = (s.start_mark.line, s.start_mark.column), (s.end_mark.line, s.end_mark.column)
        if begin <= (line, col) < end:
            if not s.style and s.start_mark.line < s.end_mark.line == failing:
                return None
            return "key" if begin in keys else "value"
    return None


def _first_error_line(text: str) -> int | None:
    """The line (0-based) where YAML first fails to read `text`, or None if it reads it all."""
    try:
        for _ in yaml.parse(text, Loader=_Loader):
            pass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return mark.line if mark is not None else 0
    except yaml.YAMLError:
        return 0
    return None


_VALUE_START = re.compile(r"^ *(?:- +)?(?:[^\s#'\"{\[-][^:#]*: +|- +)")


def quoted(text: str) -> str:
    """`text` as a YAML value in quotes."""
    if '"' not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


# what YAML reads as the start of a comment after a plain value: blanks, then '#'
COMMENT_AFTER = re.compile(r"[ \t]+#")
# a line that starts a key, plain or quoted, or a list item's first key (`- id: extra`): after a
# real comment, such a line misplaced is an indentation mistake, not a text's second line (review)
_A_KEY = re.compile(r"""^ *(?:- +)?(?:"[^"]*"|'[^']*'|[^\s#'"{\[-][^:#]*):(?: |$)""")


def _comment_cut_text(
    exc: yaml.MarkedYAMLError, lines: list[str], file: str, scalars: list[yaml.ScalarToken]
) -> Diagnostic | None:
    """An unquoted text with ' #' on its first line and more lines after it (`text: The envoy
    #1 complains` and then `  about the mayor.`): YAML ends the text at the comment, and the next
    line, no longer part of it, is no key either. Said at the '#' (a review: the message spoke
    only of indentation), as the ` #` warning says it of a text on one line."""
    problem = exc.problem_mark
    assert problem is not None
    if "did not find expected" not in (exc.problem or ""):
        return None
    before = [s for s in scalars if s.plain and s.end_mark.line < problem.line]
    if not before:
        return None
    last = before[-1]
    line = lines[last.end_mark.line] if last.end_mark.line < len(lines) else ""
    comment = COMMENT_AFTER.match(line, last.end_mark.column)
    between = lines[last.end_mark.line + 1 : problem.line]
    if comment is None or any(row.strip() for row in between) or problem.line >= len(lines):
        return None
    following = lines[problem.line]
    indent = len(line) - len(line.lstrip(" "))
    if len(following) - len(following.lstrip(" ")) <= indent or _A_KEY.match(following):
        return None  # a key misplaced after a real comment: the indentation is what is wrong
    cut = last.value if len(last.value) <= 40 else "\u2026" + last.value[-38:]
    return Diagnostic(
        SourceSpan(file, last.end_mark.line + 1, comment.end()),
        f"YAML syntax error: ' #' starts a YAML comment, so this text ends at \"{cut}\" and the "
        "line after it belongs to nothing",
        hint="put the whole text in quotes",
    )


def _text_after_value(
    exc: yaml.MarkedYAMLError, lines: list[str], file: str, scalars: list[yaml.ScalarToken]
) -> Diagnostic | None:
    """Text after a value in quotes or brackets on the same line (`label: "Keep" him`,
    `title: [Draft] Refugees`): YAML reads the quotes or brackets as the whole value and then
    finds the text where a new key should start.
    """
    problem = exc.problem_mark
    assert problem is not None
    if "did not find expected" not in (exc.problem or "") or problem.line >= len(lines):
        return None
    line = lines[problem.line]
    start = _VALUE_START.match(line)
    if start is None or problem.column <= start.end() or line[problem.column] in "#:":
        return None
    value = line[start.end() :].rstrip()
    opener = value[:1]
    if opener in "[{":
        closer = "]" if opener == "[" else "}"
        if line[: problem.column].rstrip()[-1:] != closer:
            return None
        kind = "list" if opener == "[" else "mapping"
        return Diagnostic(
            SourceSpan(file, problem.line + 1, problem.column + 1),
            f"YAML syntax error: a value starting with '{opener}' is read as a {kind}, "
            f"and text follows its '{closer}'",
            hint=f"put the text in quotes: {quoted(value)}",
        )
    in_quotes = next(
        (
            s
            for s in scalars
            if s.style in ("'", '"')
            and s.start_mark.line == s.end_mark.line == problem.line
            and s.start_mark.column == start.end()
            and not line[s.end_mark.column : problem.column].strip()
        ),
        None,
    )
    if in_quotes is None:
        return None
    quote = opener
    closing = SourceSpan(file, problem.line + 1, in_quotes.end_mark.column)
    rest = line[problem.column :].rstrip()
    if quote in rest:  # `"… will be "regarded" as …"`: the inner quote closed the text
        inner = value[1:-1] if value.endswith(quote) else value[1:]
        escape = '\\"' if quote == '"' else "''"
        other = "'" if quote == '"' else '"'
        whole = (
            f"'{inner}'"
            if quote == '"' and "'" not in inner
            else f'"{inner}"'
            if quote == "'" and '"' not in inner
            else None
        )
        outside = f"put {other} quotes outside ({whole}), or " if whole else ""
        return Diagnostic(
            closing,
            f"YAML syntax error: this {quote} ends the quoted text "
            f"(a {quote} inside a text in {quote} quotes ends it)",
            hint=f"{outside}write each {quote} inside the text as {escape}",
        )
    plain = value.replace(quote, "")
    return Diagnostic(
        closing,
        "YAML syntax error: text after a value in quotes",
        hint=f"put the whole value in quotes ({quoted(value)}), or leave the quotes out ({plain})",
    )


class _Builder:
    """Turns parser events into Python values, recording positions as it goes."""

    def __init__(self, file: str, kind: str = "scenario"):
        self.file = file
        # "a scenario file holds ...", "not allowed in scenarios"; "a choices file holds ..."
        self.kind_file = "scenario file" if kind == "scenario" else kind
        self.kinds = f"{kind}s"
        self.spans: dict[Path, SourceSpan] = {}
        self.key_spans: dict[Path, SourceSpan] = {}
        self.extents: dict[Path, tuple[int, int, str]] = {}
        self.tags: dict[Path, str] = {}
        self.plain_ends: dict[Path, tuple[int, int]] = {}
        self.diagnostics: list[Diagnostic] = []
        # How many of them are about a value that was kept as its text (an impossible date, a
        # YAML 1.1 ambiguity): the document is still whole, so later checks can run on it too.
        self.kept_values = 0
        # Each open collection: [container, path, pending key or None, key positions]
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.documents = 0
        self.nodes = 0

    def document(self, text: str) -> YamlDocument:
        return YamlDocument(
            self.file,
            self.root,
            self.spans,
            self.key_spans,
            self.extents,
            text.splitlines(),
            self.tags,
            self.plain_ends,
        )

    def _span(self, event: yaml.Event) -> SourceSpan:
        mark = event.start_mark
        if mark is None:  # the parsers always give marks; keep a position all the same
            return SourceSpan(self.file, 1, 1)
        return SourceSpan(self.file, mark.line + 1, mark.column + 1)

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _Abort(
                    Diagnostic(
                        self._span(event),
                        f"a {self.kind_file} holds one YAML document; found a second '---'",
                    )
                )
            return
        if isinstance(event, yaml.AliasEvent):
            raise _Abort(
                Diagnostic(
                    self._span(event),
                    f"YAML aliases (*{event.anchor}) are not allowed in {self.kinds}",
                    hint="repeat the text instead; aliases can make a small file expand without limit",
                )
            )
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._check_node(event)
        if isinstance(event, yaml.ScalarEvent):
            self._scalar(event)
        elif isinstance(event, yaml.MappingStartEvent):
            self._open(event, {})
        elif isinstance(event, yaml.SequenceStartEvent):
            self._open(event, [])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            container = self.stack.pop()[0]
            self._attach_closed(container)

    def _check_node(self, event: yaml.NodeEvent) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Abort(
                Diagnostic(self._span(event), f"file has more than {MAX_NODES:,} YAML nodes")
            )
        if event.anchor is not None:
            raise _Abort(
                Diagnostic(
                    self._span(event),
                    f"YAML anchors (&{event.anchor}) are not allowed in {self.kinds}",
                    hint="repeat the text instead; anchors and aliases can make a small file expand without limit",
                )
            )
        tag = getattr(event, "tag", None)
        if (
            tag not in _ALLOWED_TAGS
            and not (isinstance(event, yaml.MappingStartEvent) and tag == "tag:yaml.org,2002:map")
            and not (isinstance(event, yaml.SequenceStartEvent) and tag == "tag:yaml.org,2002:seq")
        ):
            raise _Abort(
                Diagnostic(self._span(event), f"YAML tag '{tag}' is not allowed in {self.kinds}")
            )

    def _open(self, event: yaml.NodeEvent, container: dict[str, Any] | list[Any]) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _Abort(Diagnostic(self._span(event), f"nesting deeper than {MAX_DEPTH} levels"))
        parent = self.stack[-1] if self.stack else None
        if parent is not None and isinstance(parent[0], dict) and parent[2] is None:
            raise _Abort(
                Diagnostic(
                    self._span(event), "a mapping key must be plain text, not a list or mapping"
                )
            )
        path = self._child_path()
        self.spans[path] = self._span(event)
        self.stack.append([container, path, None, {}])

    def _child_path(self) -> Path:
        if not self.stack:
            return ()
        container, path, key, _ = self.stack[-1]
        if len(container) >= MAX_ENTRIES:
            where = "'" + ".".join(str(p) for p in path) + "'" if path else "the top level"
            raise _Abort(
                Diagnostic(
                    self.spans.get(path, SourceSpan(self.file, 1, 1)),
                    f"{where} has more than {MAX_ENTRIES:,} entries, over the limit for one list or mapping",
                )
            )
        if isinstance(container, dict):
            return (*path, key)
        return (*path, len(container))

    def _attach_closed(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top[0], dict):
            top[0][top[2]] = value
            top[2] = None
        else:
            top[0].append(value)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        span = self._span(event)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top[0], dict) and top[2] is None:
            key = event.value
            path = (*top[1], key)
            if key in top[0] or key in top[3]:
                first = top[3].get(key)
                where = f" (first at line {first.line})" if first else ""
                self.diagnostics.append(Diagnostic(span, f"duplicate key '{key}'{where}"))
                key = _DuplicateKey(key)  # keep reading so later errors are found too
            else:
                top[3][key] = span
                self.key_spans[path] = span
            top[2] = key
            return
        value = self._resolve(event, span)
        path = self._child_path()
        # Point expressions at their first character, inside any quote.
        if event.style in ("'", '"'):
            span = SourceSpan(span.file, span.line, span.col + 1)
        control = _CONTROL.search(event.value)
        if control is not None:
            self.diagnostics.append(
                Diagnostic(
                    span,
                    f"control character U+{ord(control.group()):04X} in this text",
                    hint=CONTROL_HINT,
                )
            )
        self.spans[path] = span
        if event.tag is not None:
            self.tags[path] = "!!str" if event.tag == "tag:yaml.org,2002:str" else event.tag
        end = event.end_mark
        if not event.style and event.value and end is not None:
            self.plain_ends[path] = (end.line, end.column)
        last = end.line + 1 - (1 if end.column == 0 else 0) if end is not None else span.line
        if last > span.line:
            self.extents[path] = (span.line, last, event.style or "")
        if top is None:
            self.root = value
        else:
            self._attach_closed(value)

    def _resolve(self, event: yaml.ScalarEvent, span: SourceSpan) -> Any:
        text = event.value
        plain = event.implicit[0] and event.style in (None, "")
        if not plain or event.tag in ("tag:yaml.org,2002:str", "!"):
            return text
        if text in _NULL:
            return None
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if text in _YAML11_BOOLS:
            self.kept_values += 1
            self.diagnostics.append(
                Diagnostic(
                    span,
                    f"'{text}' is ambiguous: YAML 1.1 reads it as a boolean",
                    hint="write true or false, or put it in quotes if you mean the word",
                )
            )
            return text
        if _INT.fullmatch(text):
            return int(text.replace("_", ""))
        if _LEADING_ZERO_INT.fullmatch(text):
            self.kept_values += 1
            self.diagnostics.append(
                Diagnostic(
                    span,
                    f"'{text}' is ambiguous: YAML 1.1 reads a leading 0 as octal",
                    hint="drop the 0, or quote it",
                )
            )
            return text
        if _SEXAGESIMAL.fullmatch(text):
            self.kept_values += 1
            self.diagnostics.append(
                Diagnostic(
                    span,
                    f"'{text}' is ambiguous: YAML 1.1 reads it as a base-60 number",
                    hint=f'write "{text}" in quotes',
                )
            )
            return text
        if _FLOAT.fullmatch(text):
            return float(text.replace("_", ""))
        if _DATE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                self.kept_values += 1
                self.diagnostics.append(Diagnostic(span, f"'{text}' is not a real date"))
                return text
        return text


# C0 controls but tab and line feed, DEL, and C1 controls: a terminal would obey them (colours,
# moving the cursor, clearing the screen, a carriage return writing over the line) instead of
# printing the text. (YAML turns the line ends of a file into line feeds: only an escape such as
# "\r" in double quotes puts one of these in a value.)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _DuplicateKey(str):
    """A key seen twice; stored under a distinct object so the first value is kept."""

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return other is self
