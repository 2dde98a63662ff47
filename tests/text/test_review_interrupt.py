"""Robustness review: Ctrl-C in the text version saves the game as it stands and says how to
resume it, as Ctrl-D does; the command still ends with exit code 130."""

from __future__ import annotations

import io
import sys

from game import cli
from game.saves import read_save

MINI = "tests/fixtures/mini.yaml"


class CtrlCAfter(io.StringIO):
    """Typed lines, then Ctrl-C at the next prompt."""

    def readline(self, *args: object) -> str:
        line = super().readline()
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_saves_the_days_choices_and_prints_the_resume_hint(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["main.py"])  # started as the README says
    monkeypatch.setattr(sys, "stdin", CtrlCAfter("1\n"))
    code = cli.main(
        [
            "play",
            "--text",
            "--plain",
            "--scenario",
            MINI,
            "--seed",
            "3",
            "--save-dir",
            str(tmp_path),
        ]
    )
    out, err = capsys.readouterr()
    assert code == 130
    assert "hebei1935: interrupted" in err
    assert "Interrupted: the game stops here (day 1)." in out
    autosave = tmp_path / "autosave-mini.json"
    assert f"resume it with: python main.py play --text --load {autosave}" in out
    saved = read_save(autosave, cli.load(MINI))
    # the choice made before Ctrl-C is in the save, not only the dawn's state
    assert saved.state.demands["first"].answer == "accept"
