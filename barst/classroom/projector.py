"""`barst class` on the projector: the story player with the class's phones joined.

The projector decides (which question is open, when it closes, which choice is played); the server
thread only carries votes. Every phone-side failure leaves the lesson going on without phones.
"""

from __future__ import annotations

import contextlib
import secrets
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pygame

from barst import rng
from barst.classroom.autosave import ClassAutosave, Saved
from barst.classroom.debrief import DebriefScreen, FeedbackScreen
from barst.classroom.live import LiveScreen, PlanScreen, ResumeScreen
from barst.classroom.network import Adapter, find_adapters, join_url
from barst.classroom.screens import JoinScreen, VoteSceneScreen
from barst.classroom.server import ClassServer, ClassServerError
from barst.classroom.session import Choice, ClassSession, Question, Tally
from barst.datadir import data_dir
from barst.play.app import App
from barst.play.i18n import Strings, load_strings
from barst.play.metrics import MARGIN
from barst.play.progress import ProgressStore
from barst.play.screens.base import Screen
from barst.play.screens.closing import ClosingScreen, close_session
from barst.play.widgets import Painter
from barst.text import fallback_chain

if TYPE_CHECKING:
    from barst.engine.events import SceneShown
    from barst.model import Situation
    from barst.text import Text

CLASS_EVENT = pygame.event.custom_type()
PHONE_LANGUAGES = ("nl", "fr", "en", "de")
DEFAULT_PORT = 8123
NEW_CLASS_SECONDS = 4.0  # N twice within this: every phone is let go and a new PIN is drawn
REDRAW_EVERY = 0.25  # a storm of taps redraws the class view four times a second, not once per tap


@dataclass(frozen=True, slots=True)
class ClassOptions:
    port: int = DEFAULT_PORT
    address: str | None = None  # serve on this address only (and show it)
    vote_seconds: int | None = None
    seed: int = 0
    mode: str = "vote"  # "vote": the class votes on the projector's story; "solo": every phone plays
    situations: tuple[str, ...] = ()  # solo: the situations opened, in order (default: all)
    plan: int = 50  # solo: the trainer kit's session plan shown with the timer (50 or 100 minutes)


class SessionProgress(ProgressStore):
    """The projector's replay progress during a class: in memory, so the next class starts clean."""

    def __init__(self) -> None:
        super().__init__(Path("."))
        self.data: dict[str, Any] = {}

    def _read(self) -> dict[str, Any]:
        return self.data

    def _write(self, data: dict[str, Any]) -> None:
        self.data = data


def new_pin() -> str:
    return f"{secrets.randbelow(10_000):04d}"


class ClassApp(App):
    def __init__(self, folder: Path, options: ClassOptions, lang: str | None = None,
                 size: tuple[int, int] = (1280, 720), fullscreen: bool = False, display: int = 0,
                 region: str | None = None, transitions: bool = True) -> None:
        self.options = options
        self.server: ClassServer | None = None
        self.server_note = ""  # one calm sentence when phones cannot take part
        self.tally: Tally | None = None
        self.pin = new_pin()
        self.adapters: list[Adapter] = []
        self.adapter: Adapter | None = None
        self.port = options.port
        self.question_id = 0
        self.vote_screen: Screen | None = None
        self.vote_deadline: float | None = None
        self.tie: list[int] = []
        self.banner = ""
        self.lot = rng.seed_state(options.seed)
        self.new_class_asked = 0.0
        self.session_started = time.monotonic()
        self.session_day, self.session_written = datetime.now(), False  # the session report's record
        self.tally_drawn, self.tally_pending = 0.0, False
        self.open_ids: list[str] | None = None  # solo: the situations opened, in order (None: from the options)
        self.plan_minutes = options.plan
        self.solo_started = False
        self.autosave = ClassAutosave(data_dir())
        self.saved: Saved | None = None
        self.last_save = 0.0
        self.saved_tally: Tally | None = None
        super().__init__(folder, lang, size, fullscreen=fullscreen, display=display, region=region,
                         transitions=transitions, store=SessionProgress())
        self.resume = None  # the class session keeps its own autosave (tokens, every phone's state)
        self.strings = Strings(self.lang, ("", "class-"))
        if options.mode == "solo" and self.head.id:
            self.saved = self.autosave.load(self.head.id)
            if self.saved is not None:
                self.pin = str(self.saved.data.get("pin", self.pin))
        if self.loading:  # a pack.yaml that cannot be read shows its errors instead
            self.stack = [JoinScreen(self, first=True)]
            if self.saved is not None:
                self.stack = [ResumeScreen(self, self.saved.saved_at, len(self.saved.data.get("phones", {})))]
        self.start_server()

    # --- the server ---

    def start_server(self) -> None:
        address = self.options.address
        found = find_adapters()
        if address:
            named = next((a.name for a in found if a.address == address), "--address")
            found = [Adapter(named, address)]
        self.adapters = found
        self.adapter = self.adapters[0] if self.adapters else None
        if self.adapter is None:
            self.server_note = self.t("class_no_network")
            return
        langs = self.phone_languages()
        title = {lang: self.head.title.get(lang, self.fallbacks(lang)) for lang in langs}
        session = ClassSession(self.pin, langs, self.phone_words(), self.phone_helplines(), title, secrets.token_hex(4))
        host = address or "0.0.0.0"
        port = self.options.port
        if self.saved is not None and isinstance(self.saved.data.get("port"), int) and port:
            port = self.saved.data["port"]  # phones reconnect to the address they had
        self.server = ClassServer(session, host, port, notify=self.wake, hosts=[a.address for a in self.adapters])
        try:
            self.server.start()
        except ClassServerError as exc:
            self.server, self.server_note = None, f"{self.t(exc.key, **exc.values)} {self.t('class_goes_on')}"
            return
        self.port = self.server.port

    def wake(self) -> None:
        """Called from the server's thread: one event wakes the projector's loop (pygame-ce posts are
        thread-safe); the tallies themselves travel through the server's queue."""
        with contextlib.suppress(pygame.error):  # the window is closing
            pygame.event.post(pygame.event.Event(CLASS_EVENT))

    def pump(self) -> None:
        """Take what the server has sent: the newest tally, or the news that it stopped."""
        server = self.server
        if server is None:
            return
        while not server.updates.empty():
            update = server.updates.get_nowait()
            if isinstance(update, str):
                self.lose_phones(self.t("class_lost"))
                return
            self.tally = update
        now = time.monotonic()
        if isinstance(self.top, VoteSceneScreen) or now - self.tally_drawn >= REDRAW_EVERY:
            self.dirty, self.tally_drawn, self.tally_pending = True, now, False
        else:
            self.tally_pending = True  # drawn at the next quarter second
        self.save_soon()

    def save_soon(self) -> None:
        """Autosave the phones' games at most every two seconds, and only when something changed."""
        if not self.solo_started or self.server is None or self.tally == self.saved_tally:
            return
        if time.monotonic() - self.last_save < 2.0:
            return
        self.save_now()

    def save_now(self) -> None:
        if not self.solo_started or self.server is None:
            return
        try:
            data = self.server.ask(lambda s: s.to_json())
        except (ClassServerError, TimeoutError):
            return
        data["port"] = self.port
        self.autosave.save(self.head.id, data)
        self.last_save, self.saved_tally = time.monotonic(), self.tally

    def lose_phones(self, reason: str) -> None:
        self.server, self.server_note = None, f"{reason} {self.t('class_goes_on')}"
        self.banner = self.server_note
        self.vote_screen, self.tie, self.vote_deadline = None, [], None
        self.dirty = True

    def close(self) -> None:
        self.record_session()
        if self.server is not None:
            self.save_now()
            self.server.stop()

    def record_session(self) -> str | None:
        """The class's record for the session report, once per class (when the app closes or a new class
        starts): counts from the class's figures and the phones' emergency exits, never about a phone.
        Returns the record's id (for the trainer's closing screen), None when nothing was written."""
        if self.session_written:
            return None
        exits = 0
        if self.server is not None:
            with contextlib.suppress(ClassServerError, TimeoutError):
                exits = self.server.ask(lambda s: s.exits)
        if self.options.mode != "solo":
            if self.control is not None:
                self.control.log.exits += exits
            self.session_mode = "class-vote"
            written = super().record_session()
            self.session_written = True
            return written
        from barst.report.played import Where, solo_record
        from barst.report.record import write

        figures = self.figures()
        if not figures.get("plays") or self.control is None:
            return None
        minutes = max(0, round((time.monotonic() - self.session_started) / 60))
        written = None
        with contextlib.suppress(OSError, ValueError):
            written = write(solo_record(figures, exits, self.session_day, minutes,
                                        Where(self.pack, self.lang, self.region or "", self.helplines()))).stem
        self.session_written = True
        return written

    # --- what phones are sent ---

    def phone_languages(self) -> list[str]:
        ordered = [*self.languages, *PHONE_LANGUAGES]
        return [lang for lang in dict.fromkeys(ordered) if lang in PHONE_LANGUAGES]

    def fallbacks(self, lang: str) -> list[str]:
        return list(fallback_chain(lang, self.head.fallback_order()))

    def text_in(self, text: Text | None, lang: str) -> str:
        return "" if text is None else text.get(lang, self.fallbacks(lang))

    def phone_words(self) -> dict[str, dict[str, str]]:
        """The player's words (rules, endings, the 5 A's) with the phone page's own on top."""
        return {lang: {**load_strings(lang), **load_strings(lang, "phone-")} for lang in self.phone_languages()}

    def phone_words_here(self) -> dict[str, str]:
        return load_strings(self.lang, "phone-")

    def phone_helplines(self) -> dict[str, list[dict[str, str]]]:
        from barst.helplines import load_helplines

        lines = load_helplines()
        region = self.region or "flanders"
        found: dict[str, list[dict[str, str]]] = {}
        for lang in self.phone_languages():
            found[lang] = [{"name": self.text_in(line.name, lang), "number": line.number,
                            "link": line.tel_link() or line.web_link() or "", "hours": self.text_in(line.hours, lang)}
                           for line in lines.for_exit(region, lang)]
        return found

    @property
    def join_url(self) -> str:
        return join_url(self.adapter.address if self.adapter else "127.0.0.1", self.port, self.pin)

    @property
    def join_url_typed(self) -> str:
        return self.join_url.split("/?")[0]

    # --- screens ---

    def set_lang(self, lang: str) -> None:
        super().set_lang(lang)
        self.strings = Strings(lang, ("", "class-"))

    def after_title(self, offer_resume: bool = False) -> None:
        self.replace(JoinScreen(self, first=True))

    def after_join(self) -> None:
        if self.options.mode != "solo":
            App.after_title(self)
            return
        if not self.solo_started:
            self.set_stack([PlanScreen(self)])  # which situations, in which plan; then the class plays
            return
        self.set_stack([LiveScreen(self)])

    def apply_plan(self, situations: list[str], minutes: int) -> None:
        self.open_ids, self.plan_minutes = list(situations), minutes
        if not self.solo_started:
            self.session_started = time.monotonic()  # the plan's clock starts when the class starts
            self.start_solo()
        elif self.server is not None:
            ids = list(situations)
            self.server.send(lambda s: s.set_open(ids))
        self.set_stack([LiveScreen(self)])

    # --- every pupil on their own phone ---

    def open_situations(self) -> list[Situation]:
        known = {s.id for s in self.pack.situations}
        if self.open_ids is None:
            self.open_ids = [s for s in self.options.situations if s in known] or [s.id for s in self.pack.situations]
        return [self.pack.situation(s) for s in self.open_ids if s in known]

    def start_solo(self, restore: dict[str, Any] | None = None) -> None:
        from barst.classroom.solo import SoloRoom

        self.solo_started = True
        if self.server is None:
            return
        pictures = self.pack_pictures()
        self.server.pictures = {pid: Path(self.pack.folder) / image for image, pid in pictures.items()}
        from barst.helplines import load_helplines

        room = SoloRoom(self.pack, [s.id for s in self.open_situations()], pictures, load_helplines().lines,
                        self.region or "flanders")
        try:
            self.server.call(lambda s: s.start_solo(room))
            if restore is not None:
                self.server.ask(lambda s: s.restore(restore))
                self.server.call(lambda s: s.resync())
        except (KeyError, TypeError, ValueError, AttributeError):
            self.banner = self.t("resume_failed")  # a foreign file: the class starts fresh
        except (ClassServerError, TimeoutError):
            self.lose_phones(self.t("class_lost"))

    def pack_pictures(self) -> dict[str, str]:
        """Every picture the pack shows, by a short id: phones ask for ids, never for paths."""
        images: list[str] = []
        for situation in self.pack.situations:
            images += [situation.image or ""] + [c.image or "" for c in situation.characters]
            images += [s.image or "" for s in situation.scenes]
        return {image: f"p{i}" for i, image in enumerate(dict.fromkeys(i for i in images if i))}

    def resume_accepted(self) -> None:
        saved, self.saved = self.saved, None
        self.start_solo(saved.data if saved else None)
        self.set_stack([LiveScreen(self)])

    def resume_declined(self) -> None:
        self.saved = None
        self.autosave.delete()
        if self.server is not None:
            self.pin = new_pin()
            self.server.new_class(self.pin, secrets.token_hex(4))
        self.set_stack([JoinScreen(self, first=True)])

    def figures(self) -> dict[str, Any]:
        if self.server is None:
            return {}
        try:
            return self.server.ask(lambda s: s.solo.figures.to_json() if s.solo else {})
        except (ClassServerError, TimeoutError):
            return {}

    def open_feedback(self) -> None:
        if self.server is not None and self.solo_started:
            self.server.send(lambda s: s.open_feedback())
            self.push(FeedbackScreen(self))

    def close_feedback(self) -> None:
        if self.server is not None:
            self.server.send(lambda s: s.back_to_play())
        self.set_stack([LiveScreen(self)])

    def debrief(self) -> None:
        if self.solo_started:
            self.set_stack([LiveScreen(self), DebriefScreen(self, self.figures())])

    def scene_screen(self, event: SceneShown) -> Screen:
        return VoteSceneScreen(self, event)

    def set_stack(self, stack: list[Screen]) -> None:
        super().set_stack(stack)
        self.follow_screen()

    def follow_screen(self) -> None:
        """Open a vote when a scene with choices comes up; let phones rest when it goes."""
        base = self._base(self.stack)
        if base is self.vote_screen:
            return
        was_open = self.vote_screen is not None
        self.vote_screen, self.tie, self.vote_deadline = None, [], None
        if isinstance(base, VoteSceneScreen) and base.event.choices and self.server is not None:
            self.open_vote(base)
        elif was_open and self.server is not None:
            self.server.send(lambda s: s.idle())

    def open_vote(self, screen: VoteSceneScreen) -> None:
        assert self.server is not None
        self.question_id += 1
        event = screen.event
        langs = self.phone_languages()
        situation = self.pack.situation(event.situation)
        question = Question(self.question_id, {lang: self.text_in(situation.title, lang) for lang in langs},
                            tuple(Choice(c.number, {lang: self.text_in(c.label, lang) for lang in langs})
                                  for c in event.choices))
        self.vote_screen = screen
        self.banner = ""
        seconds = self.options.vote_seconds
        self.vote_deadline = time.monotonic() + seconds if seconds else None
        self.server.send(lambda s: s.open_vote(question))

    def voting_here(self, screen: Screen) -> bool:
        return screen is self.vote_screen and self.server is not None

    def vote_status(self) -> str:
        tally = self.tally if self.tally and self.tally.question == self.question_id else None
        if self.tie:
            return self.t("vote_tie", list=" · ".join(str(n) for n in self.tie))
        if tally and tally.phase == "paused":
            return self.t("vote_paused")
        status = self.t("vote_status", voters=tally.voters if tally else 0, phones=tally.connected if tally else 0)
        if self.vote_deadline is not None:
            status += " · " + self.t("vote_timer", s=max(0, round(self.vote_deadline - time.monotonic())))
        return status

    # --- the trainer closes, picks, pauses ---

    def close_vote(self) -> None:
        screen = self.vote_screen
        if screen is None or self.server is None:
            return
        if self.tie:
            number, self.lot = rng.pick(self.lot, self.tie)
            self.banner = self.t("vote_lot", n=number)
            self.finish_vote(number, by_lot=True)
            App.choose(self, number)
            return
        try:
            tally = self.server.call(lambda s: s.close_vote())
        except (ClassServerError, TimeoutError):
            self.lose_phones(self.t("class_lost"))
            return
        self.tally = tally
        self.vote_deadline = None
        leaders = tally.leaders() if tally.voters else sorted(tally.counts)
        if len(leaders) == 1:
            self.choose(leaders[0])
        else:
            self.tie = leaders
            self.dirty = True

    def choose(self, number: int) -> None:
        """A choice is played: by the class's vote, or because the trainer picked it (key, click)."""
        if self.vote_screen is not None and self.server is not None:
            self.finish_vote(number, by_lot=False)
        super().choose(number)

    def trainer_picks(self, number: int) -> None:
        self.choose(number)

    def finish_vote(self, number: int, by_lot: bool) -> None:
        if self.server is not None:
            self.server.send(lambda s: s.announce(number, by_lot))
        self.vote_screen, self.tie, self.vote_deadline = None, [], None

    def toggle_pause(self) -> None:
        if self.vote_screen is None or self.server is None or self.tie:
            return
        paused = self.tally is not None and self.tally.phase == "paused"
        self.server.send(lambda s: s.resume() if paused else s.pause())
        if self.vote_deadline is not None and not paused:
            self.vote_deadline = None  # a paused vote has no clock; Enter still closes it

    def new_class(self) -> None:
        now = time.monotonic()
        if now - self.new_class_asked > NEW_CLASS_SECONDS:
            self.new_class_asked = now
            self.banner = self.t("new_class_confirm")
            return
        self.new_class_asked = 0.0
        if self.server is None:
            return
        ended = self.record_session()  # the class that ends gets its record before its figures are cleared
        self.session_day, self.session_written = datetime.now(), False
        self.pin = new_pin()
        self.server.new_class(self.pin, secrets.token_hex(4))
        self.autosave.delete()  # the class's games end here; nothing of them is kept
        if isinstance(self.store, SessionProgress):
            self.store.data = {}  # the projector's replay progress was this class's too
        if self.control is not None:
            from barst.engine.story import Progress

            self.control.state.progress = Progress()
        self.session_started = time.monotonic()
        self.tally = None
        self.vote_screen, self.tie, self.vote_deadline = None, [], None
        self.banner = ""
        self.push(JoinScreen(self, first=False))
        close_session(self, ended, self.pop)  # the trainer's entries for the class that ended, over the join screen

    def next_adapter(self) -> None:
        if len(self.adapters) > 1 and self.adapter is not None:
            index = self.adapters.index(self.adapter)
            self.adapter = self.adapters[(index + 1) % len(self.adapters)]
            self.dirty = True

    # --- input, time, drawing ---

    CLASS_KEYS: ClassVar[dict[int, str]] = {pygame.K_j: "join", pygame.K_p: "pause", pygame.K_n: "new",
                                            pygame.K_a: "adapter", pygame.K_d: "debrief", pygame.K_f: "feedback",
                                            pygame.K_l: "live", pygame.K_o: "plan"}

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == CLASS_EVENT:
            self.guarded(self.pump)
            return
        if (event.type == pygame.KEYDOWN and event.key in self.CLASS_KEYS and not self.loading
                and not isinstance(self.top, ClosingScreen)):  # on the closing screen letters type the code
            self.guarded(lambda: self.class_key(self.CLASS_KEYS[event.key]))
            return
        super().handle_event(event)

    def class_key(self, what: str) -> None:
        self.dirty = True
        top = self.top
        if what == "join":
            if isinstance(top, JoinScreen):
                top.confirm()
            else:
                self.push(JoinScreen(self, first=False))
        elif what == "pause":
            self.toggle_pause()
        elif what == "new":
            self.new_class()
        elif what == "adapter" and isinstance(top, JoinScreen):
            self.next_adapter()
        elif what == "debrief":
            self.debrief()
        elif what == "feedback":
            if isinstance(top, FeedbackScreen):
                self.close_feedback()
            else:
                self.open_feedback()
        elif what == "plan" and self.solo_started and not isinstance(top, PlanScreen):
            self.push(PlanScreen(self))
        elif what == "live" and self.solo_started:
            self.close_feedback() if isinstance(top, FeedbackScreen) else self.set_stack([LiveScreen(self)])

    def step_time(self) -> None:
        super().step_time()
        if self.tally_pending and time.monotonic() - self.tally_drawn >= REDRAW_EVERY:
            self.dirty, self.tally_drawn, self.tally_pending = True, time.monotonic(), False
        self.save_soon()
        if self.vote_deadline is not None and time.monotonic() >= self.vote_deadline:
            self.vote_deadline = None
            self.close_vote()

    def wait_time(self) -> int:
        wait = super().wait_time()
        if self.vote_deadline is not None or self.tally_pending:
            return min(wait, 250) if wait else 250
        return wait

    def _render(self) -> None:
        super()._render()
        if self.banner and not isinstance(self.top, JoinScreen):
            p = Painter(self.window, self.layout, self.theme, self.texts, self.images)
            p.panel(MARGIN, p.h - MARGIN - 4, p.w - 2 * MARGIN, 40, p.theme.surface, p.theme.accent, radius=10)
            p.text(self.banner, MARGIN + 14, p.h - MARGIN + 16, 22, True, middle=True, max_w=p.w - 2 * MARGIN - 28)
