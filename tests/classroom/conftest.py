"""Class-session fixtures: a headless projector app serving on 127.0.0.1 (a free port), and phones."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


@pytest.fixture(autouse=True)
def headless(headless_player: None) -> None:
    """Every test here runs headless, with its own data folder (tests/conftest.py)."""


@pytest.fixture
def class_app() -> Iterator[Callable[..., object]]:
    from support import ROOT

    from barst.classroom.projector import ClassApp, ClassOptions

    made: list[ClassApp] = []

    def make(pack: Path | None = None, lang: str = "nl", size: tuple[int, int] = (1280, 720),
             **options: object) -> ClassApp:
        settings: dict[str, object] = {"port": 0, "address": "127.0.0.1", **options}
        app = ClassApp(pack or ROOT / "scenarios" / "barst", ClassOptions(**settings),  # type: ignore[arg-type]
                       lang, size, transitions=False)
        made.append(app)
        app.settle()
        return app

    yield make
    for app in made:
        app.close()
