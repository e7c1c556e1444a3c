"""PNG previews of a built PDF: one per page and a contact sheet. pypdfium2 is a preview/test dependency
only, so it is imported here, when asked for."""

from __future__ import annotations

from pathlib import Path

from barst.diagnostics import BarstError

THUMB = 240  # contact-sheet cell width in pixels


def write_preview(pdf: Path, folder: Path, scale: float = 1.0) -> list[str]:
    try:
        import pypdfium2
        from PIL import Image
    except ImportError:
        raise BarstError("--preview needs pypdfium2 and Pillow: pip install pypdfium2 pillow") from None
    folder.mkdir(parents=True, exist_ok=True)
    document = pypdfium2.PdfDocument(str(pdf))
    thumbs = []
    written = []
    for index in range(len(document)):
        image = document[index].render(scale=scale).to_pil()
        path = folder / f"page-{index + 1:03d}.png"
        image.save(path)
        written.append(str(path))
        thumb = image.copy()
        thumb.thumbnail((THUMB, THUMB * 2))
        thumbs.append(thumb)
    cols = 6
    cell_h = max(t.height for t in thumbs) if thumbs else 1
    sheet = Image.new("RGB", (cols * (THUMB + 8), -(-len(thumbs) // cols) * (cell_h + 8) or 1), "#DDDDDD")
    for i, thumb in enumerate(thumbs):
        sheet.paste(thumb, ((i % cols) * (THUMB + 8) + 4, (i // cols) * (cell_h + 8) + 4))
    contact = folder / "contact-sheet.png"
    sheet.save(contact)
    written.append(str(contact))
    return written
