"""`barst translate status`: per language, how many texts are translated, fuzzy and missing, with every
one of the fuzzy and missing texts listed (no "and N more")."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from barst.loader import TRANSLATIONS
from barst.packhead import read_head
from barst.text import KNOWN_LANGUAGES, LANGUAGE_NAMES
from barst.translate.catalog import UI, UI_SOURCE, Catalog, Entry, pack_catalogs, ui_catalog


@dataclass(slots=True)
class LanguageStatus:
    lang: str
    translated: int = 0
    fuzzy: list[Entry] = field(default_factory=list)
    missing: list[Entry] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        def rows(entries: list[Entry]) -> list[dict[str, Any]]:
            return [{"address": e.address, "file": e.reference[0] if e.reference else "",
                     "line": e.reference[1] if e.reference else 0} for e in entries]

        return {"lang": self.lang, "translated": self.translated, "fuzzy": rows(self.fuzzy),
                "missing": rows(self.missing)}


@dataclass(slots=True)
class TargetStatus:
    target: str
    source_lang: str
    languages: list[LanguageStatus]

    def as_json(self) -> dict[str, Any]:
        return {"target": self.target, "source": self.source_lang, "languages": [s.as_json() for s in self.languages]}


def status_of(catalog: Catalog) -> LanguageStatus:
    out = LanguageStatus(catalog.lang)
    for entry in catalog.entries:
        if not entry.translation:
            out.missing.append(entry)
        elif entry.fuzzy:
            out.fuzzy.append(entry)
        else:
            out.translated += 1
    return out


def pack_status(folder: Path, only: str | None = None) -> TargetStatus:
    """Every language the pack declares or has a translation file for (or just `only`)."""
    head = read_head(folder)
    declared = list(head.languages) if head is not None else ["nl"]
    source = declared[0]
    files = sorted(p.stem for p in (folder / TRANSLATIONS).glob("*.yaml")) if (folder / TRANSLATIONS).is_dir() else []
    languages = [only] if only else [lang for lang in KNOWN_LANGUAGES if lang != source
                                     and (lang in declared or lang in files)]
    catalogs = pack_catalogs(folder, languages, notes=False)
    target = catalogs[0].target if catalogs else folder.name
    return TargetStatus(target, source, [status_of(c) for c in catalogs])


def ui_status(only: str | None = None) -> TargetStatus:
    languages = [only] if only else [lang for lang in KNOWN_LANGUAGES if lang != UI_SOURCE]
    return TargetStatus(UI, UI_SOURCE, [status_of(ui_catalog(lang)) for lang in languages])


def format_status(status: TargetStatus) -> list[str]:
    name = "interface words (assets/ui)" if status.target == UI else status.target
    lines = [f"{name} — source language: {status.source_lang} "
             f"({LANGUAGE_NAMES.get(status.source_lang, status.source_lang)})"]
    if not status.languages:
        lines.append("  no translations yet: `barst translate extract PACK --lang LL` makes a PO file to start from")
    for lang in status.languages:
        total = lang.translated + len(lang.fuzzy) + len(lang.missing)
        lines.append(f"  {lang.lang}: {lang.translated} of {total} translated, {len(lang.fuzzy)} fuzzy, "
                     f"{len(lang.missing)} missing")
        for word, entries in (("fuzzy", lang.fuzzy), ("missing", lang.missing)):
            for entry in entries:
                where = f"{entry.reference[0]}:{entry.reference[1]}" if entry.reference else ""
                lines.append(f"    {word:<8} {entry.address}  ({where})")
    return lines
