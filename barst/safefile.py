"""Reading files anyone may have written: regular files only, a bounded read, never outside given roots.

Packs, kits and pictures arrive by USB stick and e-mail. A FIFO would block a plain `read`, a device
(`/dev/zero`) never ends and reports `st_size` 0, and a symbolic link can lead anywhere on the computer.
So the file is opened without blocking, checked to be a regular file on the open handle itself (no gap
between check and read), and read up to a limit whatever its size claims.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """A pipe, a device, a socket or a folder where a file was expected."""


class TooLarge(OSError):
    """The file holds more than the reader allows."""


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them; OSError (or a subclass above)
    otherwise. `strerror` is a short phrase fit for a diagnostic."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(errno.EINVAL, "it is not a regular file (a folder, pipe or device)", str(path))
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise TooLarge(errno.EFBIG, f"it is larger than {_size(limit)}", str(path))
    return data


def confined(path: Path, roots: list[Path]) -> Path | None:
    """`path` with every link resolved, when it lies inside one of `roots`; None when it leads outside
    (an absolute path, `..`, or a link pointing elsewhere) or is not a valid path (a NUL byte)."""
    try:
        real = path.resolve()
        return real if any(real.is_relative_to(root.resolve()) for root in roots) else None
    except (OSError, ValueError, RuntimeError):  # NUL bytes, link loops
        return None


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit // 1024} KiB"
