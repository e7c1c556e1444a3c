"""Icons drawn as vector shapes, so they stay crisp at every window size and need no image files.

Deck and square icons (check, list, people, quote, hand, pause, forward, back, everyone, star, door,
flag, card), team symbols (circle, square, triangle, diamond, star, hexagon), verdict marks and die faces.
An unknown name draws the generic card icon, never nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

RGB = tuple[int, int, int]
Point = tuple[float, float]


def draw_icon(surface: pygame.Surface, name: str, rect: pygame.Rect, colour: RGB) -> None:
    painter = _PAINTERS.get(name, _card)
    painter(surface, rect, colour, max(2, rect.width // 11))


def draw_symbol(surface: pygame.Surface, symbol: str, rect: pygame.Rect, fill: RGB, outline: RGB) -> None:
    """A team's pawn or badge: the symbol's shape in the team colour with a strong outline."""
    points = symbol_points(symbol, rect)
    width = max(2, rect.width // 12)
    if symbol == "circle" or not points:
        radius = rect.width // 2
        pygame.draw.circle(surface, fill, rect.center, radius)
        pygame.draw.circle(surface, outline, rect.center, radius, width)
        return
    pygame.draw.polygon(surface, fill, points)
    pygame.draw.polygon(surface, outline, points, width)


def symbol_points(symbol: str, rect: pygame.Rect) -> list[Point]:
    cx, cy = rect.center
    r = rect.width / 2
    if symbol == "square":
        s = r * 0.86
        return [(cx - s, cy - s), (cx + s, cy - s), (cx + s, cy + s), (cx - s, cy + s)]
    if symbol == "triangle":
        return [(cx, cy - r), (cx + r * 0.98, cy + r * 0.8), (cx - r * 0.98, cy + r * 0.8)]
    if symbol == "diamond":
        return [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    if symbol == "star":
        return _star(cx, cy, r, r * 0.45, 5)
    if symbol == "hexagon":
        return [(cx + r * math.cos(math.pi / 3 * i), cy + r * math.sin(math.pi / 3 * i)) for i in range(6)]
    return []


def draw_verdict(surface: pygame.Surface, verdict: str, rect: pygame.Rect, colour: RGB) -> None:
    """✓ right, ½ partly, ✗ wrong, ⤼ skipped: a shape per verdict, so colour is never the only signal."""
    {"correct": _check, "partly": _half, "wrong": _cross}.get(verdict, _forward)(
        surface, rect, colour, max(3, rect.width // 7))


def draw_die(surface: pygame.Surface, value: int, rect: pygame.Rect, face: RGB, pip: RGB, border: RGB) -> None:
    radius = rect.width // 6
    pygame.draw.rect(surface, face, rect, border_radius=radius)
    pygame.draw.rect(surface, border, rect, width=max(2, rect.width // 25), border_radius=radius)
    spots = {1: [(1, 1)], 2: [(0, 0), (2, 2)], 3: [(0, 0), (1, 1), (2, 2)], 4: [(0, 0), (2, 0), (0, 2), (2, 2)],
             5: [(0, 0), (2, 0), (1, 1), (0, 2), (2, 2)], 6: [(0, 0), (2, 0), (0, 1), (2, 1), (0, 2), (2, 2)]}
    cell = rect.width / 4
    for gx, gy in spots.get(value, []):
        centre = (rect.left + cell * (gx + 1), rect.top + cell * (gy + 1))
        pygame.draw.circle(surface, pip, centre, max(2, rect.width // 11))


# --- painters -------------------------------------------------------------------------------------


def _inset(rect: pygame.Rect, f: float = 0.14) -> pygame.Rect:
    return rect.inflate(-rect.width * f * 2, -rect.height * f * 2)


def _check(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r)
    pts = [(b.left, b.top + b.height * 0.55), (b.left + b.width * 0.38, b.bottom - b.height * 0.08),
           (b.right, b.top + b.height * 0.1)]
    pygame.draw.lines(s, c, False, pts, w + 1)


def _cross(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.2)
    pygame.draw.line(s, c, b.topleft, b.bottomright, w + 1)
    pygame.draw.line(s, c, b.topright, b.bottomleft, w + 1)


def _half(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.12)
    radius = b.width // 2
    pygame.draw.circle(s, c, b.center, radius, w)
    pygame.draw.circle(s, c, b.center, radius, 0, draw_top_left=True, draw_bottom_left=True)


def _list(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r)
    for i in range(3):
        y = b.top + b.height * (0.15 + 0.35 * i)
        pygame.draw.circle(s, c, (b.left + w, y), w)
        pygame.draw.line(s, c, (b.left + w * 3, y), (b.right, y), w)


def _people(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.1)
    for fx, scale in ((0.32, 0.9), (0.68, 1.0)):
        cx = b.left + b.width * fx
        head = b.width * 0.13 * scale
        pygame.draw.circle(s, c, (cx, b.top + b.height * 0.3), head)
        body = pygame.Rect(0, 0, b.width * 0.36 * scale, b.height * 0.42 * scale)
        body.midbottom = (round(cx), b.bottom)
        pygame.draw.ellipse(s, c, body.inflate(0, body.height))


def _quote(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.16)
    for fx in (0.25, 0.7):
        cx, cy = b.left + b.width * fx, b.top + b.height * 0.38
        rad = b.width * 0.17
        pygame.draw.circle(s, c, (cx, cy), rad)
        pygame.draw.polygon(s, c, [(cx + rad * 0.2, cy), (cx + rad, cy), (cx - rad * 0.6, cy + rad * 2.2)])


def _hand(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.12)
    palm = pygame.Rect(0, 0, b.width * 0.56, b.height * 0.46)
    palm.midbottom = (b.centerx, b.bottom)
    pygame.draw.rect(s, c, palm, border_radius=max(2, palm.width // 4))
    finger = max(2, round(b.width * 0.11))
    for i in range(4):
        x = palm.left + palm.width * (0.12 + 0.255 * i)
        top = b.top + b.height * (0.12 if i in (1, 2) else 0.2)
        pygame.draw.line(s, c, (x + finger / 2, palm.top + 2), (x + finger / 2, top), finger)
    pygame.draw.line(s, c, (palm.left + 2, palm.top + palm.height * 0.5),
                     (b.left, b.top + b.height * 0.45), finger)


def _pause(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.2)
    bar = b.width * 0.3
    pygame.draw.rect(s, c, (b.left, b.top, bar, b.height))
    pygame.draw.rect(s, c, (b.right - bar, b.top, bar, b.height))


def _forward(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.16)
    for dx in (0.0, 0.45):
        x = b.left + b.width * dx
        pygame.draw.polygon(s, c, [(x, b.top), (x + b.width * 0.55, b.centery), (x, b.bottom)])


def _back(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.16)
    for dx in (0.0, 0.45):
        x = b.right - b.width * dx
        pygame.draw.polygon(s, c, [(x, b.top), (x - b.width * 0.55, b.centery), (x, b.bottom)])


def _everyone(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.08)
    for fx, fy in ((0.2, 0.45), (0.5, 0.3), (0.8, 0.45)):
        cx, cy = b.left + b.width * fx, b.top + b.height * fy
        pygame.draw.circle(s, c, (cx, cy), b.width * 0.11)
        body = pygame.Rect(0, 0, b.width * 0.26, b.height * 0.5)
        body.midtop = (round(cx), round(cy + b.width * 0.14))
        pygame.draw.ellipse(s, c, body)


def _star(cx: float, cy: float, outer: float, inner: float, n: int) -> list[Point]:
    points = []
    for i in range(2 * n):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + math.pi * i / n
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def _star_icon(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.08)
    pygame.draw.polygon(s, c, _star(b.centerx, b.centery + b.height * 0.04, b.width / 2, b.width * 0.22, 5))


def _door(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.1)
    roof = [(b.left, b.top + b.height * 0.38), (b.centerx, b.top), (b.right, b.top + b.height * 0.38)]
    pygame.draw.lines(s, c, False, roof, w)
    door = pygame.Rect(0, 0, b.width * 0.42, b.height * 0.55)
    door.midbottom = b.midbottom
    pygame.draw.rect(s, c, door, w, border_top_left_radius=door.width // 2, border_top_right_radius=door.width // 2)
    pygame.draw.circle(s, c, (door.right - door.width * 0.25, door.centery + door.height * 0.1), max(2, w))
    pygame.draw.line(s, c, (b.left + b.width * 0.08, b.bottom), (b.right - b.width * 0.08, b.bottom), w)


def _flag(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.12)
    pygame.draw.line(s, c, (b.left + w, b.top), (b.left + w, b.bottom), w)
    pygame.draw.polygon(s, c, [(b.left + w, b.top), (b.right, b.top + b.height * 0.22),
                               (b.left + w, b.top + b.height * 0.45)])


def _card(s: pygame.Surface, r: pygame.Rect, c: RGB, w: int) -> None:
    b = _inset(r, 0.16)
    card = pygame.Rect(0, 0, b.width * 0.7, b.height)
    card.center = b.center
    pygame.draw.rect(s, c, card, w, border_radius=max(2, card.width // 8))
    pygame.draw.line(s, c, (card.left + w * 2, card.top + card.height * 0.35),
                     (card.right - w * 2, card.top + card.height * 0.35), w)


Painter = Callable[[pygame.Surface, pygame.Rect, RGB, int], None]
_PAINTERS: dict[str, Painter] = {
    "check": _check, "list": _list, "people": _people, "quote": _quote, "hand": _hand, "pause": _pause,
    "forward": _forward, "back": _back, "everyone": _everyone, "star": _star_icon, "door": _door,
    "flag": _flag, "card": _card, "cross": _cross, "half": _half,
}
