"""Interface words of the board game: assets/ui/board-{nl,fr,en}.yaml on top of the player's own words
(assets/ui/{nl,fr,en}.yaml), through the player's i18n. Every word translated; none hard-coded."""

from __future__ import annotations

from functools import cache

from barst.play.i18n import UI_LANGUAGES, Strings

LANGUAGES = UI_LANGUAGES
PREFIX = "board-"


@cache
def strings(lang: str) -> Strings:
    return Strings(lang, ("", PREFIX))


def tr(lang: str, key: str, **values: object) -> str:
    """The word for `key` in `lang`, filled in with `values`; a missing key shows itself, never crashes."""
    try:
        return strings(lang)(key, **values)
    except (KeyError, IndexError, ValueError):
        return strings(lang).table.get(key, key)
