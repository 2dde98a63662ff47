"""`python -m benchmarks.bytecodes [--games N] [--top K]`: the explorer's work per game, counted exactly.

Row 5 of the table is a rate, and on a shared machine rates drift by a factor of two over an
evening. This counts instead: the Python bytecode instructions and calls of N random games of the
1935 scenario (seeds 0..N-1, after a warm-up), by function and by file, with `sys.settrace`.
The count is the same on every run and every machine with the same Python, so a change to the
engine's Python code can be judged by it, before and after, without timing anything. (Tracing is
slow: 50 games take 10-15 s.) C code counts as the one instruction that calls it, so a
change that moves work into C built-ins (`map`, `compress`, `bisect`) must be judged by the
machine instructions instead (callgrind; see benchmarks/README.md): one that saved 15% of the
bytecodes cost 7% more of those.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

from benchmarks.common import ROOT, SCENARIO


def label(code: CodeType) -> str:
    """FILE:LINE FUNCTION, the file relative to the repository (or its package and name)."""
    path = Path(code.co_filename)
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else Path(*path.parts[-2:])
    return f"{name}:{code.co_firstlineno} {getattr(code, 'co_qualname', code.co_name)}"  # 3.11+


def count(games: int) -> tuple[Counter[str], Counter[str]]:
    """(bytecode instructions by function, calls by function) over `games` random games."""
    from game.analysis.explore import play_range
    from game.scenario.load import load_scenario

    scenario = load_scenario(SCENARIO).scenario
    # Compiled expressions and plans are built once, some only when a rare path first needs
    # them (an outcome's weight written as an expression): the games to be counted are played
    # once untraced, so that the count is the same at every run
    play_range(scenario, 10_000, 10_020, "random")
    play_range(scenario, 0, games, "random")
    instructions: Counter[CodeType] = Counter()
    calls: Counter[CodeType] = Counter()

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "opcode":
            instructions[frame.f_code] += 1
        elif event == "call":
            calls[frame.f_code] += 1
            frame.f_trace_opcodes = True
        return trace

    sys.settrace(trace)
    try:
        play_range(scenario, 0, games, "random")
    finally:
        sys.settrace(None)
    by_label: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    for counts, labelled in zip((instructions, calls), by_label, strict=True):
        for code, n in counts.items():
            labelled[label(code)] += n  # distinct code objects may share a label (generated code)
    return by_label


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bytecodes", description=__doc__)
    parser.add_argument("--games", type=int, default=50, help="games to count (default 50)")
    parser.add_argument("--top", type=int, default=25, help="functions to list (default 25)")
    args = parser.parse_args(argv)
    instructions, calls = count(args.games)
    total = sum(instructions.values())
    per_game = args.games or 1
    print(
        f"{total / per_game:,.0f} bytecode instructions and {sum(calls.values()) / per_game:,.0f} "
        f"Python calls per game ({args.games} random games of {SCENARIO.name}, Python "
        f"{sys.version.split()[0]})"
    )
    by_file: Counter[str] = Counter()
    for function, n in instructions.items():
        by_file[function.split(":")[0]] += n
    print("\nby file:")
    for name, n in by_file.most_common():
        print(f"  {n / per_game:9,.0f}  {100 * n / total:5.1f}%  {name}")
    print(f"\nby function (instructions per game, share, calls per game), top {args.top}:")
    for function, n in instructions.most_common(args.top):
        print(
            f"  {n / per_game:9,.0f}  {100 * n / total:5.1f}%  {calls[function] / per_game:7.1f}  {function}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
