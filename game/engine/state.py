"""The game state: one frozen, JSON-serialisable value holding everything about a game in progress.

Definitions stay in the Scenario; the state refers to them by id (an ActiveDemand is the live
instance of an authored Demand), so a save survives edits that do not remove those ids.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict

EventKind = Literal[
    "telegram",
    "news",
    "report",
    "meeting",
    "order",
    "intelligence",
    "background",
    "note",
    "demand",
    "ultimatum",
    "demand_answered",
    "demand_expired",
    "action",
    "outcome",
    "actor",
    "stage",
    "message",
    "day",
    "ending",
    "rejected",
    "inject",
]

# The inbox items that tell of the world's doings, which a scenario with history either cites or
# invents; the rest are the game's own workings (a stage, a day) or the player's choices.
TOLD_KINDS = frozenset(
    (
        "telegram",
        "news",
        "report",
        "meeting",
        "order",
        "intelligence",
        "background",
        "demand",
        "ultimatum",
        "actor",
    )
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


_M = TypeVar("_M", bound=BaseModel)


class GameEvent(_Frozen):
    """Something that happened, with everything a reader needs to show it (the world may move on)."""

    kind: EventKind
    date: dt.date
    title: str
    text: str = ""
    ref: str = ""  # the id of the authored thing behind it (event, demand, action, stage, ending)
    sender: str = ""
    reliability: int | None = None
    places: list[str] = []
    sources: list[str] = []
    # told as the game's invention although it cites sources (they are only its grounds)
    counterfactual: bool = False
    # For an intelligence report: whether its text told the truth as it stood when it came (its
    # `truth` then, before its own effects); None for anything else. Never shown to the player.
    accurate: bool | None = None


class ActiveDemand(_Frozen):
    demand: str
    issued: dt.date
    deadline: dt.date | None
    status: Literal["pending", "answered", "expired"] = "pending"
    answer: str = ""
    answered_on: dt.date | None = None
    stalls: int = 0


class LogEntry(_Frozen):
    """One decision of the player's, for replays, undo and the debrief."""

    day: int
    date: dt.date
    kind: Literal["action", "respond", "end_day", "inject"]
    ref: str = ""
    response: str = ""
    label: str = ""


class GameState(_Frozen):
    scenario_id: str
    seed: int
    day: int
    date: dt.date
    phase: Literal["council", "over"]
    stage: str
    budget: int
    stats: dict[str, int]
    flags: dict[str, bool]
    attitudes: dict[str, int]
    hidden: dict[str, int]
    revealed: list[str]
    demands: dict[str, ActiveDemand]
    fired: dict[str, int]
    taken: dict[str, int]
    taken_today: dict[str, int]
    rules_fired: dict[str, int]
    inbox: list[GameEvent]
    log: list[LogEntry]
    rng: int
    ending: str | None = None

    @property
    def over(self) -> bool:
        return self.phase == "over"


def build(cls: type[_M], **values: object) -> _M:
    """Make a model from values the engine already knows are valid, with every field given.

    pydantic's `model_construct` walks every field to fill defaults, which dominated the engine's
    profile; the engine always passes every field, so it sets the instance dictionary directly.
    """
    instance = cls.__new__(cls)
    object.__setattr__(instance, "__dict__", values)
    object.__setattr__(instance, "__pydantic_fields_set__", set(values))
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)
    return instance
