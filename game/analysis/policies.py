"""Ways of choosing actions without a human: used by replays, the explorer and the tests.

A chooser picks one of the choices the engine lists as legal; a policy is the same chooser asked
of a frozen state (it lists the legal choices itself). The explorer, which keeps one game open in
place (`game.engine.run.Run`), calls the choosers with the list it already has.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from game.engine import rng
from game.engine.actions import EndDay, ReleaseInject, Respond, TakeAction
from game.engine.api import legal_actions
from game.engine.state import GameState
from game.scenario.model import Scenario

Choice = TakeAction | Respond | EndDay | ReleaseInject
Chooser = Callable[[Scenario, dt.date, Sequence[Choice], int], tuple[Choice, int]]
"""(scenario, today, the legal choices, policy rng state) -> (choice, new policy rng state)."""
Policy = Callable[[Scenario, GameState, int], tuple[Choice, int]]
"""(scenario, state, policy rng state) -> (choice, new policy rng state)."""


def choose_historical(
    scenario: Scenario, today: dt.date, legal: Sequence[Choice], generator: int
) -> tuple[Choice, int]:
    """What history did: answer each pending demand as history did, take the day's historical
    actions, then end the day."""
    for choice in legal:
        if isinstance(choice, Respond):
            demand = scenario.demands[choice.demand]
            if demand.historical_response == choice.response:
                return choice, generator
    for choice in legal:
        if isinstance(choice, TakeAction):
            action = scenario.actions[choice.action]
            period = action.historical_period
            # a span of days without the day known: the last day of it, by which it was done
            if today in action.historical_dates or (period is not None and today == period.end):
                return choice, generator
    return EndDay(), generator


def choose_uniform(
    scenario: Scenario, today: dt.date, legal: Sequence[Choice], generator: int
) -> tuple[Choice, int]:
    """Any legal choice, each equally likely (ending the day included)."""
    # rng.below(generator, len(legal)), written out: the explorer draws this at every step, and
    # the call costs more than the arithmetic (tests/engine/test_draws.py holds the two equal)
    state = (generator + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return legal[(z ^ (z >> 31)) % len(legal)], state


def _by_kind(kind: str) -> Chooser:
    """Answer every demand with a response of `kind` when there is one, otherwise play randomly."""

    def chooser(
        scenario: Scenario, today: dt.date, legal: Sequence[Choice], generator: int
    ) -> tuple[Choice, int]:
        for choice in legal:
            if (
                isinstance(choice, Respond)
                and scenario.demands[choice.demand].responses[choice.response].kind == kind
            ):
                return choice, generator
        options = [c for c in legal if not isinstance(c, Respond)]
        generator, index = rng.below(generator, len(options))
        return options[index], generator

    chooser.__doc__ = (
        f"Answer demands with '{kind}' responses when possible; otherwise choose at random."
    )
    return chooser


def policy_of(chooser: Chooser) -> Policy:
    """The chooser asked of a frozen state."""

    def policy(scenario: Scenario, state: GameState, generator: int) -> tuple[Choice, int]:
        return chooser(scenario, state.date, legal_actions(scenario, state), generator)

    policy.__doc__ = chooser.__doc__
    return policy


CHOOSERS: dict[str, Chooser] = {
    "random": choose_uniform,
    "historical": choose_historical,
    "comply": _by_kind("accept"),
    "refuse": _by_kind("refuse"),
    "stall": _by_kind("stall"),
}
POLICIES: dict[str, Policy] = {name: policy_of(chooser) for name, chooser in CHOOSERS.items()}
historical = POLICIES["historical"]
uniform = POLICIES["random"]
