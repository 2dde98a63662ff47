"""Keys at the wrong indentation that are still valid YAML, so land in the wrong mapping.

Two mistakes are told apart from the data alone, reliably:

* indented too far: an unknown key that the enclosing mapping takes and does not have
  (`on_expiry:` under an answer, where it belongs to the demand);
* indented too little: in a mapping of id -> item, an "id" that is a key of the item, whose
  value has that key's type and none of the item's keys (and so is no valid item), written after
  an item that lacks that key (`effects:` under `responses:` is read as an answer called
  'effects').
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from game.scenario.fields import Path, model_at
from game.scenario.yaml_source import value_at


def enclosing_owner(path: Path, data: Any) -> Path | None:
    """For the unknown key at `path`: the nearest enclosing mapping whose model takes that key
    and which does not have it, or None."""
    key = path[-1]
    for depth in range(len(path) - 2, -1, -1):
        owner = path[:depth]
        model = model_at(owner)
        if model is None or str(key) not in model.model_fields:
            continue
        node = value_at(data, owner)
        return owner if isinstance(node, dict) and key not in node else None
    return None


def fields_read_as_ids(paths: Iterable[Path], data: Any) -> dict[Path, Path]:
    """Among the paths of errors, the ids in a mapping of id -> item that are a key of the item,
    each with the path of the item above it, which lacks that key."""
    found: dict[Path, Path] = {}
    for path in paths:
        for depth in range(1, len(path)):
            parent, ident = path[:depth], path[depth]
            here = (*parent, ident)
            siblings = value_at(data, parent)
            if here in found or not isinstance(siblings, dict) or ident not in siblings:
                continue
            item = model_at(here)
            if item is None or model_at(parent) is not None or ident not in item.model_fields:
                continue  # not an id of a mapping of id -> item, or not a key of the item
            value = siblings[ident]
            if not _fits(item.model_fields[str(ident)], value):
                continue  # (a demand may be called `ultimatum`: its value is no true/false)
            if isinstance(value, dict) and any(key in item.model_fields for key in value):
                # written as an item (an action called `effects`, with a label...): its own
                # errors are the ones to tell (review: `max_uses: two` in it went unsaid, as the
                # effects mapping takes any key)
                continue
            keys = list(siblings)
            place = keys.index(ident)
            above = siblings[keys[place - 1]] if place > 0 else None
            if isinstance(above, dict) and ident not in above:
                found[here] = (*parent, keys[place - 1])
    return found


def _fits(field: FieldInfo, value: Any) -> bool:
    """Whether `value` has the type of the field (its bounds aside)."""
    if field.annotation is None:
        return False
    try:
        TypeAdapter(field.annotation).validate_python(value, strict=True)
    except ValidationError:
        return False
    return True
