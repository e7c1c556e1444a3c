"""Words the kit prints around the content. Its own words live in assets/ui/kit-<lang>.yaml (so translators
get them in the interface PO file with the rest); the player's interface files already hold the group
rules, the names of the 5 A's and "true/false": reuse them so a correction reaches both."""

from __future__ import annotations

from functools import cache

from barst import paths
from barst.yamlload import load_data


@cache
def _ui_file(name: str) -> dict[str, str]:
    path = paths.assets_dir() / "ui" / name
    if not path.is_file():
        return {}
    data = load_data(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the keys `true:` and `false:` as booleans; the files mean the words.
    return {(str(k).lower() if isinstance(k, bool) else str(k)): str(v) for k, v in data.items()
            if not str(k).startswith("x-")} if isinstance(data, dict) else {}


def words(lang: str) -> dict[str, str]:
    """Interface words for `lang`, English where a language lacks a word."""
    merged: dict[str, str] = {}
    for code in ("en", lang):
        merged.update(_ui_file(f"{code}.yaml"))
        merged.update({k: v for k, v in _ui_file(f"board-{code}.yaml").items() if k not in merged or code == lang})
        merged.update(_ui_file(f"kit-{code}.yaml"))
    return merged
