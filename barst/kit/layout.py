"""Geometry of printed cards, in millimetres: sizes, N-up imposition, duplex backs, crop marks, and
where each element sits on a card. Pure arithmetic (no fpdf), so tests and `barst check` can use it.

Coordinates are PDF-writer style: origin top-left of the page, y grows downwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

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


def parse_offset(text: str) -> tuple[float, float]:
    parts = text.replace(" ", "").split(",")
    if len(parts) != 2:
        raise ValueError("write the offset as x,y in mm, e.g. 0.5,-1")
    x, y = float(parts[0]), float(parts[1])
    if abs(x) > 10 or abs(y) > 10:
        raise ValueError("an offset of more than 10 mm means the printer setup is wrong, not shifted")
    return x, y


# --- imposition --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sheet:
    """How cards of one size sit on one side of a sheet (home mode)."""

    paper: tuple[float, float]
    card: tuple[float, float]
    cols: int
    rows: int
    slots: tuple[Rect, ...]  # front positions, reading order

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def grid(self) -> Rect:
        first, last = self.slots[0], self.slots[-1]
        return Rect(first.x, first.y, last.right - first.x, last.bottom - first.y)


def impose(paper: tuple[float, float], card: tuple[float, float], margin: float = PRINTER_MARGIN) -> Sheet:
    """Cards butted edge to edge (one cut serves two cards), centred inside the printable area.
    ValueError when not even one card fits."""
    pw, ph = paper
    cw, ch = card
    cols = int((pw - 2 * margin + 1e-9) // cw)
    rows = int((ph - 2 * margin + 1e-9) // ch)
    if cols < 1 or rows < 1:
        raise ValueError(f"a {cw:g}×{ch:g} mm card does not fit on the paper inside a {margin:g} mm margin")
    left = (pw - cols * cw) / 2
    top = (ph - rows * ch) / 2
    slots = tuple(Rect(left + c * cw, top + r * ch, cw, ch) for r in range(rows) for c in range(cols))
    return Sheet(paper, card, cols, rows, slots)


def back_rect(front: Rect, paper: tuple[float, float], duplex: str, offset: tuple[float, float]) -> Rect:
    """Where the back of a card goes on the back page so it lands behind its front.

    Long-edge flip turns the sheet like a book page: left and right swap. Short-edge flip turns it like
    a notepad: top and bottom swap (and the writer turns each back 180° so it reads upright when the
    cut card is turned over sideways). The offset corrects a printer that shifts the back side; it is
    measured on the calibration sheet in back-page coordinates, so it is simply added.
    """
    pw, ph = paper
    if duplex == "short":
        rect = Rect(front.x, ph - front.bottom, front.w, front.h)
    else:
        rect = Rect(pw - front.right, front.y, front.w, front.h)
    return rect.moved(*offset)


class Line(NamedTuple):
    x1: float
    y1: float
    x2: float
    y2: float


def crop_marks(sheet: Sheet, margin: float = PRINTER_MARGIN) -> list[Line]:
    """Short lines outside the grid on every cut line, kept inside the printable area."""
    grid = sheet.grid
    pw, ph = sheet.paper
    xs = sorted({round(s.x, 4) for s in sheet.slots} | {round(s.right, 4) for s in sheet.slots})
    ys = sorted({round(s.y, 4) for s in sheet.slots} | {round(s.bottom, 4) for s in sheet.slots})
    lines: list[Line] = []
    top_end = max(margin, grid.y - MARK_GAP - MARK_LENGTH)
    bottom_end = min(ph - margin, grid.bottom + MARK_GAP + MARK_LENGTH)
    left_end = max(margin, grid.x - MARK_GAP - MARK_LENGTH)
    right_end = min(pw - margin, grid.right + MARK_GAP + MARK_LENGTH)
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


# --- inside a card -------------------------------------------------------------------------------------


def header_band(card: Rect) -> tuple[Rect, Rect]:
    """Deck icon and deck title along the top of the safe zone: colour is never alone."""
    safe = card.inset(SAFE)
    height = min(9.0, max(6.0, card.h * 0.09))
    return Rect(safe.x, safe.y, height, height), Rect(safe.x + height + 1.5, safe.y, safe.w - height - 1.5, height)


def picture_card(card: Rect, with_text: bool) -> dict[str, Rect]:
    """Babo-style front: a big picture, the word under it."""
    safe = card.inset(SAFE)
    icon, title = header_band(card)
    top = icon.bottom + 2
    word_h = max(14.0, safe.h * (0.30 if with_text else 0.20))
    picture = Rect(safe.x, top, safe.w, safe.bottom - top - word_h - 1)
    side = min(picture.w, picture.h)
    picture = Rect(safe.x + (safe.w - side) / 2, top, side, side)
    return {"icon": icon, "deck": title, "picture": picture,
            "word": Rect(safe.x, picture.bottom + 1, safe.w, safe.bottom - picture.bottom - 1)}


def text_card(card: Rect) -> dict[str, Rect]:
    """A question card: header band, then the text filling the rest of the safe zone."""
    safe = card.inset(SAFE)
    icon, title = header_band(card)
    return {"icon": icon, "deck": title, "text": Rect(safe.x, icon.bottom + 2, safe.w, safe.bottom - icon.bottom - 2)}


def plain_back(card: Rect) -> dict[str, Rect]:
    """A back: the deck icon large in the middle, its word under it."""
    safe = card.inset(SAFE)
    side = min(safe.w, safe.h) * 0.5
    icon = Rect(safe.x + (safe.w - side) / 2, safe.y + (safe.h - side) / 2 - safe.h * 0.08, side, side)
    return {"icon": icon, "word": Rect(safe.x, icon.bottom + 2, safe.w, safe.bottom - icon.bottom - 2)}


def qr_back(card: Rect, count: int, qr_side: float) -> dict[str, Rect]:
    """One to two QR codes side by side, each with its number and name beside it (underneath)."""
    safe = card.inset(SAFE)
    count = max(1, count)
    cell_w = safe.w / count
    out: dict[str, Rect] = {}
    for i in range(count):
        x = safe.x + i * cell_w
        qr = Rect(x + (cell_w - qr_side) / 2, safe.y, qr_side, qr_side)
        out[f"qr{i}"] = qr
        out[f"caption{i}"] = Rect(x + 1, qr.bottom + 0.5, cell_w - 2, safe.bottom - qr.bottom - 0.5)
    return out


def wallet_front(card: Rect) -> dict[str, Rect]:
    safe = card.inset(SAFE)
    return {"title": Rect(safe.x, safe.y, safe.w, 7.0), "lines": Rect(safe.x, safe.y + 8.0, safe.w, safe.h - 8.0)}
