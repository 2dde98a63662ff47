"""The game's only source of chance: a SplitMix64 generator whose state is a number in GameState.

Python's `random` is not used so the sequence is ours to keep stable across Python versions, and
so the whole generator state fits in a JSON save.
"""

from __future__ import annotations

_MASK = (1 << 64) - 1


def seed_state(seed: int) -> int:
    """Spread any integer seed over the generator's state."""
    _, value = next_u64((seed * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & _MASK)
    return value


def next_u64(state: int) -> tuple[int, int]:
    """(new state, a 64-bit random number)."""
    state = (state + 0x9E3779B97F4A7C15) & _MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return state, z ^ (z >> 31)


def below(state: int, bound: int) -> tuple[int, int]:
    """(new state, a number in 0..bound-1). The modulo bias is below 1e-15 for our bounds."""
    # next_u64, written out: this is the engine's every draw, and a call costs more than the sum
    state = (state + 0x9E3779B97F4A7C15) & _MASK
    z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return state, (z ^ (z >> 31)) % bound if bound > 0 else 0
