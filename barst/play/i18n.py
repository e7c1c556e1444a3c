"""Every interface word comes from assets/ui/<lang>.yaml (and board-<lang>.yaml for the board game).

The fallback rule: the interface speaks every language in UI_LANGUAGES completely (a test checks that
every file has every key). When a pack lacks the chosen language, its texts appear in the pack's own
fallback order and the player says so once on screen (`missing_language_note`): never a silent switch.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from barst import paths
from barst.filecache import remembered
from barst.text import LANGUAGE_NAMES

UI_LANGUAGES = ("nl", "fr", "en", "de")


def ui_dir() -> Path:
    return paths.assets_dir() / "ui"


@cache
def load_strings(lang: str, prefix: str = "") -> dict[str, str]:
    """The strings of one file, e.g. load_strings('fr') or load_strings('fr', 'board-')."""
    path = ui_dir() / f"{prefix}{lang}.yaml"
    if not path.is_file():
        return {}
    return remembered(path, "ui", lambda: _read_strings(path), dict, _as_strings)


def _read_strings(path: Path) -> dict[str, str]:
    from barst.yamlload import load_data  # only when the cache has no copy (filecache.py)

    data = load_data(path.read_text(encoding="utf-8"))
    # `x-` keys are records kept by `barst translate merge`, not words.
    return {str(k): str(v) for k, v in (data or {}).items() if not str(k).startswith("x-")}


def _as_strings(kept: object) -> dict[str, str]:
    if not isinstance(kept, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in kept.items()):
        raise TypeError("not a table of words")
    return kept


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


def interface_language(asked: str | None, pack_languages: list[str]) -> str:
    """The language to speak: the one asked for when the interface has it (even if the pack lacks it),
    else the pack's first."""
    if asked in UI_LANGUAGES:
        return asked
    return pack_languages[0] if pack_languages else "nl"


def missing_language_note(lang: str, pack_languages: list[str], fallback: list[str],
                          prefixes: tuple[str, ...] = ("",)) -> str:
    """One sentence, in `lang`, saying that the pack has no texts in `lang` and which language they appear
    in instead; "" when the pack has the language."""
    if lang in pack_languages or not pack_languages:
        return ""
    shown = next((code for code in fallback if code in pack_languages), pack_languages[0])
    return Strings(lang, prefixes)("lang_missing", lang=LANGUAGE_NAMES.get(lang, lang),
                                   fallback=LANGUAGE_NAMES.get(shown, shown))
