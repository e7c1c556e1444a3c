"""Issue 18, cause 4: text and expression work stays near-linear on hostile input (a pasted link as one
long word, zero-width characters, a long condition), measured at n and 10n in the same run.

Prints `name: value` lines. Target: every `*_ratio_10x` line below 20 (linear gives ~10, n log n ~13;
the quadratic wrap this replaces gave ~100 and the cubic ~1000). `condition_refused` is refused by
length before any work, so its times stay near zero and its ratio is noise.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from barst.expr import ExprError, parse_condition  # noqa: E402
from barst.textfit import lines_needed, text_width, wrap  # noqa: E402


def best_of(work: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def report(name: str, small: int, work: Callable[[str], object], make: Callable[[int], str]) -> None:
    """Time `work` on `make(small)` and on `make(10 * small)` (the input is built outside the timing)."""
    little, large = make(small), make(small * 10)
    base = best_of(lambda: work(little))
    grown = best_of(lambda: work(large))
    print(f"{name}_{small}: {base * 1000:.1f} ms")
    print(f"{name}_{small * 10}: {grown * 1000:.1f} ms")
    print(f"{name}_ratio_10x: {grown / max(base, 1e-9):.1f}")


def long_link(n: int) -> str:
    return "https://www.example.be/" + "a" * n


def main() -> None:
    scene = "scene"
    report("checker_wrap_long_word", 20_000, lambda text: lines_needed(text, scene), long_link)
    report("checker_wrap_zero_width", 6000, lambda text: wrap(text, 600, lambda s: text_width(s, 24)),
           lambda n: ("a\u200b" * (n // 2) + " ") * 3)
    report("checker_wrap_many_words", 20_000, lambda text: lines_needed(text, scene), lambda n: "woord " * (n // 6))

    import pygame

    from barst.play.text import TextCache

    pygame.font.init()
    # A fresh cache each time: measure the work, not the memo.
    report("player_fit_long_word", 3000, lambda text: TextCache().fit(text, 32, False, 900, 300, 18), long_link)
    report("condition_parse", 7, parse_or_none, lambda n: " and ".join(["trust >= 1"] * n))
    # Far past the limits: refused at once (3.9 MB took the old tokenizer 168 s).
    report("condition_refused", 390_000, parse_or_none, lambda n: "(" * n + "trust")


def parse_or_none(text: str) -> object:
    try:
        return parse_condition(text)
    except ExprError:
        return None


if __name__ == "__main__":
    main()
