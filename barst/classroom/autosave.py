"""The open class session on disk, so a killed laptop app resumes and every phone finds its own scene.

What is written: the PIN, the port, the open situations, each phone's engine state under its random token
(and its language), and the class's counts. No name, address or free text exists to be written. The file
is replaced atomically; one that cannot be read is kept aside under a dated name, never overwritten; the
trainer's "end the session" deletes it.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from barst import atomic, statefile

FILE = "class-session.json"
FORMAT = 1


@dataclass(frozen=True, slots=True)
class Saved:
    data: dict[str, Any]
    saved_at: float  # seconds since the epoch


@dataclass(slots=True)
class ClassAutosave:
    folder: Path
    set_aside: Path | None = None  # where an unreadable file went (said once on screen)
    failed: bool = False  # the last write did not reach the disk

    @property
    def path(self) -> Path:
        return self.folder / FILE

    def load(self, pack_id: str) -> Saved | None:
        """A session left open for this pack, or None. An unreadable file is moved aside."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError):
            self._set_aside()
            return None
        try:
            data = json.loads(raw)
            if not (isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("session"), dict)):
                raise ValueError("not a class session of this version")
        except (ValueError, RecursionError):
            self._set_aside()
            return None
        if data.get("pack") != pack_id:
            return None  # another pack's session stays for that pack
        try:
            saved_at = float(data.get("saved_at", 0))
        except (TypeError, ValueError, OverflowError):
            saved_at = 0.0
        return Saved(data["session"], statefile.plausible_time(saved_at))

    def save(self, pack_id: str, session: dict[str, Any]) -> None:
        payload = {"format": FORMAT, "pack": pack_id, "saved_at": time.time(), "session": session}
        try:
            atomic.write_text(self.path, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
        except OSError:
            self.failed = True
        else:
            self.failed = False

    def delete(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            self.failed = True

    def _set_aside(self) -> None:
        self.set_aside = statefile.keep_aside(self.path)
