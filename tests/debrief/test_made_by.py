"""A report says how it was made, and one made by a replay says at its top that it is no game
played (teacher's report review: `replay --historical --name X --report` gave a perfect report
with a student's name, the same as a game played); the HTML page's title, printed on every
page, says whose report it is, the seed and the ending."""

from __future__ import annotations

from game.cli import main
from tests.conftest import FIXTURES

MINI = str(FIXTURES / "mini.yaml")


def test_a_replay_of_historys_choices_says_so(tmp_path, capsys):
    md, page = tmp_path / "r.md", tmp_path / "r.html"
    for target in (md, page):
        assert main(["replay", MINI, "--historical", "--report", str(target), "--name", "A B"]) == 0
    text = md.read_text(encoding="utf-8")
    assert "> **Not a game played.** This report replays a fixed list of choices" in text
    assert "- **Made by:** replaying history's choices (replay --historical)" in text
    assert "- **Version:** Hebei 1935 " in text
    assert "- **Date replayed:** " in text and "Date played" not in text  # review
    html = page.read_text(encoding="utf-8")
    assert "Not a game played. This report replays" in html
    assert "<title>A B \u2014 Debrief: Mini crisis (replay, seed 1935): " in html


def test_a_replay_of_a_choices_file_names_the_file(tmp_path, capsys):
    choices = tmp_path / "refuser.yaml"
    choices.write_text("- first:refuse\n", encoding="utf-8")
    target = tmp_path / "r.md"
    assert main(["replay", MINI, "--choices", str(choices), "--report", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "replaying the choices in refuser.yaml (replay --choices)" in text
    assert "Not a game played." in text


def test_the_front_gives_the_ending_and_the_departures_at_a_glance(tmp_path, capsys):
    # teacher's report review: with 25 reports to read, the ending and how far each group left
    # history should be at the top
    target = tmp_path / "r.md"
    assert main(["replay", MINI, "--historical", "--report", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    head = text[: text.index("## ")]
    assert "- **Ending:** Appeasement (the historical ending)" in head
    assert "- **Departures:** none from history's decisions" in head
    choices = tmp_path / "refuser.yaml"
    choices.write_text("- first:refuse\n", encoding="utf-8")
    assert main(["replay", MINI, "--choices", str(choices), "--report", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    head = text[: text.index("## ")]
    assert "(not the historical ending)" in head
    assert "- **Departures:** " in head and "none" not in head.split("Departures:** ")[1][:6]
