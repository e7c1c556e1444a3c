"""Rules for every pack: translations, assets, help-line links."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from barst.diagnostics import Pos, Report
from barst.editions import edition_languages
from barst.loader import Loaded
from barst.model import LINK_SCHEMES, HelpLine, Pack


class Identified(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def pos(self) -> Pos: ...


def check_duplicates(report: Report, items: Iterable[Identified], what: str, where: str = "") -> None:
    """B020: ids must be unique within their scope."""
    seen: dict[str, Pos] = {}
    for item in items:
        item_id, pos = item.id, item.pos
        if not item_id:
            continue
        if item_id in seen:
            first = seen[item_id]
            report.error("B020", f"duplicate {what} id '{item_id}'{where} (first at {first})", pos,
                         "give each one its own id; ids must stay stable once translated")
        else:
            seen[item_id] = pos


def check_translations(loaded: Loaded, report: Report) -> None:
    """B030/B033: every text in every declared language; B031: no orphaned translation lines."""
    pack = loaded.pack
    assert pack is not None
    declared = list(pack.languages)
    for text in loaded.texts:
        if not text.values:
            continue
        for lang, pos in text.value_pos.items():
            if lang not in declared:
                report.warning("B033", f"text in '{lang}', which the pack does not declare", pos,
                               f"add {lang} to the pack's languages or remove this text")
    # Every missing text on its own line (a translator works down the list; no "and N more" cut).
    for lang in declared:
        for text in loaded.texts:
            # A Community's variant, or a card of only some editions, needs only those editions' languages.
            needed = edition_languages(pack, text.key) if text.values else None
            if text.values and not text.has(lang) and (needed is None or lang in needed):
                report.warning("B030", f"no '{lang}' text for {text.key or 'this text'}", text.pos,
                               f"add `{lang}: …` here or a line `{text.key}: …` in translations/{lang}.yaml "
                               f"(or use `barst translate extract`)")
    known = {text.key for text in loaded.texts if text.key}
    for keys in loaded.translation_keys.values():
        for address, pos in keys.items():
            if address not in known:
                report.warning("B031", f"'{address}' matches no text in the pack", pos,
                               "the id may have changed; fix the address or remove the line")


def check_asset(report: Report, pack: Pack, relative: str | None, pos: Pos) -> None:
    """B040/B041: an asset must exist and stay inside the pack folder."""
    if not relative:
        return
    root = Path(pack.folder).resolve()
    target = (root / relative).resolve()
    if not target.is_relative_to(root):
        report.error("B041", f"'{relative}' lies outside the pack folder", pos,
                     "copy the file into the pack and give a path inside it")
    elif not target.is_file():
        report.error("B040", f"the file '{relative}' does not exist", pos,
                     f"add it to the pack folder or fix the path (relative to {pack.folder})")


def check_helpline_links(report: Report, lines: list[HelpLine]) -> None:
    check_duplicates(report, lines, "help line")
    for line in lines:
        if not line.links:
            report.error("B060", f"help line '{line.id}' has no link", line.pos, "add a tel: or https: link")
        for link in line.links:
            if not link.startswith(LINK_SCHEMES) or len(link.split(":", 1)[1].strip("/")) == 0:
                report.error("B060", f"link '{link}' of '{line.id}' is not tel:, https:, mailto: or sms:",
                             line.pos, "write e.g. tel:+3280030030 or https://www.example.be")
