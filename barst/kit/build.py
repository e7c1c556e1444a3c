"""Build a kit PDF: load and check, compose the content, plan every page, paint, then write atomically."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from barst import atomic
from barst.diagnostics import BarstError, Pos, Report, display_path
from barst.kit import layout
from barst.kit.compose import Content, DeckJob, compose
from barst.kit.fit import MIN_SIZE, Fitter
from barst.kit.layout import Rect
from barst.kit.load import LoadedKit, load_kit
from barst.kit.plan import FitError, Flow, Placed, Planner
from barst.kit.words import words

if TYPE_CHECKING:
    from barst.kit.pdf import Writer


@dataclass(slots=True)
class Options:
    output: Path | None = None
    paper: str | None = None  # None: as the kit file says
    mode: str | None = None
    lang: str | None = None
    duplex: str | None = None
    back_offset: tuple[float, float] | None = None
    calibration: bool = False
    backs_only: bool = False
    progress: bool = False


@dataclass(slots=True)
class PlacedOn:
    """An element as painted, for tests: its page (0-based), the card's trim rectangle (None on A4 pages)."""

    page: int
    card: Rect | None
    item: Placed
    side: str = "front"


@dataclass(slots=True)
class Result:
    report: Report
    path: Path | None = None
    pages: int = 0
    seconds: float = 0.0
    placed: list[PlacedOn] = field(default_factory=list)


def languages_for(loaded: LoadedKit, lang: str | None) -> str | None:
    """The language to build, or None after reporting why it cannot be built."""
    kit = loaded.kit
    assert kit is not None
    chosen = lang or kit.languages[0]
    if chosen not in kit.languages:
        loaded.report.error("K005", f"this kit is not written in '{chosen}' (--lang {chosen})", kit.pos,
                            f"choose one of its languages: {', '.join(kit.languages)}")
        return None
    return chosen


def contents(loaded: LoadedKit, lang: str, filter_editions: bool) -> list[tuple[str, Content]]:
    kit = loaded.kit
    assert kit is not None
    out = [("", compose(loaded, lang))]
    for edition in kit.editions:
        if filter_editions and lang not in edition.languages:
            continue
        out.append((edition.id, compose(loaded, lang, edition)))
    return [(name, c) for name, c in out if c.decks or c.pages]


def build_kit(path: Path, options: Options) -> Result:
    started = time.perf_counter()
    loaded = load_kit(path)
    result = Result(loaded.report)
    if loaded.report.has_errors() or loaded.kit is None:
        return result
    lang = languages_for(loaded, options.lang)
    if lang is None:
        return result
    kit = loaded.kit
    paper = layout.PAPERS[options.paper or kit.paper]
    mode = options.mode or kit.mode
    duplex = options.duplex or kit.duplex
    offset = options.back_offset or layout.parse_offset(kit.back_offset)
    parts = contents(loaded, lang, options.lang is not None)
    fitter = Fitter()
    planner = Planner(fitter, MIN_SIZE[kit.audience], layout.BLEED if mode == "shop" else 0.0)
    first_card = next((d.size for _, c in parts for d in c.decks), None)
    page_size = (first_card[0] + 2 * layout.BLEED, first_card[1] + 2 * layout.BLEED) if mode == "shop" and first_card \
        else paper
    from barst.kit.pdf import Writer

    writer = Writer(page_size, parts[0][1].title if parts else kit.id, lang, duplex, fitter.measure)
    total = _estimate_pages(parts, paper, mode)
    progress = _Progress(total, options.progress and total >= 40)
    try:
        for edition, content in parts:
            if edition:
                writer.bookmark(content.title, 0)
            # The trainer reads the guide pages first; the cards to cut out follow.
            for page in content.pages:
                writer.bookmark(page.title, 0)
                for items in Flow(planner, paper, page).run():
                    writer.add_page(paper if paper != page_size else None)
                    writer.paint(items)
                    result.placed.extend(PlacedOn(writer.page_count - 1, None, item) for item in items)
                    progress.step()
            for deck in content.decks:
                writer.bookmark(deck.title, 1 if edition else 0)
                if mode == "shop":
                    _shop_deck(writer, planner, deck, result, options, progress)
                else:
                    _start_on_a_front_side(writer, paper, options)
                    _home_deck(writer, planner, deck, paper, duplex, offset, result, options, progress, content)
        if kit.calibration or options.calibration:
            _start_on_a_front_side(writer, paper, options)
            writer.bookmark(words(lang)["calibration"], 0)
            _calibration(writer, paper, page_size, duplex, lang)
    except FitError as exc:
        loaded.report.error("K011", f"{exc.label}: the {exc.field} does not fit", exc.pos, exc.detail)
        progress.done()
        return result
    progress.done()
    result.pages = writer.page_count
    if result.pages == 0:
        loaded.report.error("K014", "the kit has nothing to print", kit.pos, "add decks or pages")
        return result
    output = options.output or Path(f"{kit.id}.pdf")
    _atomic_write(writer, output)
    result.path = output
    result.seconds = time.perf_counter() - started
    return result


def _estimate_pages(parts: list[tuple[str, Content]], paper: tuple[float, float], mode: str) -> int:
    total = 0
    for _, content in parts:
        for deck in content.decks:
            per = 1 if mode == "shop" else layout.impose(paper, deck.size).per_sheet
            total += 2 * -(-len(deck.cards) // per)
        total += len(content.pages)
    return total


def _chunks(deck: DeckJob, per: int) -> Iterator[tuple[int, list[int]]]:
    for sheet, start in enumerate(range(0, len(deck.cards), per)):
        yield sheet, list(range(start, min(start + per, len(deck.cards))))


def _start_on_a_front_side(writer: Writer, paper: tuple[float, float], options: Options) -> None:
    """Fronts must land on the front of a sheet: after an odd number of pages, leave one blank."""
    if not options.backs_only and writer.page_count % 2 == 1:
        writer.add_page(paper)


def _home_deck(writer: Writer, planner: Planner, deck: DeckJob, paper: tuple[float, float], duplex: str,
               offset: tuple[float, float], result: Result, options: Options, progress: _Progress,
               content: Content) -> None:
    sheet = layout.impose(paper, deck.size)
    marks = layout.crop_marks(sheet)
    back_marks = [layout.Line(paper[0] - m.x1 + offset[0], m.y1 + offset[1], paper[0] - m.x2 + offset[0],
                              m.y2 + offset[1]) if duplex == "long" else
                  layout.Line(m.x1 + offset[0], paper[1] - m.y1 + offset[1], m.x2 + offset[0],
                              paper[1] - m.y2 + offset[1]) for m in marks]
    w = words(content.lang)
    sheets = -(-len(deck.cards) // sheet.per_sheet)
    for number, indexes in _chunks(deck, sheet.per_sheet):
        sides = [("back", True)] if options.backs_only else [("front", False), ("back", True)]
        for side, is_back in sides:
            writer.add_page(paper)
            writer.lines(back_marks if is_back else marks)
            for slot_index, card_index in enumerate(indexes):
                front = sheet.slots[slot_index]
                rect = layout.back_rect(front, paper, duplex, offset) if is_back else front
                job = deck.cards[card_index]
                items = planner.face(job.back if is_back else job.front, rect)
                turn = (rect.x + rect.w / 2, rect.y + rect.h / 2) if is_back and duplex == "short" else None
                writer.paint(items, turn)
                result.placed.extend(PlacedOn(writer.page_count - 1, rect, item, side) for item in items)
            _sheet_labels(writer, sheet, indexes, number, sheets, deck, w[side], paper, is_back, duplex, offset)
            progress.step()


def _sheet_labels(writer: Writer, sheet: layout.Sheet, indexes: list[int], number: int, sheets: int,
                  deck: DeckJob, side: str, paper: tuple[float, float], is_back: bool, duplex: str,
                  offset: tuple[float, float]) -> None:
    """Sheet and card numbers in the margin, outside the trim, so a stack can be sorted after a jam."""
    label = f"{deck.title} · {side} · {number + 1}/{sheets} · {indexes[0] + 1}–{indexes[-1] + 1}"
    writer.small_text(layout.PRINTER_MARGIN, paper[1] - layout.PRINTER_MARGIN - 3.0, label)
    for row in range(sheet.rows):
        in_row = indexes[row * sheet.cols:(row + 1) * sheet.cols]
        if not in_row:
            break
        slot = sheet.slots[row * sheet.cols]
        y = slot.y + slot.h / 2
        if is_back and duplex == "short":
            y = paper[1] - y
        text = f"{in_row[0] + 1}–{in_row[-1] + 1}" if len(in_row) > 1 else f"{in_row[0] + 1}"
        writer.small_text(layout.PRINTER_MARGIN, y, text)


def _shop_deck(writer: Writer, planner: Planner, deck: DeckJob, result: Result, options: Options,
               progress: _Progress) -> None:
    bleed = layout.BLEED
    size = (deck.size[0] + 2 * bleed, deck.size[1] + 2 * bleed)
    trim = Rect(bleed, bleed, deck.size[0], deck.size[1])
    for job in deck.cards:
        sides = [("back", job.back)] if options.backs_only else [("front", job.front), ("back", job.back)]
        for side, face in sides:
            writer.add_page(size)
            writer.page_boxes(trim, Rect(0, 0, *size))
            items = planner.face(face, trim)
            writer.paint(items)
            result.placed.extend(PlacedOn(writer.page_count - 1, trim, item, side) for item in items)
            progress.step()


def _calibration(writer: Writer, paper: tuple[float, float], page_size: tuple[float, float], duplex: str,
                 lang: str) -> None:
    """Front: a cross through the middle of the sheet. Back: scales in mm where that cross should show
    through. The reading where the line crosses the scale is the back offset to enter."""
    w = words(lang)
    pw, ph = paper
    cx, cy = pw / 2, ph / 2
    size = paper if paper != page_size else None
    writer.add_page(size)
    writer.small_text(15, 15, w["calibration"], 16, "#000000")
    writer.small_text(15, 24, w["calib_front"][:110], 9, "#000000")
    writer.small_text(15, 29, w["calib_front"][110:], 9, "#000000")
    writer.lines([layout.Line(cx, 45, cx, ph - 45), layout.Line(30, cy, pw - 30, cy)], "#000000", 0.2)
    writer.add_page(size)
    writer.small_text(15, 15, w["calib_back"], 9, "#000000")
    ticks: list[layout.Line] = []
    for k in range(-10, 11):
        long = 4.0 if k % 5 == 0 else 2.0
        for y0 in (cy - 60, cy + 60):  # horizontal scales read x
            ticks.append(layout.Line(cx + k, y0, cx + k, y0 + long))
        for x0 in (cx - 60, cx + 60):  # vertical scales read y
            ticks.append(layout.Line(x0, cy + k, x0 + long, cy + k))
    for y0 in (cy - 60, cy + 60):
        for k in range(-10, 11, 5):
            writer.small_text(cx + k - 1.2, y0 + 4.5, f"{k:+d}" if k else "0", 6.5, "#000000")
        writer.small_text(cx + 12, y0, "x", 8, "#000000")
    for x0 in (cx - 60, cx + 60):
        for k in range(-10, 11, 5):
            writer.small_text(x0 + 5, cy + k - 1.2, f"{k:+d}" if k else "0", 6.5, "#000000")
        writer.small_text(x0, cy - 14, "y", 8, "#000000")
    writer.lines(ticks, "#000000", 0.15)


class _Progress:
    """A one-line progress bar on stderr for long builds."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled, self.done_pages = max(total, 1), enabled, 0

    def step(self) -> None:
        self.done_pages += 1
        if self.enabled and (self.done_pages % 5 == 0 or self.done_pages == self.total):
            filled = int(30 * min(self.done_pages, self.total) / self.total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done_pages}/{self.total} pages")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _atomic_write(writer: Writer, output: Path) -> None:
    """Write beside the target, then rename: a failed build never leaves half a PDF over a good one."""
    try:
        with atomic.replacing(output) as temp:
            writer.save(temp)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(output) else ""
        raise BarstError(f"Cannot write the PDF to {output}: {exc.strerror or exc}{where}.") from None


def format_report(report: Report) -> list[str]:
    return [d.format() for d in report.sorted()]


def shown(path: Path) -> Pos:
    return Pos(display_path(path))
