"""The trainers' app bundle. Targets (issue 15): under 150 MB unpacked; the launcher's first frame within
1.5x the time of `python -m barst play` from the installed package, measured side by side in one run.
Run: python benchmarks/bundle.py [--app DIR/barst]   (builds one with `python -m barst.bundle` when no
--app is given, which needs the [bundle] extra; prints `name: value` lines).

The first frame is seen from outside the process, the same way for both: SDL's dummy video driver saves
every frame it presents as a BMP when SDL_VIDEO_DUMMY_SAVE_FRAMES is set, and the clock stops when the
first frame that is not a blank fill appears. Each run is a new process with the same warm file cache, so
"cold" means a cold process, not a cold disk (dropping the cache would need root and slow the machine).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from barst import bundle  # noqa: E402  (after the path, like the other benchmarks)

ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1",
       "SDL_VIDEO_DUMMY_SAVE_FRAMES": "1"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, help="a built app folder (default: build one in a temp folder)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="barst-bench-") as scratch:
        app = args.app or build(Path(scratch))
        # pip compiles an installed package's bytecode; do so for barst too, or it pays for compiling.
        compileall.compile_dir(ROOT / "barst", quiet=1)
        print(f"bundle_size_mb: {bundle.folder_size(app) / 1e6:.1f}")
        print(f"bundle_zip_mb: {zipped_size(app, Path(scratch)) / 1e6:.1f}")
        installed, frozen = [], []
        for _ in range(args.runs):  # alternated, so a busy moment on the machine hits both alike
            installed.append(first_frame([sys.executable, "-m", "barst", "play"]))
            frozen.append(first_frame([str(bundle.program_path(app, bundle.LAUNCHER))]))
    print(f"first_frame_installed_s: {min(installed):.3f}")
    print(f"first_frame_bundle_s: {min(frozen):.3f}")
    print(f"first_frame_installed_median_s: {statistics.median(installed):.3f}")
    print(f"first_frame_bundle_median_s: {statistics.median(frozen):.3f}")
    print(f"first_frame_ratio: {min(frozen) / min(installed):.2f}")


def build(scratch: Path) -> Path:
    out = scratch / "dist"
    command = [sys.executable, "-m", "barst.bundle", "-o", str(out), "--work", str(scratch / "work")]
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return out / bundle.APP


def zipped_size(app: Path, scratch: Path) -> int:
    """What a trainer downloads: the folder as a zip."""
    archive = shutil.make_archive(str(scratch / "barst-app"), "zip", app.parent, app.name)
    size = Path(archive).stat().st_size
    Path(archive).unlink()
    return size


def first_frame(command: Sequence[str]) -> float:
    """Seconds from starting `command` to its first drawn frame (the process is stopped then)."""
    with tempfile.TemporaryDirectory(prefix="barst-frame-") as folder:
        env = {**ENV, "BARST_DATA_DIR": str(Path(folder) / "data")}  # progress goes here, not to the user's
        return drawn_frame(command, Path(folder), env)[0]


def drawn_frame(command: Sequence[str], folder: Path, env: dict[str, str], timeout: float = 60) -> tuple[float, Path]:
    """Run `command` in `folder` (with SDL_VIDEO_DUMMY_SAVE_FRAMES in `env`) until its first frame that is
    not a blank fill: the seconds it took and that frame's BMP file (.ci/bundle compares it)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        seen: dict[Path, float] = {}
        while time.perf_counter() - start < timeout:
            now = time.perf_counter()
            for frame in sorted(folder.glob("SDL_window*.bmp")):
                seen.setdefault(frame, now)
            for frame, appeared in sorted(seen.items()):
                drawn = _drawn(frame)
                if drawn:
                    return appeared - start, frame
                if drawn is False:
                    del seen[frame]
                    frame.unlink()
            if process.poll() is not None and not seen:
                raise SystemExit(f"{' '.join(command)} stopped (exit {process.returncode}) before a frame")
            time.sleep(0.001)
        raise SystemExit(f"{' '.join(command)} showed no frame within {timeout:.0f} s")
    finally:
        process.kill()
        process.wait()


def _drawn(frame: Path) -> bool | None:
    """True for a frame with something on it, False for a blank fill, None while SDL is still writing it."""
    data = frame.read_bytes()
    size = int.from_bytes(data[2:6], "little")  # SDL writes the file's size into the header last
    if len(data) < 54 or size == 0 or len(data) < size:
        return None
    pixels = data[int.from_bytes(data[10:14], "little"):]
    step = data[28] // 8
    return pixels != pixels[:step] * (len(pixels) // step)


if __name__ == "__main__":
    main()
