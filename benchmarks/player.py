"""Player speed. Targets (issue 3): `barst play` shows its first frame within 2x the time of a bare pygame
script that opens a window of the same size and flips once; idle CPU at most 3% of a core; p95 frame time
during transitions at 1920x1080 at most 8 ms.
Run: SDL_VIDEODRIVER=dummy python benchmarks/player.py   (prints `name: value` lines)."""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "tests" / "packs" / "mini-story"
sys.path.insert(0, str(ROOT))

BARE = """
import time, pygame
pygame.display.init()
s = pygame.display.set_mode((1280, 720))
s.fill((20, 30, 40))
pygame.display.flip()
"""
DATA_DIR = tempfile.mkdtemp()  # progress goes here, not into the user's folder (set in the child's env)
PLAYER = f"""
from pathlib import Path
from barst.play.app import App
app = App(Path({str(PACK)!r}), "nl", (1280, 720))
app.present()
"""
# What a trainer runs: `barst play`, stopped once its first frame is on screen.
COMMAND = """
from barst.play.app import App
App.run = lambda self: (self.present(), 0)[1]
from barst.cli import main
main(["play", "--size", "1280x720"])  # the shipped default pack, as the README starts it
"""


ENV = {**os.environ, "BARST_DATA_DIR": DATA_DIR}


def first_frame(code: str, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=ENV)
        best = min(best, time.perf_counter() - start)
    return best


def idle_cpu(seconds: float = 3.0) -> float:
    """CPU used by the player's own process while a static screen is up, as % of one core."""
    code = PLAYER + f"""
import threading, time, pygame
app.finish_loading()
threading.Timer({seconds}, lambda: pygame.event.post(pygame.event.Event(pygame.QUIT))).start()
cpu, wall = time.process_time(), time.perf_counter()
app.run()
print((time.process_time() - cpu) / (time.perf_counter() - wall) * 100)
"""
    done = subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=ENV, capture_output=True, text=True)
    return float(done.stdout.split()[-1])


def transition_p95() -> tuple[float, float]:
    import tempfile

    os.environ["BARST_DATA_DIR"] = tempfile.mkdtemp()
    import pygame

    from barst.play.app import App
    from barst.play.input import Cmd, Input

    app = App(PACK, "nl", (1920, 1080))
    app.present()
    app.finish_loading()
    times: list[float] = []
    for _ in range(10):
        app.go_menu()
        app.present()
        for inp in (Input(Cmd.CHOOSE, 1), Input(Cmd.CHOOSE, 1)):
            app.handle(inp)
            deadline = time.monotonic() + 1.2
            while time.monotonic() < deadline and (app.dirty or app.fade_from is not None or app.top.animating):
                start = time.perf_counter()
                app.step_time()
                app.present()
                times.append(time.perf_counter() - start)
                time.sleep(0.004)
    pygame.quit()
    times.sort()
    return times[int(len(times) * 0.95)] * 1000, len(times)


def main() -> None:
    # pip compiles an installed package's bytecode, as it did pygame's; compile barst's too, or the
    # comparison charges barst for compiling its sources (PYTHONDONTWRITEBYTECODE may be set).
    compileall.compile_dir(ROOT / "barst", quiet=1)
    bare = first_frame(BARE)
    player = first_frame(COMMAND)
    print(f"first_frame_bare_s: {bare:.3f}")
    print(f"first_frame_barst_play_s: {player:.3f}")
    print(f"first_frame_ratio: {player / bare:.2f}")
    print(f"idle_cpu_percent: {idle_cpu():.2f}")
    p95, frames = transition_p95()
    print(f"transition_frames: {frames}")
    print(f"transition_p95_ms_1920x1080: {p95:.2f}")


if __name__ == "__main__":
    main()
