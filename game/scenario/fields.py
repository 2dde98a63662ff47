"""What the scenario format reads at a place in the file: the model of a mapping, and whether a
value is prose (a text people read) or something the game looks up (an id, an expression)."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from game.scenario.model import PROSE, Scenario

Path = tuple[str | int, ...]


def where(path: Path) -> str:
    """A path as an author counts: `disputes.0.versions` is `disputes (item 1).versions`."""
    shown = ""
    for part in path:
        if isinstance(part, int):
            shown += f" (item {part + 1})"
        else:
            shown += f".{part}" if shown else part
    return shown


def model_at(path: Path) -> type[BaseModel] | None:
    """The model that the mapping at `path` is read into (None if it is not a model)."""
    annotation: Any = Scenario
    for part in path:
        annotation = unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            if field is None:
                return None
            annotation = field.annotation
        elif typing.get_origin(annotation) is dict:
            annotation = typing.get_args(annotation)[1]
        elif typing.get_origin(annotation) is list:
            annotation = typing.get_args(annotation)[0]
        else:
            return None
    annotation = unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def unwrap(annotation: Any) -> Any:
    """The type an annotation reads: `Annotated` and `None` taken off, a union's model first."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
        return models[0] if models else members[0]
    return annotation


def texts(data: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every text in data read from a file (or a model's dump), with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from texts(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from texts(value, (*path, i))
    elif isinstance(data, str):
        yield path, data


def is_prose(path: Path) -> bool:
    """Whether the value at `path` is a text marked `Prose` in the model (a title, a text, an
    item of `questions`), as opposed to an id, an expression, a number or an address."""
    if not path:
        return False
    *parent, last = path
    if isinstance(last, int):  # an item of a list: `questions: [...]`
        if len(parent) < 1:
            return False
        *parent, last = parent
        item = True
    else:
        item = False
    model = model_at(tuple(parent))
    field = model.model_fields.get(str(last)) if model is not None else None
    if field is None:
        return False
    if item:
        origin = typing.get_origin(field.annotation)
        return origin is list and _marked(typing.get_args(field.annotation)[0])
    return PROSE in field.metadata or _marked(field.annotation)


def _marked(annotation: Any) -> bool:
    """Whether an annotation is `Prose`, or `Prose | None`."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return PROSE in typing.get_args(annotation)[1:]
    if origin in (typing.Union, types.UnionType):
        return any(_marked(member) for member in typing.get_args(annotation))
    return False
