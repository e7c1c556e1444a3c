"""Does a text fit its box on the projector? Pure (no pygame): the checker calls it to warn authors.

The widths come from `assets/fonts/andika-metrics.json` (advance widths of Andika at a reference size,
generated once from the TTF files with `python -m barst.play.text --metrics`). The boxes and font sizes
are the player's own numbers (`barst.play.metrics`), and the line breaking is the very function the
player uses (`wrap`), so the checker and the screen agree.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

from barst import paths
from barst.play.metrics import ROLES

SAFETY = 1.01  # rounding at small sizes makes real lines up to ~1% wider than the table says


def words_of(paragraph: str) -> list[str]:
    """The words of a line of text, split at spaces and tabs only: a no-break space (French "Vrai ou
    faux\u202f?", "«\u00a0…\u00a0»") keeps its two sides on one line, as it exists to do."""
    return [word for word in paragraph.replace("\t", " ").split(" ") if word]


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy word wrap; blank lines and newlines are kept; a word longer than a line is split."""
    lines: list[str] = []
    for paragraph in text.strip().split("\n"):
        words = words_of(paragraph)
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if measure(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while measure(word) > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and measure(word[:cut]) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


class _Widths(dict[str, float]):
    """Advance widths by character; a character the table lacks counts as an average one."""

    def __init__(self, widths: dict[str, float], average: float) -> None:
        super().__init__(widths)
        self.average = average

    def __missing__(self, char: str) -> float:
        return self.average


@cache
def _table(bold: bool) -> tuple[_Widths, float]:
    """The widths of one style, and the factor from the table's reference size to one pixel."""
    path = paths.assets_dir() / "fonts" / "andika-metrics.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    style = "bold" if bold else "regular"
    return _Widths(data["widths"][style], data["average"][style]), SAFETY / data["reference_size"]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in pixels of one line of `text` in Andika at `size` pixels."""
    widths, per_px = _table(bold)
    return sum(map(widths.__getitem__, text)) * size * per_px


def lines_needed(text: str, role: str) -> int:
    spec = ROLES[role]
    return len(wrap(text, spec.width, lambda s: text_width(s, spec.size, spec.bold)))


def fits_on_screen(text: str, role: str) -> bool:
    """Whether `text` fits the box of `role` (scene, choice, feedback, helps, card, ...) at 1280x720
    with the default text size. Unknown roles raise KeyError (see `barst.play.metrics.ROLES`)."""
    return _surely_fits(text, role) or lines_needed(text, role) <= ROLES[role].lines


def _surely_fits(text: str, role: str) -> bool:
    """A bound on `wrap`'s line count from word widths alone, so most texts skip the wrapping itself.

    Widths add up per character, so greedy wrapping breaks a line only once it is wider than
    width - space - longest word; k lines therefore need more than (k - 1) times that much text.
    """
    spec = ROLES[role]
    space = text_width(" ", spec.size, spec.bold)
    bound = 0
    for paragraph in text.strip().split("\n"):
        widths = [text_width(word, spec.size, spec.bold) for word in words_of(paragraph)]
        if not widths:
            bound += 1
            continue
        full = (spec.width - max(widths) - space) * 0.999  # a hair less: float sums are not exact
        if full <= 0:
            return False
        bound += 1 + int((sum(widths) + space * (len(widths) - 1)) / full)
    return bound <= spec.lines
