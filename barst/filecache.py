"""What barst derives from a file (a pack's head, the interface words), kept as JSON so that the
projector's first frame needs no YAML parser: importing PyYAML alone costs about as much as opening the
window (issue 17). The first start reads the YAML and keeps the result; later starts read the JSON.

An entry is used only while its file has the same path, size and modification time, and was written by
the same barst. A file changed in the last seconds is not kept: a second edit within the clock's step
would look unchanged (git's "racy" files). Anything odd in the cache (missing, unreadable, foreign, of
another shape) is a miss, and the file is read again. The cache is barst's own copy, never a trainer's
work, so it is overwritten freely; a cache that cannot be written only means the next start reads YAML.
"""

from __future__ import annotations

import json
import os
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from barst import __version__
from barst.datadir import cache_dir
from barst.safefile import read_bounded

T = TypeVar("T")
FORMAT = 1  # raise when a caller changes what it keeps
MAX_ENTRY_BYTES = 1 << 20
RACY_SECONDS = 2.0


def remembered(source: Path, kind: str, derive: Callable[[], T], encode: Callable[[T], Any],
               decode: Callable[[Any], T]) -> T:
    """`derive()`, or what it gave last time for this very file. `encode` makes the value JSON data and
    `decode` turns that data back, raising ValueError, TypeError or KeyError when it has another shape."""
    identity = _identity(source)
    if identity is None:  # no such file: let `derive` say so
        return derive()
    entry = _entry_path(kind, identity[0])
    kept = _read(entry, identity)
    if kept is not None:
        try:
            return decode(kept)
        except (ValueError, TypeError, KeyError, AttributeError):
            pass
    value = derive()
    if time.time() - identity[2] / 1e9 > RACY_SECONDS:
        _write(entry, identity, encode(value))
    return value


def _identity(source: Path) -> tuple[str, int, int] | None:
    try:
        status = os.stat(source)
    except (OSError, ValueError):
        return None
    return os.path.abspath(source), status.st_size, status.st_mtime_ns


def _entry_path(kind: str, where: str) -> Path:
    # A short stable name; the entry itself records the full path, so a clash is only a miss.
    return cache_dir() / f"{kind}-{zlib.crc32(where.encode('utf-8', 'surrogateescape')):08x}.json"


def _read(entry: Path, identity: tuple[str, int, int]) -> Any | None:
    try:
        kept = json.loads(read_bounded(entry, MAX_ENTRY_BYTES))
    except (OSError, ValueError):  # TooLarge and a pipe or a device in its place are OSErrors too
        return None
    if not isinstance(kept, dict):
        return None
    if [kept.get("format"), kept.get("barst"), kept.get("source"), kept.get("size"), kept.get("mtime_ns")] != \
            [FORMAT, __version__, *identity]:
        return None
    return kept.get("data")


def _write(entry: Path, identity: tuple[str, int, int], data: Any) -> None:
    from barst import atomic  # only on a miss

    where, size, mtime_ns = identity
    text = json.dumps({"format": FORMAT, "barst": __version__, "source": where, "size": size,
                       "mtime_ns": mtime_ns, "data": data}, ensure_ascii=False)
    if len(text.encode("utf-8")) > MAX_ENTRY_BYTES:
        return
    try:
        with atomic.replacing(entry, told=False) as temp:
            temp.write_text(text, encoding="utf-8")
    except OSError:
        pass
