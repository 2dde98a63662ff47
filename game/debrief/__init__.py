"""The debrief: the player's decisions beside the historical record, as data and as hand-in reports."""

from game.debrief.build import build_debrief
from game.debrief.html import render_html
from game.debrief.markdown import render_markdown

__all__ = ["build_debrief", "render_html", "render_markdown"]
