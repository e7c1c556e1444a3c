"""The box each pack text is drawn in, at 1280x720, as the player's screens compute it (pure: no pygame).

Every number comes from `barst.play.metrics`; the arithmetic mirrors the screen that draws the text
(named in each function). `tests/play/test_textboxes.py` draws every screen with a recording painter
and checks that these boxes are exactly the ones the screens pass to `Painter.para` and `Painter.text`,
so the checker (B070) measures what the player really draws.

The board boxes mirror barst/play/board/card_view.py, board_view.py and look.py (once render.py), which
do not import the board constants yet: the lead's report lists which constant stands for which literal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from barst.play import metrics as M
from barst.play.metrics import BASE_H, BASE_W, CHOICE_BADGE, CHOICE_H, CHOICE_PAD, CHOICE_W, GAP, MARGIN, ROLES

W, H = float(BASE_W), float(BASE_H)


@dataclass(frozen=True, slots=True)
class Box:
    """Where a text is drawn: `height` 0 means one line that shrinks to the minimum size, then runs past
    `width`; otherwise a wrapped paragraph that shrinks to the minimum size, then is cut with '…'."""

    what: str  # for the author: "scene text", "choice button", ...
    width: float
    height: float
    size: float
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    """One part of a board stack (`text_stack` in look.py): a body text under an optional heading."""

    text: str
    size: float
    headed: bool = True


# --- story screens (barst/play/screens/) ------------------------------------------------------------

@cache
def scene_text(has_choices: bool) -> Box:
    """story.py SceneScreen.draw: right of the picture, above the choices (or the Next button)."""
    text_w = W - M.SCENE_TEXT_X - MARGIN
    text_bottom = H - MARGIN - 2 * CHOICE_H - 2 * GAP
    grid_top = H - MARGIN - 80
    body = text_bottom - M.SCENE_TEXT_TOP if has_choices else grid_top - GAP - M.SCENE_TEXT_TOP
    return Box("scene text", text_w, body, ROLES["scene"].size)


@cache
def speaker_line() -> Box:
    return Box("speaker's name and role", W - M.SCENE_TEXT_X - MARGIN, 0, ROLES["speaker"].size, True)


@cache
def top_title() -> Box:
    """story.py top_title: the situation's title over a scene, a consequence and an ending."""
    return Box("situation title above the scene", W - 2 * MARGIN - M.EXIT_W - GAP, 0, M.TOP_TITLE_SIZE, True)


@cache
def choice_button() -> Box:
    """widgets.py Painter.button with a number badge, in story.py's choice grid."""
    badge = min(float(CHOICE_BADGE), CHOICE_H - 2 * 10)
    inner_w = CHOICE_W - CHOICE_PAD - (CHOICE_PAD + badge + CHOICE_PAD)
    return Box("choice button", inner_w, CHOICE_H - 12, ROLES["choice"].size)


@cache
def chosen_label() -> Box:
    """story.py ConsequenceScreen: the chosen label repeated above its feedback."""
    return Box("chosen label on the consequence screen", W - 2 * MARGIN, M.CHOSEN_H, M.CHOSEN_SIZE, True)


@cache
def role_box(what: str, role: str, width: float) -> Box:
    """widgets.py Painter.role without a height: the role's lines at its size."""
    spec = ROLES[role]
    return Box(what, width, spec.lines * spec.size * M.LINE_SPACING, spec.size, spec.bold)


@cache
def feedback() -> Box:
    return role_box("feedback", "feedback", W - 2 * MARGIN)


@cache
def impact() -> Box:
    return role_box("impact (shown on replay)", "impact", W - 2 * MARGIN)


@cache
def verdict() -> Box:
    spec = ROLES["verdict"]
    return Box("ending verdict", W - 2 * MARGIN - M.ENDING_TEXT_X, M.VERDICT_H, spec.size, spec.bold)


def _ending_panels() -> tuple[float, float]:
    """story.py EndingScreen: the width and height of the two panels (what helps, debrief)."""
    col_w = (W - 2 * MARGIN - GAP) / 2
    box_h = H - (M.TOPBAR_H + M.ENDING_PANELS_TOP) - M.ENDING_BOTTOM - M.HELP_STRIP_H - GAP
    return col_w, box_h


@cache
def helps(five_as: int = 5) -> Box:
    col_w, box_h = _ending_panels()
    rows = -(-five_as // 2)
    return Box("what helps", col_w - 2 * M.PANEL_PAD, box_h - 60 - rows * M.FIVE_AS_ROW - 20, ROLES["helps"].size)


@cache
def ending_debrief(questions: int) -> Box:
    """Each question gets an equal share of the panel (they are stacked, each within its share)."""
    col_w, box_h = _ending_panels()
    each = (box_h - 64) / max(1, questions)
    return Box("debrief question on the ending screen", col_w - M.PANEL_PAD - M.DEBRIEF_INDENT, each - 8,
               ROLES["debrief"].size)


@cache
def helpline_name(lines: int) -> Box:
    """story.py EndingScreen.draw_helplines: up to three lines side by side beside the Next button."""
    strip_w = W - 2 * MARGIN - M.NEXT_W - GAP
    each = (strip_w - 2 * M.PANEL_PAD - (lines - 1) * GAP) / lines
    return Box("help line's name on the ending screen", each, M.HELP_STRIP_H - 82, M.HELP_NAME_SIZE)


@cache
def unlock_title() -> Box:
    return Box("unlock title", W - 2 * MARGIN - 48, M.UNLOCK_TITLE_H, M.UNLOCK_TITLE_SIZE, True)


@cache
def unlock_text() -> Box:
    return Box("unlock text", W - 2 * MARGIN - 48, H - M.TOPBAR_H - 290, ROLES["unlock"].size)


@cache
def class_debrief(questions: int) -> Box:
    """trainer.py DebriefScreen: the situation's questions for the group talk, each in its share."""
    each = (H - M.CLASS_DEBRIEF_TOP - M.CLASS_DEBRIEF_BOTTOM) / max(1, questions)
    return Box("debrief question on the trainer's debrief page", W - 2 * MARGIN - M.CLASS_DEBRIEF_INDENT, each - 8,
               M.CLASS_DEBRIEF_SIZE)


def _overview_card() -> tuple[float, float]:
    cw = (W - 2 * MARGIN - (M.OVERVIEW_COLS - 1) * GAP) / M.OVERVIEW_COLS
    ch = (H - M.OVERVIEW_BOTTOM - M.OVERVIEW_TOP - GAP) / 2
    return cw, ch


@cache
def overview_title() -> Box:
    cw, _ = _overview_card()
    return Box("situation title in the content overview", cw - 2 * M.PANEL_PAD, M.OVERVIEW_TITLE_H,
               M.OVERVIEW_TITLE_SIZE, True)


@cache
def overview_notes(title_used: float) -> Box:
    """The notes start under the title's lines (`title_used` high) and its label, and end 12 above the edge."""
    cw, ch = _overview_card()
    return Box("content notes in the content overview", cw - 2 * M.PANEL_PAD,
               ch - M.OVERVIEW_NOTES_BELOW_TITLE - title_used - 12, M.OVERVIEW_NOTES_SIZE)


@cache
def menu_title(situations: int, has_image: bool) -> Box:
    """menu.py MenuScreen: a situation's title on its button (below its picture when it has one)."""
    cols = 3 if situations > 4 else 2
    cw = (W - 2 * MARGIN - (cols - 1) * GAP) / cols
    del has_image  # the title sits under the picture when there is one; its box is the same either way
    return Box("situation title in the menu", cw - M.MENU_TITLE_INDENT - 16, M.MENU_TITLE_H, M.MENU_TITLE_SIZE, True)


@cache
def pack_title() -> Box:
    spec = ROLES["title"]
    return Box("pack title on the title screen", W - 2 * MARGIN, M.TITLE_H, spec.size, spec.bold)


@cache
def pack_description() -> Box:
    top = H * M.TITLE_TOP + M.TITLE_H
    return Box("pack description on the title screen", W - 6 * MARGIN, H * M.START_TOP - GAP - top,
               M.DESCRIPTION_SIZE)


@cache
def group_rule() -> Box:
    step = (H - M.RULES_TOP - M.RULES_BOTTOM) / 5
    return Box("group rule", W - 2 * MARGIN - M.RULES_INDENT, step - 8, M.RULES_SIZE)


# --- board screens (barst/play/board/card_view.py, look.py) -----------------------------------------------------

@cache
def board_status_line() -> Box:
    """look.py topbar: the round and the time left, right-aligned before the emergency exit."""
    return Box("round and time left", W * M.BOARD_STATUS_SHARE, 0, M.BOARD_STATUS_SIZE, True)


@cache
def board_title_line(status_w: float) -> Box:
    """look.py topbar: the title (with the edition) gets what the status (`status_w` wide) leaves."""
    exit_left = W - MARGIN - M.EXIT_W - GAP
    return Box("title and edition in the top bar", exit_left - MARGIN - status_w - 3 * GAP, 0, M.BOARD_TITLE_SIZE,
               True)


def card_body() -> tuple[float, float, float, float]:
    """card_view.py _card_frame: the card body's box (x, y, w, h) under the band."""
    x, y = M.CARD_INSET, M.TOPBAR_H + 4
    w, h = W - 2 * x, H - y - M.BOARD_HINT_H - 6
    return (x + M.CARD_BODY_PAD, y + M.CARD_BAND + M.CARD_BODY_TOP, w - 2 * M.CARD_BODY_PAD,
            h - M.CARD_BAND - M.CARD_BODY_BOTTOM)


@cache
def deck_title_line() -> Box:
    x = M.CARD_INSET
    return Box("deck title in the card's band", (W - 2 * x) * M.CARD_DECK_TITLE_SHARE, 0, M.CARD_DECK_TITLE_SIZE, True)


def _buttons_h(kind: str, options: int) -> float:
    if kind == "multiple_choice":
        return math.ceil(options / 2) * M.CARD_BUTTON_ROW + M.CARD_STOP_ROW
    if kind == "true_false":
        return M.CARD_TRUE_FALSE_ROW + M.CARD_STOP_ROW
    return M.CARD_BUTTON_ROW + M.CARD_STOP_ROW


def card_text_area(kind: str, options: int, points_shown: bool) -> tuple[float, float]:
    """card_view.py draw_card_front: the width and height the prompt and question share above the buttons."""
    _, _, bw, bh = card_body()
    return bw * (M.CARD_POINTS_SHARE if points_shown else 1.0), bh - _buttons_h(kind, options)


@cache
def card_prompt(kind: str, options: int, has_question: bool, points_shown: bool) -> Box:
    width, text_h = card_text_area(kind, options, points_shown)
    if kind == "quote":
        return Box("quote", width - M.CARD_QUOTE_INDENT, text_h * M.CARD_QUOTE_SHARE, M.CARD_QUOTE_SIZE)
    share = M.CARD_QUESTION_SHARE if has_question else 1.0
    size = M.CARD_PROMPT_SIZES.get(kind, M.CARD_PROMPT_SIZE)
    return Box("card prompt", width, text_h * share - 10, size, kind in M.CARD_PROMPT_SIZES)


@cache
def quote_by_line(kind: str, options: int, points_shown: bool) -> Box:
    width, _ = card_text_area(kind, options, points_shown)
    return Box("who says the quote", width - M.CARD_QUOTE_INDENT, 0, M.CARD_QUOTE_BY_SIZE, True)


@cache
def card_question(kind: str, options: int, points_shown: bool, prompt_used: float, quote_by: bool) -> Box:
    """The question under the prompt: what is left of the text area after the prompt's lines."""
    width, text_h = card_text_area(kind, options, points_shown)
    quote_by_h = M.CARD_QUOTE_BY_H if quote_by else 0
    used = prompt_used + 8 + quote_by_h if kind == "quote" else prompt_used + 16
    return Box("card question", width, text_h - used, M.CARD_QUESTION_SIZE, True)


@cache
def option_button(options: int) -> Box:
    """look.py action_button with a one-letter key, two options a row."""
    _, _, bw, _ = card_body()
    half = (bw - GAP) / 2
    badge_w = max(M.CARD_BUTTON_H * M.BUTTON_BADGE_SHARE, 16 + 14 * 1)
    label_w = half - (M.BUTTON_INSET + badge_w + 12) - 12
    return Box("answer option", label_w, M.CARD_BUTTON_H - 8, M.CARD_OPTION_SIZE, True)


def front_points_area(kind: str, options: int) -> tuple[float, float]:
    """The good points beside the prompt once the trainer shows them (a stack)."""
    _, _, bw, _ = card_body()
    prompt_w, text_h = card_text_area(kind, options, True)
    pw = bw - prompt_w - M.CARD_POINTS_GAP
    return pw - 12, text_h - 20


def answer_area(teams: int) -> tuple[float, float]:
    """card_view.py draw_card_answer: the width and height above the teams' verdicts (up to 3 a row)."""
    _, _, bw, bh = card_body()
    rows = math.ceil(teams / M.CARD_VERDICTS_PER_ROW) if teams else 1
    verdict_top = bh - rows * M.CARD_VERDICT_ROW - 4
    return bw, verdict_top - 10 - 8


@cache
def right_answer(teams: int) -> Box:
    width, avail = answer_area(teams)
    return Box("right answer", width, min(avail * M.CARD_RIGHT_ANSWER_SHARE, M.CARD_RIGHT_ANSWER_H),
               M.CARD_RIGHT_ANSWER_SIZE, True)


@cache
def choose_deck_button() -> Box:
    """board_view.py draw_choose: a deck's name on its button in the deck choice dialog (key badge 1-9)."""
    w = min(M.CHOOSE_W, W - 2 * MARGIN)
    h = M.CHOOSE_ROW - 10
    badge_w = max(h * M.BUTTON_BADGE_SHARE, 16 + 14 * 1)
    return Box("deck name in the deck choice", w - 48 - (M.BUTTON_INSET + badge_w + 12) - 12, h - 8, M.CHOOSE_SIZE,
               True)


@cache
def key_messages_area() -> tuple[float, float]:
    """end_view.py draw_final: the width and height of the key messages beside the ranking (a stack)."""
    left_w = W * M.FINAL_RANKING_SHARE
    rx = MARGIN + left_w + 2 * GAP
    rw = W - MARGIN - rx
    body_top = M.TOPBAR_H + 4 + M.FINAL_KEYS_BODY_TOP
    return rw - 24, H - body_top - M.BOARD_HINT_H - 20
