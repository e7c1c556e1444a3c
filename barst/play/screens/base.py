"""The screen base class and the host interface every screen relies on (shared with the board game)."""

from __future__ import annotations

from typing import Protocol

from barst.play.input import Cmd, Input
from barst.play.metrics import EXIT_W, GAP, MARGIN
from barst.play.widgets import Painter
from barst.text import Text


class Host(Protocol):
    """What a screen may ask of the app that shows it."""

    def t(self, key: str, /, **values: object) -> str: ...
    def tx(self, text: Text | None) -> str: ...
    def push(self, screen: Screen) -> None: ...
    def pop(self) -> None: ...
    def replace(self, screen: Screen) -> None: ...
    def emergency_exit(self) -> None: ...
    def set_stack(self, stack: list[Screen]) -> None: ...


class Screen:
    modal = False  # drawn over the screen below it (panels, overlays)
    show_exit = True  # the emergency exit is drawn in the top-right corner
    name = "screen"  # for screenshots and logs
    show_clock = True  # the session clock may show in the corner
    wants_text = False  # typed letters are text (a team name), not keys

    def __init__(self, app: Host) -> None:
        self.app = app
        self.focus = 0

    def draw(self, p: Painter) -> None:
        raise NotImplementedError

    def on_input(self, inp: Input) -> bool:
        """Screen-specific handling; return True when the input was used."""
        return False

    def confirm(self) -> None:
        """Enter when no button has the focus."""

    def back(self) -> None:
        """Esc."""
        self.app.pop()

    def advance(self) -> bool:
        """A clicker's PageDown on a screen that just waits to go on; False: move the focus instead."""
        return False

    @property
    def animating(self) -> bool:
        return False

    def tick(self, dt: float) -> None:
        """Time passed while animating (seconds)."""

    def finish_animation(self) -> None:
        """Jump to the end of any animation (tests and screenshots)."""

    def redraw_every(self) -> float | None:
        """Seconds until the screen must be drawn again without input (None: only on change)."""
        return 1 / 60 if self.animating else None

    # --- shared pieces ---

    def heading(self, p: Painter, text: str, y: float = 14) -> None:
        p.text(text, MARGIN, y, 40, True, max_w=p.w - 2 * MARGIN - EXIT_W - GAP)

    def footer(self, p: Painter, text: str) -> None:
        p.text(text, MARGIN, p.h - 38, 20, colour=p.theme.muted, max_w=p.w - 2 * MARGIN)


def page_step(inp: Input) -> int:
    """+1 or -1 for the next or previous page (clicker PageDown/PageUp or the arrows), else 0."""
    if inp.cmd in (Cmd.NEXT, Cmd.RIGHT):
        return 1
    if inp.cmd in (Cmd.PREV, Cmd.LEFT):
        return -1
    return 0
