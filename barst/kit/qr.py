"""QR codes for help lines: error correction M, a 4-module quiet zone, black on white, one image per payload.

The image is a 1-bit PIL image with one pixel per module; the PDF writer scales it without smoothing.
Made once per payload, so a thousand cards with the same help line embed one image.
"""

from __future__ import annotations

from functools import cache
from typing import Any

QUIET_ZONE = 4  # modules of white around the symbol: scanners need it to find the code


@cache
def _matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE, box_size=1)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def modules(payload: str) -> int:
    """Width of the symbol in modules, without the quiet zone."""
    return len(_matrix(payload)) - 2 * QUIET_ZONE


def qr_side_mm(payload: str, symbol_min_mm: float) -> float:
    """Side of the whole image (quiet zone included) for a symbol at least `symbol_min_mm` wide."""
    n = modules(payload)
    return symbol_min_mm * (n + 2 * QUIET_ZONE) / n


@cache
def qr_image(payload: str, scale: int = 8) -> Any:
    """A PIL image of the code with its quiet zone; the same object for the same payload (fpdf2 then
    embeds it once). `scale` pixels per module keep viewers from blurring the edges."""
    from PIL import Image

    matrix = _matrix(payload)
    size = len(matrix)
    image = Image.new("1", (size, size), 1)
    image.putdata([0 if dark else 1 for row in matrix for dark in row])
    return image.resize((size * scale, size * scale), Image.Resampling.NEAREST)
