"""Headless player fixtures: SDL dummy driver, a private data folder, an app on the mini-story pack."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


@pytest.fixture(autouse=True)
def headless(headless_player: None) -> None:
    """Every test here runs headless, with its own data folder (tests/conftest.py)."""


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., object]:
    from support import PACKS

    from barst.play.app import App
    from barst.play.progress import ProgressStore

    def make(pack: Path | None = None, lang: str | None = "nl", size: tuple[int, int] = (1280, 720)) -> App:
        app = App(pack or PACKS / "mini-story", lang, size, transitions=False,
                  store=ProgressStore(tmp_path / "data"))
        app.settle()
        return app

    return make
