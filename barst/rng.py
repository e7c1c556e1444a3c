"""A seeded random generator whose whole state is one integer, so it serialises to JSON.

SplitMix64: tiny, fast, and the same sequence on every platform and Python version, which keeps
saved games and `--seed` runs reproducible.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
_MASK = (1 << 64) - 1


def seed_state(seed: int) -> int:
    return seed & _MASK


def next_u64(state: int) -> tuple[int, int]:
    """Returns (random 64-bit value, new state)."""
    state = (state + 0x9E3779B97F4A7C15) & _MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31), state


def randint(state: int, low: int, high: int) -> tuple[int, int]:
    """A number in [low, high] (both included) and the new state."""
    value, state = next_u64(state)
    return low + value % (high - low + 1), state


def pick(state: int, items: Sequence[T]) -> tuple[T, int]:
    index, state = randint(state, 0, len(items) - 1)
    return items[index], state


def shuffled(state: int, items: Sequence[T]) -> tuple[list[T], int]:
    """Fisher–Yates with our generator."""
    result = list(items)
    for i in range(len(result) - 1, 0, -1):
        j, state = randint(state, 0, i)
        result[i], result[j] = result[j], result[i]
    return result, state
