"""Before anything is played: title, language, group rules and the content overview."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from barst.play.i18n import missing_language_note
from barst.play.input import Cmd, Input
from barst.play.metrics import (
    DESCRIPTION_SIZE,
    GAP,
    MARGIN,
    OVERVIEW_BOTTOM,
    OVERVIEW_COLS,
    OVERVIEW_NOTES_SIZE,
    OVERVIEW_TITLE_H,
    OVERVIEW_TITLE_SIZE,
    OVERVIEW_TOP,
    PANEL_PAD,
    RULES_BOTTOM,
    RULES_INDENT,
    RULES_SIZE,
    RULES_TOP,
    START_TOP,
    TITLE_H,
    TITLE_TOP,
    TOPBAR_H,
)
from barst.play.screens.base import Screen
from barst.play.screens.menu import SituationPages
from barst.play.widgets import Painter
from barst.text import LANGUAGE_NAMES

if TYPE_CHECKING:
    from barst.engine.story import StoryState
    from barst.play.host import StoryHost


class TitleScreen(Screen):
    name = "title"

    def __init__(self, app: StoryHost) -> None:
        super().__init__(app)
        self.story = app

    def draw(self, p: Painter) -> None:
        p.fill()
        app = self.story
        cx = p.w / 2
        p.icon("logo", cx - 60, p.h * 0.16, 120)
        p.role(app.tx(app.head.title), "title", MARGIN, p.h * TITLE_TOP, p.w - 2 * MARGIN, TITLE_H,
               align="center")
        if app.loading:  # the first frame, while the pack is checked: no start button that cannot be pressed yet
            return
        if app.head.description:
            top = p.h * TITLE_TOP + TITLE_H
            # ends above the start button (a three-line German or French description touched it)
            p.para(app.tx(app.head.description), MARGIN * 3, top, p.w - 6 * MARGIN, p.h * START_TOP - GAP - top,
                   DESCRIPTION_SIZE, colour=p.theme.muted, align="center")
        p.button(app.t("start"), cx - 180, p.h * START_TOP, 360, 76, self.confirm, size=32, bold=True, primary=True,
                 align="center")
        note = missing_language_note(app.lang, app.languages, app.head.fallback_order())
        if note:  # the pack lacks the language asked for: say so, once, before anything is played
            p.para(note, MARGIN * 2, p.h * 0.68 + 90, p.w - 4 * MARGIN, 64, 24, colour=p.theme.accent, align="center")
        p.text(app.t("clicker_hint"), MARGIN, p.h - 66, 20, colour=p.theme.muted, max_w=p.w - 2 * MARGIN)
        self.footer(p, app.t("title_hint"))

    def confirm(self) -> None:
        self.story.after_title()

    def back(self) -> None:
        """The first screen has nothing behind it."""

    def advance(self) -> bool:
        self.confirm()
        return True


class LanguageScreen(Screen):
    name = "language"

    def __init__(self, app: StoryHost) -> None:
        super().__init__(app)
        self.story = app
        self.focus = max(0, app.languages.index(app.lang)) if app.lang in app.languages else 0

    def draw(self, p: Painter) -> None:
        p.fill()
        app = self.story
        self.heading(p, app.t("language_title"))
        n = len(app.languages)
        bw, bh = 520.0, 90.0
        top = max(TOPBAR_H + 40, (p.h - n * (bh + GAP)) / 2)
        for i, lang in enumerate(app.languages):
            p.button(LANGUAGE_NAMES.get(lang, lang), (p.w - bw) / 2, top + i * (bh + GAP), bw, bh,
                     partial(self.pick, lang), number=i + 1, size=34, bold=True)

    def pick(self, lang: str) -> None:
        self.story.set_lang(lang)
        self.story.replace(RulesScreen(self.story))

    def on_input(self, inp: Input) -> bool:
        if inp.cmd is Cmd.CHOOSE and 1 <= inp.number <= len(self.story.languages):
            self.pick(self.story.languages[inp.number - 1])
            return True
        return False


class ResumeStoryScreen(Screen):
    """After a crash: go on at the same scene with the same meters, or start from the beginning."""

    name = "resume-story"

    def __init__(self, app: StoryHost, state: StoryState, saved_at: float) -> None:
        super().__init__(app)
        self.story = app
        self.state = state
        self.saved_at = saved_at

    def draw(self, p: Painter) -> None:
        import time

        p.fill()
        app = self.story
        situation = next((s for s in app.pack.situations if s.id == self.state.situation), None)
        title = app.tx(situation.title) if situation is not None else ""
        when = time.strftime("%d/%m %H:%M", time.localtime(self.saved_at)) if self.saved_at else "?"
        self.heading(p, app.t("resume_story_title"))
        p.para(app.t("resume_story_text", situation=title, when=when), MARGIN, TOPBAR_H + 20, p.w - 2 * MARGIN,
               140, 32)
        half = (p.w - 2 * MARGIN - GAP) / 2
        p.button(app.t("resume_story_yes"), MARGIN, p.h * 0.55, half, 90, self.go_on, size=30, bold=True,
                 primary=True, align="center")
        p.button(app.t("resume_story_no"), MARGIN + half + GAP, p.h * 0.55, half, 90, self.start_over, size=28,
                 align="center")
        self.footer(p, app.t("clicker_hint"))

    def go_on(self) -> None:
        self.story.resume_saved(self.state)

    def start_over(self) -> None:
        if self.story.resume is not None:
            self.story.resume.clear(self.story.pack.id)
        self.story.after_title(offer_resume=False)

    def back(self) -> None:
        """The choice is made with one of the two buttons."""


class RulesScreen(Screen):
    name = "rules"

    def __init__(self, app: StoryHost) -> None:
        super().__init__(app)
        self.story = app

    def draw(self, p: Painter) -> None:
        p.fill()
        t = self.story.t
        self.heading(p, t("rules_title"))
        y = float(RULES_TOP)
        room = p.h - y - RULES_BOTTOM
        step = room / 5
        for i in range(1, 6):
            p.panel(MARGIN, y, 64, 64, p.theme.accent, radius=32)
            p.text(str(i), MARGIN + 32, y + 32, 38, True, p.theme.on_accent, "center", middle=True)
            p.para(t(f"rule_{i}"), MARGIN + RULES_INDENT, y + 4, p.w - 2 * MARGIN - RULES_INDENT, step - 8, RULES_SIZE)
            y += step
        p.button(t("next"), p.w - MARGIN - 300, p.h - 110, 300, 72, self.confirm, size=30, bold=True,
                 primary=True, align="center")

    def confirm(self) -> None:
        self.story.replace(OverviewScreen(self.story))

    def advance(self) -> bool:
        self.confirm()
        return True


class OverviewScreen(SituationPages):
    """Every situation with its content notes, before anything is played: 4 per page (2 x 2), so the notes
    are read whole at a size the back of the class can read (3 x 2 cut the longer ones)."""

    name = "overview"
    PER_PAGE = OVERVIEW_COLS * 2

    def draw(self, p: Painter) -> None:
        p.fill()
        app = self.story
        t = app.t
        self.heading(p, t("overview_title"))
        p.text(t("overview_intro"), MARGIN, TOPBAR_H - 4, 24, colour=p.theme.muted, max_w=p.w - 2 * MARGIN)
        shown = self.shown()
        cols = OVERVIEW_COLS
        top = OVERVIEW_TOP
        bottom = p.h - OVERVIEW_BOTTOM
        cw = (p.w - 2 * MARGIN - (cols - 1) * GAP) / cols
        ch = (bottom - top - GAP) / 2
        for i, situation in enumerate(shown):
            x = MARGIN + (i % cols) * (cw + GAP)
            y = top + (i // cols) * (ch + GAP)
            p.panel(x, y, cw, ch, border=p.theme.border)
            used = p.para(app.tx(situation.title), x + PANEL_PAD, y + 12, cw - 2 * PANEL_PAD, OVERVIEW_TITLE_H,
                          OVERVIEW_TITLE_SIZE, True)
            notes = app.tx(situation.content_notes) or app.tx(situation.summary)
            label_y = y + 12 + used + 10
            p.text(t("content_notes"), x + PANEL_PAD, label_y, 20, True, p.theme.muted)
            p.para(notes, x + PANEL_PAD, label_y + 28, cw - 2 * PANEL_PAD, y + ch - 12 - (label_y + 28),
                   OVERVIEW_NOTES_SIZE)
        if self.pages > 1:
            p.text(t("page", n=self.page + 1, total=self.pages), MARGIN, p.h - 90, 22, colour=p.theme.muted)
        p.button(t("next"), p.w - MARGIN - 300, p.h - 104, 300, 72, self.confirm, size=30, bold=True,
                 primary=True, align="center")

    def confirm(self) -> None:
        if self.page + 1 < self.pages:
            self.page += 1
        else:
            self.story.go_menu()

    def advance(self) -> bool:
        self.confirm()
        return True

    def on_input(self, inp: Input) -> bool:
        if inp.cmd is Cmd.PREV and self.page > 0:
            self.page -= 1
            return True
        return False
