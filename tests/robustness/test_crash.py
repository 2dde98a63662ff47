"""The crash guard: an unexpected exception becomes a log file and one line, never a traceback."""

from __future__ import annotations

import pytest

from game import cli, crash
from game.engine.api import new_game
from game.saves import autosave_path, make_save, write_save


@pytest.fixture()
def isolated(tmp_path, monkeypatch):
    logs = tmp_path / "logs"
    monkeypatch.setattr(crash, "log_dir", lambda: logs)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return logs


def _explode(args):
    raise RuntimeError("the map projection\nfell over")


def test_unexpected_error_is_one_line_and_a_log(isolated, monkeypatch, capsys):
    monkeypatch.setattr(cli, "cmd_validate", _explode)
    code = cli.main(["validate", "whatever.yaml"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    logs = list(isolated.iterdir())
    assert len(logs) == 1
    assert err.startswith(
        f"hebei1935: unexpected error (RuntimeError: the map projection fell over); details written to {logs[0]}."
    )
    assert "autosave" not in err  # there is none, so none is promised
    text = logs[0].read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: the map projection" in text
    assert "game version: " in text and "platform: " in text and "command: validate" in text


def test_crash_message_names_the_last_autosave(isolated, tmp_path, monkeypatch, capsys, mini):
    folder = tmp_path / "saves"
    autosave = write_save(
        autosave_path(folder, "mini"),
        make_save(mini, new_game(mini.scenario, 1).state, slot="autosave", saved_at="t"),
    )
    monkeypatch.setattr(cli, "cmd_play", _explode)
    code = cli.main(["play", "--text", "--save-dir", str(folder), "--scenario", "s.yaml"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1
    assert err.rstrip().endswith(
        f"Your last autosave is kept: resume it with `python main.py play --text --load {autosave} "
        f"--scenario s.yaml --save-dir {folder}`."
    )


def test_crash_message_names_no_autosave_of_a_finished_game(
    isolated, tmp_path, monkeypatch, capsys, mini
):
    """Play-test: it named a game already over, which resumes only to its debrief."""
    from game.analysis.policies import historical
    from game.analysis.replay import play

    folder = tmp_path / "saves"
    final = play(mini.scenario, 1, historical).final
    assert final.over
    write_save(autosave_path(folder, "mini"), make_save(mini, final, slot="autosave", saved_at="t"))
    monkeypatch.setattr(cli, "cmd_play", _explode)
    assert cli.main(["play", "--text", "--save-dir", str(folder)]) == 1
    assert "autosave" not in capsys.readouterr().err


def test_user_errors_are_not_crashes(isolated, monkeypatch, capsys):
    def user_error(args):
        raise cli.UserError("no such thing")

    monkeypatch.setattr(cli, "cmd_validate", user_error)
    assert cli.main(["validate", "x.yaml"]) == 1
    assert capsys.readouterr().err == "hebei1935: no such thing\n"
    assert not isolated.exists()


def test_crash_log_falls_back_to_the_temporary_folder(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setattr(crash.tempfile, "tempdir", str(tmp_path / "tmp"))
    try:
        raise ValueError("boom")
    except ValueError as exc:
        path = crash.write_crash_log(exc, {"where": "test"}, directory=blocked / "logs")
    assert path.parent == tmp_path / "tmp" / "hebei1935"
    assert "ValueError: boom" in path.read_text(encoding="utf-8")


def test_crash_log_survives_an_exception_that_cannot_be_printed(tmp_path):
    class Nasty(Exception):
        def __str__(self):
            raise RuntimeError("no")

    try:
        raise Nasty()
    except Nasty as exc:
        path = crash.write_crash_log(exc, directory=tmp_path)
    assert path.parent == tmp_path
    assert "Nasty" in path.read_text(encoding="utf-8")


def test_crash_guard_survives_an_exception_that_cannot_be_printed(isolated, monkeypatch, capsys):
    class Nasty(Exception):
        def __str__(self):
            raise RuntimeError("no")

    def nasty(args):
        raise Nasty()

    monkeypatch.setattr(cli, "cmd_validate", nasty)
    assert cli.main(["validate", "x.yaml"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "hebei1935: unexpected error (Nasty: (message unavailable)); details written to "
    )


@pytest.mark.parametrize("command", [["validate", "s.yaml"], ["explore", "s.yaml", "--runs", "3"]])
def test_a_crash_outside_a_game_does_not_offer_an_old_autosave(
    isolated, monkeypatch, capsys, mini, command
):
    """An autosave from some earlier game is nothing to resume after validate or explore fails."""
    from game.saves import latest_autosave, save_dir

    folder = save_dir(None)  # where a game played without --save-dir left its autosave
    write_save(
        autosave_path(folder, "mini"),
        make_save(mini, new_game(mini.scenario, 1).state, slot="autosave", saved_at="t"),
    )
    assert latest_autosave(folder) is not None
    monkeypatch.setattr(cli, "cmd_validate", _explode)
    monkeypatch.setattr(cli, "cmd_explore", _explode)
    code = cli.main(command)
    err = capsys.readouterr().err
    assert code == 1 and "RuntimeError: the map projection fell over" in err
    assert "autosave" not in err


def test_crash_message_resumes_with_the_name_and_the_lessons_options(
    isolated, tmp_path, monkeypatch, capsys, mini
):
    folder = tmp_path / "saves"
    autosave = write_save(
        autosave_path(folder, "mini"),
        make_save(mini, new_game(mini.scenario, 1).state, slot="autosave", saved_at="t"),
    )
    monkeypatch.setattr(cli, "cmd_play", _explode)
    options = ["--name", "Ana Li", "--time-limit", "2", "--lesson-days", "3"]
    assert cli.main(["play", "--text", "--save-dir", str(folder), *options]) == 1
    assert (
        capsys.readouterr()
        .err.rstrip()
        .endswith(
            f"resume it with `python main.py play --text --load {autosave} --name 'Ana Li' "
            f"--time-limit 2 --lesson-days 3 --save-dir {folder}`."
        )
    )
