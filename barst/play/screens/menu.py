"""The situation menu (endings found, best score) and the extras that replay unlocked."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from barst.play.input import Cmd, Input
from barst.play.metrics import (
    GAP,
    MARGIN,
    MENU_BOTTOM,
    MENU_MAX_CARD_H,
    MENU_TITLE_H,
    MENU_TITLE_INDENT,
    MENU_TITLE_SIZE,
    TOPBAR_H,
)
from barst.play.screens.base import Screen, page_step
from barst.play.widgets import Painter

if TYPE_CHECKING:
    from barst.model import Situation
    from barst.play.host import StoryHost


class SituationPages(Screen):
    """A screen that shows the pack's situations PER_PAGE at a time (the menu and the overview)."""

    PER_PAGE = 6

    def __init__(self, app: StoryHost) -> None:
        super().__init__(app)
        self.story = app
        self.page = 0

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.story.pack.situations) // self.PER_PAGE))

    def shown(self) -> list[Situation]:
        return self.story.pack.situations[self.page * self.PER_PAGE:(self.page + 1) * self.PER_PAGE]


class MenuScreen(SituationPages):
    name = "menu"

    def draw(self, p: Painter) -> None:
        p.fill()
        app = self.story
        t = app.t
        progress = app.state.progress
        self.heading(p, t("menu_title"))
        shown = self.shown()
        cols = 3 if len(app.pack.situations) > 4 else 2
        top, bottom = TOPBAR_H, p.h - MENU_BOTTOM
        rows = max(1, -(-min(len(app.pack.situations), self.PER_PAGE) // cols))
        cw = (p.w - 2 * MARGIN - (cols - 1) * GAP) / cols
        ch = min(float(MENU_MAX_CARD_H), (bottom - top - (rows - 1) * GAP) / rows)
        for i, situation in enumerate(shown):
            x = MARGIN + (i % cols) * (cw + GAP)
            y = top + (i // cols) * (ch + GAP)
            p.button("", x, y, cw, ch, partial(app.start_situation, situation.id), number=i + 1)
            image_h = ch - 150
            if situation.image and image_h > 60:
                p.image(Path(app.pack.folder) / situation.image, x + 90, y + 12, cw - 110, image_h)
            text_y = y + max(12.0, image_h + 16) if situation.image and image_h > 60 else y + 16
            p.para(app.tx(situation.title), x + MENU_TITLE_INDENT, text_y, cw - MENU_TITLE_INDENT - 16, MENU_TITLE_H,
                   MENU_TITLE_SIZE, True)
            total = sum(1 for s in situation.scenes if s.ending is not None)
            found = len(progress.endings.get(situation.id, []))
            best = progress.best.get(situation.id)
            stats = t("endings_found", found=found, total=total)
            stats += "   " + (t("best_score", score=best) if best is not None else t("not_played"))
            p.text(stats, x + 90, y + ch - 40, 20, colour=p.theme.muted, max_w=cw - 106)
        p.button(t("extras"), MARGIN, p.h - 96, 280, 68, lambda: app.push(ExtrasScreen(app)), size=26,
                 align="center")
        if self.pages > 1:
            p.text(t("page", n=self.page + 1, total=self.pages), MARGIN + 300, p.h - 78, 22, colour=p.theme.muted)
        note = t("progress_not_saved") if app.store.failed else ""
        if app.store.kept_aside is not None:  # one calm sentence; the file itself is safe beside the new one
            note = t("state_kept_aside", name=app.store.kept_aside.name)
        if note:
            note_x = MARGIN + (520 if self.pages > 1 else 300)
            p.para(note, note_x, p.h - 92, p.w - MARGIN - note_x, 60, 20, colour=p.theme.muted)

    def on_input(self, inp: Input) -> bool:
        app = self.story
        if inp.cmd is Cmd.CHOOSE:
            index = self.page * self.PER_PAGE + inp.number - 1
            if inp.number <= self.PER_PAGE and index < len(app.pack.situations):
                app.start_situation(app.pack.situations[index].id)
            return True
        if inp.cmd in (Cmd.NEXT, Cmd.PREV) and self.pages > 1:
            self.page = (self.page + (1 if inp.cmd is Cmd.NEXT else -1)) % self.pages
            return True
        return False

    def back(self) -> None:
        """The menu is home: Esc stays here."""


class ExtrasScreen(Screen):
    """What replay revealed: other characters' perspectives and explanations, per situation."""

    name = "extras"

    def __init__(self, app: StoryHost, situation: str | None = None) -> None:
        super().__init__(app)
        self.story = app
        self.situation = situation
        self.index = 0

    def items(self) -> list[tuple[str, str, str, str]]:
        app = self.story
        found: list[tuple[str, str, str, str]] = []
        for situation in app.pack.situations:
            if self.situation and situation.id != self.situation:
                continue
            unlocked = app.state.progress.unlocks.get(situation.id, [])
            for unlock in situation.unlocks:
                if unlock.id in unlocked:
                    found.append((app.tx(situation.title), unlock.kind, app.tx(unlock.title), app.tx(unlock.text)))
        return found

    def draw(self, p: Painter) -> None:
        p.fill()
        t = self.story.t
        self.heading(p, t("extras"))
        items = self.items()
        if not items:
            p.para(t("no_extras"), MARGIN, TOPBAR_H + 40, p.w - 2 * MARGIN, 200, 32)
        else:
            self.index %= len(items)
            where, kind, title, text = items[self.index]
            p.text(t("extras_title", title=where), MARGIN, TOPBAR_H, 24, colour=p.theme.muted, max_w=p.w - 2 * MARGIN)
            p.panel(MARGIN, TOPBAR_H + 44, p.w - 2 * MARGIN, p.h - TOPBAR_H - 170, border=p.theme.border)
            p.text(t(kind), MARGIN + 24, TOPBAR_H + 60, 22, True, p.theme.accent)
            p.para(title, MARGIN + 24, TOPBAR_H + 92, p.w - 2 * MARGIN - 48, 50, 32, True)
            p.para(text, MARGIN + 24, TOPBAR_H + 150, p.w - 2 * MARGIN - 48, p.h - TOPBAR_H - 290, 28)
            if len(items) > 1:
                p.text(t("page", n=self.index + 1, total=len(items)), MARGIN, p.h - 78, 22, colour=p.theme.muted)
        p.button(t("back"), p.w - MARGIN - 280, p.h - 100, 280, 70, self.app.pop, size=28, align="center")

    def on_input(self, inp: Input) -> bool:
        step = page_step(inp)
        self.index += step
        return step != 0
