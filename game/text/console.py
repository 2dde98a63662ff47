"""Line input and output for the text shell, over any pair of streams (a terminal, a pipe, StringIO)."""

from __future__ import annotations

import codecs
import os
import select
from collections.abc import Iterable
from typing import TextIO


class EndOfInput(Exception):
    """The input ran out (a pipe or file ended, or Ctrl-D)."""


class TimedOut(Exception):
    """Nobody finished a line before the time given to `ask` ran out."""


class Console:
    """Writes lines; asks for one line at a time. Typed lines are echoed when the input is not a
    terminal, so a transcript of piped play reads like a session."""

    def __init__(self, input_stream: TextIO, output_stream: TextIO):
        self.input = input_stream
        self.output = output_stream
        self.echo = not isatty(input_stream)
        # A terminal can be waited on with a time limit (a classroom's council clock). Its lines
        # are then read from the descriptor itself: a terminal hands over one line per read, so
        # nothing is left behind in the stream's own buffer for a later plain `readline`.
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
        if timeout is not None and self._terminal is not None:
            line = self._line_within(self._terminal, timeout)
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

    def _line_within(self, fd: int, timeout: float) -> str:
        """A line from the terminal `fd` ("" at its end), or TimedOut after `timeout` seconds."""
        while "\n" not in self._pending:
            ready, _, _ = select.select([fd], [], [], max(0.0, timeout))
            if not ready:
                _drop_typed_input(fd)
                self.output.write("\n")  # the prompt's line was left open
                raise TimedOut
            data = os.read(fd, 4096)
            if not data:  # Ctrl-D
                line, self._pending = self._pending, ""
                return line
            self._pending += self._decoder.decode(data)
        line, self._pending = self._pending.split("\n", 1)
        return line + "\n"


def _descriptor(stream: object) -> int | None:
    """The file descriptor of a terminal that `select` can wait on, or None."""
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
        return fd if os.isatty(fd) else None
    except (AttributeError, ValueError, OSError):
        return None


def _drop_typed_input(fd: int) -> None:
    """Discard a half-typed line, so it does not become the next answer."""
    try:
        import termios

        termios.tcflush(fd, termios.TCIFLUSH)
    except (ImportError, OSError):  # not a POSIX terminal: nothing to discard
        pass


def isatty(stream: object) -> bool:
    check = getattr(stream, "isatty", None)
    try:
        return bool(check()) if callable(check) else False
    except (ValueError, OSError):  # a closed or odd stream is no terminal
        return False
