"""Whether ending the day deserves a second thought: the window's rule for asking again on E or
"End the day" (a front end's question, kept apart from the wording of effects and deadlines in
`describe`)."""

from __future__ import annotations

from game.analysis.describe import nearest_deadline
from game.engine.actions import EndDay
from game.engine.api import legal_actions
from game.engine.state import GameState
from game.engine.words import counted
from game.scenario.model import Scenario


def night_warning(scenario: Scenario, state: GameState) -> str:
    """Why ending today deserves a second thought, in a sentence ('' for an ordinary night): the
    game ends, a demand's deadline runs out unanswered (the nearest deadline, as the header counts
    down to it: an ultimatum first on a day both fall due), or none of the day's action points
    spent while something could be done (a play-test: a stray E threw away a whole day's
    council). A player who has spent a point and stops with points left is not asked: passing is a
    choice this game often rewards. The window asks for a second E (or click) on such a night;
    the first two come first, since they cannot be undone."""
    if state.date >= scenario.calendar.end:
        return "This is the last day: ending it ends the game."
    deadline = nearest_deadline(scenario, state)
    if deadline is not None and deadline.days_left <= 0:
        return f"The deadline of \u201c{deadline.title}\u201d runs out tonight, unanswered."
    if state.budget >= scenario.calendar.actions_per_day > 0 and any(
        choice.__class__ is not EndDay for choice in legal_actions(scenario, state)
    ):
        return f"You have not spent any of today's {counted(state.budget, 'action point')}."
    return ""
