"""The trainer's own settings for the session report: the project or municipality code, pre-filled on the
closing screen of the next session. One small JSON file in the data folder, written atomically.

It holds the trainer's code and nothing else (no pupil, no session). A file that cannot be read, or whose
code is not a code, is kept aside under a dated name and never overwritten.
"""

from __future__ import annotations

import json
from pathlib import Path

from barst import atomic, statefile
from barst.report.record import PROJECT

FILE = "trainer-settings.json"
FORMAT = "barst-trainer/1"


def settings_path(folder: Path | None = None) -> Path:
    from barst.datadir import data_dir

    return (folder or data_dir()) / FILE


def load_project(folder: Path | None = None) -> str | None:
    """The code kept from last time, or None (no file, no code, or an unreadable file kept aside)."""
    path = settings_path(folder)
    try:
        data = statefile.read_json(path)
    except statefile.Unreadable:
        statefile.keep_aside(path)
        return None
    if data is None:
        return None
    code = data.get("project") if isinstance(data, dict) and data.get("format") == FORMAT else ""
    if code is None:
        return None
    if not (isinstance(code, str) and PROJECT.fullmatch(code)):
        statefile.keep_aside(path)  # not ours, or edited into something that is not a code
        return None
    return code


def save_project(code: str | None, folder: Path | None = None) -> bool:
    """Keep `code` for next time (None forgets it); False when it could not be written (the session's
    record is not affected: the code only saves typing)."""
    if code is not None and not PROJECT.fullmatch(code):
        raise ValueError("a project code is a short code (letters, digits, '-', '.', '_')")
    path = settings_path(folder)
    if path.exists():
        try:
            statefile.read_json(path)
        except statefile.Unreadable:
            if statefile.keep_aside(path) is None:
                return False  # cannot be moved: it is not overwritten either
    try:
        atomic.write_text(path, json.dumps({"format": FORMAT, "project": code}) + "\n")
    except OSError:
        return False
    return True
