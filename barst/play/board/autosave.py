"""Save the game after every step, atomically, so killing the process loses at most the step in progress.

The file lives in the user's data folder (platformdirs), or under $BARST_DATA_DIR when that is set (tests).
Writing goes to a temporary file in the same folder, is flushed and fsync'ed, then replaces the old file
with `os.replace` (atomic on POSIX and Windows): a reader sees the old game or the new one, never half.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from barst import atomic
from barst.engine.board import BoardState

FORMAT = 1
ENV = "BARST_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("barst", appauthor=False))


def save_path(pack_id: str, folder: Path | None = None) -> Path:
    return (folder or data_dir()) / "board" / f"{pack_id}.json"


@dataclass(slots=True)
class Saved:
    """What is needed to resume exactly: the engine state plus what only the player knows."""

    state: BoardState
    lang: str = "nl"
    elapsed: float = 0.0  # seconds played, for the time limit
    saved_at: float = 0.0  # time.time() of the save

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "pack": self.state.pack, "lang": self.lang, "elapsed": self.elapsed,
                "saved_at": self.saved_at, "state": self.state.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Saved:
        return cls(BoardState.from_json(data["state"]), str(data.get("lang", "nl")),
                   float(data.get("elapsed", 0.0)), float(data.get("saved_at", 0.0)))


def save(saved: Saved, path: Path) -> None:
    """Write atomically: temp file in the same folder, flush, fsync, os.replace, fsync the folder."""
    saved.saved_at = time.time()
    payload = json.dumps(saved.to_json(), ensure_ascii=False, separators=(",", ":"))
    atomic.write_text(path, payload)


def load(path: Path) -> Saved | None:
    """The saved game, or None when there is none or it cannot be read (never raises)."""
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        return Saved.from_json(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def unfinished(path: Path) -> Saved | None:
    """A saved game worth offering to resume: started and not over."""
    saved = load(path)
    if saved is None or saved.state.phase in ("setup", "over"):
        return None
    return saved


def clear(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()

