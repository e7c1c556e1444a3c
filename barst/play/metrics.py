"""Layout numbers shared by the player and `barst.textfit` (pure: no pygame import).

Everything is in logical units. The logical canvas is at least BASE_W x BASE_H; a window with another
shape gets a larger logical width or height (see `barst.play.layout`), never a smaller one, so a text
that fits at 1280x720 fits everywhere at the default text size.
"""

from __future__ import annotations

from typing import NamedTuple

BASE_W = 1280
BASE_H = 720
MIN_TEXT_PX = 18  # no text is drawn smaller than this many pixels, whatever the window size
LINE_SPACING = 1.22
MARGIN = 40
GAP = 16
TOPBAR_H = 76
EXIT_W = 320  # the emergency-exit button, top right on every screen
EXIT_H = 56
TEXT_STEPS: dict[str, float] = {"small": 0.85, "normal": 1.0, "large": 1.2}
DEFAULT_STEP = "normal"
OVERVIEW_COLS = 2  # the content overview: situations per row (two rows a page)

# Scene screen: illustration column on the left, text on the right, choices in a 2-column grid below.
SCENE_IMAGE_W = 400
CHOICE_H = 108
CHOICE_BADGE = 56
CHOICE_PAD = 16
SCENE_TEXT_X = MARGIN + SCENE_IMAGE_W + 2 * GAP
SCENE_TEXT_TOP = TOPBAR_H + 64  # below the speaker line
SCENE_TEXT_BOTTOM = BASE_H - MARGIN - 2 * CHOICE_H - GAP - GAP
CHOICE_W = (BASE_W - 2 * MARGIN - GAP) // 2


class Role(NamedTuple):
    """A kind of text on screen: font size, weight and the box it must fit in at 1280x720."""

    size: int
    bold: bool
    width: int
    lines: int


def _lines(height: int, size: int) -> int:
    return int(height // (size * LINE_SPACING))


ROLES: dict[str, Role] = {
    "title": Role(60, True, BASE_W - 2 * MARGIN, 2),
    "heading": Role(40, True, BASE_W - 2 * MARGIN - EXIT_W - GAP, 1),
    "speaker": Role(30, True, BASE_W - SCENE_TEXT_X - MARGIN, 1),
    "scene": Role(30, False, BASE_W - SCENE_TEXT_X - MARGIN,
                  _lines(SCENE_TEXT_BOTTOM - SCENE_TEXT_TOP, 30)),
    "choice": Role(25, False, CHOICE_W - CHOICE_BADGE - 3 * CHOICE_PAD, _lines(CHOICE_H - 2 * 8, 25)),
    "feedback": Role(32, False, BASE_W - 2 * MARGIN, 5),
    "impact": Role(26, False, BASE_W - 2 * MARGIN, 3),
    "verdict": Role(38, True, BASE_W - 2 * MARGIN, 2),
    "helps": Role(26, False, (BASE_W - 2 * MARGIN - GAP) // 2 - 2 * CHOICE_PAD, 6),
    "debrief": Role(24, False, (BASE_W - 2 * MARGIN - GAP) // 2 - 2 * CHOICE_PAD - 28, 2),
    "summary": Role(24, False, (BASE_W - 2 * MARGIN - 2 * GAP) // 3 - 2 * CHOICE_PAD, 4),
    "note": Role(22, False, (BASE_W - 2 * MARGIN - GAP) // 2 - 2 * CHOICE_PAD, 3),
    "unlock": Role(28, False, BASE_W - 2 * MARGIN - 2 * CHOICE_PAD, 9),
    "card": Role(30, False, BASE_W - 2 * MARGIN - 2 * CHOICE_PAD, 9),
    "helpline": Role(24, False, (BASE_W - 2 * MARGIN - GAP) // 2 - 2 * CHOICE_PAD, 2),
    "body": Role(28, False, BASE_W - 2 * MARGIN, 12),
    "small": Role(20, False, BASE_W - 2 * MARGIN, 2),
}


# --- text boxes of the story screens (barst/play/screens/*.py draws them; barst/play/textboxes.py ---
# --- derives the checker's boxes from the same numbers) ------------------------------------------
NEXT_W = 300  # the Next button, bottom right
TOP_TITLE_SIZE = 28  # the situation's title above a scene, a consequence and an ending (bold, one line)
CHOSEN_H = 80  # the consequence screen repeats the chosen label in a box this high...
CHOSEN_SIZE = 28  # ...at this size, bold
ENDING_TEXT_X = 260  # the verdict and its note start this far right of the margin (beside the score badge)
VERDICT_H = 96
ENDING_PANELS_TOP = 140  # the two panels (what helps, debrief) start this far below the top bar
ENDING_BOTTOM = 28  # room under the help-line strip
HELP_STRIP_H = 130  # the ending's help lines: heading, numbers, names in up to two lines
HELP_NAME_TOP = 78  # a help line's name starts this far into the strip
HELP_NAME_SIZE = 22
PANEL_PAD = 16  # text inside an ending panel, overview card or help strip starts this far from its edge
HELPS_TOP = 48  # what helps starts this far into its panel
FIVE_AS_ROW = 34  # one row of the 5 A's under what helps
DEBRIEF_TOP = 52  # the ending's debrief questions start this far into their panel
DEBRIEF_INDENT = 48  # a question starts right of its number
DEBRIEF_GAP = 18  # between two questions on the ending screen
OVERVIEW_TOP = TOPBAR_H + 40  # the content overview: OVERVIEW_COLS x 2 situation cards between these lines
OVERVIEW_BOTTOM = 120  # from the bottom
OVERVIEW_TITLE_H = 72  # a card's title (at most this high), then its "content notes" label, then the notes
OVERVIEW_TITLE_SIZE = 28  # bold
OVERVIEW_NOTES_BELOW_TITLE = 12 + 10 + 28  # from the card's top edge and the title's end to the notes
OVERVIEW_NOTES_SIZE = 24
RULES_TOP = TOPBAR_H + 24  # the group rules: five rows between these lines
RULES_BOTTOM = 150
RULES_INDENT = 90
RULES_SIZE = 32
UNLOCK_TITLE_H = 50
UNLOCK_TITLE_SIZE = 34  # bold
UNLOCK_TEXT_TOP = TOPBAR_H + 124
UNLOCK_TEXT_BOTTOM = 166  # the unlock text ends this far above the bottom (p.h - TOPBAR_H - 290 high)
CLASS_DEBRIEF_TOP = TOPBAR_H + 44  # the trainer's debrief page: questions between these lines
CLASS_DEBRIEF_BOTTOM = 110
CLASS_DEBRIEF_INDENT = 44
CLASS_DEBRIEF_SIZE = 28
TITLE_TOP = 0.34  # the title screen: title at this share of the height...
TITLE_H = 150
START_TOP = 0.68  # ...the start button at this share
DESCRIPTION_SIZE = 26
MENU_TITLE_H = 70  # a situation's title on its menu button
MENU_TITLE_SIZE = 26  # bold
MENU_TITLE_INDENT = 90  # right of the number badge
MENU_BOTTOM = 110
MENU_MAX_CARD_H = 300

# --- text boxes of the board game's screens, as barst/play/board/card_view.py, board_view.py and ---
# --- look.py draw them (they do not import these yet: see the note in barst/play/textboxes.py) ----
BOARD_HINT_H = 34  # the key hint line at the bottom of every board screen
CARD_INSET = MARGIN * 0.6  # the card's outline starts this far from the window's edges
CARD_BAND = 66.0  # the card's coloured header band
CARD_BODY_PAD = 28  # the body's text starts this far inside the outline
CARD_BODY_TOP = 20  # ...and this far under the band
CARD_BODY_BOTTOM = 36  # the body ends this far above the outline's bottom, together with the band
CARD_DECK_TITLE_SIZE = 32  # the deck's name in the band (bold, one line, at most CARD_DECK_TITLE_SHARE wide)
CARD_DECK_TITLE_SHARE = 0.3
CARD_BUTTON_ROW = 86  # a row of answer buttons on the card front
CARD_BUTTON_H = 76  # an option or judging button
CARD_TRUE_FALSE_ROW = 96
CARD_STOP_ROW = 76  # the row of the Stop button under the answers
CARD_POINTS_SHARE = 0.6  # the prompt's share of the width while the trainer shows the good points
CARD_POINTS_GAP = 24
CARD_QUESTION_SHARE = 0.72  # the prompt's share of the text height when a question follows
CARD_PROMPT_SIZES = {"true_false": 44, "multiple_choice": 36}  # bold; any other card: 34, regular
CARD_PROMPT_SIZE = 34
CARD_QUOTE_INDENT = 66.0  # a quote starts right of the quote mark...
CARD_QUOTE_SHARE = 0.6  # ...and may use this share of the text height
CARD_QUOTE_SIZE = 36
CARD_QUOTE_BY_SIZE = 26  # who says the quote (bold, one line)
CARD_QUOTE_BY_H = 44
CARD_QUESTION_SIZE = 32  # bold
CARD_OPTION_SIZE = 24  # bold, in a button with a one-letter key badge
BUTTON_INSET = 14  # an action button's key badge starts this far in; its label ends 12 before the edge
BUTTON_BADGE_SHARE = 0.62  # the key badge is this share of the button's height
CARD_POINTS_SIZE = 24  # the good points on the card front (a stack)
CARD_VERDICT_ROW = 50.0  # a row of team verdicts on the answer side
CARD_VERDICTS_PER_ROW = 3
CARD_RIGHT_ANSWER_SIZE = 32  # bold
CARD_RIGHT_ANSWER_H = 100
CARD_RIGHT_ANSWER_SHARE = 0.35
CARD_EXPLANATION_SIZE = 30  # closed cards; an open card's explanation and model answer: OPEN_ANSWER_SIZE
CARD_SOURCE_SIZE = 22  # closed cards; open cards: 20
OPEN_POINTS_SIZE = 28
OPEN_ANSWER_SIZE = 26
OPEN_SOURCE_SIZE = 20
STACK_HEAD_SIZE = 22  # a stack's section heading
FINAL_RANKING_SHARE = 0.42  # the end screen: the ranking takes this share of the width, the key messages the rest
FINAL_KEYS_BODY_TOP = 64  # the key messages start this far under their panel's top (below the heading)
FINAL_KEY_SIZE = 24  # each key message (a stack section without heading)
STACK_MIN_SHRINK = 0.5
STACK_SHRINK = 0.94
CHOOSE_W = 760.0  # the deck choice dialog
CHOOSE_ROW = 70.0
CHOOSE_SIZE = 28
BOARD_TITLE_SIZE = 30  # the pack's title and edition in the top bar (bold, one line)
BOARD_STATUS_SIZE = 26  # round and time left, right of the title (bold, one line)
BOARD_STATUS_SHARE = 0.3  # of the width at most
