"""Atomic writes: saves, progress and exports never leave a half-written file over a good one."""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterator
from pathlib import Path

from barst.safefile import NotRegularFile


@contextlib.contextmanager
def replacing(path: Path, told: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside `path`. When the block succeeds the file is flushed to disk and
    renamed over `path` (then the folder is synced, so the rename survives a power cut); when it fails
    the temporary file is removed and `path` is untouched. `told=False`: barst's own cache, not a file
    to name when the user stops a command (`written_since`)."""
    import tempfile  # only when something is saved: importing it costs the player ~10 ms at start-up

    folder = path.resolve().parent
    if folder.exists() and not folder.is_dir():  # mkdir would only say "File exists"
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    if path.exists() and not path.is_file():  # the rename would replace a device, a pipe or a folder's link
        raise NotRegularFile(errno.EEXIST, "it exists and is not a regular file", str(path))
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale(folder, path.name)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        with temp.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if told:
        _finished(path)
    _sync_folder(folder)


def mark() -> int:
    """A point in this process's writes, for `written_since`."""
    return _count


def written_since(point: int) -> list[Path]:
    """The files this process finished writing since `point` (each once, in order), that still exist:
    what a command stopped with Ctrl-C leaves behind, every one of them complete."""
    return [path for path, order in _written.items() if order > point and path.exists()]


# Each path once (an autosave rewrites its file every few seconds): bounded by the distinct files written.
_written: dict[Path, int] = {}
_count = 0


def _finished(path: Path) -> None:
    global _count
    _count += 1
    _written.pop(path, None)
    _written[path] = _count


def write_text(path: Path, text: str) -> None:
    with replacing(path) as temp:
        temp.write_text(text, encoding="utf-8")


def write_bytes(path: Path, data: bytes) -> None:
    with replacing(path) as temp:
        temp.write_bytes(data)


STALE_SECONDS = 600  # a temporary file this old belongs to a process that was killed (kill -9, power cut)


def _remove_stale(folder: Path, name: str) -> None:
    """Remove what killed writers of `name` left behind: only our own `.NAME.*.tmp` files, only old ones
    (a writer still at work is never that slow)."""
    import glob  # only when something is saved, as tempfile above

    now = time.time()
    for leftover in folder.glob(f".{glob.escape(name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.is_file() and now - leftover.stat().st_mtime > STALE_SECONDS:
                leftover.unlink()


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
