"""The story game on the projector shell (`shell.py`): the title from pack.yaml, the checked pack, and
the story controller that turns engine events into screens."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from barst.packhead import PackHead, read_head
from barst.play.i18n import UI_LANGUAGES, interface_language
from barst.play.progress import ProgressStore
from barst.play.resume import ResumeStore
from barst.play.screens.base import Screen
from barst.play.screens.safety import PackErrorScreen
from barst.play.screens.start import LanguageScreen, TitleScreen
from barst.play.settings import Settings, SettingsStore
from barst.play.shell import Shell
from barst.text import Text

if TYPE_CHECKING:

    from barst.engine.events import SceneShown
    from barst.engine.story import StoryState
    from barst.model import HelpLine, Pack, Variable
    from barst.play.controller import StoryController


class App(Shell):
    """The story game. The title comes from pack.yaml alone (`head`): the first frame shows it with the
    logo while the rest of the pack is checked (`finish_loading`, before any input is handled); then the
    title screen shows the description and the start button, as the board game shows its setup."""

    def __init__(self, folder: Path, lang: str | None = None, size: tuple[int, int] = (1280, 720),
                 fullscreen: bool = False, display: int = 0, region: str | None = None,
                 transitions: bool = True, store: ProgressStore | None = None, head: PackHead | None = None,
                 settings: SettingsStore | None = None, options: Settings | None = None) -> None:
        super().__init__(size, fullscreen, display, transitions, settings, options)
        self.store = store or ProgressStore()
        self.resume: ResumeStore | None = ResumeStore(store.path.parent if store is not None else None)
        self.show_meters = self.settings.meters
        self.folder = folder
        self.control: StoryController | None = None
        self.loading = True
        self.head = head or read_head(folder) or PackHead("", None, Text({}))
        self.region = region or self.settings.region or self.head.region
        self.languages = list(self.head.languages)
        lang = lang or self.settings.lang or None
        self.set_lang(interface_language(lang, self.languages))  # a language the pack lacks: said on the title
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

    # --- settings ---

    def cycle_language(self) -> None:
        langs = self.languages
        self.set_lang(langs[(langs.index(self.lang) + 1) % len(langs)] if self.lang in langs else langs[0])
        self.change_settings(lang=self.lang)

    def toggle_meters(self) -> None:
        self.show_meters = not self.show_meters
        self.change_settings(meters=self.show_meters)

    def fallback_order(self) -> list[str]:
        return self.head.fallback_order()

    def log_name(self) -> str:
        return self.head.id or str(self.folder)

    # --- the story (barst/play/controller.py), for the screens ---

    def after_title(self, offer_resume: bool = True) -> None:
        from barst.play.screens.start import ResumeStoryScreen, RulesScreen

        saved = self.resume.load(self.pack) if offer_resume and self.resume is not None else None
        if saved is not None:  # the last lesson stopped inside a situation (a crash, a closed lid)
            self.replace(ResumeStoryScreen(self, *saved))
            return
        self.replace(LanguageScreen(self) if self.ask_language else RulesScreen(self))

    def resume_saved(self, state: StoryState) -> None:
        self.story.resume(state)

    def meters(self) -> list[Variable]:
        return self.story.meters()

    def scene_screen(self, event: SceneShown) -> Screen:
        """The screen for a scene (a class session shows the votes on it)."""
        from barst.play.screens.story import SceneScreen

        return SceneScreen(self, event)

    def advance(self) -> None:
        self.story.advance()

    def start_situation(self, situation: str) -> None:
        if not self.timer.running and self.timer.elapsed() == 0:
            self.timer.toggle()  # the corner clock counts the lesson from its first situation
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

    def go_home(self) -> None:
        self.go_menu()

    def home_stack(self) -> list[Screen]:
        if self.control is None:
            return self.stack[:1]
        from barst.play.screens.menu import MenuScreen  # after the first frame, as every screen past the title

        self.control.queue = []
        return [MenuScreen(self)]

    def trainer_screen(self) -> Screen | None:
        from barst.play.screens.trainer import TrainerPanel

        if self.control is None or isinstance(self.top, TrainerPanel):
            return None
        return TrainerPanel(self)

    def emergency_exit(self) -> None:
        """One key or click, no question: leave the situation at once and show the help lines."""
        if self.control is None:
            super().emergency_exit()
        else:
            self.control.emergency_exit()

    def helplines(self) -> list[HelpLine]:
        from barst.helplines import load_helplines

        return load_helplines().for_exit(self.region or "flanders", self.lang)

    # --- the session report (barst/report): counts only ---

    session_mode = "story"

    def record_session(self) -> str | None:
        """Write this session's record (once; nothing when nothing was played) and return its id. A failed
        write never stops the player: the report is for the trainer's paperwork, the lesson comes first."""
        from barst.report.played import StoryLog, Where, story_record
        from barst.report.record import write

        control = self.control
        if control is None or not control.log.anything():
            return None
        log, control.log = control.log, StoryLog()
        with contextlib.suppress(OSError, ValueError):
            return write(story_record(log, Where(self.pack, self.lang, self.region or "", self.helplines()),
                                      self.session_mode)).stem
        return None
