"""Where the story stood, so a lesson survives a crash: after every step inside a situation the engine
state (JSON, nothing about pupils) is written atomically; leaving the situation (menu, ending, emergency
exit) removes it. At the next start the player offers to go on at the same scene with the same meters.
An unreadable file is kept aside (barst.statefile), never read as empty and overwritten.
"""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from barst import atomic, statefile

if TYPE_CHECKING:
    from barst.engine.story import StoryState
    from barst.model import Pack


class ResumeStore:
    def __init__(self, folder: Path | None = None) -> None:
        from barst.datadir import data_dir

        self.folder = (folder or data_dir()) / "resume"
        self.kept_aside: Path | None = None

    def path(self, pack_id: str) -> Path:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in pack_id)[:80] or "pack"
        return self.folder / f"{safe}.json"

    def save(self, state: StoryState) -> None:
        """A failed write (a full disk, a read-only profile) never stops the lesson."""
        data = {"format": 1, "saved_at": time.time(), "state": state.to_json()}
        with contextlib.suppress(OSError):
            atomic.write_text(self.path(state.pack), json.dumps(data, ensure_ascii=False))

    def clear(self, pack_id: str) -> None:
        with contextlib.suppress(OSError):
            self.path(pack_id).unlink(missing_ok=True)

    def load(self, pack: Pack) -> tuple[StoryState, float] | None:
        """The saved state when it still fits the pack (its situation and scene exist), else None; a file
        that cannot be used is kept aside under a dated name."""
        from barst.engine.story import StoryState

        path = self.path(pack.id)
        try:
            data = statefile.read_json(path)
            if data is None:
                return None
            state = StoryState.from_json(_mapping(_mapping(data)["state"]))
            situation = next(s for s in pack.situations if s.id == state.situation)
            if state.pack != pack.id or all(scene.id != state.scene for scene in situation.scenes):
                raise ValueError("the saved scene is not in this pack")
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in state.values.values()):
                raise ValueError("meter values must be whole numbers")
            saved_at = statefile.plausible_time(float(_mapping(data).get("saved_at", 0)))
        except (statefile.Unreadable, KeyError, TypeError, ValueError, StopIteration):
            self.kept_aside = statefile.keep_aside(path)
            return None
        return state, saved_at


def _mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    return value
