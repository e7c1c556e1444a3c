"""Andika's advance widths read once from the TTF files, so text can be measured without fpdf.

fpdf2 places glyphs by these same advances (no kerning or shaping is switched on), so a width measured
here is the width printed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from barst import paths
from barst.diagnostics import BarstError

PT_TO_MM = 25.4 / 72
FONT_FILES = {False: "Andika-Regular.ttf", True: "Andika-Bold.ttf"}


def font_path(bold: bool = False) -> Path:
    path = paths.assets_dir() / "fonts" / FONT_FILES[bold]
    if not path.is_file():
        raise BarstError(f"The font {path} is missing; reinstall barst (the kit builder embeds Andika).")
    return path


@cache
def _advances(bold: bool) -> tuple[dict[str, float], float]:
    """Advance width per character as a fraction of the em, and the average for unknown characters."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # comes with fpdf2

    font = TTFont(str(font_path(bold)), lazy=True)
    upm = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    widths = {chr(code): metrics[name][0] / upm for code, name in font.getBestCmap().items() if code < 0x3000}
    average = sum(widths.get(c, 0.5) for c in "etaoinshrdlu") / 12
    return widths, average


class Measure:
    """Width in mm of a line of Andika at a size in points; remembered per (text, bold)."""

    def __init__(self) -> None:
        self._em: dict[tuple[str, bool], float] = {}

    def em(self, text: str, bold: bool = False) -> float:
        key = (text, bold)
        found = self._em.get(key)
        if found is None:
            widths, average = _advances(bold)
            found = sum(widths.get(ch, average) for ch in text)
            self._em[key] = found
        return found

    def __call__(self, text: str, size_pt: float, bold: bool = False) -> float:
        return self.em(text, bold) * size_pt * PT_TO_MM
