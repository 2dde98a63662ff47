"""Scenario file to Scenario, or every problem in it as `FILE:LINE:COL: message`.

The passes run in order: bytes -> text -> YAML data with positions -> pydantic models ->
whole-scenario checks (`validate.py`). Each pass reports everything it finds; a later pass runs only
when the earlier ones found no errors, so one mistake is never reported three times.
"""

from __future__ import annotations

import gc
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from game.scenario import lookalike
from game.scenario.comments import texts_cut_short
from game.scenario.fields import model_at, where
from game.scenario.indent import enclosing_owner, fields_read_as_ids
from game.scenario.lint import with_lint
from game.scenario.mapfile import map_file_problem
from game.scenario.model import Effects, Scenario
from game.scenario.placeholders import placeholders_in_texts
from game.scenario.source import Diagnostic, ScenarioError, SourceSpan
from game.scenario.suggest import did_you_mean
from game.scenario.validate import validate_scenario
from game.scenario.yaml_source import (
    ITEMS_BY_ID,
    YamlDocument,
    decode,
    quoted,
    read_limited,
    read_yaml,
)


@dataclass(frozen=True)
class LoadedScenario:
    """A valid scenario, where it came from, and any warnings found while checking it."""

    scenario: Scenario
    path: str
    content_hash: str
    warnings: tuple[Diagnostic, ...] = ()


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def read_scenario_file(path: str | Path) -> bytes:
    """A scenario file's bytes, or ScenarioError at FILE:1:1 saying why it cannot be read, in
    the same words for every command (validate said "cannot read the file: Is a directory" where
    play said "is a folder")."""
    name = str(path)

    def unreadable(message: str) -> ScenarioError:
        return ScenarioError([Diagnostic(SourceSpan(name, 1, 1), message)])

    try:
        return read_limited(path)
    except FileNotFoundError:
        raise unreadable("no such file") from None
    except IsADirectoryError:
        raise unreadable("is a folder, not a scenario file") from None
    except OSError as exc:
        raise unreadable(f"cannot read the file: {exc.strerror}") from None


def load_scenario(path: str | Path) -> LoadedScenario:
    """Read and check a scenario file; raises ScenarioError listing every problem."""
    return load_scenario_bytes(read_scenario_file(path), str(path))


def load_scenario_bytes(raw: bytes, name: str) -> LoadedScenario:
    """As `load_scenario`, for content already in memory (`name` is used in messages)."""
    checked = check_scenario(raw, name)
    scenario, diagnostics = checked.scenario, checked.diagnostics
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors or scenario is None:
        raise ScenarioError(diagnostics, checked.unchecked)
    warnings = tuple(d for d in diagnostics if d.severity == "warning")
    return LoadedScenario(scenario, name, content_hash(raw), warnings)


@dataclass(frozen=True)
class Checked:
    """What checking a scenario file found. `unchecked`: what its errors kept from being checked,
    as a sentence for the end of the report ("" when every check that applies ran)."""

    scenario: Scenario | None
    diagnostics: list[Diagnostic]
    unchecked: str = ""


def check_scenario_bytes(raw: bytes, name: str) -> tuple[Scenario | None, list[Diagnostic]]:
    """Run every pass; returns the scenario (if it could be built) and all diagnostics."""
    checked = check_scenario(raw, name)
    return checked.scenario, checked.diagnostics


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a scenario is read and checked. Reading makes hundreds
    of thousands of objects that all stay alive (nodes, spans, models) and are never cyclic
    garbage, yet each collection walks those alive: the passes made loading grow faster than the
    file (10,000 events took some 1.5 times as long per event as 1,000; `python -m benchmarks
    --only loading`). Collection runs again afterwards, for whatever the load did leave."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def check_scenario(raw: bytes, name: str) -> Checked:
    """As `check_scenario_bytes`, saying too what the errors kept from being checked: a file
    whose sections do not have the right shape has its names and expressions checked once they
    do (author review: a misspelt name after a wrong type was never reported, and nothing said
    that more checks were to come)."""
    with gc_paused():
        return _check(raw, name)


def _check(raw: bytes, name: str) -> Checked:
    text, problems = decode(raw, name)
    if text is None:
        return Checked(None, problems)
    document, early = read_yaml(text, name)
    if document is None:
        return Checked(None, early)
    if document.data is None and _nothing_written(text):  # nothing to check yet
        return Checked(None, [Diagnostic(SourceSpan(name, 1, 1), _EMPTY_FILE)])
    if not isinstance(document.data, dict):
        return Checked(None, [Diagnostic(document.span(()), _NOT_A_MAPPING)], _unchecked(1))
    # `early`: values the YAML reader kept as text (an impossible date...), texts a comment cut
    # short, and texts holding an Ink or Twine placeholder. The checks go on, so every problem is
    # reported at once; where a later check trips over the same value, the reader's message (the
    # more precise one) is the one kept.
    early = [*early, *texts_cut_short(document), *placeholders_in_texts(document)]
    try:
        scenario = Scenario.model_validate(document.data)
    except ValidationError as exc:
        found = _merged(early, _pydantic_diagnostics(exc, document))
        return Checked(None, found, _unchecked(sum(d.severity == "error" for d in found)))
    found = validate_scenario(scenario, document) + check_asset_paths(scenario, document, name)
    return Checked(scenario, _merged(early, with_lint(scenario, document, found)))


_NOT_A_MAPPING = "a scenario file is a mapping of sections (title:, calendar:, stats: ...)"
_EMPTY_FILE = (
    "the file is empty: a scenario is a mapping of sections (title:, calendar:, stats: ...); "
    "docs/authoring.md builds one step by step"
)


def _nothing_written(text: str) -> bool:
    """Whether a file holds nothing but blank lines, comments and document markers (a file of
    `~` or `null` holds a value, which is not a scenario: code review)."""
    return all(
        not line.strip() or line.lstrip().startswith("#") or line.strip() in ("---", "...")
        for line in text.splitlines()
    )


def _unchecked(errors: int) -> str:
    these = "this error is" if errors == 1 else "these errors are"
    return f"names and expressions are checked once {these} fixed"


def _merged(early: list[Diagnostic], later: list[Diagnostic]) -> list[Diagnostic]:
    """Every diagnostic, in file order; a later one at the place of an early one is dropped."""
    seen = {diagnostic.span for diagnostic in early}
    rest = [diagnostic for diagnostic in later if diagnostic.span not in seen]
    return sorted([*early, *rest], key=lambda d: (d.span, d.message))


# --- asset paths ---------------------------------------------------------------------------------

BUNDLED_PREFIX = "assets/"


def asset_path_problem(value: str, scenario_file: str) -> str:
    """Why an asset path written in a scenario is refused ("" if it is acceptable).

    Paths are confined: relative, no '..', no drive or root, and a scenario-relative path must
    resolve (links followed) inside the scenario's own folder. 'assets/...' names a bundled file.
    """
    if not value:
        return ""
    pure = PurePosixPath(value.replace("\\", "/"))
    if pure.is_absolute() or ":" in value or value.startswith(("/", "\\", "~")):
        return "asset paths must be relative to the scenario's folder (or start with 'assets/')"
    if ".." in pure.parts:
        return "asset paths may not use '..' to leave the scenario's folder"
    if value.startswith(BUNDLED_PREFIX):
        return ""
    folder = Path(scenario_file).resolve().parent
    target = (folder / pure).resolve()
    if folder not in target.parents:
        return "asset path leaves the scenario's folder (through a link)"
    if not target.is_file():
        return f"no file '{value}' next to the scenario"
    return ""


def check_asset_paths(scenario: Scenario, document: YamlDocument, name: str) -> list[Diagnostic]:
    problem = asset_path_problem(scenario.map, name)
    if not problem and scenario.map and not scenario.map.startswith(BUNDLED_PREFIX):
        # the file must also be a map the window can draw (game.scenario.mapfile)
        folder = Path(name).resolve().parent
        problem = map_file_problem(
            folder / PurePosixPath(scenario.map.replace("\\", "/")), scenario.map
        )
    return [Diagnostic(document.span(("map",)), problem)] if problem else []


# --- turning pydantic's errors into the author's positions -------------------------------------


def _pydantic_diagnostics(exc: ValidationError, document: YamlDocument) -> list[Diagnostic]:
    seen: set[tuple[Any, ...]] = set()
    found: list[Diagnostic] = []
    errors = exc.errors(include_url=False)
    misspelt = _misspelt_required_keys(errors, document)
    paths = [_data_path(document.data, error["loc"]) for error in errors]
    # `effects:` indented too little under `responses:`: one error, not one per key it holds
    misread = fields_read_as_ids(paths, document.data)
    for ident, above in misread.items():
        found.append(_field_read_as_id(ident, above, document))
    for error, path in zip(errors, paths, strict=True):
        kind = error["type"]
        key = (path, kind == "extra_forbidden")
        if key in seen:  # one error per node, like ink: a union reports once, not per member
            continue
        if kind == "missing" and path in misspelt:
            continue  # already said as "unknown key 'deadlin' (did you mean 'deadline'?)"
        if any(path[: len(ident)] == ident for ident in misread):
            continue
        seen.add(key)
        found.append(_diagnostic(error, path, document))
    return found


def _field_read_as_id(
    ident: tuple[str | int, ...], above: tuple[str | int, ...], document: YamlDocument
) -> Diagnostic:
    name = ident[-1]
    return Diagnostic(
        document.span(ident, key=True),
        f"'{name}' is read as the id of a new item of {where(ident[:-1])}",
        hint=f"indented too little? '{name}' looks like a key of the item above, {where(above)}",
    )


def _misspelt_required_keys(
    errors: list[Any], document: YamlDocument
) -> set[tuple[str | int, ...]]:
    """Paths of missing keys that an unknown key beside them is a misspelling of, or that an
    unknown key below them is indented too far to be."""
    from game.scenario.suggest import closest

    paths = [(_data_path(document.data, e["loc"]), e["type"]) for e in errors]
    missing = {path for path, kind in paths if kind == "missing"}
    found = set()
    for path, kind in paths:
        if kind == "extra_forbidden" and path:
            owner = enclosing_owner(path, document.data)
            if owner is not None:
                found.add((*owner, path[-1]))
            parent = path[:-1]
            candidates = [m[-1] for m in missing if m[:-1] == parent]
            match = closest(str(path[-1]), [str(c) for c in candidates])
            if match is not None:
                found.add((*parent, match))
    return found


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Pydantic's `loc` mixes data keys with union-member names; keep only what is in the data."""
    path: list[str | int] = []
    node = data
    for part in loc:
        in_mapping = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_mapping or in_list:
            path.append(part)
            node = node[part]
        elif (
            isinstance(node, dict)
            and isinstance(part, str)
            and part not in node
            and not _is_union_tag(part)
        ):
            path.append(part)  # a missing key: report it at its parent mapping
            break
    return tuple(path)


def _is_union_tag(part: str) -> bool:
    return (
        part in {"int", "str", "bool", "list[str]", "function-before[_one_or_many(), list[str]]"}
        or "[" in part
    )


def _diagnostic(error: Any, path: tuple[str | int, ...], document: YamlDocument) -> Diagnostic:
    kind = error["type"]
    place = where(path) or "the file"
    if kind == "extra_forbidden":
        key = str(path[-1])
        fields = _fields_at(path[:-1])
        owner = enclosing_owner(path, document.data)
        hint = (
            f"indented too far? '{key}' is a key of {where(owner) or 'the top level'}"
            if owner is not None
            else did_you_mean(key, fields)
        )
        span = document.span(path, key=True)
        written = document.lines[span.line - 1] if 0 < span.line <= len(document.lines) else ""
        if not hint and " " in key.strip() and "{" in written[: max(0, span.col - 1)]:
            # `{name: X, role: Chairman, Hebei-Chahar Council}`: the comma ended the text
            hint = "inside { }, a comma starts the next key: put text that holds a comma in quotes"
        elif not hint and fields:
            hint = f"expected one of: {', '.join(sorted(fields))}"
        return Diagnostic(
            span,
            f"unknown key '{key}' in {where(path[:-1]) or 'the top level'}",
            hint=hint,
        )
    if kind == "missing":
        return Diagnostic(
            document.span(path[:-1]),
            f"missing required key '{path[-1]}' in {where(path[:-1]) or 'the top level'}",
        )
    value = error.get("input")
    if value is None and path:
        span = document.span(path)
        written = document.lines[span.line - 1] if 0 < span.line <= len(document.lines) else ""
        comment = re.match(r"\s+(#.*?)\s*$", written[span.col - 1 :])
        if comment and written[: span.col - 1].rstrip().endswith(":"):
            # `label: #1 keep him`: YAML read the text as a comment
            return Diagnostic(
                SourceSpan(span.file, span.line, span.col + comment.start(1)),
                f"{place} is empty: '#' after a space starts a comment, so YAML ignores the text",
                hint=f"put the text in quotes: {quoted(comment.group(1))}",
            )
        return Diagnostic(span, f"{place} is empty: {_fill_in(kind, path)}")
    odd = _lookalike_in_number(error, path, document)
    if odd is not None:
        return odd
    shown = f" (got {_show(value)})" if not isinstance(value, (dict, list)) else ""
    tag = document.tags.get(path)
    return Diagnostic(
        document.span(path),
        f"{place}: {_friendly(error, tag)}{shown}",
        hint=_items_by_id_hint(path, value) if error["type"] == "dict_type" else "",
    )


def _items_by_id_hint(path: tuple[str | int, ...], value: Any) -> str:
    """For a section of items by id written as a list (`- id: walkout`, the habit of other
    formats; author's review): how to write it. Only where the model maps ids to items: a
    section of the file, or a demand's responses (`sources` and `places` are lists elsewhere)."""
    by_id = len(path) == 1 or (len(path) == 3 and path[0] == "demands" and path[2] == "responses")
    if not (isinstance(value, list) and by_id and path[-1] in ITEMS_BY_ID):
        return ""
    return (
        f"{path[-1]} holds items by id, not a list: write each as "
        f"'{_example_id(value[0]) if value else 'ID'}:' on its own line, with its keys indented "
        "below it"
    )


def _example_id(item: Any) -> str:
    """The id an item written in a list gives itself: `- id: talk`, `- talk: {...}`, `- talk`."""
    if isinstance(item, dict):
        ident = item.get("id")
        if isinstance(ident, str):
            return ident
        if len(item) == 1 and isinstance(next(iter(item)), str):
            return str(next(iter(item)))
    return item if isinstance(item, str) and item.isidentifier() else "ID"


_NUMBER_ERRORS = {"int_type": "whole number", "int_parsing": "whole number"}
_NUMBER_ERRORS |= {"float_type": "number", "float_parsing": "number"}
# what a repaired value must look like to be offered as the fix: a whole number for a field of
# whole numbers (a review: `attitude: –1.5` was told to write -1.5, which is refused in turn)
_WRITTEN_NUMBER = {
    "whole number": re.compile(r"[-+]?[0-9]+"),
    "number": re.compile(r"[-+]?[0-9]+(\.[0-9]+)?"),
}


def _lookalike_in_number(
    error: Any, path: tuple[str | int, ...], document: YamlDocument
) -> Diagnostic | None:
    """A number written with a character that looks like part of one (`–1` with an en dash, a
    full-width digit), named by its code point at its place, as in an expression (author review:
    `deadline_days: –1` was told only "expected a whole number (got '–1')")."""
    value = error.get("input")
    number = _NUMBER_ERRORS.get(error["type"])
    at = lookalike.first(value) if number and isinstance(value, str) else None
    if number is None or at is None:
        return None
    char = value[at]
    right = lookalike.replacement(char)
    if right == "-" and "MINUS" not in unicodedata.name(char, ""):
        what = "is not a minus sign"
    elif right and right != " ":
        what = f"is not '{right}'"
    else:
        what = "is in it"
    fixed = lookalike.repaired(value).replace(" ", "")
    return Diagnostic(
        document.locate(path, 1, at),
        f"{where(path)}: expected a {number}, but {lookalike.describe(char)} {what}",
        hint=f"write {fixed}"
        if _WRITTEN_NUMBER[number].fullmatch(fixed)
        else lookalike.advice(char),
    )


_EMPTY = {  # what to write in place of nothing, by what pydantic expected
    "string_type": "write the text after the colon",
    "int_type": "write a whole number after the colon",
    "bool_type": "write true or false after the colon",
    "date_type": "write a date (YYYY-MM-DD) after the colon",
    "list_type": "write its items under it, each on a line starting with '- '",
    "dict_type": "write its key: value lines under it",
    "model_type": "write its key: value lines under it",
    "model_attributes_type": "write its key: value lines under it",
}


def _fill_in(kind: str, path: tuple[str | int, ...]) -> str:
    """How to fill in a value left empty (`title:` with nothing after it, or `~`)."""
    advice = _EMPTY.get(kind, "write a value after the colon")
    if path[-1] == "effects":
        advice = "give an effect (e.g. pressure: 5)"
    if isinstance(path[-1], str) and not _required(path):
        advice += ", or remove the key"
    return advice


def _required(path: tuple[str | int, ...]) -> bool:
    """Whether the key at `path` must be written (True when it cannot be told)."""
    parent = model_at(path[:-1])
    field = parent.model_fields.get(str(path[-1])) if parent is not None else None
    return field is None or field.is_required()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


_FRIENDLY = {
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number, not a fraction",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "string_type": "expected text",
    "date_type": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "expected a date (YYYY-MM-DD)",
    "date_parsing": "expected a date (YYYY-MM-DD)",
    "dict_type": "expected a mapping (key: value lines)",
    "list_type": "expected a list (lines starting with '- ')",
    "model_type": "expected a mapping (key: value lines)",
    "model_attributes_type": "expected a mapping (key: value lines)",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
}


def _friendly(error: Any, tag: str | None = None) -> str:
    kind = error["type"]
    value = error.get("input")
    # The format is checked strictly, as its JSON Schema does: "40" or true is not a number.
    if kind in ("int_type", "float_type"):
        number = "whole number" if kind == "int_type" else "number"
        if isinstance(value, bool):
            return f"expected a {number}, not true/false"
        if isinstance(value, float):
            return "expected a whole number, not a fraction"
        if isinstance(value, str) and _is_number(value) and tag is not None:
            return f"expected a {number}, not text: write it without the '{tag}' tag"
        if isinstance(value, str) and _is_number(value):
            return f"expected a {number}, not text: write it without quotes"
    if kind == "string_type" and isinstance(value, (int, float)):
        return "expected text: put it in quotes"
    if kind == "string_pattern_mismatch" and "a-z" in str(error.get("ctx", {}).get("pattern", "")):
        return "an id is lower-case letters, digits and _, starting with a letter (e.g. mini_1936)"
    if kind == "date_from_datetime_inexact":
        day = str(value).split()[0].split("T")[0] if isinstance(value, str) else ""
        return f"a date has no time of day: write {day}" if day else _FRIENDLY["date_type"]
    if kind in _FRIENDLY:
        return _FRIENDLY[kind]
    context = error.get("ctx", {})
    if kind == "literal_error":
        expected = str(context.get("expected", ""))
        return f"expected {expected}" if " or " not in expected else f"expected one of {expected}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(context.values()), "")
        phrases = {
            "greater_than_equal": f"{bound} or more",
            "less_than_equal": f"{bound} or less",
            "greater_than": f"more than {bound}",
            "less_than": f"less than {bound}",
        }
        return f"expected {phrases[kind]}"
    if kind == "too_short":
        least = context.get("min_length", 1)
        return f"expected at least {least} item{'' if least == 1 else 's'}"
    return str(error["msg"]).replace("Input should be", "expected").replace("Value error, ", "")


def _fields_at(path: tuple[str | int, ...]) -> list[str]:
    """The keys allowed at `path`, for 'did you mean' hints."""
    model = model_at(path)
    return list(model.model_fields) if model is not None and model is not Effects else []
