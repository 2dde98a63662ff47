"""The command line as a user meets it: exit codes, messages, deterministic output, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
MINI = str(ROOT / "tests" / "fixtures" / "mini.yaml")


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=ROOT,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy",
            "HOME": str(ROOT),
        },
    )


def test_validate_ok(capsys):
    assert main(["validate", MINI]) == 0
    assert capsys.readouterr().out.strip() == f"{MINI}: ok"


def test_validate_reports_every_error_and_exits_1(tmp_path, capsys):
    text = Path(MINI).read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        text.replace("to: tense,", "to: tens,").replace('"pressure >= 70"', '"presure >= 70"'),
        encoding="utf-8",
    )
    assert main(["validate", MINI, str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"{bad}:40:14: error: unknown stage 'tens' (did you mean 'tense'?)",
        f"{bad}:56:12: error: unknown name 'presure' (did you mean 'pressure'?)",
    ]


def test_validate_says_names_are_checked_once_the_shape_errors_are_fixed(tmp_path, capsys):
    """Author review B5: a shape error stops the later checks, and a misspelt name after it was
    never reported, with nothing to say that more checks were still to come."""
    text = Path(MINI).read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        text.replace("start: 40,", "start: forty,").replace('"pressure >= 70"', '"presure >= 70"'),
        encoding="utf-8",
    )
    assert main(["validate", str(bad)]) == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        f"{bad}:13:38: error: stats.pressure.start: expected a whole number (got 'forty')",
        f"{bad}: names and expressions are checked once this error is fixed",
    ]
    bad.write_text(
        text.replace("start: 40,", "start: forty,").replace("start: 50,", "start: fifty,"),
        encoding="utf-8",
    )
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == f"{bad}: names and expressions are checked once these errors are fixed"


def test_validate_says_nothing_more_when_the_names_were_checked(tmp_path, capsys):
    text = Path(MINI).read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace('"pressure >= 70"', '"presure >= 70"'), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert "checked once" not in capsys.readouterr().err


def test_validate_strict_with_only_warnings_says_why_it_failed(tmp_path, capsys):
    text = Path(MINI).read_text(encoding="utf-8")
    warned = tmp_path / "warned.yaml"
    warned.write_text(
        text.replace("reveal: readiness", "reveal: [readiness, pressure]"), encoding="utf-8"
    )
    assert main(["validate", str(warned)]) == 0
    assert capsys.readouterr().out == f"{warned}: ok (1 warning(s))\n"
    assert main(["validate", "--strict", str(warned)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert (
        err.splitlines()[-1] == f"{warned}: failed (1 warning; --strict counts warnings as errors)"
    )


def test_validate_missing_file(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 1
    assert capsys.readouterr().err.startswith(
        f"{tmp_path / 'nope.yaml'}:1:1: error: no such file, nor a bundled scenario by that name"
    )


@pytest.mark.parametrize("command", ["validate", "explore", "graph", "replay"])
def test_every_command_says_the_same_of_a_file_it_cannot_read(tmp_path, capsys, command):
    """Robustness review: validate said "cannot read the file: Is a directory", play "is a
    folder, not a scenario file", explore "cannot read d.yaml: Is a directory" without a place."""
    folder = tmp_path / "d.yaml"
    folder.mkdir()
    extra = ["--historical"] if command == "replay" else []
    assert main([command, str(folder), *extra]) == 1
    assert f"{folder}:1:1: error: is a folder, not a scenario file" in capsys.readouterr().err


def test_a_file_without_end_is_refused_without_reading_it_whole(capsys):
    """Robustness review: `validate /dev/zero` grew to 4 GB before it was stopped."""
    assert main(["validate", "/dev/zero"]) == 1
    assert "/dev/zero:1:1: error: file is over 2,000,000 bytes" in capsys.readouterr().err


def test_schema_is_json_with_descriptions(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].startswith("http://json-schema.org/draft-07")
    assert "calendar" in schema["properties"]


def test_replay_json_shape_and_determinism(capsys):
    assert main(["replay", MINI, "--historical", "--json", "--seed", "4"]) == 0
    first = capsys.readouterr().out
    assert main(["replay", MINI, "--historical", "--json", "--seed", "4"]) == 0
    assert capsys.readouterr().out == first
    data = json.loads(first)
    assert data["scenario"] == "mini" and data["seed"] == 4
    assert data["days"][0]["date"] == "1935-06-01"
    assert {"id", "title", "text"} <= set(data["days"][0]["events"][0])
    talk = {"id": "talk", "label": "Talk to the envoy"}
    assert talk in [{"id": a["id"], "label": a["label"]} for a in data["days"][0]["actions"]]
    assert data["ending"] == {"id": "appeased", "title": "Appeasement", "historical": True}


def test_replay_with_choices_file(tmp_path, capsys):
    choices = tmp_path / "choices.yaml"
    choices.write_text(
        "- first:refuse\n- end\n- end\n- ultimatum:refuse\n- end\n- end\n", encoding="utf-8"
    )
    assert main(["replay", MINI, "--choices", str(choices), "--seed", "3"]) == 0
    log = capsys.readouterr().out
    assert "> First demand: Refuse" in log
    assert "Ending:" in log


def test_every_command_ends_a_broken_file_as_validate_does(tmp_path, capsys):
    # author's review: F5 (and the other commands) left out validate's last line, so the
    # errors it kept from being checked came as a surprise on the next try
    text = Path(MINI).read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("start: 40,", "start: forty,"), encoding="utf-8")
    assert main(["replay", str(bad), "--historical"]) == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        f"{bad}:13:38: error: stats.pressure.start: expected a whole number (got 'forty')",
        f"{bad}: names and expressions are checked once this error is fixed",
    ]


def test_replay_with_broken_choices_file(tmp_path, capsys):
    choices = tmp_path / "choices.yaml"
    choices.write_text("talk: [1\n", encoding="utf-8")
    assert main(["replay", MINI, "--choices", str(choices)]) == 1
    assert f"{choices}:2:1: error: YAML syntax error" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["play", "validate", "schema", "replay"])
def test_every_subcommand_has_help(command, capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args([command, "--help"])
    assert stop.value.code == 0
    assert "usage:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["play", "--seed", "3", "--text", "--lesson-days", "2"],
        ["explore", "x.yaml", "--runs", "7", "--jobs", "2", "--policy", "comply"],
        ["replay", "x.yaml", "--historical", "--json"],
        ["graph", "x.yaml", "--format", "dot"],
        ["validate", "a.yaml", "b.yaml", "--strict"],
        ["screenshots", "out", "--size", "800x600"],
        ["schema"],
    ],
)
def test_the_parser_of_one_subcommand_reads_it_as_the_whole_parser_does(argv, capsys):
    # main() builds only the subcommand it is given (start-up time); nothing may change by it
    assert build_parser(argv[0]).parse_args(argv) == build_parser().parse_args(argv)
    for parser in (build_parser(argv[0]), build_parser()):
        with pytest.raises(SystemExit):
            parser.parse_args([argv[0], "--help"])
    one, whole = capsys.readouterr().out.split("usage:")[1:]
    assert one == whole


def test_a_mistyped_subcommand_is_named_among_all_the_choices(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["plya"])
    assert stop.value.code == 2
    error = capsys.readouterr().err
    assert "invalid choice: 'plya'" in error
    assert "'play'" in error and "'screenshots'" in error


def test_subprocess_errors_have_no_traceback(tmp_path):
    bad = tmp_path / "bomb.yaml"
    bad.write_text("a: &a [x, x]\nb: [*a, *a]\n", encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{bad}:1:4: error: YAML anchors (&a) are not allowed")


def test_the_core_imports_no_pygame():
    code = "import sys, game.engine.api, game.scenario.load, game.analysis.replay; print('pygame' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_python_dash_m_game_is_the_same_command():
    result = subprocess.run(
        [sys.executable, "-m", "game", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0 and result.stdout.startswith("hebei1935 ")


def test_installed_console_script():
    import shutil

    script = shutil.which("hebei1935", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip(
            "the package is not installed in this environment (pip install . adds the hebei1935 command)"
        )
    result = subprocess.run([script, "validate", MINI], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip().endswith(": ok")


def test_screenshots_take_the_text_size_a_player_can_choose(tmp_path, monkeypatch):
    from game import cli
    from game.ui import screenshots

    seen = {}

    def render(loaded, out_dir, *, size, seed, settings, skipped=None):
        seen.update(size=size, text_size=settings.text_size)
        return []

    monkeypatch.setattr(screenshots, "render_screenshots", render)
    args = build_parser().parse_args(
        ["screenshots", str(tmp_path), "--size", "800x600", "--text-size", "145"]
    )
    assert cli.cmd_screenshots(args) == 0
    assert seen == {"size": (800, 600), "text_size": 1.45}
    args = build_parser().parse_args(["screenshots", str(tmp_path), "--text-size", "300"])
    assert cli.cmd_screenshots(args) == 2


def test_plain_starts_the_text_version_even_where_a_window_could_open(monkeypatch, capsys):
    # final QA: `play --plain` (for screen readers) opened the window when a display existed
    from game import cli
    from game.ui import app as window

    monkeypatch.setattr(cli, "display_available", lambda: True)
    monkeypatch.setattr(window, "run_window", lambda *a, **k: pytest.fail("a window was opened"))
    started = []
    monkeypatch.setattr(
        cli, "_play_text", lambda args, loaded, seed, state: started.append(args) or 0
    )
    args = build_parser().parse_args(["play", "--plain", "--seed", "3"])
    assert cli.cmd_play(args) == 0
    assert started and capsys.readouterr().err == ""


@pytest.mark.parametrize(
    "command",
    [["explore", "--runs", "2", "--policy", "historical"], ["replay", "--historical"]],
)
def test_the_historical_policy_says_so_when_nothing_is_historical(tmp_path, capsys, command):
    from tests.conftest import NO_HISTORY, edited_mini

    invented = tmp_path / "invented.yaml"
    invented.write_text(edited_mini(*NO_HISTORY), encoding="utf-8")
    note = "nothing in this scenario is marked historical"
    assert main([command[0], str(invented), *command[1:]]) == 0
    assert note in capsys.readouterr().err
    assert main([command[0], MINI, *command[1:]]) == 0
    assert note not in capsys.readouterr().err


def test_screenshots_say_so_when_nothing_is_historical(tmp_path, capsys):
    """Author test: an invented scenario's screenshots had no "What followed" slip (the game they
    come from is played the historical way, and so only ends each day) and nothing said why."""
    from tests.conftest import NO_HISTORY, edited_mini

    invented = tmp_path / "invented.yaml"
    invented.write_text(edited_mini(*NO_HISTORY), encoding="utf-8")
    note = "nothing in this scenario is marked historical"
    assert main(["screenshots", str(tmp_path / "shots"), "--scenario", str(invented)]) == 0
    err = capsys.readouterr().err
    assert note in err
    # and each screen left out is named, with why (author's review: event.png was missing, silently)
    assert not (tmp_path / "shots" / "event.png").exists()
    assert (
        "note: event.png not written: the game took no action that it outlived (one that ends "
        "it is shown by the ending) (seed 1935; another --seed may reach it)"
    ) in err.splitlines()
    assert main(["screenshots", str(tmp_path / "mini"), "--scenario", MINI]) == 0
    err = capsys.readouterr().err
    assert note not in err and "not written" not in err
