"""The board game's drawing pieces, shared by its screens: the frame a screen draws with, colours that
carry an icon and a word (never colour alone), the top bar, hints, buttons with a key badge, and text
sections that shrink together to fit. Everything is in logical units (the player's `Layout`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from barst.model import Deck, SquareKind
from barst.play.board import icons
from barst.play.board.session import BoardSession
from barst.play.metrics import EXIT_W, GAP, MARGIN
from barst.play.theme import RGB, Theme, hex_rgb
from barst.play.widgets import Button, Painter

HINT_H = 34


@dataclass(slots=True)
class Frame:
    """Shared per-frame drawing state."""

    p: Painter
    s: BoardSession
    theme: Theme

    def cmd(self, name: str) -> Callable[[], None]:
        session = self.s
        return lambda: session.command(name)


def rgb(value: str | None, fallback: RGB) -> RGB:
    try:
        return hex_rgb(value) if value else fallback
    except ValueError:
        return fallback


def ink_on(colour: RGB) -> RGB:
    r, g, b = (c / 255 for c in colour)
    lum = 0.2126 * r**2.2 + 0.7152 * g**2.2 + 0.0722 * b**2.2
    return (0, 0, 0) if lum > 0.2 else (255, 255, 255)


def draw_icon(f: Frame, name: str, x: float, y: float, size: float, colour: RGB) -> None:
    icons.draw_icon(f.p.surface, name, f.p.rect(x, y, size, size), colour)


def draw_symbol(f: Frame, symbol: str, colour: str, x: float, y: float, size: float,
                outline: RGB | None = None) -> None:
    icons.draw_symbol(f.p.surface, symbol, f.p.rect(x, y, size, size), rgb(colour, f.theme.accent),
                      outline or f.theme.text)


def topbar(f: Frame, title: str, status: str = "") -> None:
    p, theme = f.p, f.theme
    exit_left = p.w - MARGIN - EXIT_W - GAP
    status_w = 0.0
    if status:
        status_w = p.text(status, exit_left - GAP, 20, 26, True, theme.accent, "right", max_w=p.w * 0.3)
    p.text(title, MARGIN, 16, 30, True, max_w=exit_left - MARGIN - status_w - 3 * GAP)


def plain_button(rect: pygame.Rect, action: Callable[[], None]) -> Button:
    return Button(rect, action, 0, False)


def draw_hint(f: Frame, text: str) -> None:
    p = f.p
    p.para(text, MARGIN, p.h - HINT_H, p.w - 2 * MARGIN, HINT_H - 4, 20, colour=f.theme.muted, align="center")


def action_button(f: Frame, label: str, x: float, y: float, w: float, h: float, command: str, key: str = "",
                   icon: str = "", primary: bool = False, size: float = 28) -> None:
    """A button with a key badge (a digit, a letter or a word like Enter), an optional icon and a label."""
    p, theme = f.p, f.theme
    focused = len([b for b in p.buttons if b.focusable]) == p.focus  # a clicker's PageUp/PageDown move it
    fill = theme.surface_hi if primary or focused else theme.surface
    rect = p.panel(x, y, w, h, fill, theme.accent if primary or focused else theme.border,
                   width=5 if focused else 3 if primary else 2)
    if focused:
        pygame.draw.rect(p.surface, theme.accent, p.rect(x + 4, y + 8, 5, h - 16))
    left = x + 14
    if key:
        badge_w = max(h * 0.62, 16 + 14 * len(key))
        badge_h = h * 0.62
        p.panel(left, y + (h - badge_h) / 2, badge_w, badge_h, theme.accent, radius=badge_h / 2)
        p.text(key, left + badge_w / 2, y + h / 2, badge_h * 0.56, True, theme.on_accent, "center", middle=True)
        left += badge_w + 12
    if icon:
        isize = h * 0.6
        if icon in ("correct", "partly", "wrong", "skipped"):
            icons.draw_verdict(p.surface, icon, p.rect(left, y + (h - isize) / 2, isize, isize), theme.text)
        else:
            draw_icon(f, icon, left, y + (h - isize) / 2, isize, theme.text)
        left += isize + 12
    p.para(label, left, y + 4, x + w - left - 12, h - 8, size, True, valign="middle")
    p.buttons.append(Button(rect, f.cmd(command), 0, True))


def status_line(f: Frame) -> str:
    s, state = f.s, f.s.state
    parts = []
    if state.rounds:
        parts.append(s.t("round_of", n=state.round, total=state.rounds))
    else:
        parts.append(s.t("round", n=state.round))
    left = s.time_left_minutes()
    if left is not None:
        parts.append(s.t("time_left", m=left))
    if s.autosave_failed:
        parts.append(s.t("autosave_off"))
    return " · ".join(parts)


def pack_title(f: Frame) -> str:
    """The pack's title and, for a pack with editions, which Community's edition this is (every screen)."""
    edition = f.s.pack.edition
    title = f.s.text(f.s.pack.title)
    return f"{title} — {f.s.text(edition.label)}" if edition is not None else title


def deck_look(f: Frame, deck: Deck | None) -> tuple[RGB, str, str]:
    if deck is None:
        return f.theme.surface, "card", ""
    return rgb(deck.colour, f.theme.surface), deck.icon, f.s.text(deck.title)


def square_look(f: Frame, kind: SquareKind) -> tuple[RGB, str]:
    deck = f.s.pack.deck(kind.deck) if kind.deck else None
    colour = rgb(kind.colour or (deck.colour if deck else None), f.theme.surface_hi)
    icon = kind.icon or (deck.icon if deck else "") or {
        "start": "flag", "finish": "door", "skip": "pause", "ahead": "forward", "back": "back",
        "everyone": "everyone", "choose": "star"}.get(kind.special, "card")
    return colour, icon


def text_stack(f: Frame, sections: list[tuple[str, str, float]], x: float, y: float, w: float, h: float) -> None:
    """Headed text sections one under another at the largest common size that fits the box (each section
    keeps its relative size); at the minimum size the last lines are cut with an ellipsis, never overflow."""
    p = f.p
    sections = [(head, body, size) for head, body, size in sections if body]
    if not sections:
        return
    layout = p.layout
    width = layout.px(w)
    shrink = 1.0
    while True:
        total = 0.0
        for head, body, size in sections:
            px = layout.font_px(size, shrink)
            lines = len(p.texts.wrap(body, px, False, width))
            total += (layout.to_units(layout.font_px(22, shrink) * 1.3) if head else 0)
            total += layout.to_units(lines * p.texts.line_height(px)) + GAP * 0.75
        if total <= h or shrink < 0.5:
            break
        shrink *= 0.94
    top, bottom = y, y + h
    for head, body, size in sections:
        if bottom - top < 20:
            break
        if head:
            hp = layout.to_units(layout.font_px(22, shrink))
            p.text(head, x, top, 22 * shrink, True, f.theme.accent, max_w=w)
            top += hp * 1.3
        px = layout.font_px(size, shrink)
        wrapped = p.texts.wrap(body, px, False, width)
        need = layout.to_units(len(wrapped) * p.texts.line_height(px))
        used = p.para(body, x, top, w, min(need + 2, bottom - top), size * shrink)
        top += used + GAP * 0.75


def dim_below(f: Frame) -> None:
    veil = pygame.Surface(f.p.surface.get_size(), pygame.SRCALPHA)
    veil.fill((0, 0, 0, 150))
    f.p.surface.blit(veil, (0, 0))
