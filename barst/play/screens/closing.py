"""The trainer's end-of-session screen: people counted in the room, audience, setting, how it went and the
project code, for the session report (barst/report). One short form; skippable; `barst report --edit`
corrects it later. The form itself is pure (barst/report/entry.py); this module draws it and feeds it keys.

The session's record is written before the screen shows (with its entries empty), so a skip or a crash
keeps the session; Save adds the entries to that record. Shared by every game on the shell:
- `offer_on_quit(app, event)`: the story App and the class call it first in `handle_event`; on the
  window's close button it writes the record and shows this screen, and the quit waits for Save or Skip;
- `close_session(host, record_id, then)`: pushes the screen for a record already written (a new class)
  and calls `then()` after Save or Skip;
- `write_and_close(host, record, then)`: writes a record built by the game (the board game's
  `board_record`) and does the same.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

import pygame

from barst.play.input import Cmd, Input, translate
from barst.play.metrics import EXIT_W, GAP, MARGIN, TOPBAR_H
from barst.play.screens.base import Host, Screen
from barst.play.screens.safety import EmergencyScreen
from barst.play.widgets import Button, Painter
from barst.report import record as R
from barst.report.entry import CHOICES, COUNT_DIGITS, Form
from barst.report.settings import load_project, save_project

if TYPE_CHECKING:
    from barst.model import HelpLine

DIGIT_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(10)}
NOT_TYPED = frozenset("xX")  # X stays the emergency exit, even on the project row (see `_asks_exit`)


class ClosingHost(Host, Protocol):
    """What `offer_on_quit` needs besides a screen's host: the stack, the quit and the session's record."""

    running: bool
    buttons: list[Button]
    window: pygame.Surface

    @property
    def top(self) -> Screen: ...
    def record_session(self) -> str | None: ...
    def helplines(self) -> list[HelpLine]: ...


def offer_on_quit(app: ClosingHost, event: pygame.event.Event) -> bool:
    """Called first for every event. True when the event was used here: the window's close button (or
    Alt+F4) while a session waits for its entries (the record is written, the screen shows, the quit
    waits), a key typed into the form, or the emergency exit over it.

    Only the window's own close asks: a plain quit event (Ctrl+C or SIGTERM, which SDL turns into one) ends
    the player at once, and the session keeps its record with the entries empty."""
    top = app.top
    if isinstance(top, ClosingScreen):
        if event.type == pygame.QUIT and top.window_quit_pending:
            top.window_quit_pending = False  # the quit SDL sends right after the close button: already asked
            return True
        if event.type in (pygame.WINDOWCLOSE, pygame.QUIT):
            top.finish("skipped")  # closed again (or Ctrl+C): the record keeps its entries empty
            app.running = False
            return True
        if _asks_exit(app, event):
            # The help lines at once, as everywhere, but over the form: back comes back to it (the session
            # ended already, so there is no situation to leave and nothing new to record).
            app.push(EmergencyScreen(app, app.helplines(), app.pop))
            return True
        return event.type == pygame.KEYDOWN and top.typed(event)
    if event.type != pygame.WINDOWCLOSE:
        return False
    record_id = app.record_session()

    def stop() -> None:
        app.running = False

    if not close_session(app, record_id, stop):
        return False
    closing = app.top
    if isinstance(closing, ClosingScreen):
        closing.window_quit_pending = True
    return True


def _asks_exit(app: ClosingHost, event: pygame.event.Event) -> bool:
    """The emergency exit's key, or a click or tap on its button."""
    inp = translate(event, app.window.get_size())
    if inp is None:
        return False
    if inp.cmd is Cmd.EXIT:
        return True
    if inp.cmd is not Cmd.CLICK:
        return False
    hit = next((b for b in reversed(app.buttons) if b.rect.collidepoint(inp.pos)), None)
    return hit is not None and hit.action == app.emergency_exit


def close_session(host: Host, record_id: str | None, then: Callable[[], None]) -> bool:
    """Show the closing screen for the session whose record `record_id` was just written, and call `then`
    after Save or Skip. With no record (nothing was played) nothing is shown: `then` runs at once (False)."""
    if record_id is None:
        then()
        return False
    host.push(ClosingScreen(host, record_id, then))
    return True


def write_and_close(host: Host, record: R.SessionRecord | None, then: Callable[[], None]) -> bool:
    """For a game that builds its record itself (the board game: `barst.report.played.board_record`):
    write it (a failed write is let go, the game comes first) and ask for the entries as `close_session`."""
    record_id = None
    if record is not None:
        with contextlib.suppress(OSError, ValueError):
            record_id = R.write(record).stem
    return close_session(host, record_id, then)


class ClosingScreen(Screen):
    name = "closing"
    show_clock = False  # the session is over: its clock would only crowd the keys' line

    def __init__(self, app: Host, record_id: str, then: Callable[[], None]) -> None:
        super().__init__(app)
        self.record_id = record_id
        self.then = then
        self.form = Form(saved_project=load_project())
        self.done = False
        self.window_quit_pending = False  # opened by the close button: SDL's quit right behind it is no 2nd close

    # --- input ---

    def typed(self, event: pygame.event.Event) -> bool:
        """Keys the input map would read otherwise: digits (0 too) for the count, Backspace and Delete, and
        the project code's characters while its row has the focus (so B and T type, not blank the screen)."""
        form = self.form
        if event.key in DIGIT_KEYS:
            form.type_digit(DIGIT_KEYS[event.key])
            return True
        if event.key == pygame.K_BACKSPACE:
            form.erase()
            return True
        if event.key == pygame.K_DELETE:
            form.clear()
            return True
        char = getattr(event, "unicode", "") or ""
        if form.row == "project" and len(char) == 1 and char.isprintable() and char not in NOT_TYPED:
            form.type_char(char)  # a character no code has (a space, a slash) is simply not typed
            return True
        return False

    def on_input(self, inp: Input) -> bool:
        form, cmd = self.form, inp.cmd
        setting = form.digit is not None
        if cmd in (Cmd.NEXT, Cmd.PREV, Cmd.UP, Cmd.DOWN):
            up = cmd in (Cmd.NEXT, Cmd.UP) if setting else cmd in (Cmd.NEXT, Cmd.DOWN)
            form.move(1 if up else -1)  # a digit turns up on PageDown and ↑; otherwise the focus moves down
        elif cmd in (Cmd.LEFT, Cmd.RIGHT):
            form.leave_digits()
            form.change(form.row, 1 if cmd is Cmd.RIGHT else -1)
        elif cmd is Cmd.CONFIRM:
            if form.row == "project" and form.project_changed:
                form.move(1)  # Enter after typing a code goes on to Save (F5 does not clear what was typed)
            else:
                form.press()
        elif cmd is Cmd.CHOOSE:
            form.type_digit(inp.number)
        elif cmd is Cmd.BACK:
            if not form.leave_digits():
                if form.row == "skip":
                    form.press()
                else:
                    form.focus_on("skip")  # one Esc points at Skip; a second one skips
        else:
            return False
        if form.result is not None:
            self.finish(form.result)
        return True

    def back(self) -> None:
        """Never a silent pop: Esc is handled in `on_input`."""

    def finish(self, result: str) -> None:
        """Save: the entries go into the session's record and the code into the trainer's settings. Skip:
        the record stays as written (entries empty). A failed write never keeps the trainer here."""
        if self.done:
            return
        self.done = True
        form = self.form
        if result == "saved":
            with contextlib.suppress(OSError, ValueError):
                R.edit(self.record_id, form.entries())
            if form.project_changed:
                with contextlib.suppress(OSError, ValueError):
                    save_project(form.project_to_keep())
        self.then()

    # --- drawing ---

    def draw(self, p: Painter) -> None:
        p.fill()
        t = self.app.t
        self.heading(p, t("closing_title"))
        p.para(t("closing_intro"), MARGIN, TOPBAR_H - 8, p.w - 2 * MARGIN - EXIT_W - GAP, 56, 22,
               colour=p.theme.muted)
        form = self.form
        rows = form.rows()
        top = TOPBAR_H + 54
        fields = rows[:-2]
        row_h = min(76.0, (p.h - top - 64 - 74) / len(fields))  # a 4:3 projector has room for taller rows
        for index, row in enumerate(fields):
            self._row(p, index, row, MARGIN, top + index * row_h, p.w - 2 * MARGIN, row_h - 8)
        y = top + len(fields) * row_h + 4
        half = (p.w - 2 * MARGIN - GAP) / 2
        for offset, row in enumerate(rows[-2:]):
            self._action(p, len(fields) + offset, row, MARGIN + offset * (half + GAP), y, half, 58)
        self.footer(p, t(self._keys()))

    def _keys(self) -> str:
        form = self.form
        if form.digit is not None:
            return "closing_keys_digit"
        return {"participants": "closing_keys_count", "project": "closing_keys_code"}.get(form.row, "closing_keys")

    def _row(self, p: Painter, index: int, row: str, x: float, y: float, w: float, h: float) -> None:
        theme, t = p.theme, self.app.t
        focused = index == self.form.focus
        p.panel(x, y, w, h, theme.surface_hi if focused else theme.surface, theme.accent if focused else theme.border,
                width=4 if focused else 2)
        if focused:  # a mark besides colour: a bar on the left edge
            pygame.draw.rect(p.surface, theme.accent, p.rect(x + 4, y + 8, 6, h - 16))
        p.buttons.append(Button(p.rect(x, y, w, h), lambda: self.form.focus_on(row), focusable=False))
        label_w = min(430.0, w * 0.4)
        p.text(t(f"closing_{row}"), x + 22, y + h / 2, 24, focused, max_w=label_w - 30, middle=True)
        value_x, value_w = x + label_w, w - label_w - 14
        if row == "participants":
            self._count(p, value_x, y, value_w, h)
        elif row == "project":
            self._project(p, value_x, y, value_w, h, focused)
        else:
            self._spinner(p, row, value_x, y, value_w, h)

    def _spinner(self, p: Painter, row: str, x: float, y: float, w: float, h: float) -> None:
        """◀ value ▶: F5 or ▶ the next choice, ◀ the one before."""
        value = self.form.value(row)
        arrow = h - 12
        self._arrow(p, x, y + 6, arrow, -1, lambda: self.form.change(row, -1))
        self._arrow(p, x + w - arrow, y + 6, arrow, 1, lambda: self.form.change(row, 1))
        shown = self._label(row, value)
        colour = p.theme.muted if value is None else p.theme.text
        p.text(shown, x + w / 2, y + h / 2, 24, value is not None, colour, "center", max_w=w - 2 * arrow - 24,
               middle=True)
        options = CHOICES[row]
        position = f"{options.index(value)}/{len(options) - 1}" if value in options and value is not None else ""
        if position:  # where in the list it is, for a clicker cycling through it
            p.text(position, x + w - arrow - 12, y + h / 2, 18, colour=p.theme.muted, align="right", middle=True)

    def _label(self, row: str, value: object) -> str:
        t = self.app.t
        if value is None:
            return t("closing_not_entered")
        if row == "went":
            return f"{value} · {t(f'closing_went_{value}')}"
        return t(f"closing_v_{value}")

    def _count(self, p: Painter, x: float, y: float, w: float, h: float) -> None:
        """Three digit boxes (the clicker sets them one by one), with − and + for a mouse."""
        form, theme = self.form, p.theme
        arrow = h - 12
        self._arrow(p, x, y + 6, arrow, -1, lambda: form.change("participants", -1))
        box = min(56.0, h - 8)
        left = x + arrow + 24
        digits = form.digits()
        for place in range(COUNT_DIGITS):
            bx = left + place * (box + 8)
            setting = form.digit == place
            p.panel(bx, y + (h - box) / 2, box, box, theme.accent if setting else theme.background,
                    theme.accent if setting else theme.border, radius=8)
            shown = "–" if form.participants is None else str(digits[place])
            p.text(shown, bx + box / 2, y + h / 2, box * 0.62, True, theme.on_accent if setting else theme.text,
                   "center", middle=True)
            if setting:  # the digit being set also has a mark under it, not colour alone
                pygame.draw.rect(p.surface, theme.text, p.rect(bx + 8, y + h - 5, box - 16, 3))
        after = left + COUNT_DIGITS * (box + 8) + 8
        self._arrow(p, after, y + 6, arrow, 1, lambda: form.change("participants", 1))
        hint = self.app.t("closing_count_hint")
        p.text(hint, after + arrow + 18, y + h / 2, 20, colour=theme.muted, max_w=x + w - after - arrow - 18,
               middle=True)

    def _project(self, p: Painter, x: float, y: float, w: float, h: float, focused: bool) -> None:
        form, theme = self.form, p.theme
        code = form.project
        shown = code if code else self.app.t("closing_not_entered")
        used = p.text(shown, x + 12, y + h / 2, 26 if code else 24, bool(code), theme.text if code else theme.muted,
                      max_w=w * 0.5, middle=True)
        if focused:  # the typing cursor: typed characters go here
            cursor = x + 12 + (used + 4 if code else 0)
            pygame.draw.rect(p.surface, theme.accent, p.rect(cursor, y + 10, 3, h - 20))
        if form.saved_project and not form.project_changed:
            note = self.app.t("closing_code_kept" if code else "closing_code_left_out", code=form.saved_project)
            p.text(note, x + w, y + h / 2, 20, colour=theme.muted, align="right", max_w=w * 0.45, middle=True)

    def _action(self, p: Painter, index: int, row: str, x: float, y: float, w: float, h: float) -> None:
        theme = p.theme
        focused = index == self.form.focus
        primary = row == "save"
        fill = theme.accent if focused else theme.surface_hi if primary else theme.surface
        rect = p.panel(x, y, w, h, fill, theme.text if focused else theme.border, width=4 if focused else 2)
        colour = theme.on_accent if focused else theme.text
        p.text(self.app.t(f"closing_{row}"), x + w / 2, y + h / 2, 26, primary or focused, colour, "center",
               max_w=w - 32, middle=True)
        p.buttons.append(Button(rect, lambda: self._click_action(row), focusable=False))

    def _click_action(self, row: str) -> None:
        self.form.focus_on(row)
        self.form.press()
        if self.form.result is not None:
            self.finish(self.form.result)

    @staticmethod
    def _arrow(p: Painter, x: float, y: float, size: float, direction: int, action: Callable[[], None]) -> None:
        """A triangle button (drawn, not a font glyph, so every font and theme shows it)."""
        rect = p.panel(x, y, size, size, p.theme.background, p.theme.border, radius=8)
        cx, cy, r = rect.centerx, rect.centery, rect.height * 0.26
        points = [(cx + direction * r, cy), (cx - direction * r * 0.7, cy - r), (cx - direction * r * 0.7, cy + r)]
        pygame.draw.polygon(p.surface, p.theme.text, points)
        p.buttons.append(Button(rect, action, focusable=False))
