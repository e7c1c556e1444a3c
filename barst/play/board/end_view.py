"""The final ranking with the key messages, and the board game's trainer panel."""

from __future__ import annotations

import pygame

from barst.play.board.look import (
    HINT_H,
    Frame,
    dim_below,
    draw_hint,
    draw_icon,
    draw_symbol,
    pack_title,
    plain_button,
    text_stack,
    topbar,
)
from barst.play.board.session import PANEL_ITEMS
from barst.play.metrics import FINAL_KEY_SIZE, FINAL_KEYS_BODY_TOP, FINAL_RANKING_SHARE, GAP, MARGIN, TOPBAR_H


def draw_final(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    state = s.state
    topbar(f, pack_title(f))
    # The title, the reason and the ranking's heading move down as the text size grows, so a large text
    # size never draws the heading under the first row.
    p.text(s.t("final_title"), MARGIN, TOPBAR_H + 4, 44, True)
    reason = _over_reason(f)
    reason_top = TOPBAR_H + 4 + max(58.0, _line_units(f, 44))
    p.para(reason, MARGIN, reason_top, p.w * FINAL_RANKING_SHARE, 40, 24, colour=theme.muted)
    top = reason_top + max(50.0, _line_units(f, 24) + 14)
    left_w = p.w * FINAL_RANKING_SHARE
    p.text(s.t("ranking"), MARGIN, top, 28, True, theme.accent)
    top += max(42.0, _line_units(f, 28) + 4)
    order = s.engine.ranking(state) if state.teams else []
    row_h = min(74.0, (p.h - top - HINT_H - 10) / max(1, len(order)))
    for place, index in enumerate(order, 1):
        team = state.teams[index]
        ry = top + (place - 1) * row_h
        p.panel(MARGIN, ry, left_w, row_h - 8, theme.surface_hi if place == 1 else theme.surface, theme.border)
        size = min(34.0, row_h * 0.5)
        p.text(s.t("place", n=place), MARGIN + 14, ry + (row_h - 8 - size * 1.2) / 2, size, True)
        draw_symbol(f, team.symbol, team.colour, MARGIN + 64, ry + row_h * 0.14, row_h * 0.56)
        if place == 1:
            draw_icon(f, "star", MARGIN + left_w - 56, ry + row_h * 0.1, row_h * 0.62, theme.accent)
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
    body_top = ry + FINAL_KEYS_BODY_TOP  # the same box as barst.play.textboxes.key_messages_area (B070)
    text_stack(f, [("", "• " + line, FINAL_KEY_SIZE) for line in s.key_messages()], rx, body_top, rw - 24,
               p.h - body_top - HINT_H - 20)
    draw_hint(f, s.t("keys_final"))


def _line_units(f: Frame, size: float) -> float:
    """The height one line of a text of `size` takes at the chosen text step, with its descenders."""
    layout = f.p.layout
    return layout.to_units(layout.font_px(size)) * 1.3


def _over_reason(f: Frame) -> str:
    s = f.s
    state = s.state
    reason = state.over_reason
    if reason == "first_home":
        home = next((team.name for team in state.teams if team.finished), "")
        return s.t("over_door", team=home)
    return s.t({"time": "over_time", "rounds": "over_rounds", "trainer": "over_trainer",
                "all_home": "over_all_home"}.get(reason, "over_trainer"))


def draw_panel(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    panel = s.panel
    assert panel is not None
    dim_below(f)
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
        p.buttons.append(plain_button(rect, f.cmd(f"item:{item}")))
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
