"""PO files through polib: a catalog out as a PO file, a translator's PO file back in with line numbers.

polib (a small, long-lived library) reads every PO dialect Poedit, Weblate and msgmerge write: wrapped
lines, any entry order, obsolete `#~` entries, previous-msgid `#|` lines. Each entry's `msgctxt` is the
text address, so two equal source texts in different places stay two entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polib

from barst import __version__
from barst.diagnostics import BarstError, Pos, display_path
from barst.text import LANGUAGE_NAMES
from barst.translate.catalog import Catalog
from barst.translate.placeholders import placeholders

MAX_PO_BYTES = 32 * 1024 * 1024
WRAP = 79  # what msgmerge and Poedit write
PLURAL_FORMS = {"fr": "nplurals=2; plural=(n > 1);"}  # the others: nl, en, de
PLURAL_DEFAULT = "nplurals=2; plural=(n != 1);"


def to_po(catalog: Catalog) -> polib.POFile:
    po = polib.POFile(wrapwidth=WRAP, check_for_duplicates=False)
    po.metadata = {
        "Project-Id-Version": f"barst: {catalog.target}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000"),
        "PO-Revision-Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000"),
        "Last-Translator": "",
        "Language-Team": LANGUAGE_NAMES.get(catalog.lang, catalog.lang),
        "Language": catalog.lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS.get(catalog.lang, PLURAL_DEFAULT),
        "X-Generator": f"barst {__version__}",
        "X-Source-Language": catalog.source_lang,
    }
    po.header = (f"Translation of {catalog.target} into {LANGUAGE_NAMES.get(catalog.lang, catalog.lang)}.\n"
                 f"msgctxt is the text's address: keep it. Merge back with `barst translate merge FILE.po "
                 f"{catalog.target}`.")
    for entry in catalog.entries:
        flags = []
        if entry.fuzzy:
            flags.append("fuzzy")
        if placeholders(entry.source):
            flags.append("python-brace-format")  # msgfmt --check and Poedit then compare the placeholders
        po.append(polib.POEntry(
            msgctxt=entry.address, msgid=entry.source, msgstr=entry.translation,
            comment="\n".join(entry.comments),
            occurrences=[(entry.reference[0], str(entry.reference[1]))] if entry.reference else [],
            flags=flags,
            previous_msgid=entry.recorded_source if entry.fuzzy and entry.recorded_source else None,
        ))
    for group, orphans in catalog.orphans.items():
        for address, text in orphans.items():
            shown = f"{group}:{address}" if group else address
            po.append(polib.POEntry(msgctxt=shown, msgid=text, msgstr=text, obsolete=True))
    return po


@dataclass(slots=True)
class PoText:
    """One live entry of a translator's PO file, with where it stands in the file."""

    address: str
    source: str
    translation: str
    fuzzy: bool
    previous_source: str | None
    address_pos: Pos  # the msgctxt line
    translation_pos: Pos  # the msgstr line


@dataclass(slots=True)
class PoFile:
    path: Path
    lang: str | None  # from the header's Language field
    texts: list[PoText]
    no_address: list[Pos]  # entries without msgctxt: nothing to merge them into


def read_po(path: Path) -> PoFile:
    """Every live entry of a PO file; obsolete entries are left out. BarstError names what is wrong."""
    shown = display_path(path)
    if not path.is_file():
        raise BarstError(f"There is no PO file {shown}.")
    if path.stat().st_size > MAX_PO_BYTES:
        raise BarstError(f"{shown} is larger than {MAX_PO_BYTES // (1024 * 1024)} MiB; is it really a PO file?")
    try:
        content = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise BarstError(f"{shown} is not UTF-8 text; save it as UTF-8 (Poedit does so by default).") from None
    # polib takes a string that is no file name as the PO text itself: we hand it the text we read.
    try:
        po = polib.pofile(content, wrapwidth=WRAP, check_for_duplicates=False)
    except OSError as exc:
        line = re.search(r"\(line (\d+)\)", str(exc))
        where = f"{shown}:{line.group(1)}:1" if line else shown
        raise BarstError(f"{where}: error[T001]: this is not valid PO syntax — open the file in Poedit or run "
                         f"`msgfmt --check {shown}` to see the problem") from None
    except ValueError as exc:
        raise BarstError(f"{shown}: error[T001]: {exc} — open the file in Poedit to repair it") from None
    lines = content.splitlines()
    texts: list[PoText] = []
    no_address: list[Pos] = []
    for entry in po:
        if entry.obsolete or (not entry.msgid and not entry.msgctxt):
            continue
        start = max(entry.linenum, 1)
        if entry.msgctxt is None:
            no_address.append(Pos(shown, _line_of(lines, start, "msgid"), 1))
            continue
        texts.append(PoText(entry.msgctxt, entry.msgid, entry.msgstr, "fuzzy" in entry.flags,
                            entry.previous_msgid, Pos(shown, _line_of(lines, start, "msgctxt"), 1),
                            Pos(shown, _line_of(lines, start, "msgstr"), 1)))
    language = po.metadata.get("Language", "").strip().replace("-", "_").split("_")[0].lower() or None
    return PoFile(path, language, texts, no_address)


def _line_of(lines: list[str], start: int, keyword: str) -> int:
    """The 1-based line, at or after `start`, where the entry's `keyword` stands."""
    for number in range(start, min(len(lines), start + 400) + 1):
        if lines[number - 1].startswith(keyword):
            return number
    return start
