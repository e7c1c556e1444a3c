"""The only module that knows fpdf2: paints planned elements, embeds Andika, adds links and bookmarks."""

from __future__ import annotations

import logging
import math
from contextlib import nullcontext
from io import BytesIO
from pathlib import Path
from typing import Any

from fpdf import FPDF, ViewerPreferences
from fpdf.enums import ResourceAccessPolicy
from fpdf.output import OutputProducer, PDFPage

from barst.kit.fit import LINE_HEIGHT
from barst.kit.fonts import PT_TO_MM, Measure, font_path
from barst.kit.layout import Line, Rect
from barst.kit.load import read_picture
from barst.kit.plan import Placed
from barst.kit.qr import qr_image

# Andika carries a "Silt" table that fontTools cannot subset; it says so on every build. The table is
# not needed in print, so the message is noise for a trainer.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

FONT = "Andika"
MM_TO_PT = 72 / 25.4


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class Writer:
    def __init__(self, page_size: tuple[float, float], title: str, lang: str, duplex: str, measure: Measure) -> None:
        pdf = FPDF(unit="mm", format=page_size)
        pdf.set_auto_page_break(False)
        pdf.set_margins(0, 0, 0)
        pdf.c_margin = 0
        pdf.add_font(FONT, "", str(font_path(False)))
        pdf.add_font(FONT, "B", str(font_path(True)))
        pdf.set_title(title)
        pdf.set_lang(lang)
        pdf.set_creator("barst kit")
        # Ask the viewer to print at 100 % and double-sided the way the backs were laid out.
        pdf.viewer_preferences = ViewerPreferences(
            display_doc_title=True, print_scaling="None",
            duplex="DuplexFlipShortEdge" if duplex == "short" else "DuplexFlipLongEdge")
        self.pdf = pdf
        self.measure = measure
        self._font: tuple[bool, float] | None = None
        self._text_colour = ""
        self._fill = ""
        self._boxes: dict[int, tuple[Rect, Rect]] = {}  # page → (trim, bleed) in mm
        self._svg: dict[str, bytes] = {}
        self._pending: list[tuple[str, int]] = []  # bookmarks wait for the page they point to

    @property
    def page_count(self) -> int:
        return int(self.pdf.pages_count)

    def add_page(self, size: tuple[float, float] | None = None) -> None:
        self.pdf.add_page(format=size) if size else self.pdf.add_page()
        self._font = None
        self._text_colour = ""
        self._fill = ""
        for name, level in self._pending:
            self.pdf.start_section(name, level)
        self._pending.clear()

    def bookmark(self, name: str, level: int = 0) -> None:
        self._pending.append((name, level))

    def page_boxes(self, trim: Rect, bleed: Rect) -> None:
        self._boxes[self.pdf.page] = (trim, bleed)

    # --- painting ------------------------------------------------------------------------------------

    def paint(self, items: list[Placed], turn: Turn | None = None) -> None:
        """Paint in order; `turn` turns everything by an angle (degrees, anticlockwise) about a point:
        short-edge backs turn 180°, cards laid sideways to fit more turn 90°."""
        turned = turn is not None and turn[0] % 360 != 0
        context: Any = self.pdf.rotation(*turn) if turn is not None and turned else nullcontext()
        with context:
            for item in items:
                self._paint(item)
        if turned:
            # The rotation keeps its own graphics state: what was set inside is gone after it, so what this
            # writer remembers having set must be forgotten too, or the next card is drawn in the old state.
            self._font = None
            self._text_colour = ""
            self._fill = ""
        for item in items:  # link areas do not turn with the content: place them where the turned code lands
            if item.kind == "link":
                r = turned_rect(item.rect, turn) if turn is not None and turned else item.rect
                self.pdf.link(r.x, r.y, r.w, r.h, item.ref)

    def _paint(self, item: Placed) -> None:
        pdf = self.pdf
        r = item.rect
        kind = item.kind
        if kind == "fill":
            self._set_fill(item.colour)
            pdf.rect(r.x, r.y, r.w, r.h, style="F")
        elif kind == "circle":
            self._set_fill(item.colour)
            pdf.ellipse(r.x, r.y, r.w, r.h, style="F")
        elif kind == "frame":
            pdf.set_draw_color(*_rgb(item.colour))
            pdf.set_line_width(0.2)
            pdf.rect(r.x, r.y, r.w, r.h, style="D")
        elif kind == "text":
            self._text(item)
        elif kind == "picture":
            with pdf.rect_clip(r.x, r.y, r.w, r.h):  # a drawing that runs past its viewBox stays in its frame
                # Only the bytes the kit loader confined and checked; nothing an SVG names is fetched.
                pdf.image(self._svg_bytes(item.ref), r.x, r.y, r.w, r.h, keep_aspect_ratio=True,
                          resource_access_policy=ResourceAccessPolicy.NONE)
        elif kind == "qr":
            pdf.image(qr_image(item.ref), r.x, r.y, r.w, r.h)

    def _svg_bytes(self, path: str) -> Any:
        data = self._svg.get(path)
        if data is None:
            data = read_picture(Path(path))
            self._svg[path] = data
        return data if path.endswith(".svg") else BytesIO(data)

    def _set_fill(self, colour: str) -> None:
        if colour != self._fill:
            self.pdf.set_fill_color(*_rgb(colour))
            self._fill = colour

    def _text(self, item: Placed) -> None:
        pdf = self.pdf
        if self._font != (item.bold, item.size):
            pdf.set_font(FONT, "B" if item.bold else "", item.size)
            self._font = (item.bold, item.size)
        if item.colour != self._text_colour:
            pdf.set_text_color(*_rgb(item.colour))
            self._text_colour = item.colour
        size_mm = item.size * PT_TO_MM
        line_h = size_mm * LINE_HEIGHT
        r = item.rect
        for index, line in enumerate(item.lines):
            x = r.x
            if item.align == "C":
                x = r.x + (r.w - self.measure(line, item.size, item.bold)) / 2
            pdf.text(x, r.y + index * line_h + size_mm * 0.95, line)

    def lines(self, lines: list[Line], colour: str = "#808080", width: float = 0.15, dash: float = 0.0) -> None:
        if not lines:
            return
        self.pdf.set_draw_color(*_rgb(colour))
        self.pdf.set_line_width(width)
        if dash:
            self.pdf.set_dash_pattern(dash, dash)
        for line in lines:
            self.pdf.line(*line)
        if dash:
            self.pdf.set_dash_pattern()

    def small_text(self, x: float, y: float, text: str, size: float = 6.5, colour: str = "#707070") -> None:
        self._text(Placed("text", Rect(x, y, 100, size * PT_TO_MM * LINE_HEIGHT), lines=(text,), size=size,
                          colour=colour))

    # --- output ---------------------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        setattr(self.pdf, "page_boxes", self._boxes)  # read by _BoxedOutput  # noqa: B010
        self.pdf.output(str(path), output_producer_class=_BoxedOutput)


Turn = tuple[float, float, float]  # angle in degrees (anticlockwise as seen on paper), centre x, centre y


def turned_rect(rect: Rect, turn: Turn) -> Rect:
    """The rectangle a `rect` covers after turning by a multiple of 90° about the turn's centre."""
    angle, cx, cy = turn
    a = math.radians(angle)
    cos, sin = round(math.cos(a)), round(math.sin(a))
    points = [(x, y) for x in (rect.x, rect.right) for y in (rect.y, rect.bottom)]
    # y grows downwards on the page, so an anticlockwise turn maps (dx, dy) to (dx·cos + dy·sin, dy·cos − dx·sin)
    moved = [(cx + (x - cx) * cos + (y - cy) * sin, cy + (y - cy) * cos - (x - cx) * sin) for x, y in points]
    xs, ys = [p[0] for p in moved], [p[1] for p in moved]
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


class _BoxedOutput(OutputProducer):
    """fpdf2 has no API for TrimBox/BleedBox. It writes a page's MediaBox string as given, so the boxes
    ride along in it; they are added after fpdf2 has set every page's MediaBox, so pages of every size
    keep them (setting them earlier lost them on pages not of the document's first size)."""

    def _add_pages(self, _slice: slice = slice(0, None)) -> list[PDFPage]:
        pages: list[PDFPage] = super()._add_pages(_slice)
        boxes: dict[int, tuple[Rect, Rect]] = getattr(self.fpdf, "page_boxes", {})
        for page in pages:
            found = boxes.get(page.index())  # fpdf2 numbers pages from 1
            if found is None:
                continue
            width, height = page.dimensions()

            def box(rect: Rect, height: float = height) -> str:
                x1, x2 = rect.x * MM_TO_PT, rect.right * MM_TO_PT
                y1, y2 = height - rect.bottom * MM_TO_PT, height - rect.y * MM_TO_PT
                return f"[{x1:.2f} {y1:.2f} {x2:.2f} {y2:.2f}]"

            trim, bleed = found
            page.media_box = f"[0 0 {width:.2f} {height:.2f}] /TrimBox {box(trim)} /BleedBox {box(bleed)}"
        return pages
