"""What a player (or the explorer, or a replay) can ask the engine to do. Actions are plain data."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.engine.state import LogEntry


class _Action(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TakeAction(_Action):
    """Spend action points on one of the scenario's actions."""

    kind: Literal["action"] = "action"
    action: str


class Respond(_Action):
    """Answer a pending demand."""

    kind: Literal["respond"] = "respond"
    demand: str
    response: str


class EndDay(_Action):
    """Close the council: dusk falls and the next day dawns."""

    kind: Literal["end_day"] = "end_day"


class ReleaseInject(_Action):
    """The teacher releases one of the scenario's injects (lesson mode); it costs no action points."""

    kind: Literal["inject"] = "inject"
    inject: str


PlayerAction = Annotated[TakeAction | Respond | EndDay | ReleaseInject, Field(discriminator="kind")]


def action_key(action: TakeAction | Respond | EndDay | ReleaseInject) -> str:
    """A short stable text for an action, used in choice files and logs: `talk`, `first:accept`,
    `inject:rumour`, `end`."""
    if isinstance(action, TakeAction):
        return action.action
    if isinstance(action, ReleaseInject):
        return f"inject:{action.inject}"
    if isinstance(action, Respond):
        return f"{action.demand}:{action.response}"
    return "end"


def parse_action_key(key: str) -> TakeAction | Respond | EndDay | ReleaseInject:
    """The action an `action_key` names (its inverse; `end_day` is also read as `end`). The key
    is not checked against a scenario: an unknown name is refused when the action is taken."""
    key = key.strip()
    if key in ("end", "end_day"):
        return EndDay()
    if key.startswith("inject:"):
        return ReleaseInject(inject=key.split(":", 1)[1].strip())
    if ":" in key:
        demand, response = key.split(":", 1)
        return Respond(demand=demand.strip(), response=response.strip())
    return TakeAction(action=key)


def logged_choice(entry: LogEntry) -> TakeAction | Respond | EndDay | ReleaseInject:
    """The choice a log entry records (replaying a game's log through `step` plays it again)."""
    if entry.kind == "action":
        return TakeAction(action=entry.ref)
    if entry.kind == "respond":
        return Respond(demand=entry.ref, response=entry.response)
    if entry.kind == "inject":
        return ReleaseInject(inject=entry.ref)
    return EndDay()
