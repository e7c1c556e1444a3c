"""A place in a file, for every YAML node and every text: its own small module, so the projector's start
(which reads texts but reports nothing) does not load the checker's diagnostics."""

from __future__ import annotations

from typing import NamedTuple


class Pos(NamedTuple):
    """Where a node came from: 1-based line and column. A tuple: made for every YAML node, so cheap."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


NOWHERE = Pos("<built-in>")
