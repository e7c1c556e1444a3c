"""Where barst keeps what belongs to this laptop: settings, replay progress, saves, session records (the
data folder), logs, and caches that can be rebuilt. The platform's own folders (platformdirs); under
$BARST_DATA_DIR when that is set (tests, a portable stick). platformdirs is imported only when asked."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

ENV = "BARST_DATA_DIR"


def data_dir() -> Path:
    return _folder("")


def log_dir() -> Path:
    return _folder("logs")


def cache_dir() -> Path:
    return _folder("cache")


def _folder(kind: str) -> Path:
    override = os.environ.get(ENV)  # read every time: tests move it
    return Path(override) / kind if override else _platform_folder(kind)


@cache
def _platform_folder(kind: str) -> Path:
    import platformdirs

    if kind == "logs":
        return Path(platformdirs.user_log_dir("barst", appauthor=False))
    if kind == "cache":
        return Path(platformdirs.user_cache_dir("barst", appauthor=False))
    return Path(platformdirs.user_data_dir("barst", appauthor=False))
