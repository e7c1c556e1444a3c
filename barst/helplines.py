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
