"""The board game's screens on the projector shell. The game's state lives in the pure `BoardSession`;
each screen draws one of its phases and turns the shell's inputs (keyboard, clicker, mouse, touch) into
session commands. A presenter clicker alone plays the whole game: PageUp/PageDown move the focus, F5
picks what has it, and PageDown goes on where a screen just waits (the die, the answer side).
"""

from __future__ import annotations

from typing import Protocol

from barst.play.board.board_view import draw_board, draw_choose
from barst.play.board.card_view import draw_card_answer, draw_card_front
from barst.play.board.end_view import draw_final, draw_panel
from barst.play.board.look import Frame
from barst.play.board.session import PANEL_ITEMS, BoardSession
from barst.play.board.setup_view import draw_resume, draw_setup
from barst.play.input import Cmd, Input
from barst.play.metrics import MARGIN, TOPBAR_H
from barst.play.screens.base import Host, Screen
from barst.play.widgets import Painter


class BoardHost(Host, Protocol):
    """What a board screen may ask of the app that shows it."""

    @property
    def session(self) -> BoardSession: ...


# Letters that mean something in a game (besides the shell's X, T, B and digits).
LETTERS = {"s": "stop", "p": "points", "u": "undo", "n": "new", "a": "option:a", "c": "option:c",
           "d": "option:d", "tab": "tab", "delete": "delete"}


class BoardScreen(Screen):
    phase = ""

    def __init__(self, app: BoardHost) -> None:
        super().__init__(app)
        self.host = app

    @property
    def session(self) -> BoardSession:
        return self.host.session

    def draw(self, p: Painter) -> None:
        if not self.modal:
            p.fill()
        self.paint(Frame(p, self.session, p.theme))

    def paint(self, f: Frame) -> None:
        raise NotImplementedError

    def command(self, name: str) -> None:
        self.session.command(name)

    def on_input(self, inp: Input) -> bool:
        if inp.cmd is Cmd.KEY and inp.text in LETTERS:
            self.command(LETTERS[inp.text])
            return True
        if inp.cmd is Cmd.CHOOSE:
            self.command(f"die:{inp.number}")
            return True
        return False

    def back(self) -> None:
        """Esc never throws a game away: the screens below are the game itself."""

    @property
    def animating(self) -> bool:
        return self.session.busy()

    def finish_animation(self) -> None:
        self.session.skip_animation()

    def redraw_every(self) -> float | None:
        if self.session.busy():
            return 1 / 60
        left = self.session.seconds_to_next_minute()
        return None if left is None else max(0.5, left)


class SetupScreen(BoardScreen):
    """Teams, length, decks and language. The session keeps the focus: PageDown goes down the fields, F5
    changes or opens the focused one (and starts the game on "Start"), PageUp goes back up."""

    name = phase = "setup"

    @property
    def wants_text(self) -> bool:  # type: ignore[override]
        return self.session.setup.editing

    def paint(self, f: Frame) -> None:
        draw_setup(f)
        # a clicker has no X: say how it reaches the help lines, before the game starts
        p = f.p
        p.text(self.app.t("clicker_hint"), p.w - MARGIN, TOPBAR_H + 18, 20, colour=p.theme.muted, align="right",
               max_w=p.w * 0.55)

    def on_input(self, inp: Input) -> bool:
        cmd = inp.cmd
        if self.session.setup.editing:
            typed = {Cmd.TEXT: f"text:{inp.text}", Cmd.ERASE: "backspace", Cmd.CONFIRM: "activate",
                     Cmd.NEXT: "activate", Cmd.BACK: "escape"}.get(cmd)
            if typed:
                self.command(typed)
            return True
        moves = {Cmd.NEXT: "down", Cmd.DOWN: "down", Cmd.PREV: "up", Cmd.UP: "up", Cmd.LEFT: "left",
                 Cmd.RIGHT: "right", Cmd.CONFIRM: "activate"}
        if cmd in moves:
            self.command(moves[cmd])
            return True
        if cmd is Cmd.KEY and inp.text in ("tab", "delete"):
            self.command(inp.text)
            return True
        return cmd is Cmd.CHOOSE  # digits mean nothing here


class ResumeScreen(BoardScreen):
    name = phase = "resume"

    def paint(self, frame: Frame) -> None:
        draw_setup(frame, blank=True)
        draw_resume(frame)

    def on_input(self, inp: Input) -> bool:
        if inp.cmd is Cmd.KEY and inp.text == "n":
            self.command("new")
            return True
        return inp.cmd is Cmd.CHOOSE


class TurnScreen(BoardScreen):
    """The board with the die; PageDown (or Space, or F5 on the Roll button) rolls."""

    name = phase = "board"

    def paint(self, f: Frame) -> None:
        draw_board(f)

    def advance(self) -> bool:
        self.command("roll")
        return True


class ChooseDeckScreen(BoardScreen):
    name = phase = "choose"

    def paint(self, frame: Frame) -> None:
        draw_board(frame)
        draw_choose(frame)


class CardScreen(BoardScreen):
    """A card's front: the answers or the judging buttons, and the stop card, all in the focus order."""

    name = phase = "card"

    def paint(self, f: Frame) -> None:
        draw_card_front(f)


class ResultScreen(BoardScreen):
    name = phase = "result"

    def paint(self, f: Frame) -> None:
        draw_card_answer(f)

    def advance(self) -> bool:
        self.command("next")
        return True


class FinalScreen(BoardScreen):
    name = phase = "final"

    def paint(self, f: Frame) -> None:
        draw_final(f)


class PanelScreen(BoardScreen):
    """The trainer panel (T) over the game; the session keeps its focus and its typed team names."""

    name = phase = "panel"
    modal = True
    show_exit = True

    @property
    def wants_text(self) -> bool:  # type: ignore[override]
        panel = self.session.panel
        return panel is not None and panel.prompt in ("add", "rename")

    def paint(self, f: Frame) -> None:
        if self.session.panel is not None:
            draw_panel(f)

    def on_input(self, inp: Input) -> bool:
        cmd = inp.cmd
        if self.wants_text:
            typed = {Cmd.TEXT: f"text:{inp.text}", Cmd.ERASE: "backspace", Cmd.CONFIRM: "activate",
                     Cmd.NEXT: "activate", Cmd.BACK: "escape"}.get(cmd)
            if typed:
                self.command(typed)
            return True
        panel = self.session.panel
        if cmd is Cmd.CHOOSE and panel is not None and panel.prompt == "rename_pick":
            self.command(f"die:{inp.number}")
        elif cmd is Cmd.CHOOSE and 1 <= inp.number <= len(PANEL_ITEMS):
            self.command(f"item:{PANEL_ITEMS[inp.number - 1]}")
        elif cmd in (Cmd.TRAINER, Cmd.BACK):
            self.command("escape")
        else:
            moves = {Cmd.NEXT: "down", Cmd.DOWN: "down", Cmd.PREV: "up", Cmd.UP: "up", Cmd.CONFIRM: "activate",
                     Cmd.KEY: "undo" if inp.text == "u" else ""}
            if moves.get(cmd):
                self.command(moves[cmd])
        return True


SCREENS: dict[str, type[BoardScreen]] = {screen.phase: screen for screen in (
    SetupScreen, ResumeScreen, TurnScreen, ChooseDeckScreen, CardScreen, ResultScreen, FinalScreen)}
