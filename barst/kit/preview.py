"""PNG previews of a built PDF for proofing: one per page at 150 dpi with every card's trim line (red) and
safe zone (blue, dashed) drawn over it, and a contact sheet. pypdfium2 is a preview/test dependency only,
so it is imported here, when asked for."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from barst import atomic
from barst.diagnostics import BarstError
from barst.kit import layout
from barst.kit.layout import Rect

if TYPE_CHECKING:
    from barst.kit.build import PlacedOn

THUMB = 240  # contact-sheet cell width in pixels
DPI = 150
TRIM = (220, 0, 0)
SAFE_LINE = (0, 90, 220)


def write_preview(pdf: Path, folder: Path, placed: Sequence[PlacedOn] = (), dpi: int = DPI) -> list[str]:
    try:
        import pypdfium2
        from PIL import Image, ImageDraw
    except ImportError:
        raise BarstError("--preview needs pypdfium2 and Pillow: pip install pypdfium2 pillow") from None
    folder.mkdir(parents=True, exist_ok=True)
    document = pypdfium2.PdfDocument(str(pdf))
    cards = card_outlines(placed)
    thumbs = []
    written = []
    scale = dpi / 72
    for index in range(len(document)):
        image = document[index].render(scale=scale).to_pil().convert("RGB")
        draw = ImageDraw.Draw(image)
        for trim in cards.get(index, []):
            _outline(draw, trim, dpi, TRIM, dashed=False)
            _outline(draw, trim.inset(layout.SAFE), dpi, SAFE_LINE, dashed=True)
        path = folder / f"page-{index + 1:03d}.png"
        with atomic.replacing(path) as temp:  # Ctrl-C or a full disk never leaves half a PNG
            image.save(temp, format="PNG", dpi=(dpi, dpi))
        written.append(str(path))
        thumb = image.copy()
        thumb.thumbnail((THUMB, THUMB * 2))
        thumbs.append(thumb)
    document.close()
    cols = 6
    cell_h = max(t.height for t in thumbs) if thumbs else 1
    sheet = Image.new("RGB", (cols * (THUMB + 8), -(-len(thumbs) // cols) * (cell_h + 8) or 1), "#DDDDDD")
    for i, thumb in enumerate(thumbs):
        sheet.paste(thumb, ((i % cols) * (THUMB + 8) + 4, (i // cols) * (cell_h + 8) + 4))
    contact = folder / "contact-sheet.png"
    with atomic.replacing(contact) as temp:
        sheet.save(temp, format="PNG")
    written.append(str(contact))
    return written


def card_outlines(placed: Sequence[PlacedOn]) -> dict[int, list[Rect]]:
    """Each card's trim rectangle as it lies on the paper, per page (main file only)."""
    out: dict[int, set[Rect]] = {}
    for p in placed:
        if p.slot is not None and not p.file:
            out.setdefault(p.page, set()).add(p.slot)
    return {page: sorted(rects) for page, rects in out.items()}


def _outline(draw: Any, rect: Rect, dpi: int, colour: tuple[int, int, int], dashed: bool) -> None:
    px = dpi / 25.4
    x0, y0, x1, y1 = rect.x * px, rect.y * px, rect.right * px, rect.bottom * px
    edges = [((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))]
    for (ax, ay), (bx, by) in edges:
        if not dashed:
            draw.line([(ax, ay), (bx, by)], fill=colour, width=1)
            continue
        length = max(abs(bx - ax), abs(by - ay))
        steps = max(1, int(length // 6))
        for k in range(0, steps, 2):  # 6 px dashes
            t0, t1 = k / steps, min(1.0, (k + 1) / steps)
            draw.line([(ax + (bx - ax) * t0, ay + (by - ay) * t0), (ax + (bx - ax) * t1, ay + (by - ay) * t1)],
                      fill=colour, width=1)
