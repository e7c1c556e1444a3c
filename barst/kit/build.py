"""Build a kit PDF: load and check, compose the content, plan every page, paint, then write atomically."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from barst import atomic
from barst.diagnostics import BarstError, Pos, Report, display_path
from barst.kit import layout
from barst.kit.compose import Content, compose
from barst.kit.fit import LINE_HEIGHT, MIN_SIZE, Fitter, wrap_words
from barst.kit.fonts import PT_TO_MM, Measure
from barst.kit.layout import Rect
from barst.kit.load import LoadedKit, load_kit
from barst.kit.model import Kit
from barst.kit.plan import FitError, Flow, Placed, Planner
from barst.kit.sheets import HomeSetup, home_deck, sheet_for
from barst.kit.shop import shop_deck, write_job_sheet
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
    size: str | None = None  # every deck's card size, e.g. to try a kit on other cards
    fold: bool | None = None
    gutter: float | None = None
    home_bleed: float | None = None
    corners: float | None = None
    registration: bool | None = None
    cmyk: bool | None = None


@dataclass(slots=True)
class PlacedOn:
    """An element as painted, for tests: its page (0-based) and the card it belongs to, planned upright
    (`card`, None on A4 pages and in the margin), turned by `angle` about the centre of `slot`, the card's
    place on the paper."""

    page: int
    card: Rect | None
    item: Placed
    side: str = "front"
    angle: float = 0.0
    slot: Rect | None = None
    file: str = ""  # "" for the main PDF, "guide" for a shop build's separate guide


@dataclass(slots=True)
class Result:
    report: Report
    path: Path | None = None
    pages: int = 0
    seconds: float = 0.0
    placed: list[PlacedOn] = field(default_factory=list)
    guide: Path | None = None  # shop mode: the trainer's pages, apart from the cards
    job_sheet: Path | None = None  # shop mode: the quantities
    notes: list[str] = field(default_factory=list)  # one sentence each, for the command line


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


def contents(loaded: LoadedKit, lang: str, filter_editions: bool, size: tuple[float, float] | None = None
             ) -> list[tuple[str, Content]]:
    kit = loaded.kit
    assert kit is not None
    out = [("", compose(loaded, lang))]
    for edition in kit.editions:
        if filter_editions and lang not in edition.languages:
            continue
        out.append((edition.id, compose(loaded, lang, edition)))
    if size is not None:
        for _, content in out:
            for deck in content.decks:
                deck.size = size
    return [(name, c) for name, c in out if c.decks or c.pages]


@dataclass(frozen=True, slots=True)
class Settings:
    """The kit file's print settings with the command line's overrides applied."""

    paper_name: str
    mode: str
    home: HomeSetup
    size: tuple[float, float] | None
    cmyk: bool


def settings(kit: Kit, options: Options) -> Settings:
    """ValueError with a sentence when an override makes no sense (the kit file's own values are checked
    by `barst check`)."""
    paper_name = options.paper or kit.paper
    size = layout.card_size(options.size) if options.size else None
    offset = options.back_offset or layout.parse_offset(kit.back_offset)
    bleed = options.home_bleed if options.home_bleed is not None else \
        layout.parse_mm(kit.home_bleed, "home_bleed", layout.MAX_HOME_BLEED)
    gutter = options.gutter if options.gutter is not None else layout.parse_mm(kit.gutter, "gutter", layout.MAX_GUTTER)
    corners = options.corners if options.corners is not None else \
        layout.parse_mm(kit.corners, "corners", layout.MAX_CORNER)
    home = HomeSetup(layout.PAPERS[paper_name], options.duplex or kit.duplex, offset,
                     gutter=layout.gutter_for(gutter, bleed), bleed=bleed,
                     fold=kit.fold if options.fold is None else options.fold, rotate=kit.rotate,
                     corners=corners,
                     registration=kit.registration if options.registration is None else options.registration)
    return Settings(paper_name, options.mode or kit.mode, home, size,
                    kit.cmyk if options.cmyk is None else options.cmyk)


def room_problems(parts: list[tuple[str, Content]], setup: Settings) -> list[tuple[str, str]]:
    """(deck id, sentence) for every deck that cannot be laid out with these settings."""
    problems = []
    for _, content in parts:
        for deck in content.decks:
            if setup.mode != "home":
                continue
            try:
                sheet = sheet_for(deck, setup.home)
                if setup.home.registration:
                    layout.registration_marks(sheet)
            except ValueError as exc:
                paper = setup.paper_name.upper() if setup.paper_name == "a4" else setup.paper_name.capitalize()
                problems.append((deck.id, f"{exc} ({paper})"))
    return problems


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
    try:
        setup = settings(kit, options)
    except ValueError as exc:
        loaded.report.error("K013", f"the print settings do not work: {exc}", kit.pos, "change the option")
        return result
    parts = contents(loaded, lang, options.lang is not None, setup.size)
    for deck_id, problem in room_problems(parts, setup):
        loaded.report.error("K013", f"decks/{deck_id}: {problem}", _deck_pos(kit, deck_id),
                            "choose a smaller card size, other paper, or shop mode")
    if loaded.report.has_errors():
        return result
    output = options.output or Path(f"{kit.id}.pdf")
    fitter = Fitter()
    from barst.kit.pdf import Writer

    try:
        if setup.mode == "shop":
            written = _build_shop(parts, setup, fitter, kit, lang, options, result, output)
        else:
            written = _build_home(parts, setup, fitter, kit, lang, options, result)
    except FitError as exc:
        loaded.report.error("K011", f"{exc.label}: the {exc.field} does not fit", exc.pos, exc.detail)
        return result
    if written is None or written.page_count == 0:
        loaded.report.error("K014", "the kit has nothing to print", kit.pos, "add decks or pages")
        return result
    assert isinstance(written, Writer)
    result.pages = written.page_count
    _atomic_write(written, output)
    result.path = output
    if setup.mode == "shop" and setup.cmyk:
        from barst.kit.pdfx import to_pdfx

        result.notes.append(to_pdfx(output))
    result.seconds = time.perf_counter() - started
    return result


def _deck_pos(kit: Kit, deck_id: str) -> Pos:
    return next((d.pos for d in kit.decks if d.id == deck_id), kit.pos)


def _build_home(parts: list[tuple[str, Content]], setup: Settings, fitter: Fitter, kit: Kit, lang: str,
                options: Options, result: Result) -> Writer | None:
    from barst.kit.pdf import Writer

    paper = setup.home.paper
    planner = Planner(fitter, MIN_SIZE[kit.audience], setup.home.bleed)
    writer = Writer(paper, parts[0][1].title if parts else kit.id, lang, setup.home.duplex, fitter.measure)
    progress = _Progress(_estimate_pages(parts, setup), options.progress)
    for edition, content in parts:
        if edition:
            writer.bookmark(content.title, 0)
        if not options.backs_only:  # reprinting the backs of the cards needs no guide
            # The trainer reads the guide pages first; the cards to cut out follow.
            _guide(writer, planner, content, paper, result, progress, "")
        for deck in content.decks:
            writer.bookmark(deck.title, 1 if edition else 0)
            _start_on_a_front_side(writer, paper, options, setup.home.fold)
            home_deck(writer, planner, deck, setup.home, result, options, content, progress.step)
    if (kit.calibration or options.calibration) and not options.backs_only and not setup.home.fold:
        _start_on_a_front_side(writer, paper, options, False)
        writer.bookmark(words(lang)["calibration"], 0)
        _calibration(writer, paper, paper, setup.home.duplex, lang, parts[0][1].langs if parts else [lang])
    progress.done()
    return writer


def _guide(writer: Writer, planner: Planner, content: Content, paper: tuple[float, float], result: Result,
           progress: _Progress, file: str) -> None:
    for page in content.pages:
        writer.bookmark(page.title, 0)
        for items in Flow(planner, paper, page).run():
            writer.add_page(paper)
            writer.paint(items)
            result.placed.extend(PlacedOn(writer.page_count - 1, None, item, file=file) for item in items)
            progress.step()


def _build_shop(parts: list[tuple[str, Content]], setup: Settings, fitter: Fitter, kit: Kit, lang: str,
                options: Options, result: Result, output: Path) -> Writer | None:
    """Print-shop files: the cards alone, one design per page with bleed and trim boxes; the quantities in a
    job sheet beside it; the trainer's pages in a guide PDF of their own (printed on an office printer)."""
    from barst.kit.pdf import Writer

    title = parts[0][1].title if parts else kit.id
    planner = Planner(fitter, MIN_SIZE[kit.audience], layout.BLEED)
    decks = [(edition, content, deck) for edition, content in parts for deck in content.decks]
    guide_pages = [content for _, content in parts if content.pages]
    if guide_pages and not options.backs_only:
        guide = Writer(setup.home.paper, title, lang, setup.home.duplex, fitter.measure)
        progress = _Progress(sum(len(c.pages) for c in guide_pages), options.progress)
        for content in guide_pages:
            _guide(guide, planner, content, setup.home.paper, result, progress, "guide" if decks else "")
        progress.done()
        if not decks:  # no cards for the shop (the German trainer's pack has none): the pages are the PDF
            return guide
        result.guide = output.with_name(f"{output.stem}-guide.pdf")
        _atomic_write(guide, result.guide)
    if not decks:
        return None
    first = decks[0][2].size
    writer = Writer((first[0] + 2 * layout.BLEED, first[1] + 2 * layout.BLEED), title, lang, setup.home.duplex,
                    fitter.measure)
    progress = _Progress(sum(2 * len(d.cards) for _, _, d in decks), options.progress)
    rows: list[tuple[str, ...]] = []
    for edition, content, deck in decks:
        if edition:
            writer.bookmark(content.title, 0)
        writer.bookmark(deck.title, 1 if edition else 0)
        rows.extend(shop_deck(writer, planner, deck, result, options, progress.step, edition))
    progress.done()
    result.job_sheet = output.with_name(f"{output.stem}-job.csv")
    write_job_sheet(result.job_sheet, rows)
    return writer


def _estimate_pages(parts: list[tuple[str, Content]], setup: Settings) -> int:
    total = 0
    for _, content in parts:
        for deck in content.decks:
            per = sheet_for(deck, setup.home).per_sheet
            total += 2 * -(-len(deck.printed()) // per)
        total += len(content.pages)
    return total


def _start_on_a_front_side(writer: Writer, paper: tuple[float, float], options: Options, fold: bool) -> None:
    """Fronts must land on the front of a sheet: after an odd number of pages, leave one blank. A fold
    layout prints one side only, so it needs no blank."""
    if not options.backs_only and not fold and writer.page_count % 2 == 1:
        writer.add_page(paper)


def _calibration(writer: Writer, paper: tuple[float, float], page_size: tuple[float, float], duplex: str,
                 lang: str, langs: list[str]) -> None:
    """Front: a cross through the middle of the sheet. Back: scales in mm where that cross should show
    through. The reading where the line crosses the scale is the back offset to enter."""
    w = words(lang)
    pw, ph = paper
    cx, cy = pw / 2, ph / 2
    size = paper if paper != page_size else None
    writer.add_page(size)
    writer.small_text(15, 15, w["calibration"], 16, "#000000")
    y = 24.0
    for line in calibration_lines(w["calib_front"], pw - 30, writer.measure):
        writer.small_text(15, y, line, CALIB_PT, "#000000")
        y += CALIB_PT * PT_TO_MM * LINE_HEIGHT
    writer.lines([layout.Line(cx, 45, cx, ph - 45), layout.Line(30, cy, pw - 30, cy)], "#000000", 0.2)
    bar = Rect(15, ph - 25, layout.SCALE_BAR, 1.6)  # this sheet is printed without scaling too
    writer.paint([Placed("fill", bar, "scale-bar", "#000000")])
    for i, code in enumerate(dict.fromkeys([lang, *langs])):
        writer.small_text(bar.right + 2, bar.y - 0.6 + i * 2.8, words(code)["scale_check"])
    writer.add_page(size)
    for i, line in enumerate(calibration_lines(w["calib_back"], pw - 30, writer.measure)):
        writer.small_text(15, 15 + i * CALIB_PT * PT_TO_MM * LINE_HEIGHT, line, CALIB_PT, "#000000")
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


CALIB_PT = 9.0


def calibration_lines(text: str, width: float, measure: Measure) -> list[str]:
    """The instructions wrapped at whole words to the page width (they used to be cut at a character count)."""
    return wrap_words(text, width, CALIB_PT, False, measure) or [text]


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
