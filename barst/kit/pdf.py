"""The only module that knows fpdf2: paints planned elements, embeds Andika, adds links and bookmarks."""

from __future__ import annotations

import logging
from contextlib import nullcontext
from io import BytesIO
from pathlib import Path
from typing import Any

from fpdf import FPDF, ViewerPreferences
from fpdf.enums import ResourceAccessPolicy

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

    def paint(self, items: list[Placed], turn_about: tuple[float, float] | None = None) -> None:
        """Paint in order; `turn_about` turns everything 180° about that point (short-edge backs)."""
        context: Any = self.pdf.rotation(180, *turn_about) if turn_about else nullcontext()
        with context:
            for item in items:
                self._paint(item, turn_about is None)

    def _paint(self, item: Placed, upright: bool) -> None:
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
            # Only the bytes the kit loader confined and checked; nothing an SVG names is fetched.
            pdf.image(self._svg_bytes(item.ref), r.x, r.y, r.w, r.h, keep_aspect_ratio=True,
                      resource_access_policy=ResourceAccessPolicy.NONE)
        elif kind == "qr":
            pdf.image(qr_image(item.ref), r.x, r.y, r.w, r.h)
        elif kind == "link" and upright:  # link areas cannot turn with the content; a turned back has none
            pdf.link(r.x, r.y, r.w, r.h, item.ref)

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

    def lines(self, lines: list[Line], colour: str = "#808080", width: float = 0.15) -> None:
        self.pdf.set_draw_color(*_rgb(colour))
        self.pdf.set_line_width(width)
        for line in lines:
            self.pdf.line(*line)

    def small_text(self, x: float, y: float, text: str, size: float = 6.5, colour: str = "#707070") -> None:
        self._text(Placed("text", Rect(x, y, 100, size * PT_TO_MM * LINE_HEIGHT), lines=(text,), size=size,
                          colour=colour))

    # --- output ---------------------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        self._apply_page_boxes()
        self.pdf.output(str(path))

    def _apply_page_boxes(self) -> None:
        """fpdf2 has no API for TrimBox/BleedBox; it writes a page's MediaBox string as given, so the
        boxes ride along in it. Only pages of the document's default size keep that string."""
        for number, (trim, bleed) in self._boxes.items():
            page = self.pdf.pages[number]
            height = page.dimensions()[1]

            def box(rect: Rect, height: float = height) -> str:
                x1, x2 = rect.x * MM_TO_PT, rect.right * MM_TO_PT
                y1, y2 = height - rect.bottom * MM_TO_PT, height - rect.y * MM_TO_PT
                return f"[{x1:.2f} {y1:.2f} {x2:.2f} {y2:.2f}]"

            width = page.dimensions()[0]
            page.media_box = f"[0 0 {width:.2f} {height:.2f}] /TrimBox {box(trim)} /BleedBox {box(bleed)}"
