"""Replay progress per machine (endings found, unlocks, best scores): never anything about pupils.
Kept in the data folder (barst/datadir.py). Written atomically."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from barst import atomic, statefile
from barst.datadir import data_dir

if TYPE_CHECKING:
    from barst.engine.story import Progress

FILE = "progress.json"


class ProgressStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or data_dir()) / FILE
        self.failed = False  # the last write did not reach the disk
        self.kept_aside: Path | None = None  # an unreadable progress file, moved out of the way
        self._blocked = False  # unreadable and could not be moved: never overwrite it

    def _read(self) -> dict[str, Any]:
        """Every pack's entry that can be used. An unreadable file is moved aside (never read as empty and
        then overwritten: that lost every pack's progress); bad entries are dropped after a copy is kept."""
        from barst.engine.story import Progress

        try:
            data = statefile.read_json(self.path)
            if data is not None and not isinstance(data, dict):
                raise statefile.Unreadable("not a mapping of packs")
        except statefile.Unreadable:
            self._set_aside(copy=False)
            return {}
        if data is None:
            return {}
        usable = {k: v for k, v in data.items() if not statefile.dataclass_problems(v, Progress)}
        if len(usable) < len(data):
            self._set_aside(copy=True)
        return usable

    def _set_aside(self, copy: bool) -> None:
        if copy and self.kept_aside is not None:
            return  # one copy is enough; the next save writes only the usable entries
        kept = statefile.keep_aside(self.path, copy=copy)
        if kept is None:
            self._blocked = True
        else:
            self.kept_aside = kept

    def load(self, pack_id: str) -> Progress:
        from barst.engine.story import Progress  # the player imports the engine after its first frame

        entry = self._read().get(pack_id)
        if not isinstance(entry, dict):
            return Progress()
        return Progress(**{k: v for k, v in entry.items() if k in Progress.__dataclass_fields__})

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
        if self._blocked:
            self.failed = True
            return
        try:
            atomic.write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
        except OSError:
            self.failed = True
        else:
            self.failed = False
