"""Reading built PDFs back for the kit tests: characters with their size and box, filled paths, QR codes
and link annotations, all in millimetres with the origin top left (as the builder plans)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdf
import pypdfium2
import pypdfium2.raw as raw
import zxingcpp

from barst.kit.layout import Rect

MM = 72 / 25.4


@dataclass(frozen=True)
class Char:
    text: str
    size: float
    box: Rect


def _rect(left: float, bottom: float, right: float, top: float, height_pt: float) -> Rect:
    return Rect(left / MM, (height_pt - top) / MM, (right - left) / MM, (top - bottom) / MM)


class Pdf:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.doc = pypdfium2.PdfDocument(str(path))
        self.reader = pypdf.PdfReader(path)

    def __len__(self) -> int:
        return len(self.doc)

    def size(self, index: int) -> tuple[float, float]:
        w, h = self.doc[index].get_size()
        return w / MM, h / MM

    def chars(self, index: int) -> list[Char]:
        page = self.doc[index]
        height = page.get_height()
        text = page.get_textpage()
        out = []
        for i in range(text.count_chars()):
            ch = chr(raw.FPDFText_GetUnicode(text.raw, i))
            if ch.isspace():
                continue
            out.append(Char(ch, raw.FPDFText_GetFontSize(text.raw, i), _rect(*text.get_charbox(i), height)))
        return out

    def paths(self, index: int) -> list[Rect]:
        page = self.doc[index]
        height = page.get_height()
        return [_rect(*o.get_bounds(), height) for o in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH])]

    def qr_codes(self, index: int, where: list[Rect] | None = None, dpi: float = 200) -> set[str]:
        """The codes that decode on a page; with `where`, each area is cut out and read on its own (fast)."""
        image = self.doc[index].render(scale=dpi / 72).to_pil()
        if where is None:
            return {b.text for b in zxingcpp.read_barcodes(image)}
        px = dpi / 25.4
        found = set()
        for r in where:
            box = r.inset(-2)
            crop = image.crop((int(box.x * px), int(box.y * px), int(box.right * px), int(box.bottom * px)))
            found.update(b.text for b in zxingcpp.read_barcodes(crop))
        return found

    def links(self, index: int) -> list[tuple[str, Rect]]:
        page = self.reader.pages[index]
        height = float(page.mediabox.height)
        out = []
        for annot in page.get("/Annots", []) or []:
            a = annot.get_object()
            x1, y1, x2, y2 = (float(v) for v in a["/Rect"])
            out.append((str(a["/A"]["/URI"]), _rect(min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2), height)))
        return out
