"""The command line: `python main.py [SUBCOMMAND] ...`. Wiring, exit codes and output only.

Exit codes: 0 success, 1 a problem with the user's input (reported in one line or as
FILE:LINE:COL diagnostics), 2 a usage error (argparse), 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from game import __version__
from game.analysis.policy_names import DESCRIPTIONS, NOTE, POLICY_NAMES
from game.paths import bundled_scenario, bundled_scenarios, scenarios_dir

if TYPE_CHECKING:
    from game.analysis.replay import Playthrough, Stop
    from game.engine.state import GameState
    from game.saves import SaveGame, SessionNotes
    from game.scenario.load import LoadedScenario
    from game.scenario.model import Scenario
    from game.scenario.source import Diagnostic, SourceSpan

# The scenario format (and with it pydantic and YAML) is imported where it is used, not here:
# `play` shows the title screen before loading the scenario, and those imports took several times
# as long as opening the window.

SCENARIOS_DIR = scenarios_dir()
DEFAULT_SCENARIO = SCENARIOS_DIR / "he_umezu_1935.yaml"


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit code 1."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `command` (a subcommand's name), that subcommand only.

    Building all eight subparsers took several milliseconds of `play`'s start, before its first
    frame; a subcommand's own usage, help and errors are the same either way. Anything that is
    not a subcommand's name (no subcommand, a typo, `--help`) gets the whole parser.
    """
    parser = argparse.ArgumentParser(
        prog="hebei1935",
        description="Hebei 1935: a diplomatic crisis game about the He–Umezu affair (May–June 1935).",
        epilog="With no subcommand, `play` starts the game.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    whole = command not in SUBCOMMANDS
    for name, (summary, description, add_arguments) in SUBCOMMANDS.items():
        if whole or name == command:
            add_arguments(commands.add_parser(name, help=summary, description=description))
    return parser


# (the scenario files' arguments: see scenario_file)
BUNDLED_HELP = (
    "a bundled scenario may be named by its id, e.g. he_umezu_1935, or its path in the project,"
    " scenarios/he_umezu_1935.yaml, from any folder"
)


def _add_validate_arguments(validate: argparse.ArgumentParser) -> None:
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help=f"scenario YAML files; {BUNDLED_HELP}"
    )
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--quiet", "-q", action="store_true", help="print only problems")


def _add_no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def _add_graph_arguments(graph: argparse.ArgumentParser) -> None:
    graph.add_argument("file", metavar="FILE", help=f"scenario YAML file; {BUNDLED_HELP}")
    graph.add_argument(
        "--format",
        choices=("mermaid", "dot"),
        default="mermaid",
        help="diagram language (default mermaid)",
    )


def _add_explore_arguments(explore: argparse.ArgumentParser) -> None:
    explore.add_argument("file", metavar="FILE", help=f"scenario YAML file; {BUNDLED_HELP}")
    explore.add_argument(
        "--runs",
        type=_positive_up_to(MAX_RUNS),
        default=500,
        help=f"number of games (default 500, at most {MAX_RUNS:,})",
    )
    explore.add_argument(
        "--seed", type=int, default=0, help="seed of the first game; game i uses seed+i (default 0)"
    )
    explore.add_argument(
        "--jobs",
        type=_positive,
        default=1,
        help="worker processes (default 1; at most one per CPU and one per game); the report is"
        " the same for any number",
    )
    explore.add_argument(
        "--policy",
        choices=(*POLICY_NAMES, "all"),
        default="random",
        help="how choices are made (default random): "
        + "; ".join(f"{name}: {DESCRIPTIONS[name]}" for name in POLICY_NAMES)
        + f" ({NOTE}); all: every policy on the same seeds, their endings' shares and mean"
        " scores side by side",
    )
    explore.add_argument(
        "--json", action="store_true", help="print one JSON object instead of a table"
    )


def _add_replay_arguments(replay: argparse.ArgumentParser) -> None:
    replay.add_argument("file", metavar="FILE", help=f"scenario YAML file; {BUNDLED_HELP}")
    how = replay.add_mutually_exclusive_group(required=True)
    how.add_argument("--historical", action="store_true", help="take the choices history took")
    how.add_argument(
        "--choices",
        metavar="CHOICES.yaml",
        help="a YAML list of choices: action ids, DEMAND:RESPONSE, inject:ID or 'end'; every"
        " entry is checked before playing, a choice the game refuses stops the replay (exit 1),"
        " and after the last entry each remaining day is ended",
    )
    replay.add_argument("--seed", type=int, default=1935, help="random seed (default 1935)")
    replay.add_argument(
        "--json", action="store_true", help="print one JSON object instead of the log"
    )
    replay.add_argument(
        "--report",
        metavar="OUT.md|OUT.html",
        help="also write the debrief report (Markdown or HTML, by the file's suffix)",
    )
    replay.add_argument("--name", default="", help="the student's name, printed on the report")


def _add_screenshots_arguments(shots: argparse.ArgumentParser) -> None:
    shots.add_argument(
        "out_dir", metavar="OUT_DIR", help="folder for the PNG files (created if missing)"
    )
    shots.add_argument("--size", default="1280x720", help="window size WxH (default 1280x720)")
    shots.add_argument(
        "--scenario",
        metavar="FILE",
        default=None,
        help=f"scenario YAML file; {BUNDLED_HELP} (default: he_umezu_1935)",
    )
    shots.add_argument("--seed", type=int, default=1935, help="random seed (default 1935)")
    shots.add_argument(
        "--text-size",
        type=int,
        default=100,
        metavar="PCT",
        help="the settings' text size in percent, 50 to 200 (default 100; the game offers 85, "
        "100, 120 and 145)",
    )


def add_play_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scenario",
        metavar="FILE",
        default=None,
        help=f"scenario YAML file; {BUNDLED_HELP} (default: he_umezu_1935)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="random seed; the same seed gives the same hidden draw",
    )
    parser.add_argument("--text", action="store_true", help="play in the terminal")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="the text version without colour or decoration, for screen readers (implies --text)",
    )
    parser.add_argument(
        "--load", metavar="PATH", default=None, help="resume a saved game (a .json save file)"
    )
    parser.add_argument(
        "--save-dir",
        metavar="DIR",
        default=None,
        help="folder for saves and autosaves (default: the user's data folder)",
    )
    parser.add_argument(
        "--practice",
        action="store_true",
        help="practice game: undo allowed; its reports say it was practice",
    )
    classroom = parser.add_argument_group("classroom")
    classroom.add_argument(
        "--name", metavar="NAME", default="", help="the student's name, for the debrief report"
    )
    classroom.add_argument(
        "--time-limit",
        metavar="MINUTES",
        type=_above_zero(float, MAX_MINUTES),
        default=None,
        help="the council ends by itself after this many minutes each day",
    )
    classroom.add_argument(
        "--lesson-days",
        metavar="N",
        type=_above_zero(int, MAX_LESSON_DAYS),
        default=None,
        help="lesson mode: play N days, then the rest pass quickly to the ending and debrief",
    )
    classroom.add_argument(
        "--lesson-minutes",
        metavar="MINUTES",
        type=_above_zero(float, MAX_MINUTES),
        default=None,
        help="lesson mode: after this many minutes of play, the remaining days pass quickly to the ending and debrief (text version only; starts it)",
    )
    classroom.add_argument(
        "--cabinet",
        metavar="N",
        type=_above_zero(int, MAX_CABINET),
        default=1,
        help="group play: N advisers vote on each decision; the majority decides, adviser 1 breaks ties (text version only; starts it)",
    )


# The largest values the command line takes (robustness review: `--runs 99999999999999999999999`,
# `--cabinet 100000` and `--time-limit 1e309`, "inf minutes", were all accepted).
MAX_RUNS = 1_000_000  # games of `explore`: about an hour on one core, 1.9-3.1 ms a game
MAX_CABINET = 50  # advisers voting in turn at one keyboard
MAX_MINUTES = 24 * 60  # a council or a lesson of a whole day
MAX_LESSON_DAYS = 1000  # longer than any scenario's calendar


Number = TypeVar("Number", int, float)


def _above_zero(kind: Callable[[str], Number], maximum: Number) -> Callable[[str], Number]:
    """An argparse type: an int or a float in (0, maximum]."""

    def convert(text: str) -> Number:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, got '{text}'") from None
        if not value > 0:  # NaN too: no comparison holds for it
            raise argparse.ArgumentTypeError(f"expected a number above zero, got '{text}'")
        if not value <= maximum:
            raise argparse.ArgumentTypeError(f"expected at most {maximum:,}, got '{text}'")
        return value

    return convert


def _positive_up_to(maximum: int) -> Callable[[str], int]:
    """An argparse type: a whole number in 1..maximum."""

    def convert(text: str) -> int:
        value = _positive(text)
        if value > maximum:
            raise argparse.ArgumentTypeError(f"expected at most {maximum:,}, got {text}")
        return value

    return convert


# name: (the line in the list of subcommands, the subcommand's own description, its arguments)
SUBCOMMANDS: dict[str, tuple[str, str, Callable[[argparse.ArgumentParser], None]]] = {
    "play": (
        "play the game (the default)",
        "Play a scenario in a window, or in the terminal with --text.",
        add_play_arguments,
    ),
    "validate": (
        "check scenario files",
        "Check scenarios; print every problem as FILE:LINE:COL: message; exit 1 if any error"
        " (with --strict, any warning too).",
        _add_validate_arguments,
    ),
    "schema": (
        "print the scenario format's JSON Schema",
        "Print the JSON Schema of the scenario format (for editors).",
        _add_no_arguments,
    ),
    "graph": (
        "draw the stage machine as a diagram",
        "Print the scenario's stages, transitions and endings as a Mermaid or Graphviz DOT diagram.",
        _add_graph_arguments,
    ),
    "explore": (
        "simulate many games and report endings and unreached content",
        "Play many seeded games without input and report how often each ending happens, what is never reached and why (how often each part of its condition held, in the first 200 games played again), and days with nothing to do.",
        _add_explore_arguments,
    ),
    "replay": (
        "deterministic playthrough with a day-by-day log",
        "Play a scenario without input, deterministically, and print a day-by-day log.",
        _add_replay_arguments,
    ),
    "screenshots": (
        "render every screen of the window to PNG files",
        "Render every screen (title, briefing, codex, crisis, dialogs, ending, debrief, settings, help) to OUT_DIR/<screen>.png, headless, from a game played the historical way.",
        _add_screenshots_arguments,
    ),
}


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if (
        not args_list
        or args_list[0].startswith("-")
        and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list = ["play", *args_list]
    args = build_parser(args_list[0]).parse_args(args_list)
    try:
        return _dispatch(args)
    except UserError as exc:
        print(f"hebei1935: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nhebei1935: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except (
        Exception
    ) as exc:  # the last guard: a bug must end in one line and a log, never a traceback
        if _is_scenario_error(exc):
            # every diagnostic, then what the errors kept from being checked, as `validate`
            # ends (author's review)
            for line in exc.lines():  # type: ignore[attr-defined]
                print(line, file=sys.stderr)
            return 1
        return _crashed(exc, args)


def _is_scenario_error(exc: Exception) -> bool:
    """Whether `exc` is the scenario format's ScenarioError (its module is loaded if one was raised)."""
    source = sys.modules.get("game.scenario.source")
    return source is not None and isinstance(exc, source.ScenarioError)


def _crashed(exc: Exception, args: argparse.Namespace) -> int:
    from game.crash import describe, write_crash_log

    context = {key: value for key, value in vars(args).items() if value not in (None, False)}
    log = write_crash_log(exc, context)
    message = f"hebei1935: unexpected error ({describe(exc)}); details written to {log}."
    # Only a game leaves an autosave worth naming: after a crash of validate, replay or explore
    # it would be some earlier game's, which nothing in this run touched.
    autosave = _last_autosave(args) if (args.command or "play") == "play" else None
    if autosave is not None:
        # with the options the game was started with, as the text game's own resume hint
        command = resume_command(
            autosave,
            text=getattr(args, "text", False),
            scenario=getattr(args, "scenario", None),
            options=_session_options(args) if hasattr(args, "time_limit") else [],
        )
        message += f" Your last autosave is kept: resume it with `{command}`."
    print(message, file=sys.stderr)
    return 1


def _last_autosave(args: argparse.Namespace) -> Path | None:
    """The newest autosave, if it is of a game still going (a finished one resumes to its end)."""
    try:
        from game.saves import latest_autosave, save_dir

        found = latest_autosave(save_dir(getattr(args, "save_dir", None)))
        if (
            found is None
            or json.loads(found.read_text(encoding="utf-8"))["state"]["phase"] == "over"
        ):
            return None
        return found
    except Exception:  # the crash may have come from here; the message must still be printed
        return None


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command or "play"
    if command == "validate":
        return cmd_validate(args)
    if command == "schema":
        from game.scenario.schema import scenario_schema_text

        sys.stdout.write(scenario_schema_text())
        return 0
    if command == "replay":
        return cmd_replay(args)
    if command == "graph":
        return cmd_graph(args)
    if command == "explore":
        return cmd_explore(args)
    if command == "screenshots":
        return cmd_screenshots(args)
    return cmd_play(args)


def cmd_validate(args: argparse.Namespace) -> int:
    from game.scenario.load import check_scenario, read_scenario_file
    from game.scenario.source import ScenarioError, report_lines

    failed = False
    for name in args.files:
        try:
            name = scenario_file(name)
            raw = read_scenario_file(name)
        except ScenarioError as exc:
            for diagnostic in exc.diagnostics:
                print(diagnostic, file=sys.stderr)
            failed = True
            continue
        checked = check_scenario(raw, name)
        diagnostics = checked.diagnostics
        errors = [d for d in diagnostics if d.severity == "error"]
        # (and, if a shape error stopped the checks, that more may follow its fix)
        for line in report_lines(diagnostics, checked.unchecked, str(name)):
            print(line, file=sys.stderr)
        if errors:
            failed = True
        elif diagnostics and args.strict:  # say why a file with only warnings failed
            count = f"{len(diagnostics)} warning{'' if len(diagnostics) == 1 else 's'}"
            print(f"{name}: failed ({count}; --strict counts warnings as errors)", file=sys.stderr)
            failed = True
        elif not args.quiet:
            note = f" ({len(diagnostics)} warning(s))" if diagnostics else ""
            print(f"{name}: ok{note}")
    return 1 if failed else 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def cmd_graph(args: argparse.Namespace) -> int:
    from game.analysis.graph import scenario_graph

    sys.stdout.write(scenario_graph(load(scenario_file(args.file)).scenario, args.format))
    return 0


def cmd_explore(args: argparse.Namespace) -> int:
    from game.analysis.explore import explore, render_report
    from game.scenario.load import load_scenario_bytes, read_scenario_file

    args.file = scenario_file(args.file)
    raw = read_scenario_file(args.file)  # kept: the workers of --jobs load it again
    loaded = load_scenario_bytes(raw, args.file)
    show = sys.stderr.isatty() and args.runs > 200

    def progress(done: int, total: int) -> None:
        filled = done * 30 // total
        print(
            f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} games",
            end="" if done < total else "\n",
            file=sys.stderr,
            flush=True,
        )

    if args.policy in ("historical", "all"):
        _note_if_nothing_historical(loaded.scenario)
    jobs = _capped_jobs(args.jobs, args.runs)
    if args.policy == "all":
        return _explore_every_policy(args, loaded.scenario, raw, jobs, progress if show else None)
    report = explore(
        loaded.scenario,
        runs=args.runs,
        seed=args.seed,
        policy=args.policy,
        jobs=jobs,
        source=(raw, args.file),
        progress=progress if show else None,
    )
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(render_report(report))
    return 0


def _explore_every_policy(
    args: argparse.Namespace,
    scenario: Scenario,
    raw: bytes,
    jobs: int,
    progress: Callable[[int, int], None] | None,
) -> int:
    """`explore --policy all`: each policy on the same seeds, compared in one table."""
    from game.analysis.compare import compare, comparison_json, render_comparison
    from game.analysis.explore import explore

    def overall(done: int) -> Callable[[int, int], None] | None:
        """One bar for all the policies' games: this policy's begin after `done`."""
        if progress is None:
            return None
        return lambda n, _: progress(done + n, args.runs * len(POLICY_NAMES))

    reports = {}
    for index, policy in enumerate(POLICY_NAMES):
        reports[policy] = explore(
            scenario,
            runs=args.runs,
            seed=args.seed,
            policy=policy,
            jobs=jobs,
            source=(raw, args.file),
            progress=overall(index * args.runs),
            why_games=0,  # the comparison does not say why; --policy NAME does
        )
    comparison = compare(scenario, reports)
    if args.json:
        print(json.dumps(comparison_json(scenario, comparison), ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(render_comparison(scenario, comparison))
    return 0


def _capped_jobs(jobs: int, runs: int) -> int:
    """At most one worker per CPU and one per game; says so when --jobs asked for more
    (robustness review: --jobs 300 started 300 processes, --jobs 100000 never finished)."""
    import os

    # the CPUs this process may use (a container or `taskset` may allow fewer than it has)
    usable = getattr(os, "sched_getaffinity", None)
    cpus = len(usable(0)) if usable is not None else (os.cpu_count() or 1)
    capped = max(1, min(jobs, runs, cpus))
    if capped < jobs:
        why = (
            "one per game"
            if runs < cpus
            else f"this process may use {cpus} CPU{'' if cpus == 1 else 's'}"
        )
        print(f"hebei1935: --jobs {jobs} capped to {capped} ({why})", file=sys.stderr)
    return capped


def _note_if_nothing_historical(scenario: Scenario, what: str = "the historical policy") -> None:
    """The historical policy follows `historical_dates` (or a `historical_period`) and
    `historical_response`: say so when the scenario has neither, or its games would look like a
    policy that does nothing."""
    if scenario.records_decisions:
        return
    print(
        "hebei1935: note: nothing in this scenario is marked historical (no action has "
        f"historical_dates, no demand a historical_response), so {what} only ends each day",
        file=sys.stderr,
    )


def scenario_file(name: str) -> str:
    """The scenario file a command line names. A file that exists (from the current folder)
    always wins; otherwise a bundled scenario by its id, its file's name or its path in the
    project (game.paths.bundled_scenario), so `replay he_umezu_1935` and the guides'
    `replay scenarios/he_umezu_1935.yaml` work from any folder (teacher's review: only from the
    project's). Anything else is a ScenarioError at NAME:1:1 naming the bundled scenarios."""
    if Path(name).is_file():
        return name
    found = bundled_scenario(name, SCENARIOS_DIR)
    if found is not None:  # a folder of that name does not hide it (code review)
        return str(found)
    if Path(name).exists():
        return name  # a folder: the loader says it is not a scenario file
    from game.scenario.source import Diagnostic, ScenarioError, SourceSpan

    ids = ", ".join(path.stem for path in bundled_scenarios(SCENARIOS_DIR))
    raise ScenarioError(
        [
            Diagnostic(
                SourceSpan(name, 1, 1),
                "no such file, nor a bundled scenario by that name",
                hint=f"the bundled scenarios: {ids}; name one by its id, or give the path of a "
                "scenario file",
            )
        ]
    )


def load(path: str | Path) -> LoadedScenario:
    from game.scenario.load import load_scenario

    return load_scenario(path)


def cmd_replay(args: argparse.Namespace) -> int:
    from game.analysis.policies import historical
    from game.analysis.replay import play, render_log, scripted

    report_format = (
        _report_format(args.report) if args.report else None
    )  # refuse a bad suffix before playing
    loaded = load(scenario_file(args.file))
    choices: list[Choice] = []
    if args.historical:
        _note_if_nothing_historical(loaded.scenario)
        policy = historical
    else:
        choices = read_choices(args.choices, loaded.scenario)  # every bad entry at once
        policy = scripted([choice.key for choice in choices])
    # a rejected choice stops the replay: the choices after it assumed it was taken
    playthrough = play(loaded.scenario, args.seed, policy, stop_at_rejection=True)
    if args.json:
        print(json.dumps(playthrough.to_json(), ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(render_log(playthrough))
    if playthrough.stopped is not None:
        _report_rejection(playthrough.stopped, choices)
        return 1
    _report_unplayed(playthrough, choices)
    if report_format:
        import datetime as dt

        from game.debrief import build_debrief, render_html, render_markdown

        debrief = build_debrief(
            loaded.scenario,
            playthrough.final,
            seed=args.seed,
            player_name=args.name,
            played_on=dt.date.today().isoformat(),
            made_by=(
                "replaying history's choices (replay --historical)"
                if args.historical
                else f"replaying the choices in {Path(args.choices).name} (replay --choices)"
            ),
            replay=True,
        )
        text = render_html(debrief) if report_format == "html" else render_markdown(debrief)
        _write_atomically(Path(args.report), text)
        # with --json, stdout stays one JSON object
        print(f"Report written to {args.report}", file=sys.stderr if args.json else sys.stdout)
    return 0


def _report_unplayed(playthrough: Playthrough, choices: list[Choice]) -> None:
    """A warning on stderr when the game ended before the choices file did: the entries left
    were never played (teacher's report review: a replay dropped them without a word)."""
    from game.engine.state import GameEvent
    from game.engine.words import counted

    played = sum(
        1 for record in playthrough.days for item in record.order if not isinstance(item, GameEvent)
    )
    if played >= len(choices):
        return
    left = len(choices) - played
    ending = playthrough.scenario.endings.get(playthrough.final.ending or "")
    how = f" ({ending.title})" if ending else ""
    which = "it was" if left == 1 else f"it and the {counted(left - 1, 'choice')} after it were"
    print(
        f"{choices[played].span}: warning: the game ended on {playthrough.final.date}{how} "
        f"before this choice; {which} not played",
        file=sys.stderr,
    )


def _report_rejection(stopped: Stop, choices: list[Choice]) -> None:
    """The one line on stderr for a choice the engine refused, at its entry in the choices file."""
    where = f"rejected on day {stopped.day} ({stopped.date})"
    reason = f"{stopped.choice.rejected} (the replay stopped here; no report was written)"
    if stopped.step < len(choices):
        print(f"{choices[stopped.step].span}: error: {where}: {reason}", file=sys.stderr)
    else:  # the historical policy, or the day-ending after the last entry
        print(f"hebei1935: '{stopped.choice.key}' was {where}: {reason}", file=sys.stderr)


def _report_format(path: str) -> str:
    """'markdown' or 'html' by the report file's suffix; checked before playing, so nothing is wasted."""
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown"):
        kind = "markdown"
    elif suffix in (".html", ".htm"):
        kind = "html"
    else:
        raise UserError(
            f"cannot write a report as '{suffix or path}': name the file .md (Markdown) or .html (HTML)"
        )
    folder = Path(path).parent
    if not folder.is_dir():
        raise UserError(f"cannot write {path}: the folder {folder} does not exist")
    return kind


def _write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it over: never a half-written report."""
    import os
    import secrets

    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        # os.open with 0o666 lets the umask decide the mode (tempfile would make it owner-only)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None


class Choice(NamedTuple):
    """One entry of a choices file and where it was written."""

    key: str
    span: SourceSpan  # (game.scenario.source is imported where it is used)


def _choices_example(scenario: Scenario | None) -> str:
    """A choices list in the scenario's own names: its first action, an answer, and 'end'."""
    if scenario is None:
        return "e.g. ['ACTION', 'DEMAND:RESPONSE', 'end']"
    keys = [*list(scenario.actions)[:1]]
    for did, demand in scenario.demands.items():
        if demand.responses:
            keys.append(f"{did}:{demand.historical_response or next(iter(demand.responses))}")
            break
    return "e.g. [" + ", ".join(f"'{key}'" for key in [*keys, "end"]) + "]"


def read_choices(path: str, scenario: Scenario | None = None) -> list[Choice]:
    """A choices file: a YAML list of choice keys (or a mapping with `choices:`), read with the
    same safe reader as scenarios. Entries that are not text, and (given the scenario) entries
    that name nothing in it, are reported at their lines, all at once, before anything is played."""
    from game.analysis.replay import CHOICE_FORMS
    from game.scenario.source import Diagnostic, ScenarioError, SourceSpan
    from game.scenario.yaml_source import decode, read_limited, read_yaml

    try:
        raw = read_limited(path)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None
    text, problems = decode(raw, path, "choices file")
    document = None
    if text is not None:
        document, problems = read_yaml(text, path, "choices file")
    if problems:
        raise ScenarioError(problems)
    data = document.data if document else None
    where: tuple[str | int, ...] = ()
    found = "an empty file" if data is None else _kind_of(data)  # what is there instead
    if isinstance(data, dict) and "choices" in data:
        data, where = data["choices"], ("choices",)
        found = "an empty 'choices:'" if data is None else f"{_kind_of(data)} under 'choices:'"
    elif isinstance(data, dict):
        found = "a mapping without 'choices:'"
    if not isinstance(data, list) or document is None:
        span = document.span(where) if document else SourceSpan(path, 1, 1)
        raise ScenarioError(
            [
                Diagnostic(
                    span,
                    f"expected a YAML list of choices, one per line after '- ', not {found}",
                    hint=_choices_example(scenario),
                )
            ]
        )
    choices: list[Choice] = []
    wrong: list[Diagnostic] = []
    for index, item in enumerate(data):
        span = document.span((*where, index))
        if isinstance(item, str):
            choices.append(Choice(item, span))
            continue
        hint = CHOICE_FORMS
        if isinstance(item, dict) and len(item) == 1:
            ((key, value),) = item.items()
            if isinstance(value, str):
                hint = f"write {key}:{value}, with no space after the colon"
        wrong.append(Diagnostic(span, f"a choice must be text, not {_kind_of(item)}", hint=hint))
    if scenario is not None:
        wrong += _unknown_choices(scenario, choices)
    if wrong:
        raise ScenarioError(sorted(wrong, key=lambda d: d.span))
    return choices


def _kind_of(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "empty"
    if isinstance(value, str):
        return "text"
    return f"a {type(value).__name__}"  # a date, for one


def _unknown_choices(scenario: Scenario, choices: list[Choice]) -> list[Diagnostic]:
    """Every entry must name an action, a demand and one of its responses, an inject, or 'end'."""
    from game.analysis.replay import check_choice
    from game.scenario.source import Diagnostic

    problems: list[Diagnostic] = []
    for choice in choices:
        problem = check_choice(scenario, choice.key)
        if problem is not None:
            message, hint = problem
            problems.append(Diagnostic(choice.span, message, hint=hint))
    return problems


def cmd_play(args: argparse.Namespace, *, headless: bool = False) -> int:
    """Play in a window if one can be opened, else in the terminal.

    The window's default scenario is loaded behind its title screen (the first frame comes
    first); a scenario or save named on the command line is loaded before the window opens, so an
    author's errors are printed here as FILE:LINE:COL and the command exits 1. `headless` opens
    the window under SDL's dummy driver too (the start-up benchmark runs exactly this path).
    """
    scenario_path = Path(scenario_file(args.scenario)) if args.scenario else DEFAULT_SCENARIO
    classroom = [
        flag
        for flag, value in (
            ("--lesson-minutes", args.lesson_minutes),
            ("--cabinet", args.cabinet if args.cabinet > 1 else None),
        )
        if value is not None
    ]
    # --plain is the text version's (for screen readers): it never opens a window
    text = args.text or args.plain
    window = not text and not classroom and (headless or display_available())
    loaded = state = None
    if not window or args.scenario or args.load:
        loaded = load(scenario_path)
        loaded, state = _load_save(args, loaded) if args.load else (loaded, None)
    seed = (
        state.seed if state is not None else args.seed if args.seed is not None else _fresh_seed()
    )
    if state is not None and args.seed is not None and args.seed != state.seed:
        # (robustness review: the seed was silently ignored)
        print(
            f"hebei1935: --seed {args.seed} is ignored: the saved game goes on with its own seed, "
            f"{state.seed}",
            file=sys.stderr,
        )
    if not text and classroom:
        # These two lesson options live in the text version only; say so rather than ignore them,
        # naming only them (--name, --time-limit and --lesson-days work in the window too).
        works = "works" if len(classroom) == 1 else "work"
        print(
            f"{' and '.join(classroom)} {works} only in the text version, not in the window; "
            "starting the text version.",
            file=sys.stderr,
        )
    elif not text and not window:
        print(
            "No display found; starting the text version (use --text to choose it directly).",
            file=sys.stderr,
        )
    elif not text:
        try:
            from game.ui.app import WindowUnavailable, run_window
        except ImportError as exc:  # pygame missing or broken: the text version still works
            print(f"The window cannot start ({exc}); starting the text version.", file=sys.stderr)
        else:
            try:
                return run_window(
                    loaded,
                    seed=seed,
                    state=state,
                    session_notes=getattr(args, "session_notes", None),
                    scenario_file=scenario_path,
                    load=load,
                    headless=headless,
                    save_folder=getattr(args, "save_dir", None),
                    practice=getattr(args, "practice", False),
                    scenario_paths=bundled_scenarios(SCENARIOS_DIR),
                    time_limit=args.time_limit,
                    lesson_days=args.lesson_days,
                    player_name=args.name,
                )
            except WindowUnavailable as exc:
                print(
                    f"No window could be opened ({exc}); starting the text version.",
                    file=sys.stderr,
                )
    if loaded is None:
        loaded = load(scenario_path)
    return _play_text(args, loaded, seed, state)


def cmd_screenshots(args: argparse.Namespace) -> int:
    """Render every screen of the window to OUT_DIR/<screen>.png, headless."""
    import os

    os.environ["SDL_VIDEODRIVER"] = "dummy"  # headless whatever the display: nothing is shown
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    size = _window_size(args.size)
    if not 50 <= args.text_size <= 200:
        print(f"--text-size: {args.text_size} is not between 50 and 200", file=sys.stderr)
        return 2
    _check_out_folder(Path(args.out_dir))
    loaded = load(scenario_file(args.scenario) if args.scenario else DEFAULT_SCENARIO)
    # the screens are those of a game played the historical way (author test: an invented
    # scenario's set had no "What followed" slip, and nothing said why)
    _note_if_nothing_historical(
        loaded.scenario, "the game the screens come from (played the historical way)"
    )
    from game.ui.screenshots import render_screenshots
    from game.ui.settings import Settings

    settings = Settings(text_size=args.text_size / 100)
    skipped: dict[str, str] = {}
    written = render_screenshots(
        loaded, Path(args.out_dir), size=size, seed=args.seed, settings=settings, skipped=skipped
    )
    for path in written:
        print(path)
    for name, why in skipped.items():
        print(
            f"note: {name}.png not written: {why} (seed {args.seed}; another --seed may reach it)",
            file=sys.stderr,
        )
    return 0


def _check_out_folder(folder: Path) -> None:
    """A folder to write into, or one that can be made: a file at its place, or at the place of
    a folder above it, is a UserError (robustness review: `screenshots OUT` with OUT a file
    ended in an unexpected FileExistsError)."""
    from game.save_paths import file_in_the_way

    blocker = file_in_the_way(folder)
    if blocker is not None:
        raise UserError(f"{blocker} is a file, not a folder: name a folder for the screenshots")


def _window_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise UserError(f"--size must look like 1280x720, not '{text}'") from None
    if width < 320 or height < 240 or width > 7680 or height > 4320:
        raise UserError(f"--size {text} is out of range (320x240 to 7680x4320)")
    return width, height


def _play_text(
    args: argparse.Namespace, loaded: LoadedScenario, seed: int, state: GameState | None
) -> int:
    import datetime as dt

    from game.text.app import Classroom, run_text

    classroom = Classroom(
        player_name=args.name,
        time_limit=args.time_limit,
        lesson_days=args.lesson_days,
        lesson_minutes=args.lesson_minutes,
        cabinet=args.cabinet,
        practice=getattr(args, "practice", False),
        played_on=dt.date.today().isoformat(),
    )
    saves = _TextSaves(loaded, getattr(args, "save_dir", None), classroom.practice)
    saves.options = _session_options(args)
    saves.other_options = _session_options(args, this_game=False)
    return run_text(
        loaded,
        seed=seed,
        plain=args.plain,
        classroom=classroom,
        write_report=_write_report,
        report_folder=_report_folder,
        state=state,
        on_dawn=saves.autosave,
        save_slot=saves.save_slot,
        slot_holds=saves.slot_holds,
        resume_hint=saves.resume_hint,
        session_notes=getattr(args, "session_notes", None),
        keep_notes=saves.keep_notes,
    )


def _session_options(args: argparse.Namespace, *, this_game: bool = True) -> list[str]:
    """The options of `play` that a resumed game should keep: the student's name, the lesson's
    settings, the text style and the saves folder (a practice game is one by its save). For
    another game (`this_game` false: the unfinished one kept aside), only the text style and the
    saves folder: its name comes from its save (play-test: Ben's kept game was to be resumed
    with '--name Cai', and its report then said Cai)."""
    parts: list[str] = []
    if args.name and this_game:
        parts += ["--name", args.name]
    if args.time_limit is not None and this_game:
        parts += ["--time-limit", f"{args.time_limit:g}"]
    if args.lesson_days is not None and this_game:
        parts += ["--lesson-days", str(args.lesson_days)]
    if args.lesson_minutes is not None and this_game:
        parts += ["--lesson-minutes", f"{args.lesson_minutes:g}"]
    if args.cabinet > 1 and this_game:
        parts += ["--cabinet", str(args.cabinet)]
    if args.plain:
        parts.append("--plain")
    if getattr(args, "save_dir", None):
        parts += ["--save-dir", absolute(str(args.save_dir))]
    return parts


class _TextSaves:
    """The text game's saves: an autosave at each dawn, named slots on request; never a crash."""

    def __init__(self, loaded: LoadedScenario, save_dir: str | None, practice: bool) -> None:
        self.loaded = loaded
        self.save_dir = save_dir
        self.practice = practice
        self.warned = False
        self.last_autosave: Path | None = None
        # the command line's options a resumed game keeps (see resume_command)
        self.options: list[str] = []
        self.other_options: list[str] = []  # those that another game (one kept aside) keeps
        self.notes: SessionNotes | None = None  # what the text game keeps beside the state

    def keep_notes(self, notes: SessionNotes) -> None:
        self.notes = notes

    def _save(self, state: GameState, slot: str) -> SaveGame:
        from game.saves import make_save

        # stamped now in local time, as the window's saves are (game.save_time)
        return make_save(self.loaded, state, slot=slot, practice=self.practice, session=self.notes)

    def autosave(self, state: GameState) -> str:
        """Autosave at dawn; a line for the player when another unfinished game was kept."""
        from game.saves import MAX_PREVIOUS, SaveError, autosave, describe_game, save_dir

        try:
            done = autosave(save_dir(self.save_dir), self._save(state, "autosave"))
        except (SaveError, OSError) as exc:
            if not self.warned:  # once is enough; the game goes on without autosaves
                print(
                    f"hebei1935: cannot autosave ({exc}); the game goes on without autosaves",
                    file=sys.stderr,
                )
                self.warned = True
            return ""
        self.last_autosave = done.path
        if done.kept is None:
            return ""
        line = (
            f"Your unfinished game from before is kept as {done.kept}; "
            f"resume it with: {self.resume_command(done.kept, self.other_options)}"
        )
        if done.replaced is not None:
            # the older kept games are not all kept forever: say which one made room
            line += (
                f". It replaces the oldest of the {MAX_PREVIOUS} unfinished games kept there "
                f"({describe_game(done.replaced, self.loaded.scenario)}), which is gone."
            )
        return line

    def resume_hint(self) -> str:
        """How to take up this game again, once it has been autosaved."""
        if self.last_autosave is None:
            return ""
        return (
            f"It is saved as it stands: resume it with: {self.resume_command(self.last_autosave)}"
        )

    def save_slot(self, state: GameState, name: str) -> str:
        from game.saves import SaveError, save_dir, slot_path, write_save

        try:
            path = write_save(slot_path(save_dir(self.save_dir), name), self._save(state, name))
        except (SaveError, OSError) as exc:
            return f"Not saved: {exc}"
        return f"Saved as '{name}' ({path}); resume with: {self.resume_command(path)}"

    def slot_holds(self, state: GameState, name: str) -> str:
        """Another game that the save `name` holds, in a few words ("" if none: see
        game.saves.another_game_in_slot); a name that is not allowed is left to save_slot."""
        from game.saves import SaveError, another_game_in_slot, describe_game, save_dir, slot_path

        try:
            other = another_game_in_slot(
                slot_path(save_dir(self.save_dir), name), self._save(state, name)
            )
        except (SaveError, OSError):
            return ""
        return describe_game(other, self.loaded.scenario) if other is not None else ""

    def resume_command(self, save: Path, options: Sequence[str] | None = None) -> str:
        chosen = self.options if options is None else options
        return resume_command(save, text=True, scenario=self.loaded.path, options=chosen)


def resume_command(
    save: Path,
    *,
    text: bool,
    scenario: str | Path | None,
    options: Sequence[str] = (),
    platform: str = sys.platform,
) -> str:
    """The command that takes up a save again. A scenario that is not one of the game's own must
    be named, or --load would not know where to find it; `options` (`_session_options`: the
    player's name, the lesson's options, the saves folder) go on as they were. Quoted for the
    platform's shell (see command_line)."""
    words = [*program(), "play", *(["--text"] if text else []), "--load", absolute(str(save))]
    if scenario and Path(scenario).resolve().parent != SCENARIOS_DIR.resolve():
        words += ["--scenario", str(scenario)]
    return command_line([*words, *options], platform)


def absolute(path: str) -> str:
    """A path as the resume command gives it: from the root, so the command works from any
    folder (play-test: `--save-dir mysaves` gave `--load mysaves/...`, which failed elsewhere).
    A path already absolute, on this system or as Windows writes one, is left as it is."""
    if Path(path).is_absolute() or PureWindowsPath(path).is_absolute():
        return path
    return str(Path(path).resolve())


def program(argv0: str | None = None) -> list[str]:
    """How the game was started, as the first words of a command to start it again: `hebei1935`
    (the installed command, found on the PATH), `python -m game`, or `python` and the path to
    main.py as it was typed (`main.py` from the project folder, a full path from elsewhere: the
    CLI's review found `python main.py` printed to a teacher who had typed a full path).
    Anything else (a test runner) is said as the README's `python main.py`."""
    typed = sys.argv[0] if argv0 is None else argv0
    path = Path(typed)
    if path.name.lower() in ("hebei1935", "hebei1935.exe"):
        return ["hebei1935"]
    if path.name == "__main__.py" and path.parent.name == "game":
        return ["python", "-m", "game"]
    if path.name == "main.py":
        return ["python", typed]
    return ["python", "main.py"]


def command_line(words: Sequence[str], platform: str = sys.platform) -> str:
    """`words` as one command to type into the platform's shell: on Windows, Command Prompt's
    (the guide's), quoted with double quotes as `subprocess.list2cmdline` does; elsewhere a POSIX
    shell's (`shlex.join`). Teacher's review: the resume command was quoted for POSIX shells only,
    and in Command Prompt `--name 'Ana and Ben'` split into three words."""
    if platform != "win32":
        return shlex.join(words)
    import subprocess

    def word_for_cmd(word: str) -> str:
        quoted = subprocess.list2cmdline([word])
        if quoted.startswith('"') or not set(word) & set("&|<>^()"):
            return quoted
        # Command Prompt acts on these outside quotes even in a word without a space ("Ana&Ben");
        # backslashes before the closing quote are doubled, as list2cmdline doubles them
        return f'"{quoted}' + "\\" * (len(word) - len(word.rstrip("\\"))) + '"'

    return " ".join(word_for_cmd(word) for word in words)


def _report_folder() -> Path:
    """The folder for reports saved under their default name (the window's), made if missing."""
    from game.save_paths import report_folder

    folder = report_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _write_report(path: str, text: str) -> None:
    """Write a debrief report atomically (temporary file, flush, rename); raises OSError."""
    import os
    import tempfile

    target = Path(path).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        # (lesson play-test: "No such file or directory" did not say which part was missing)
        raise FileNotFoundError(2, f"there is no folder {folder.resolve()}")
    handle, temporary = tempfile.mkstemp(
        prefix=".report-", dir=target.parent if str(target.parent) else "."
    )
    try:
        # mkstemp makes the file readable by its owner alone; a report is for the teacher too
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def display_available() -> bool:
    """False when no window can be opened: SDL told to draw nowhere, or Linux with no X11/Wayland."""
    import os

    if os.environ.get("SDL_VIDEODRIVER", "").strip().lower() in ("dummy", "offscreen"):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _load_save(
    args: argparse.Namespace, loaded: LoadedScenario
) -> tuple[LoadedScenario, GameState]:
    """The scenario and state of `--load`, checked; a bad save is one line and exit 1.

    Without --scenario, a save of another shipped scenario finds its own file. A practice save
    stays a practice game, so its report says so.
    """
    from game.saves import SaveError, ScenarioChanged, read_save, replay_actions

    path = args.load
    try:
        try:
            save = read_save(path, loaded)
        except SaveError as exc:
            other = _shipped_scenario(exc.kind, getattr(args, "scenario", None), path)
            if other is None:
                raise
            loaded = other  # before reading: a save that must be replayed is replayed on it
            save = read_save(path, loaded)
        state = save.state
    except ScenarioChanged as changed:
        state, problems = replay_actions(loaded.scenario, changed.seed, changed.actions)
        if problems:
            because = changed.replayed_because.format(path=path)
            raise UserError(
                f"{because}, and the save's choices cannot be replayed ({problems[0]}): start a "
                "new game"
            ) from None
        because = changed.replayed_because.format(path=path)
        print(
            f"hebei1935: {because}; its {len(changed.actions)} choice(s) were replayed",
            file=sys.stderr,
        )
        save = changed.save
    except SaveError as exc:
        raise UserError(str(exc)) from None
    # what the text version kept beside the state, for the report: the days lesson mode passed,
    # the councils that ran out of time, and the student's name (when --name is not given again)
    args.session_notes = save.session
    if save.session is not None and save.session.player_name and not getattr(args, "name", ""):
        args.name = save.session.player_name
    if save.practice and not getattr(args, "practice", False):
        args.practice = True
        print(
            "hebei1935: this save is from a practice game; it goes on as practice (undo allowed, the report says so)",
            file=sys.stderr,
        )
    return loaded, state


def _shipped_scenario(kind: str, chosen: str | None, save_path: str) -> LoadedScenario | None:
    """For a save of another scenario when none was chosen: the shipped scenario with its id."""
    if kind != "scenario" or chosen:
        return None
    from game.saves import peek_scenario_id
    from game.scenario.source import ScenarioError

    wanted = peek_scenario_id(save_path)
    for candidate in bundled_scenarios(SCENARIOS_DIR):
        try:
            other = load(candidate)
        except ScenarioError:
            continue
        if other.scenario.id == wanted:
            return other
    return None


def _fresh_seed() -> int:
    """A seed for a new game; the shell, not the engine, may read the clock and the OS."""
    import os

    # os.urandom rather than `secrets`, whose import (OpenSSL's hashlib) slowed the first frame;
    # the bias of 2**64 modulo a million is far below anything a player could notice
    return int.from_bytes(os.urandom(8), "big") % 1_000_000


if __name__ == "__main__":
    raise SystemExit(main())
