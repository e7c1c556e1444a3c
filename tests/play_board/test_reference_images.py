"""Reference images of the board screen and one card at 1280x720, compared with a small tolerance.

Regenerate after an intended visual change (then look at the PNGs before committing them):
    BARST_UPDATE_REFERENCE=1 pytest tests/play_board/test_reference_images.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest
from support import PACKS

from barst.loader import load_pack
from barst.play.board.app import BoardApp, shot_session
from barst.play.settings import Settings

REFERENCE = Path(__file__).with_name("reference")
SIZE = (1280, 720)
MAX_MEAN = 1.5  # mean absolute difference per channel, 0-255
MAX_CHANGED = 0.01  # share of pixels that may differ by more than 48 in some channel


def screen(name: str) -> pygame.Surface:
    pack = load_pack(PACKS / "mini-board").pack
    assert pack is not None
    session = shot_session(pack, "nl", seed=5)
    session.command("focus:start")
    if name == "card":
        session.command("die:1")  # a true/false card
        session.skip_animation()
    app = BoardApp(size=SIZE, transitions=False, session=session, options=Settings())  # the shell of `barst play`
    app.after_input()
    app.settle()
    return app.window.copy()


def difference(a: pygame.Surface, b: pygame.Surface) -> tuple[float, float]:
    raw_a = pygame.image.tobytes(a, "RGB")
    raw_b = pygame.image.tobytes(b, "RGB")
    total = 0
    changed = 0
    for i in range(0, len(raw_a), 3):
        d = max(abs(raw_a[i] - raw_b[i]), abs(raw_a[i + 1] - raw_b[i + 1]), abs(raw_a[i + 2] - raw_b[i + 2]))
        total += d
        changed += d > 48
    pixels = len(raw_a) // 3
    return total / pixels, changed / pixels


@pytest.mark.parametrize("name", ["board", "card"])
def test_screen_matches_its_reference(pygame_ready: None, name: str) -> None:
    surface = screen(name)
    path = REFERENCE / f"{name}-1280x720.png"
    if os.environ.get("BARST_UPDATE_REFERENCE") or not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(surface, str(path))
        if not os.environ.get("BARST_UPDATE_REFERENCE"):
            pytest.skip(f"reference {path.name} was missing and has been written; look at it and commit it")
    expected = pygame.image.load(str(path))
    assert expected.get_size() == surface.get_size()
    mean, changed = difference(surface, expected)
    if mean > MAX_MEAN or changed > MAX_CHANGED:
        pygame.image.save(surface, str(path.with_name(f"{name}-1280x720.actual.png")))
    assert mean <= MAX_MEAN and changed <= MAX_CHANGED, f"{name}: mean {mean:.2f}, changed {changed:.2%}"
