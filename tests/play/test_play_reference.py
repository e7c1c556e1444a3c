"""Reference images of the key screens at 1280x720, compared with a small tolerance.

Regenerate after an intended visual change (then LOOK at them before committing):
    BARST_UPDATE_REFERENCE=1 pytest tests/play/test_play_reference.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest
from drive import key
from PIL import Image, ImageChops

REFERENCE = Path(__file__).parent / "reference"
MAX_CHANGED = 0.01  # share of pixels that may differ by more than a rounding step


def screen(app, name: str) -> None:
    app.go_menu()
    if name == "title":
        from barst.play.screens.start import TitleScreen

        app.stack = [TitleScreen(app)]
    elif name == "menu":
        pass
    elif name in ("scene", "consequence", "ending"):
        key(app, pygame.K_1)
        if name != "scene":
            key(app, pygame.K_1)
        if name == "ending":
            key(app, pygame.K_RETURN)
            key(app, pygame.K_1)
            key(app, pygame.K_RETURN)
            key(app, pygame.K_RETURN)
    elif name == "emergency":
        key(app, pygame.K_x)
    elif name == "trainer":
        key(app, pygame.K_t)
    app.settle()


@pytest.mark.parametrize("name", ["title", "menu", "scene", "consequence", "ending", "emergency", "trainer"])
def test_reference_image(make_app, name, tmp_path):
    app = make_app()
    screen(app, name)
    got_path = tmp_path / f"{name}.png"
    pygame.image.save(app.window, str(got_path))
    want_path = REFERENCE / f"{name}.png"
    if os.environ.get("BARST_UPDATE_REFERENCE") or not want_path.is_file():
        REFERENCE.mkdir(exist_ok=True)
        Image.open(got_path).convert("RGB").save(want_path)
        if not os.environ.get("BARST_UPDATE_REFERENCE"):
            pytest.skip(f"created {want_path}; look at it and run again")
        return
    got = Image.open(got_path).convert("RGB")
    want = Image.open(want_path).convert("RGB")
    assert got.size == want.size
    diff = ImageChops.difference(got, want).convert("L").point(lambda v: 255 if v > 24 else 0)
    changed = diff.histogram()[255] / (got.width * got.height)
    assert changed <= MAX_CHANGED, f"{name}: {changed:.2%} of the pixels changed (see {got_path})"
