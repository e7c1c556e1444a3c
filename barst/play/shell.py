"""The projector player's shell, one for every pack kind: window and display, the event loop (it blocks on
events and redraws only on change), fades, the screen stack, one input map, the emergency exit, the black
screen, the corner clock and the calm error screen. A game (the story in `app.py`, the board game in
`board/app.py`) is a set of screens on it plus a few hooks (`home_stack`, `trainer_screen`,
`emergency_exit`, `helplines`, `finish_loading`, `after_input`, `record_session`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from barst.datadir import log_dir
from barst.play.events import EventSource
from barst.play.frames import Frames
from barst.play.i18n import Strings
from barst.play.input import Cmd, Input, translate, translate_text
from barst.play.layout import Layout
from barst.play.metrics import TEXT_STEPS
from barst.play.screens.base import Screen
from barst.play.screens.safety import BlackScreen, EmergencyScreen, ErrorScreen
from barst.play.settings import Settings, SettingsStore
from barst.play.text import TextCache
from barst.play.theme import THEMES, Theme, next_theme
from barst.play.timer import SessionTimer
from barst.play.widgets import Button, Images
from barst.play.window import usable_display
from barst.text import Text

if TYPE_CHECKING:
    from barst.model import HelpLine

class Shell(Frames):
    session_mode = ""  # the session report's mode ("story", "board", …)

    def __init__(self, size: tuple[int, int] = (1280, 720), fullscreen: bool = False, display: int = 0,
                 transitions: bool = True, settings: SettingsStore | None = None,
                 options: Settings | None = None) -> None:
        pygame.display.init()  # not pygame.init(): no sound device and no joystick polling
        pygame.font.init()
        self.display = usable_display(display)
        self.fullscreen = fullscreen
        self.window_size = size
        self.window = self._open_window()
        pygame.display.set_caption("barst")
        self.settings_store = settings or SettingsStore()
        self.settings = options or self.settings_store.load()
        self.layout = Layout(*self.window.get_size(), self.settings.text_size)
        self.theme: Theme = THEMES[self.settings.theme]
        self.lang = "nl"
        self.strings = Strings(self.lang)
        self.texts = TextCache()
        self.images = Images()
        self.transitions = transitions
        self.timer = SessionTimer()
        self.stack: list[Screen] = []
        self.buttons: list[Button] = []
        self.running = True
        self.dirty = True
        self.minimised = False
        self.frame: pygame.Surface | None = None
        self.fade_from: pygame.Surface | None = None
        self.fade_start = 0.0
        self.fade_shown: float | None = None  # how far the picture in the window has faded
        self.fresh: pygame.Surface | None = None
        self.clock: Callable[[], float] = time.monotonic  # the one clock of the game (tests set their own)
        self.last_tick: float | None = None
        self.errors: list[str] = []  # log files written this session
        self.typing = False
        self.clock_shown = ""
        self.events = EventSource()

    # --- hooks for the game ---

    def home_stack(self) -> list[Screen]:
        """Where the error screen's button and the emergency page's "back" lead."""
        return self.stack[:1]

    def trainer_screen(self) -> Screen | None:
        return None

    def helplines(self) -> list[HelpLine]:
        return []

    def finish_loading(self) -> None:
        """Work left after the first frame (checking the pack); done before any input is handled."""

    def tick(self, now: float, dt: float) -> None:
        """Time passed: `dt` seconds since the last tick, `now` on the game's clock (the board's timers)."""

    def after_input(self) -> None:
        """Called after every input and every tick (a game whose state lives elsewhere syncs its screens)."""

    def record_session(self) -> str | None:
        """The session's record for the report (counts only), written when the player closes; its id."""
        return None

    def close(self) -> None:
        """Release what the game holds beside the window (the class server)."""

    def log_name(self) -> str:
        return ""

    def fallback_order(self) -> list[str]:
        return []

    # --- window ---

    def _open_window(self) -> pygame.Surface:
        if self.fullscreen:
            sizes = pygame.display.get_desktop_sizes()
            size = sizes[self.display] if self.display < len(sizes) else sizes[0]
            return pygame.display.set_mode(size, pygame.FULLSCREEN, display=self.display)
        return pygame.display.set_mode(self.window_size, pygame.RESIZABLE, display=self.display)

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        self.window = self._open_window()
        self.resized(*self.window.get_size())

    def resized(self, width: int, height: int) -> None:
        width, height = max(320, width), max(240, height)
        if not self.fullscreen:
            self.window_size = (width, height)
        self.window = pygame.display.get_surface() or self.window
        self.layout = Layout(width, height, self.layout.text_step)
        self.fade_from = None
        self.dirty = True

    # --- what screens may ask ---

    def t(self, key: str, /, **values: object) -> str:
        return self.strings(key, **values)

    def tx(self, text: Text | None) -> str:
        from barst.text import fallback_chain

        if text is None:
            return ""
        return text.get(self.lang, fallback_chain(self.lang, self.fallback_order()))

    def push(self, screen: Screen) -> None:
        self.set_stack([*self.stack, screen])

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.set_stack(self.stack[:-1])

    def replace(self, screen: Screen) -> None:
        self.set_stack([*self.stack[:-1], screen])

    def set_stack(self, stack: list[Screen]) -> None:
        before = self._base(self.stack)
        self.stack = stack
        if self.transitions and self.frame is not None and self._base(stack) is not before:
            self.fade_from = self.window.copy()
            self.fade_start = time.monotonic()
            self.fade_shown = None
        self.dirty = True

    @staticmethod
    def _base(stack: list[Screen]) -> Screen | None:
        return next((s for s in reversed(stack) if not s.modal), None)

    def go_home(self) -> None:
        self.set_stack(self.home_stack())

    def emergency_exit(self) -> None:
        """One key or click, no question: the help lines at once, over the game's home screen."""
        self.set_stack([*self.home_stack(), EmergencyScreen(self, self.helplines(), self.go_home)])

    # --- settings (kept per laptop) ---

    def change_settings(self, **changes: Any) -> None:
        self.settings = self.settings._replace(**changes)
        self.settings_store.save(self.settings)
        self.dirty = True

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.strings = Strings(lang)
        self.dirty = True

    def set_theme(self, theme: str) -> None:
        self.theme = THEMES[theme]
        self.change_settings(theme=theme)

    def cycle_theme(self) -> None:
        self.set_theme(next_theme(self.theme.id))

    def set_text_size(self, step: str) -> None:
        self.layout = Layout(self.layout.width, self.layout.height, step)
        self.change_settings(text_size=step)

    def cycle_text_size(self) -> None:
        steps = list(TEXT_STEPS)
        self.set_text_size(steps[(steps.index(self.layout.text_step) + 1) % len(steps)])

    def toggle_clock(self) -> None:
        self.change_settings(clock=not self.settings.clock)

    # --- input ---

    def handle_event(self, event: pygame.event.Event) -> None:
        # the trainer's closing screen, for every game (issue 11): the window's close asks first
        if event.type == pygame.WINDOWCLOSE or (bool(self.stack) and self.top.name == "closing"):
            from barst.play.screens.closing import offer_on_quit  # not on every key and mouse move

            if offer_on_quit(self, event):
                return
        if event.type == pygame.VIDEORESIZE:
            self.resized(event.w, event.h)
            return
        if event.type == pygame.WINDOWMINIMIZED:
            self.minimised = True
            return
        if event.type in (pygame.WINDOWRESTORED, pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN):
            self.minimised = False
            self.dirty = True
            return
        if event.type == pygame.WINDOWSIZECHANGED:
            self.resized(event.x, event.y)
            return
        size = self.window.get_size()
        inp = translate_text(event, size) if self.typing else translate(event, size)
        if inp is not None:
            self.guarded(partial(self.handle, inp))

    def handle(self, inp: Input) -> None:
        self.finish_loading()  # no input reaches a pack that has not passed the checker
        top = self.top
        cmd = inp.cmd
        if cmd is Cmd.MOVE:
            return
        self.dirty = True
        if cmd is Cmd.QUIT:
            self.running = False
        elif cmd is Cmd.FULLSCREEN:
            self.toggle_fullscreen()
        elif cmd is Cmd.EXIT:
            if not isinstance(top, EmergencyScreen):
                self.emergency_exit()
        elif isinstance(top, BlackScreen):
            # A clicker has no X: from the black screen, PageUp opens the help lines (said on screen).
            self.pop()
            if cmd is Cmd.PREV:
                self.emergency_exit()
        elif cmd is Cmd.BLACK:
            self.push(BlackScreen(self))
        elif cmd is Cmd.TRAINER and not top.modal:
            panel = self.trainer_screen()
            if panel is not None:
                self.push(panel)
        elif cmd is Cmd.CLICK:
            for button in reversed(self.buttons):
                if button.rect.collidepoint(inp.pos):
                    button.action()
                    break
        elif top.on_input(inp):
            pass
        else:
            self._generic(top, inp)
        self.after_input()
        self._follow_typing()

    def _generic(self, top: Screen, inp: Input) -> None:
        focusable = [b for b in self.buttons if b.focusable]
        cmd = inp.cmd
        if cmd in (Cmd.UP, Cmd.LEFT, Cmd.PREV) and focusable:
            top.focus = (top.focus - 1) % len(focusable)
        elif cmd is Cmd.NEXT and top.advance():
            pass
        elif cmd in (Cmd.DOWN, Cmd.RIGHT, Cmd.NEXT) and focusable:
            top.focus = (top.focus + 1) % len(focusable)
        elif cmd is Cmd.CONFIRM:
            if 0 <= top.focus < len(focusable):
                focusable[top.focus].action()
            else:
                top.confirm()
        elif cmd is Cmd.BACK:
            top.back()
        elif cmd is Cmd.CHOOSE:
            match = next((b for b in focusable if b.number == inp.number), None)
            if match:
                match.action()

    def _follow_typing(self) -> None:
        """Text input (team names) only while a screen asks for it: letters are keys otherwise."""
        wants = bool(self.stack) and self.top.wants_text
        if wants and not self.typing:
            pygame.key.start_text_input()
        elif self.typing and not wants:
            pygame.key.stop_text_input()
        self.typing = wants

    def guarded(self, work: Callable[[], None]) -> None:
        try:
            work()
        except Exception as exc:  # the window never just vanishes
            self.fail(exc)

    def fail(self, exc: BaseException) -> None:
        path = log_dir() / "barst-play.log"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as handle:
                handle.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} ({self.log_name()})\n")
                import traceback  # only after a fault; importing it costs ~7 ms at every start

                handle.write("".join(traceback.format_exception(exc)))
            shown = str(path)
        except OSError:
            shown = "-"
        self.errors.append(shown)
        try:
            home = self.home_stack()
        except Exception:  # the game's own state is what failed: the error screen alone
            home = []
        self.fade_from = None
        self.stack = [*home, ErrorScreen(self, shown, self.go_home)]
        self.dirty = True

    def wait_time(self) -> int:
        """Milliseconds to block for the next event; 0 means no timer at all (wait for input)."""
        if self.fade_from is not None:
            return 8
        every = self.top.redraw_every()
        if self.timer.running and self.settings.clock and self.top.show_clock:
            every = min(every or 60.0, 60 - self.timer.elapsed() % 60 + 0.01)  # the corner clock's minutes
        return max(1, int(every * 1000)) if every else 0

    def step_time(self) -> None:
        now = self.clock()
        dt = max(0.0, now - self.last_tick) if self.last_tick is not None else 0.0
        self.last_tick = now
        self.tick(now, dt)
        if self.top.animating:
            if self.fade_from is None:  # a screen's own animation starts once it has faded in
                self.top.tick(min(dt, 0.1))
                self.dirty = True
        elif self.top.redraw_every():
            self.dirty = True
        if self.timer.running and self.settings.clock and self.top.show_clock and self.clock_text() != self.clock_shown:
            self.dirty = True
        self.after_input()

    def run(self) -> int:
        """The loop, until the window closes (or Ctrl+C / SIGTERM: see `events.quit_on_signals`)."""
        code = 0
        try:
            self.present()
            self.guarded(self.finish_loading)
            if self.dirty:
                self.present()  # the checked pack's first screen, or its errors, without waiting for input
            self.events.block_in_sdl()
            while self.running:
                for item in self.events.next(self.wait_time()):
                    self.handle_event(item)
                self.guarded(self.step_time)
                if self.dirty or self.fade_from is not None or self.top.animating:
                    self.present()
        except KeyboardInterrupt:  # Python's handler, where SDL's was not installed (tests, embedding)
            code = 130
        self.record_session()
        return code

    # --- driving from tests and screenshots ---

    def feed(self, *inputs: Input) -> None:
        """Handle inputs as if typed, and draw after each (so clicks hit what is on screen)."""
        for inp in inputs:
            self.guarded(partial(self.handle, inp))
            self.settle()

    def settle(self) -> None:
        """Finish loading, animations and fades at once and draw the final frame."""
        self.finish_loading()
        for screen in self.stack:
            screen.finish_animation()
        self.fade_from = None
        self.render()
        self.dirty = False
