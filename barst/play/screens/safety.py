"""Screens that keep people safe and the session calm: emergency exit, errors, black screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from barst.play.input import Input
from barst.play.metrics import GAP, MARGIN, TOPBAR_H
from barst.play.screens.base import Host, Screen
from barst.play.widgets import Painter

if TYPE_CHECKING:
    from barst.diagnostics import Diagnostic
    from barst.model import HelpLine
    from barst.text import Text


class EmergencyScreen(Screen):
    """No question asked: the situation is already left. Help lines for the region and language."""

    name = "emergency"
    show_exit = False

    show_clock = False

    def __init__(self, app: Host, lines: list[HelpLine], home: Callable[[], None]) -> None:
        super().__init__(app)
        self.lines = lines
        self.home = home

    def draw(self, p: Painter) -> None:
        app = self.app
        draw_pause(p, app.t, app.tx, self.lines)
        p.button(app.t("emergency_back"), p.w - MARGIN - 560, p.h - 96, 560, 70, self.confirm, size=26, bold=True,
                 primary=True, align="center")

    def confirm(self) -> None:
        self.home()

    def back(self) -> None:
        self.confirm()

    def advance(self) -> bool:
        self.confirm()
        return True


class ErrorScreen(Screen):
    """An unexpected exception: a calm word, where the details are, and the way back to the menu."""

    name = "error"

    def __init__(self, app: Host, log_path: str, home: object) -> None:
        super().__init__(app)
        self.log_path = log_path
        self.home = home

    def draw(self, p: Painter) -> None:
        p.fill()
        t = self.app.t
        p.text(t("error_title"), MARGIN, p.h * 0.22, 48, True, max_w=p.w - 2 * MARGIN)
        p.para(t("error_text"), MARGIN, p.h * 0.22 + 90, p.w - 2 * MARGIN, 120, 32)
        p.para(t("error_log", path=self.log_path), MARGIN, p.h * 0.22 + 220, p.w - 2 * MARGIN, 80, 22,
               colour=p.theme.muted)
        p.button(t("to_menu"), (p.w - 400) / 2, p.h - 150, 400, 76, self.confirm, size=30, bold=True, primary=True,
                 align="center")

    def confirm(self) -> None:
        if callable(self.home):
            self.home()

    def back(self) -> None:
        self.confirm()


class PackErrorScreen(Screen):
    """A pack that fails `barst check` does not start; the first errors in plain words."""

    name = "pack-error"

    def __init__(self, app: Host, folder: str, errors: list[Diagnostic]) -> None:
        super().__init__(app)
        self.folder = folder
        self.errors = errors

    def draw(self, p: Painter) -> None:
        p.fill()
        t = self.app.t
        self.heading(p, t("pack_error_title"))
        p.para(t("pack_error_text", path=self.folder), MARGIN, TOPBAR_H, p.w - 2 * MARGIN, 80, 26)
        y = TOPBAR_H + 90
        for error in self.errors[:5]:
            text = f"{error.message}" + (f" — {error.fix}" if error.fix else "")
            p.panel(MARGIN, y, p.w - 2 * MARGIN, 96, border=p.theme.border)
            p.text(str(error.pos), MARGIN + 16, y + 8, 18, colour=p.theme.muted, max_w=p.w - 2 * MARGIN - 32)
            p.para(text, MARGIN + 16, y + 34, p.w - 2 * MARGIN - 32, 58, 22)
            y += 106
        if len(self.errors) > 5:
            p.text(t("more_errors", n=len(self.errors) - 5), MARGIN, y, 22, colour=p.theme.muted)

    def back(self) -> None:
        """Nothing to go back to."""


class BlackScreen(Screen):
    """The clicker's B or period: a black screen until any key or click."""

    name = "black"
    modal = True
    show_exit = False
    show_clock = False

    def draw(self, p: Painter) -> None:
        p.fill((0, 0, 0))

    def on_input(self, inp: Input) -> bool:
        self.app.pop()
        return True


def draw_pause(p: Painter, t: Callable[[str], str], tx: Callable[[Text | None], str], lines: list[HelpLine]) -> None:
    """The emergency exit's page, shared by both games: a calm word, then the help lines as cards (number
    and name on top, hours and what a call costs across the card's full width, so they are never cut)."""
    p.fill()
    indent = 72 if p.icon("exit", MARGIN, 16, 56) else 0
    p.text(t("emergency_title"), MARGIN + indent, 14, 44, True, max_w=p.w - 2 * MARGIN - indent)
    intro = p.para(t("emergency_text"), MARGIN, TOPBAR_H + 4, p.w - 2 * MARGIN, 80, 28)
    top, bottom = TOPBAR_H + 4 + intro + 14, p.h - 106
    rows = max(1, -(-len(lines) // 2))
    cw = (p.w - 2 * MARGIN - GAP) / 2
    ch = min(130.0, (bottom - top - (rows - 1) * 8) / rows)
    for i, line in enumerate(lines):
        x = MARGIN + (i // rows) * (cw + GAP)
        y = top + (i % rows) * (ch + 8)
        p.panel(x, y, cw, ch, border=p.theme.border)
        number_w = p.text(line.number, x + 16, y + 30, 34, True, p.theme.accent, max_w=cw * 0.45, middle=True)
        name_x = x + 16 + number_w + 16
        p.para(tx(line.name), name_x, y + 6, x + cw - 12 - name_x, 48, 22, True, valign="middle")
        details = [tx(line.hours)]
        if line.short:
            details.append(t("short_number"))
        if line.free and not line.emergency:
            details.append(t("free"))
        if line.anonymous:
            details.append(t("anonymous"))
        p.para(" · ".join(details), x + 16, y + 56, cw - 32, ch - 60, 20, colour=p.theme.muted)
