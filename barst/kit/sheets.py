"""Home printing: cards N-up on a sheet with crop marks, backs behind their fronts (duplex) or beside them
(fold layout), and the margin furniture every sheet carries: sheet label, row labels and the scale check.

Everything on a sheet is planned as placed elements first (see `plan`), so the tests read what is painted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from barst.kit import layout
from barst.kit.compose import Content, DeckJob, multi_word
from barst.kit.fit import LINE_HEIGHT
from barst.kit.fonts import PT_TO_MM, Measure
from barst.kit.layout import Line, Rect, Sheet
from barst.kit.plan import Placed, Planner
from barst.kit.words import words

if TYPE_CHECKING:
    from barst.kit.build import Options, Result
    from barst.kit.pdf import Turn, Writer

LABEL_PT = 6.5  # margin labels: read by whoever sorts the stack, never on a card
LABEL_MM = LABEL_PT * PT_TO_MM * LINE_HEIGHT
GUIDE_GREY = "#808080"


@dataclass(frozen=True, slots=True)
class HomeSetup:
    """How the home sheets of a build are laid out (from the kit file and the command line)."""

    paper: tuple[float, float]
    duplex: str  # "long" or "short"
    offset: tuple[float, float]
    gutter: float = 0.0
    bleed: float = 0.0  # backgrounds past the cut line, so a small miscut or duplex drift shows no sliver
    fold: bool = False
    rotate: bool = True
    corners: float = 0.0  # radius of rounded-corner guides; 0: none
    registration: bool = False


@dataclass(slots=True)
class SheetSide:
    """One painted side: what goes where, for the writer and for the tests."""

    furniture: list[tuple[Placed, float]] = field(default_factory=list)  # element and its turn (degrees)
    lines: list[Line] = field(default_factory=list)


def sheet_for(deck: DeckJob, setup: HomeSetup) -> Sheet:
    sheet = layout.impose(setup.paper, deck.size, gutter=setup.gutter, rotate=setup.rotate, fold=setup.fold)
    if setup.registration:
        try:
            layout.registration_marks(sheet)
        except ValueError:  # the cards reach the corners: they move inwards, out of the marks' ring
            sheet = layout.impose(setup.paper, deck.size, layout.REG_MARGIN, gutter=setup.gutter,
                                  rotate=setup.rotate, fold=setup.fold)
    return sheet


def home_deck(writer: Writer, planner: Planner, deck: DeckJob, setup: HomeSetup, result: Result,
              options: Options, content: Content, step: Callable[[], None]) -> None:
    """Paint one deck on as many sheets as it needs: front page then back page (or both on one page)."""
    from barst.kit.build import PlacedOn

    sheet = sheet_for(deck, setup)
    cards = deck.printed()
    sheets = -(-len(cards) // sheet.per_sheet)
    paper = setup.paper
    flip = sheet.flip if sheet.fold else setup.duplex
    offset = (0.0, 0.0) if sheet.fold else setup.offset
    marks = layout.crop_marks(sheet, layout.REG_MARGIN if setup.registration else layout.PRINTER_MARGIN)
    # (with registration marks, crop marks stay out of the corner ring the marks are drawn in)
    for number, indexes in _chunks(len(cards), sheet.per_sheet):
        if sheet.fold:
            sides = [("fold", False)]
        elif options.backs_only:
            sides = [("back", True)]
        else:
            sides = [("front", False), ("back", True)]
        for side, is_back in sides:
            writer.add_page(paper)
            page_marks = [_mirror_line(m, paper, flip, offset) for m in marks] if is_back else marks
            writer.lines(page_marks)
            if sheet.fold and sheet.fold_line is not None:
                writer.lines([sheet.fold_line], GUIDE_GREY, 0.2, dash=2.0)
            faces: list[tuple[bool, Rect]] = []
            for slot_index, card_index in enumerate(indexes):
                front_slot = sheet.slots[slot_index]
                job = cards[card_index]
                for back in ((False, True) if side == "fold" else (is_back,)):
                    slot = layout.back_rect(front_slot, paper, flip, offset) if back else front_slot
                    angle = layout.back_angle(sheet.angle(), flip) if back else sheet.angle()
                    rect = layout.natural_rect(slot, sheet)
                    items = planner.face(job.back if back else job.front, rect)
                    turn: Turn = (angle, slot.x + slot.w / 2, slot.y + slot.h / 2)
                    writer.paint(items, turn)
                    result.placed.extend(PlacedOn(writer.page_count - 1, rect, item, "back" if back else "front",
                                                  angle, slot) for item in items)
                    faces.append((back, slot))
            guides = []
            if setup.corners > 0:
                for _, slot in faces:
                    guides.extend(layout.corner_guides(slot, setup.corners))
            writer.lines(guides, GUIDE_GREY, 0.1)
            if setup.registration and not is_back:  # the cutter reads the side it cuts from
                writer.paint(layout.registration_marks(sheet))
            side_word = multi_word(content.langs or [content.lang], side)
            label = f"{deck.title} · {side_word} · {number + 1}/{sheets} · {indexes[0] + 1}–{indexes[-1] + 1}"
            furniture = sheet_furniture(sheet, label, row_labels(sheet, indexes), content.langs, writer.measure,
                                        flip if is_back else "")
            for item, angle in furniture:
                writer.paint([item], (angle, item.rect.x + item.rect.w / 2, item.rect.y + item.rect.h / 2))
                result.placed.append(PlacedOn(writer.page_count - 1, None, item, "margin", angle, None))
            step()


def _chunks(count: int, per: int) -> Iterator[tuple[int, list[int]]]:
    for sheet, start in enumerate(range(0, count, per)):
        yield sheet, list(range(start, min(start + per, count)))


def _mirror_line(line: Line, paper: tuple[float, float], flip: str, offset: tuple[float, float]) -> Line:
    pw, ph = paper
    if flip == "long":
        return Line(pw - line.x1 + offset[0], line.y1 + offset[1], pw - line.x2 + offset[0], line.y2 + offset[1])
    return Line(line.x1 + offset[0], ph - line.y1 + offset[1], line.x2 + offset[0], ph - line.y2 + offset[1])


def row_labels(sheet: Sheet, indexes: list[int]) -> list[str]:
    """Card numbers per row ("4–6"), so a stack can be sorted after a paper jam."""
    out = []
    for row in range(sheet.rows):
        in_row = indexes[row * sheet.cols:(row + 1) * sheet.cols]
        if not in_row:
            break
        out.append(f"{in_row[0] + 1}–{in_row[-1] + 1}" if len(in_row) > 1 else f"{in_row[0] + 1}")
    return out


def sheet_furniture(sheet: Sheet, label: str, rows: list[str], langs: list[str], measure: Measure,
                    mirrored: str = "") -> list[tuple[Placed, float]]:
    """The sheet label, the scale bar with its words, and the row labels, each with its turn in degrees.

    Everything stays in the margin: the strip beside the grid (see `layout.impose`) and the room left of
    the first column, never closer than the crop marks' gap to a card. `mirrored` ("long"/"short") lays
    the same furniture out for a back page, where the margins swap sides.
    """
    out: list[tuple[Placed, float]] = []
    strip = sheet.strip
    if strip is not None:
        out.extend(_strip(strip, sheet.strip_turned, label, langs, measure))
    out.extend(_rows(sheet, rows, measure))
    if not mirrored:
        return out
    flipped = []
    for item, angle in out:
        rect = layout.mirror(item.rect, sheet.paper, mirrored)
        flipped.append((Placed(item.kind, rect, item.name, item.colour, item.lines, item.size, item.bold, item.align),
                        angle))
    return flipped


def _strip(strip: Rect, turned: bool, label: str, langs: list[str], measure: Measure) -> list[tuple[Placed, float]]:
    # A strip down the side is planned lying down, centred on the real strip, and turned 90° into place.
    length, depth = (strip.h, strip.w) if turned else (strip.w, strip.h)
    cx, cy = strip.x + strip.w / 2, strip.y + strip.h / 2
    box = Rect(cx - length / 2, cy - depth / 2, length, depth)
    angle = 90.0 if turned else 0.0
    placed: list[Placed] = [_label(box.x, box.y, label, measure, "sheet-label")]
    bar = Rect(box.x, box.y + LABEL_MM + 0.6, layout.SCALE_BAR, 1.6)
    placed.append(Placed("fill", bar, "scale-bar", "#000000"))
    text_x = bar.right + 2
    for i, code in enumerate(dict.fromkeys(langs)):
        placed.append(_label(text_x, box.y + LABEL_MM + i * LABEL_MM, words(code)["scale_check"], measure,
                             "scale-words"))
    if angle == 0:
        return [(p, 0.0) for p in placed]
    return [(_turned(p, (angle, cx, cy)), angle) for p in placed]


def _turned(item: Placed, turn: Turn) -> Placed:
    """The element placed where the turn takes it, to be painted turned about its own centre."""
    from barst.kit.pdf import turned_rect

    outer = turned_rect(item.rect, turn)
    cx, cy = outer.x + outer.w / 2, outer.y + outer.h / 2
    rect = Rect(cx - item.rect.w / 2, cy - item.rect.h / 2, item.rect.w, item.rect.h)
    return Placed(item.kind, rect, item.name, item.colour, item.lines, item.size, item.bold, item.align)


def _label(x: float, y: float, text: str, measure: Measure, name: str) -> Placed:
    return Placed("text", Rect(x, y, measure(text, LABEL_PT), LABEL_MM), name, "#505050", (text,), LABEL_PT)


def _rows(sheet: Sheet, rows: list[str], measure: Measure) -> list[tuple[Placed, float]]:
    """Row labels left of the grid: lying when they fit the margin, upright (turned) when only their height
    fits, left out when not even that: the strip's sheet label still says which cards are on the sheet."""
    grid = sheet.grid
    room = grid.x - layout.MARK_GAP - layout.PRINTER_MARGIN
    out: list[tuple[Placed, float]] = []
    for row, text in enumerate(rows):
        slot = sheet.slots[row * sheet.cols]
        cy = slot.y + slot.h / 2
        width = measure(text, LABEL_PT)
        if width <= room:
            out.append((_label(grid.x - layout.MARK_GAP - width, cy - LABEL_MM / 2, text, measure, "row-label"), 0.0))
        elif room >= LABEL_MM:
            item = _label(0, 0, text, measure, "row-label")
            cx = grid.x - layout.MARK_GAP - LABEL_MM / 2
            rect = Rect(cx - width / 2, cy - LABEL_MM / 2, width, LABEL_MM)
            out.append((Placed("text", rect, item.name, item.colour, item.lines, item.size), 90.0))
    return out
