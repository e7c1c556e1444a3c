"""Geometry of printed cards, in millimetres: sizes, N-up imposition, duplex backs, crop marks, and
where each element sits on a card. Pure arithmetic (no fpdf), so tests and `barst check` can use it.

Coordinates are PDF-writer style: origin top-left of the page, y grows downwards.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from barst.kit.plan import Placed as Placed_

PRINTER_MARGIN = 5.0  # most office printers cannot print closer to the edge
SAFE = 3.0  # nothing important closer than this to the trim: cutting is never exact
BLEED = 3.0  # shop mode: backgrounds run this far past the trim
MARK_GAP = 1.0  # crop marks stop short of the card so no grey line shows on a cut card
MARK_LENGTH = 4.0

CARD_SIZES: dict[str, tuple[float, float]] = {
    "poker": (63.0, 88.0),
    "bridge": (57.0, 89.0),
    "tarot": (70.0, 120.0),
    "mini": (44.0, 68.0),
    "a6": (105.0, 148.0),
    "a7": (74.0, 105.0),
    "wallet": (85.6, 54.0),
    "square": (70.0, 70.0),
}
PAPERS: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
_CUSTOM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*$")


class Rect(NamedTuple):
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def inset(self, d: float) -> Rect:
        return Rect(self.x + d, self.y + d, self.w - 2 * d, self.h - 2 * d)

    def contains(self, other: Rect, tolerance: float = 1e-6) -> bool:
        return (other.x >= self.x - tolerance and other.y >= self.y - tolerance
                and other.right <= self.right + tolerance and other.bottom <= self.bottom + tolerance)

    def moved(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.w, self.h)

    def overlaps(self, other: Rect) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom


def card_size(name: str) -> tuple[float, float]:
    """A preset name or 'WxH' in mm; ValueError with a readable message otherwise."""
    if name in CARD_SIZES:
        return CARD_SIZES[name]
    match = _CUSTOM.match(name)
    if match:
        w, h = float(match.group(1)), float(match.group(2))
        if 20 <= w <= 280 and 20 <= h <= 280:
            return w, h
        raise ValueError("a custom card size must be between 20 and 280 mm on each side")
    raise ValueError(f"unknown card size '{name}'")


MAX_GUTTER = 20.0
MAX_HOME_BLEED = 3.0
MAX_CORNER = 10.0


def parse_mm(text: str, what: str, most: float) -> float:
    """A length in mm written in a kit file or on the command line ("4", "1.5"); ValueError with a sentence."""
    try:
        value = float(str(text).strip().replace(",", "."))
    except ValueError:
        raise ValueError(f"{what} '{text}' is not a number of mm") from None
    if not 0 <= value <= most:
        raise ValueError(f"{what} must be between 0 and {most:g} mm")
    return value


def gutter_for(gutter: float, bleed: float) -> float:
    """The gap between cards: at least twice the home bleed, so neighbouring backgrounds never overlap."""
    if not 0 <= gutter <= MAX_GUTTER:
        raise ValueError(f"a gutter must be between 0 and {MAX_GUTTER:g} mm")
    if not 0 <= bleed <= MAX_HOME_BLEED:
        raise ValueError(f"a home bleed must be between 0 and {MAX_HOME_BLEED:g} mm")
    return max(gutter, 2 * bleed)


def parse_offset(text: str) -> tuple[float, float]:
    parts = text.replace(" ", "").split(",")
    if len(parts) != 2:
        raise ValueError("write the offset as x,y in mm, e.g. 0.5,-1")
    x, y = float(parts[0]), float(parts[1])
    if abs(x) > 10 or abs(y) > 10:
        raise ValueError("an offset of more than 10 mm means the printer setup is wrong, not shifted")
    return x, y


# --- imposition --------------------------------------------------------------------------------------

STRIP = 9.0  # margin strip for the sheet label and the scale bar: three lines of 6.5 pt
SCALE_BAR = 50.0  # mm: the scale check on every sheet
FOLD_GAP = 4.0  # fold layout: room either side of the fold so a crooked fold does not reach a card
Flip = str  # "long" (left and right swap: long-edge duplex, a vertical fold) or "short" (top and bottom swap)


@dataclass(frozen=True, slots=True)
class Sheet:
    """How cards of one size sit on one side of a sheet (home and fold layouts)."""

    paper: tuple[float, float]
    card: tuple[float, float]  # the card as designed (width, height)
    cols: int
    rows: int
    slots: tuple[Rect, ...]  # front positions on the paper, reading order (turned cards: width and height swap)
    turned: bool = False  # cards lie sideways, turned 90°, because more fit that way
    gutter: float = 0.0
    fold: str = ""  # "", "vertical" or "horizontal": the fold line of a fold layout
    strip: Rect | None = None  # where the sheet label and the scale bar go; None when there is no room
    strip_turned: bool = False  # a strip down the side: its text runs upwards

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def grid(self) -> Rect:
        first, last = self.slots[0], self.slots[-1]
        return Rect(first.x, first.y, last.right - first.x, last.bottom - first.y)

    @property
    def flip(self) -> Flip:
        """How the back of a fold layout is mirrored onto the front when folded."""
        return "short" if self.fold == "horizontal" else "long"

    @property
    def fold_line(self) -> Line | None:
        pw, ph = self.paper
        strip = self.strip
        if self.fold == "vertical":  # it stops short of the label strip across the foot of the sheet
            return Line(pw / 2, PRINTER_MARGIN, pw / 2, (strip.y if strip else ph - PRINTER_MARGIN) - 0.5)
        if self.fold == "horizontal":
            return Line(PRINTER_MARGIN, ph / 2, (strip.x if strip else pw - PRINTER_MARGIN) - 0.5, ph / 2)
        return None

    def angle(self) -> float:
        """How far a front is turned on the paper (anticlockwise, degrees)."""
        return 90.0 if self.turned else 0.0


def impose(paper: tuple[float, float], card: tuple[float, float], margin: float = PRINTER_MARGIN,
           gutter: float = 0.0, rotate: bool = True, fold: bool = False) -> Sheet:
    """Cards edge to edge (one cut serves two cards) or `gutter` mm apart, centred inside the printable
    area with room for the label strip. Cards are turned sideways when that fits more on the sheet. A fold
    layout puts the fronts on one half and the backs on the other. ValueError when not even one card fits."""
    if fold:
        sheets = [_fold_sheet(paper, card, margin, gutter, rotate, how) for how in ("vertical", "horizontal")]
        fitting = [s for s in sheets if s is not None]
        if not fitting:
            raise ValueError(f"a {card[0]:g}×{card[1]:g} mm card does not fit on half the paper for a fold layout")
        return max(fitting, key=lambda s: s.per_sheet)  # ties: the vertical fold (backs upright)
    pw, ph = paper
    return _grid(paper, card, Rect(margin, margin, pw - 2 * margin, ph - 2 * margin), gutter, rotate, "")


def _counts(area: Rect, w: float, h: float, gutter: float) -> tuple[int, int]:
    return int((area.w + gutter + 1e-9) // (w + gutter)), int((area.h + gutter + 1e-9) // (h + gutter))


def _grid(paper: tuple[float, float], card: tuple[float, float], area: Rect, gutter: float, rotate: bool,
          fold: str, strip_side: str = "") -> Sheet:
    cw, ch = card
    options = [(False, cw, ch)] + ([(True, ch, cw)] if rotate and cw != ch else [])
    best: tuple[int, bool, float, float, int, int] | None = None
    for turned, w, h in options:
        cols, rows = _counts(area, w, h, gutter)
        if cols >= 1 and rows >= 1 and (best is None or cols * rows > best[0]):
            best = (cols * rows, turned, w, h, cols, rows)
    if best is None:
        raise ValueError(f"a {cw:g}×{ch:g} mm card does not fit on the paper inside a {PRINTER_MARGIN:g} mm margin")
    _, turned, w, h, cols, rows = best
    grid_w, grid_h = cols * w + (cols - 1) * gutter, rows * h + (rows - 1) * gutter
    spare_h, spare_w = area.h - grid_h, area.w - grid_w
    strip: Rect | None = None
    strip_turned = False
    left, top = area.x + spare_w / 2, area.y + spare_h / 2
    if strip_side in ("", "bottom") and spare_h >= STRIP:
        top = area.y + (spare_h - STRIP) / 2
        strip = Rect(area.x, area.bottom - STRIP, area.w, STRIP)
    elif strip_side in ("", "right") and spare_w >= STRIP:
        left = area.x + (spare_w - STRIP) / 2
        strip = Rect(area.right - STRIP, area.y, STRIP, area.h)
        strip_turned = True
    slots = tuple(Rect(left + c * (w + gutter), top + r * (h + gutter), w, h) for r in range(rows) for c in range(cols))
    return Sheet(paper, card, cols, rows, slots, turned, gutter, fold, strip, strip_turned)


def _fold_sheet(paper: tuple[float, float], card: tuple[float, float], margin: float, gutter: float, rotate: bool,
                how: str) -> Sheet | None:
    """Fronts on the first half (left or top), backs mirrored on the other; the label strip runs along the
    whole edge beside the fold's ends, so mirroring the fronts never lands on it."""
    pw, ph = paper
    if how == "vertical":
        area = Rect(margin, margin, pw / 2 - FOLD_GAP / 2 - margin, ph - 2 * margin - STRIP)
        strip = Rect(margin, ph - margin - STRIP, pw - 2 * margin, STRIP)
        turned_strip = False
    else:
        area = Rect(margin, margin, pw - 2 * margin - STRIP, ph / 2 - FOLD_GAP / 2 - margin)
        strip = Rect(pw - margin - STRIP, margin, STRIP, ph - 2 * margin)
        turned_strip = True
    try:
        half = _grid(paper, card, area, gutter, rotate, how, "none")
    except ValueError:
        return None
    # Push the fronts against the fold, so their backs mirror into the same place on the other half.
    grid = half.grid
    dx = area.right - grid.right if how == "vertical" else 0.0
    dy = area.bottom - grid.bottom if how == "horizontal" else 0.0
    slots = tuple(s.moved(dx, dy) for s in half.slots)
    return Sheet(paper, card, half.cols, half.rows, slots, half.turned, gutter, how, strip, turned_strip)


def back_rect(front: Rect, paper: tuple[float, float], duplex: Flip, offset: tuple[float, float]) -> Rect:
    """Where the back of a card goes on the back page so it lands behind its front.

    Long-edge flip turns the sheet like a book page: left and right swap. Short-edge flip turns it like
    a notepad: top and bottom swap (and the writer turns each back 180° so it reads upright when the
    cut card is turned over sideways). The offset corrects a printer that shifts the back side; it is
    measured on the calibration sheet in back-page coordinates, so it is simply added. A fold layout
    mirrors the same way about its fold line, which is the middle of the paper.
    """
    pw, ph = paper
    if duplex == "short":
        rect = Rect(front.x, ph - front.bottom, front.w, front.h)
    else:
        rect = Rect(pw - front.right, front.y, front.w, front.h)
    return rect.moved(*offset)


def back_angle(front_angle: float, duplex: Flip) -> float:
    """How far to turn a back so it reads upright when its cut card is turned over sideways.

    A long-edge flip mirrors the sheet left to right: an upright front keeps an upright back, a sideways
    front (turned +90°) needs its back turned −90°. A short-edge flip mirrors top to bottom: 180° more."""
    return (-front_angle if duplex == "long" else 180.0 - front_angle) % 360.0


def natural_rect(slot: Rect, sheet: Sheet) -> Rect:
    """The card as designed (width × height), centred on its slot: a turned card is planned upright here
    and turned about the slot's centre when painted."""
    cw, ch = sheet.card
    cx, cy = slot.x + slot.w / 2, slot.y + slot.h / 2
    return Rect(cx - cw / 2, cy - ch / 2, cw, ch)


def mirror(rect: Rect, paper: tuple[float, float], duplex: Flip) -> Rect:
    return back_rect(rect, paper, duplex, (0.0, 0.0))


class Line(NamedTuple):
    x1: float
    y1: float
    x2: float
    y2: float


def crop_marks(sheet: Sheet, margin: float = PRINTER_MARGIN) -> list[Line]:
    """Short lines outside the grid on every cut line, kept inside the printable area and off the label
    strip. A fold layout marks both halves."""
    groups = [list(sheet.slots)]
    if sheet.fold:
        groups.append([mirror(s, sheet.paper, sheet.flip) for s in sheet.slots])
    lines: list[Line] = []
    for slots in groups:
        lines.extend(_marks_around(slots, sheet, margin))
    return lines


def _marks_around(slots: list[Rect], sheet: Sheet, margin: float) -> list[Line]:
    x, y = min(s.x for s in slots), min(s.y for s in slots)
    grid = Rect(x, y, max(s.right for s in slots) - x, max(s.bottom for s in slots) - y)
    pw, ph = sheet.paper
    top_limit, bottom_limit, left_limit, right_limit = margin, ph - margin, margin, pw - margin
    strip = sheet.strip
    if strip is not None:
        if strip.y >= grid.bottom:
            bottom_limit = min(bottom_limit, strip.y - 0.5)
        if strip.x >= grid.right:
            right_limit = min(right_limit, strip.x - 0.5)
    if sheet.fold == "vertical":  # marks stop short of the fold and of the other half
        if grid.right <= pw / 2:
            right_limit = min(right_limit, pw / 2 - 0.5)
        else:
            left_limit = max(left_limit, pw / 2 + 0.5)
    elif sheet.fold == "horizontal":
        if grid.bottom <= ph / 2:
            bottom_limit = min(bottom_limit, ph / 2 - 0.5)
        else:
            top_limit = max(top_limit, ph / 2 + 0.5)
    xs = sorted({round(s.x, 4) for s in slots} | {round(s.right, 4) for s in slots})
    ys = sorted({round(s.y, 4) for s in slots} | {round(s.bottom, 4) for s in slots})
    lines: list[Line] = []
    top_end = max(top_limit, grid.y - MARK_GAP - MARK_LENGTH)
    bottom_end = min(bottom_limit, grid.bottom + MARK_GAP + MARK_LENGTH)
    left_end = max(left_limit, grid.x - MARK_GAP - MARK_LENGTH)
    right_end = min(right_limit, grid.right + MARK_GAP + MARK_LENGTH)
    for x in xs:
        if grid.y - MARK_GAP > top_end:
            lines.append(Line(x, top_end, x, grid.y - MARK_GAP))
        if bottom_end > grid.bottom + MARK_GAP:
            lines.append(Line(x, grid.bottom + MARK_GAP, x, bottom_end))
    for y in ys:
        if grid.x - MARK_GAP > left_end:
            lines.append(Line(left_end, y, grid.x - MARK_GAP, y))
        if right_end > grid.right + MARK_GAP:
            lines.append(Line(grid.right + MARK_GAP, y, right_end, y))
    return lines


def corner_guides(card: Rect, radius: float, segments: int = 8) -> list[Line]:
    """Quarter circles of `radius` in each corner: where a corner punch or a pair of scissors rounds it."""
    lines: list[Line] = []
    corners = ((card.x + radius, card.y + radius, 180.0), (card.right - radius, card.y + radius, 270.0),
               (card.right - radius, card.bottom - radius, 0.0), (card.x + radius, card.bottom - radius, 90.0))
    for cx, cy, start in corners:
        points = [(cx + radius * math.cos(math.radians(start + 90 * k / segments)),
                   cy - radius * math.sin(math.radians(start + 90 * k / segments))) for k in range(segments + 1)]
        lines.extend(Line(*a, *b) for a, b in itertools.pairwise(points))
    return lines


REG_SQUARE = 5.0  # print-and-cut registration: a filled square top left, L-shaped marks in two other corners
REG_ARM = 20.0
REG_WIDTH = 1.0
REG_MARGIN = PRINTER_MARGIN + REG_SQUARE + MARK_GAP  # cards, marks and labels stay inside this with registration


def registration_marks(sheet: Sheet) -> list[Placed_]:
    """Marks a cutting machine's optical sensor finds (the common print-and-cut pattern), in the corners
    of the printable area. ValueError when a card or the label strip sits where a mark must go."""
    from barst.kit.plan import Placed  # plan builds on this module
    pw, ph = sheet.paper
    m = PRINTER_MARGIN
    rects = [Rect(m, m, REG_SQUARE, REG_SQUARE),
             Rect(pw - m - REG_ARM, m, REG_ARM, REG_WIDTH), Rect(pw - m - REG_WIDTH, m, REG_WIDTH, REG_ARM),
             Rect(m, ph - m - REG_WIDTH, REG_ARM, REG_WIDTH), Rect(m, ph - m - REG_ARM, REG_WIDTH, REG_ARM)]
    keep_clear = [s.inset(-MARK_GAP) for s in sheet.slots]
    if sheet.fold:
        keep_clear += [mirror(s, sheet.paper, sheet.flip).inset(-MARK_GAP) for s in sheet.slots]
    if sheet.strip is not None:
        keep_clear.append(sheet.strip)
    for rect in rects:
        if any(rect.overlaps(other) for other in keep_clear):
            raise ValueError("registration marks need the corners of the printable area free; the cards or the "
                             "label strip reach into them")
    return [Placed("fill", rect, "registration", "#000000") for rect in rects]
