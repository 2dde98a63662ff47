"""The debrief after the ending: text for the screen, files to save."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from game.debrief import build_debrief, render_html, render_markdown
from game.engine.state import GameState
from game.scenario.model import Scenario
from game.text.cabinet import VoteRecord, debrief_votes
from game.text.debrief_view import debrief_lines
from game.text.style import Style


@dataclass(frozen=True)
class Debrief:
    """The debrief built for one finished game, with its two renderings at hand."""

    value: Any
    markdown: str
    html: str

    def screen_lines(self, style: Style, *, saving: bool = True) -> list[str]:
        """The debrief for the terminal, right after `render.ending_lines` (so the ending's
        epilogue, scores and verdicts are not repeated); `saving`: a report can be saved with `r`,
        so the date played and the sources' addresses are left to it.

        A bug in laying it out must not cost the player the debrief: the report's Markdown is
        shown instead, after a line that says so, and the error goes to a crash log (raised
        instead with HEBEI1935_STRICT=1, as in the tests)."""
        from game.crash import describe, strict, write_crash_log

        try:
            return debrief_lines(self.value, style, saving=saving, ending_above=True)
        except Exception as exc:
            if strict():
                raise
            context = {
                "where": "the text version's debrief (debrief_lines)",
                "scenario": self.value.scenario_id,
                "seed": self.value.seed,
            }
            path = write_crash_log(exc, context)
            said = (
                f"The debrief could not be laid out for the terminal ({describe(exc)}). Here is"
                " the text of the report instead; the details of the error were written to:"
            )
            where = f"  {path}"  # unwrapped, to copy whole
            return ["", *style.wrap(said, indent="  "), where, "", *self.markdown.splitlines()]


class DebriefUnavailable(Exception):
    """This game's debrief could not be built (the message says why); the ending is still shown."""


def build(
    scenario: Scenario,
    state: GameState,
    *,
    seed: int,
    player_name: str = "",
    played_on: str = "",
    practice: bool = False,
    made_by: str = "",
    votes: Sequence[VoteRecord] = (),
    passed_days: Sequence[int] = (),
    timed_out_days: Sequence[int] = (),
) -> Debrief:
    try:
        debrief = build_debrief(
            scenario,
            state,
            seed=seed,
            player_name=player_name,
            played_on=played_on,
            practice=practice,
            made_by=made_by,
            votes=debrief_votes(votes),
            passed_days=passed_days,
            timed_out_days=timed_out_days,
        )
        return Debrief(debrief, render_markdown(debrief), render_html(debrief))
    except Exception as exc:  # a bug there must not cost the player the ending
        from game.crash import strict

        if strict():
            raise
        raise DebriefUnavailable(
            f"the debrief could not be prepared ({type(exc).__name__}: {exc})"
        ) from None


def is_html(path: str) -> bool:
    return path.lower().endswith((".html", ".htm"))


def report_text(debrief: Debrief, path: str) -> str:
    """The report for `path`: HTML for .html/.htm, otherwise Markdown."""
    return debrief.html if is_html(path) else debrief.markdown
