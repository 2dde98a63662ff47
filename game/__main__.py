"""`python -m game` runs the command line, as `python main.py` does."""

from game.cli import main

raise SystemExit(main())
