"""Draw the board game's screens: setup, board, deck choice, card front and answer side, final ranking,
trainer panel, resume offer and the emergency exit. Everything is in logical units (the player's
`Layout`), drawn with the player's `Painter`, theme and cached text; icons are vector shapes (icons.py).
Colour never carries meaning alone: decks have an icon and a name, teams a symbol and a name, verdicts a
mark and a word.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from barst.engine import board as B
from barst.model import Card, Deck, SquareKind
from barst.play.board import icons
from barst.play.board.session import (
    COLOUR_NAMES,
    PANEL_ITEMS,
    SYMBOL_NAMES,
    BoardSession,
)
from barst.play.input import EXIT_KEY_LABEL
from barst.play.layout import Layout
from barst.play.metrics import EXIT_H, EXIT_W, GAP, MARGIN, TOPBAR_H
from barst.play.screens.safety import draw_pause
from barst.play.text import TextCache
from barst.play.theme import RGB, THEMES, Theme, hex_rgb
from barst.play.widgets import Button, Images, Painter

HINT_H = 34
VERDICT_KEYS = {"correct": "verdict_correct", "partly": "verdict_partly", "wrong": "verdict_wrong"}


@dataclass(slots=True)
class Frame:
    """Shared per-frame drawing state."""

    p: Painter
    s: BoardSession
    theme: Theme

    def cmd(self, name: str) -> Callable[[], None]:
        session = self.s
        return lambda: session.command(name)


def render(surface: pygame.Surface, session: BoardSession, texts: TextCache, images: Images) -> Painter:
    """Draw the current screen; returns the painter, whose `buttons` the app uses for clicks and touches."""
    width, height = surface.get_size()
    layout = Layout(width, height, session.text_size)
    theme = THEMES.get(session.theme, THEMES["normal"])
    painter = Painter(surface, layout, theme, texts, images)
    frame = Frame(painter, session, theme)
    if session.black:
        surface.fill((0, 0, 0))
        return painter
    if session.emergency:
        _emergency(frame)
        return painter
    screen = session.screen
    painter.fill()
    if screen == "resume":
        _setup_or_blank(frame, blank=True)
        _resume(frame)
    elif screen == "setup":
        _setup_or_blank(frame)
    elif screen in ("board", "choose"):
        _board(frame)
        if screen == "choose":
            _choose(frame)
    elif screen == "card":
        _card_front(frame)
    elif screen == "result":
        _card_answer(frame)
    else:
        _final(frame)
    if session.panel is not None:
        _panel(frame)
    return painter


# --- pieces ---------------------------------------------------------------------------------------


def _rgb(value: str | None, fallback: RGB) -> RGB:
    try:
        return hex_rgb(value) if value else fallback
    except ValueError:
        return fallback


def _ink(colour: RGB) -> RGB:
    r, g, b = (c / 255 for c in colour)
    lum = 0.2126 * r**2.2 + 0.7152 * g**2.2 + 0.0722 * b**2.2
    return (0, 0, 0) if lum > 0.2 else (255, 255, 255)


def _icon(f: Frame, name: str, x: float, y: float, size: float, colour: RGB) -> None:
    icons.draw_icon(f.p.surface, name, f.p.rect(x, y, size, size), colour)


def _symbol(f: Frame, symbol: str, colour: str, x: float, y: float, size: float, outline: RGB | None = None) -> None:
    icons.draw_symbol(f.p.surface, symbol, f.p.rect(x, y, size, size), _rgb(colour, f.theme.accent),
                      outline or f.theme.text)


def _topbar(f: Frame, title: str, status: str = "") -> None:
    p, theme = f.p, f.theme
    exit_left = p.w - MARGIN - EXIT_W - GAP
    status_w = 0.0
    if status:
        status_w = p.text(status, exit_left - GAP, 20, 26, True, theme.accent, "right", max_w=p.w * 0.3)
    p.text(title, MARGIN, 16, 30, True, max_w=exit_left - MARGIN - status_w - 3 * GAP)
    _exit_button(f)


def _exit_button(f: Frame) -> None:
    p = f.p
    rect = p.exit_button(f.s.t("exit"), EXIT_KEY_LABEL, p.w - MARGIN - EXIT_W, (TOPBAR_H - EXIT_H) / 2)
    p.buttons.append(_button(rect, f.cmd("emergency")))


def _button(rect: pygame.Rect, action: Callable[[], None]) -> Button:
    return Button(rect, action, 0, False)


def _hint(f: Frame, text: str) -> None:
    p = f.p
    p.para(text, MARGIN, p.h - HINT_H, p.w - 2 * MARGIN, HINT_H - 4, 20, colour=f.theme.muted, align="center")


def _action_button(f: Frame, label: str, x: float, y: float, w: float, h: float, command: str, key: str = "",
                   icon: str = "", primary: bool = False, size: float = 28) -> None:
    """A button with a key badge (a digit, a letter or a word like Enter), an optional icon and a label."""
    p, theme = f.p, f.theme
    fill = theme.surface_hi if primary else theme.surface
    rect = p.panel(x, y, w, h, fill, theme.accent if primary else theme.border, width=3 if primary else 2)
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
            _icon(f, icon, left, y + (h - isize) / 2, isize, theme.text)
        left += isize + 12
    p.para(label, left, y + 4, x + w - left - 12, h - 8, size, True, valign="middle")
    p.buttons.append(_button(rect, f.cmd(command)))


def _status(f: Frame) -> str:
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


def _title(f: Frame) -> str:
    """The pack's title and, for a pack with editions, which Community's edition this is (every screen)."""
    edition = f.s.pack.edition
    title = f.s.text(f.s.pack.title)
    return f"{title} — {f.s.text(edition.label)}" if edition is not None else title


def _deck_look(f: Frame, deck: Deck | None) -> tuple[RGB, str, str]:
    if deck is None:
        return f.theme.surface, "card", ""
    return _rgb(deck.colour, f.theme.surface), deck.icon, f.s.text(deck.title)


def _square_look(f: Frame, kind: SquareKind) -> tuple[RGB, str]:
    deck = f.s.pack.deck(kind.deck) if kind.deck else None
    colour = _rgb(kind.colour or (deck.colour if deck else None), f.theme.surface_hi)
    icon = kind.icon or (deck.icon if deck else "") or {
        "start": "flag", "finish": "door", "skip": "pause", "ahead": "forward", "back": "back",
        "everyone": "everyone", "choose": "star"}.get(kind.special, "card")
    return colour, icon


def _stack(f: Frame, sections: list[tuple[str, str, float]], x: float, y: float, w: float, h: float) -> None:
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


# --- setup ----------------------------------------------------------------------------------------


def _setup_or_blank(f: Frame, blank: bool = False) -> None:
    p, s, theme = f.p, f.s, f.theme
    _topbar(f, _title(f))
    if blank:
        return
    setup = s.setup
    fields = setup.fields(s.pack)
    focused = fields[min(setup.focus, len(fields) - 1)]
    p.text(s.t("setup_title"), MARGIN, TOPBAR_H + 6, 36, True)
    top: float = TOPBAR_H + 62
    col_w = (p.w - 2 * MARGIN - 2 * GAP) * 0.56
    right_x = MARGIN + col_w + 2 * GAP
    right_w = p.w - MARGIN - right_x
    p.text(s.t("teams"), MARGIN, top, 26, True, theme.muted)
    row_h = min(62.0, (p.h - top - 40 - HINT_H - 80) / max(6, len(setup.teams)))
    y: float = top + 38
    for index, team in enumerate(setup.teams):
        colour = B.DEFAULT_COLOURS[team.colour]
        symbol = B.DEFAULT_SYMBOLS[team.symbol]
        _symbol(f, symbol, colour, MARGIN, y + row_h * 0.12, row_h * 0.76)
        name_w = col_w * 0.36  # leaves the colour and symbol words room to stay whole
        x = MARGIN + row_h + 8
        name = (setup.buffer + "|") if setup.editing and focused == f"team.{index}.name" else team.name
        _field(f, f"team.{index}.name", name, x, y, name_w, row_h - 8, focused)
        x += name_w + 8
        part_w = (col_w - (x - MARGIN) - 16) / 2
        _field(f, f"team.{index}.colour", s.t(COLOUR_NAMES[team.colour]), x, y, part_w, row_h - 8, focused,
               swatch=colour)
        _field(f, f"team.{index}.symbol", s.t(SYMBOL_NAMES[symbol]), x + part_w + 8, y, part_w, row_h - 8,
               focused, symbol=symbol)
        y += row_h
    if len(setup.teams) < s.engine.rules.teams_max:
        _field(f, "add", "+ " + s.t("add_team"), MARGIN, y + 4, col_w * 0.6, row_h - 8, focused)
    # language and start sit under the teams, so the decks on the right get rows of a readable height
    from barst.text import LANGUAGE_NAMES

    y_left = max(y + row_h + 16, p.h - HINT_H - 150)
    p.text(s.t("language"), MARGIN, y_left + 10, 24, True, theme.muted)
    _field(f, "lang", "← " + LANGUAGE_NAMES.get(s.lang, s.lang) + " →", MARGIN + col_w * 0.3, y_left,
           col_w * 0.7, 48, focused)
    _field(f, "start", s.t("start"), MARGIN, y_left + 58, col_w, 60, focused, primary=True)
    note = s.missing_language_note()
    if setup.error:
        p.para(setup.error, right_x, p.h - HINT_H - 60, right_w, 50, 22, True, theme.bad)
    elif note:  # the pack lacks the language asked for: said here, before the game starts
        p.para(note, right_x, p.h - HINT_H - 60, right_w, 50, 20, False, theme.accent)
    if s.notice:  # a save kept aside: under the teams when there is room, else where an error would go
        room = y_left - (y + row_h + 8) - 8
        if room >= 56:
            p.para(s.notice, MARGIN, y + row_h + 8, col_w, min(room, 90), 20, colour=theme.muted)
        elif not setup.error and not note:
            p.para(s.notice, right_x, p.h - HINT_H - 60, right_w, 56, 18, colour=theme.muted)
    # right column: length, decks, language, start
    y = top
    p.text(s.t("mode"), right_x, y, 26, True, theme.muted)
    y += 38
    # The first field picks how the game ends, the second how long: each says only its own part.
    mode_label = {"time": s.t("mode_kind_time"), "rounds": s.t("mode_kind_rounds"), "door": s.t("mode_door")}
    _field(f, "mode", "← " + mode_label[setup.mode] + " →", right_x, y, right_w, 50, focused)
    y += 58
    if setup.mode != "door":
        amount = (s.t("mode_time", n=setup.minutes) if setup.mode == "time"
                  else s.t("mode_rounds", n=setup.rounds))
        _field(f, "amount", f"−  {amount}  +", right_x, y, right_w * 0.6, 50, focused)
        y += 58
    p.text(s.t("decks"), right_x, y + 4, 26, True, theme.muted)
    y += 40
    deck_h = min(58.0, (p.h - y - HINT_H - 70) / max(1, len(s.pack.decks)))
    for deck in s.pack.decks:
        on = deck.id in setup.decks
        _field(f, f"deck.{deck.id}", s.text(deck.title), right_x, y, right_w, deck_h - 6, focused,
               deck=deck, on=on)
        y += deck_h
    _hint(f, s.t("editing") if setup.editing else s.t("setup_help"))


def _field(f: Frame, field_id: str, label: str, x: float, y: float, w: float, h: float, focused: str,
           swatch: str = "", symbol: str = "", deck: Deck | None = None, on: bool = False,
           primary: bool = False) -> None:
    p, theme = f.p, f.theme
    is_focus = field_id == focused
    fill = theme.surface_hi if is_focus or primary else theme.surface
    rect = p.panel(x, y, w, h, fill, theme.accent if is_focus else theme.border, width=4 if is_focus else 2)
    left = x + 12
    if swatch:
        p.panel(left, y + h * 0.2, h * 0.6, h * 0.6, _rgb(swatch, theme.accent), theme.text, radius=6)
        left += h * 0.6 + 10
    if symbol:
        icons.draw_symbol(p.surface, symbol, p.rect(left, y + h * 0.2, h * 0.6, h * 0.6), theme.text, theme.text)
        left += h * 0.6 + 10
    if deck is not None:
        mark = p.rect(left, y + h * 0.18, h * 0.64, h * 0.64)
        pygame.draw.rect(p.surface, theme.text, mark, max(2, p.layout.px(3)), border_radius=4)
        if on:
            icons.draw_verdict(p.surface, "correct", mark, theme.text)
        left += h * 0.64 + 10
        colour = _rgb(deck.colour, theme.surface)
        chip = p.rect(left, y + h * 0.12, h * 0.76, h * 0.76)
        pygame.draw.rect(p.surface, colour, chip, border_radius=6)
        icons.draw_icon(p.surface, deck.icon, chip.inflate(-chip.width // 6, -chip.height // 6), _ink(colour))
        left += h * 0.76 + 10
    if is_focus:
        pygame.draw.rect(p.surface, theme.accent, p.rect(x + 3, y + 8, 5, h - 16))
    colour = theme.text if (deck is None or on) else theme.muted
    p.para(label, left, y + 2, x + w - left - 8, h - 4, 24, primary or is_focus, colour,
           "center" if primary else "left", "middle")
    p.buttons.append(_button(rect, f.cmd(f"focus:{field_id}")))


# --- the board ------------------------------------------------------------------------------------


def board_geometry(n: int, x: float, y: float, w: float, h: float) -> list[tuple[float, float, float]]:
    """(x, y, size) of each square on a serpentine path filling the box, start top-left."""
    cols = max(1, min(n, math.ceil(math.sqrt(n * w / max(h, 1)))))
    rows = math.ceil(n / cols)
    cell = min(w / cols, h / rows)
    left = x + (w - cell * cols) / 2
    top = y + (h - cell * rows) / 2
    out = []
    for i in range(n):
        row, col = divmod(i, cols)
        if row % 2 == 1:
            col = cols - 1 - col
        out.append((left + col * cell, top + row * cell, cell))
    return out


def _board(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    state = s.state
    _topbar(f, _title(f), _status(f))
    side_w = max(340.0, p.w * 0.27)
    legend_h = 102.0
    bx, by = MARGIN * 0.6, TOPBAR_H + 6
    bw = p.w - side_w - bx - GAP - MARGIN * 0.6
    bh = p.h - by - legend_h - HINT_H - 6
    squares = s.engine.squares
    geometry = board_geometry(len(squares), bx, by, bw, bh)
    # the path
    centres = [p.layout.rect(gx + c / 2, gy + c / 2, 0, 0).topleft for gx, gy, c in geometry]
    if len(centres) > 1:
        pygame.draw.lines(p.surface, theme.border, False, centres, max(3, p.layout.px(geometry[0][2] * 0.12)))
    positions = _positions(f)
    for index, (kind, (gx, gy, cell)) in enumerate(zip(squares, geometry, strict=True)):
        colour, icon = _square_look(f, kind)
        pad = cell * 0.06
        rect = p.panel(gx + pad, gy + pad, cell - 2 * pad, cell - 2 * pad, colour, theme.text,
                       radius=cell * 0.14, width=3 if kind.special == "finish" else 1.5)
        ink = _ink(colour)
        isize = cell * (0.62 if kind.special == "finish" else 0.44)
        _icon(f, icon, gx + cell * 0.5 - isize * 0.38, gy + cell * (0.2 if kind.special != "finish" else 0.14), isize,
              ink)
        p.text(str(index + 1), gx + pad + cell * 0.05, gy + pad, max(14.0, cell * 0.19), True, ink)
        del rect
    # pawns
    by_square: dict[int, list[int]] = {}
    for team_index, position in enumerate(positions):
        by_square.setdefault(position, []).append(team_index)
    for position, teams in by_square.items():
        gx, gy, cell = geometry[min(position, len(geometry) - 1)]
        size = cell * (0.34 if len(teams) <= 3 else 0.27)
        per_row = 3
        for k, team_index in enumerate(teams):
            row, col = divmod(k, per_row)
            in_row = min(per_row, len(teams) - row * per_row)
            px_ = gx + cell / 2 - in_row * size * 0.5 + col * size
            py_ = gy + cell - size * (1.1 + row * 0.9) - cell * 0.04
            team = state.teams[team_index]
            if team_index == state.turn:
                ring = p.rect(px_ - size * 0.12, py_ - size * 0.12, size * 1.24, size * 1.24)
                pygame.draw.ellipse(p.surface, theme.accent, ring, max(2, p.layout.px(4)))
            _symbol(f, team.symbol, team.colour, px_, py_, size, (0, 0, 0))
    _legend(f, bx, by + bh + 6, bw, legend_h)
    _side(f, p.w - side_w - MARGIN * 0.6, by, side_w, p.h - by - HINT_H - 6)
    _hint(f, s.t("keys_board"))


def _positions(f: Frame) -> list[int]:
    """Where the pawns stand; while the die still tumbles, where they stood before the roll."""
    s = f.s
    kind, _ = s.animation_progress()
    if kind == "roll" and s.state.history:
        before = s.state.history[-1].get("teams", [])
        if len(before) == len(s.state.teams):
            return [int(team["position"]) for team in before]
    return [team.position for team in s.state.teams]


def _legend(f: Frame, x: float, y: float, w: float, h: float) -> None:
    p, s, theme = f.p, f.s, f.theme
    items: list[tuple[RGB, str, str]] = []
    for deck_id in s.state.decks:
        deck = s.pack.deck(deck_id)
        if deck is not None:
            items.append(_deck_look(f, deck))
    seen: set[str] = set()
    for kind in s.engine.squares:
        if kind.special in ("none", "start", "finish") or kind.special in seen:
            continue
        seen.add(kind.special)
        colour, icon = _square_look(f, kind)
        items.append((colour, icon, s.text(kind.label).split(" — ")[-1]))
    per_row = math.ceil(len(items) / 2) if len(items) > 4 else max(1, len(items))
    rows = math.ceil(len(items) / per_row) if items else 1
    item_w = w / per_row
    row_h = h / rows
    for i, (colour, icon, label) in enumerate(items):
        row, col = divmod(i, per_row)
        ix, iy = x + col * item_w, y + row * row_h
        chip = row_h * 0.8
        p.panel(ix, iy + row_h * 0.1, chip, chip, colour, theme.text, radius=6, width=1)
        _icon(f, icon, ix + chip * 0.12, iy + row_h * 0.1 + chip * 0.12, chip * 0.76, _ink(colour))
        p.para(label, ix + chip + 8, iy + 2, item_w - chip - 12, row_h - 2, 18, valign="middle")


def _side(f: Frame, x: float, y: float, w: float, h: float) -> None:
    p, s, theme = f.p, f.s, f.theme
    state = s.state
    p.panel(x, y, w, h, theme.surface, theme.border)
    pad = 18
    ix, iw = x + pad, w - 2 * pad
    top = y + pad
    if state.phase == "over" or not state.teams:
        return
    team = state.teams[state.turn]
    p.text(s.t("turn_of", team=""), ix, top, 22, False, theme.muted, max_w=iw)
    top += 30
    _symbol(f, team.symbol, team.colour, ix, top, 56)
    p.para(team.name, ix + 68, top, iw - 68, 60, 34, True, valign="middle")
    top += 72
    # the die
    kind, progress = s.animation_progress()
    value = state.last_roll or 0
    if kind == "roll" and s.animation is not None:
        value = 1 + (int(progress * 14) * 5 + 3) % 6 if progress < 0.85 else s.animation.value
    die = 96.0
    angle_box = p.rect(ix, top, die, die)
    if value:
        icons.draw_die(p.surface, value, angle_box, (250, 250, 250), (20, 20, 20), theme.border)
        p.text(str(value), ix + die + 16, top + 14, 56, True)
    else:
        pygame.draw.rect(p.surface, theme.border, angle_box, max(2, p.layout.px(3)), border_radius=p.layout.px(16))
    top += die + 10
    if state.phase == "roll" and s.animation is None:
        _action_button(f, s.t("roll"), ix, top, iw, 60, "roll", "", "forward", size=26, primary=True)
        top += 68
    if state.phase == "roll" and s.animation is None:
        p.para(s.t("roll_help", max=s.engine.rules.dice_sides), ix, top, iw, 52, 20, colour=theme.muted)
        top += 56
    elif kind == "roll":
        p.text(s.t("rolling"), ix, top, 22, colour=theme.muted, max_w=iw)
        top += 34
    if s.message:
        used = p.para(s.message, ix, top, iw, 84, 22, colour=theme.text)
        top += used + 10
    # scores, in turn order
    p.text(s.t("scores"), ix, top, 24, True, theme.accent)
    top += 34
    row_h = min(48.0, (y + h - top - pad) / max(1, len(state.teams)))
    for index, other in enumerate(state.teams):
        ry = top + index * row_h
        if index == state.turn:
            p.panel(ix - 8, ry, iw + 16, row_h - 4, theme.surface_hi, theme.accent, radius=8, width=2)
        _symbol(f, other.symbol, other.colour, ix, ry + row_h * 0.15, row_h * 0.62)
        p.text(other.name, ix + row_h * 0.8, ry + row_h * 0.14, min(26.0, row_h * 0.5), index == state.turn,
               max_w=iw * 0.55)
        p.text(s.t("points", n=other.score), ix + iw, ry + row_h * 0.14, min(26.0, row_h * 0.5), True,
               align="right", max_w=iw * 0.34)


def _choose(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    _dim(f)
    decks = [deck for deck_id in s.state.decks if (deck := s.pack.deck(deck_id)) is not None]
    w, row = min(760.0, p.w - 2 * MARGIN), 70.0
    h = 110 + row * len(decks)
    x, y = (p.w - w) / 2, max(TOPBAR_H + 10, (p.h - h) / 2)
    p.panel(x, y, w, h, theme.background, theme.accent, width=3)
    p.text(s.t("choose_deck"), x + 24, y + 18, 34, True, max_w=w - 48)
    for i, deck in enumerate(decks):
        colour = _rgb(deck.colour, theme.surface)
        ry = y + 80 + i * row
        _action_button(f, s.text(deck.title), x + 24, ry, w - 48, row - 10, f"choose:{deck.id}", str(i + 1),
                       size=28)
        p.panel(x + w - 24 - 70, ry + 6, 58, row - 22, colour, theme.text, radius=6, width=1)
        _icon(f, deck.icon, x + w - 24 - 64, ry + 9, 46, _ink(colour))


def _dim(f: Frame) -> None:
    veil = pygame.Surface(f.p.surface.get_size(), pygame.SRCALPHA)
    veil.fill((0, 0, 0, 150))
    f.p.surface.blit(veil, (0, 0))


# --- cards ----------------------------------------------------------------------------------------


def _card_frame(f: Frame, card: Card, side: str) -> tuple[float, float, float, float]:
    """The card outline and its header band; returns the body box (x, y, w, h)."""
    p, s, theme = f.p, f.s, f.theme
    _topbar(f, _title(f), _status(f))
    deck = s.deck_of(card)
    colour, icon, title = _deck_look(f, deck)
    x, y = MARGIN * 0.6, TOPBAR_H + 4
    w, h = p.w - 2 * x, p.h - y - HINT_H - 6
    p.panel(x, y, w, h, theme.surface, colour, radius=18, width=6)
    band = 66.0
    pygame.draw.rect(p.surface, colour, p.rect(x, y, w, band), border_top_left_radius=p.layout.px(18),
                     border_top_right_radius=p.layout.px(18))
    ink = _ink(colour)
    _icon(f, icon, x + 16, y + 8, band - 16, ink)
    used = p.text(title, x + band + 14, y + 12, 32, True, ink, max_w=w * 0.3)
    p.text(s.t(side), x + band + 14 + used + 20, y + 18, 24, False, ink, max_w=w * 0.18)
    right = x + w - 20
    if s.state.everyone:
        label = s.t("everyone")
        tw = min(w * 0.24, p.layout.to_units(p.texts.width(label, p.layout.font_px(24), True)))
        p.text(label, right, y + 17, 24, True, ink, "right", max_w=w * 0.24)
        _icon(f, "everyone", right - tw - 50, y + 10, 44, ink)
        right -= tw + 64
    if side == "card_front" and s.state.teams:
        team = s.state.teams[s.answering_team()]
        label = s.t("answering", team=team.name) if s.state.everyone else team.name
        tw = min(w * 0.26, p.layout.to_units(p.texts.width(label, p.layout.font_px(26), True)))
        p.panel(right - tw - 70, y + 8, tw + 70, band - 16, theme.surface, theme.text, radius=(band - 16) / 2)
        _symbol(f, team.symbol, team.colour, right - tw - 62, y + 13, band - 26)
        p.text(label, right - 12, y + 15, 26, True, align="right", max_w=w * 0.26)
    return x + 28, y + band + 20, w - 56, h - band - 36


def _card_front(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    card = s.card()
    if card is None:
        return
    bx, by, bw, bh = _card_frame(f, card, "card_front")
    kind = s.card_type(card)
    buttons_h = 0.0
    if kind == "multiple_choice":
        rows = math.ceil(len(card.options) / 2)
        buttons_h = rows * 86 + 76
    elif kind == "true_false":
        buttons_h = 96 + 76
    else:
        buttons_h = 86 + 76
    text_h = bh - buttons_h
    prompt_w = bw * (0.6 if s.show_points and card.points else 1.0)
    top = by
    prompt = s.text(card.prompt)
    if kind == "quote":
        quote_deck = s.deck_of(card)
        _icon(f, "quote", bx, top, 52, _rgb(quote_deck.colour if quote_deck else None, theme.accent))
        indent = 66.0
        quote_by = s.t("quote_by", who=s.text(card.quote_by)) if card.quote_by else ""
        question = s.text(card.question)
        used = p.para(prompt, bx + indent, top, prompt_w - indent, text_h * 0.6, 36)
        top += used + 8
        if quote_by:
            p.text(quote_by, bx + indent, top, 26, True, theme.muted, max_w=prompt_w - indent)
            top += 44
        if question:
            p.para(question, bx, top, prompt_w, by + text_h - top, 32, True)
    else:
        question = s.text(card.question)
        share = 0.72 if question else 1.0
        big = kind in ("true_false", "multiple_choice")
        used = p.para(prompt, bx, top, prompt_w, text_h * share - 10, 44 if kind == "true_false" else 36 if big else 34,
                      big, valign="middle" if kind == "true_false" and not question else "top")
        top += used + 16
        if question:
            p.para(question, bx, top, prompt_w, by + text_h - top, 32, True, theme.accent)
    if s.show_points and card.points:
        px = bx + prompt_w + 24
        pw = bw - prompt_w - 24
        p.panel(px - 12, by - 6, pw + 12, text_h, theme.background, theme.border)
        body = "\n".join("• " + s.text(point) for point in card.points)
        _stack(f, [(s.t("good_points"), body, 24)], px, by + 4, pw - 12, text_h - 20)
    # answers / judging
    y = by + bh - buttons_h + 10
    if kind == "true_false":
        half = (bw - GAP) / 2
        _action_button(f, s.t("answer_true"), bx, y, half, 86, "true", "1", "correct", size=34)
        _action_button(f, s.t("answer_false"), bx + half + GAP, y, half, 86, "false", "2", "wrong", size=34)
    elif kind == "multiple_choice":
        half = (bw - GAP) / 2
        for i, option in enumerate(card.options):
            row, col = divmod(i, 2)
            _action_button(f, s.text(option.text), bx + col * (half + GAP), y + row * 86, half, 76,
                           f"option:{option.id}", option.id.upper(), size=24)
    else:
        third = (bw - 3 * GAP) / 4
        for i, verdict in enumerate(("correct", "partly", "wrong")):
            _action_button(f, s.t(f"judge_{verdict}"), bx + i * (third + GAP), y, third, 76, f"judge:{verdict}",
                           str(i + 1), verdict, size=28)
        _action_button(f, s.t("show_points"), bx + 3 * (third + GAP), y, third, 76, "points", "P", size=20)
    yb = by + bh - 62
    _action_button(f, s.t("stop_card"), bx + bw - 330, yb, 330, 58, "stop", "S", "hand", size=26)
    p.para(s.t("stop_help"), bx, yb + 4, bw - 360, 54, 20, colour=theme.muted, valign="middle")
    _hint(f, s.t("keys_card_open") if not s.is_closed(card) else s.t("keys_card_closed"))


def _card_answer(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    card = s.card()
    if card is None:
        return
    bx, by, bw, bh = _card_frame(f, card, "card_answer")
    kind = s.card_type(card)
    top = by
    # verdicts per team: symbol, name, mark, word, points (beside the Next button, up to 3 per row)
    results = [(int(team), verdict) for team, verdict in s.state.results.items()]
    scoring = s.engine.rules.scoring
    cols = min(3, max(1, len(results)))
    rows = math.ceil(len(results) / cols) if results else 1
    row_h = 50.0
    cell_w = (bw - 400) / cols
    verdict_top = by + bh - rows * row_h - 4
    for i, (team_index, verdict) in enumerate(results):
        row, col = divmod(i, cols)
        cx, cy = bx + col * cell_w, verdict_top + row * row_h
        team = s.state.teams[team_index]
        _symbol(f, team.symbol, team.colour, cx, cy + 6, 40)
        colour = {"correct": theme.good, "partly": theme.mixed, "wrong": theme.bad}.get(verdict, theme.text)
        icons.draw_verdict(p.surface, verdict, p.rect(cx + 50, cy + 4, 44, 44), colour)
        points = getattr(scoring, verdict, 0)
        given = s.state.answers.get(str(team_index))
        chose = f" — {s.t('team_chose', answer=_answer_word(s, given))}" if given else ""
        p.text(f"{team.name}: {s.t(VERDICT_KEYS.get(verdict, verdict))} (+{points}){chose}", cx + 104, cy + 8,
               26 if cols < 3 else 22, True, max_w=cell_w - 114)
    line_y = verdict_top - 10
    pygame.draw.line(p.surface, theme.border, p.rect(bx, line_y, 0, 0).topleft,
                     p.rect(bx + bw, line_y, 0, 0).topleft, 2)
    avail = line_y - top - 8
    source = card.source or ""
    if kind in ("true_false", "multiple_choice"):
        if kind == "true_false":
            right = s.t("answer_true") if card.answer else s.t("answer_false")
        else:
            right = " · ".join(f"{o.id.upper()}: {s.text(o.text)}" for o in card.options if o.correct)
        used = p.para(s.t("right_answer", answer=right), bx, top, bw, min(avail * 0.35, 100), 32, True,
                      theme.accent)
        top += used + 14
        _stack(f, [(s.t("explanation"), s.text(card.explanation), 30), (s.t("source"), source, 22)],
               bx, top, bw, line_y - top - 8)
    else:
        half = (bw - 2 * GAP) / 2
        points = "\n".join("• " + s.text(point) for point in card.points)
        _stack(f, [(s.t("good_points"), points, 28)], bx, top, half, avail)
        _stack(f, [(s.t("model_answer"), s.text(card.model_answer), 26),
                   (s.t("explanation"), s.text(card.explanation), 26), (s.t("source"), source, 20)],
               bx + half + 2 * GAP, top, half, avail)
    _action_button(f, s.t("next_turn"), bx + bw - 380, by + bh - 62, 380, 60, "next", "Enter", "forward",
                   primary=True, size=28)
    _hint(f, s.t("keys_result"))


# --- final ----------------------------------------------------------------------------------------


def _final(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    state = s.state
    _topbar(f, _title(f))
    p.text(s.t("final_title"), MARGIN, TOPBAR_H + 4, 44, True)
    reason = _over_reason(f)
    p.para(reason, MARGIN, TOPBAR_H + 62, p.w * 0.42, 40, 24, colour=theme.muted)
    top = TOPBAR_H + 112
    left_w = p.w * 0.42
    p.text(s.t("ranking"), MARGIN, top, 28, True, theme.accent)
    top += 42
    order = s.engine.ranking(state) if state.teams else []
    row_h = min(74.0, (p.h - top - HINT_H - 10) / max(1, len(order)))
    for place, index in enumerate(order, 1):
        team = state.teams[index]
        ry = top + (place - 1) * row_h
        p.panel(MARGIN, ry, left_w, row_h - 8, theme.surface_hi if place == 1 else theme.surface, theme.border)
        size = min(34.0, row_h * 0.5)
        p.text(s.t("place", n=place), MARGIN + 14, ry + (row_h - 8 - size * 1.2) / 2, size, True)
        _symbol(f, team.symbol, team.colour, MARGIN + 64, ry + row_h * 0.14, row_h * 0.56)
        if place == 1:
            _icon(f, "star", MARGIN + left_w - 56, ry + row_h * 0.1, row_h * 0.62, theme.accent)
        p.text(team.name, MARGIN + 74 + row_h * 0.6, ry + (row_h - 8 - size * 1.2) / 2, size, True,
               max_w=left_w * 0.45)
        p.text(s.t("points", n=team.score), MARGIN + left_w - 70, ry + (row_h - 8 - size * 1.2) / 2, size,
               True, align="right", max_w=left_w * 0.3)
    # key messages
    rx = MARGIN + left_w + 2 * GAP
    rw = p.w - MARGIN - rx
    ry = TOPBAR_H + 4
    p.panel(rx - 16, ry, rw + 16, p.h - ry - HINT_H - 6, theme.surface, theme.accent, width=3)
    p.text(s.t("key_messages"), rx, ry + 12, 32, True, theme.accent, max_w=rw - 16)
    keys = ("msg_1712", "msg_caw", "msg_vk", "msg_veilig_huis", "msg_police", "msg_secrecy")
    body_top = ry + 64
    _stack(f, [("", "• " + s.t(key), 24) for key in keys], rx, body_top, rw - 24, p.h - body_top - HINT_H - 20)
    _hint(f, s.t("keys_final"))


def _over_reason(f: Frame) -> str:
    s = f.s
    state = s.state
    reason = state.over_reason
    if reason == "first_home":
        home = next((team.name for team in state.teams if team.finished), "")
        return s.t("over_door", team=home)
    return s.t({"time": "over_time", "rounds": "over_rounds", "trainer": "over_trainer",
                "all_home": "over_all_home"}.get(reason, "over_trainer"))


# --- overlays -------------------------------------------------------------------------------------


def _panel(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    panel = s.panel
    assert panel is not None
    _dim(f)
    w = min(720.0, p.w - 2 * MARGIN)
    row = 58.0
    h = 100 + row * len(PANEL_ITEMS) + 90
    x, y = (p.w - w) / 2, max(TOPBAR_H, (p.h - h) / 2)
    p.panel(x, y, w, h, theme.background, theme.accent, width=3)
    p.text(s.t("panel_title"), x + 24, y + 16, 34, True, max_w=w - 48)
    labels = {
        "add": s.t("panel_add"), "rename": s.t("panel_rename"), "undo": s.t("panel_undo"),
        "end": s.t("panel_end"), "theme": s.t("panel_theme", theme=s.t(f"theme_{s.theme}")),
        "text": s.t("panel_text", size=s.t({"small": "text_small", "normal": "text_medium",
                                                "large": "text_large"}[s.text_size])),
        "close": s.t("panel_close"),
    }
    for i, item in enumerate(PANEL_ITEMS):
        ry = y + 74 + i * row
        focus = i == panel.focus
        rect = p.panel(x + 24, ry, w - 48, row - 8, theme.surface_hi if focus else theme.surface,
                       theme.accent if focus else theme.border, width=4 if focus else 2)
        if focus:
            pygame.draw.rect(p.surface, theme.accent, p.rect(x + 28, ry + 8, 5, row - 24))
        p.para(labels[item], x + 44, ry + 2, w - 88, row - 12, 26, focus, valign="middle")
        p.buttons.append(_button(rect, f.cmd(f"item:{item}")))
    py = y + 80 + row * len(PANEL_ITEMS)
    if panel.prompt == "add":
        p.para(f"{s.t('new_team_name')} {panel.buffer}|", x + 24, py, w - 48, 40, 26, True, theme.accent)
    elif panel.prompt == "rename_pick":
        names = " · ".join(f"{i + 1} {team.name}" for i, team in enumerate(s.state.teams))
        p.para(f"{s.t('rename_which')} {names}", x + 24, py, w - 48, 70, 22, True, theme.accent)
    elif panel.prompt == "rename":
        team = s.state.teams[panel.team].name
        p.para(f"{s.t('rename_to', team=team)} {panel.buffer}|", x + 24, py, w - 48, 40, 26, True, theme.accent)
    elif s.message:
        p.para(s.message, x + 24, py, w - 48, 40, 22, colour=theme.muted)
    p.para(s.t("panel_help"), x + 24, y + h - 34, w - 48, 30, 20, colour=theme.muted)


def _resume(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    offer = s.resume_offer
    assert offer is not None
    import time

    when = time.strftime("%d/%m %H:%M", time.localtime(offer.saved_at)) if offer.saved_at else "?"
    w, h = min(900.0, p.w - 2 * MARGIN), 330.0 + (56 if s.notice else 0)
    x, y = (p.w - w) / 2, (p.h - h) / 2
    p.panel(x, y, w, h, theme.surface, theme.accent, width=3)
    p.para(s.t("resume_title"), x + 30, y + 24, w - 60, 50, 36, True)
    p.para(s.t("resume_text", teams=len(offer.state.teams), round=offer.state.round, when=when), x + 30, y + 86,
           w - 60, 70, 28)
    names = " · ".join(f"{team.name} {team.score}" for team in offer.state.teams)
    p.para(names, x + 30, y + 150, w - 60, 40, 22, colour=theme.muted)
    if s.notice:
        p.para(s.notice, x + 30, y + 192, w - 60, 84, 20, colour=theme.muted)
    half = (w - 60 - GAP) / 2
    _action_button(f, s.t("resume_yes"), x + 30, y + h - 100, half, 72, "resume", "", "forward", True)
    _action_button(f, s.t("resume_no"), x + 30 + half + GAP, y + h - 100, half, 72, "new", "", "flag")


def _emergency(f: Frame) -> None:
    p, s = f.p, f.s
    draw_pause(p, s.t, s.text, s.exit_lines())
    p.button(s.t("emergency_back"), p.w - MARGIN - 560, p.h - 96, 560, 70, f.cmd("back"), size=26, bold=True,
             focusable=False, primary=True, align="center")


def _answer_word(s: BoardSession, given: str) -> str:
    """What a team answered, as shown on the card: Waar/Niet waar, or the option letter."""
    if given in ("true", "false"):
        return s.t("answer_true" if given == "true" else "answer_false")
    return given.upper()
