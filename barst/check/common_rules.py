"""Rules for every pack: translations, assets, help-line links."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from barst import pictures
from barst.diagnostics import Pos, Report
from barst.editions import edition_languages
from barst.links import link_problem
from barst.loader import Loaded
from barst.model import LINK_SCHEMES, HelpLine, Pack
from barst.safefile import confined, read_bounded
from barst.text import Text


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
            if text.values and lang in text.values and not text.values[lang]:
                # Written but empty: say so where it is, so the author does not hunt for a missing line.
                report.warning("B030", f"the '{lang}' text of {text.key or 'this text'} is empty",
                               text.value_pos.get(lang, text.pos), f"write the {lang} text here")
            elif (text.values and not text.has(lang) and lang in _written_in(pack, text.key)
                  and (needed is None or lang in needed)):
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
    """B040/B041/B042: an asset must exist, stay inside the pack folder and be a picture the player can
    decode (its declared size is read from the header, never decoded here)."""
    if not relative:
        return
    root = Path(pack.folder).resolve()
    target = None if "\x00" in relative else confined(root / relative, [root])
    if target is None:
        report.error("B041", f"'{relative[:80]}' lies outside the pack folder", pos,
                     "copy the file into the pack and give a path inside it")
        return
    try:
        data = read_bounded(target, pictures.MAX_PICTURE_BYTES)
    except FileNotFoundError:
        report.error("B040", f"the file '{relative}' does not exist", pos,
                     f"add it to the pack folder or fix the path (relative to {pack.folder})")
        return
    except OSError as exc:
        report.error("B042", f"the picture '{relative}' cannot be read ({exc.strerror or exc})", pos,
                     "save it again as SVG or PNG")
        return
    problem = pictures.problem(data, target.suffix)
    if problem:
        report.error("B042", f"'{relative}': {problem}", pos, "save it again as SVG or a smaller PNG")


def check_helpline_links(report: Report, lines: list[HelpLine]) -> None:
    check_duplicates(report, lines, "help line")
    for line in lines:
        if not line.links:
            report.error("B060", f"help line '{line.id}' has no link", line.pos, "add a tel: or https: link")
        for link in line.links:
            problem = link_problem(link)
            if problem:
                report.error("B060", f"link '{link[:80]}' of '{line.id}' is not a real {', '.join(LINK_SCHEMES)} "
                             f"link: {problem}", line.pos, "write e.g. tel:+3280030030 or https://www.example.be")


def _written_in(pack: Pack, key: str) -> list[str]:
    """The languages a text must have: its situation's own `languages` when it declares them (a
    situation not yet translated), else the pack's."""
    for situation in pack.situations:
        if situation.languages and (key.startswith(f"{situation.id}/") or key.startswith(f"{situation.id}.")):
            return list(situation.languages)
    return list(pack.languages)


def check_characters(report: Report, texts: Iterable[Text]) -> None:
    """B071: control and bidi-override characters in a text. Drawing drops them, but they hide or reorder
    what an author meant (U+202E turns a word around), so the author should see and remove them."""
    from barst.textfit import unsafe_characters

    for text in texts:
        for lang, value in text.values.items():
            found = unsafe_characters(value)
            if found:
                shown = ", ".join(found[:4]) + (", …" if len(found) > 4 else "")
                report.warning("B071", f"this text in '{lang}' holds invisible control or direction characters "
                               f"({shown})", text.value_pos.get(lang, text.pos),
                               "retype it, or remove them in an editor that shows hidden characters")
