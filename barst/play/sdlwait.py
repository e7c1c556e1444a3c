"""Blocking in SDL until the next event, where SDL can: a still screen then costs nothing between events.

pygame-ce's `event.wait()` is its own loop that pumps SDL and sleeps a millisecond at a time (about 1.5 % of
a core on a real display), so it cannot give this. SDL's own `SDL_WaitEventTimeout` sleeps in the window
system (the X or Wayland connection, the Windows message queue, the macOS run loop) and is woken by
input, by `pygame.event.post` from another thread (the class server) and by Ctrl+C (SDL's signal
handler), so it is called here through ctypes on the SDL library that pygame itself loaded. Given a null
event it takes nothing from the queue: pygame's `event.get()` still reads every event.

Where that library cannot be found, or is not the one pygame started, or the video driver has no
blocking wait (SDL's dummy driver polls), `blocking_wait` gives None and the shell naps instead.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pygame

BLOCKING_DRIVERS = frozenset({"x11", "wayland", "windows", "cocoa"})
SDL_INIT_VIDEO = 0x20
_SDL_LIBRARY = re.compile(r"^(lib)?SDL2(-2\.0|-2-[0-9a-f]+\.0)?\.(so|dll|dylib)\b|^libSDL2-2\.0\.\d+\.dylib$")


def blocking_wait() -> Callable[[int], bool] | None:
    """A function that blocks until an event is queued or `ms` milliseconds pass (True when an event is
    waiting), or None where SDL cannot block here. Call after the window is open."""
    try:
        driver = pygame.display.get_driver()
    except pygame.error:
        return None
    if driver not in BLOCKING_DRIVERS:
        return None
    for path in _candidates():
        try:
            sdl = ctypes.CDLL(path)
            was_init = sdl.SDL_WasInit
            wait = sdl.SDL_WaitEventTimeout
        except (OSError, AttributeError):
            continue
        was_init.argtypes, was_init.restype = [ctypes.c_uint32], ctypes.c_uint32
        if not was_init(SDL_INIT_VIDEO):  # another copy of SDL than pygame's
            continue
        wait.argtypes, wait.restype = [ctypes.c_void_p, ctypes.c_int], ctypes.c_int
        return lambda ms: bool(wait(None, ms))
    return None


def _candidates() -> list[str]:
    """Paths of the SDL library pygame uses: the one this process has loaded (Linux), else the copies
    shipped inside pygame's package (the wheels for Windows and macOS keep it beside the modules)."""
    found: list[str] = []
    maps = Path("/proc/self/maps")
    if maps.is_file():
        try:
            lines = maps.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            lines = []
        for line in lines:
            path = line.split(maxsplit=5)[-1] if line.count(" ") >= 5 else ""
            if path.startswith("/") and _SDL_LIBRARY.match(os.path.basename(path)) and path not in found:
                found.append(path)
    package = Path(pygame.__file__).parent
    for folder in (package, package / ".dylibs", package.parent / "pygame_ce.libs"):
        if folder.is_dir():
            found += [str(p) for p in sorted(folder.iterdir()) if _SDL_LIBRARY.match(p.name) and str(p) not in found]
    if sys.platform == "win32":
        found.append("SDL2.dll")  # the loaded module, by name
    return found
