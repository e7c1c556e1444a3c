"""Is a picture safe to decode? Read from its header, before any decoder sees it (pure: no pygame, no PIL).

A 1 KB PNG may claim 40000x40000 pixels, and a decoder believes it: 6 GB for one illustration. So every
reader (the player, the kit builder, both checkers) first asks `problem()`, which looks only at the bytes
that declare the size, and refuses with a sentence. SVG files are text: they must be well-formed and may
refer to nothing outside themselves (an `<image href="/home/…">` would copy that file into a PDF).
"""

from __future__ import annotations

import binascii
import re
import struct
from collections.abc import Callable

MAX_PICTURE_BYTES = 16 * 1024 * 1024
# 6000 x 6000: more than a projector or a 300 dpi A4 page needs, and ~150 MB once decoded at most.
MAX_PIXELS = 36_000_000
RASTER_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp")
PICTURE_TYPES = (".svg", *RASTER_TYPES)


def problem(data: bytes, suffix: str) -> str | None:
    """Why this picture cannot be shown or printed, as a phrase; None when it may be decoded."""
    if len(data) > MAX_PICTURE_BYTES:
        return f"the picture is larger than {MAX_PICTURE_BYTES // (1024 * 1024)} MiB"
    suffix = suffix.lower()
    if suffix == ".svg":
        return svg_problem(data)
    if suffix not in RASTER_TYPES:
        return f"'{suffix or 'no extension'}' is not a picture type barst reads ({', '.join(PICTURE_TYPES)})"
    return raster_problem(data)


def raster_problem(data: bytes) -> str | None:
    size = declared_size(data)
    if size is None:
        return "the file is not a readable PNG, JPEG, GIF, BMP or WebP picture (broken or cut off)"
    width, height = size
    if width <= 0 or height <= 0:
        return "the picture says it has no pixels"
    if width * height > MAX_PIXELS:
        return (f"the picture says it is {width}x{height} pixels, more than barst will decode "
                f"({MAX_PIXELS // 1_000_000} million pixels)")
    return None


def declared_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) as the file's header states it, or None when the header cannot be read."""
    for magic, reader in _READERS:
        if data.startswith(magic):
            try:
                return reader(data)
            except (struct.error, IndexError, ValueError):
                return None
    return None


_HREF = re.compile(rb"""(?:xlink:)?href\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
_CSS_URL = re.compile(rb"""url\(\s*["']?([^"')]*)""", re.IGNORECASE)
_DATA_URI = re.compile(rb"data:[^,;]*(;base64)?,(.*)", re.DOTALL | re.IGNORECASE)


def svg_problem(data: bytes) -> str | None:
    """An SVG must parse as XML (without entity tricks) and refer only to itself or to inline data."""
    from defusedxml import ElementTree  # ships with fpdf2; refuses entity expansion and external DTDs
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        return "the SVG file is not well-formed XML (broken, cut off, or using entities)"
    if not str(root.tag).endswith("svg"):
        return "the file is not an SVG picture (its first element is not <svg>)"
    for match in [*(m.group(2) for m in _HREF.finditer(data)), *(m.group(1) for m in _CSS_URL.finditer(data))]:
        ref = match.strip()
        if not ref or ref.startswith(b"#"):
            continue
        inline = _DATA_URI.match(ref)
        if inline is None:
            shown = ref[:60].decode("utf-8", "replace")
            return f"the SVG refers to '{shown}' outside itself; embed it or remove it"
        if inline.group(1):
            import base64  # only for a picture inside an SVG (the player's start loads this module)

            try:
                raw = base64.b64decode(re.sub(rb"\s+", b"", inline.group(2)), validate=True)
            except (binascii.Error, ValueError):
                return "the SVG holds a broken inline picture"
            found = None if raw.lstrip()[:1] == b"<" else raster_problem(raw)  # inline SVG: vector, no bomb
            if found:
                return f"an inline picture in the SVG: {found}"
    return None


def _png(data: bytes) -> tuple[int, int]:
    if data[12:16] != b"IHDR":
        raise ValueError("no IHDR")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _gif(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack("<HH", data[6:10])
    return int(width), int(height)


def _bmp(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack("<ii", data[18:26])
    return abs(int(width)), abs(int(height))


def _webp(data: bytes) -> tuple[int, int]:
    if data[8:12] != b"WEBP":
        raise ValueError("not webp")
    chunk = data[12:16]
    if chunk == b"VP8X":
        return 1 + int.from_bytes(data[24:27], "little"), 1 + int.from_bytes(data[27:30], "little")
    if chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return int(width) & 0x3FFF, int(height) & 0x3FFF
    raise ValueError("unknown webp chunk")


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> tuple[int, int]:
    """Walk the segments to the first start-of-frame: linear in the header, never the image data."""
    index = 2
    while index + 4 <= len(data):
        if data[index] != 0xFF:
            raise ValueError("not a marker")
        marker = data[index + 1]
        if marker == 0xFF:  # fill byte
            index += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            index += 2
            continue
        length = struct.unpack(">H", data[index + 2:index + 4])[0]
        if marker in _SOF:
            height, width = struct.unpack(">HH", data[index + 5:index + 9])
            return int(width), int(height)
        if length < 2:
            raise ValueError("bad segment length")
        index += 2 + length
    raise ValueError("no frame header")


_READERS: list[tuple[bytes, Callable[[bytes], tuple[int, int]]]] = [
    (b"\x89PNG\r\n\x1a\n", _png),
    (b"GIF87a", _gif),
    (b"GIF89a", _gif),
    (b"BM", _bmp),
    (b"RIFF", _webp),
    (b"\xff\xd8", _jpeg),
]
