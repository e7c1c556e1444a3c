"""The board itself (a serpentine path of squares with the pawns), its legend, the side panel with the die
and the scores, and the deck choice drawn over it."""

from __future__ import annotations

import math

import pygame

from barst.play.board import icons
from barst.play.board.look import (
    HINT_H,
    Frame,
    action_button,
    deck_look,
    dim_below,
    draw_hint,
    draw_icon,
    draw_symbol,
    ink_on,
    pack_title,
    rgb,
    square_look,
    status_line,
    topbar,
)
from barst.play.metrics import GAP, MARGIN, TOPBAR_H
from barst.play.theme import RGB


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


def draw_board(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    state = s.state
    topbar(f, pack_title(f), status_line(f))
    side_w = max(340.0, p.w * 0.27)
    legend_h = min(190.0, 102.0 + max(0.0, p.h - 720) * 0.4)  # a 4:3 projector has height to spare
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
        colour, icon = square_look(f, kind)
        pad = cell * 0.06
        rect = p.panel(gx + pad, gy + pad, cell - 2 * pad, cell - 2 * pad, colour, theme.text,
                       radius=cell * 0.14, width=3 if kind.special == "finish" else 1.5)
        ink = ink_on(colour)
        isize = cell * (0.62 if kind.special == "finish" else 0.44)
        top = gy + cell * (0.2 if kind.special != "finish" else 0.14)
        draw_icon(f, icon, gx + cell * 0.5 - isize * 0.38, top, isize, ink)
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
            draw_symbol(f, team.symbol, team.colour, px_, py_, size, (0, 0, 0))
    _legend(f, bx, by + bh + 6, bw, legend_h)
    _side(f, p.w - side_w - MARGIN * 0.6, by, side_w, p.h - by - HINT_H - 6)
    draw_hint(f, s.t("keys_board"))


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
            items.append(deck_look(f, deck))
    seen: set[str] = set()
    for kind in s.engine.squares:
        if kind.special in ("none", "start", "finish") or kind.special in seen:
            continue
        seen.add(kind.special)
        colour, icon = square_look(f, kind)
        items.append((colour, icon, s.text(kind.label).split(" — ")[-1]))
    per_row, rows = _legend_grid(f, [label for _, _, label in items], w, h)
    item_w = w / per_row
    row_h = h / rows
    for i, (colour, icon, label) in enumerate(items):
        row, col = divmod(i, per_row)
        ix, iy = x + col * item_w, y + row * row_h
        chip = row_h * 0.8
        p.panel(ix, iy + row_h * 0.1, chip, chip, colour, theme.text, radius=6, width=1)
        draw_icon(f, icon, ix + chip * 0.12, iy + row_h * 0.1 + chip * 0.12, chip * 0.76, ink_on(colour))
        p.para(label, ix + chip + 8, iy + 2, item_w - chip - 12, row_h - 2, 18, valign="middle")


def _legend_grid(f: Frame, labels: list[str], w: float, h: float) -> tuple[int, int]:
    """(per row, rows) for the legend: the fewest rows in which every label fits whole on its line (the
    smallest text size is a pixel minimum, so a small window has room for fewer labels per row)."""
    p = f.p
    if not labels:
        return 1, 1
    px = p.layout.font_px(18)
    widest = max(p.layout.to_units(p.texts.width(label, px, False)) for label in labels)
    for rows in range(1 if len(labels) <= 4 else 2, 5):
        per_row = math.ceil(len(labels) / rows)
        row_h = h / rows
        if row_h < 23:  # an 18-unit line and a little air
            break
        if w / per_row - row_h * 0.8 - 12 >= widest:
            return per_row, rows
    rows = max(1, min(4, int(h // 23)))
    return math.ceil(len(labels) / rows), rows


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
    draw_symbol(f, team.symbol, team.colour, ix, top, 56)
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
        action_button(f, s.t("roll"), ix, top, iw, 60, "roll", "", "forward", size=26, primary=True)
        top += 68
    if state.phase == "roll" and s.animation is None:
        used = p.para(s.t("roll_help", max=s.engine.rules.dice_sides), ix, top, iw, 96, 20, colour=theme.muted)
        top += used + 8
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
        draw_symbol(f, other.symbol, other.colour, ix, ry + row_h * 0.15, row_h * 0.62)
        p.text(other.name, ix + row_h * 0.8, ry + row_h * 0.14, min(26.0, row_h * 0.5), index == state.turn,
               max_w=iw * 0.55)
        p.text(s.t("points", n=other.score), ix + iw, ry + row_h * 0.14, min(26.0, row_h * 0.5), True,
               align="right", max_w=iw * 0.34)


def draw_choose(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    dim_below(f)
    decks = [deck for deck_id in s.state.decks if (deck := s.pack.deck(deck_id)) is not None]
    w, row = min(760.0, p.w - 2 * MARGIN), 70.0
    h = 110 + row * len(decks)
    x, y = (p.w - w) / 2, max(TOPBAR_H + 10, (p.h - h) / 2)
    p.panel(x, y, w, h, theme.background, theme.accent, width=3)
    p.text(s.t("choose_deck"), x + 24, y + 18, 34, True, max_w=w - 48)
    for i, deck in enumerate(decks):
        colour = rgb(deck.colour, theme.surface)
        ry = y + 80 + i * row
        action_button(f, s.text(deck.title), x + 24, ry, w - 48, row - 10, f"choose:{deck.id}", str(i + 1),
                       size=28)
        p.panel(x + w - 24 - 70, ry + 6, 58, row - 22, colour, theme.text, radius=6, width=1)
        draw_icon(f, deck.icon, x + w - 24 - 64, ry + 9, 46, ink_on(colour))
