"""Logical units to pixels. The logical canvas keeps at least 1280x720 units: a 4:3 window gets more
logical height, an ultra-wide one more logical width; one unit is `scale` pixels."""

from __future__ import annotations

from typing import NamedTuple

import pygame

from barst.play.metrics import BASE_H, BASE_W, MIN_TEXT_PX, TEXT_STEPS


class Layout(NamedTuple):
    """The window in pixels and the logical units drawn into it. A NamedTuple, as the other immutable
    records of the first frame: a frozen dataclass costs a millisecond or two of start-up to create."""

    width: int  # window size in pixels
    height: int
    text_step: str = "normal"

    @property
    def scale(self) -> float:
        return min(self.width / BASE_W, self.height / BASE_H)

    @property
    def w(self) -> float:
        """Logical width (>= 1280)."""
        return self.width / self.scale

    @property
    def h(self) -> float:
        """Logical height (>= 720)."""
        return self.height / self.scale

    def px(self, units: float) -> int:
        return round(units * self.scale)

    def rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        left, top = self.px(x), self.px(y)
        return pygame.Rect(left, top, self.px(x + w) - left, self.px(y + h) - top)

    def font_px(self, size: float, shrink: float = 1.0) -> int:
        """Pixel height of a font of `size` logical units at the chosen text step, never below the minimum."""
        return max(MIN_TEXT_PX, round(size * TEXT_STEPS[self.text_step] * shrink * self.scale))

    def to_units(self, pixels: float) -> float:
        return pixels / self.scale
