"""The player on a real display (an X server, Xvfb): a still screen sleeps inside the window system,
woken at once by input, by an event posted from another thread (the class server) and by Ctrl+C or
SIGTERM. The rest of the suite runs on SDL's dummy driver, which cannot block."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import PACKS
from test_play_process import WATCH, assert_a_signal_ends_it_at_once

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    server = shutil.which("Xvfb")
    if server is None:
        if os.environ.get("BARST_REQUIRE_X11"):
            pytest.fail("BARST_REQUIRE_X11 is set but Xvfb is not installed (Debian: apt install xvfb)")
        pytest.skip("no Xvfb here")
    read, write = os.pipe()
    xvfb = subprocess.Popen([server, "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=[write], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    deadline = time.monotonic() + 20
    while not number.endswith(b"\n") and time.monotonic() < deadline:
        if select.select([read], [], [], 0.5)[0]:
            chunk = os.read(read, 16)
            if not chunk:
                break
            number += chunk
    os.close(read)
    if not number.strip():
        xvfb.kill()
        pytest.fail("Xvfb did not start")
    yield f":{number.decode().strip()}"
    xvfb.terminate()
    xvfb.wait(10)


def x11_env(display: str, tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "SDL_VIDEODRIVER": "x11", "SDL_AUDIODRIVER": "dummy", "DISPLAY": display,
            "BARST_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT), "PYGAME_HIDE_SUPPORT_PROMPT": "1"}


WAIT = """
import threading, time, pygame
from barst.play.sdlwait import blocking_wait
pygame.display.init()
pygame.display.set_mode((320, 200))
time.sleep(0.2)
pygame.event.get()
wait = blocking_wait()
print("found", wait is not None)
start = time.monotonic(); came = wait(300)
print("nothing", came, round(time.monotonic() - start, 3))
threading.Timer(0.1, lambda: pygame.event.post(pygame.event.Event(pygame.USEREVENT))).start()
start = time.monotonic(); came = wait(3000)
print("posted", came, round(time.monotonic() - start, 3), any(e.type == pygame.USEREVENT for e in pygame.event.get()))
"""


def test_a_still_screen_waits_in_the_window_system_and_wakes_for_an_event(x_display: str, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", WAIT], env=x11_env(x_display, tmp_path), cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=True)
    found, nothing, posted = (line.split() for line in done.stdout.splitlines()[-3:])
    assert found == ["found", "True"]  # pygame's own SDL, found through ctypes
    assert nothing[1] == "False" and float(nothing[2]) >= 0.25  # it slept the whole time
    assert posted[1] == "True" and float(posted[2]) < 2.0 and posted[3] == "True"  # woken, event kept


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("pack", ["mini-story", "mini-board"])
def test_a_signal_ends_the_player_at_once_on_a_real_display(x_display: str, pack: str, sig: int,
                                                            tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", WATCH, str(PACKS / pack), "--lang", "nl"], cwd=ROOT,
                             env=x11_env(x_display, tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    assert_a_signal_ends_it_at_once(child, sig)  # the loop sleeps in SDL's wait meanwhile
