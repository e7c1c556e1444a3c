"""Where the projector's loop waits for its next events, and how Ctrl+C and SIGTERM reach it.

pygame's event.wait() polls SDL every millisecond (about 1.5% of a core on any driver). Where SDL can
block in the window system (sdlwait.py) the loop sleeps there, woken by the next event; elsewhere (SDL's
dummy driver) it naps: briefly while the trainer is clicking, longer once the screen has been still a
while. A key or a click is seen at once, or within 50 ms when napping; a still screen costs a fraction of
a percent of a core.
"""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Callable

import pygame

LONGEST_WAIT = 0.5  # a blocking wait still returns this often: Python's own Ctrl+C handler runs only then
BUSY_NAP = 0.004
IDLE_NAP = 0.03
STILL_NAP = 0.05  # after STILL seconds without input: a wake-up costs more on a real display (X11 pumping)
STILL = 5.0


def quit_on_signals() -> None:
    """Let Ctrl+C and SIGTERM end the player at once, on any screen. While the loop blocks in SDL's event
    wait, Python's own SIGINT handler never runs (the wait does not return to Python); SDL installs its
    handlers, which post a quit event that wakes the wait, only where the signal still has its default
    action. Called by the commands that open the window, before the shell initialises SDL."""
    with contextlib.suppress(ValueError):  # not the main thread (a test's): signals stay Python's
        signal.signal(signal.SIGINT, signal.SIG_DFL)


def python_signals_back() -> None:
    with contextlib.suppress(ValueError):
        signal.signal(signal.SIGINT, signal.default_int_handler)


class EventSource:
    def __init__(self) -> None:
        self.last_event = 0.0
        self.blocking_wait: Callable[[int], bool] | None = None

    def block_in_sdl(self) -> None:
        """Wait inside SDL from now on, where it can (once the window is open and the first frame is up:
        finding SDL's library loads ctypes)."""
        from barst.play.sdlwait import blocking_wait

        self.blocking_wait = blocking_wait()

    def next(self, wait_ms: int) -> list[pygame.event.Event]:
        """The events that came, waiting for them at most `wait_ms` (0: until one comes)."""
        now = time.monotonic()
        deadline = now + wait_ms / 1000 if wait_ms else None
        while True:
            events = pygame.event.get()
            if events:
                self.last_event = time.monotonic()
                return events
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                return []
            if self.blocking_wait is not None:
                left = LONGEST_WAIT if deadline is None else min(LONGEST_WAIT, deadline - now)
                self.blocking_wait(max(1, round(left * 1000)))
                continue
            quiet = now - self.last_event
            nap = BUSY_NAP if quiet < 1.0 else IDLE_NAP if quiet < STILL else STILL_NAP
            time.sleep(nap if deadline is None else max(0.0, min(nap, deadline - now)))
