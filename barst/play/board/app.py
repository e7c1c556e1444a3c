"""The board game's window: `run_board(pack, args)` for `barst play`, `render_board_shots(...)` for
`barst shots`. The loop waits for events and redraws only on change (or while the die rolls)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import pygame

from barst.engine import board as B
from barst.model import Pack
from barst.play.board import autosave
from barst.play.board.render import render
from barst.play.board.session import BoardSession
from barst.play.input import Cmd, translate
from barst.play.text import TextCache
from barst.play.widgets import Button, Images
from barst.play.window import usable_display

log = logging.getLogger(__name__)

# Board-only keys, besides the player's input map (digits, arrows, Enter, PageUp/Down, Esc, X, T, B, F11).
LETTERS = {pygame.K_s: "stop", pygame.K_p: "points", pygame.K_u: "undo", pygame.K_n: "new",
           pygame.K_a: "option:a", pygame.K_c: "option:c", pygame.K_d: "option:d", pygame.K_TAB: "tab",
           pygame.K_DELETE: "delete", pygame.K_F5: "start"}
COMMANDS = {Cmd.UP: "up", Cmd.DOWN: "down", Cmd.LEFT: "left", Cmd.RIGHT: "right", Cmd.CONFIRM: "activate",
            Cmd.NEXT: "next", Cmd.PREV: "prev", Cmd.BACK: "escape", Cmd.EXIT: "emergency", Cmd.TRAINER: "panel",
            Cmd.BLACK: "black", Cmd.QUIT: "quit"}


class BoardApp:
    def __init__(self, session: BoardSession, surface: pygame.Surface) -> None:
        self.session = session
        self.surface = surface
        self.texts = TextCache()
        self.images = Images()
        self.buttons: list[Button] = []
        self.dirty = True
        self.fullscreen = False
        self.clock_start = 0.0

    # --- events ---

    def handle(self, event: pygame.event.Event) -> None:
        """One pygame event: keys, clicker, mouse and touch become session commands."""
        session = self.session
        if event.type == pygame.VIDEORESIZE or event.type == pygame.WINDOWSIZECHANGED:
            self.dirty = True
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED):
            self.dirty = True
            return
        if session.wants_text():
            self._text_event(event)
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_b and event.mod & pygame.KMOD_CTRL:
                return
            if event.key in LETTERS and event.key != pygame.K_b:
                self.command(LETTERS[event.key])
                return
        found = translate(event, self.surface.get_size())
        if found is None:
            return
        if found.cmd == Cmd.CHOOSE:
            self.command(f"die:{found.number}")
        elif found.cmd == Cmd.CLICK:
            self.click(found.pos)
        elif found.cmd == Cmd.FULLSCREEN:
            self.toggle_fullscreen()
        elif found.cmd in COMMANDS:
            self.command(COMMANDS[found.cmd])

    def _text_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.TEXTINPUT:
            self.command(f"text:{event.text}")
        elif event.type == pygame.KEYDOWN:
            special = {pygame.K_BACKSPACE: "backspace", pygame.K_RETURN: "activate", pygame.K_KP_ENTER: "activate",
                       pygame.K_ESCAPE: "escape"}.get(event.key)
            if special:
                self.command(special)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.command("activate")

    def command(self, name: str) -> None:
        before = self.session.wants_text()
        self.session.command(name)
        after = self.session.wants_text()
        if after and not before:
            pygame.key.start_text_input()
        elif before and not after:
            pygame.key.stop_text_input()
        self.dirty = True

    def click(self, pos: tuple[int, int]) -> None:
        for button in reversed(self.buttons):  # the topmost (last drawn) first
            if button.rect.collidepoint(pos):
                button.action()
                self.dirty = True
                return

    def toggle_fullscreen(self) -> None:
        try:
            pygame.display.toggle_fullscreen()
            self.surface = pygame.display.get_surface() or self.surface
        except pygame.error as exc:
            log.warning("fullscreen: %s", exc)
        self.dirty = True

    # --- frames ---

    def tick(self, now: float, dt: float) -> None:
        if self.session.tick(now, dt):
            self.dirty = True

    def draw(self) -> bool:
        if not self.dirty:
            return False
        self.surface = pygame.display.get_surface() or self.surface
        painter = render(self.surface, self.session, self.texts, self.images)
        self.buttons = painter.buttons
        self.dirty = False
        return True


def run_board(pack: Pack, args: argparse.Namespace) -> int:
    """Open the window and play; called by `barst play` when the pack's kind is "board"."""
    lang = getattr(args, "lang", None) or ""
    size = _size(getattr(args, "size", None))
    fullscreen = bool(getattr(args, "fullscreen", False))
    display = int(getattr(args, "display", 0) or 0)
    seed = getattr(args, "seed", None)
    pygame.init()
    flags = pygame.RESIZABLE | (pygame.FULLSCREEN if fullscreen else 0)
    surface = pygame.display.set_mode(size if not fullscreen else (0, 0), flags, display=usable_display(display))
    pygame.display.set_caption(pack.title.get(lang or "nl"))
    session = BoardSession(pack, lang, seed=seed)
    app = BoardApp(session, surface)
    started = datetime.now()
    try:
        return loop(app)
    finally:
        record_session(session, started)


def record_session(session: BoardSession, started: datetime) -> None:
    """The game's record for the session report (counts and the pack's ids only); a failed write is let go."""
    from barst.report.played import Where, board_record
    from barst.report.record import write

    state = session.state
    if not state.drawn and not session.exits:
        return
    where = Where(session.pack, session.lang, session.pack.region, session.exit_lines())
    with contextlib.suppress(OSError, ValueError):
        write(board_record(session.pack, list(state.drawn), state.phase == "over", session.exits, started,
                           round(session.elapsed / 60), where))


def loop(app: BoardApp, max_frames: int | None = None) -> int:
    clock = pygame.time.Clock()
    last = pygame.time.get_ticks() / 1000
    frames = 0
    while not app.session.quit:
        timeout = 16 if app.session.busy() else 1000  # idle: wake once a second for the session clock
        first = pygame.event.wait(timeout)
        events = [first, *pygame.event.get()] if first.type != pygame.NOEVENT else []
        for event in events:
            if event.type == pygame.QUIT:
                app.session.quit = True
            try:
                app.handle(event)
            except Exception:  # a bug must never close the window mid-session
                log.exception("while handling %s", event)
        now = pygame.time.get_ticks() / 1000
        try:
            app.tick(now, now - last)
            if app.draw():
                pygame.display.flip()
        except Exception:  # a drawing bug must not close the window either
            log.exception("while drawing")
        last = now
        if app.session.busy():
            clock.tick(60)
        frames += 1
        if max_frames is not None and frames >= max_frames:
            break
    pygame.quit()
    return 0


def _size(value: Any) -> tuple[int, int]:
    if isinstance(value, tuple) and len(value) == 2:
        return int(value[0]), int(value[1])
    if isinstance(value, str) and "x" in value:
        w, h = value.lower().split("x", 1)
        return int(w), int(h)
    return 1280, 720


# --- screenshots -----------------------------------------------------------------------------------


def render_board_shots(pack: Pack, out_dir: Path, size: tuple[int, int] = (1280, 720), lang: str = "nl",
                       seed: int = 1) -> list[Path]:
    """Render the setup, the board, every card's front and answer side, a deck choice, the final screen, the
    trainer panel and the emergency exit to PNG files (no display needed). Returns the files written."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    from barst.play.shots import save_png

    pygame.init()
    out_dir.mkdir(parents=True, exist_ok=True)
    surface = pygame.Surface(size)
    texts, images = TextCache(), Images()
    written: list[Path] = []

    def shot(session: BoardSession, name: str) -> None:
        render(surface, session, texts, images)
        path = out_dir / f"{name}.png"
        save_png(surface, path)
        written.append(path)

    session = shot_session(pack, lang, seed)
    shot(session, "00-setup")
    session.command("focus:start")
    shot(session, "01-board")
    # every card: force it onto the table, front then answer side
    engine = session.engine
    base = session.state
    team_count = len(base.teams)
    for number, card in enumerate(pack.cards, 1):
        deck = pack.deck(card.deck or "")
        if deck is None:
            continue
        state = B.BoardState.from_json(base.to_json())
        state.phase, state.card, state.pending, state.results = "card", card.id, [0], {}
        state.decks = [d.id for d in pack.decks]
        session.state = state
        session.show_points = False
        shot(session, f"card-{number:03d}-{card.id}-front")
        if deck.type == "true_false":
            session.command("true")
        elif deck.type == "multiple_choice":
            session.command(f"option:{card.options[0].id}" if card.options else "stop")
        else:
            session.command("judge:partly")
        if session.state.phase == "result":
            shot(session, f"card-{number:03d}-{card.id}-answer")
    del engine, team_count
    session.state = base
    session.state.phase = "choose"
    shot(session, "02-choose-deck")
    session.state = base
    session.state.phase = "roll"
    session.panel = None
    session.command("panel")
    shot(session, "03-trainer-panel")
    session.panel = None
    session.command("emergency")
    shot(session, "04-emergency-exit")
    session.command("back")
    session.state = B.BoardState.from_json(base.to_json())
    session.command("panel")
    session.command("item:end")
    shot(session, "05-final")
    return written


def shot_session(pack: Pack, lang: str, seed: int = 1, teams: int = 3) -> BoardSession:
    """A session without autosave, set up with `teams` default teams (ready to start)."""
    session = BoardSession(pack, lang, save_file=Path(os.devnull), seed=seed, autosave_enabled=False)
    rules = session.engine.rules
    while len(session.setup.teams) < min(teams, rules.teams_max):
        session.command("focus:add")
    return session


__all__ = ["BoardApp", "autosave", "loop", "render_board_shots", "run_board", "shot_session"]
