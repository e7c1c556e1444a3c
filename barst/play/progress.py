"""Replay progress per machine (endings found, unlocks, best scores): never anything about pupils.
Kept in the user's data folder (platformdirs); BARST_DATA_DIR overrides it (tests). Written atomically."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from barst import atomic

if TYPE_CHECKING:
    from barst.engine.story import Progress

FILE = "progress.json"


def data_dir() -> Path:
    override = os.environ.get("BARST_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("barst", appauthor=False))


def log_dir() -> Path:
    override = os.environ.get("BARST_DATA_DIR")
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir("barst", appauthor=False))


class ProgressStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or data_dir()) / FILE
        self.failed = False  # the last write did not reach the disk

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def load(self, pack_id: str) -> Progress:
        from barst.engine.story import Progress  # the player imports the engine after its first frame

        entry = self._read().get(pack_id)
        if not isinstance(entry, dict):
            return Progress()
        try:
            return Progress(**{k: v for k, v in entry.items() if k in Progress.__dataclass_fields__})
        except TypeError:
            return Progress()

    def save(self, pack_id: str, progress: Progress) -> None:
        data = self._read()
        data[pack_id] = asdict(progress)
        self._write(data)

    def reset(self, pack_id: str) -> None:
        data = self._read()
        data.pop(pack_id, None)
        self._write(data)

    def _write(self, data: dict[str, Any]) -> None:
        """A read-only profile or a full disk must not stop the lesson: play goes on, `failed` says so."""
        try:
            atomic.write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
        except OSError:
            self.failed = True
        else:
            self.failed = False
