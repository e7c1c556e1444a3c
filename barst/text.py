"""Text in several languages, with a fallback order."""

from __future__ import annotations

from dataclasses import dataclass, field

from barst.pos import NOWHERE, Pos

KNOWN_LANGUAGES = ("nl", "fr", "en", "de")
LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English", "de": "Deutsch"}


@dataclass(slots=True)
class Text:
    """One string per language. `key` is a stable address (built from ids) used by translation files."""

    values: dict[str, str]
    pos: Pos = NOWHERE
    key: str = ""
    value_pos: dict[str, Pos] = field(default_factory=dict)

    def get(self, lang: str, fallback: tuple[str, ...] | list[str] = ()) -> str:
        """The text in `lang`, else in the first fallback language that has it, else any."""
        found = self.values.get(lang)
        if found is not None:
            return found
        for other in fallback:
            found = self.values.get(other)
            if found is not None:
                return found
        return next(iter(self.values.values()), "")

    def has(self, lang: str) -> bool:
        return bool(self.values.get(lang))

    @staticmethod
    def plain(value: str, lang: str = "nl") -> Text:
        return Text({lang: value})


def fallback_chain(lang: str, order: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The languages to try for `lang`: itself first, then the pack's order."""
    return (lang, *[other for other in order if other != lang])


def word_count(text: str) -> int:
    return len(text.split())
