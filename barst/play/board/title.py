"""The board game's first frame: its title from pack.yaml, while the whole pack is checked."""

from __future__ import annotations

from barst.play.metrics import MARGIN
from barst.play.screens.base import Host, Screen
from barst.play.widgets import Painter
from barst.text import Text


class LoadingScreen(Screen):
    """The first frame: the pack's title from pack.yaml, shown while the whole pack is checked."""

    name = "board-title"

    def __init__(self, app: Host, title: Text) -> None:
        super().__init__(app)
        self.title = title

    def draw(self, p: Painter) -> None:
        p.fill()
        p.icon("logo", p.w / 2 - 60, p.h * 0.2, 120)
        p.role(self.app.tx(self.title), "title", MARGIN, p.h * 0.4, p.w - 2 * MARGIN, 150, align="center")
