"""`barst check`: validate packs, kit files and help lines; report findings and statistics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from barst import paths
from barst.check.analysis_report import explain_lines, situation_json, situation_lines
from barst.check.board_rules import check_board
from barst.check.common_rules import check_characters, check_helpline_links, check_translations
from barst.check.content_rules import check_content, check_helpline_sources, check_helpline_typography
from barst.check.ending_rules import check_endings
from barst.check.fit_rules import check_fit
from barst.check.keymessage_rules import check_key_messages
from barst.check.story_rules import ScoreRange, check_story
from barst.diagnostics import Pos, Report, Severity, display_path, paused_gc
from barst.helplines import load_helplines
from barst.loader import Loaded, load_pack
from barst.model import Pack
from barst.packhead import PACK_FILE
from barst.text import word_count


@dataclass(slots=True)
class PackStats:
    name: str
    kind: str
    counts: dict[str, int] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    scores: dict[str, ScoreRange] = field(default_factory=dict)
    folder: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "pack": self.name,
            "kind": self.kind,
            "counts": self.counts,
            "words": self.words,
            "scores": {k: {"best": v.best, "worst": v.worst} for k, v in self.scores.items()},
            "situations": {k: situation_json(v) for k, v in self.scores.items()},
        }


@dataclass(slots=True)
class CheckResult:
    report: Report = field(default_factory=Report)
    packs: list[PackStats] = field(default_factory=list)
    files: int = 0

    def failed(self, strict: bool = False) -> bool:
        return bool(self.report.errors or (strict and self.report.warnings))


def check_pack(folder: Path) -> Report:
    """All findings for one pack folder."""
    return check_and_load(folder)[0]


def check_and_load(folder: Path) -> tuple[Report, Pack | None]:
    """All findings for one pack folder, and the pack they were found in (read once), for the players."""
    report = Report()
    with paused_gc():
        loaded, _ = _check_pack_into(folder, report)
    return report, loaded.pack if loaded else None


def check_paths(targets: Iterable[Path]) -> CheckResult:
    result = CheckResult()
    with paused_gc():
        for target in targets:
            _check_target(target, result)
    return result


def shipped_targets() -> list[Path]:
    return [*paths.shipped_packs(), *paths.shipped_kits(), paths.assets_dir() / "helplines.yaml"]


def _check_target(target: Path, result: CheckResult) -> None:
    if target.is_dir() and (target / PACK_FILE).is_file():
        loaded, scores = _check_pack_into(target, result.report)
        if loaded:
            result.packs.append(_stats(loaded, scores))
        return
    if target.is_dir():
        children = sorted(p for p in target.iterdir()
                          if (p / PACK_FILE).is_file() or (p.suffix == ".yaml" and p.name != PACK_FILE))
        if not children:
            result.report.error("B001", "this folder holds no pack or kit file", Pos(display_path(target)),
                                "give a pack folder (with pack.yaml) or a kit .yaml file")
        for child in children:
            _check_target(child, result)
        return
    if target.name == PACK_FILE:  # straight to the loader: a pack.yaml that is a pipe or device is its finding
        loaded, scores = _check_pack_into(target.parent, result.report)
        if loaded:
            result.packs.append(_stats(loaded, scores))
        return
    if not target.exists():
        result.report.error("B001", "no such file or folder", Pos(display_path(target)), "check the path")
        return
    result.files += 1
    if target.name == "helplines.yaml":
        lines = load_helplines(target)
        result.report.extend(lines.report)
        check_helpline_links(result.report, lines.lines)
        check_helpline_typography(lines.lines, result.report)
        check_helpline_sources(lines.lines, result.report)
        return
    _check_kit(target, result.report)


def _check_kit(target: Path, report: Report) -> None:
    try:
        from barst.kit.check import check_kit_file
    except ImportError:
        report.warning("B001", "kit files cannot be checked: the kit builder is not installed",
                       Pos(display_path(target)), "install barst completely")
        return
    report.extend(check_kit_file(target))


def _check_pack_into(folder: Path, report: Report) -> tuple[Loaded | None, dict[str, ScoreRange]]:
    """Every rule for one pack; also the best and worst score per situation (story packs)."""
    loaded = load_pack(folder)
    report.extend(loaded.report)
    pack = loaded.pack
    if pack is None:
        return None, {}
    scores: dict[str, ScoreRange] = {}
    if pack.kind == "story":
        scores = check_story(pack, report)
        helplines = load_helplines()
        check_endings(pack, report, helplines)
        check_fit(pack, report, helplines)
    else:
        check_board(pack, report)
        helplines = load_helplines()
        check_fit(pack, report, helplines)
        check_key_messages(pack, report, helplines)
    check_translations(loaded, report)
    check_characters(report, loaded.texts)
    check_content(loaded, report)
    return loaded, scores


def _stats(loaded: Loaded, scores: dict[str, ScoreRange]) -> PackStats:
    assert loaded.pack is not None
    stats = PackStats(loaded.pack.id, loaded.pack.kind, scores=scores, folder=display_path(loaded.folder))
    _count(loaded, stats)
    return stats


def _count(loaded: Loaded, stats: PackStats) -> None:
    pack = loaded.pack
    assert pack is not None
    counts = stats.counts
    if pack.kind == "story":
        counts["situations"] = len(pack.situations)
        counts["scenes"] = sum(len(s.scenes) for s in pack.situations)
        counts["choices"] = sum(len(scene.choices) for s in pack.situations for scene in s.scenes)
        counts["endings"] = sum(1 for s in pack.situations for scene in s.scenes if scene.ending is not None)
    else:
        counts["cards"] = len(pack.cards)
        counts["decks"] = len(pack.decks)
        counts["squares"] = len(pack.board.squares) if pack.board else 0
        for deck in pack.decks:
            counts[f"cards.{deck.id}"] = len(pack.cards_in(deck.id))
    for text in loaded.texts:
        for lang, value in text.values.items():
            stats.words[lang] = stats.words.get(lang, 0) + word_count(value)


def format_summary(result: CheckResult, strict: bool) -> list[str]:
    lines = []
    for stats in result.packs:
        counts = ", ".join(f"{v} {k}" for k, v in stats.counts.items() if "." not in k)
        words = ", ".join(f"{lang} {n}" for lang, n in sorted(stats.words.items()))
        lines.append(f"{stats.name} ({stats.kind}): {counts}; words: {words}")
        for situation, score in stats.scores.items():
            lines.extend(situation_lines(situation, score))
        decks = [f"{k.split('.', 1)[1]} {v}" for k, v in stats.counts.items() if k.startswith("cards.")]
        if decks:
            lines.append(f"  cards per deck: {', '.join(decks)}")
    errors = len(result.report.errors)
    warnings = len(result.report.warnings)
    checked = len(result.packs) + result.files
    verdict = "failed" if result.failed(strict) else "ok"
    lines.append(f"{verdict}: {checked} checked, {errors} error(s), {warnings} warning(s)"
                 + (" (--strict: warnings count as errors)" if strict and warnings else ""))
    return lines


def as_strict(report: Report) -> list[Any]:
    """Warnings shown as errors under --strict."""
    from dataclasses import replace

    return [replace(d, severity=Severity.ERROR) if d.severity is Severity.WARNING else d for d in report.sorted()]


def format_explain(result: CheckResult, situation: str | None) -> list[str]:
    """`barst check --explain`: the play-throughs behind each figure and meter warning."""
    lines: list[str] = []
    for stats in result.packs:
        for name, score in stats.scores.items():
            if situation in (None, name):
                lines.extend(explain_lines(stats.folder, name, score))
    return lines


__all__ = ["CheckResult", "PackStats", "check_and_load", "check_pack", "check_paths", "format_explain",
           "format_summary", "shipped_targets"]
