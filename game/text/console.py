"""Line input and output for the text shell, over any pair of streams (a terminal, a pipe, StringIO)."""

from __future__ import annotations

import codecs
import os
import select
import time
from collections.abc import Iterable
from typing import TextIO


class EndOfInput(Exception):
    """The input ran out (a pipe or file ended, or Ctrl-D)."""


class TimedOut(Exception):
    """Nobody finished a line before the time given to `ask` ran out; `dropped`: whether
    something had been half typed (it is discarded)."""

    def __init__(self, dropped: bool = False):
        super().__init__()
        self.dropped = dropped


class Console:
    """Writes lines; asks for one line at a time. Typed lines are echoed when the input is not a
    terminal, so a transcript of piped play reads like a session."""

    def __init__(self, input_stream: TextIO, output_stream: TextIO):
        self.input = input_stream
        self.output = output_stream
        self.echo = not isatty(input_stream)
        # A terminal is read from its descriptor (all of its lines, so that nothing typed ahead
        # waits in two buffers), and can then be waited on with a time limit (a classroom's
        # council clock).
        self._terminal = _descriptor(input_stream) if not self.echo else None
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._pending = ""

    def show(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.output.write(line.rstrip() + "\n")
        self.output.flush()

    def say(self, line: str = "") -> None:
        self.show([line])

    def ask(self, prompt: str, timeout: float | None = None) -> str:
        """One line of input. With `timeout` (seconds) and a terminal, raise TimedOut when no line
        is finished in time, dropping what was half typed. Other inputs (pipes, files, tests'
        strings) are scripted and simply read: their caller checks the clock afterwards."""
        self.output.write(prompt)
        self.output.flush()
        if self._terminal is not None:
            line = self._terminal_line(self._terminal, timeout)
        else:
            line = self.input.readline()
        if not line:
            if not self.echo:
                self.output.write("\n")  # Ctrl-D leaves the cursor after the prompt
            raise EndOfInput
        line = line.rstrip("\r\n")
        if self.echo:
            self.output.write(line + "\n")
        return line

    def _terminal_line(self, fd: int, timeout: float | None) -> str:
        """A line from the terminal `fd` ("" at its end). With `timeout`, TimedOut when no line is
        finished within that many seconds of the call, however the typing arrives."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while "\n" not in self._pending:
            if deadline is not None and not _readable(fd, deadline - time.monotonic()):
                self.output.write("\n")  # the prompt's line was left open
                raise TimedOut(self.drop_typed_input())
            data = os.read(fd, 4096)
            if not data:  # Ctrl-D
                line, self._pending = self._pending + self._decoder.decode(b"", final=True), ""
                return line
            self._pending += self._decoder.decode(data)
        line, self._pending = self._pending.split("\n", 1)
        return line + "\n"

    def hides_half_lines(self) -> bool:
        """Whether a line typed and not yet entered can wait in the terminal unseen: in canonical
        (line) mode the terminal keeps it until Enter, and neither `select` nor FIONREAD counts
        it (Linux reports 0 bytes), so `drop_typed_input` cannot tell that it was there. Not for
        a pipe, a file or a Windows console, which are read a whole line at a time anyway."""
        fd = self._terminal
        if fd is None:
            return False
        try:
            import termios

            return bool(termios.tcgetattr(fd)[3] & termios.ICANON)
        except Exception:  # noqa: BLE001 - no termios, or not a terminal after all: assume line mode
            return True

    def drop_typed_input(self) -> bool:
        """Discard what was typed and not yet taken, here and in the terminal, so that it is not
        the answer to the next question (a council that has just ended, say). Whether there was
        anything that could be seen (see `hides_half_lines`); a pipe or a file is scripted and
        loses nothing."""
        fd = self._terminal
        if fd is None:
            return False
        dropped = bool(self._pending) or _readable(fd, 0)
        self._pending = ""
        self._decoder.reset()
        try:
            import termios

            termios.tcflush(fd, termios.TCIFLUSH)
        except (ImportError, OSError):  # not a POSIX terminal: nothing more to discard
            pass
        return dropped


def _readable(fd: int, seconds: float) -> bool:
    """Whether the terminal has input within `seconds` (at once if it is already there)."""
    ready, _, _ = select.select([fd], [], [], max(0.0, seconds))
    return bool(ready)


# On Windows `select` takes only sockets, not a console.
SELECT_TAKES_TERMINALS = os.name != "nt"


def _descriptor(stream: object) -> int | None:
    """The file descriptor of a terminal that `select` can wait on, or None: on Windows `select`
    takes only sockets, so a console there is read as any stream (its time limit is checked when
    a line arrives, as for a pipe)."""
    if not SELECT_TAKES_TERMINALS:
        return None
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
        return fd if os.isatty(fd) else None
    except (AttributeError, ValueError, OSError):
        return None


def isatty(stream: object) -> bool:
    check = getattr(stream, "isatty", None)
    try:
        return bool(check()) if callable(check) else False
    except (ValueError, OSError):  # a closed or odd stream is no terminal
        return False
