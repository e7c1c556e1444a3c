"""The player: window, screen stack, input, the main loop (blocks on events, redraws only on change),
and the story controller that turns engine events into screens."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from barst.packhead import PackHead, read_head
from barst.play.i18n import UI_LANGUAGES, Strings, interface_language
from barst.play.input import EXIT_KEY_LABEL, Cmd, Input, translate
from barst.play.layout import Layout
from barst.play.metrics import EXIT_W, MARGIN, TEXT_STEPS
from barst.play.progress import ProgressStore, log_dir
from barst.play.screens.base import Screen
from barst.play.screens.menu import MenuScreen
from barst.play.screens.safety import BlackScreen, EmergencyScreen, ErrorScreen, PackErrorScreen
from barst.play.screens.start import LanguageScreen, TitleScreen
from barst.play.screens.trainer import SessionTimer, TrainerPanel
from barst.play.text import TextCache
from barst.play.theme import THEMES, Theme, next_theme
from barst.play.widgets import Button, Images, Painter
from barst.play.window import usable_display
from barst.text import Text, fallback_chain

if TYPE_CHECKING:
    from barst.engine.events import SceneShown
    from barst.engine.story import StoryState
    from barst.model import HelpLine, Pack, Variable
    from barst.play.controller import StoryController

TRANSITION = 0.22  # seconds of cross-fade between screens


class App:
    """The story player. The title comes from pack.yaml alone (`head`) and is drawn before the rest of the
    pack is checked; `finish_loading` checks it before any input is handled (the frame shows meanwhile)."""

    def __init__(self, folder: Path, lang: str | None = None, size: tuple[int, int] = (1280, 720),
                 fullscreen: bool = False, display: int = 0, region: str | None = None,
                 transitions: bool = True, store: ProgressStore | None = None, head: PackHead | None = None) -> None:
        pygame.display.init()
        pygame.font.init()
        self.display = usable_display(display)
        self.fullscreen = fullscreen
        self.window_size = size
        self.window = self._open_window()
        pygame.display.set_caption("barst")
        self.layout = Layout(*self.window.get_size())
        self.theme: Theme = THEMES["normal"]
        self.texts = TextCache()
        self.images = Images()
        self.transitions = transitions
        self.store = store or ProgressStore()
        self.timer = SessionTimer()
        self.show_meters = True
        self.stack: list[Screen] = []
        self.buttons: list[Button] = []
        self.running = True
        self.dirty = True
        self.minimised = False
        self.frame: pygame.Surface | None = None
        self.fade_from: pygame.Surface | None = None
        self.fade_start = 0.0
        self.fresh: pygame.Surface | None = None
        self.last_tick = time.monotonic()
        self.errors: list[str] = []  # log files written this session
        self.folder = folder
        self.control: StoryController | None = None
        self.loading = True
        self.head = head or read_head(folder) or PackHead("", None, Text({}))
        self.region = region or self.head.region
        self.languages = list(self.head.languages)
        self.lang = interface_language(lang, self.languages)  # a language the pack lacks: said on the title
        self.strings = Strings(self.lang)
        self.ask_language = lang is None and len(self.languages) > 1
        self.stack = [TitleScreen(self)]
        if not self.head.id:
            self.finish_loading()  # pack.yaml itself is unreadable: the error screen is the first frame

    def finish_loading(self) -> None:
        """Check the whole pack (once); a pack with errors does not start, it shows them instead."""
        if not self.loading:
            return
        self.loading = False
        from barst.check import check_and_load

        report, pack = check_and_load(self.folder)
        if report.has_errors() or pack is None:
            self.stack = [PackErrorScreen(self, str(self.folder), report.errors)]
            self.dirty = True
            return
        from barst.play.controller import StoryController

        self.control = StoryController(self, pack)
        self.head = PackHead(pack.id, pack.kind, pack.title, pack.description, list(pack.languages),
                             list(pack.fallback), pack.region)
        self.languages = list(pack.languages)
        if self.lang not in self.languages and self.lang not in UI_LANGUAGES:
            self.set_lang(self.languages[0])
        self.dirty = True

    @property
    def story(self) -> StoryController:
        assert self.control is not None  # only screens of a checked pack use the story
        return self.control

    @property
    def pack(self) -> Pack:
        return self.story.pack

    @property
    def state(self) -> StoryState:
        return self.story.state

    @property
    def queue(self) -> list[Screen]:
        return self.story.queue

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

    # --- host interface for screens ---

    def t(self, key: str, /, **values: object) -> str:
        return self.strings(key, **values)

    def tx(self, text: Text | None) -> str:
        if text is None:
            return ""
        return text.get(self.lang, fallback_chain(self.lang, self.head.fallback_order()))

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
        self.dirty = True

    @staticmethod
    def _base(stack: list[Screen]) -> Screen | None:
        return next((s for s in reversed(stack) if not s.modal), None)

    @property
    def top(self) -> Screen:
        return self.stack[-1]

    # --- settings ---

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.strings = Strings(lang)
        self.dirty = True

    def cycle_language(self) -> None:
        langs = self.languages
        self.set_lang(langs[(langs.index(self.lang) + 1) % len(langs)] if self.lang in langs else langs[0])

    def cycle_theme(self) -> None:
        self.theme = THEMES[next_theme(self.theme.id)]
        self.dirty = True

    def cycle_text_size(self) -> None:
        steps = list(TEXT_STEPS)
        step = steps[(steps.index(self.layout.text_step) + 1) % len(steps)]
        self.layout = Layout(self.layout.width, self.layout.height, step)
        self.dirty = True

    def toggle_meters(self) -> None:
        self.show_meters = not self.show_meters
        self.dirty = True

    # --- the story (barst/play/controller.py), for the screens ---

    def after_title(self) -> None:
        from barst.play.screens.start import RulesScreen

        self.replace(LanguageScreen(self) if self.ask_language else RulesScreen(self))

    def meters(self) -> list[Variable]:
        return self.story.meters()

    def scene_screen(self, event: SceneShown) -> Screen:
        """The screen for a scene (a class session shows the votes on it)."""
        from barst.play.screens.story import SceneScreen

        return SceneScreen(self, event)

    def advance(self) -> None:
        self.story.advance()

    def start_situation(self, situation: str) -> None:
        self.story.start_situation(situation)

    def choose(self, number: int) -> None:
        self.story.choose(number)

    def continue_scene(self) -> None:
        self.story.continue_scene()

    def jump(self, situation: str, scene: str) -> None:
        self.story.jump(situation, scene)

    def undo(self) -> bool:
        return self.story.undo()

    def reset_progress(self) -> None:
        self.story.reset_progress()
        self.dirty = True

    def go_menu(self) -> None:
        if self.control is None:
            self.set_stack(self.stack[:1])
        else:
            self.control.go_menu()

    def emergency_exit(self) -> None:
        """One key or click, no question: leave the situation at once and show the help lines."""
        if self.control is None:
            self.set_stack([*self.stack[:1], EmergencyScreen(self, self.helplines())])
        else:
            self.control.emergency_exit()

    def helplines(self) -> list[HelpLine]:
        from barst.helplines import load_helplines

        return load_helplines().for_exit(self.region or "flanders", self.lang)

    # --- input ---

    def handle_event(self, event: pygame.event.Event) -> None:
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
        inp = translate(event, self.window.get_size())
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
            top.on_input(inp)
        elif cmd is Cmd.BLACK:
            self.push(BlackScreen(self))
        elif cmd is Cmd.TRAINER and self.control is not None and not isinstance(top, TrainerPanel) and not top.modal:
            self.push(TrainerPanel(self))
        elif cmd is Cmd.CLICK:
            for button in reversed(self.buttons):
                if button.rect.collidepoint(inp.pos):
                    button.action()
                    break
        elif top.on_input(inp):
            pass
        else:
            self._generic(top, inp)

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
                handle.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} ({self.head.id or self.folder})\n")
                import traceback  # only after a fault; importing it costs ~7 ms at every start

                handle.write("".join(traceback.format_exception(exc)))
            shown = str(path)
        except OSError:
            shown = "-"
        self.errors.append(shown)
        home: list[Screen] = self.stack[:1]
        if self.control is not None:
            home = [MenuScreen(self)]
            self.control.queue = []
        self.fade_from = None
        self.stack = [*home, ErrorScreen(self, shown, self.go_menu)]
        self.dirty = True

    # --- drawing ---

    def render(self) -> None:
        """Draw the stack into the window (not flipped)."""
        try:
            self._render()
        except Exception as exc:
            if isinstance(self.top, ErrorScreen):
                self.window.fill(self.theme.background)  # never loop on a broken error screen
                return
            self.fail(exc)
            self._render()

    def _render(self) -> None:
        start = len(self.stack) - 1
        while start > 0 and self.stack[start].modal:
            start -= 1
        top = self.top
        painter = Painter(self.window, self.layout, self.theme, self.texts, self.images)
        for screen in self.stack[start:]:
            painter.buttons = []
            painter.focus = screen.focus if screen is top else -1
            screen.draw(painter)
        buttons = painter.buttons
        if top.show_exit:
            buttons = [*buttons, self._draw_exit(painter)]
        focusable = [b for b in buttons if b.focusable]
        if focusable and top.focus >= len(focusable):
            top.focus = len(focusable) - 1
        self.buttons = buttons
        self.frame = self.window

    def _draw_exit(self, p: Painter) -> Button:
        """The emergency exit, top right on every screen: icon, word and key."""
        rect = p.exit_button(self.t("exit"), EXIT_KEY_LABEL, p.w - MARGIN - EXIT_W + 16, 10.0)
        return Button(rect, self.emergency_exit, focusable=False)

    def present(self) -> None:
        """Draw if needed, compose a running cross-fade, and flip."""
        if self.minimised:
            return
        if self.dirty or self.top.animating:
            self.render()
            self.dirty = False
            self.fresh = self.window.copy() if self.fade_from is not None else None
        if self.fade_from is not None:
            frac = (time.monotonic() - self.fade_start) / TRANSITION
            if frac >= 1 or self.fresh is None or self.fade_from.get_size() != self.window.get_size():
                self.fade_from = None
                self.render()
            else:
                self.window.blit(self.fresh, (0, 0))
                self.fade_from.set_alpha(round(255 * (1 - frac)))
                self.window.blit(self.fade_from, (0, 0))
        pygame.display.flip()

    def wait_time(self) -> int:
        """Milliseconds to block for the next event; 0 means no timer at all (wait for input)."""
        if self.fade_from is not None:
            return 8
        every = self.top.redraw_every()
        return max(1, int(every * 1000)) if every else 0

    def step_time(self) -> None:
        now = time.monotonic()
        dt, self.last_tick = now - self.last_tick, now
        if self.top.animating:
            self.top.tick(min(dt, 0.1))
            self.dirty = True
        elif self.top.redraw_every():
            self.dirty = True

    def run(self) -> int:
        self.present()
        self.guarded(self.finish_loading)
        if self.dirty:
            self.present()  # the checked pack's first screen, or its errors, without waiting for input
        while self.running:
            wait = self.wait_time()
            event = pygame.event.wait(wait) if wait else pygame.event.wait()
            for item in [event, *pygame.event.get()]:
                if item.type != pygame.NOEVENT:
                    self.handle_event(item)
            self.guarded(self.step_time)
            if self.dirty or self.fade_from is not None or self.top.animating:
                self.present()
        self.record_session()
        return 0

    # --- the session report (barst/report): counts only ---

    session_mode = "story"

    def record_session(self) -> None:
        """Write this session's record (once; nothing when nothing was played). A failed write never stops
        the player: the report is for the trainer's paperwork, the lesson comes first."""
        from barst.report.played import StoryLog, Where, story_record
        from barst.report.record import write

        control = self.control
        if control is None or not control.log.anything():
            return
        log, control.log = control.log, StoryLog()
        with contextlib.suppress(OSError, ValueError):
            write(story_record(log, Where(self.pack, self.lang, self.region or "", self.helplines()),
                               self.session_mode))

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
