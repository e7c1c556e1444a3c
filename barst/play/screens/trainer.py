"""The trainer panel (key T): jump anywhere, debrief questions, session timer, meters, undo, reset,
text size, colours and language. Every item has a number key, so it works from the keyboard alone."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import pygame

from barst.play.input import Cmd, Input
from barst.play.metrics import (
    CLASS_DEBRIEF_BOTTOM,
    CLASS_DEBRIEF_INDENT,
    CLASS_DEBRIEF_SIZE,
    CLASS_DEBRIEF_TOP,
    GAP,
    MARGIN,
    TOPBAR_H,
)
from barst.play.screens.base import Screen, page_step
from barst.play.timer import PLAN_MINUTES
from barst.play.widgets import Painter
from barst.sessionplan import part_title, plan
from barst.text import LANGUAGE_NAMES

if TYPE_CHECKING:
    from barst.play.host import StoryHost

def dim(p: Painter, alpha: int = 200) -> None:
    veil = pygame.Surface(p.surface.get_size(), pygame.SRCALPHA)
    veil.fill((*p.theme.background, alpha))
    p.surface.blit(veil, (0, 0))


class TrainerPanel(Screen):
    name = "trainer"
    modal = True

    def __init__(self, app: StoryHost) -> None:
        super().__init__(app)
        self.story = app
        self.message = ""

    def items(self) -> list[tuple[str, Callable[[], None]]]:
        app = self.story
        t = app.t
        return [
            (t("trainer_jump"), lambda: app.push(JumpSituationScreen(app))),
            (t("trainer_debrief"), lambda: app.push(DebriefScreen(app, app.state.situation))),
            (t("trainer_timer_start"), app.timer.toggle),
            (t("trainer_meters_on") if app.show_meters else t("trainer_meters_off"), app.toggle_meters),
            (t("trainer_undo"), self.undo),
            (t("trainer_reset"), self.reset),
            (t("trainer_text_size", size=t(f"size_{app.layout.text_step}")), app.cycle_text_size),
            (t("trainer_theme", theme=t(f"theme_{app.theme.id}")), app.cycle_theme),
            (t("trainer_language", lang=LANGUAGE_NAMES.get(app.lang, app.lang)), app.cycle_language),
            (t("trainer_clock_on") if app.settings.clock else t("trainer_clock_off"), app.toggle_clock),
        ]

    def undo(self) -> None:
        if not self.story.undo():
            self.message = self.story.t("undo_nothing")

    def reset(self) -> None:
        self.story.reset_progress()
        self.message = self.story.t("trainer_reset_done")

    def draw(self, p: Painter) -> None:
        dim(p)
        app = self.story
        t = app.t
        x, y = MARGIN, TOPBAR_H
        w, h = p.w - 2 * MARGIN, p.h - TOPBAR_H - 20
        p.panel(x, y, w, h, p.theme.background, p.theme.accent, width=3)
        p.text(t("trainer_title"), x + 24, y + 12, 36, True)
        list_w = w * 0.6
        items = self.items()
        row = min(62.0, (h - 150) / len(items))
        for i, (label, action) in enumerate(items):
            p.button(label, x + 24, y + 70 + i * row, list_w - 24, row - 8, action, number=i + 1 if i < 9 else 0,
                     size=22)
        # right: the session plan with the current phase marked
        px_ = x + list_w + GAP
        pw = w - list_w - GAP - 24
        p.text(t("session_plan"), px_, y + 76, 24, True, max_w=pw)
        p.text(app.timer.text(), px_, y + 112, 56, True, p.theme.accent)
        current = app.timer.phase() if app.timer.elapsed() > 0 else -1
        py = y + 190
        for i, (title, minutes) in enumerate(plan(PLAN_MINUTES)):
            now = i == current
            p.panel(px_, py, pw, 56, p.theme.surface_hi if now else p.theme.surface,
                    p.theme.accent if now else None, width=3)
            label = part_title(title, app.lang) + (f" ← {t('plan_now')}" if now else "")
            p.text(label, px_ + 12, py + 14, 22, now, max_w=pw - 110)
            p.text(t("minutes", n=minutes), px_ + pw - 12, py + 14, 22, align="right")
            py += 64
        if self.message:
            p.para(self.message, px_, py + 10, pw, 70, 22, True, p.theme.accent)
        p.text(t("trainer_hint"), x + 24, y + h - 40, 20, colour=p.theme.muted, max_w=w - 48)

    def redraw_every(self) -> float | None:
        return 0.5 if self.story.timer.running else None

    def on_input(self, inp: Input) -> bool:
        if inp.cmd is Cmd.CHOOSE:
            items = self.items()
            if 1 <= inp.number <= len(items):
                self.focus = inp.number - 1
                items[inp.number - 1][1]()
            return True
        if inp.cmd is Cmd.TRAINER:
            self.app.pop()
            return True
        return False


class JumpSituationScreen(Screen):
    name = "jump-situation"
    modal = True

    def __init__(self, app: StoryHost) -> None:
        super().__init__(app)
        self.story = app

    def draw(self, p: Painter) -> None:
        dim(p, 235)
        app = self.story
        p.text(app.t("jump_situation"), MARGIN, 20, 36, True)
        situations = app.pack.situations[:9]
        row = min(80.0, (p.h - TOPBAR_H - 40) / max(1, len(situations)))
        for i, situation in enumerate(situations):
            p.button(app.tx(situation.title), MARGIN, TOPBAR_H + i * row, p.w - 2 * MARGIN, row - 10,
                     partial(self.open, situation.id), number=i + 1, size=24)

    def open(self, situation: str) -> None:
        self.story.push(JumpSceneScreen(self.story, situation))

    def on_input(self, inp: Input) -> bool:
        app = self.story
        if inp.cmd is Cmd.CHOOSE and 1 <= inp.number <= min(9, len(app.pack.situations)):
            app.push(JumpSceneScreen(app, app.pack.situations[inp.number - 1].id))
            return True
        return False


class JumpSceneScreen(Screen):
    """Scenes as a grid of buttons; PageUp/PageDown for more than fit."""

    name = "jump-scene"
    modal = True
    PER_PAGE = 18

    def __init__(self, app: StoryHost, situation: str) -> None:
        super().__init__(app)
        self.story = app
        self.situation = app.pack.situation(situation)
        self.page = 0

    def draw(self, p: Painter) -> None:
        dim(p, 235)
        app = self.story
        p.text(app.t("jump_scene", title=app.tx(self.situation.title)), MARGIN, 20, 32, True,
               max_w=p.w - 2 * MARGIN)
        scenes = self.situation.scenes[self.page * self.PER_PAGE:(self.page + 1) * self.PER_PAGE]
        cols = 3
        cw = (p.w - 2 * MARGIN - (cols - 1) * GAP) / cols
        rh = min(90.0, (p.h - TOPBAR_H - 30) / 6)
        for i, scene in enumerate(scenes):
            label = scene.id + (f" ({app.t('scene_ending')})" if scene.ending else "")
            excerpt = app.tx(scene.text)
            excerpt = excerpt if len(excerpt) < 60 else excerpt[:57].rstrip() + "…"
            number = i + 1 if i < 9 else 0
            p.button(f"{label}: {excerpt}", MARGIN + (i % cols) * (cw + GAP), TOPBAR_H + (i // cols) * rh, cw,
                     rh - 10, partial(app.jump, self.situation.id, scene.id), number=number, size=18)

    def on_input(self, inp: Input) -> bool:
        scenes = self.situation.scenes
        if inp.cmd is Cmd.CHOOSE:
            index = self.page * self.PER_PAGE + inp.number - 1
            if index < len(scenes):
                self.story.jump(self.situation.id, scenes[index].id)
            return True
        if inp.cmd in (Cmd.NEXT, Cmd.PREV):
            pages = max(1, -(-len(scenes) // self.PER_PAGE))
            self.page = (self.page + (1 if inp.cmd is Cmd.NEXT else -1)) % pages
            return True
        return False


class DebriefScreen(Screen):
    """The situation's debrief questions (or every situation's, from the menu), for the group talk."""

    name = "debrief"
    modal = True

    def __init__(self, app: StoryHost, situation: str | None) -> None:
        super().__init__(app)
        self.story = app
        self.situation = situation
        self.index = 0

    def draw(self, p: Painter) -> None:
        p.fill()  # a page for the whole class: nothing of the screen below may show through
        app = self.story
        situations = [app.pack.situation(self.situation)] if self.situation else app.pack.situations
        self.index %= len(situations)
        situation = situations[self.index]
        p.text(app.t("debrief"), MARGIN, 20, 36, True)
        p.text(app.tx(situation.title), MARGIN, TOPBAR_H - 6, 26, True, p.theme.accent, max_w=p.w - 2 * MARGIN)
        questions = [app.tx(q) for q in situation.debrief]
        y = float(CLASS_DEBRIEF_TOP)
        each = (p.h - y - CLASS_DEBRIEF_BOTTOM) / max(1, len(questions))
        for i, question in enumerate(questions):
            p.text(f"{i + 1}.", MARGIN, y, 28, True)
            used = p.para(question, MARGIN + CLASS_DEBRIEF_INDENT, y, p.w - 2 * MARGIN - CLASS_DEBRIEF_INDENT, each - 8,
                          CLASS_DEBRIEF_SIZE)
            y += used + 24  # stacked, not spread: each may use its fair share, so all still fit
        if len(situations) > 1:
            p.text(app.t("page", n=self.index + 1, total=len(situations)), MARGIN, p.h - 80, 22,
                   colour=p.theme.muted)
        p.button(app.t("close"), p.w - MARGIN - 260, p.h - 100, 260, 70, app.pop, size=28, align="center")

    def on_input(self, inp: Input) -> bool:
        step = page_step(inp)
        self.index += step
        return step != 0
