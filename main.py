"""Entry point: `python main.py [SUBCOMMAND]` (see `python main.py --help`)."""

from game.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
