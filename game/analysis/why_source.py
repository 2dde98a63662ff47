"""Where the why report's items and conditions are written: FILE:LINE:COL in the scenario's YAML,
as `validate` writes it (nothing for a scenario built in code).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.yaml_source import Path, YamlDocument, decode, read_yaml

if TYPE_CHECKING:
    from game.analysis.why_items import Item


def document(source: tuple[bytes, str] | None) -> YamlDocument | None:
    """The scenario's YAML with the position of each node (None without a source: a scenario
    built in code has no file to point at)."""
    if source is None:
        return None
    raw, name = source
    text, _ = decode(raw, name)
    return read_yaml(text, name)[0] if text is not None else None


def at(document: YamlDocument | None, path: Path) -> str:
    """FILE:LINE:COL of what is at `path`, if it is written there."""
    return str(document.span(path)) if document and path in document.spans else ""


def where(document: YamlDocument, item: Item) -> str:
    """FILE:LINE:COL of the item's condition, or of the item when it has none written."""
    condition = (*item.base, item.condition)
    if item.condition and condition in document.spans:
        return str(document.span(condition))
    return str(document.span(item.base, key=True))
