"""At a terminal, the council clock ends the day by itself: nobody has to type for the time limit
to be noticed (QA: a group still reading lost its next choice to 'came too late')."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import threading
import time
from io import StringIO
from pathlib import Path

import pytest

from game.text.console import Console, TimedOut

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


@pytest.fixture
def terminal():
    """(the keyboard's end, a Console reading the terminal's end) of a fresh pseudo-terminal."""
    keyboard, screen = os.openpty()
    stream = os.fdopen(screen, "r", encoding="utf-8")
    yield keyboard, Console(stream, StringIO())
    stream.close()
    os.close(keyboard)


def test_a_terminal_that_stays_silent_times_out_and_drops_half_typed_text(terminal):
    keyboard, console = terminal
    os.write(keyboard, b"half a li")  # never finished with Enter
    started = time.monotonic()
    with pytest.raises(TimedOut):
        console.ask("> ", timeout=0.3)
    assert 0.25 <= time.monotonic() - started < 3
    os.write(keyboard, "天津 3\n".encode())
    assert console.ask("> ", timeout=3) == "天津 3"  # the half line was dropped, not prefixed


def test_the_time_limit_counts_from_the_question_not_from_each_keystroke(terminal):
    # review: each partial read restarted the wait, so slow typing ran past the limit
    keyboard, console = terminal
    import termios

    screen = console.input.fileno()
    mode = termios.tcgetattr(screen)
    mode[3] &= ~termios.ICANON  # every keystroke is readable at once, as in a cbreak terminal
    termios.tcsetattr(screen, termios.TCSANOW, mode)

    def type_slowly() -> None:
        for key in b"slowly":
            time.sleep(0.15)
            os.write(keyboard, bytes([key]))

    typist = threading.Thread(target=type_slowly)
    started = time.monotonic()
    typist.start()
    try:
        with pytest.raises(TimedOut):
            console.ask("> ", timeout=0.4)
        assert time.monotonic() - started < 0.8  # not 0.4 s after the last key
    finally:
        typist.join()


def test_what_was_half_typed_when_time_ran_out_is_gone_for_good(terminal):
    # review: "half" and half of a Chinese character came back in front of the next answer
    keyboard, console = terminal
    os.write(keyboard, b"half\x04")  # Ctrl-D after text hands it over without a newline
    time.sleep(0.1)
    os.write(keyboard, "天".encode()[:2])
    with pytest.raises(TimedOut):
        console.ask("> ", timeout=0.3)
    os.write(keyboard, b"4\n5\n")
    assert console.ask("> ", timeout=3) == "4"
    assert console.ask("> ") == "5"  # an untimed question reads what was typed ahead, in order


def test_lines_waiting_when_the_council_ends_are_dropped_with_it(terminal):
    # QA: "13" typed just before time ran out was taken on the next day, from a different list
    keyboard, console = terminal
    os.write(keyboard, b"13\n")
    time.sleep(0.1)
    assert console.drop_typed_input()  # there was something, and it is gone
    assert not console.drop_typed_input()
    os.write(keyboard, b"E\n")
    assert console.ask("> ", timeout=3) == "E"


def test_a_windows_console_is_read_as_a_stream(monkeypatch, terminal):
    # review: select() takes only sockets on Windows; the console must not be waited on there
    from game.text import console as console_module

    _, console = terminal
    assert console._terminal is not None
    monkeypatch.setattr(console_module, "SELECT_TAKES_TERMINALS", False)
    assert Console(console.input, StringIO())._terminal is None
    # its limit is checked as each whole line arrives: no half line is left behind to speak of
    assert not Console(console.input, StringIO()).hides_half_lines()


def test_a_line_typed_in_time_is_read_and_without_a_limit_it_waits(terminal):
    keyboard, console = terminal
    os.write(keyboard, b"4\nE\n")
    assert console.ask("> ", timeout=3) == "4"
    assert console.ask("> ") == "E"


def test_the_text_game_ends_an_idle_council_by_itself(tmp_path):
    keyboard, screen = os.openpty()
    game = subprocess.Popen(
        [sys.executable, "main.py", "play", "--text", "--scenario", "tests/fixtures/mini.yaml"]
        + ["--seed", "1", "--time-limit", "0.01", "--save-dir", str(tmp_path)],
        stdin=screen,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
    )
    os.close(screen)
    seen = b""
    try:
        deadline = time.monotonic() + 60
        while b"Day 2:" not in seen and time.monotonic() < deadline and game.poll() is None:
            if select.select([game.stdout], [], [], 0.2)[0]:
                seen += os.read(game.stdout.fileno(), 65536)
    finally:
        game.kill()
        game.wait()
        os.close(keyboard)
    text = seen.decode("utf-8", "replace")
    assert "Time is up (0.01 minutes): the council of day 1 ends." in text
    assert "came too late" not in text  # nothing was typed, so nothing was thrown away
    assert "Day 2:" in text


def test_a_half_typed_line_at_a_line_mode_terminal_is_said_not_taken(tmp_path):
    # play-test: "What was being typed was not taken." never appeared at a real terminal, which
    # still showed "> 2": in line mode a half-typed line cannot be seen (select and FIONREAD say
    # nothing of it), so when the time runs out the game says that such a line is not taken
    keyboard, screen = os.openpty()
    game = subprocess.Popen(
        [sys.executable, "main.py", "play", "--text", "--scenario", "tests/fixtures/mini.yaml"]
        + ["--seed", "1", "--time-limit", "0.02", "--save-dir", str(tmp_path)],
        stdin=screen,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
    )
    os.close(screen)
    seen = b""
    typed = False
    try:
        deadline = time.monotonic() + 60
        while b"Day 2:" not in seen and time.monotonic() < deadline and game.poll() is None:
            if not typed and b"> " in seen:
                os.write(keyboard, b"2")  # never entered
                typed = True
            if select.select([game.stdout], [], [], 0.2)[0]:
                seen += os.read(game.stdout.fileno(), 65536)
    finally:
        game.kill()
        game.wait()
        os.close(keyboard)
    text = seen.decode("utf-8", "replace")
    assert "the council of day 1 ends. Anything typed and not entered is not taken." in text
    assert "Your answer: First demand" not in text


def test_only_a_line_mode_terminal_hides_half_lines(terminal):
    import termios

    keyboard, console = terminal
    assert console.hides_half_lines()  # a new terminal is in line (canonical) mode
    os.write(keyboard, b"2")
    time.sleep(0.1)
    assert not console.drop_typed_input()  # so this cannot see the "2" ...
    screen = console.input.fileno()
    mode = termios.tcgetattr(screen)
    mode[3] &= ~termios.ICANON
    termios.tcsetattr(screen, termios.TCSANOW, mode)
    assert not console.hides_half_lines()  # ... which a terminal in cbreak mode shows at once
    os.write(keyboard, b"3")
    time.sleep(0.1)
    assert console.drop_typed_input()
    assert not Console(StringIO("2"), StringIO()).hides_half_lines()  # a pipe: whole lines


def test_at_a_terminal_e_on_a_night_that_deserves_a_second_thought_asks_first(mini):
    # a teacher's play-test: one stray E ended the last day or let a deadline run out. At a
    # terminal E then asks for E again (or y), as the window does; scripted input
    # (tests/text/test_text_play.py) is never asked.
    from game.text.app import run_text

    keyboard, screen = os.openpty()
    stream = os.fdopen(screen, "r", encoding="utf-8")
    out = StringIO()
    # days 1 and 3: no point spent (day 1: Enter first, then E); day 2: the first demand's
    # deadline runs out that night (y); day 4, the last: "n", then E; then the end of input
    # (Ctrl-D), so that a game asking for more cannot wait
    os.write(keyboard, b"E\n\nE\nE\nE\ny\nE\ny\nE\nn\nE\nE\n\x04")
    codes: list[int] = []
    game = threading.Thread(
        target=lambda: codes.append(run_text(mini, seed=3, input_stream=stream, output_stream=out)),
        daemon=True,
    )
    game.start()
    game.join(60)
    stream.close()
    os.close(keyboard)
    text = out.getvalue()
    assert codes == [0], text[-2000:]
    again = " Press E again (or y) to end the day, Enter to go on: "
    spent = "You have not spent any of today's 2 action points." + again
    deadline = "The deadline of \u201cFirst demand\u201d runs out tonight, unanswered." + again
    last = "This is the last day: ending it ends the game." + again
    assert text.count(spent) == 3 and text.count(deadline) == 1 and text.count(last) == 2
    assert text.count("The day goes on.") == 2
    assert "Ending: " in text and "End of input" not in text


def test_an_answer_to_e_again_that_comes_after_the_council_time_is_too_late(monkeypatch, mini):
    # review: where a terminal cannot be waited on (a Windows console) the question was read
    # however late, and a late "y" ended the day as the players' own choice
    from game.text import console as console_module
    from game.text.app import Classroom, run_text

    monkeypatch.setattr(console_module, "SELECT_TAKES_TERMINALS", False)

    class Screen(StringIO):
        asked = False

        def write(self, text: str) -> int:
            self.asked = self.asked or "Press E again" in text
            return super().write(text)

    out = Screen()
    keyboard, screen = os.openpty()
    stream = os.fdopen(screen, "r", encoding="utf-8")
    os.write(keyboard, b"E\ny\n\x04")
    try:
        run_text(
            mini,
            seed=3,
            input_stream=stream,
            output_stream=out,
            classroom=Classroom(time_limit=1),
            clock=lambda: 1e6 if out.asked else 0.0,  # the answer comes long after the limit
        )
    finally:
        stream.close()
        os.close(keyboard)
    text = out.getvalue()
    assert "Press E again (or y) to end the day" in text
    assert "Time is up (1 minute): the council of day 1 ends." in text
    assert "Your last choice came too late and was not taken." in text
