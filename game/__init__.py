"""Hebei 1935: a diplomatic crisis game about the He–Umezu affair of 1935."""

__version__ = "0.1.0"
