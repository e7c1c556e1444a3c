"""The class session's projector screens: the join screen (QR code, address, PIN, phones joined) and the
scene with the class's votes arriving beside each choice (bars with numbers, never colour alone)."""

from __future__ import annotations

import time
from functools import cache
from typing import TYPE_CHECKING

import pygame

from barst.engine.events import ChoiceView, SceneShown
from barst.play.input import Cmd, Input
from barst.play.metrics import EXIT_W, GAP, MARGIN, TOPBAR_H
from barst.play.screens.base import Screen
from barst.play.screens.story import SceneScreen
from barst.play.widgets import Painter

if TYPE_CHECKING:
    from barst.classroom.host import ClassHost, VoteHost

QUIET_MINUTE = 60.0  # no phone after this long: the Wi-Fi probably keeps devices apart
TALLY_W = 150


@cache
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules, quiet zone included (error correction M survives a smudged projector)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def draw_qr(surface: pygame.Surface, text: str, box: pygame.Rect) -> pygame.Rect:
    """Whole pixels per module, dark on white whatever the theme (phones' cameras expect that)."""
    matrix = qr_matrix(text)
    n = len(matrix)
    module = max(1, min(box.width, box.height) // n)
    side = module * n
    left, top = box.centerx - side // 2, box.top
    drawn = pygame.Rect(left, top, side, side)
    surface.fill((255, 255, 255), drawn)
    for y, row in enumerate(matrix):
        x = 0
        while x < n:  # one rectangle per run of dark modules: ~10x fewer draw calls
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                surface.fill((0, 0, 0), (left + start * module, top + y * module, (x - start) * module, module))
            else:
                x += 1
    return drawn


class JoinScreen(Screen):
    """What the class sees first, and again whenever the trainer presses J."""

    name = "join"

    def __init__(self, app: ClassHost, first: bool) -> None:
        super().__init__(app)
        self.host = app
        self.first = first
        self.shown_at = time.monotonic()

    def draw(self, p: Painter) -> None:
        p.fill()
        app, t = self.host, self.host.t
        p.text(t("join_title"), MARGIN, 18, 40, True, max_w=p.w - 2 * MARGIN - EXIT_W - GAP)
        left_w = min(p.h - TOPBAR_H - 110, p.w * 0.42)
        if app.server_note:
            p.para(app.server_note, MARGIN, TOPBAR_H + 20, p.w - 2 * MARGIN, 200, 30)
            self._keys(p)
            return
        qr_box = p.rect(MARGIN, TOPBAR_H + 10, left_w, left_w)
        drawn = draw_qr(p.surface, app.join_url, qr_box)
        x = MARGIN + p.layout.to_units(drawn.width) + 2 * GAP
        w = p.w - x - MARGIN
        y = TOPBAR_H + 10
        p.text(t("join_step_wifi"), x, y, 26, max_w=w)
        p.text(t("join_step_scan"), x, y + 40, 26, max_w=w)
        p.text(t("join_address"), x, y + 96, 22, colour=p.theme.muted, max_w=w)
        p.text(app.join_url_typed, x, y + 124, 40, True, max_w=w)
        p.text(t("join_pin"), x, y + 190, 22, colour=p.theme.muted, max_w=w)
        p.text(" ".join(app.pin), x, y + 214, 96, True, p.theme.accent, max_w=w)
        tally = app.tally
        joined = tally.connected if tally else 0
        p.text(t("join_count", n=joined), x, y + 340, 34, True, max_w=w)
        adapter = app.adapter
        if adapter is not None:
            others = [f"{a.name} {a.address}" for a in app.adapters if a is not adapter]
            line = t("join_network", name=adapter.name)
            if others:
                line += " · " + t("join_others", list=", ".join(others[:3]))
            p.para(line, x, y + 392, w, 64, 20, colour=p.theme.muted)
        if self.quiet():
            p.panel(x - 12, y + 452, w + 12, p.h - y - 452 - 64, p.theme.surface, p.theme.border)
            p.para(t("join_none", port=app.port), x, y + 462, w - 12, p.h - y - 472 - 64, 22)
        self._keys(p)

    def _keys(self, p: Painter) -> None:
        t = self.host.t
        self.footer(p, t("join_keys_first") if self.first else t("join_keys"))

    def quiet(self) -> bool:
        tally = self.host.tally
        nobody = tally is None or tally.joined == 0
        return nobody and time.monotonic() - self.shown_at >= QUIET_MINUTE

    def redraw_every(self) -> float | None:
        tally = self.host.tally
        return 1.0 if tally is None or tally.joined == 0 else None  # only the no-phone note needs a clock

    def confirm(self) -> None:
        if self.first:
            self.host.after_join()
        else:
            self.host.pop()

    def advance(self) -> bool:
        self.confirm()
        return True

    def back(self) -> None:
        if not self.first:
            self.host.pop()


class VoteSceneScreen(SceneScreen):
    """A scene while the class votes: each choice gets its count, its share and a bar."""

    name = "scene"

    def __init__(self, app: VoteHost, event: SceneShown) -> None:
        super().__init__(app, event)
        self.host = app
        self.focus = -1  # while the class votes, Enter closes the vote: no choice looks pre-selected

    def draw(self, p: Painter) -> None:
        super().draw(p)
        host = self.host
        if not self.event.choices or not host.voting_here(self):
            return
        p.text(host.vote_status(), MARGIN, p.h - MARGIN + 6, 22, True, max_w=p.w - 2 * MARGIN)

    def draw_choice(self, p: Painter, choice: ChoiceView, x: float, y: float, w: float, h: float) -> None:
        host = self.host
        if not host.voting_here(self):
            super().draw_choice(p, choice, x, y, w, h)
            return
        super().draw_choice(p, choice, x, y, w - TALLY_W - 8, h)
        tally = host.tally
        count = tally.counts.get(choice.number, 0) if tally and tally.question == host.question_id else 0
        voters = tally.voters if tally and tally.question == host.question_id else 0
        share = round(100 * count / voters) if voters else 0
        bx = x + w - TALLY_W
        theme = p.theme
        tied = choice.number in host.tie
        p.panel(bx, y, TALLY_W, h, theme.surface, theme.accent if tied else theme.border, width=4 if tied else 2)
        p.text(str(count), bx + TALLY_W / 2, y + 10, 44, True, align="center")
        p.text(f"{share} %", bx + TALLY_W / 2, y + 58, 22, colour=theme.muted, align="center")
        bar_w = TALLY_W - 24
        p.panel(bx + 12, y + h - 22, bar_w, 12, theme.bar_bg, radius=6)
        if count:
            p.panel(bx + 12, y + h - 22, max(12, bar_w * count / max(1, voters)), 12, theme.accent, radius=6)

    def on_input(self, inp: Input) -> bool:
        host = self.host
        if self.event.choices and host.voting_here(self):
            if inp.cmd in (Cmd.CONFIRM, Cmd.NEXT):
                host.close_vote()
                return True
            if inp.cmd is Cmd.CHOOSE:
                if 1 <= inp.number <= len(self.event.choices):
                    host.trainer_picks(inp.number)
                return True
        return super().on_input(inp)

    def redraw_every(self) -> float | None:
        return 0.25 if self.host.vote_deadline is not None and self.host.voting_here(self) else None
