"""Ways of choosing actions without a human: used by replays, the explorer and the tests."""

from __future__ import annotations

from collections.abc import Callable

from game.engine import rng
from game.engine.actions import EndDay, ReleaseInject, Respond, TakeAction
from game.engine.api import legal_actions
from game.engine.state import GameState
from game.scenario.model import Scenario

Choice = TakeAction | Respond | EndDay | ReleaseInject
Policy = Callable[[Scenario, GameState, int], tuple[Choice, int]]
"""(scenario, state, policy rng state) -> (choice, new policy rng state)."""


def historical(scenario: Scenario, state: GameState, generator: int) -> tuple[Choice, int]:
    """What history did: answer each pending demand as history did, take the day's historical
    actions, then end the day."""
    legal = legal_actions(scenario, state)
    for choice in legal:
        if isinstance(choice, Respond):
            demand = scenario.demands[choice.demand]
            if demand.historical_response == choice.response:
                return choice, generator
    for choice in legal:
        if (
            isinstance(choice, TakeAction)
            and state.date in scenario.actions[choice.action].historical_dates
        ):
            return choice, generator
    return EndDay(), generator


def uniform(scenario: Scenario, state: GameState, generator: int) -> tuple[Choice, int]:
    """Any legal choice, each equally likely (ending the day included)."""
    legal = legal_actions(scenario, state)
    generator, index = rng.below(generator, len(legal))
    return legal[index], generator


def _by_kind(kind: str) -> Policy:
    """Answer every demand with a response of `kind` when there is one, otherwise play randomly."""

    def policy(scenario: Scenario, state: GameState, generator: int) -> tuple[Choice, int]:
        legal = legal_actions(scenario, state)
        for choice in legal:
            if (
                isinstance(choice, Respond)
                and scenario.demands[choice.demand].responses[choice.response].kind == kind
            ):
                return choice, generator
        options = [c for c in legal if not isinstance(c, Respond)]
        generator, index = rng.below(generator, len(options))
        return options[index], generator

    policy.__doc__ = (
        f"Answer demands with '{kind}' responses when possible; otherwise choose at random."
    )
    return policy


POLICIES: dict[str, Policy] = {
    "random": uniform,
    "historical": historical,
    "comply": _by_kind("accept"),
    "refuse": _by_kind("refuse"),
    "stall": _by_kind("stall"),
}
