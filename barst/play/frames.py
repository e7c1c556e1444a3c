"""The drawing half of the projector shell: the screen stack drawn into the window, the emergency exit on
top of every screen, the corner clock, and the cross-fade between screens (one full-window blit a frame)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pygame

from barst.play.input import EXIT_KEY_LABEL
from barst.play.layout import Layout
from barst.play.metrics import EXIT_W, MARGIN
from barst.play.screens.safety import ErrorScreen
from barst.play.text import TextCache
from barst.play.theme import Theme
from barst.play.widgets import Button, Images, Painter

if TYPE_CHECKING:
    from barst.play.screens.base import Screen
    from barst.play.settings import Settings
    from barst.play.timer import SessionTimer

TRANSITION = 0.22  # seconds of cross-fade between screens


class Frames:
    # what the drawing needs of the shell (set in Shell.__init__)
    window: pygame.Surface
    stack: list[Screen]
    layout: Layout
    theme: Theme
    texts: TextCache
    images: Images
    timer: SessionTimer
    settings: Settings
    buttons: list[Button]
    dirty: bool
    minimised: bool
    frame: pygame.Surface | None
    fade_from: pygame.Surface | None
    fade_start: float
    fade_shown: float | None
    fresh: pygame.Surface | None
    clock_shown: str

    @property
    def top(self) -> Screen:
        return self.stack[-1]

    def t(self, key: str, /, **values: object) -> str:
        raise NotImplementedError

    def emergency_exit(self) -> None:
        raise NotImplementedError

    def fail(self, exc: BaseException) -> None:
        raise NotImplementedError

    def render(self) -> None:
        """Draw the stack into the window (not flipped)."""
        try:
            self._render()
        except Exception as exc:
            if isinstance(self.top, ErrorScreen):
                self.window.fill(self.theme.background)  # never loop on a broken error screen
                return
            self.fail(exc)
            self._render()

    def _render(self) -> None:
        start = len(self.stack) - 1
        while start > 0 and self.stack[start].modal:
            start -= 1
        top = self.top
        painter = Painter(self.window, self.layout, self.theme, self.texts, self.images)
        for screen in self.stack[start:]:
            painter.buttons = []
            painter.focus = screen.focus if screen is top else -1
            screen.draw(painter)
        buttons = painter.buttons
        if top.show_exit:
            buttons = [*buttons, self._draw_exit(painter)]
        if top.show_clock and self.settings.clock and self.timer.elapsed() > 0:
            self._draw_clock(painter)
        focusable = [b for b in buttons if b.focusable]
        if focusable and top.focus >= len(focusable):
            top.focus = len(focusable) - 1
        self.buttons = buttons
        self.frame = self.window

    def _draw_exit(self, p: Painter) -> Button:
        """The emergency exit, top right on every screen: icon, word and key."""
        rect = p.exit_button(self.t("exit"), EXIT_KEY_LABEL, p.w - MARGIN - EXIT_W + 16, 10.0)
        return Button(rect, self.emergency_exit, focusable=False)

    def _draw_clock(self, p: Painter) -> None:
        """The session clock, small in the bottom-right corner (the trainer panel hides it)."""
        text = self.clock_shown = self.clock_text()
        w = p.layout.to_units(p.texts.width(text, p.layout.font_px(20), True)) + 24
        p.panel(p.w - w - 6, p.h - 34, w, 30, p.theme.surface, p.theme.border, radius=8, width=1)
        p.text(text, p.w - 18, p.h - 19, 20, True, p.theme.muted, "right", middle=True)

    def clock_text(self) -> str:
        """Whole minutes, so a static screen is redrawn once a minute, not every second."""
        return f"{int(self.timer.elapsed() // 60)} min"

    def present(self) -> None:
        """Draw if needed, compose a running cross-fade, and flip. One full-window blit per fade frame: a
        frame just drawn gets the old picture over it, otherwise the last blend moves towards the new."""
        if self.minimised:
            return
        drawn = False
        if self.dirty or (self.top.animating and self.fade_from is None):
            self.render()
            self.dirty = False
            drawn = True
            self.fresh = self.window.copy() if self.fade_from is not None else None
        if self.fade_from is not None:
            frac = (time.monotonic() - self.fade_start) / TRANSITION
            if frac >= 1 or self.fresh is None or self.fade_from.get_size() != self.window.get_size():
                self.fade_from = None
                self.render()
            elif drawn or self.fade_shown is None:
                self.fade_from.set_alpha(round(255 * (1 - frac)))
                self.window.blit(self.fade_from, (0, 0))
                self.fade_shown = frac
            elif frac > self.fade_shown:
                # the window holds old·(1−shown) + new·shown; blending in new at β makes it old·(1−frac)
                beta = 1 - (1 - frac) / (1 - self.fade_shown)
                self.fresh.set_alpha(round(255 * beta))
                self.window.blit(self.fresh, (0, 0))
                self.fresh.set_alpha(None)
                self.fade_shown = frac
        pygame.display.flip()
