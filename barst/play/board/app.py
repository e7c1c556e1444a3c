"""The board game on the projector shell: `BoardApp` for `barst play`, `render_board_shots` for
`barst shots`. The title comes from pack.yaml and is the first frame; the pack is checked after it, and a
pack with errors shows them in the window, as a story pack does."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from barst.play.board.title import LoadingScreen
from barst.play.metrics import TEXT_STEPS
from barst.play.screens.base import Screen
from barst.play.screens.safety import PackErrorScreen
from barst.play.settings import Settings, SettingsStore
from barst.play.shell import Shell
from barst.play.theme import THEMES
from barst.text import Text

if TYPE_CHECKING:
    from barst.model import HelpLine, Pack
    from barst.packhead import PackHead
    from barst.play.board.session import BoardSession

# The first frame needs only the shell and the title: the engine, the content model and the board's
# screens are imported after it (as the story player does), which is most of the start-up time.


class BoardApp(Shell):
    session_mode = "board"

    def __init__(self, folder: Path | None = None, lang: str | None = None, size: tuple[int, int] = (1280, 720),
                 fullscreen: bool = False, display: int = 0, region: str | None = None,
                 edition: str | None = None, seed: int | None = None, transitions: bool = True,
                 settings: SettingsStore | None = None, options: Settings | None = None,
                 session: BoardSession | None = None, head: PackHead | None = None) -> None:
        super().__init__(size, fullscreen, display, transitions, settings, options)
        self.folder = folder
        self.asked_lang = lang or self.settings.lang or None
        self.region = region or self.settings.region or None
        self.edition = edition
        self.seed = seed
        self.started = time.time()  # a datetime only for the record: importing datetime costs the first frame
        self.recorded = False  # the session's record is written once (at the window's close or the end)
        self.loading = session is None
        self._session = session
        title = head.title if head is not None else Text({})
        self.head_fallback = head.fallback_order() if head is not None else []
        if self.asked_lang:
            self.set_lang(self.asked_lang)
        self.stack = [LoadingScreen(self, title)]
        if session is not None:
            self._adopt(session)

    @property
    def session(self) -> BoardSession:
        assert self._session is not None  # only the game's screens use it, once the pack is checked
        return self._session

    # --- loading ---

    def finish_loading(self) -> None:
        if not self.loading:
            return
        self.loading = False
        from barst.check import check_and_load
        from barst.diagnostics import BarstError, Diagnostic, Pos, Severity
        from barst.editions import for_play

        assert self.folder is not None
        report, pack = check_and_load(self.folder)
        if report.has_errors() or pack is None:
            self.stack = [PackErrorScreen(self, str(self.folder), report.errors)]
            self.dirty = True
            return
        from barst.play.board.session import BoardSession

        try:
            # One Community's edition: its cards, languages and help-line region (the setup screen names it).
            pack = for_play(pack, self.asked_lang, self.edition)
        except BarstError as exc:
            where = Pos(str(self.folder / "pack.yaml"), 1, 1)
            self.stack = [PackErrorScreen(self, str(self.folder), [Diagnostic("E000", Severity.ERROR, str(exc),
                                                                                where)])]
            self.dirty = True
            return
        if self.region in ("flanders", "wallonia", "brussels", "ostbelgien"):
            pack.region = self.region  # type: ignore[assignment]  # checked just above  # the emergency exit and the final screen read the pack's region
        pygame.display.set_caption(pack.title.get(self.asked_lang or pack.languages[0]))
        self._adopt(BoardSession(pack, self.asked_lang or "", seed=self.seed))

    def _adopt(self, session: BoardSession) -> None:
        self._session = session
        session.theme = self.theme.id
        session.text_size = self.layout.text_step
        self.set_lang(session.lang)
        self.after_input()

    # --- the game's screens follow its session ---

    def after_input(self) -> None:
        from barst.play.board.screens import SCREENS, BoardScreen, PanelScreen

        session = self._session
        if session is None or any(not isinstance(screen, BoardScreen) for screen in self.stack[1:]):
            return  # the shell's own pages (emergency exit, black screen, error) stay until left
        if session.quit:
            self.running = False
        self._apply_panel_settings(session)
        session.tick(self.clock(), 0.0)
        base = self.stack[0] if self.stack else None
        phase = session.screen
        if not isinstance(base, BoardScreen) or base.phase != phase:
            base = SCREENS[phase](self)
        stack: list[Screen] = [base]
        if session.panel is not None:
            panel = self.stack[-1] if isinstance(self.stack[-1], PanelScreen) else PanelScreen(self)
            stack.append(panel)
        if stack != self.stack:
            self.set_stack(stack)
        if phase not in ("setup", "resume") and not self.timer.running and self.timer.elapsed() == 0:
            self.timer.toggle()  # the corner clock counts the session from the first turn

    def _apply_panel_settings(self, session: BoardSession) -> None:
        """The board's panel cycles colours and text size; they are the shell's settings (kept per laptop)."""
        if session.theme != self.theme.id and session.theme in THEMES:
            self.set_theme(session.theme)
        if session.text_size != self.layout.text_step and session.text_size in TEXT_STEPS:
            self.set_text_size(session.text_size)
        if session.lang != self.lang:
            self.set_lang(session.lang)

    def home_stack(self) -> list[Screen]:
        from barst.play.board.screens import SCREENS, BoardScreen

        if self._session is None:
            return self.stack[:1]
        base = next((s for s in self.stack if isinstance(s, BoardScreen) and not s.modal), None)
        return [base or SCREENS[self.session.screen](self)]

    def go_home(self) -> None:
        self.set_stack(self.home_stack())
        self.after_input()

    def trainer_screen(self) -> Screen | None:
        if self._session is not None and self.session.panel is None:
            self.session.command("panel")  # the session opens it (not during setup); after_input shows it
        return None

    def emergency_exit(self) -> None:
        if self._session is not None:
            session = self.session
            session.exits += 1  # counted for the session report, never who
            session.panel = None
            session.skip_animation()
        super().emergency_exit()

    def helplines(self) -> list[HelpLine]:
        if self._session is None:
            from barst.helplines import load_helplines

            return load_helplines().for_exit(self.region or "flanders", self.lang)
        return self.session.exit_lines()

    def fallback_order(self) -> list[str]:
        return self.session.pack.fallback_order() if self._session is not None else self.head_fallback

    def log_name(self) -> str:
        return self.session.pack.id if self._session is not None else str(self.folder)

    # --- time ---

    def tick(self, now: float, dt: float) -> None:
        if self._session is not None and self.session.tick(now, dt):
            self.dirty = True

    # --- the session report ---

    def record_session(self) -> str | None:
        """The game's record (counts and the pack's ids only), written once; its id, for the closing
        screen. A failed write is let go: the game comes first."""
        from datetime import datetime

        from barst.report.played import Where, board_record
        from barst.report.record import write

        session = self._session
        if session is None or self.recorded:
            return None
        state = session.state
        if not state.drawn and not session.exits:
            return None
        self.recorded = True
        where = Where(session.pack, session.lang, session.pack.region, session.exit_lines())
        with contextlib.suppress(OSError, ValueError):
            return write(board_record(session.pack, list(state.drawn), state.phase == "over", session.exits,
                                      datetime.fromtimestamp(self.started), round(session.elapsed / 60),
                                      where)).stem
        return None


# --- screenshots -----------------------------------------------------------------------------------


def render_board_shots(pack: Pack, out_dir: Path, size: tuple[int, int] = (1280, 720), lang: str = "nl",
                       seed: int = 1) -> list[Path]:
    """Render the setup, the board, every card's front and answer side, a deck choice, the final screen, the
    trainer panel and the emergency exit to PNG files, through the same shell as `barst play`."""
    import tempfile

    from barst.engine import board as B

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    from barst.play.shots import save_png

    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        session = shot_session(pack, lang, seed)
        app = BoardApp(size=size, transitions=False, settings=SettingsStore(Path(scratch)), session=session,
                       options=Settings())

        def shot(name: str) -> None:
            app.after_input()
            app.settle()
            path = out_dir / f"{name}.png"
            save_png(app.window, path)
            written.append(path)

        shot("00-setup")
        session.command("focus:start")
        shot("01-board")
        base = session.state
        for number, card in enumerate(pack.cards, 1):
            deck = pack.deck(card.deck or "")
            if deck is None:
                continue
            state = B.BoardState.from_json(base.to_json())
            state.phase, state.card, state.pending, state.results = "card", card.id, [0], {}
            state.decks = [d.id for d in pack.decks]
            session.state = state
            session.show_points = False
            shot(f"card-{number:03d}-{card.id}-front")
            if deck.type == "true_false":
                session.command("true")
            elif deck.type == "multiple_choice":
                session.command(f"option:{card.options[0].id}" if card.options else "stop")
            else:
                session.command("judge:partly")
            if session.state.phase == "result":
                shot(f"card-{number:03d}-{card.id}-answer")
        session.state = base
        session.state.phase = "choose"
        shot("02-choose-deck")
        session.state.phase = "roll"
        session.panel = None
        session.command("panel")
        shot("03-trainer-panel")
        session.panel = None
        app.after_input()
        app.emergency_exit()
        shot("04-emergency-exit")
        app.go_home()
        session.state = B.BoardState.from_json(base.to_json())
        session.command("panel")
        session.command("item:end")
        shot("05-final")
    pygame.quit()
    return written


def shot_session(pack: Pack, lang: str, seed: int = 1, teams: int = 3) -> BoardSession:
    """A session without autosave, set up with `teams` default teams (ready to start)."""
    from barst.play.board.session import BoardSession

    session = BoardSession(pack, lang, save_file=Path(os.devnull), seed=seed, autosave_enabled=False)
    rules = session.engine.rules
    while len(session.setup.teams) < min(teams, rules.teams_max):
        session.command("focus:add")
    return session


__all__ = ["BoardApp", "render_board_shots", "shot_session"]
