"""Where shipped packs, kits and assets live: inside the installed package, or in the checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """The folder holding scenarios/, kits/, assets/ and schema/."""
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
