"""`python -m benchmarks [--quick] [--only ROW ...]`: measure, then print one table."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
import time

from benchmarks import ROWS, machine
from benchmarks.common import Result, render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="short runs (under a minute in all)")
    parser.add_argument("--only", nargs="+", choices=list(ROWS), help="run only these rows")
    args = parser.parse_args(argv)
    results: list[Result] = []
    failed: list[str] = []
    started = time.perf_counter()
    for name in ROWS:
        if args.only and name not in args.only:
            continue
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        try:
            results.extend(importlib.import_module(f"benchmarks.{name}").run(args.quick))
        except Exception as exc:  # noqa: BLE001 - one broken row must not hide the others
            failed.append(f"{name}: {exc}")
    print(
        f"{dt.date.today().isoformat()} · {machine()} · {'quick' if args.quick else 'full'} run, "
        f"{time.perf_counter() - started:.0f} s"
    )
    print(render(results))
    for line in failed:
        print(f"FAILED {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
