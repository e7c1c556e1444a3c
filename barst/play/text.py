"""Fonts, word wrap and cached text surfaces (a static screen never renders the same text twice)."""

from __future__ import annotations

import json
import sys
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import pygame

from barst import paths
from barst.play.metrics import LINE_SPACING
from barst.play.theme import RGB
from barst.textfit import drawable, text_width, wrap

MAX_SURFACES = 3000


def font_file(bold: bool) -> Path:
    return paths.assets_dir() / "fonts" / ("Andika-Bold.ttf" if bold else "Andika-Regular.ttf")


class TextCache:
    def __init__(self) -> None:
        self.fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self.surfaces: OrderedDict[tuple[str, int, bool, RGB], pygame.Surface] = OrderedDict()
        self.wraps: dict[tuple[str, int, bool, int], list[str]] = {}

    def font(self, px: int, bold: bool = False) -> pygame.font.Font:
        key = (px, bold)
        found = self.fonts.get(key)
        if found is None:
            found = self.fonts[key] = pygame.font.Font(str(font_file(bold)), px)
        return found

    def render(self, text: str, px: int, bold: bool, colour: RGB) -> pygame.Surface:
        key = (text, px, bold, colour)
        found = self.surfaces.get(key)
        if found is not None:
            self.surfaces.move_to_end(key)
            return found
        surface = _render(self.font(px, bold), drawable(text), colour)
        self.surfaces[key] = surface
        if len(self.surfaces) > MAX_SURFACES:
            self.surfaces.popitem(last=False)
        return surface

    def width(self, text: str, px: int, bold: bool = False) -> int:
        return int(self.font(px, bold).size(drawable(text))[0])

    def wrap(self, text: str, px: int, bold: bool, width: int) -> list[str]:
        key = (text, px, bold, width)
        found = self.wraps.get(key)
        if found is None:
            font = self.font(px, bold)
            found = self.wraps[key] = wrap(text, width, lambda s: font.size(s)[0],
                                           guess=lambda s: text_width(s, px, bold))
        return found

    @staticmethod
    def line_height(px: int) -> int:
        return round(px * LINE_SPACING)

    def fit(self, text: str, px: int, bold: bool, width: int, height: int, min_px: int) -> tuple[list[str], int]:
        """Lines and font size so the text fits width x height: shrink down to `min_px`, then cut with '…'."""
        size = px
        while True:
            lines = self.wrap(text, size, bold, width)
            if len(lines) * self.line_height(size) <= height or size <= min_px:
                break
            size = max(min_px, int(size * 0.92))
        room = max(1, height // self.line_height(size))
        if len(lines) > room:
            lines = lines[:room]
            last = lines[-1]
            # The longest start of the last line that still fits with '…' after it (a binary search:
            # trying one character less at a time was quadratic on a long line).
            keep = _longest_fitting(len(last), lambda n: self.width(last[:n] + "…", size, bold) <= width)
            lines[-1] = last[:keep].rstrip() + "…"
        return lines, size


def _render(font: pygame.font.Font, text: str, colour: RGB) -> pygame.Surface:
    """A text surface for any string: one that draws nothing (only zero-width characters, such as U+200B
    or U+FEFF) gives an empty transparent surface instead of pygame's "Text has zero width" error."""
    try:
        return font.render(text, True, colour)
    except (pygame.error, ValueError):
        return pygame.Surface((1, font.get_linesize()), pygame.SRCALPHA)


def _longest_fitting(length: int, fits: Callable[[int], bool]) -> int:
    """The largest n in 0..length with fits(n), for a `fits` that holds up to some n and not after."""
    low, high = 0, length + 1
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low


def write_metrics(out: Path | None = None) -> Path:
    """Regenerate assets/fonts/andika-metrics.json (advance widths at 100 px) from the TTF files."""
    pygame.font.init()
    reference = 100
    chars = [chr(c) for c in range(32, 127)] + [chr(c) for c in range(160, 384)] + list("‘’“”„–—…·•€→←↑↓")
    data: dict[str, object] = {"reference_size": reference, "font": "Andika"}
    widths: dict[str, dict[str, int]] = {}
    average: dict[str, float] = {}
    for style, bold in (("regular", False), ("bold", True)):
        font = pygame.font.Font(str(font_file(bold)), reference)
        table = {ch: m[4] for ch in chars if (m := font.metrics(ch)[0]) is not None}
        widths[style] = table
        average[style] = round(sum(table.values()) / len(table), 2)
    data["widths"] = widths
    data["average"] = average
    out = out or paths.assets_dir() / "fonts" / "andika-metrics.json"
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return out


if __name__ == "__main__" and "--metrics" in sys.argv:
    print(write_metrics())
