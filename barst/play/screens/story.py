"""Playing a situation: the scene, the consequence of a choice (animated meters), the ending, unlocks."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from barst.engine.events import ChoiceMade, ChoiceView, EndingReached, SceneShown
from barst.helplines import for_ending
from barst.model import FIVE_AS
from barst.play.input import Cmd, Input
from barst.play.metrics import (
    CHOICE_H,
    CHOICE_W,
    CHOSEN_H,
    CHOSEN_SIZE,
    DEBRIEF_GAP,
    DEBRIEF_INDENT,
    DEBRIEF_TOP,
    ENDING_BOTTOM,
    ENDING_PANELS_TOP,
    ENDING_TEXT_X,
    EXIT_W,
    FIVE_AS_ROW,
    GAP,
    HELP_NAME_SIZE,
    HELP_NAME_TOP,
    HELP_STRIP_H,
    HELPS_TOP,
    MARGIN,
    NEXT_W,
    PANEL_PAD,
    ROLES,
    SCENE_IMAGE_W,
    SCENE_TEXT_TOP,
    SCENE_TEXT_X,
    TOP_TITLE_SIZE,
    TOPBAR_H,
    UNLOCK_TITLE_H,
    UNLOCK_TITLE_SIZE,
    VERDICT_H,
)
from barst.play.screens.base import Screen
from barst.play.widgets import Painter

if TYPE_CHECKING:
    from barst.model import HelpLine
    from barst.play.host import StoryHost

METER_ROW = 44
MAX_ENDING_LINES = 3  # more would not stay readable beside the Next button at 1280x720


def draw_meters(p: Painter, app: StoryHost, values: dict[str, int], x: float, y: float, w: float,
                old: dict[str, float] | None = None, deltas: dict[str, int] | None = None) -> float:
    """The situation's meters as labelled bars with numbers; returns the height used."""
    used = 0.0
    for variable in app.meters():
        value = (old or {}).get(variable.id, values.get(variable.id, variable.start))
        label = app.tx(variable.label) if variable.label else variable.id
        p.meter(label, value, variable.min, variable.max, x, y + used, w, 30,
                delta=(deltas or {}).get(variable.id, 0), good_high=variable.good == "high")
        used += METER_ROW
    return used


def top_title(p: Painter, text: str) -> None:
    p.text(text, MARGIN, 22, TOP_TITLE_SIZE, True, p.theme.muted, max_w=p.w - 2 * MARGIN - EXIT_W - GAP)


E = TypeVar("E")


class SituationScreen(Screen, Generic[E]):
    """A screen inside a situation: Esc goes to the menu, a clicker's PageDown goes on."""

    def __init__(self, app: StoryHost, event: E) -> None:
        super().__init__(app)
        self.story = app
        self.event = event

    def advance(self) -> bool:
        self.confirm()
        return True

    def back(self) -> None:
        self.story.go_menu()


class SceneScreen(SituationScreen[SceneShown]):
    name = "scene"

    def draw(self, p: Painter) -> None:
        p.fill()
        app, event = self.story, self.event
        t = app.t
        situation = app.pack.situation(event.situation)
        top_title(p, app.tx(situation.title))
        choices = event.choices
        rows = 2 if len(choices) > 2 else 1
        grid_top = p.h - MARGIN - rows * CHOICE_H - (rows - 1) * GAP
        text_bottom = p.h - MARGIN - 2 * CHOICE_H - 2 * GAP
        if not choices:
            grid_top = p.h - MARGIN - 80
        # left column: illustration and meters
        meters_h = len(app.meters()) * METER_ROW if app.show_meters else 0
        image_top = TOPBAR_H + 8
        image_h = text_bottom - image_top - meters_h
        image = event.scene.image or (event.speaker.image if event.speaker else None) or situation.image
        if image and image_h > 80:
            p.image(Path(app.pack.folder) / image, MARGIN, image_top, SCENE_IMAGE_W, image_h)
        if meters_h:
            draw_meters(p, app, event.values, MARGIN, text_bottom - meters_h + 10, SCENE_IMAGE_W)
        # right column: who speaks and what happens
        speaker = app.tx(event.speaker.name) if event.speaker else t("narrator")
        if event.speaker and event.speaker.role:
            speaker = f"{speaker} · {app.tx(event.speaker.role)}"
        spec = ROLES["speaker"]
        text_w = p.w - SCENE_TEXT_X - MARGIN
        p.text(speaker, SCENE_TEXT_X, TOPBAR_H + 12, spec.size, True, p.theme.accent, max_w=text_w)
        body = grid_top - GAP - SCENE_TEXT_TOP if not choices else text_bottom - SCENE_TEXT_TOP
        p.role(app.tx(event.scene.text), "scene", SCENE_TEXT_X, SCENE_TEXT_TOP, text_w, body)
        # choices
        cw = (p.w - 2 * MARGIN - GAP) / 2 if p.w > 1280 else CHOICE_W
        for i, choice in enumerate(choices):
            x = MARGIN + (i % 2) * (cw + GAP)
            y = grid_top + (i // 2) * (CHOICE_H + GAP)
            self.draw_choice(p, choice, x, y, cw, CHOICE_H)
        if not choices:
            p.button(t("next"), p.w - MARGIN - 300, grid_top, 300, 76, self.confirm, size=30, bold=True,
                     primary=True, align="center")
            p.text(t("continue_hint"), MARGIN, grid_top + 24, 22, colour=p.theme.muted, max_w=p.w - 2 * MARGIN - 320)

    def draw_choice(self, p: Painter, choice: ChoiceView, x: float, y: float, w: float, h: float) -> None:
        app = self.story
        p.button(app.tx(choice.label), x, y, w, h, partial(app.choose, choice.number), number=choice.number,
                 size=ROLES["choice"].size)

    def confirm(self) -> None:
        self.story.continue_scene()

    def advance(self) -> bool:
        if self.event.choices:
            return False
        self.confirm()
        return True

    def on_input(self, inp: Input) -> bool:
        if inp.cmd is Cmd.CHOOSE:
            if 1 <= inp.number <= len(self.event.choices):
                self.story.choose(inp.number)
            return True
        return False


class ConsequenceScreen(SituationScreen[ChoiceMade]):
    """What the choice did: the feedback, on replay more of the impact, and the meters moving."""

    name = "consequence"
    DURATION = 0.9

    def __init__(self, app: StoryHost, event: ChoiceMade, situation: str) -> None:
        super().__init__(app, event)
        self.situation = situation
        self.elapsed = 0.0

    @property
    def animating(self) -> bool:
        return self.elapsed < self.DURATION and bool(self.event.changes) and self.story.show_meters

    def tick(self, dt: float) -> None:
        self.elapsed += dt

    def finish_animation(self) -> None:
        self.elapsed = self.DURATION

    def draw(self, p: Painter) -> None:
        p.fill()
        app, event = self.story, self.event
        t = app.t
        top_title(p, app.tx(app.pack.situation(self.situation).title))
        y = TOPBAR_H + 4.0
        if event.label is not None:
            p.text(t("you_chose"), MARGIN, y, 24, colour=p.theme.muted)
            y += 34
            y += p.para(app.tx(event.label), MARGIN, y, p.w - 2 * MARGIN, CHOSEN_H, CHOSEN_SIZE, True) + 20
        if event.feedback is not None:
            y += p.role(app.tx(event.feedback), "feedback", MARGIN, y, p.w - 2 * MARGIN) + 16
        if event.impact is not None:
            p.text(t("replay_more"), MARGIN, y, 22, True, p.theme.accent)
            y += 32
            y += p.role(app.tx(event.impact), "impact", MARGIN, y, p.w - 2 * MARGIN) + 16
        if app.show_meters and event.changes:
            frac = min(1.0, self.elapsed / self.DURATION)
            ease = 1 - (1 - frac) ** 3
            shown = {c.variable: c.old + (c.new - c.old) * ease for c in event.changes}
            deltas = {c.variable: c.new - c.old for c in event.changes}
            values = {c.variable: c.new for c in event.changes}
            meters_w = min(900.0, p.w - 2 * MARGIN)
            top = max(y + 10, p.h - 130 - len(app.meters()) * METER_ROW)
            draw_meters(p, app, values, MARGIN, top, meters_w, shown, deltas)
        if event.points:
            p.text(t("points", n=f"+{event.points}"), p.w - MARGIN, p.h - 170, 28, True, p.theme.accent, "right")
        p.button(t("next"), p.w - MARGIN - 300, p.h - 110, 300, 72, self.confirm, size=30, bold=True,
                 primary=True, align="center")

    def confirm(self) -> None:
        if self.animating:
            self.finish_animation()
            return
        self.story.advance()



class EndingScreen(SituationScreen[EndingReached]):
    name = "ending"

    def draw(self, p: Painter) -> None:
        p.fill()
        app, event = self.story, self.event
        t = app.t
        ending = event.ending
        top_title(p, f"{app.tx(app.pack.situation(event.situation).title)} · {t('ending')}")
        kind_colour = {"good": p.theme.good, "mixed": p.theme.mixed, "bad": p.theme.bad}[ending.kind]
        y = TOPBAR_H
        # score badge: a number, a word and a colour
        p.panel(MARGIN, y, 230, 120, kind_colour, radius=18)
        p.text(str(event.score), MARGIN + 115, y + 4, 64, True, p.theme.on_accent, "center")
        p.text(t(f"kind_{ending.kind}"), MARGIN + 115, y + 84, 20, True, p.theme.on_accent, "center", max_w=214)
        p.role(app.tx(ending.verdict), "verdict", MARGIN + ENDING_TEXT_X, y + 4, p.w - 2 * MARGIN - ENDING_TEXT_X,
               VERDICT_H)
        best = event.previous_best is None or event.score > event.previous_best
        note = t("new_ending", found=event.endings_found, total=event.endings_total) if event.first_time else \
            t("ending_known", found=event.endings_found, total=event.endings_total)
        if best:
            note += " · " + t("new_best")
        p.text(note, MARGIN + 260, y + 98, 22, colour=p.theme.muted, max_w=p.w - 2 * MARGIN - 260)
        y += ENDING_PANELS_TOP
        col_w = (p.w - 2 * MARGIN - GAP) / 2
        box_h = p.h - y - ENDING_BOTTOM - HELP_STRIP_H - GAP
        # left: what helps and the 5 A's in two columns (marked with a tick, not colour alone)
        p.panel(MARGIN, y, col_w, box_h, border=p.theme.border)
        p.text(t("what_helps"), MARGIN + 16, y + 10, 26, True, p.theme.accent)
        rows = -(-len(FIVE_AS) // 2)
        helps_h = box_h - 60 - rows * FIVE_AS_ROW - 20
        p.para(app.tx(ending.helps), MARGIN + PANEL_PAD, y + HELPS_TOP, col_w - 2 * PANEL_PAD, helps_h,
               ROLES["helps"].size)
        ay = y + box_h - rows * 34 - 14
        first_w = (col_w - 32) * 0.58  # the first column holds the longest names ("Impliquer d'autres…")
        column = [(MARGIN + 16, first_w), (MARGIN + 16 + first_w, col_w - 32 - first_w)]
        marked = set(ending.five_as)
        for i, a in enumerate(FIVE_AS):
            on = a in marked
            (ax, a_w), row_y = column[i // rows], ay + (i % rows) * 34
            p.text("✓" if on else "·", ax + 8, row_y, 24, True, p.theme.good if on else p.theme.muted)
            p.text(t(f"a_{a}"), ax + 40, row_y, 22, on, p.theme.text if on else p.theme.muted, max_w=a_w - 44)
        # right: debrief questions for the class
        x2 = MARGIN + col_w + GAP
        p.panel(x2, y, col_w, box_h, border=p.theme.border)
        p.text(t("debrief"), x2 + 16, y + 10, 26, True, p.theme.accent)
        questions = [app.tx(q) for q in ending.debrief] or [app.tx(q) for q in
                                                           app.pack.situation(event.situation).debrief]
        qy = y + float(DEBRIEF_TOP)
        room = box_h - 64
        each = room / max(1, len(questions))
        for i, question in enumerate(questions):
            p.text(f"{i + 1}.", x2 + 16, qy, 24, True)
            used = p.para(question, x2 + DEBRIEF_INDENT, qy, col_w - PANEL_PAD - DEBRIEF_INDENT, each - 8,
                          ROLES["debrief"].size)
            qy += used + DEBRIEF_GAP  # stacked, not spread: each may use its fair share, so all still fit
        self.draw_helplines(p, p.h - ENDING_BOTTOM - HELP_STRIP_H, p.w - 2 * MARGIN - NEXT_W - GAP)
        p.button(t("next"), p.w - MARGIN - 300, p.h - 100, 300, 72, self.confirm, size=30, bold=True,
                 primary=True, align="center")

    def shown_helplines(self) -> list[HelpLine]:
        """The ending's own lines for this player: the emergency exit's selection among those it names."""
        app = self.story
        return for_ending(self.event.helplines, app.region or "flanders", app.lang)[:MAX_ENDING_LINES]

    def draw_helplines(self, p: Painter, y: float, w: float) -> None:
        """A strip beside the Next button: a heading, then each line's number (large) and name."""
        lines = self.shown_helplines()
        if not lines:
            return
        app = self.story
        p.panel(MARGIN, y, w, HELP_STRIP_H, border=p.theme.accent)
        indent = 30 if p.icon("phone", MARGIN + 14, y + 8, 24, p.theme.accent) else 0
        p.text(app.t("ending_help"), MARGIN + 16 + indent, y + 8, 22, True, p.theme.accent,
               max_w=w - 32 - indent)
        each = (w - 32 - (len(lines) - 1) * GAP) / len(lines)
        for i, line in enumerate(lines):
            x = MARGIN + 16 + i * (each + GAP)
            p.text(line.number, x, y + 40, 30, True, max_w=each)
            p.para(app.tx(line.name), x, y + HELP_NAME_TOP, each, HELP_STRIP_H - 82, HELP_NAME_SIZE)

    def confirm(self) -> None:
        self.story.advance()



class UnlockedScreen(SituationScreen[EndingReached]):
    """Shown after an ending that revealed something new."""

    name = "unlocked"

    def __init__(self, app: StoryHost, event: EndingReached) -> None:
        super().__init__(app, event)
        self.index = 0

    def draw(self, p: Painter) -> None:
        p.fill()
        app = self.story
        t = app.t
        unlock = self.event.unlocked[self.index % len(self.event.unlocked)]
        self.heading(p, t("unlocked_title"))
        p.panel(MARGIN, TOPBAR_H + 10, p.w - 2 * MARGIN, p.h - TOPBAR_H - 140, border=p.theme.accent, width=3)
        p.text(t(unlock.kind), MARGIN + 24, TOPBAR_H + 26, 22, True, p.theme.accent)
        p.para(app.tx(unlock.title), MARGIN + 24, TOPBAR_H + 60, p.w - 2 * MARGIN - 48, UNLOCK_TITLE_H,
               UNLOCK_TITLE_SIZE, True)
        p.role(app.tx(unlock.text), "unlock", MARGIN + 24, TOPBAR_H + 124, p.w - 2 * MARGIN - 48,
               p.h - TOPBAR_H - 290)
        p.button(t("next"), p.w - MARGIN - 300, p.h - 100, 300, 72, self.confirm, size=30, bold=True,
                 primary=True, align="center")

    def confirm(self) -> None:
        if self.index + 1 < len(self.event.unlocked):
            self.index += 1
        else:
            self.story.advance()

