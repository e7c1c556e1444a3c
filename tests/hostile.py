"""Hostile inputs shared by the tests of issue 18 (import as `from hostile import ...`)."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height pixels (a memory bomb for a trusting decoder)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) \
        + chunk(b"IEND", b"")


def real_png(size: int = 8) -> bytes:
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (size, size), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def svg_with_image(href: str) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="10" height="10"><image xlink:href="{href}" width="10" height="10"/></svg>')


INVISIBLE = ["\u200b", "\ufeff", "\u202e", "\u200d", "\x00", "\x07", "\u2066", "\r", "\x1b[31m"]
