"""The `barst` program's first step. A Ctrl-C while Python is still loading barst (its first tenth of a
second, before `barst.cli` can take over Ctrl-C) ends it with one sentence instead of a traceback; so this
module imports nothing of barst before that."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    try:
        from barst.cli import main as run
    except KeyboardInterrupt:
        print("\nStopped (Ctrl-C) while barst was starting: nothing was written.", file=sys.stderr)
        return 130
    return run(argv)
