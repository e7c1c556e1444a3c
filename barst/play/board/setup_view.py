"""The board game's setup (teams, length, decks, language) and the offer to resume a saved game."""

from __future__ import annotations

import time

import pygame

from barst.engine import board as B
from barst.model import Deck
from barst.play.board import icons
from barst.play.board.look import (
    HINT_H,
    Frame,
    action_button,
    draw_hint,
    draw_symbol,
    ink_on,
    pack_title,
    plain_button,
    rgb,
    topbar,
)
from barst.play.board.session import COLOUR_NAMES, SYMBOL_NAMES
from barst.play.metrics import GAP, MARGIN, TOPBAR_H
from barst.text import LANGUAGE_NAMES


def draw_setup(f: Frame, blank: bool = False) -> None:
    p, s, theme = f.p, f.s, f.theme
    topbar(f, pack_title(f))
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
        draw_symbol(f, symbol, colour, MARGIN, y + row_h * 0.12, row_h * 0.76)
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
    draw_hint(f, s.t("editing") if setup.editing else s.t("setup_help"))


def _field(f: Frame, field_id: str, label: str, x: float, y: float, w: float, h: float, focused: str,
           swatch: str = "", symbol: str = "", deck: Deck | None = None, on: bool = False,
           primary: bool = False) -> None:
    p, theme = f.p, f.theme
    is_focus = field_id == focused
    fill = theme.surface_hi if is_focus or primary else theme.surface
    rect = p.panel(x, y, w, h, fill, theme.accent if is_focus else theme.border, width=4 if is_focus else 2)
    left = x + 12
    if swatch:
        p.panel(left, y + h * 0.2, h * 0.6, h * 0.6, rgb(swatch, theme.accent), theme.text, radius=6)
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
        colour = rgb(deck.colour, theme.surface)
        chip = p.rect(left, y + h * 0.12, h * 0.76, h * 0.76)
        pygame.draw.rect(p.surface, colour, chip, border_radius=6)
        icons.draw_icon(p.surface, deck.icon, chip.inflate(-chip.width // 6, -chip.height // 6), ink_on(colour))
        left += h * 0.76 + 10
    if is_focus:
        pygame.draw.rect(p.surface, theme.accent, p.rect(x + 3, y + 8, 5, h - 16))
    colour = theme.text if (deck is None or on) else theme.muted
    p.para(label, left, y + 2, x + w - left - 8, h - 4, 24, primary or is_focus, colour,
           "center" if primary else "left", "middle")
    p.buttons.append(plain_button(rect, f.cmd(f"focus:{field_id}")))


def draw_resume(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    offer = s.resume_offer
    assert offer is not None

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
    action_button(f, s.t("resume_yes"), x + 30, y + h - 100, half, 72, "resume", "", "forward", True)
    action_button(f, s.t("resume_no"), x + 30 + half + GAP, y + h - 100, half, 72, "new", "", "flag")
