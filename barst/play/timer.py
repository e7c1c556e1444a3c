"""The session clock: what the corner clock and the trainer panel's plan read. Kept apart from the panel,
so the shell has it from the first frame without loading the panel's screens."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from barst.sessionplan import current_part, plan

PLAN_MINUTES = 50  # the trainer kit's plan for one lesson hour (barst.sessionplan: the kit's own file)


@dataclass(slots=True)
class SessionTimer:
    started: float | None = None  # monotonic time when running
    banked: float = 0.0
    clock: Callable[[], float] = time.monotonic

    @property
    def running(self) -> bool:
        return self.started is not None

    def elapsed(self) -> float:
        return self.banked + (self.clock() - self.started if self.started is not None else 0.0)

    def toggle(self) -> None:
        if self.started is None:
            self.started = self.clock()
        else:
            self.banked = self.elapsed()
            self.started = None

    def reset(self) -> None:
        self.started = None
        self.banked = 0.0

    def text(self) -> str:
        seconds = int(self.elapsed())
        return f"{seconds // 60:02d}:{seconds % 60:02d}"

    def phase(self) -> int:
        return current_part(plan(PLAN_MINUTES), self.elapsed() / 60)
