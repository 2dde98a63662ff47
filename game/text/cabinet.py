"""Group play: advisers vote on each decision by number; the majority decides, adviser 1 breaks ties."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from game.debrief.model import Vote
from game.debrief.sections import vote_summary


def leaders(votes: Sequence[str]) -> list[str]:
    """The choices with the most votes, in the order they were first voted for."""
    if not votes:
        return []
    counts = Counter(votes)
    top = max(counts.values())
    return [choice for choice in dict.fromkeys(votes) if counts[choice] == top]


def decide(votes: Sequence[str]) -> str | None:
    """The majority's choice; on a tie adviser 1's vote wins if it is among the tied, else None
    (then adviser 1 must choose among the tied)."""
    tied = leaders(votes)
    if len(tied) == 1:
        return tied[0]
    if votes and votes[0] in tied:
        return votes[0]
    return None


@dataclass(frozen=True)
class VoteRecord:
    """One cabinet decision, for the record printed with the debrief."""

    day: int
    date: str
    ballots: tuple[str, ...]  # each adviser's choice, as a label, adviser 1 first
    decision: str
    tally: int  # votes for the decision
    tie_broken: bool


def debrief_votes(records: Sequence[VoteRecord]) -> list[Vote]:
    """The cabinet's votes for the report's own section of votes, placed before its questions
    (teacher's report review: appended after the sources, they came last, and far from the
    decisions), each with every adviser's ballot (said as game.debrief.sections.vote_summary
    says it: each choice once, who voted for what when the vote was split)."""
    return [
        Vote(
            question=f"Day {record.day} ({record.date})",
            tally=dict(Counter(record.ballots)),
            chosen=record.decision,
            ballots=list(record.ballots),
            note="tie broken by adviser 1" if record.tie_broken else "",
        )
        for record in records
    ]


def render_votes(records: Sequence[VoteRecord]) -> list[str]:
    """The cabinet's votes as plain lines, one a vote, as the report says them."""
    if not records:
        return ["No votes were taken."]
    return [vote_summary(vote) for vote in debrief_votes(records)]
