"""Sounds synthesised at start-up (no sound files, no numpy): telegraph clicks, typewriter, alarm.

Silent and error-free when there is no audio device: `pygame.mixer.init()` failing just means
every `play` does nothing.
"""

from __future__ import annotations

import math
import os
import sys
from array import array
from pathlib import Path

import pygame

RATE = 22050


def _tone(freq: float, seconds: float, volume: float = 0.4, decay: float = 0.0) -> list[float]:
    count = int(RATE * seconds)
    return [
        volume * math.sin(2 * math.pi * freq * i / RATE) * math.exp(-decay * i / RATE)
        for i in range(count)
    ]


def _click(seconds: float = 0.012, volume: float = 0.6) -> list[float]:
    # a short decaying burst from a fixed-seed linear congruential generator: the same click every run
    count = int(RATE * seconds)
    state = 12345
    out = []
    for i in range(count):
        state = (1103515245 * state + 12345) & 0x7FFFFFFF
        noise = state / 0x3FFFFFFF - 1.0
        out.append(volume * noise * math.exp(-8 * i / count))
    return out


def _silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def _pcm(samples: list[float], channels: int) -> bytes:
    data = array(
        "h", (int(max(-1.0, min(1.0, s)) * 32000) for s in samples for _ in range(channels))
    )
    return data.tobytes()


def _telegraph() -> list[float]:
    samples: list[float] = []
    for gap in (0.05, 0.05, 0.14, 0.05, 0.14):  # dit-dit-dah rhythm of a sounder
        samples += _tone(880, 0.03, 0.35, 20) + _silence(gap)
    return samples


def _typewriter() -> list[float]:
    samples: list[float] = []
    for gap in (0.06, 0.09, 0.05, 0.08):
        samples += _click() + _silence(gap)
    return samples


def _alarm() -> list[float]:
    samples: list[float] = []
    for _ in range(3):
        samples += _tone(660, 0.12, 0.35) + _tone(520, 0.12, 0.35)
    return samples


_WAVEFORMS = {"telegraph": _telegraph, "typewriter": _typewriter, "alarm": _alarm}


def waveforms() -> dict[str, list[float]]:
    return {name: make() for name, make in _WAVEFORMS.items()}


def audio_device_likely() -> bool:
    """False where there is certainly no sound device, so that the audio library is never asked.

    On Linux with no sound card and no sound server, opening the mixer still works its way through
    ALSA, which prints a screenful of errors to the terminal; the game must stay silent instead.
    """
    if os.environ.get("SDL_AUDIODRIVER") in ("dummy", "disk"):
        return True  # tests and headless runs: SDL's own silent drivers print nothing
    if not sys.platform.startswith("linux"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    servers = [os.environ.get("PULSE_SERVER"), os.environ.get("PIPEWIRE_REMOTE")]
    sockets = [Path(runtime, "pulse", "native"), Path(runtime, "pipewire-0")] if runtime else []
    return Path("/dev/snd").exists() or any(servers) or any(p.exists() for p in sockets)


class Sounds:
    """The three sounds. The audio device is opened when the first sound is played, not at start:
    opening and closing it (SDL's dummy driver waits out a buffer on closing, about 45 ms) is no
    part of showing the title screen."""

    def __init__(self, enabled: bool = True):
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        self.volume = 0.7
        self.muted = False
        self.channels = 0  # 0: no usable device, so nothing is ever synthesised or played
        self._opened = not enabled  # True once the device was tried (or sound is off)

    def _open(self) -> None:
        self._opened = True
        if not audio_device_likely():
            return
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=RATE, size=-16, channels=2)
            opened = pygame.mixer.get_init()
        except (pygame.error, TypeError, ValueError):
            return
        if opened is None:  # the mixer did not start after all
            return
        frequency, size, channels = opened
        if size == -16 and frequency == RATE:  # another format would distort: stay silent instead
            self.channels = channels

    def _sound(self, name: str) -> pygame.mixer.Sound | None:
        if not self._opened:
            self._open()
        # Synthesised on first use: making all three in pure Python took a tenth of the start-up.
        if name not in self.sounds and self.channels:
            try:
                self.sounds[name] = pygame.mixer.Sound(
                    buffer=_pcm(_WAVEFORMS[name](), self.channels)
                )
            except (pygame.error, KeyError, TypeError, ValueError):
                return None
        return self.sounds.get(name)

    def configure(self, volume: int, mute: bool) -> None:
        self.volume = max(0, min(100, volume)) / 100
        self.muted = mute

    def play(self, name: str) -> None:
        if self.muted or self.volume <= 0:
            return
        sound = self._sound(name)
        if sound is None or self.muted or self.volume <= 0:
            return
        try:
            sound.set_volume(self.volume)
            sound.play()
        except pygame.error:
            pass
