from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Headless everywhere: tests never need a screen or a sound card.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# Nothing a test does reaches this computer's own barst folders (settings, progress, the file cache);
# the player's tests give each test a folder of its own (`headless_player`).
os.environ.setdefault("BARST_DATA_DIR", tempfile.mkdtemp(prefix="barst-tests-"))

from support import PACKS, ROOT


@pytest.fixture
def copy_pack(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a test pack (tests/packs/NAME) or a shipped pack (scenarios/NAME) into a temp folder."""

    def copy(name: str) -> Path:
        source = PACKS / name if (PACKS / name).is_dir() else ROOT / "scenarios" / name
        target = tmp_path / name
        shutil.copytree(source, target)
        return target

    return copy


@pytest.fixture
def headless_player(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """SDL's dummy drivers and a private data folder (progress, settings, saves) for a player test; the
    player's folders switch it on for all their tests (autouse there)."""
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    monkeypatch.setenv("BARST_DATA_DIR", str(tmp_path / "data"))
    yield
    import pygame

    pygame.quit()
