"""`barst play` as a trainer runs it, in a child process: Ctrl+C and SIGTERM end it at once on a static
screen, for both games; no sound device is opened; a broken board pack shows its errors in the window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import PACKS

ROOT = Path(__file__).resolve().parents[2]
# The child prints what it did once its window shows a screen that waits for input.
WATCH = """
import sys
from barst.play import shell
first = shell.Shell.present
def present(self):
    first(self)
    if not getattr(self, "reported", False) and not getattr(self, "loading", False):
        self.reported = True
        import pygame
        print("screen", self.top.name, "mixer", pygame.mixer.get_init() if pygame.mixer else None, flush=True)
shell.Shell.present = present
from barst.cli import main
sys.exit(main(["play", *sys.argv[1:]]))
"""


def start(*args: str, tmp_path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "BARST_DATA_DIR": str(tmp_path),
           "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", WATCH, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def first_line(child: subprocess.Popen[str], seconds: float = 30) -> str:
    assert child.stdout is not None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        if line.startswith("screen"):
            return line.strip()
        if child.poll() is not None:
            break
    child.kill()
    raise AssertionError(f"no screen came up: {child.communicate()[1][-2000:]}")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("pack", ["mini-story", "mini-board"])
def test_a_signal_ends_the_player_at_once_on_a_static_screen(pack: str, sig: int, tmp_path: Path) -> None:
    assert_a_signal_ends_it_at_once(start(str(PACKS / pack), "--lang", "nl", tmp_path=tmp_path), sig)


def assert_a_signal_ends_it_at_once(child: subprocess.Popen[str], sig: int) -> None:
    """Once the player shows a screen that waits for input, `sig` ends it within 3 s, without a traceback."""
    first_line(child)
    time.sleep(0.3)  # the loop is blocked in its event wait: nothing changes on screen
    sent = time.monotonic()
    child.send_signal(sig)
    try:
        _, err = child.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        raise AssertionError("the player ignored the signal") from None
    assert time.monotonic() - sent < 3
    assert "Traceback" not in err


def test_no_sound_device_is_opened(tmp_path: Path) -> None:
    child = start(str(PACKS / "mini-board"), "--lang", "nl", tmp_path=tmp_path)
    line = first_line(child)
    child.terminate()
    child.communicate(timeout=5)
    assert line.endswith("mixer None"), line


def test_a_broken_board_pack_shows_its_errors_in_the_window(tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "broken-board"
    shutil.copytree(PACKS / "mini-board", broken)
    pack = broken / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("teams_min: 2", "teams_min: 9"), encoding="utf-8")
    child = start(str(broken), "--lang", "nl", tmp_path=tmp_path / "data")
    line = first_line(child)
    child.terminate()
    child.communicate(timeout=5)
    assert line.startswith("screen pack-error"), line
