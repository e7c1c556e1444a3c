"""Where everything goes: card faces and A4 pages become lists of placed elements (rectangles in mm).

The PDF writer only paints what is planned here, and the checker and the tests read the same plan:
text fitting, overflow errors and the safe-zone rule are decided in one place, without fpdf.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from barst.diagnostics import Pos
from barst.kit import faces, layout
from barst.kit.compose import BoardGrid, Face, Heading, PageJob, Para, Poster, QrList, Table
from barst.kit.fit import LINE_HEIGHT, Fitted, Fitter, Overflow
from barst.kit.fonts import PT_TO_MM
from barst.kit.layout import Rect
from barst.kit.qr import qr_side_mm

PAGE_MARGIN = 15.0
QR_MIN_MM = 20.0  # the symbol itself; the 4-module quiet zone comes on top
ADULT_MIN = 10.0  # pt: the smallest type on any card (fit.MIN_SIZE)


class FitError(Exception):
    """Text that does not fit: names the card (or page) and field so the author knows what to shorten."""

    def __init__(self, label: str, field: str, pos: Pos, detail: str) -> None:
        super().__init__(f"{label}: the {field} does not fit ({detail})")
        self.label, self.field, self.pos, self.detail = label, field, pos, detail


@dataclass(frozen=True, slots=True)
class Placed:
    kind: Literal["fill", "circle", "text", "picture", "qr", "line", "frame", "link"]
    rect: Rect
    name: str = ""
    colour: str = "#000000"
    lines: tuple[str, ...] = ()
    size: float = 0.0
    bold: bool = False
    align: Literal["L", "C"] = "L"
    ref: str = ""  # picture path, QR payload or link target
    content: bool = True  # False for backgrounds, which may run into the bleed


def ink_on(colour: str) -> str:
    """Black or white text, whichever reads better on `colour` (WCAG relative luminance)."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    lum = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if lum > 0.18 else "#FFFFFF"


class Planner:
    def __init__(self, fitter: Fitter, min_size: float, bleed: float = 0.0) -> None:
        self.fitter = fitter
        self.min_size = min_size
        self.bleed = bleed

    def text(self, face: Face, field: str, text: str, box: Rect, max_size: float, *, bold: bool = False,
             align: Literal["L", "C"] = "L", colour: str = "#000000", min_size: float | None = None) -> Placed:
        lowest = self.min_size if min_size is None else min_size
        max_size = max(max_size, lowest)  # the audience minimum wins over a role's usual size
        try:
            fitted = self.fitter.fit(text, box.w, box.h, max_size, lowest, bold)
        except Overflow as exc:
            raise FitError(face.label, field, face.pos, f"needs {exc.needed_lines or 'more'} lines at "
                           f"{exc.min_size:g} pt, room for {exc.room_lines}; shorten it or use a bigger card") from None
        return _text(fitted, box, field, bold, align, colour)

    # --- card faces ------------------------------------------------------------------------------------

    def face(self, face: Face, card: Rect) -> list[Placed]:
        out: list[Placed] = []
        bleed_rect = Rect(card.x - self.bleed, card.y - self.bleed, card.w + 2 * self.bleed, card.h + 2 * self.bleed)
        if face.style == "back":
            out.append(Placed("fill", bleed_rect, "background", face.colour, content=False))
            parts = faces.plain_back(card)
            icon = parts["icon"]
            out.append(Placed("circle", icon, "icon-disc", "#FFFFFF"))
            if face.icon:
                out.append(Placed("picture", icon.inset(icon.w * 0.16), "icon", ref=face.icon))
            if face.word:
                out.append(self.text(face, "back word", face.word, parts["word"], 20, bold=True, align="C",
                                     colour=ink_on(face.colour)))
            return out
        out.append(Placed("fill", bleed_rect, "background", "#FFFFFF", content=False))
        if face.style == "qr":  # no band: the codes need all the height to stay 20 mm wide with a caption
            return out + self._qrs(face, card.inset(layout.SAFE))
        icon, title = faces.header_band(card)
        if face.style == "wallet":  # no icon; room for a two-line heading on a bilingual card
            icon = title = Rect(icon.x, icon.y, title.right - icon.x, 2 * self._line(self.min_size) + 0.1)
        band = Rect(bleed_rect.x, bleed_rect.y, bleed_rect.w, icon.bottom + 1.5 - bleed_rect.y)
        out.append(Placed("fill", band, "band", face.colour, content=False))
        if face.style != "wallet" and face.icon:
            out.append(Placed("circle", icon, "icon-disc", "#FFFFFF"))
            out.append(Placed("picture", icon.inset(0.8), "icon", ref=face.icon))
        if face.deck_title:
            # Never below 10 pt (the adults' minimum); a children's deck title is read by the adult too.
            out.append(self.text(face, "deck title", face.deck_title, title, 11, bold=True,
                                 colour=ink_on(face.colour), min_size=min(self.min_size, ADULT_MIN)))
        body_top = icon.bottom + (1.5 if face.style == "wallet" else 2.5)
        safe = card.inset(layout.SAFE)
        body = Rect(safe.x, body_top, safe.w, safe.bottom - body_top)
        if face.style == "picture":
            out.extend(self._picture(face, card))
        elif face.style == "text":
            out.append(self.text(face, "word or text", face.text, body, 14 if len(face.text) > 40 else 32))
        elif face.style == "wallet":
            out.extend(self._wallet(face, body))
        return out

    def _picture(self, face: Face, card: Rect) -> list[Placed]:
        parts = faces.picture_card(card, bool(face.text))
        out = [Placed("picture", parts["picture"], "picture", ref=face.picture or "")]
        words = "\n".join(t for t in (face.word, face.text) if t)
        if words:
            out.append(self.text(face, "word", words, parts["word"], 40, bold=True, align="C"))
        return out

    def _qrs(self, face: Face, body: Rect) -> list[Placed]:
        out: list[Placed] = []
        if not face.qrs:
            return out
        side = max(qr_side_mm(q.payload, QR_MIN_MM) for q in face.qrs)
        cell_w = body.w / len(face.qrs)
        for i, qr in enumerate(face.qrs):
            x = body.x + i * cell_w
            box = Rect(x + (cell_w - side) / 2, body.y, side, side)
            out.append(Placed("qr", box, f"qr{i}", ref=qr.payload))
            out.append(Placed("link", box, f"qr{i}-link", ref=qr.payload))
            caption = Rect(x + 0.5, box.bottom + 0.5, cell_w - 1, body.bottom - box.bottom - 0.5)
            # The name says whom the code calls. A wallet card explains the short-number star on its front.
            number = qr.number + (" *" if qr.note and face.footnoted else "")
            note = "" if face.footnoted else qr.note
            text = "\n".join(t for t in (number, qr.label, note) if t)
            try:
                out.append(self.text(face, f"caption of {qr.number}", text, caption, 12, bold=False, align="C"))
            except FitError:
                if face.footnoted:  # a wallet card's back must name its lines: its front lists them in full
                    raise
                # Two codes on a narrow card leave columns narrower than a long word of the name; the deck's
                # card front says what the codes are for, so the caption keeps the number and the note.
                text = "\n".join(t for t in (number, note) if t)
                out.append(self.text(face, f"caption of {qr.number}", text, caption, 12, bold=False, align="C"))
        return out

    def _wallet(self, face: Face, body: Rect) -> list[Placed]:
        """Rows of number + name, all in one size: the largest at which every row fits."""
        foot_lines = self._try(face.word, body.w, self.min_size) if face.word else ()
        foot_h = len(foot_lines or ()) * self._line(self.min_size) + (0.5 if face.word else 0.0)
        rows_box = Rect(body.x, body.y, body.w, body.h - foot_h)
        size = 11.0
        while True:
            lines_per_row = []
            ok = True
            number_w = max((self.fitter.measure(n, size, True) for n, _ in face.rows), default=0) + 2.5
            for _, name in face.rows:
                fitted = self._try(name, rows_box.w - number_w, size)
                if fitted is None:
                    ok = False
                    break
                lines_per_row.append(len(fitted))
            line_h = size * PT_TO_MM * LINE_HEIGHT
            if ok and sum(lines_per_row) * line_h <= rows_box.h + 1e-6:
                break
            size -= 0.5
            if size < self.min_size:
                raise FitError(face.label, "help-line list", face.pos,
                               f"{len(face.rows)} lines do not fit at {self.min_size:g} pt; list fewer lines")
        out: list[Placed] = []
        y = rows_box.y
        for (number, name), count in zip(face.rows, lines_per_row, strict=True):
            height = count * line_h
            wrapped: tuple[str, ...] = self._try(name, rows_box.w - number_w, size) or ()
            out.append(Placed("text", Rect(rows_box.x, y, number_w - 1, line_h), "number", lines=(number,),
                              size=size, bold=True))
            out.append(Placed("text", Rect(rows_box.x + number_w, y, rows_box.w - number_w, height), "name",
                              lines=tuple(wrapped), size=size))
            y += height
        if face.word:
            out.append(self.text(face, "footnote", face.word, Rect(body.x, body.bottom - foot_h, body.w, foot_h),
                                 self.min_size))
        return out

    @staticmethod
    def _line(size: float) -> float:
        return size * PT_TO_MM * LINE_HEIGHT

    def _try(self, text: str, width: float, size: float) -> tuple[str, ...] | None:
        from barst.kit.fit import wrap_words

        lines = wrap_words(text, width, size, False, self.fitter.measure)
        return tuple(lines) if lines is not None else None


def _text(fitted: Fitted, box: Rect, name: str, bold: bool, align: Literal["L", "C"], colour: str) -> Placed:
    used = len(fitted.lines) * fitted.line_mm
    top = box.y + (box.h - used) / 2 if align == "C" else box.y
    return Placed("text", Rect(box.x, top, box.w, used), name, colour, fitted.lines, fitted.size, bold, align)


# --- A4 pages ------------------------------------------------------------------------------------------------


class Flow:
    """Places blocks down the page, starting new pages as needed."""

    def __init__(self, planner: Planner, paper: tuple[float, float], job: PageJob) -> None:
        self.planner = planner
        self.paper = paper
        self.job = job
        self.area = Rect(PAGE_MARGIN, PAGE_MARGIN, paper[0] - 2 * PAGE_MARGIN, paper[1] - 2 * PAGE_MARGIN)
        self.pages: list[list[Placed]] = []
        self.y = 0.0

    @property
    def page(self) -> list[Placed]:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.area.y

    def room(self) -> float:
        return self.area.bottom - self.y

    def lines(self, text: str, size: float, bold: bool, width: float) -> tuple[str, ...]:
        wrapped: tuple[str, ...] | None = self.planner._try(text, width, size) if not bold else None
        if bold:
            from barst.kit.fit import wrap_words

            found: list[str] | None = wrap_words(text, width, size, True, self.planner.fitter.measure)
            wrapped = tuple(found) if found is not None else None
        if wrapped is None:
            raise FitError(f"pages/{self.job.id}", "text", self.job.pos, f"a word is wider than the page: {text[:40]}")
        return wrapped

    def run(self) -> list[list[Placed]]:
        self.new_page()
        self.para(self.job.title, 20, True, "title")
        self.y += 2
        for block in self.job.blocks:
            if isinstance(block, Heading):
                self.para(block.text, 16, True, "heading")
            elif isinstance(block, Para):
                self.para(block.text, block.size, block.bold, "paragraph")
                self.y += 1.5
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Poster):
                self.poster(block)
            elif isinstance(block, BoardGrid):
                self.board(block)
            elif isinstance(block, QrList):
                self.qr_list(block)
        return self.pages

    def para(self, text: str, size: float, bold: bool, name: str) -> None:
        if not text:
            return
        line_h = size * PT_TO_MM * LINE_HEIGHT
        for line in self.lines(text, size, bold, self.area.w):
            if self.room() < line_h:
                self.new_page()
            self.page.append(Placed("text", Rect(self.area.x, self.y, self.area.w, line_h), name, lines=(line,),
                                    size=size, bold=bold))
            self.y += line_h

    def table(self, table: Table) -> None:
        size, pad = 10.5, 1.5
        line_h = size * PT_TO_MM * LINE_HEIGHT
        widths = [f * self.area.w for f in table.widths]

        def row(cells: tuple[str, ...], bold: bool, fixed: float) -> None:
            wrapped = [self.lines(c, size, bold, w - 2 * pad) if c else () for c, w in zip(cells, widths, strict=True)]
            height = max(fixed, max(len(c) for c in wrapped) * line_h + 2 * pad)
            if self.room() < height:
                self.new_page()
            x = self.area.x
            for lines, w in zip(wrapped, widths, strict=True):
                cell = Rect(x, self.y, w, height)
                self.page.append(Placed("frame", cell, "cell", "#555555"))
                if lines:
                    self.page.append(Placed("text", Rect(x + pad, self.y + pad, w - 2 * pad, len(lines) * line_h),
                                            "cell-text", lines=lines, size=size, bold=bold))
                x += w
            self.y += height

        if any(table.headers):
            row(table.headers, True, 0)
        for cells in table.rows:
            row(cells, False, table.row_height)
        self.y += 3

    def poster(self, poster: Poster) -> None:
        """The largest size at which all items fill the rest of the page."""
        box = Rect(self.area.x, self.y, self.area.w, self.room())
        bar = 6.0
        for size in range(40, 11, -2):
            line_h = size * PT_TO_MM * LINE_HEIGHT
            blocks = []
            for title, text in poster.items:
                t = self.lines(title, size * 1.15, True, box.w - bar - 4) if title else ()
                b = self.lines(text, size * (0.7 if title else 1.0), False, box.w - bar - 4) if text else ()
                blocks.append((t, b))
            heights = [len(t) * line_h * 1.15 + len(b) * line_h * (0.7 if t else 1.0) + 5 for t, b in blocks]
            if sum(heights) <= box.h:
                break
        else:
            raise FitError(f"pages/{self.job.id}", "poster", self.job.pos, "too much text for one page")
        y = box.y
        for i, ((t, b), h) in enumerate(zip(blocks, heights, strict=True)):
            colour = poster.colours[i % len(poster.colours)] if poster.colours else "#0072B2"
            self.page.append(Placed("fill", Rect(box.x, y, bar, h - 3), "bar", colour))
            ty = y
            if t:
                self.page.append(Placed("text", Rect(box.x + bar + 4, ty, box.w - bar - 4, len(t) * line_h * 1.15),
                                        "poster-title", lines=t, size=size * 1.15, bold=True))
                ty += len(t) * line_h * 1.15
            if b:
                s = size * (0.7 if t else 1.0)
                text_h = len(b) * s * PT_TO_MM * LINE_HEIGHT
                self.page.append(Placed("text", Rect(box.x + bar + 4, ty, box.w - bar - 4, text_h), "poster-text",
                                        lines=b, size=s))
            y += h
        self.y = y

    def board(self, grid: BoardGrid) -> None:
        cols = 6
        side = self.area.w / cols
        rows = -(-len(grid.squares) // cols)
        if rows * side > self.room():
            side = self.room() / rows
        left = self.area.x + (self.area.w - cols * side) / 2
        for index, square in enumerate(grid.squares):
            r, c = divmod(index, cols)
            if r % 2:
                c = cols - 1 - c  # a snake: the path never jumps across the board
            cell = Rect(left + c * side, self.y + r * side, side, side)
            self.page.append(Placed("fill", cell.inset(0.6), "square", square.colour))
            self.page.append(Placed("frame", cell.inset(0.6), "square-edge", "#333333"))
            ink = ink_on(square.colour)
            inner = cell.inset(2.0)
            self.page.append(Placed("text", Rect(inner.x, inner.y, 8, 4), "number", ink, (str(square.number),), 9,
                                    True))
            icon_side = side * 0.3
            if square.icon:
                disc = Rect(inner.x + (inner.w - icon_side) / 2, inner.y + 1, icon_side, icon_side)
                self.page.append(Placed("circle", disc, "icon-disc", "#FFFFFF"))
                self.page.append(Placed("picture", disc.inset(icon_side * 0.15), "icon", ref=square.icon))
            label_box = Rect(inner.x, inner.y + icon_side + 2, inner.w, inner.h - icon_side - 2)
            fitted = self.planner.fitter.fit(square.label, label_box.w, label_box.h, 11, 7, True)
            self.page.append(_text(fitted, label_box, "label", True, "C", ink))
        self.y += rows * side + 3

    def qr_list(self, qrs: QrList) -> None:
        for qr in qrs.qrs:
            side = qr_side_mm(qr.payload, QR_MIN_MM)
            if self.room() < side + 2:
                self.new_page()
            box = Rect(self.area.x, self.y, side, side)
            self.page.append(Placed("qr", box, "qr", ref=qr.payload))
            self.page.append(Placed("link", box, "qr-link", ref=qr.payload))
            tx = box.right + 4
            text_w = self.area.right - tx
            y = self.y + 3
            for text, size, bold in ((qr.number, 16, True), (qr.label, 11, False), (qr.note, 10, False)):
                if not text:
                    continue
                lines = self.lines(text, size, bold, text_w)
                h = len(lines) * size * PT_TO_MM * LINE_HEIGHT
                self.page.append(Placed("text", Rect(tx, y, text_w, h), "qr-text", lines=lines, size=size, bold=bold))
                y += h
            self.page.append(Placed("link", Rect(tx, self.y, text_w, side), "number-link", ref=qr.payload))
            self.y += side + 2
