"""Load a pack folder into the content model. Problems become diagnostics, never exceptions.

A pack folder holds `pack.yaml`; story packs keep one situation per file in `situations/`, board
packs keep card files in `cards/`. `translations/<lang>.yaml` maps text addresses (stable ids) to one
language, so a translator works in a single file without touching anything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from barst.build import Context, build, is_extension_key
from barst.diagnostics import Pos, Report, display_path, paused_gc
from barst.model import CardFile, Pack, Situation
from barst.packhead import CONTENT_FOLDERS, PACK_FILE
from barst.text import KNOWN_LANGUAGES, Text
from barst.yamlload import Node, load_bytes, load_file, read_file

TRANSLATIONS = "translations"
MAX_FILES = 2000
MAX_PACK_BYTES = 64 * 1024 * 1024


@dataclass(slots=True)
class Loaded:
    """A loaded pack with what the checker needs besides the model."""

    pack: Pack | None
    report: Report
    folder: Path
    texts: list[Text] = field(default_factory=list)
    translation_keys: dict[str, dict[str, Pos]] = field(default_factory=dict)  # lang -> address -> pos


def load_pack(folder: Path) -> Loaded:
    with paused_gc():
        return _load_pack(folder)


def _load_pack(folder: Path) -> Loaded:
    report = Report()
    loaded = Loaded(None, report, folder)
    root = folder.resolve()
    pack_file = folder / PACK_FILE
    if not _inside(pack_file, root, report):
        return loaded
    pack_node = load_file(pack_file, display_path(pack_file), report)
    if pack_node is None:
        if not report.has_errors():  # an empty pack.yaml is not a pack with nothing in it
            report.error("B011", "pack.yaml is empty", Pos(display_path(pack_file), 1, 1),
                         "start from one of the shipped packs in scenarios/")
        return loaded
    lang = _source_language(pack_node)
    ctx = Context(report, lang, loaded.texts)
    pack: Pack | None = build(Pack, pack_node, ctx, "pack", use_id=False)
    if pack is None:
        return loaded
    pack.folder = str(folder)
    pack.files = [display_path(folder / PACK_FILE)]
    total = 0
    for path in _content_files(folder, CONTENT_FOLDERS[pack.kind], report):
        if not _inside(path, root, report):
            continue
        shown = display_path(path)
        data = read_file(path, shown, report)
        if data is None:
            continue
        total += len(data)  # what was read, not what st_size claims (a device says 0)
        if total > MAX_PACK_BYTES:
            report.error("B002", f"the pack is larger than {MAX_PACK_BYTES // (1024 * 1024)} MiB",
                         Pos(shown), "split it into several packs")
            break
        pack.files.append(shown)
        node = load_bytes(data, shown, report)
        if node is None:
            continue
        if pack.kind == "story":
            situation = build(Situation, node, ctx, "")
            if situation is not None:
                pack.situations.append(situation)
        else:
            card_file = build(CardFile, node, ctx, "")
            if card_file is not None:
                for card in card_file.cards:
                    card.deck = card.deck or card_file.deck
                pack.cards.extend(card_file.cards)
    _apply_translations(folder, root, loaded)
    loaded.pack = pack
    return loaded


def _source_language(pack_node: Node) -> str:
    """The pack's first language: plain strings in text fields are in this language."""
    if pack_node.is_map:
        languages = pack_node.value.get("languages")
        if languages is not None and languages.is_seq and languages.value:
            first = languages.value[0].value
            if isinstance(first, str) and first in KNOWN_LANGUAGES:
                return first
    return "nl"


def _content_files(folder: Path, content: str, report: Report) -> list[Path]:
    files = sorted((folder / content).rglob("*.yaml")) if (folder / content).is_dir() else []
    if len(files) > MAX_FILES:
        report.error("B002", f"more than {MAX_FILES} content files", Pos(display_path(folder / content)),
                     "split the pack")
        return files[:MAX_FILES]
    return files


def _inside(path: Path, root: Path, report: Report) -> bool:
    """Refuse files that lead outside the pack (for example through a symbolic link)."""
    if path.resolve().is_relative_to(root):
        return True
    report.error("B041", "this file lies outside the pack folder", Pos(display_path(path)),
                 "copy the file into the pack instead of linking to it")
    return False


def _apply_translations(folder: Path, root: Path, loaded: Loaded) -> None:
    report = loaded.report
    by_address = {text.key: text for text in loaded.texts if text.key}
    translation_folder = folder / TRANSLATIONS
    if not translation_folder.is_dir():
        return
    for path in sorted(translation_folder.glob("*.yaml")):
        shown = display_path(path)
        lang = path.stem
        if lang not in KNOWN_LANGUAGES:
            report.error("B032", f"'{lang}' is not a known language", Pos(shown, 1, 1),
                         f"name translation files after a language: {', '.join(KNOWN_LANGUAGES)}")
            continue
        if not _inside(path, root, report):
            continue
        node = load_file(path, shown, report)
        if node is None or node.is_null:
            continue
        if not node.is_map:
            report.error("B012", "a translation file maps text addresses to texts", node.pos,
                         "write lines like `situation/scene.text: ...`")
            continue
        keys = loaded.translation_keys.setdefault(lang, {})
        for address, child in node.value.items():
            if is_extension_key(address):  # e.g. `x-source:`, the record `barst translate` keeps
                continue
            pos = (node.key_pos or {}).get(address, child.pos)
            keys[address] = pos
            text = by_address.get(address)
            if not child.is_scalar or child.is_null:
                report.error("B012", "expected the translated text", child.pos, "write the text after the colon")
                continue
            if text is None:
                continue  # orphans are reported by the translation rules
            text.values[lang] = child.value.strip()
            text.value_pos[lang] = child.pos
