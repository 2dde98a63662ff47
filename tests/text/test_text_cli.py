"""`python main.py play --text` as a classroom meets it: piped input, exit codes, the no-display fallback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game import cli

ROOT = Path(__file__).resolve().parents[2]
MINI = "tests/fixtures/mini.yaml"


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    # Autosaves go to the user's data folder: keep them out of the repository and the real home.
    monkeypatch.setattr(sys.modules[__name__], "HOME", str(tmp_path))


HOME = str(ROOT)


def run_shell(command: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        shell=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={
            "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
            "HOME": HOME,
            "SDL_VIDEODRIVER": "dummy",
            **env,
        },
    )


def test_printf_piped_game_ends_with_exit_zero():
    done = run_shell(
        f"printf '1\\n4\\nE\\nE\\nE\\nE\\n' | {sys.executable} main.py play --text --seed 3 --scenario {MINI}"
    )
    assert done.returncode == 0, done.stderr
    assert "\nEnding: " in done.stdout
    assert "Traceback" not in done.stderr


def test_yes_e_reaches_an_ending():
    done = run_shell(
        f"yes E | head -n 200 | {sys.executable} main.py play --text --seed 5 --scenario {MINI}"
    )
    assert done.returncode == 0, done.stderr
    assert "\nEnding: " in done.stdout
    assert "End of input" not in done.stdout


def test_end_of_piped_input_is_exit_zero_with_the_message():
    done = run_shell(
        f"printf 'E\\n' | {sys.executable} main.py play --text --plain --seed 3 --scenario {MINI}"
    )
    assert done.returncode == 0, done.stderr
    assert "End of input: the game stops here (day 2)." in done.stdout
    assert "\x1b[" not in done.stdout


def test_no_display_falls_back_to_text_with_one_line():
    done = run_shell(f"printf '' | {sys.executable} main.py play --seed 3 --scenario {MINI}")
    assert done.returncode == 0
    assert (
        done.stderr.strip()
        == "No display found; starting the text version (use --text to choose it directly)."
    )
    assert "Day 1: Saturday 1 June 1935" in done.stdout


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ("--lesson-minutes 5", "--lesson-minutes works"),
        ("--cabinet 2 --lesson-minutes 5", "--lesson-minutes and --cabinet work"),
        # the classroom options the window has too are not named (teacher's review)
        ("--name Li --time-limit 2 --lesson-days 3 --lesson-minutes 5", "--lesson-minutes works"),
    ],
)
def test_options_the_window_lacks_are_named_when_they_start_the_text_version(options, named):
    done = run_shell(
        f"printf '' | {sys.executable} main.py play --seed 3 --scenario {MINI} {options}"
    )
    assert done.returncode == 0
    assert done.stderr.strip() == (
        f"{named} only in the text version, not in the window; starting the text version."
    )
    assert "Day 1: Saturday 1 June 1935" in done.stdout


def test_text_flag_gives_no_fallback_notice():
    done = run_shell(f"printf '' | {sys.executable} main.py play --text --seed 3 --scenario {MINI}")
    assert done.stderr == ""


def test_classroom_options_reach_the_game():
    # Three advisers vote on each decision. Day 1: accept the first demand, talk to the envoy
    # (2 of 3 votes; it keeps its number 4 after the answers are gone), end the day. Day 2
    # passes without a council (lesson mode); day 3's ultimatum is put to the cabinet all the
    # same: accept, end the day, and the game ends.
    script = "printf '1\\n1\\n1\\n4\\n4\\n5\\nE\\nE\\nE\\n1\\n1\\n1\\nE\\nE\\nE\\n'"
    done = run_shell(
        f"{script} | {sys.executable} main.py play --text --seed 3 --scenario {MINI} --cabinet 3 --lesson-days 1 --name 'Li Wei' --time-limit 20"
    )
    assert done.returncode == 0, done.stderr
    assert "Player: Li Wei" in done.stdout
    assert "The cabinet decides: Talk to the envoy (2 of 3 votes)." in done.stdout
    assert "the day passes without a council" in done.stdout
    assert "\nEnding: " in done.stdout


@pytest.mark.parametrize(
    "option", ["--cabinet 0", "--lesson-days -1", "--time-limit 0", "--time-limit soon"]
)
def test_bad_classroom_options_are_usage_errors(option):
    done = run_shell(f"{sys.executable} main.py play --text --scenario {MINI} {option} < /dev/null")
    assert done.returncode == 2
    assert "expected a number" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, False),
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True),
        ({"DISPLAY": ":0", "SDL_VIDEODRIVER": "dummy"}, False),
        ({"DISPLAY": ":0", "SDL_VIDEODRIVER": "offscreen"}, False),
        ({"DISPLAY": ":0", "SDL_VIDEODRIVER": "x11"}, True),
    ],
)
def test_display_available(monkeypatch, env, expected):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(cli.sys, "platform", "linux")
    assert cli.display_available() is expected


def test_report_is_written_atomically(tmp_path):
    target = tmp_path / "report.md"
    cli._write_report(str(target), "# Debrief\n")
    assert target.read_text(encoding="utf-8") == "# Debrief\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
    with pytest.raises(OSError):
        cli._write_report(str(tmp_path / "missing" / "r.md"), "x")


def test_autosave_at_dawn_and_named_save_then_resume(tmp_path):
    saves = tmp_path / "saves"
    first = run_shell(
        f"printf '4\\nw before-the-ultimatum\\nE\\n' | {sys.executable} main.py play --text --seed 3 --scenario {MINI} --save-dir {saves}"
    )
    assert first.returncode == 0, first.stderr
    assert (
        f"Saved as 'before-the-ultimatum' ({saves / 'before-the-ultimatum.json'})" in first.stdout
    )
    assert sorted(p.name for p in saves.iterdir()) == [
        "autosave-mini.json",
        "before-the-ultimatum.json",
    ]
    resumed = run_shell(
        f"printf 'E\\nE\\nE\\nE\\n' | {sys.executable} main.py play --text --scenario {MINI} --save-dir {saves} --load {saves / 'before-the-ultimatum.json'}"
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "Resuming the saved game: day 1, Saturday 1 June 1935." in resumed.stdout
    assert "Actions left: 1 of 2" in resumed.stdout  # the talk taken before saving stays taken
    assert "\nEnding: " in resumed.stdout


def test_autosave_failure_is_one_warning_and_the_game_goes_on(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = run_shell(
        f"printf 'E\\nE\\nE\\nE\\n' | {sys.executable} main.py play --text --seed 3 --scenario {MINI} --save-dir {blocker / 'saves'}"
    )
    assert done.returncode == 0
    assert done.stderr.count("cannot autosave") == 1
    assert "\nEnding: " in done.stdout


def test_a_game_cut_short_says_how_to_resume_it_and_a_new_game_keeps_it(tmp_path):
    saves = tmp_path / "saves"
    play = f"{sys.executable} main.py play --text --scenario {MINI} --save-dir {saves}"
    first = run_shell(f"printf '1\\nE\\n' | {play} --seed 3")
    autosave = saves / "autosave-mini.json"
    assert f"resume it with: python main.py play --text --load {autosave}" in first.stdout
    # the very command printed works (the fixture is not one of the game's own scenarios, so the
    # command names it)
    command = first.stdout.split("resume it with: ", 1)[1].splitlines()[0]
    assert f"--scenario {MINI}" in command
    taken_up = run_shell(f"printf '' | {sys.executable} {command.removeprefix('python ')}")
    assert "Resuming the saved game: day 2" in taken_up.stdout, taken_up.stderr
    second = run_shell(f"printf '' | {play} --seed 4")
    kept = saves / "autosave-mini.previous.json"
    assert f"Your unfinished game from before is kept as {kept}" in second.stdout
    # said before the first day begins, not between its news and its first demand (play-test)
    assert second.stdout.index("from before is kept") < second.stdout.index("Day 1: ")
    resumed = run_shell(f"printf '' | {play} --load {kept}")
    assert "Resuming the saved game: day 2" in resumed.stdout, resumed.stderr


def test_a_game_cut_short_is_saved_with_the_days_choices(tmp_path):
    from game.saves import read_save
    from game.scenario.load import load_scenario

    saves = tmp_path / "saves"
    run_shell(
        f"printf '1\\n' | {sys.executable} main.py play --text --scenario {MINI} --save-dir {saves} --seed 3"
    )
    saved = read_save(saves / "autosave-mini.json", load_scenario(MINI))
    assert saved.state.day == 1 and saved.state.demands["first"].answer == "accept"


def test_a_finished_game_is_not_kept_as_an_unfinished_one(tmp_path):
    # Review: the autosave stopped at the last dawn, so a finished game looked unfinished and a
    # new game "kept" it, over a game that was really unfinished.
    saves = tmp_path / "saves"
    play = f"{sys.executable} main.py play --text --scenario {MINI} --save-dir {saves}"
    ended = run_shell(f"printf '1\\nE\\nE\\nE\\nE\\nE\\n' | {play} --seed 3")
    assert "\nEnding: " in ended.stdout
    again = run_shell(f"printf '' | {play} --seed 4")
    assert "kept as" not in again.stdout
    assert not (saves / "autosave-mini.previous.json").exists()


def test_the_resume_command_keeps_the_players_name_and_the_lesson(tmp_path):
    saves = tmp_path / "saves"
    first = run_shell(
        f"printf 'E\\n' | {sys.executable} main.py play --text --scenario {MINI} --seed 3 "
        f"--save-dir {saves} --name 'Li Wei' --lesson-days 2"
    )
    command = first.stdout.split("resume it with: ", 1)[1].splitlines()[0]
    assert "--name 'Li Wei'" in command and "--lesson-days 2" in command
    taken_up = run_shell(f"printf '' | {sys.executable} {command.removeprefix('python ')}")
    assert "Player: Li Wei" in taken_up.stdout and "Lesson mode: 2 days" in taken_up.stdout


WINDOWS_SAVES = r"C:\Users\Ana Li\AppData\Local\hebei1935\saves"


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        (
            "win32",
            rf'python main.py play --text --load "{WINDOWS_SAVES}\autosave.json" '
            rf'--name "Ana and Ben" --cabinet 2 --save-dir "{WINDOWS_SAVES}"',
        ),
        (
            "linux",
            rf"python main.py play --text --load '{WINDOWS_SAVES}\autosave.json' "
            rf"--name 'Ana and Ben' --cabinet 2 --save-dir '{WINDOWS_SAVES}'",
        ),
    ],
)
def test_the_resume_command_is_quoted_for_the_platforms_shell(platform, expected, monkeypatch):
    """Teacher's review: the guide sends Windows teachers to Command Prompt, where the POSIX
    single quotes of `--name 'Ana and Ben'` quote nothing, and every save's path has a backslash."""
    monkeypatch.setattr("sys.argv", ["main.py"])  # started as the README says
    args = cli.build_parser().parse_args(
        ["play", "--text", "--name", "Ana and Ben", "--cabinet", "2", "--save-dir", WINDOWS_SAVES]
    )
    command = cli.resume_command(
        Path(WINDOWS_SAVES + "\\autosave.json"),
        text=True,
        scenario=None,
        options=cli._session_options(args),
        platform=platform,
    )
    assert command == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["--name", 'Ana "Bo" Li'], r'--name "Ana \"Bo\" Li"'),
        (["--save-dir", "C:\\Saves\\"], "--save-dir C:\\Saves\\"),  # nothing to quote
        # Command Prompt acts on & | < > ^ ( ) outside quotes, even in a word without a space
        (["--name", "Ana&Ben"], '--name "Ana&Ben"'),
        (["--save-dir", "C:\\A&B\\"], r'--save-dir "C:\A&B\\"'),
    ],
)
def test_a_command_for_command_prompt_quotes_as_windows_programs_read_it(words, expected):
    assert cli.command_line(words, "win32") == expected


def test_a_command_for_a_posix_shell_splits_back_into_its_words():
    import shlex

    words = ["python", "main.py", "--name", "Ana and Ben's", "--save-dir", "/tmp/a b"]
    assert shlex.split(cli.command_line(words, "linux")) == words


def test_a_report_written_by_the_text_version_is_readable_by_others(tmp_path):
    import os
    import stat

    from game.cli import _write_report

    umask = os.umask(0o022)
    try:
        _write_report(str(tmp_path / "r.md"), "# report\n")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "r.md").stat().st_mode) == 0o644  # mkstemp gave 0o600


def test_the_kept_games_resume_command_does_not_give_it_this_players_name(tmp_path):
    """Play-test: Ben's unfinished game, kept aside when Cai began, was to be resumed with
    '--name Cai', and its report then said "Student: Cai"."""
    saves = tmp_path / "saves"
    play = f"{sys.executable} main.py play --text --scenario {MINI} --save-dir {saves}"
    run_shell(f"printf '1\\nE\\n' | {play} --seed 3 --name Ben")
    second = run_shell(f"printf '' | {play} --seed 4 --name Cai --plain")
    line = next(row for row in second.stdout.splitlines() if "from before is kept as" in row)
    command = line.split("resume it with: ", 1)[1]
    assert "--name" not in command and "Cai" not in command
    assert "--plain" in command and f"--save-dir {saves}" in command
    resumed = run_shell(f"printf 'q\\ny\\n' | {sys.executable} {command.removeprefix('python ')}")
    assert "Ben" in resumed.stdout and "Cai" not in resumed.stdout, resumed.stderr


def test_a_report_named_in_a_folder_that_does_not_exist_says_which(tmp_path):
    """Lesson play-test: "No such file or directory" did not say which part was missing."""
    missing = tmp_path / "reports" / "class9b.md"
    play = f"{sys.executable} main.py play --text --scenario {MINI} --save-dir {tmp_path / 's'}"
    done = run_shell(f"printf 'E\\nE\\nE\\nE\\nr\\n\\n{missing}\\n\\n' | {play} --seed 3")
    assert f"Could not save the report to {missing}: there is no folder {missing.parent}" in (
        done.stdout
    ), done.stdout[-500:]


@pytest.mark.parametrize(
    ("argv0", "words"),
    [
        ("main.py", ["python", "main.py"]),
        ("/home/t/hebei1935/main.py", ["python", "/home/t/hebei1935/main.py"]),
        ("/home/t/.venv/bin/hebei1935", ["hebei1935"]),
        ("C:\\venv\\Scripts\\hebei1935.exe", ["hebei1935"]),
        ("/home/t/hebei1935/game/__main__.py", ["python", "-m", "game"]),
        ("/venv/lib/python3.11/site-packages/pytest/__main__.py", ["python", "main.py"]),
        ("/venv/bin/pytest", ["python", "main.py"]),
    ],
)
def test_the_resume_command_starts_the_game_as_it_was_started(argv0, words):
    # review: `python main.py` was printed to a teacher who had started the game by a full path
    # (it works only from the project folder) or with the installed `hebei1935` command
    from pathlib import PureWindowsPath

    if "\\" in argv0:  # a Windows path, read on this machine as one name
        argv0 = PureWindowsPath(argv0).name
    assert cli.program(argv0) == words


def test_the_resume_command_gives_the_saves_folder_from_the_root(tmp_path, monkeypatch):
    # play-test: `--save-dir mysaves` gave `--load mysaves/...`, which failed in another folder
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", ["main.py"])
    args = cli.build_parser().parse_args(["play", "--text", "--save-dir", "mysaves"])
    command = cli.resume_command(
        Path("mysaves/autosave.json"),
        text=True,
        scenario=None,
        options=cli._session_options(args),
        platform="linux",
    )
    assert command == (
        f"python main.py play --text --load {tmp_path}/mysaves/autosave.json "
        f"--save-dir {tmp_path}/mysaves"
    )
