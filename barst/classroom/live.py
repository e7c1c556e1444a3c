"""Projector screens while every pupil plays on their own phone: the trainer's plan (which situations,
how long), the live class view with the session timer, and the offer to resume a session the laptop lost
(the debrief and the feedback chart are in `debrief.py`). Counts only: no screen names a phone."""

from __future__ import annotations

import time
from functools import partial
from math import ceil
from typing import TYPE_CHECKING

from barst.model import Situation
from barst.play.input import Cmd, Input
from barst.play.metrics import EXIT_W, GAP, MARGIN, TOPBAR_H
from barst.play.screens.base import Screen, page_step
from barst.play.widgets import Painter
from barst.sessionplan import plan

if TYPE_CHECKING:
    from barst.classroom.host import ClassHost

# The live view: the clock's line, the column heads, then the rows down to the phones line and the keys.
CLOCK_SIZE = 40
LIVE_HEADS_TOP = TOPBAR_H + 64
LIVE_ROWS_TOP = LIVE_HEADS_TOP + 38
LIVE_BOTTOM = 100
LIVE_ROW_MAX = 64
LIVE_ROW_MIN = 44  # a lower row no longer holds its title at the large text size: the rows are paged
# The plan screen: the situations' grid between these lines, then the plan's length and the start button.
PLAN_TOP = TOPBAR_H + 16
PLAN_BOTTOM = 180
PLAN_COLUMNS = 2  # a third column would wrap a title in two lines, too small to read: page instead
PLAN_ROW_MAX = 76
PLAN_ROW_COMFORT = 60  # a second column comes before the rows get lower than this
PLAN_ROW_MIN = 56
PLAN_KEYS_H = 56


class ClassScreen(Screen):
    """A projector screen of the class session: it may ask the class app (`host`) for its figures."""

    def __init__(self, app: ClassHost) -> None:
        super().__init__(app)
        self.host = app

    def title(self, p: Painter, key: str) -> None:
        p.text(self.host.t(key), MARGIN, 18, 40, True, max_w=p.w - 2 * MARGIN - EXIT_W - GAP)


class LiveScreen(ClassScreen):
    """How the class is playing, right now: one compact row per open situation, all of them at once while
    they fit (a pack's ten do at 1280x720 and the large text size); more than that are paged with the
    clicker (PageUp/PageDown), and the screen says which ones it shows ("Situations 1–6 of 11")."""

    name = "live"

    def __init__(self, app: ClassHost) -> None:
        super().__init__(app)
        self.page = 0

    def pages(self, p: Painter) -> tuple[int, int]:
        """How many pages the open situations take at this window height, and how many rows a page has
        (shared out evenly: 11 situations are 6 + 5, not 10 + 1)."""
        count = max(1, len(self.host.open_situations()))
        fit = max(1, int((p.h - LIVE_ROWS_TOP - LIVE_BOTTOM) // LIVE_ROW_MIN))
        pages = ceil(count / fit)
        return pages, ceil(count / pages)

    def draw(self, p: Painter) -> None:
        p.fill()
        app, t = self.host, self.host.t
        self.title(p, "live_title")
        self.clock(p, TOPBAR_H + 4)
        tally = app.tally
        col = (p.w - 2 * MARGIN) / 4
        # "Spielen gerade", "Gefundene Enden" and "188 fois (dont 140 rejouées)" still fit at 1024x768,
        # where no text is drawn below 18 px
        xs = [MARGIN + col * f for f in (0, 1.35, 2.05, 3.3)]
        widths = [col * f for f in (1.3, 0.65, 1.2, 0.7)]
        for x, w, key in zip(xs, widths, ("live_situation", "live_playing", "live_plays", "live_found"), strict=True):
            p.text(t(key), x, LIVE_HEADS_TOP, 22, True, p.theme.muted, max_w=w - 8)
        situations = app.open_situations()
        pages, per_page = self.pages(p)
        self.page %= pages
        shown = situations[self.page * per_page:(self.page + 1) * per_page]
        row = min(LIVE_ROW_MAX, (p.h - LIVE_ROWS_TOP - LIVE_BOTTOM) / per_page)
        gap = row * 0.12
        y: float = LIVE_ROWS_TOP
        for situation in shown:
            sid = situation.id
            total = sum(1 for s in situation.scenes if s.ending is not None)
            plays = tally.plays.get(sid, 0) if tally else 0
            replays = tally.replays.get(sid, 0) if tally else 0
            playing = tally.playing.get(sid, 0) if tally else 0
            found = tally.found.get(sid, 0) if tally else 0
            p.panel(MARGIN, y, p.w - 2 * MARGIN, row - gap, p.theme.surface)
            cells = [(app.tx(situation.title), 26, True), (str(playing), 30, True),
                     (t("live_plays_value", n=plays, r=replays), 24, False),
                     (t("live_found_value", n=found, total=total), 26, False)]
            for x, w, (value, size, bold) in zip(xs, widths, cells, strict=True):
                p.text(value, x + (14 if x == MARGIN else 0), y + (row - gap) / 2, size, bold, middle=True,
                       max_w=w - 20)
            y += row
        connected = tally.connected if tally else 0
        line = t("live_phones", n=connected)
        if tally and tally.phase == "feedback":
            line += " · " + t("live_feedback", n=tally.feedback)
        line_w = p.w - 2 * MARGIN
        if pages > 1:
            first = self.page * per_page + 1
            where = t("live_page", first=first, last=first + len(shown) - 1, total=len(situations))
            line_w = (p.w - 2 * MARGIN) * 0.55 - GAP
            p.text(where, p.w - MARGIN, p.h - LIVE_BOTTOM + 16, 26, True, p.theme.accent, align="right",
                   max_w=(p.w - 2 * MARGIN) * 0.45)
        p.text(line, MARGIN, p.h - LIVE_BOTTOM + 16, 26, True, max_w=line_w)
        self.footer(p, t("live_keys"))

    def on_input(self, inp: Input) -> bool:
        step = page_step(inp)
        if step:
            self.page += step  # wrapped around when drawn, where the number of pages is known
            return True
        return False

    def clock(self, p: Painter, y: float) -> None:
        """The session timer, visible to all, with the plan's current part."""
        app, t = self.host, self.host.t
        elapsed = time.monotonic() - app.session_started
        minutes, seconds = divmod(int(elapsed), 60)
        drawn = p.text(f"{minutes:02d}:{seconds:02d}", MARGIN, y, CLOCK_SIZE, True, p.theme.accent)
        # the plan's line starts after the widest clock of its digits, so it does not move every second
        widest = p.layout.to_units(p.texts.width("00:00", p.layout.font_px(CLOCK_SIZE), True))
        x = MARGIN + max(drawn, widest) + 24
        parts = plan(app.plan_minutes, app.lang)
        done = 0.0
        for title, length in parts:
            if elapsed / 60 < done + length:
                left = max(0, round(done + length - elapsed / 60))
                name = title.get(app.lang) or next(iter(title.values()), "")
                p.text(t("live_plan_now", part=name, left=left, total=app.plan_minutes), x, y + 10, 26,
                       max_w=p.w - x - MARGIN)
                return
            done += length
        if parts:
            p.text(t("live_plan_over", total=app.plan_minutes), x, y + 10, 26, max_w=p.w - x - MARGIN)

    def redraw_every(self) -> float | None:
        return 1.0  # the clock

    def back(self) -> None:
        """The live view has nothing behind it."""


class PlanScreen(ClassScreen):
    """Before the class plays (and with O later): which situations the phones open, and the plan's length.
    Number keys or the focus with Enter/F5 switch a situation; a clicker alone can do it all. The situations
    stand in one or two columns, read down; a pack too big even for two is paged with a button of its own,
    which the clicker's focus reaches like any other."""

    name = "plan"

    def __init__(self, app: ClassHost) -> None:
        super().__init__(app)
        self.chosen = [s.id for s in app.open_situations()]
        self.minutes = app.plan_minutes
        self.page = 0
        self.paged = False  # the page button was just pressed: the focus stays on it
        self.on_page: list[str] = [s.id for s in app.pack.situations]  # as last drawn: what the numbers switch

    def grid(self, p: Painter) -> tuple[int, int, int]:
        """Columns, rows and pages for the pack's situations at this window height: as few columns as keep
        the rows comfortable, paged only when two columns of the lowest rows are not enough."""
        count = max(1, len(self.host.pack.situations))
        room = p.h - PLAN_TOP - PLAN_BOTTOM
        columns = next((c for c in range(1, PLAN_COLUMNS + 1) if ceil(count / c) * PLAN_ROW_COMFORT <= room),
                       PLAN_COLUMNS)
        fit = columns * max(1, int(room // PLAN_ROW_MIN))
        pages = ceil(count / fit)
        return columns, ceil(ceil(count / pages) / columns), pages

    def shown(self, p: Painter) -> tuple[int, list[Situation]]:
        """The index of the first situation on this page, and the page's situations."""
        columns, rows, pages = self.grid(p)
        self.page %= pages
        first = self.page * columns * rows
        return first, self.host.pack.situations[first:first + columns * rows]

    def draw(self, p: Painter) -> None:
        p.fill()
        app, t = self.host, self.host.t
        self.title(p, "plan_title")
        columns, rows, pages = self.grid(p)
        first, shown = self.shown(p)
        self.on_page = [s.id for s in shown]
        if self.paged:  # the situations, the plan's length, then the page button
            self.paged, self.focus = False, len(shown) + 1
            p.focus = self.focus
        row = min(PLAN_ROW_MAX, (p.h - PLAN_TOP - PLAN_BOTTOM) / rows)
        col_w = (p.w - 2 * MARGIN - (columns - 1) * GAP) / columns
        for i, situation in enumerate(shown):  # down the first column, then the next: the reading order
            x, y = MARGIN + (i // rows) * (col_w + GAP), PLAN_TOP + (i % rows) * row
            on = situation.id in self.chosen
            mark = f"✓ {self.chosen.index(situation.id) + 1}." if on else "·"
            label = f"{mark}  {app.tx(situation.title)}"
            p.button(label, x, y, col_w, row - 10, partial(self.toggle, situation.id), number=i + 1 if i < 9 else 0,
                     size=24, bold=on)
        y = p.h - PLAN_BOTTOM + 10
        p.button(t("plan_minutes", n=self.minutes), MARGIN, y, 420, 64, self.switch_minutes, size=24)
        if pages > 1:
            more = t("plan_more", first=first + 1, last=first + len(shown), total=len(app.pack.situations))
            p.button(more, MARGIN + 420 + GAP, y, p.w - 2 * MARGIN - 840 - 2 * GAP, 64, self.next_page, size=22,
                     align="center")
        p.button(t("plan_start"), p.w - MARGIN - 420, y, 420, 64, self.start, size=26, bold=True, primary=True,
                 align="center")
        # the keys take two lines: on one, a 1024x768 projector's 18-px minimum would run them off the edge
        p.para(t("plan_keys"), MARGIN, p.h - PLAN_KEYS_H - 10, p.w - 2 * MARGIN, PLAN_KEYS_H, 20, colour=p.theme.muted)

    def next_page(self) -> None:
        self.page += 1  # wrapped around when drawn
        self.paged = True

    def on_input(self, inp: Input) -> bool:
        if inp.cmd is Cmd.CHOOSE and 1 <= inp.number <= len(self.on_page):
            self.toggle(self.on_page[inp.number - 1])
            return True
        return False

    def toggle(self, situation: str) -> None:
        if situation in self.chosen:
            if len(self.chosen) > 1:  # at least one stays open
                self.chosen.remove(situation)
        else:
            self.chosen.append(situation)  # the order they are switched on is the order on the phones

    def switch_minutes(self) -> None:
        self.minutes = 100 if self.minutes == 50 else 50

    def start(self) -> None:
        self.host.apply_plan(self.chosen, self.minutes)

    def back(self) -> None:
        if self.host.solo_started:
            self.host.set_stack([LiveScreen(self.host)])


class ResumeScreen(ClassScreen):
    """The laptop app was stopped during a class session: resume it, or start a new class."""

    name = "resume"

    def __init__(self, app: ClassHost, saved_at: float, phones: int) -> None:
        super().__init__(app)
        self.saved_at, self.phones = saved_at, phones

    def draw(self, p: Painter) -> None:
        p.fill()
        t = self.host.t
        self.title(p, "resume_title")
        when = time.strftime("%H:%M", time.localtime(self.saved_at)) if self.saved_at else "?"
        p.para(t("resume_text", time=when, n=self.phones), MARGIN, TOPBAR_H + 30, p.w - 2 * MARGIN, 200, 32)
        p.button(t("resume_yes"), MARGIN, TOPBAR_H + 260, 560, 84, self.confirm, number=1, size=28, bold=True)
        p.button(t("resume_no"), MARGIN + 600, TOPBAR_H + 260, 560, 84, self.host.resume_declined, number=2, size=28)

    def confirm(self) -> None:
        self.host.resume_accepted()

    def on_input(self, inp: Input) -> bool:
        if inp.cmd is Cmd.CHOOSE and inp.number in (1, 2):
            (self.host.resume_accepted if inp.number == 1 else self.host.resume_declined)()
            return True
        return False

    def back(self) -> None:
        """Nothing behind it: choose one."""
