"""Make a text fit its box: the largest font size, found by binary search, down to the audience's minimum.

A word is never split (children learn words as whole shapes, and a split word reads as two); if the
text does not fit at the minimum size the build fails, naming the card and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from barst.kit.fonts import PT_TO_MM, Measure

MIN_SIZE = {"children": 18.0, "pupils": 10.0, "professionals": 10.0, "adults": 10.0}
LINE_HEIGHT = 1.2  # line pitch as a multiple of the font size
STEP = 0.5  # font sizes are searched in half points: finer steps are invisible in print


@dataclass(frozen=True, slots=True)
class Fitted:
    size: float  # points
    lines: tuple[str, ...]

    @property
    def line_mm(self) -> float:
        return self.size * PT_TO_MM * LINE_HEIGHT


class Overflow(Exception):
    def __init__(self, min_size: float, needed_lines: int, room_lines: int) -> None:
        super().__init__(f"does not fit even at {min_size:g} pt")
        self.min_size = min_size
        self.needed_lines = needed_lines
        self.room_lines = room_lines


NBSP = "\u00a0"
# French typesetting puts a (non-breaking) space before these and after «: a line never starts with them.
STICK_TO_PREVIOUS = frozenset("?!:;»%…)")
STICK_TO_NEXT = frozenset("«(")
_SPACES = re.compile(r"[ \t\u2002-\u200a]+")  # breakable spaces only: a no-break space (U+00A0, U+202F) holds


def units(paragraph: str) -> list[str]:
    """The unbreakable pieces of a paragraph: words, with a lone "?", ":", "»"… glued to the word before it
    and "«" to the word after it by a no-break space, so "Vrai ou faux ?" never ends a line on "faux"."""
    out: list[str] = []
    glue_next = False
    for token in _SPACES.split(paragraph.strip()):
        if not token:
            continue
        if out and (glue_next or (token[0] in STICK_TO_PREVIOUS and set(token) <= STICK_TO_PREVIOUS | {"."})):
            out[-1] += NBSP + token
        else:
            out.append(token)
        glue_next = set(token) <= STICK_TO_NEXT
    return out


def wrap_words(text: str, width: float, size: float, bold: bool, measure: Measure) -> list[str] | None:
    """Greedy wrap keeping paragraphs; None when a single word is wider than the line."""
    space = measure(" ", size, bold)
    lines: list[str] = []
    for paragraph in text.strip().split("\n"):
        line: list[str] = []
        used = 0.0
        for word in units(paragraph):
            w = measure(word, size, bold)
            if w > width:
                return None
            if line and used + space + w > width:
                lines.append(" ".join(line))
                line, used = [word], w
            else:
                used = used + space + w if line else w
                line.append(word)
        lines.append(" ".join(line))
    return lines


class Fitter:
    """Fits texts, remembering results: decks repeat the same titles and back texts hundreds of times."""

    def __init__(self, measure: Measure | None = None) -> None:
        self.measure = measure or Measure()
        self._cache: dict[tuple[str, float, float, float, float, bool, int], Fitted | Overflow] = {}

    def fit(self, text: str, width: float, height: float, max_size: float, min_size: float,
            bold: bool = False, max_lines: int = 0) -> Fitted:
        key = (text, round(width, 3), round(height, 3), max_size, min_size, bold, max_lines)
        found = self._cache.get(key)
        if found is None:
            found = self._search(*key)
            self._cache[key] = found
        if isinstance(found, Overflow):
            raise found
        return found

    def _fits(self, text: str, width: float, height: float, size: float, bold: bool,
              max_lines: int) -> list[str] | None:
        lines = wrap_words(text, width, size, bold, self.measure)
        if lines is None:
            return None
        room = int((height + 1e-6) // (size * PT_TO_MM * LINE_HEIGHT))
        if max_lines:
            room = min(room, max_lines)
        return lines if len(lines) <= room else None

    def _search(self, text: str, width: float, height: float, max_size: float, min_size: float,
                bold: bool, max_lines: int) -> Fitted | Overflow:
        low, high = round(min_size / STEP), round(max_size / STEP)  # in steps
        best = self._fits(text, width, height, low * STEP, bold, max_lines)
        if best is None:
            lines = wrap_words(text, width, min_size, bold, self.measure)
            needed = len(lines) if lines is not None else 0
            room = int((height + 1e-6) // (min_size * PT_TO_MM * LINE_HEIGHT))
            return Overflow(min_size, needed, room)
        best_size = low
        while low < high:  # invariant: `low` fits; find the largest size that fits
            mid = (low + high + 1) // 2
            lines = self._fits(text, width, height, mid * STEP, bold, max_lines)
            if lines is None:
                high = mid - 1
            else:
                low, best, best_size = mid, lines, mid
        return Fitted(best_size * STEP, tuple(best))
