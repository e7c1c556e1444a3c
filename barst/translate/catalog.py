"""What a translator translates: one entry per text address, read from a pack or from the interface words.

A catalog pairs each address with its source text (the pack's first language, or English for the
interface), the translation it has now, and what the source said when that translation was made. The
last comes from the `x-source:` block that `barst translate merge` keeps at the end of a translation
file; a translation whose source has changed since is *fuzzy*. Texts written inline (`fr: …` next to
`nl: …` in the situation file) have no such record and count as current.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from barst import paths
from barst.diagnostics import BarstError, Report, display_path
from barst.loader import TRANSLATIONS, load_pack
from barst.text import KNOWN_LANGUAGES
from barst.translate.describe import describe
from barst.yamlload import load_data, load_file

SOURCE_KEY = "x-source"  # the block that records each translation's source text
UI = "ui"  # the target name of the interface words
UI_SOURCE = "en"
# The interface files under assets/ui, as `group: file prefix`; the group names the address (`board:roll`).
UI_GROUPS = {"player": "", "board": "board-", "runner": "runner-", "kit": "kit-", "class": "class-", "phone": "phone-"}


@dataclass(slots=True)
class Entry:
    address: str
    source: str
    translation: str = ""
    recorded_source: str | None = None  # None: no record (inline text or a hand-written file)
    comments: list[str] = field(default_factory=list)
    reference: tuple[str, int] | None = None  # file (relative to the target) and line

    @property
    def fuzzy(self) -> bool:
        return bool(self.translation) and self.recorded_source is not None and self.recorded_source != self.source


@dataclass(slots=True)
class Catalog:
    """Everything about one target (a pack, or the interface words) in one language."""

    target: str  # the pack id, or "ui"
    lang: str
    source_lang: str
    entries: list[Entry]
    files: dict[str, Path]  # where merged translations go: one file per group ("" for a pack)
    orphans: dict[str, dict[str, str]] = field(default_factory=dict)  # file group -> address -> text

    def by_address(self) -> dict[str, Entry]:
        return {entry.address: entry for entry in self.entries}


def check_language(lang: str) -> None:
    if lang not in KNOWN_LANGUAGES:
        raise BarstError(f"Unknown language '{lang}'. Choose one of: {', '.join(KNOWN_LANGUAGES)}.")


def pack_catalog(folder: Path, lang: str, notes: bool = True) -> Catalog:
    """The texts of the pack in `folder`, with their translations into `lang`."""
    return pack_catalogs(folder, [lang], notes)[0]


def pack_catalogs(folder: Path, langs: list[str], notes: bool = True) -> list[Catalog]:
    """One catalog per language of `langs`, from one reading of the pack. Without `notes` the entries
    have no translator comments: only a PO file shows them, and their fit lengths are most of the work."""
    if not langs:
        return []
    for lang in langs:
        check_language(lang)
    loaded = load_pack(folder)
    pack = loaded.pack
    if pack is None or loaded.report.has_errors():
        raise BarstError(f"The pack in {folder} has errors; fix them first (see `barst check {folder}`).")
    source_lang = pack.languages[0]
    for lang in langs:
        if lang == source_lang:
            raise BarstError(f"'{lang}' is the source language of {pack.id}: its texts are the ones to "
                             f"translate from. Choose another language.")
    contexts = describe(pack) if notes else {}
    within = _relative_to(folder)
    texts = []
    for text in loaded.texts:
        source = text.values.get(source_lang, "")
        if text.key and source:
            pos = text.value_pos.get(source_lang, text.pos)
            texts.append((text, source, (within(pos.file), pos.line)))
    catalogs = []
    for lang in langs:
        file = folder / TRANSLATIONS / f"{lang}.yaml"
        recorded = read_records(file)
        entries = [Entry(text.key, source, text.values.get(lang, ""), recorded.get(text.key),
                         list(contexts.get(text.key, [])), reference) for text, source, reference in texts]
        known = {entry.address for entry in entries}
        own = read_translations(file)
        orphans = {address: value for address, value in own.items() if address not in known}
        catalogs.append(Catalog(pack.id, lang, source_lang, entries, {"": file}, {"": orphans} if orphans else {}))
    return catalogs


def _relative_to(folder: Path) -> Callable[[str], str]:
    """A file's name relative to `folder` (as given when outside it), worked out once a file: resolving
    paths for each of thousands of texts took nearly as long as reading the pack."""
    root = folder.resolve()

    @cache
    def within(file: str) -> str:
        try:
            return str(Path(file).resolve().relative_to(root))
        except ValueError:
            return file

    return within


def ui_catalog(lang: str) -> Catalog:
    """The interface words of the player, the board game, the terminal runner and the kits."""
    check_language(lang)
    if lang == UI_SOURCE:
        raise BarstError(f"'{UI_SOURCE}' is the source language of the interface words. Choose another language.")
    folder = paths.assets_dir() / "ui"
    entries: list[Entry] = []
    files: dict[str, Path] = {}
    orphans: dict[str, dict[str, str]] = {}
    for group, prefix in UI_GROUPS.items():
        source_file = folder / f"{prefix}{UI_SOURCE}.yaml"
        file = folder / f"{prefix}{lang}.yaml"
        files[group] = file
        sources = read_translations(source_file)
        lines = _key_lines(source_file)
        own = read_translations(file)
        recorded = read_records(file)
        for key, source in sources.items():
            address = f"{group}:{key}"
            entries.append(Entry(address, source, own.get(key, ""), recorded.get(key),
                                 [f"Interface word of the {_UI_WHAT[group]}.", *_placeholder_note(source)],
                                 (f"assets/ui/{source_file.name}", lines.get(key, 0))))
        extra = {key: value for key, value in own.items() if key not in sources}
        if extra:
            orphans[group] = extra
    return Catalog(UI, lang, UI_SOURCE, entries, files, orphans)


_UI_WHAT = {"player": "story player on the projector", "board": "board game on the projector",
            "runner": "terminal runner (`barst run`)", "kit": "printed kits (PDF)",
            "class": "class session on the projector (`barst class`)", "phone": "class session on the pupils' phones"}


def _placeholder_note(source: str) -> list[str]:
    from barst.translate.placeholders import placeholders

    names = sorted(placeholders(source))
    if not names:
        return []
    return ["Keep the placeholders as they are: " + ", ".join("{" + name + "}" for name in names) + "."]


def read_translations(path: Path) -> dict[str, str]:
    """address -> text of a translation file (or an interface file); extension keys left out."""
    data = _read(path)
    return {key: value for key, value in data.items() if isinstance(value, str) and not key.startswith(("x-", "$"))}


def read_records(path: Path) -> dict[str, str]:
    """address -> the source text each translation was made from (the file's `x-source:` block)."""
    block = _read(path).get(SOURCE_KEY)
    if not isinstance(block, dict):
        return {}
    return {_word(key): str(value) for key, value in block.items() if value is not None}


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = load_data(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BarstError(f"Cannot read {display_path(path)}: {exc}.") from None
    except Exception as exc:  # a YAML syntax error: the file is the translator's, say where
        raise BarstError(f"{display_path(path)} is not valid YAML ({exc}); fix it or remove it first.") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BarstError(f"{display_path(path)} should map text addresses to texts; fix it or remove it first.")
    return {_word(key): (value if isinstance(value, dict) else None if value is None else str(value))
            for key, value in data.items()}


def _word(key: object) -> str:
    # YAML 1.1 reads the keys `true:` and `false:` as booleans; the files mean the words.
    return str(key).lower() if isinstance(key, bool) else str(key)


def _key_lines(path: Path) -> dict[str, int]:
    """The line of each top-level key, for the PO file's references."""
    node = load_file(path, display_path(path), Report()) if path.is_file() else None
    if node is None or not node.is_map:
        return {}
    return {key: pos.line for key, pos in (node.key_pos or {}).items()}
