"""`barst translate merge`: a translator's PO file back into the pack's translation file (or the interface words).

Nothing is written when the PO file has an error (an address the pack does not have, placeholders that
differ from the source, an entry without address): every error is listed with the PO file's line. A
translation whose source text has changed since it was made is kept but marked fuzzy, both in the
translation file's `x-source:` record and in the report, so it is never silently taken for current. An
empty translation in the PO file means "no opinion": it never wipes a translation someone else made.
A merge that changes nothing writes nothing, so the pack stays byte-identical.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from barst import atomic
from barst.diagnostics import BarstError, Pos, Report, display_path
from barst.packhead import resolve_pack
from barst.text import KNOWN_LANGUAGES, LANGUAGE_NAMES
from barst.translate.catalog import (
    SOURCE_KEY,
    UI,
    Catalog,
    Entry,
    pack_catalog,
    read_records,
    read_translations,
    ui_catalog,
)
from barst.translate.placeholders import placeholders
from barst.translate.po import PoText, read_po
from barst.yamlload import MAX_FILE_BYTES


@dataclass(slots=True)
class Fuzzy:
    address: str
    pos: Pos
    why: str


@dataclass(slots=True)
class MergeResult:
    report: Report
    lang: str = ""
    written: list[Path] = field(default_factory=list)
    fuzzy: list[Fuzzy] = field(default_factory=list)
    merged: int = 0  # PO entries with a translation


def catalog_for(target: str, lang: str, notes: bool = True) -> Catalog:
    """The catalog of a pack (or `ui`); `notes`: with the translators' comments, which only extract writes."""
    if target == UI:
        return ui_catalog(lang)
    return pack_catalog(resolve_pack(target), lang, notes)


def merge(po_path: Path, target: str, lang: str | None = None) -> MergeResult:
    po = read_po(po_path)
    chosen = lang or po.lang or (po_path.stem if po_path.stem in KNOWN_LANGUAGES else None)
    if chosen is None:
        raise BarstError(f"{display_path(po_path)} does not say its language (no 'Language:' in its header); "
                         "give it with --lang LL.")
    if lang and po.lang and lang != po.lang:
        raise BarstError(f"{display_path(po_path)} says it is in '{po.lang}', not '{lang}'; check the file or "
                         "drop --lang.")
    catalog = catalog_for(target, chosen, notes=False)
    result = MergeResult(Report(), chosen)
    texts = _validated(po.texts, catalog, result.report)
    for pos in po.no_address:
        result.report.error("T006", "this entry has no msgctxt, so barst cannot tell which text it is", pos,
                            "extract a fresh PO file with `barst translate extract` and translate in that one")
    if result.report.has_errors():
        return result
    result.merged = sum(1 for text in texts.values() if text.translation)
    plans = _plan(catalog, texts, result)
    changed: dict[Path, str] = {}
    for group, (values, records) in plans.items():
        file = catalog.files[group]
        if values == read_translations(file) and records == read_records(file):
            continue
        changed[file] = render(file, catalog, values, records)
    for file, text in changed.items():  # all checked before any is written: a merge is whole or nothing
        size = len(text.encode("utf-8"))
        if size > MAX_FILE_BYTES:
            result.report.error(
                "T007", f"{display_path(file)} would hold {size // 1024} KiB, more than the "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MiB a pack file may have, so the pack would no longer load",
                Pos(display_path(po_path), 1, 1), "a language's translations are one file: move some situations "
                "into a second pack, extract its PO file and merge each pack's own")
    if result.report.has_errors():
        return result
    for file, text in changed.items():
        atomic.write_text(file, text)
        result.written.append(file)
    return result


def _validated(texts: list[PoText], catalog: Catalog, report: Report) -> dict[str, PoText]:
    """The PO's entries by address, after reporting unknown, doubled and placeholder-breaking ones."""
    known = catalog.by_address()
    out: dict[str, PoText] = {}
    for text in texts:
        entry = known.get(text.address)
        if entry is None:
            report.error("T002", f"'{text.address}' is not a text address of {catalog.target}",
                         text.address_pos, "the text may have been removed or renamed; extract a fresh PO file "
                         "and copy the translation over, or delete this entry")
            continue
        if text.address in out:
            first = out[text.address].address_pos
            report.error("T004", f"'{text.address}' appears twice (first at line {first.line})",
                         text.address_pos, "keep one of the two entries")
            continue
        if text.translation:
            expected, found = placeholders(entry.source), placeholders(text.translation)
            if expected != found:
                report.error("T003", f"the placeholders differ from the source: {_braces(expected)} in the "
                             f"source, {_braces(found)} here", text.translation_pos,
                             "keep every {name} of the source exactly as it is (only the words around it change)")
                continue
        out[text.address] = text
    return out


def _braces(names: set[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names)) or "none"


def _plan(catalog: Catalog, texts: dict[str, PoText],
          result: MergeResult) -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    """The new content of each translation file: values and source records, in the catalog's order."""
    plans: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
    for group, file in catalog.files.items():
        plans[group] = ({}, {})
        own, records = read_translations(file), read_records(file)
        members = [e for e in catalog.entries if _group(e.address, catalog) == group]
        for entry in members:
            key = _key(entry.address, catalog)
            values, recorded = plans[group]
            text = texts.get(entry.address)
            if text is None or not text.translation:  # not in this PO, or no opinion: keep what is there
                if key in own:
                    values[key] = own[key]
                    if key in records:
                        recorded[key] = records[key]
                continue
            record = _record(entry, text)
            if record is not None and record != entry.source:
                why = ("marked as needing review (fuzzy) in the PO file" if text.fuzzy else
                       f"the {LANGUAGE_NAMES.get(catalog.source_lang, catalog.source_lang)} text changed since "
                       "this translation was made")
                result.fuzzy.append(Fuzzy(entry.address, text.translation_pos, why))
            # Unchanged means the same translation made from the same source as the file records (a
            # hand-written file may have no records: then its translation counts as made from today's
            # source). Comparing with today's source instead kept a stale record, so a translation reviewed
            # and found still right stayed fuzzy for ever.
            unchanged = key in own and own[key] == text.translation and records.get(key, entry.source) == record
            if unchanged:  # keep the file as it was
                values[key] = own[key]
                if key in records:
                    recorded[key] = records[key]
                continue
            if key not in own and text.translation == entry.translation and record == entry.source:
                continue  # already written inline in the pack, word for word
            values[key] = text.translation
            recorded[key] = record if record is not None else entry.source
        values, recorded = plans[group]
        for key, value in catalog.orphans.get(group, {}).items():  # never lose a line: `barst check` reports it
            values[key] = value
            if key in records:
                recorded[key] = records[key]
    return plans


def _record(entry: Entry, text: PoText) -> str:
    """The source text this translation was made from, as far as the PO file tells."""
    if text.fuzzy:
        if text.previous_source and text.previous_source != entry.source:
            return text.previous_source
        return text.source if text.source != entry.source else ""  # "": needs review, old source unknown
    return text.source


def _group(address: str, catalog: Catalog) -> str:
    return address.split(":", 1)[0] if catalog.target == UI else ""


def _key(address: str, catalog: Catalog) -> str:
    return address.split(":", 1)[1] if catalog.target == UI else address


def render(file: Path, catalog: Catalog, values: dict[str, str], records: dict[str, str]) -> str:
    """The translation file as merge writes it: the old file's opening comments, one line per text, then
    the source records."""
    header = _leading_comments(file) or [
        f"# {catalog.target} in {LANGUAGE_NAMES.get(catalog.lang, catalog.lang)} ({catalog.lang}): "
        "one line per text address.",
        "# Written by `barst translate merge`; you may also edit it by hand (see docs/authoring.md).",
    ]
    body = _dump(values)
    out = "\n".join(header) + "\n" + body
    if records:
        out += ("# What the source said when each text above was translated: `barst translate status` marks a\n"
                "# text fuzzy when its source has changed since. Leave this block to `barst translate merge`.\n")
        out += _dump({SOURCE_KEY: records})
    return out


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def _leading_comments(file: Path) -> list[str]:
    if not file.is_file():
        return []
    lines = []
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines
