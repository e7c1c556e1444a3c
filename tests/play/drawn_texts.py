"""What the player really draws: every paragraph and one-line text of every screen, recorded with whether
it was cut ('…') or ran past its box, at each text size. The B070 tests compare the checker with this.

Used by tests/play/test_textfit_real.py, and as a script to save the PNGs of the screens that cut a text:

    python tests/play/drawn_texts.py OUT_DIR
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from barst.engine import board as B  # noqa: E402
from barst.engine import story as S  # noqa: E402
from barst.loader import load_pack  # noqa: E402
from barst.play import widgets  # noqa: E402
from barst.play.layout import Layout  # noqa: E402
from barst.play.metrics import MIN_TEXT_PX, TEXT_STEPS  # noqa: E402
from barst.play.text import TextCache  # noqa: E402
from barst.textfit import drawable  # noqa: E402


@dataclass(slots=True)
class Seen:
    """One text as a screen drew it: in a box (`width`, `height` px; height 0: one line) at a font size
    (`asked`, before shrinking; `px`, as drawn), cut or not."""

    screen: str
    width: int
    height: int
    px: int
    cut: bool
    asked: int = 0
    bold: bool = False


@dataclass(slots=True)
class Recorder:
    screen: str = ""
    seen: dict[tuple[str, str], list[Seen]] = field(default_factory=dict)  # (text, step) -> draws
    step: str = "normal"
    out: Path | None = None  # when set, each screen that cuts a text is saved there as a PNG
    cuts: int = 0

    def add(self, text: str, seen: Seen) -> None:
        self.seen.setdefault((text, self.step), []).append(seen)
        self.cuts += seen.cut

    def keep(self, name: str, surface: pygame.Surface) -> None:
        """Save the screen just drawn when it cut something."""
        if self.out is not None and self.cuts:
            pygame.image.save(surface, self.out / f"{name}.png")
        self.cuts = 0

    def cut(self, text: str, step: str) -> bool | None:
        """Whether the player cut `text` at `step` on some screen (None: never drawn)."""
        found = self.seen.get((text, step))
        return None if found is None else any(s.cut for s in found)


@contextmanager
def recording(recorder: Recorder) -> Iterator[None]:
    """Patch `Painter.para` and `Painter.text` to record each text, its box and whether it was cut."""
    para, text = widgets.Painter.para, widgets.Painter.text

    def recorded_para(self: widgets.Painter, value: str, x: float, y: float, w: float, h: float, size: float,
                      *args: object, **kwargs: object) -> float:
        layout = self.layout
        width, height = layout.px(w), layout.px(h)
        bold = bool(args[0] if args else kwargs.get("bold"))
        lines, px = self.texts.fit(value, layout.font_px(size), bold, width, height, MIN_TEXT_PX)
        full = self.texts.wrap(value, px, bold, width)
        recorder.add(value, Seen(recorder.screen, width, height, px, len(full) > len(lines), layout.font_px(size),
                                 bold))
        return para(self, value, x, y, w, h, size, *args, **kwargs)  # type: ignore[arg-type]

    def recorded_text(self: widgets.Painter, value: str, x: float, y: float, size: float, bold: bool = False,
                      *args: object, max_w: float | None = None, **kwargs: object) -> float:
        if max_w is not None:
            px = self.layout.font_px(size)
            limit = self.layout.px(max_w)
            while px > MIN_TEXT_PX and self.texts.width(value, px, bold) > limit:
                px -= 1
            recorder.add(value, Seen(recorder.screen, limit, 0, px, self.texts.width(value, px, bold) > limit,
                                     self.layout.font_px(size), bold))
        return text(self, value, x, y, size, bold, *args, max_w=max_w, **kwargs)  # type: ignore[arg-type]

    widgets.Painter.para = recorded_para  # type: ignore[method-assign]
    widgets.Painter.text = recorded_text  # type: ignore[method-assign]
    try:
        yield
    finally:
        widgets.Painter.para = para  # type: ignore[method-assign]
        widgets.Painter.text = text  # type: ignore[method-assign]


# --- the story player ------------------------------------------------------------------------------

def story_screens(folder: Path, recorder: Recorder, langs: list[str] | None = None) -> None:
    """Every screen of a story pack that shows pack text, in each language, at each text size."""
    from barst.play.app import App
    from barst.play.progress import ProgressStore
    from barst.play.screens.menu import ExtrasScreen, MenuScreen
    from barst.play.screens.start import OverviewScreen, RulesScreen, TitleScreen
    from barst.play.screens.story import ConsequenceScreen, EndingScreen, UnlockedScreen
    from barst.play.screens.trainer import DebriefScreen

    with tempfile.TemporaryDirectory() as scratch, recording(recorder):
        app = App(folder, None, (1280, 720), transitions=False, store=ProgressStore(Path(scratch)))
        app.finish_loading()
        assert app.control is not None, "the pack failed the checker"

        def shot(name: str) -> None:
            recorder.screen = name
            recorder.cuts = 0
            app.settle()
            recorder.keep(f"{recorder.step}-{app.lang}-{name}", app.window)

        for lang in langs or list(app.languages):
            app.set_lang(lang)
            for step in TEXT_STEPS:
                recorder.step = step
                app.layout = Layout(1280, 720, step)
                app.stack = [TitleScreen(app)]
                shot("title")
                app.stack = [RulesScreen(app)]
                shot("rules")
                overview = OverviewScreen(app)
                app.stack = [overview]
                for page in range(overview.pages):
                    overview.page = page
                    shot(f"overview-{page + 1}")
                menu = MenuScreen(app)
                for page in range(menu.pages):
                    app.stack = [menu]
                    menu.page = page
                    shot(f"menu-{page + 1}")
                for situation in app.pack.situations:
                    _situation(app, situation.id, shot, ConsequenceScreen, EndingScreen, UnlockedScreen, S)
                    app.stack = [app.stack[0], DebriefScreen(app, situation.id)]
                    shot(f"{situation.id}-debrief")
                app.state.progress.unlocks = {s.id: [u.id for u in s.unlocks] for s in app.pack.situations}
                extras = ExtrasScreen(app)
                app.stack = [MenuScreen(app), extras]
                for index in range(len(extras.items())):
                    extras.index = index
                    shot(f"extras-{index + 1}")
                app.state.progress.unlocks = {}
        pygame.quit()


def _situation(app: object, situation_id: str, shot: Callable[[str], None], *kinds: object) -> None:
    consequence, ending, unlocked, story_engine = kinds
    pack = app.pack  # type: ignore[attr-defined]
    for scene in pack.situation(situation_id).scenes:
        app.jump(situation_id, scene.id)  # type: ignore[attr-defined]
        shot(f"{situation_id}-{scene.id}")
        if scene.ending is not None:
            for screen in list(app.queue):  # type: ignore[attr-defined]
                if isinstance(screen, ending):  # type: ignore[arg-type]
                    app.stack = [app.stack[0], screen]  # type: ignore[attr-defined]
                    shot(f"{situation_id}-{scene.id}-ending")
                elif isinstance(screen, unlocked):  # type: ignore[arg-type]
                    for index in range(len(screen.event.unlocked)):
                        screen.index = index
                        app.stack = [app.stack[0], screen]  # type: ignore[attr-defined]
                        shot(f"{situation_id}-{scene.id}-unlocked-{index + 1}")
            continue
        app.state.replay = True  # type: ignore[attr-defined]
        story = app.story  # type: ignore[attr-defined]
        for number, _ in enumerate(story.engine.available_choices(story.state), start=1):
            saved = story.state
            _, events = story.engine.step(saved, story_engine.ChooseNumber(number))  # type: ignore[attr-defined]
            screens = story.screens_for(events)
            if screens and isinstance(screens[0], consequence):  # type: ignore[arg-type]
                app.stack = [app.stack[0], screens[0]]  # type: ignore[attr-defined]
                shot(f"{situation_id}-{scene.id}-choice-{number}")
            story.state = saved


# --- the board game --------------------------------------------------------------------------------

def board_screens(folder: Path, recorder: Recorder, teams: int | None = None) -> None:
    """Every card of a board pack, front (with and without the good points shown) and answer side, in every
    edition and language, at each text size, with the most teams the rules allow, one of them answering."""
    from barst import editions
    from barst.play.board.session import BoardSession
    from barst.play.widgets import Images

    pygame.display.init()
    pygame.font.init()
    surface = pygame.display.set_mode((1280, 720))
    loaded = load_pack(folder)
    assert loaded.pack is not None
    texts, images = TextCache(), Images()
    with tempfile.TemporaryDirectory() as scratch, recording(recorder):
        for edition in loaded.pack.editions or [None]:
            pack = editions.resolve(loaded.pack, edition)
            count = teams or (pack.rules.teams_max if pack.rules else 6)
            for lang in pack.languages:
                session = BoardSession(pack, lang, save_file=Path(scratch) / "save.json", seed=1,
                                       autosave_enabled=False)
                state = session.state
                for i in range(count):
                    state, _ = session.engine.step(state, B.AddTeam(f"Team {i + 1}"))
                state, _ = session.engine.step(state, B.StartGame())
                for step in TEXT_STEPS:
                    recorder.step = step
                    session.text_size = step
                    for card in pack.cards:
                        _card(session, state, card, recorder, surface, texts, images, render, lang)
                    for deck in pack.decks:
                        session.state = replace(state, phase="choose", decks=[deck.id])
                        recorder.screen = f"choose-{deck.id}"
                        render(surface, session, texts, images)
    pygame.quit()


def render(surface: pygame.Surface, session: object, texts: TextCache, images: object) -> None:
    """Draw the board screen of the session's phase (card front, answer side or deck choice) as the board
    app's screens do, at the session's text size."""
    from barst.play.board.board_view import draw_board, draw_choose
    from barst.play.board.card_view import draw_card_answer, draw_card_front
    from barst.play.board.look import Frame
    from barst.play.theme import THEMES
    from barst.play.widgets import Painter

    layout = Layout(1280, 720, session.text_size)  # type: ignore[attr-defined]
    painter = Painter(surface, layout, THEMES["normal"], texts, images)  # type: ignore[arg-type]
    frame = Frame(painter, session, painter.theme)  # type: ignore[arg-type]
    painter.fill()
    phase = session.state.phase  # type: ignore[attr-defined]
    if phase == "choose":
        draw_board(frame)
        draw_choose(frame)
    else:
        (draw_card_front if phase == "card" else draw_card_answer)(frame)


def _card(session: object, state: B.BoardState, card: object, recorder: Recorder, surface: pygame.Surface,
          texts: TextCache, images: object, render: Callable[..., object], lang: str) -> None:
    card_id = card.id  # type: ignore[attr-defined]
    results = {str(state.turn): "partly"}  # a turn: one team answers (an "everyone" square is not checked)
    for name, phase, points in (("front", "card", False), ("front-points", "card", True),
                                ("answer", "result", False)):
        session.state = replace(state, phase=phase, card=card_id,  # type: ignore[attr-defined]
                                results=results if phase == "result" else {})
        session.show_points = points  # type: ignore[attr-defined]
        recorder.screen = f"{card_id}-{name}"
        recorder.cuts = 0
        render(surface, session, texts, images)
        recorder.keep(f"{recorder.step}-{lang}-{card_id}-{name}", surface)


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for folder, run in ((ROOT / "scenarios" / "barst", story_screens), (ROOT / "scenarios" / "achter-de-voordeur",
                                                                          board_screens)):
        if len(sys.argv) > 2 and sys.argv[2] not in str(run):
            continue
        recorder = Recorder(out=out)
        run(folder, recorder)  # type: ignore[operator]
        for (text, step), found in sorted(recorder.seen.items()):
            for seen in found:
                if seen.cut:
                    print(f"{step}\t{seen.screen}\t{seen.width}x{seen.height}@{seen.px}\t{drawable(text)[:70]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
