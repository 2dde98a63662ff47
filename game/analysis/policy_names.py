"""The explorer's policies by name, with what each does: what the command line's help needs,
without the engine (the CLI imports this before it loads anything heavy)."""

from __future__ import annotations

POLICY_NAMES = ("random", "comply", "refuse", "stall", "historical")  # in --help's order

# What each policy does, in a phrase: `explore --help` and the authoring guide say it so (an
# author's review: "stall" read as a strategy of its own, when it is one kind of answer and chance).
DESCRIPTIONS: dict[str, str] = {
    "random": "any legal choice, ending the day included, each equally likely",
    "comply": (
        "answers every demand with an 'accept' response whenever one can be given (a demand "
        "without one is left unanswered, so its deadline runs out) and otherwise makes a random "
        "choice among the actions and ending the day"
    ),
    "refuse": "the same with 'refuse' responses",
    "stall": "the same with 'stall' responses",
    "historical": "history's answer to each demand and history's actions on their dates",
}
NOTE = "no policy gives partial, negotiate or other answers on purpose"
