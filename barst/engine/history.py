"""What both engines do around every step: work on a copy, remember the step for undo, and leave the
state untouched when the action is rejected."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from barst.engine.events import Event, Rejected

MAX_UNDO = 100


class Snapshotting(Protocol):
    history: list[dict[str, Any]]

    def snapshot(self) -> dict[str, Any]: ...


S = TypeVar("S", bound=Snapshotting)


def advance(state: S, apply: Callable[[S], list[Event]]) -> tuple[S, list[Event]]:
    new = copy.deepcopy(state)
    new.history.append(state.snapshot())
    del new.history[:-MAX_UNDO]
    events = apply(new)
    if events and isinstance(events[0], Rejected):
        return state, events
    return new, events
