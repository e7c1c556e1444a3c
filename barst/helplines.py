"""Help lines are data (assets/helplines.yaml), read by the emergency exit and the kit builder alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from barst import paths
from barst.build import Context, build
from barst.diagnostics import BarstError, Report, display_path
from barst.model import REGIONS, HelpLine, HelpLineFile
from barst.text import KNOWN_LANGUAGES
from barst.yamlload import load_file

# Six lines and the two emergency numbers fill the emergency page at 1280x720 without cutting any text;
# theme lines (elder abuse, for example) are named by the endings and cards that need them.
EXIT_TALK_LINES = 6


@dataclass(slots=True)
class HelpLines:
    lines: list[HelpLine]
    report: Report

    def select(self, region: str | None = None, lang: str | None = None) -> list[HelpLine]:
        """Lines for a region and language, emergency numbers last; unknown values raise BarstError."""
        if region is not None and region not in REGIONS:
            raise BarstError(f"Unknown region '{region}'. Choose one of: {', '.join(REGIONS)}.")
        if lang is not None and lang not in KNOWN_LANGUAGES:
            raise BarstError(f"Unknown language '{lang}'. Choose one of: {', '.join(KNOWN_LANGUAGES)}.")
        chosen = [
            line
            for line in self.lines
            if (region is None or region in line.regions) and (lang is None or lang in line.languages)
        ]
        return sorted(chosen, key=lambda line: line.emergency)

    def for_exit(self, region: str, lang: str) -> list[HelpLine]:
        """What the emergency exit shows: lines of the region in the player's language, then lines in
        that language elsewhere in Belgium (a phone reaches them from anywhere in the country: a French
        speaker in Flanders, a German speaker in Brussels), then — only when none speak the language —
        the region's other lines. At most EXIT_TALK_LINES of them, in the order of helplines.yaml
        (which is therefore also their priority), then the emergency numbers. The kits' class
        help-line page uses this same selection."""
        belgian = [line for line in self.lines if "netherlands" not in line.regions]
        talk = [line for line in belgian if not line.emergency]
        here = [line for line in talk if region in line.regions and lang in line.languages]
        elsewhere = [line for line in talk if lang in line.languages and line not in here]
        chosen = here + elsewhere or [line for line in talk if region in line.regions]
        chosen.sort(key=self.lines.index)
        return chosen[:EXIT_TALK_LINES] + [line for line in belgian if line.emergency and region in line.regions]

    def by_id(self, line_id: str) -> HelpLine | None:
        return next((line for line in self.lines if line.id == line_id), None)


def default_file() -> Path:
    return paths.assets_dir() / "helplines.yaml"


def load_helplines(path: Path | None = None) -> HelpLines:
    path = path or default_file()
    report = Report()
    node = load_file(path, display_path(path), report)
    parsed = build(HelpLineFile, node, Context(report, "nl", []), "helplines") if node else None
    return HelpLines(parsed.helplines if parsed else [], report)
