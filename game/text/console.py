"""Line input and output for the text shell, over any pair of streams (a terminal, a pipe, StringIO)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO


class EndOfInput(Exception):
    """The input ran out (a pipe or file ended, or Ctrl-D)."""


class Console:
    """Writes lines; asks for one line at a time. Typed lines are echoed when the input is not a
    terminal, so a transcript of piped play reads like a session."""

    def __init__(self, input_stream: TextIO, output_stream: TextIO):
        self.input = input_stream
        self.output = output_stream
        self.echo = not isatty(input_stream)

    def show(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.output.write(line.rstrip() + "\n")
        self.output.flush()

    def say(self, line: str = "") -> None:
        self.show([line])

    def ask(self, prompt: str) -> str:
        self.output.write(prompt)
        self.output.flush()
        line = self.input.readline()
        if not line:
            if not self.echo:
                self.output.write("\n")  # Ctrl-D leaves the cursor after the prompt
            raise EndOfInput
        line = line.rstrip("\r\n")
        if self.echo:
            self.output.write(line + "\n")
        return line


def isatty(stream: object) -> bool:
    check = getattr(stream, "isatty", None)
    try:
        return bool(check()) if callable(check) else False
    except (ValueError, OSError):  # a closed or odd stream is no terminal
        return False
