"""Does a text fit its box on the projector? Pure (no pygame): the checker calls it to warn authors.

The widths come from `assets/fonts/andika-metrics.json` (advance widths of Andika at a reference size,
generated once from the TTF files with `python -m barst.play.text --metrics`). The boxes and font sizes
are the player's own numbers (`barst.play.metrics`), and the line breaking is the very function the
player uses (`wrap`), so the checker and the screen agree.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from barst import paths
from barst.play.metrics import LINE_SPACING, MIN_TEXT_PX, ROLES, TEXT_STEPS

if TYPE_CHECKING:
    from barst.play.textboxes import Box, Section

SAFETY = 1.01  # rounding at small sizes makes real lines up to ~1% wider than the table says


def words_of(paragraph: str) -> list[str]:
    """The words of a line of text, split at spaces and tabs only: a no-break space (French "Vrai ou
    faux\u202f?", "«\u00a0…\u00a0»") keeps its two sides on one line, as it exists to do."""
    return [word for word in paragraph.replace("\t", " ").split(" ") if word]


def wrap(text: str, width: float, measure: Callable[[str], float],
         guess: Callable[[str], float] | None = None) -> list[str]:
    """Greedy word wrap; blank lines and newlines are kept; a word longer than a line is split.

    Near-linear on any input: a line is measured only while it fits (so at most a line's worth of text
    at a time), and a long word (a pasted link) is split by doubling then halving the cut, never by
    trying one character less at a time over the whole word.

    `guess`, a cheap estimate of `measure` (the width table), only saves measuring: the line's end is
    guessed first and then checked with `measure`, about two measures a line instead of one a word
    (the font's own measure is the costly part of drawing a screen). The lines are the same either way.
    """
    lines: list[str] = []
    for paragraph in drawable(text).strip().split("\n"):
        words = words_of(paragraph)
        if not words:
            lines.append("")
            continue
        line = ""
        taken = 0
        while taken < len(words):
            count = _words_that_fit(line, words, taken, width, measure, guess)
            if count:
                line = " ".join([line, *words[taken:taken + count]] if line else words[taken:taken + count])
                taken += count
                if taken == len(words):
                    break
            if line:  # the next word starts a new line
                lines.append(line)
                line = ""
                continue
            line = _split_word(words[taken], width, measure, lines)  # it is wider than a line
            taken += 1
        lines.append(line)
    return lines


def _words_that_fit(line: str, words: list[str], start: int, width: float, measure: Callable[[str], float],
                    guess: Callable[[str], float] | None) -> int:
    """How many of `words[start:]` still fit on `line`, as adding them one at a time would find (a line
    is never narrower for one more word)."""
    def fits(count: int) -> bool:
        taken = words[start:start + count]
        return measure(" ".join([line, *taken] if line else taken)) <= width

    count, most = 0, len(words) - start  # `most`: more than this many are known not to fit
    if guess is not None:  # start at the guessed end of the line, then correct it
        used, space = guess(line), guess(" ")
        for word in words[start:]:
            used += guess(word) + (space if line or count else 0)
            if used > width:
                break
            count += 1
        while count and not fits(count):
            count -= 1
            most = count
    while count < most and fits(count + 1):
        count += 1
    return count
    while start + count < len(words) and fits(count + 1):
        count += 1
    return count


def _split_word(word: str, width: float, measure: Callable[[str], float], lines: list[str]) -> str:
    """Append the full-width pieces of a word longer than a line to `lines`; return the last piece.
    Walks an offset instead of slicing off the rest after every piece (that copy was quadratic)."""
    start, cut = 0, 1
    while len(word) - start > 1:
        cut = _longest_prefix(word, width, measure, cut, start)
        if start + cut == len(word):
            break
        lines.append(word[start:start + cut])
        start += cut
    return word[start:]


def _longest_prefix(word: str, width: float, measure: Callable[[str], float], hint: int = 1, start: int = 0) -> int:
    """The length of the longest prefix of `word[start:]` (at least one character) that is at most `width`
    wide.

    Gallops from `hint` (the previous cut: the pieces of one long word are alike), doubling the step
    until the answer is bracketed, then halves: a few measures of at most twice the answer's length,
    so splitting a whole word costs O(n log n), and about O(n) when its pieces are alike."""
    end = len(word) - start
    if end <= 1:
        return end

    def fits(length: int) -> bool:
        return measure(word[start:start + length]) <= width

    low = max(1, min(hint, end - 1))
    step = 1
    if fits(low):  # gallop up: the first `low` characters fit
        high = min(end, low + step)
        while fits(high):
            if high == end:
                return end  # the whole rest fits (measured only once the gallop got there)
            low, step = high, step * 2
            high = min(end, low + step)
    else:  # gallop down: the first `low` characters do not fit
        high = low
        low = max(1, high - step)
        while low > 1 and not fits(low):
            high, step = low, step * 2
            low = max(1, high - step)
    while high - low > 1:  # `low` characters fit (or low == 1), `high` do not
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low


# Characters that are never drawn: C0/C1 controls (NUL, ESC, BEL…) and the bidi embedding, override and
# isolate marks, which would silently reorder a title or a team name. A lone surrogate (not valid UTF-8)
# becomes the replacement character. Tabs become spaces; newlines stay (they are paragraph breaks).
_CONTROLS = [c for c in range(0x20) if c not in (0x09, 0x0A)] + list(range(0x7F, 0xA0))
_BIDI = [0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_DRAWABLE = {c: None for c in _CONTROLS + _BIDI} | {0x09: " "} | {c: "\ufffd" for c in range(0xD800, 0xE000)}


def drawable(text: str) -> str:
    """`text` as it can be drawn on any screen: without controls or bidi overrides (see `_DRAWABLE`)."""
    return text.translate(_DRAWABLE) if not text.isprintable() else text


def unsafe_characters(text: str) -> list[str]:
    """The control and bidi-override characters in `text` (newlines and tabs excepted), as U+XXXX names,
    for the checker and the board setup: content and team names must not hide characters."""
    found = sorted({ch for ch in text if ord(ch) in _DRAWABLE and ch not in "\t\n"})
    return [f"U+{ord(ch):04X}" for ch in found]


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


class Drawn(NamedTuple):
    """How the player draws a text in a box at 1280x720: at which size, in how many lines, and what is
    lost (`cut` characters behind the '…'; a one-line box: `over` pixels past its edge, about `cut`
    characters)."""

    px: int
    lines: int
    room: int
    used: float  # height in units
    cut: int = 0
    over: int = 0

    @property
    def fits(self) -> bool:
        return not self.cut and not self.over


def font_px(size: float, step: str) -> int:
    """`Layout.font_px` at 1280x720: the pixel size of a font of `size` units at a text step."""
    return max(MIN_TEXT_PX, round(size * TEXT_STEPS[step]))


def line_height(px: int) -> int:
    return round(px * LINE_SPACING)


def draw_box(text: str, box: Box, step: str) -> Drawn:
    """What `Painter.para` (a box with a height) or `Painter.text` with `max_w` (height 0) does with
    `text` at 1280x720 and text step `step`: the same shrinking steps, the same wrapping."""
    if box.height <= 0:
        return _draw_line(drawable(text), box, step)
    return draw_para(text, box.width, box.height, font_px(box.size, step), box.bold)


def surely_fits(text: str, box: Box, step: str) -> bool:
    """A quick "yes" (or "maybe not") from word widths alone: the text fits `box` at `step` without
    shrinking. A text that does so at the largest step fits at every smaller one (widths scale with the
    size, greedy wrapping needs no more lines in a relatively wider box, and smaller lines leave more room)."""
    px, width, room = _limits(box, step)
    whole, _ = _unit_widths(text, box.bold)
    if whole * px <= width:
        return box.height <= 0 or room >= 1
    return box.height > 0 and room >= 1 and line_bound(text, width, px, box.bold) <= room


@lru_cache(maxsize=1024)
def _limits(box: Box, step: str) -> tuple[int, int, int]:
    """A box's font size, width and lines at a text step (boxes repeat for every scene and card)."""
    px = font_px(box.size, step)
    return px, round(box.width), round(box.height) // line_height(px) if box.height > 0 else 1


def stack_surely_fits(sections: list[Section], width: float, height: float, step: str) -> bool:
    """A quick "yes" for `draw_stack`: every section fits at full size (so at every smaller step too)."""
    from barst.play.metrics import GAP, STACK_HEAD_SIZE

    total = 0.0
    for section in sections:
        if not section.text:
            continue
        px = font_px(section.size, step)
        head = font_px(STACK_HEAD_SIZE, step) * 1.3 if section.headed else 0.0
        total += head + line_bound(section.text, round(width), px, False) * line_height(px) + GAP * 0.75
    return total <= height


def line_bound(text: str, width: float, px: float, bold: bool) -> int:
    """An upper bound on `wrap`'s line count (see `_surely_fits`); a large number when there is none."""
    whole, paragraphs = _unit_widths(text, bold)
    if whole * px <= width:
        return 1
    space = text_width(" ", px, bold)
    bound = 0
    for longest, total, words in paragraphs:
        if not words:
            bound += 1
            continue
        full = (width - longest * px - space) * 0.999
        if full <= 0:
            return 1 << 30
        bound += 1 + int((total * px + space * (words - 1)) / full)
    return bound


@lru_cache(maxsize=8192)
def _unit_widths(text: str, bold: bool) -> tuple[float, list[tuple[float, float, int]]]:
    """Widths at 1 px: the whole text on one line (inf when it has a newline), and per paragraph the
    longest word, all words together and the number of words. Cached: a text is tried in several boxes."""
    text = drawable(text)
    whole = math.inf if "\n" in text.strip() else text_width(" ".join(text.split()), 1, bold)
    paragraphs = []
    for paragraph in text.strip().split("\n"):
        widths = [text_width(word, 1, bold) for word in words_of(paragraph)]
        paragraphs.append((max(widths, default=0.0), sum(widths), len(widths)))
    return whole, paragraphs


def draw_para(text: str, width_units: float, height_units: float, px: int, bold: bool) -> Drawn:
    """`TextCache.fit`: shrink by 8% steps down to the minimum, then keep the lines that fit and cut."""
    width, height = round(width_units), round(height_units)
    size = px
    while True:
        lines = wrap(text, width, _measure(size, bold))
        if len(lines) * line_height(size) <= height or size <= MIN_TEXT_PX:
            break
        size = max(MIN_TEXT_PX, int(size * 0.92))
    room = max(1, height // line_height(size))
    shown = min(len(lines), room)
    cut = sum(len(line) + 1 for line in lines[room:]) if len(lines) > room else 0
    return Drawn(size, len(lines), room, float(shown * line_height(size)), cut)


def _measure(px: int, bold: bool) -> Callable[[str], float]:
    def measure(line: str) -> float:
        return text_width(line, px, bold)

    return measure


def _draw_line(text: str, box: Box, step: str) -> Drawn:
    """`Painter.text` with `max_w`: one pixel smaller at a time down to the minimum, then drawn as is."""
    limit = round(box.width)
    size = font_px(box.size, step)
    while size > MIN_TEXT_PX and text_width(text, size, box.bold) > limit:
        size -= 1
    width = text_width(text, size, box.bold)
    over = max(0, math.ceil(width - limit))
    too_many = math.ceil(over / (width / len(text))) if over else 0  # characters of an average width
    return Drawn(size, 1, 1, float(line_height(size)), too_many, over)


def draw_stack(sections: list[Section], width: float, height: float, step: str) -> list[Drawn]:
    """The board's `text_stack` (look.py): headed sections one under another at the largest common shrink that fits
    (not below half), each then drawn as a paragraph in what is left; a section that gets no room at all
    is wholly cut. Returns one `Drawn` per section with a text."""
    from barst.play.metrics import GAP, STACK_HEAD_SIZE, STACK_MIN_SHRINK, STACK_SHRINK

    shown = [section for section in sections if section.text]
    if not shown:
        return []
    w_px = round(width)

    def size_at(size: float, shrink: float) -> int:
        return max(MIN_TEXT_PX, round(size * TEXT_STEPS[step] * shrink))

    def head_h(section: Section, shrink: float) -> float:
        return size_at(STACK_HEAD_SIZE, shrink) * 1.3 if section.headed else 0.0

    shrink = 1.0
    while True:
        total = 0.0
        for section in shown:
            px = size_at(section.size, shrink)
            lines = len(wrap(section.text, w_px, _measure(px, False)))
            total += head_h(section, shrink) + lines * line_height(px) + GAP * 0.75
        if total <= height or shrink < STACK_MIN_SHRINK:
            break
        shrink *= STACK_SHRINK
    top, bottom = 0.0, height
    drawn: list[Drawn] = []
    for section in shown:
        px = size_at(section.size, shrink)
        if bottom - top < 20:
            drawn.append(Drawn(px, 0, 0, 0.0, len(section.text)))
            continue
        if section.headed:
            top += size_at(STACK_HEAD_SIZE, shrink) * 1.3
        need = len(wrap(section.text, w_px, _measure(px, False))) * line_height(px)
        # para() starts again from the shrunk size at this text step
        para = draw_para(section.text, width, min(need + 2, bottom - top),
                         max(MIN_TEXT_PX, round(section.size * shrink * TEXT_STEPS[step])), False)
        drawn.append(para)
        top += para.used + GAP * 0.75
    return drawn


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
    if "\n" not in text and text_width(" ".join(text.split()), spec.size, spec.bold) <= spec.width:
        return spec.lines >= 1  # the whole text on one line: most labels and feedback, one sum
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
