"""The class's debrief on the projector, situation by situation with the class's own figures (stepped with
a clicker alone), and the pupils' feedback chart while the form is open on the phones. Counts only: no
screen names a phone."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from barst.classroom.live import ClassScreen
from barst.model import FIVE_AS, Situation
from barst.play.input import Cmd, Input
from barst.play.metrics import EXIT_W, GAP, MARGIN, TOPBAR_H
from barst.play.screens.base import page_step
from barst.play.widgets import Painter

if TYPE_CHECKING:
    from barst.classroom.host import ClassHost

FEEDBACK_QUESTIONS = ("liked", "learned", "safe", "talk")


@dataclass(frozen=True, slots=True)
class Page:
    situation: Situation | None
    kind: str  # choices, endings, five_as, questions, feedback
    scenes: tuple[str, ...] = ()


class DebriefScreen(ClassScreen):
    """Situation by situation: what the class chose, which endings, the 5 A's, then the questions."""

    name = "debrief"
    SCENES_PER_PAGE = 2

    def __init__(self, app: ClassHost, figures: dict[str, Any]) -> None:
        super().__init__(app)
        self.figures = figures
        self.pages = self._pages()
        self.index = 0

    def _pages(self) -> list[Page]:
        pages: list[Page] = []
        played = self.figures.get("plays", {})
        for situation in self.host.open_situations():
            if played and not played.get(situation.id):
                continue  # nobody played it: nothing of the class's to talk about
            chosen = self.figures.get("choices", {}).get(situation.id, {})
            scenes = [s.id for s in situation.scenes if chosen.get(s.id)]
            for start in range(0, len(scenes), self.SCENES_PER_PAGE):
                pages.append(Page(situation, "choices", tuple(scenes[start:start + self.SCENES_PER_PAGE])))
            pages += [Page(situation, "endings"), Page(situation, "five_as"), Page(situation, "questions")]
        return [*pages, Page(None, "feedback")]

    def draw(self, p: Painter) -> None:
        p.fill()
        app, t = self.host, self.host.t
        page = self.pages[self.index]
        title = app.tx(page.situation.title) if page.situation else t("feedback_title")
        p.text(f"{t('debrief_title')} · {title}", MARGIN, 22, 30, True, max_w=p.w - 2 * MARGIN - EXIT_W - GAP)
        y = TOPBAR_H + 8
        if page.kind == "feedback":
            draw_feedback(p, app, self.figures, y)
        elif page.situation is not None:
            getattr(self, f"_{page.kind}")(p, page, page.situation, y)
        self.footer(p, t("debrief_keys", n=self.index + 1, total=len(self.pages)))

    def _choices(self, p: Painter, page: Page, situation: Situation, y: float) -> None:
        app = self.host
        counts = self.figures.get("choices", {}).get(situation.id, {})
        scenes = {s.id: s for s in situation.scenes}
        label_w = (p.w - 2 * MARGIN) * 0.55
        for scene_id in page.scenes:
            scene = scenes[scene_id]
            p.para(app.tx(scene.text), MARGIN, y, p.w - 2 * MARGIN, 64, 22, colour=p.theme.muted)
            y += 72
            chosen: dict[str, int] = counts.get(scene_id, {})
            most = max(chosen.values(), default=1)
            for choice in scene.choices:
                p.para(app.tx(choice.label), MARGIN + 16, y, label_w - 24, 44, 22)
                bar(p, MARGIN + label_w, y + 8, p.w - 2 * MARGIN - label_w - 80, 24, chosen.get(choice.id, 0), most)
                y += 50
            y += 16

    def _endings(self, p: Painter, page: Page, situation: Situation, y: float) -> None:
        app, t = self.host, self.host.t
        reached: dict[str, int] = self.figures.get("endings", {}).get(situation.id, {})
        most = max(reached.values(), default=1)
        p.text(t("debrief_endings"), MARGIN, y, 26, True, p.theme.accent)
        y += 44
        label_w = (p.w - 2 * MARGIN) * 0.6
        for scene in (s for s in situation.scenes if s.ending is not None):
            ending = scene.ending
            assert ending is not None
            line = f"{t('kind_' + ending.kind)}: {app.tx(ending.verdict)}"
            p.para(line, MARGIN + 16, y, label_w - 24, 52, 22)
            bar(p, MARGIN + label_w, y + 10, p.w - 2 * MARGIN - label_w - 80, 24, reached.get(scene.id, 0), most)
            y += 60

    def _five_as(self, p: Painter, page: Page, situation: Situation, y: float) -> None:
        t = self.host.t
        chosen: dict[str, dict[str, int]] = self.figures.get("choices", {}).get(situation.id, {})
        used: Counter[str] = Counter()
        for scene in situation.scenes:
            for choice in scene.choices:
                if choice.five_a:
                    used[choice.five_a] += chosen.get(scene.id, {}).get(choice.id, 0)
        p.text(t("debrief_five_as"), MARGIN, y, 26, True, p.theme.accent)
        y += 48
        most = max(used.values(), default=1)
        for a in FIVE_AS:
            p.text(t(f"a_{a}"), MARGIN + 16, y + 12, 26, True, middle=True, max_w=400)
            bar(p, MARGIN + 440, y, p.w - 2 * MARGIN - 540, 26, used.get(a, 0), most)
            y += 56

    def _questions(self, p: Painter, page: Page, situation: Situation, y: float) -> None:
        app, t = self.host, self.host.t
        p.text(t("debrief"), MARGIN, y, 26, True, p.theme.accent)
        y += 48
        for i, question in enumerate(situation.debrief):
            p.text(f"{i + 1}.", MARGIN, y, 28, True)
            y += p.para(app.tx(question), MARGIN + 40, y, p.w - 2 * MARGIN - 40, 120, 28) + 20

    def on_input(self, inp: Input) -> bool:
        step = page_step(inp) or (1 if inp.cmd is Cmd.CONFIRM else 0)
        if step:
            self.index = max(0, min(len(self.pages) - 1, self.index + step))
            return True
        return False

    def advance(self) -> bool:
        self.index = min(len(self.pages) - 1, self.index + 1)
        return True


def draw_feedback(p: Painter, app: ClassHost, figures: dict[str, Any], y: float) -> None:
    """The pupils' answers as bars per face, with counts and the average; "I know who to call" as yes/no."""
    words = app.phone_words_here()
    answers: dict[str, dict[str, int]] = figures.get("feedback", {})
    label_w = (p.w - 2 * MARGIN) * 0.36
    cell = (p.w - 2 * MARGIN - label_w) / 5
    for q in FEEDBACK_QUESTIONS:
        counts = {int(k): v for k, v in answers.get(q, {}).items()}
        total = sum(counts.values())
        average = sum(k * v for k, v in counts.items()) / total if total else 0
        p.para(words.get(f"fb_{q}", q), MARGIN, y, label_w - 16, 56, 22, bold=True)
        most = max(counts.values(), default=1)
        for v in range(1, 6):
            x = MARGIN + label_w + (v - 1) * cell
            count = counts.get(v, 0)
            h = 50 * count / max(1, most)
            p.panel(x + 8, y + 56 - h, cell - 16, max(2, h), p.theme.accent if count else p.theme.bar_bg, radius=4)
            p.text(str(count), x + cell / 2, y + 58, 20, True, align="center")
            p.text(words.get(f"fb_{v}", str(v)), x + cell / 2, y + 82, 16, colour=p.theme.muted, align="center",
                   max_w=cell - 8)
        p.text(app.t("feedback_average", n=f"{average:.1f}" if total else "–", count=total), MARGIN, y + 62, 18,
               colour=p.theme.muted, max_w=label_w - 16)
        y += 118
    call: dict[str, int] = figures.get("call", {})
    p.text(words.get("fb_call", ""), MARGIN, y + 4, 22, True, max_w=label_w + cell * 2)
    p.text(f"{words.get('yes', 'yes')}: {call.get('yes', 0)} · {words.get('no', 'no')}: {call.get('no', 0)}",
           MARGIN + label_w + cell * 2.2, y + 4, 26, True, max_w=cell * 2.8)


class FeedbackScreen(ClassScreen):
    """The form is open on the phones; the answers arrive here as a chart."""

    name = "feedback"

    def draw(self, p: Painter) -> None:
        p.fill()
        app, t = self.host, self.host.t
        self.title(p, "feedback_title")
        draw_feedback(p, app, app.figures(), TOPBAR_H + 8)
        tally = app.tally
        self.footer(p, t("feedback_keys", n=tally.feedback if tally else 0))

    def back(self) -> None:
        self.host.close_feedback()

    def confirm(self) -> None:
        self.host.close_feedback()


def bar(p: Painter, x: float, y: float, w: float, h: float, count: int, most: int) -> None:
    """A count as a bar with its number beside it (never colour alone)."""
    p.panel(x, y, w, h, p.theme.bar_bg, radius=h / 2)
    if count:
        p.panel(x, y, max(h, w * count / max(1, most)), h, p.theme.accent, radius=h / 2)
    p.text(str(count), x + w + 12, y + h / 2, h * 0.9, True, middle=True)
