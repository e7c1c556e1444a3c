"""The painter screens draw with: panels, text that always fits, buttons (clickable and focusable),
images, icons and meter bars. All positions are logical units (see `layout.py`)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import pygame

from barst import paths, pictures
from barst.play.layout import Layout
from barst.play.metrics import EXIT_H, EXIT_W, MIN_TEXT_PX, ROLES
from barst.play.text import TextCache
from barst.play.theme import RGB, Theme
from barst.safefile import read_bounded

Action = Callable[[], None]


@dataclass(slots=True)
class Button:
    rect: pygame.Rect  # pixels, for hit tests
    action: Action
    number: int = 0  # the digit key that presses it (0: none)
    focusable: bool = True


class Images:
    """Illustrations and icons, decoded once per size. The cache keeps the most recent sizes only: every
    window resize asks for new sizes, and keeping them all grew the player past a gigabyte."""

    MAX_PIXELS = 40_000_000  # ~160 MB of surfaces: every image of a few screens at 4K

    def __init__(self) -> None:
        self.cache: OrderedDict[tuple[str, int, int], pygame.Surface | None] = OrderedDict()
        self.pixels = 0

    def tinted(self, path: Path, w: int, h: int, colour: pygame.Color) -> pygame.Surface | None:
        key = (f"{path}#{colour.r},{colour.g},{colour.b}", w, h)
        if key in self.cache:
            return self._hit(key)
        base = self.get(path, w, h)
        surface = None
        if base is not None:
            surface = base.copy()
            # Every pixel takes the colour; the alpha channel keeps the shape.
            surface.fill((colour.r, colour.g, colour.b, 0), special_flags=pygame.BLEND_RGBA_MAX)
            surface.fill((colour.r, colour.g, colour.b, 255), special_flags=pygame.BLEND_RGBA_MIN)
        return self._keep(key, surface)

    def get(self, path: Path, w: int, h: int) -> pygame.Surface | None:
        key = (str(path), w, h)
        if key in self.cache:
            return self._hit(key)
        surface = _decode(path, w, h)
        if surface is not None and pygame.display.get_surface() is not None:
            surface = surface.convert_alpha()
        return self._keep(key, surface)

    def _hit(self, key: tuple[str, int, int]) -> pygame.Surface | None:
        self.cache.move_to_end(key)
        return self.cache[key]

    def _keep(self, key: tuple[str, int, int], surface: pygame.Surface | None) -> pygame.Surface | None:
        self.cache[key] = surface
        self.pixels += _pixels(surface)
        while self.pixels > self.MAX_PIXELS and len(self.cache) > 1:
            _, dropped = self.cache.popitem(last=False)
            self.pixels -= _pixels(dropped)
        return surface


def _pixels(surface: pygame.Surface | None) -> int:
    return 0 if surface is None else int(surface.get_width() * surface.get_height())


def _decode(path: Path, w: int, h: int) -> pygame.Surface | None:
    """The picture scaled into w x h, or None when it is missing, broken or would not fit in memory
    (the header's size is checked before pygame decodes anything; the screen then simply has no image)."""
    try:
        data = read_bounded(path, pictures.MAX_PICTURE_BYTES)
        if not _shipped_icon(path) and pictures.problem(data, path.suffix) is not None:
            return None
        if path.suffix.lower() == ".svg":
            return pygame.image.load_sized_svg(BytesIO(data), (max(1, w), max(1, h)))
        raw = pygame.image.load(BytesIO(data), path.name)
        ratio = min(w / raw.get_width(), h / raw.get_height())
        size = (max(1, round(raw.get_width() * ratio)), max(1, round(raw.get_height() * ratio)))
        return pygame.transform.smoothscale(raw, size)
    except (pygame.error, OSError, ValueError, ZeroDivisionError):
        return None


def _shipped_icon(path: Path) -> bool:
    """barst's own icons (the logo, the exit sign) are part of the program, not of a pack someone passed
    on: they skip the SVG safety parse, which costs the title screen a few milliseconds of start-up."""
    return path.parent == paths.assets_dir() / "icons"


class Painter:
    def __init__(self, surface: pygame.Surface, layout: Layout, theme: Theme, texts: TextCache, images: Images,
                 focus: int = -1) -> None:
        self.surface = surface
        self.layout = layout
        self.theme = theme
        self.texts = texts
        self.images = images
        self.focus = focus
        self.buttons: list[Button] = []

    # --- geometry ---

    @property
    def w(self) -> float:
        return self.layout.w

    @property
    def h(self) -> float:
        return self.layout.h

    def rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        return self.layout.rect(x, y, w, h)

    # --- shapes ---

    def fill(self, colour: RGB | None = None) -> None:
        self.surface.fill(colour or self.theme.background)

    def panel(self, x: float, y: float, w: float, h: float, colour: RGB | None = None, border: RGB | None = None,
              radius: float = 14, width: float = 2) -> pygame.Rect:
        rect = self.rect(x, y, w, h)
        r = self.layout.px(radius)
        pygame.draw.rect(self.surface, colour or self.theme.surface, rect, border_radius=r)
        if border is not None:
            pygame.draw.rect(self.surface, border, rect, max(1, self.layout.px(width)), border_radius=r)
        return rect

    # --- text ---

    def text(self, text: str, x: float, y: float, size: float, bold: bool = False, colour: RGB | None = None,
             align: str = "left", max_w: float | None = None, middle: bool = False) -> float:
        """One line at (x, y) top (or centred on y when `middle`); align left/center/right around x.
        Returns the width in units."""
        px = self.layout.font_px(size)
        if max_w is not None:
            limit = self.layout.px(max_w)
            while px > MIN_TEXT_PX and self.texts.width(text, px, bold) > limit:
                px -= 1
        surface = self.texts.render(text, px, bold, colour or self.theme.text)
        left = self.layout.px(x)
        if align == "center":
            left -= surface.get_width() // 2
        elif align == "right":
            left -= surface.get_width()
        top = self.layout.px(y)
        if middle:
            font = self.texts.font(px, bold)
            top -= round(font.get_ascent() - 0.35 * px)  # centre of the capitals and digits on y
        self.surface.blit(surface, (left, top))
        return self.layout.to_units(surface.get_width())

    def para(self, text: str, x: float, y: float, w: float, h: float, size: float, bold: bool = False,
             colour: RGB | None = None, align: str = "left", valign: str = "top") -> float:
        """Wrapped text inside a box; shrinks (never below the minimum) and never overflows.
        Returns the height used in units."""
        layout = self.layout
        px = layout.font_px(size)
        width, height = layout.px(w), layout.px(h)
        lines, px = self.texts.fit(text, px, bold, width, height, MIN_TEXT_PX)
        step = self.texts.line_height(px)
        top = layout.px(y)
        used = step * len(lines)
        if valign == "middle" and used < height:
            # centre the capitals, not the line boxes: Andika keeps room above them for accents
            optical = self.texts.font(px, bold).get_ascent() - 0.35 * px
            top += min(height - used, max(0, round(height / 2 - (len(lines) - 1) * step / 2 - optical)))
        for i, line in enumerate(lines):
            surface = self.texts.render(line, px, bold, colour or self.theme.text)
            left = layout.px(x)
            if align == "center":
                left += (width - surface.get_width()) // 2
            self.surface.blit(surface, (left, top + i * step))
        return layout.to_units(used)

    def role(self, text: str, role: str, x: float, y: float, w: float | None = None, h: float | None = None,
             colour: RGB | None = None, align: str = "left", valign: str = "top") -> float:
        spec = ROLES[role]
        box_w = spec.width if w is None else w
        box_h = spec.lines * spec.size * 1.22 if h is None else h
        return self.para(text, x, y, box_w, box_h, spec.size, spec.bold, colour, align, valign)

    # --- buttons ---

    def button(self, label: str, x: float, y: float, w: float, h: float, action: Action, number: int = 0,
               size: float = 26, bold: bool = False, focusable: bool = True, primary: bool = False,
               align: str = "left") -> pygame.Rect:
        theme = self.theme
        index = len([b for b in self.buttons if b.focusable])
        focused = focusable and index == self.focus
        fill = theme.surface_hi if focused else theme.surface
        if primary and not focused:
            fill = theme.surface_hi
        rect = self.panel(x, y, w, h, fill, theme.accent if focused else theme.border, width=4 if focused else 2)
        pad = 16
        text_x = x + pad
        if number:
            badge = min(56.0, h - 2 * 10)
            by = y + (h - badge) / 2
            self.panel(x + pad, by, badge, badge, theme.accent, radius=badge / 2)
            self.text(str(number), x + pad + badge / 2, by + badge / 2, badge * 0.6, True, theme.on_accent,
                      "center", middle=True)
            text_x = x + pad + badge + pad
        if focused:
            # a mark besides colour: a bar on the left edge
            pygame.draw.rect(self.surface, theme.accent, self.rect(x + 4, y + 10, 6, h - 20))
        inner_w = x + w - pad - text_x
        if align == "center":
            self.para(label, text_x, y + 6, inner_w, h - 12, size, bold, align="center", valign="middle")
        else:
            self.para(label, text_x, y + 6, inner_w, h - 12, size, bold, valign="middle")
        self.buttons.append(Button(rect, action, number, focusable))
        return rect

    # --- images ---

    def image(self, path: Path, x: float, y: float, w: float, h: float) -> bool:
        box = self.rect(x, y, w, h)
        surface = self.images.get(path, box.width, box.height)
        if surface is None:
            return False
        self.surface.blit(surface, surface.get_rect(center=box.center))
        return True

    def icon(self, name: str, x: float, y: float, size: float, colour: Any = None) -> bool:
        """An icon in the theme's text colour (the SVGs are drawn dark), so it shows on every theme."""
        box = self.rect(x, y, size, size)
        tint = pygame.Color(colour or self.theme.text)
        surface = self.images.tinted(paths.assets_dir() / "icons" / f"{name}.svg", box.width, box.height, tint)
        if surface is None:
            return False
        self.surface.blit(surface, surface.get_rect(center=box.center))
        return True

    def exit_button(self, label: str, key: str, x: float, y: float) -> pygame.Rect:
        """The emergency exit as both games show it: a pill with the exit icon, the word and its key."""
        theme = self.theme
        rect = self.panel(x, y, EXIT_W, EXIT_H, theme.exit_bg, theme.border, radius=EXIT_H / 2)
        if not self.icon("exit", x + 10, y + 8, EXIT_H - 16, theme.exit_text):
            # a door with an arrow, in case the icon file is missing
            door = self.rect(x + 16, y + 11, 24, EXIT_H - 22)
            width = max(2, self.layout.px(3))
            pygame.draw.rect(self.surface, theme.exit_text, door, width)
            pygame.draw.line(self.surface, theme.exit_text, door.center, (door.right + door.width // 2, door.centery),
                             width)
        self.text(label, x + EXIT_H + 2, y + EXIT_H / 2, 24, True, theme.exit_text, max_w=EXIT_W - EXIT_H - 52,
                  middle=True)
        self.panel(x + EXIT_W - 46, y + 10, 36, 36, theme.exit_text, radius=8)
        self.text(key, x + EXIT_W - 28, y + EXIT_H / 2, 24, True, theme.exit_bg, "center", middle=True)
        return rect

    # --- meters ---

    def meter(self, label: str, value: float, low: int, high: int, x: float, y: float, w: float, h: float = 30,
              delta: int = 0, good_high: bool = True, size: float = 24) -> None:
        """A labelled bar with its number (and the change as +n/-n): never colour alone."""
        theme = self.theme
        label_w = w * 0.34
        self.text(label, x, y + (h - size * 1.2) / 2, size, colour=theme.text, max_w=label_w - 8)
        bar_x, bar_w = x + label_w, w - label_w - 130
        self.panel(bar_x, y, bar_w, h, theme.bar_bg, radius=h / 2)
        span = max(1, high - low)
        frac = max(0.0, min(1.0, (value - low) / span))
        if frac > 0:
            good = (delta >= 0) == good_high
            colour = theme.accent if delta == 0 else (theme.good if good else theme.bad)
            self.panel(bar_x, y, max(h, bar_w * frac), h, colour, radius=h / 2)
        number = f"{round(value)}/{high}"
        self.text(number, bar_x + bar_w + 12, y + (h - size * 1.2) / 2, size, True)
        if delta:
            sign = "+" if delta > 0 else "−"
            self.text(f"{sign}{abs(delta)}", x + w, y + (h - size * 1.2) / 2, size, True, align="right")
