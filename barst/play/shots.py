"""`barst shots`: every screen of a pack to PNG, headless (SDL dummy driver), for review and print."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from barst import atomic
from barst.diagnostics import BarstError
from barst.engine import story as S
from barst.play.app import App
from barst.play.progress import ProgressStore
from barst.play.screens.menu import ExtrasScreen
from barst.play.screens.start import LanguageScreen, OverviewScreen, RulesScreen
from barst.play.screens.story import ConsequenceScreen, EndingScreen, UnlockedScreen
from barst.play.screens.trainer import DebriefScreen, TrainerPanel


def render_all(folder: Path, out: Path, size: tuple[int, int] = (1280, 720), lang: str | None = None,
               only: str | None = None) -> list[Path]:
    """Every screen; with `only` (a situation id), just that situation's scenes, consequences and endings."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        app = App(folder, lang, size, transitions=False, store=ProgressStore(Path(scratch)))
        counter = [0]

        def shot(name: str) -> None:
            app.settle()
            counter[0] += 1
            path = out / f"{counter[0]:03d}-{name}.png"
            save_png(app.window, path)
            written.append(path)

        app.finish_loading()
        if app.control is None:  # the pack failed the checker: its error screen is all there is
            shot("pack-errors")
            pygame.quit()
            return written
        if only is not None:
            _one_situation(app, only, shot)
            pygame.quit()
            return written
        shot("title")
        app.stack = [LanguageScreen(app)]
        shot("language")
        app.stack = [RulesScreen(app)]
        shot("rules")
        overview = OverviewScreen(app)
        app.stack = [overview]
        for page in range(overview.pages):
            overview.page = page
            shot(f"overview-{page + 1}")
        app.go_menu()
        shot("menu")
        for situation in app.pack.situations:
            _situation_shots(app, situation.id, shot)
        app.state.progress.unlocks = {s.id: [u.id for u in s.unlocks] for s in app.pack.situations}
        app.go_menu()
        app.push(ExtrasScreen(app))
        shot("extras")
        app.go_menu()
        app.push(TrainerPanel(app))
        shot("trainer")
        app.stack = [app.stack[0], DebriefScreen(app, None)]
        shot("debrief")
        app.go_menu()
        app.emergency_exit()
        shot("emergency-exit")
    pygame.quit()
    return written


def _one_situation(app: App, situation_id: str, shot: Callable[[str], None]) -> None:
    ids = [s.id for s in app.pack.situations]
    if situation_id not in ids:
        pygame.quit()
        raise BarstError(f"The pack has no situation '{situation_id}'. Its situations: {', '.join(ids)}.")
    _situation_shots(app, situation_id, shot)


def _situation_shots(app: App, situation_id: str, shot: Callable[[str], None]) -> None:
    situation = app.pack.situation(situation_id)
    for scene in situation.scenes:
        app.jump(situation_id, scene.id)
        shot(f"{situation_id}-{scene.id}")
        if scene.ending is not None:
            for screen in list(app.queue):
                if isinstance(screen, EndingScreen | UnlockedScreen):
                    app.stack = [app.stack[0], screen]
                    shot(f"{situation_id}-{scene.id}-{screen.name}")
            continue
        app.state.replay = True  # show the impact texts that replay reveals as well
        story = app.story
        for number, choice in enumerate(story.engine.available_choices(story.state), start=1):
            saved = story.state
            _, events = story.engine.step(saved, S.ChooseNumber(number))
            screens = story.screens_for(events)
            first = screens[0] if screens else None
            if isinstance(first, ConsequenceScreen):
                app.stack = [app.stack[0], first]
                shot(f"{situation_id}-{scene.id}-{choice.id}")
            story.state = saved


def save_png(surface: pygame.Surface, path: Path) -> None:
    """Encode in memory, check that a PNG came out, then write atomically: every write is checked, so a
    full disk is an OSError (and a message), never an empty PNG counted as written."""
    buffer = BytesIO()
    pygame.image.save(surface, buffer, "png")
    data = buffer.getvalue()
    if not data.startswith(b"\x89PNG"):
        raise OSError(errno.EIO, "the image could not be encoded", str(path))
    atomic.write_bytes(path, data)
