"""Screens that keep people safe and the session calm: emergency exit, errors, black screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from barst.play.input import Input
from barst.play.metrics import GAP, MARGIN, TOPBAR_H
from barst.play.screens.base import Host, Screen
from barst.play.widgets import Painter

if TYPE_CHECKING:
    from barst.diagnostics import Diagnostic
    from barst.model import HelpLine
    from barst.play.app import App


class EmergencyScreen(Screen):
    """No question asked: the situation is already left. Help lines for the region and language."""

    name = "emergency"
    show_exit = False

    def __init__(self, app: App, lines: list[HelpLine]) -> None:
        super().__init__(app)
        self.story = app
        self.lines = lines

    def draw(self, p: Painter) -> None:
        p.fill()
        app = self.story
        t = app.t
        indent = 72 if p.icon("exit", MARGIN, 16, 56) else 0
        p.text(t("emergency_title"), MARGIN + indent, 14, 44, True, max_w=p.w - 2 * MARGIN - indent)
        p.para(t("emergency_text"), MARGIN, TOPBAR_H + 4, p.w - 2 * MARGIN, 80, 28)
        top = TOPBAR_H + 96
        bottom = p.h - 110
        cols = 2
        rows = max(1, -(-len(self.lines) // cols))
        cw = (p.w - 2 * MARGIN - GAP) / cols
        ch = min(130.0, (bottom - top - (rows - 1) * 10) / rows)
        for i, line in enumerate(self.lines):
            x = MARGIN + (i // rows) * (cw + GAP)
            y = top + (i % rows) * (ch + 10)
            p.panel(x, y, cw, ch, border=p.theme.border)
            number_w = 200.0
            p.text(line.number, x + 16, y + (ch - 46) / 2, 40, True, p.theme.accent, max_w=number_w - 20)
            details = [app.tx(line.hours)]
            if line.short:
                details.append(t("short_number"))
            if line.free and not line.emergency:
                details.append(t("free"))
            if line.anonymous:
                details.append(t("anonymous"))
            p.para(app.tx(line.name), x + number_w, y + 8, cw - number_w - 16, ch * 0.45, 22, True)
            p.para(" · ".join(details), x + number_w, y + 8 + ch * 0.45, cw - number_w - 16, ch * 0.55 - 16, 20,
                   colour=p.theme.muted)
        p.button(t("emergency_back"), p.w - MARGIN - 560, p.h - 96, 560, 70, self.confirm, size=26, bold=True,
                 primary=True, align="center")

    def confirm(self) -> None:
        self.story.go_menu()

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

    def draw(self, p: Painter) -> None:
        p.fill((0, 0, 0))

    def on_input(self, inp: Input) -> bool:
        self.app.pop()
        return True
