"""Diagnostics: errors and warnings with a place and a fix, printed compiler-style."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from barst.errors import BarstError as BarstError  # where most modules have always found them
from barst.pos import NOWHERE as NOWHERE
from barst.pos import Pos as Pos


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    pos: Pos
    fix: str = ""

    def format(self) -> str:
        text = f"{self.pos}: {self.severity.value}[{self.code}]: {self.message}"
        return f"{text} — {self.fix}" if self.fix else text

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix,
            "file": self.pos.file,
            "line": self.pos.line,
            "col": self.pos.col,
        }


@dataclass(slots=True)
class Report:
    """Collects diagnostics; stops counting duplicates of the same finding at the same place."""

    items: list[Diagnostic] = field(default_factory=list)
    _seen: set[tuple[str, Pos, str]] = field(default_factory=set)

    def add(self, code: str, severity: Severity, message: str, pos: Pos, fix: str = "") -> None:
        key = (code, pos, message)
        if key in self._seen:
            return
        self._seen.add(key)
        self.items.append(Diagnostic(code, severity, message, pos, fix))

    def error(self, code: str, message: str, pos: Pos, fix: str = "") -> None:
        self.add(code, Severity.ERROR, message, pos, fix)

    def warning(self, code: str, message: str, pos: Pos, fix: str = "") -> None:
        self.add(code, Severity.WARNING, message, pos, fix)

    def extend(self, other: Report) -> None:
        for item in other.items:
            self.add(item.code, item.severity, item.message, item.pos, item.fix)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.pos.file, d.pos.line, d.pos.col, d.code))


@contextmanager
def paused_gc() -> Iterator[None]:
    """Loading builds hundreds of thousands of small objects and no reference cycles; the cyclic
    collector would rescan them again and again (check time grew 17x for 10x the content)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as the user should see it: relative to the working folder when that is shorter."""
    try:
        return str(path.relative_to(base or Path.cwd()))
    except ValueError:
        return str(path)
