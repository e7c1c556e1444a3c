"""Layout numbers shared by the player and `barst.textfit` (pure: no pygame import).

Everything is in logical units. The logical canvas is at least BASE_W x BASE_H; a window with another
shape gets a larger logical width or height (see `barst.play.layout`), never a smaller one, so a text
that fits at 1280x720 fits everywhere at the default text size.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Role:
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
