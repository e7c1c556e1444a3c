"""Where barst keeps what belongs to this laptop: settings, replay progress, saves, session records (the
data folder), logs, and caches that can be rebuilt. The platform's own folders (platformdirs); under
$BARST_DATA_DIR when that is set (tests, a portable stick). platformdirs is imported only when asked."""

from __future__ import annotations

import os
from pathlib import Path

ENV = "BARST_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("barst", appauthor=False))


def log_dir() -> Path:
    override = os.environ.get(ENV)
    if override:
        return Path(override) / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir("barst", appauthor=False))


def cache_dir() -> Path:
    override = os.environ.get(ENV)
    if override:
        return Path(override) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("barst", appauthor=False))
