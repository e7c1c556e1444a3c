"""Every interface word comes from assets/ui/<lang>.yaml (and board-<lang>.yaml for the board game)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from barst import paths
from barst.yamlload import load_data

UI_LANGUAGES = ("nl", "fr", "en")


def ui_dir() -> Path:
    return paths.assets_dir() / "ui"


@cache
def load_strings(lang: str, prefix: str = "") -> dict[str, str]:
    """The strings of one file, e.g. load_strings('fr') or load_strings('fr', 'board-')."""
    path = ui_dir() / f"{prefix}{lang}.yaml"
    data = load_data(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {str(k): str(v) for k, v in (data or {}).items()}


class Strings:
    """`t('key', n=3)`: the word in the chosen language; English, then the key itself, if missing."""

    def __init__(self, lang: str, prefixes: tuple[str, ...] = ("",)) -> None:
        self.lang = lang if lang in UI_LANGUAGES else "en"
        self.table: dict[str, str] = {}
        for fallback in ("en", self.lang):
            for prefix in prefixes:
                self.table.update(load_strings(fallback, prefix))

    def __call__(self, key: str, /, **values: object) -> str:
        text = self.table.get(key, key)
        return text.format(**values) if values else text
