"""The why report as text: the explorer report's section on what was never reached and why."""

from __future__ import annotations

import textwrap

from game.analysis.why_report import KINDS, MOMENTS, CheckCount, PartCount, WhyReport, days
from game.engine.index import rule_label

PART_WIDTH = 44  # parts longer than this are not padded: the column would push the counts off


def _share(held: int, samples: int) -> str:
    if held == samples:
        return f"held on every day ({samples:,})"
    percent = 100 * held / samples
    shown = "<1" if percent < 1 else ">99" if percent > 99 else f"{percent:.0f}"
    return f"held on {shown}% of days ({held:,} of {samples:,})"


def _part_line(part: PartCount, samples: int, width: int) -> str:
    if part.held == 0:
        words = f"never held (0 of {days(samples)})" + ("" if part.negated else "  <- never true")
    else:
        words = _share(part.held, samples)
        if part.negated and part.held == samples:
            words += "  <- always in the way"
    return f"{part.text:<{width}}  {words}"


def _check_lines(check: CheckCount, indent: str) -> list[str]:
    if check.samples == 0:
        return []  # the notes say why nothing was tested
    lines = []
    several = len(check.branches) > 1
    if several and not check.held:
        lines.append(f"{indent}no branch of the `or` ever held (0 of {days(check.samples)})")
    # a branch of one part is told on the line that names the branch, aligned with the others
    single = [b.parts[0].text for b in check.branches if len(b.parts) == 1]
    single_width = min(PART_WIDTH, max(map(len, single), default=0))
    for number, branch in enumerate(check.branches):
        inner = indent
        if several:
            named = f"{indent}{'either:' if number == 0 else 'or:':<8}"
            if len(branch.parts) == 1:
                lines.append(named + _part_line(branch.parts[0], check.samples, single_width))
                continue
            lines.append(named + branch.text)
            inner = indent + "    "
        width = min(PART_WIDTH, max(len(p.text) for p in branch.parts))
        lines += [inner + _part_line(p, check.samples, width) for p in branch.parts]
        if len(branch.parts) > 1 and not branch.together and all(map(check.met, branch.parts)):
            lines.append(
                f"{inner}every part held on some day, but never all at once"
                f" (on 0 of {days(check.samples)})"
            )
    if check.held and any(len(b.parts) > 1 for b in check.branches):
        lines.append(f"{indent}the whole condition {_share(check.held, check.samples)}")
    return lines


def _condition(check: CheckCount) -> str:
    scope = f"  ({check.scope})" if check.scope else ""
    return f'{check.label}: "{check.text}"{scope}'


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, 100, initial_indent=indent, subsequent_indent=indent)


def render_why(why: WhyReport) -> list[str]:
    """The report's section on what was never reached and why (no lines when nothing was)."""
    if not why.items:
        return []
    if why.games:
        played = "game of the run was" if why.games == 1 else f"{why.games:,} games of the run were"
        heading = (
            f"Never reached, and why. The first {played} played again, each"
            " condition tested once a day: those of events, reports, demands, actor rules,"
            f" actions and answers on {MOMENTS['dawn']}; those of stage transitions and endings"
            f" on {MOMENTS['dusk']}."
        )
    else:
        heading = "Never reached, and why:"
    lines = _wrapped(heading, "")
    for item in why.items:
        ident = rule_label(item.ident) if item.section == "actor_rules" else item.ident
        name = f"{KINDS[item.section]} {ident}" + (f' "{item.title}"' if item.title else "")
        # FILE:LINE:COL first, as `validate` writes it: editors and terminals open it there
        name = f"{item.where}: {name}" if item.where else name
        checks = item.checks
        # one condition of its own goes on the item's line; a stage's ways in, each on its own
        if len(checks) == 1 and item.section != "stages":
            lines.append(f"  {name}  {_condition(checks[0])}")
            lines += _check_lines(checks[0], "      ")
        else:
            lines.append(f"  {name}")
            for check in checks:
                at = f"{check.where}: " if check.where else ""
                lines.append(f"    {at}{_condition(check)}")
                lines += _check_lines(check, "      ")
        for note in item.notes:
            lines += _wrapped(note, "      ")
    return lines
