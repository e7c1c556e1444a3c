"""The projector's settings, kept per laptop: text size, colours, region, language, meters, corner clock.

A trainer sets them once (trainer panel, or options such as `--text-size large` on a shortcut) and the
next lesson starts the same way, in both games. Only choices about the screen live here, never anything
about pupils. The file is one of the player's state files: an unreadable one is kept aside, never
overwritten (barst.statefile), and a failed write never stops the lesson.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from barst import atomic, statefile
from barst.play.metrics import TEXT_STEPS
from barst.play.theme import THEME_ORDER

FILE = "settings.json"
REGIONS = ("flanders", "wallonia", "brussels", "ostbelgien")
LANGUAGES = ("nl", "fr", "en", "de")


class Settings(NamedTuple):  # not a frozen dataclass: that costs the first frame a millisecond or two
    text_size: str = "normal"
    theme: str = "normal"
    region: str = ""  # "": the pack's own region
    lang: str = ""  # "": asked on screen (or the pack's only language)
    meters: bool = True
    clock: bool = True  # the small session clock in the corner

    def problems(self) -> list[str]:
        """What in these settings this version cannot use (the whole file is then kept aside)."""
        wrong = []
        if self.text_size not in TEXT_STEPS:
            wrong.append("text_size")
        if self.theme not in THEME_ORDER:
            wrong.append("theme")
        if self.region not in ("", *REGIONS):
            wrong.append("region")
        if self.lang not in ("", *LANGUAGES):
            wrong.append("lang")
        return wrong


class SettingsStore:
    def __init__(self, folder: Path | None = None) -> None:
        from barst.datadir import data_dir

        self.path = (folder or data_dir()) / FILE
        self.kept_aside: Path | None = None  # an unreadable file, moved out of the way (said on screen)
        self.failed = False  # the last write did not reach the disk
        self._blocked = False

    def load(self) -> Settings:
        try:
            data = statefile.read_json(self.path)
        except statefile.Unreadable:
            return self._aside()
        if data is None:
            return Settings()
        if not isinstance(data, dict) or statefile.dataclass_problems(data, Settings):
            return self._aside()
        known = set(Settings._fields)
        settings = Settings(**{k: v for k, v in data.items() if k in known})
        return self._aside() if settings.problems() else settings

    def save(self, settings: Settings) -> None:
        if self._blocked:
            self.failed = True
            return
        try:
            atomic.write_text(self.path, json.dumps(settings._asdict(), indent=1, sort_keys=True))
        except OSError:
            self.failed = True
        else:
            self.failed = False

    def _aside(self) -> Settings:
        kept = statefile.keep_aside(self.path)
        if kept is None:
            self._blocked = True  # unreadable and not movable: leave it alone rather than overwrite it
        self.kept_aside = kept
        return Settings()


def with_options(settings: Settings, options: dict[str, Any]) -> Settings:
    """The settings with a shortcut's options on top (None: not given). Options are for this run only."""
    given = {k: v for k, v in options.items() if v is not None and k in Settings._fields}
    return settings._replace(**given)
