"""A card's front (the question, the answers or the judging) and its answer side (the right answer, the
explanation, the source, and each team's verdict as a mark and a word)."""

from __future__ import annotations

import math

import pygame

from barst.model import Card
from barst.play.board import icons
from barst.play.board.look import (
    HINT_H,
    Frame,
    action_button,
    deck_look,
    draw_hint,
    draw_icon,
    draw_symbol,
    ink_on,
    pack_title,
    rgb,
    status_line,
    text_stack,
    topbar,
)
from barst.play.board.session import BoardSession
from barst.play.metrics import (
    CARD_BAND,
    CARD_BODY_BOTTOM,
    CARD_BODY_PAD,
    CARD_BODY_TOP,
    CARD_BUTTON_H,
    CARD_BUTTON_ROW,
    CARD_DECK_TITLE_SHARE,
    CARD_DECK_TITLE_SIZE,
    CARD_EXPLANATION_SIZE,
    CARD_INSET,
    CARD_OPTION_SIZE,
    CARD_POINTS_GAP,
    CARD_POINTS_SHARE,
    CARD_POINTS_SIZE,
    CARD_PROMPT_SIZE,
    CARD_PROMPT_SIZES,
    CARD_QUESTION_SHARE,
    CARD_QUESTION_SIZE,
    CARD_QUOTE_BY_H,
    CARD_QUOTE_BY_SIZE,
    CARD_QUOTE_INDENT,
    CARD_QUOTE_SHARE,
    CARD_QUOTE_SIZE,
    CARD_RIGHT_ANSWER_H,
    CARD_RIGHT_ANSWER_SHARE,
    CARD_RIGHT_ANSWER_SIZE,
    CARD_SOURCE_SIZE,
    CARD_STOP_ROW,
    CARD_TRUE_FALSE_ROW,
    CARD_VERDICT_ROW,
    GAP,
    OPEN_ANSWER_SIZE,
    OPEN_POINTS_SIZE,
    OPEN_SOURCE_SIZE,
    TOPBAR_H,
)

VERDICT_KEYS = {"correct": "verdict_correct", "partly": "verdict_partly", "wrong": "verdict_wrong"}


def _card_frame(f: Frame, card: Card, side: str) -> tuple[float, float, float, float]:
    """The card outline and its header band; returns the body box (x, y, w, h)."""
    p, s, theme = f.p, f.s, f.theme
    topbar(f, pack_title(f), status_line(f))
    deck = s.deck_of(card)
    colour, icon, title = deck_look(f, deck)
    x, y = CARD_INSET, TOPBAR_H + 4
    w, h = p.w - 2 * x, p.h - y - HINT_H - 6
    p.panel(x, y, w, h, theme.surface, colour, radius=18, width=6)
    band = CARD_BAND
    pygame.draw.rect(p.surface, colour, p.rect(x, y, w, band), border_top_left_radius=p.layout.px(18),
                     border_top_right_radius=p.layout.px(18))
    ink = ink_on(colour)
    draw_icon(f, icon, x + 16, y + 8, band - 16, ink)
    used = p.text(title, x + band + 14, y + 12, CARD_DECK_TITLE_SIZE, True, ink, max_w=w * CARD_DECK_TITLE_SHARE)
    p.text(s.t(side), x + band + 14 + used + 20, y + 18, 24, False, ink, max_w=w * 0.18)
    right = x + w - 20
    if s.state.everyone:
        label = s.t("everyone")
        tw = min(w * 0.24, p.layout.to_units(p.texts.width(label, p.layout.font_px(24), True)))
        p.text(label, right, y + 17, 24, True, ink, "right", max_w=w * 0.24)
        draw_icon(f, "everyone", right - tw - 50, y + 10, 44, ink)
        right -= tw + 64
    if side == "card_front" and s.state.teams:
        team = s.state.teams[s.answering_team()]
        label = s.t("answering", team=team.name) if s.state.everyone else team.name
        tw = min(w * 0.26, p.layout.to_units(p.texts.width(label, p.layout.font_px(26), True)))
        p.panel(right - tw - 70, y + 8, tw + 70, band - 16, theme.surface, theme.text, radius=(band - 16) / 2)
        draw_symbol(f, team.symbol, team.colour, right - tw - 62, y + 13, band - 26)
        p.text(label, right - 12, y + 15, 26, True, align="right", max_w=w * 0.26)
    return (x + CARD_BODY_PAD, y + band + CARD_BODY_TOP, w - 2 * CARD_BODY_PAD,
            h - band - CARD_BODY_BOTTOM)


def draw_card_front(f: Frame) -> None:
    p, s, theme = f.p, f.s, f.theme
    card = s.card()
    if card is None:
        return
    bx, by, bw, bh = _card_frame(f, card, "card_front")
    kind = s.card_type(card)
    buttons_h = 0.0
    if kind == "multiple_choice":
        rows = math.ceil(len(card.options) / 2)
        buttons_h = rows * CARD_BUTTON_ROW + CARD_STOP_ROW
    elif kind == "true_false":
        buttons_h = CARD_TRUE_FALSE_ROW + CARD_STOP_ROW
    else:
        buttons_h = CARD_BUTTON_ROW + CARD_STOP_ROW
    text_h = bh - buttons_h
    prompt_w = bw * (CARD_POINTS_SHARE if s.show_points and card.points else 1.0)
    top = by
    prompt = s.text(card.prompt)
    if kind == "quote":
        quote_deck = s.deck_of(card)
        draw_icon(f, "quote", bx, top, 52, rgb(quote_deck.colour if quote_deck else None, theme.accent))
        indent = CARD_QUOTE_INDENT
        quote_by = s.t("quote_by", who=s.text(card.quote_by)) if card.quote_by else ""
        question = s.text(card.question)
        used = p.para(prompt, bx + indent, top, prompt_w - indent, text_h * CARD_QUOTE_SHARE, CARD_QUOTE_SIZE)
        top += used + 8
        if quote_by:
            p.text(quote_by, bx + indent, top, CARD_QUOTE_BY_SIZE, True, theme.muted, max_w=prompt_w - indent)
            top += CARD_QUOTE_BY_H
        if question:
            p.para(question, bx, top, prompt_w, by + text_h - top, CARD_QUESTION_SIZE, True)
    else:
        question = s.text(card.question)
        share = CARD_QUESTION_SHARE if question else 1.0
        big = kind in ("true_false", "multiple_choice")
        used = p.para(prompt, bx, top, prompt_w, text_h * share - 10, CARD_PROMPT_SIZES.get(kind, CARD_PROMPT_SIZE),
                      big, valign="middle" if kind == "true_false" and not question else "top")
        top += used + 16
        if question:
            p.para(question, bx, top, prompt_w, by + text_h - top, CARD_QUESTION_SIZE, True, theme.accent)
    if s.show_points and card.points:
        px = bx + prompt_w + CARD_POINTS_GAP
        pw = bw - prompt_w - CARD_POINTS_GAP
        p.panel(px - 12, by - 6, pw + 12, text_h, theme.background, theme.border)
        body = "\n".join("• " + s.text(point) for point in card.points)
        text_stack(f, [(s.t("good_points"), body, CARD_POINTS_SIZE)], px, by + 4, pw - 12, text_h - 20)
    # answers / judging
    y = by + bh - buttons_h + 10
    if kind == "true_false":
        half = (bw - GAP) / 2
        action_button(f, s.t("answer_true"), bx, y, half, 86, "true", "1", "correct", size=34)
        action_button(f, s.t("answer_false"), bx + half + GAP, y, half, 86, "false", "2", "wrong", size=34)
    elif kind == "multiple_choice":
        half = (bw - GAP) / 2
        for i, option in enumerate(card.options):
            row, col = divmod(i, 2)
            action_button(f, s.text(option.text), bx + col * (half + GAP), y + row * CARD_BUTTON_ROW, half,
                          CARD_BUTTON_H, f"option:{option.id}", option.id.upper(), size=CARD_OPTION_SIZE)
    else:
        third = (bw - 3 * GAP) / 4
        for i, verdict in enumerate(("correct", "partly", "wrong")):
            action_button(f, s.t(f"judge_{verdict}"), bx + i * (third + GAP), y, third, 76, f"judge:{verdict}",
                           str(i + 1), verdict, size=28)
        action_button(f, s.t("show_points"), bx + 3 * (third + GAP), y, third, 76, "points", "P", size=20)
    yb = by + bh - 62
    action_button(f, s.t("stop_card"), bx + bw - 330, yb, 330, 58, "stop", "S", "hand", size=26)
    p.para(s.t("stop_help"), bx, yb + 4, bw - 360, 54, 20, colour=theme.muted, valign="middle")
    draw_hint(f, s.t("keys_card_open") if not s.is_closed(card) else s.t("keys_card_closed"))


def draw_card_answer(f: Frame) -> None:
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
    # Up to three teams: each verdict with the team's name and the word. More (an "everyone" square):
    # one row of symbol, mark and points, so the explanation and the source keep their room.
    compact = len(results) > 3
    cols = len(results) if compact else min(3, max(1, len(results)))
    row_h = CARD_VERDICT_ROW
    cell_w = (bw - 400) / cols
    verdict_top = by + bh - row_h - 4
    for i, (team_index, verdict) in enumerate(results):
        cx, cy = bx + i * cell_w, verdict_top
        team = s.state.teams[team_index]
        draw_symbol(f, team.symbol, team.colour, cx, cy + 6, 40)
        colour = {"correct": theme.good, "partly": theme.mixed, "wrong": theme.bad}.get(verdict, theme.text)
        icons.draw_verdict(p.surface, verdict, p.rect(cx + 50, cy + 4, 44, 44), colour)
        points = getattr(scoring, verdict, 0)
        given = s.state.answers.get(str(team_index))
        if compact:
            label = f"+{points}" + (f" {_answer_word(s, given)}" if given else "")
            p.text(label, cx + 100, cy + 8, 24, True, max_w=cell_w - 106)
            continue
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
        box_h = min(avail * CARD_RIGHT_ANSWER_SHARE, CARD_RIGHT_ANSWER_H)
        used = p.para(s.t("right_answer", answer=right), bx, top, bw, box_h, CARD_RIGHT_ANSWER_SIZE, True,
                      theme.accent)
        top += used + 14
        text_stack(f, [(s.t("explanation"), s.text(card.explanation), CARD_EXPLANATION_SIZE),
                       (s.t("source"), source, CARD_SOURCE_SIZE)],
               bx, top, bw, line_y - top - 8)
    else:
        half = (bw - 2 * GAP) / 2
        points = "\n".join("• " + s.text(point) for point in card.points)
        text_stack(f, [(s.t("good_points"), points, OPEN_POINTS_SIZE)], bx, top, half, avail)
        text_stack(f, [(s.t("model_answer"), s.text(card.model_answer), OPEN_ANSWER_SIZE),
                   (s.t("explanation"), s.text(card.explanation), OPEN_ANSWER_SIZE),
                   (s.t("source"), source, OPEN_SOURCE_SIZE)],
               bx + half + 2 * GAP, top, half, avail)
    action_button(f, s.t("next_turn"), bx + bw - 380, by + bh - 62, 380, 60, "next", "Enter", "forward",
                   primary=True, size=28)
    draw_hint(f, s.t("keys_result"))


def _answer_word(s: BoardSession, given: str) -> str:
    """What a team answered, as shown on the card: Waar/Niet waar, or the option letter."""
    if given in ("true", "false"):
        return s.t("answer_true" if given == "true" else "answer_false")
    return given.upper()
