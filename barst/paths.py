"""Where shipped packs, kits and assets live: inside the installed package, in a frozen app (the trainers'
bundle, built by barst.bundle), or in the checkout."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# The shipped folders; the wheel (pyproject's force-include) and the app bundle both carry them in barst/_data/.
DATA_FOLDERS = ("scenarios", "kits", "assets", "schema")


@cache
def data_root() -> Path:
    """The folder holding scenarios/, kits/, assets/ and schema/."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        # PyInstaller's documented bundle folder; never fall back to a checkout or the working directory.
        return Path(bundle) / "barst" / "_data"
    installed = _PACKAGE / "_data"
    if (installed / "scenarios").is_dir():
        return installed
    return _PACKAGE.parent


def scenarios_dir() -> Path:
    return data_root() / "scenarios"


def kits_dir() -> Path:
    return data_root() / "kits"


def assets_dir() -> Path:
    return data_root() / "assets"


def schema_dir() -> Path:
    return data_root() / "schema"


def shipped_packs() -> list[Path]:
    root = scenarios_dir()
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "pack.yaml").is_file())


def shipped_kits() -> list[Path]:
    root = kits_dir()
    return sorted(root.glob("*.yaml")) if root.is_dir() else []
