"""Rules that keep the content true for all of Belgium: each edition names its own Community's services,
factual cards cite a source, and French text follows French typography.

- B090: a card in one Community's edition names a service of another Community (the names per
  Community are data: assets/institutions.yaml).
- B091: an open or quote card (its points, model answer or explanation state facts) has no source.
- B092: French text without a no-break space before ? ! : ; or inside « ».
- B093: editions and variants that do not fit together.
- B094: a card's source is the project's own notes (the content review, the domain notes) rather than
  a public source, or, in one Community's edition, a site of another Community's services only.
- B061: a help line's source (assets/helplines.yaml) is the project's own notes, or names neither a public
  page nor a dated public document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from barst import paths
from barst.diagnostics import NOWHERE, Pos, Report
from barst.editions import in_edition, resolve_card
from barst.loader import Loaded
from barst.model import COMMUNITIES, Card, HelpLine, Pack
from barst.text import Text
from barst.yamlload import load_data

INSTITUTIONS_FILE = "institutions.yaml"
NO_BREAK = "\u00a0\u202f"  # no-break space, narrow no-break space (either is right in Belgian print)
COMMUNITY_NAMES = {"flemish": "Flemish", "french": "French-speaking (FWB)", "german": "German-speaking"}

# ? ! ; : after a plain space or straight after a word; « followed, » preceded by a plain space or a word.
_BEFORE = re.compile(r"(?P<gap> |(?<=[\w)»…]))(?P<mark>[?!;:])")
_OPEN_QUOTE = re.compile(r"«(?P<gap> |(?=\w))")
_CLOSE_QUOTE = re.compile(r"(?P<gap> |(?<=[\w.!?…]))»")
_LINKISH = re.compile(r"(https?|tel|mailto|sms):\S*|\b\d{1,2}:\d{2}\b")


def check_content(loaded: Loaded, report: Report) -> None:
    pack = loaded.pack
    assert pack is not None
    check_french_typography(loaded.texts, report)
    if pack.kind != "board":
        if pack.editions:
            report.error("B093", "only board packs have editions", pack.pos,
                         "remove `editions:`; a story pack picks its help lines with `region:`")
        return
    check_sources(pack, report)
    check_editions(pack, report)
    check_institutions(pack, report)
    check_source_kinds(pack, report)


# --- B092: French typography --------------------------------------------------------------------------


def check_french_typography(texts: list[Text], report: Report) -> None:
    """One finding per French text that misses a no-break space, pointing at the first place."""
    for text in texts:
        value = text.values.get("fr")
        if not value:
            continue
        problem = french_spacing_problem(value)
        if problem is not None:
            where, mark = problem
            report.warning("B092", f"French text without a no-break space {where} '{mark}'",
                           text.value_pos.get("fr", text.pos),
                           "type a no-break space (U+00A0, or the narrow U+202F) instead of the plain space "
                           "before ? ! : ; and inside « »; editors: Ctrl+Shift+Space (LibreOffice), "
                           "Option+Space (macOS)")


def check_helpline_typography(lines: list[HelpLine], report: Report) -> None:
    """The help lines' French is shown on the emergency exit and printed on cards: same rule."""
    texts = [text for line in lines for text in (line.name, line.audience, line.hours, line.note, line.wallet_name)
             if text is not None]
    check_french_typography(texts, report)


def french_spacing_problem(value: str) -> tuple[str, str] | None:
    """(where, mark) of the first missing no-break space in `value`, or None when it is right."""
    clean = _LINKISH.sub(lambda m: "x" * len(m.group(0)), value)  # links and times keep their colon
    for match in _BEFORE.finditer(clean):
        mark = match.group("mark")
        before = clean[:match.start("mark")]
        if before.endswith(("?", "!")) and mark in "?!":
            continue  # "?!" is one mark
        return "before", mark
    if _OPEN_QUOTE.search(clean):
        return "after", "«"
    if _CLOSE_QUOTE.search(clean):
        return "before", "»"
    return None


# --- B091: sources ----------------------------------------------------------------------------------


def check_sources(pack: Pack, report: Report) -> None:
    """Closed cards are B051's; here the open and quote cards, as every edition plays them."""
    types = {deck.id: deck.type for deck in pack.decks}
    reported: set[tuple[str, Pos]] = set()
    for card, community in _played(pack):
        kind = types.get(card.deck or "")
        pos = _variant_pos(card, pack, community)
        if kind in ("case", "what_would_you_do", "quote") and not card.source and (card.id, pos) not in reported:
            reported.add((card.id, pos))
            where = f" in the {COMMUNITY_NAMES[community]} edition" if community else ""
            report.warning("B091", f"card '{card.id}' states facts (points, answer, explanation) but has no "
                           f"`source`{where}", pos,
                           "add `source:` naming what the card rests on: a law article, a service's own "
                           "site, a guide; quote cards: the practice or study the quote is based on")


# --- B093: editions and variants ----------------------------------------------------------------------


def check_editions(pack: Pack, report: Report) -> None:
    seen: dict[str, Pos] = {}
    for edition in pack.editions:
        if edition.id in seen:
            report.error("B093", f"edition id '{edition.id}' is used twice (first at {seen[edition.id]})",
                         edition.pos, "give each edition its own id")
        seen.setdefault(edition.id, edition.pos)
        for lang in edition.languages:
            if lang not in pack.languages:
                report.error("B093", f"edition '{edition.id}' is played in '{lang}', which the pack does not "
                             "declare", edition.pos, f"add {lang} to the pack's `languages` or remove it here")
        if not edition.languages:
            report.error("B093", f"edition '{edition.id}' names no language", edition.pos,
                         "add `languages: [fr]` (its own language first)")
    served = {edition.community for edition in pack.editions}
    for card in pack.cards:
        for community in card.communities:
            if community not in served:
                report.error("B093", f"card '{card.id}' is for the {community} edition, which this pack does not "
                             "have", card.pos, _edition_fix(pack))
        if card.variants is None:
            continue
        for name in COMMUNITIES:
            variant = card.variants.get(name)
            if variant is None:
                continue
            if not pack.editions:
                report.error("B093", f"card '{card.id}' has a {name} variant but the pack has no editions",
                             variant.pos, "add `editions:` to pack.yaml, one per Community")
            elif name not in served:
                report.error("B093", f"card '{card.id}' has a variant for the {name} Community, which has "
                             "no edition in this pack", variant.pos, _edition_fix(pack))
            elif card.communities and name not in card.communities:
                report.error("B093", f"card '{card.id}' has a {name} variant but is only in the "
                             f"{', '.join(card.communities)} edition", variant.pos,
                             f"add {name} to the card's `communities` or remove the variant")
        # The card's own fields are the first edition's; every other edition with a Community of its own
        # needs its own variant once the card has any (else it would show the first edition's routes).
        home = pack.editions[0].community if pack.editions else None
        missing = [e for e in pack.editions if in_edition(card, e) and e.community != home
                   and card.variants.get(e.community) is None]
        given = [c for c in COMMUNITIES if card.variants.get(c) is not None]
        if missing and given:
            names = ", ".join(f"'{e.id}' ({e.community})" for e in missing)
            report.error("B093", f"card '{card.id}' has variants for {', '.join(given)} but none for the "
                         f"edition {names}, which would show the first edition's fields", card.variants.pos,
                         f"add `{missing[0].community}:` under `variants:` with what that edition says, or limit "
                         "the card with `communities:`")


def _edition_fix(pack: Pack) -> str:
    names = ", ".join(f"{e.id} ({e.community})" for e in pack.editions) or "none"
    return f"use the Community of one of the pack's editions: {names}"


# --- B090: one Community's services in another's edition -------------------------------------------


@dataclass(frozen=True, slots=True)
class Institutions:
    """Names (as whole words, case as written) of services that belong to one Community's system, and
    the sites (case-insensitive) that describe only that Community's services."""

    names: dict[str, tuple[str, ...]]
    patterns: dict[str, re.Pattern[str]]
    sources: dict[str, re.Pattern[str]]


def check_institutions(pack: Pack, report: Report) -> None:
    if not pack.editions:
        return  # one edition for everyone: nothing to mix up
    known = institutions()
    for edition in pack.editions:
        community = edition.community
        cards = [resolve_card(card, community) for card in pack.cards if in_edition(card, edition)]
        for card in cards:
            _check_card_institutions(card, community, edition.languages, known, report)


def _check_card_institutions(card: Card, community: str, languages: list[str], known: Institutions,
                             report: Report) -> None:
    """Only the languages the edition is played in: a Dutch text nobody in the FWB edition reads is not
    this edition's concern."""
    for text in _card_texts(card):
        for lang, value in text.values.items():
            if lang not in languages:
                continue
            for other, pattern in known.patterns.items():
                if other == community or other in card.mentions:
                    continue
                found = pattern.search(value)
                if found is None:
                    continue
                report.error("B090", f"card '{card.id}' in the {COMMUNITY_NAMES[community]} edition names "
                             f"'{found.group(0)}', a service of the {COMMUNITY_NAMES[other]} Community ({lang})",
                             text.value_pos.get(lang, text.pos),
                             f"write this edition's route in `variants: {community}:`, or add `mentions: "
                             f"[{other}]` when the card names it on purpose (a contrast, a line in the "
                             "caller's language)")
                break


@cache
def institutions(path: Path | None = None) -> Institutions:
    data = load_data((path or paths.assets_dir() / INSTITUTIONS_FILE).read_text(encoding="utf-8"))
    communities = data.get("communities", {}) if isinstance(data, dict) else {}
    names: dict[str, tuple[str, ...]] = {}
    patterns: dict[str, re.Pattern[str]] = {}
    for community, entries in communities.items():
        words = tuple(str(entry) for entry in entries or [])
        names[str(community)] = words
        if words:
            patterns[str(community)] = re.compile(rf"(?<!\w)(?:{_alternatives(words)})(?!\w)")
    sites = data.get("sources", {}) if isinstance(data, dict) else {}
    sources = {str(community): re.compile(rf"(?<![\w.-])(?:{_alternatives(tuple(map(str, entries)))})(?![\w-])",
                                          re.IGNORECASE)
               for community, entries in (sites or {}).items() if entries}
    return Institutions(names, patterns, sources)


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# --- B094: what a card's source may be ----------------------------------------------------------------

# The project's own working notes are where facts were collected, not what a card rests on.
_INTERNAL_SOURCE = re.compile(r"content[ -]?review|\breviews?/|\bshared/|domain[ -]?notes|domain\.md|\.md\b",
                              re.IGNORECASE)


def check_source_kinds(pack: Pack, report: Report) -> None:
    """A source names what a reader can look up, and in one Community's edition not a site that only
    describes another Community's services (a professional in Liège does not check 1712.be)."""
    known = institutions()
    reported: set[tuple[str, Pos]] = set()
    for card, community in _played(pack):
        if not card.source:
            continue
        pos = _source_pos(card, pack, community)
        internal = _INTERNAL_SOURCE.search(card.source)
        if internal is not None and (card.id, pos) not in reported:
            reported.add((card.id, pos))
            report.error("B094", f"card '{card.id}' cites the project's own notes ('{internal.group(0)}') as "
                         "its source", pos,
                         "cite the public source the fact rests on (shared/domain.md lists them), or rewrite "
                         "the card so it states only what a public source supports")
        if community is None:
            continue
        for other in COMMUNITIES:
            if other == community or other in card.mentions:
                continue
            found = _other_source(card.source, other, known)
            if found is not None:
                where = ("remove it from the card's own `source:` (the first edition's)" if pos == card.pos
                         and community == pack.editions[0].community else
                         f"give `variants: {community}:` a `source:` for this edition's route")
                report.error("B094", f"card '{card.id}' in the {COMMUNITY_NAMES[community]} edition cites "
                             f"'{found}', a source on the {COMMUNITY_NAMES[other]} Community's services", pos,
                             f"{where}, or add `mentions: [{other}]` when the card names that service on purpose")
                break


# A public page (an address such as sos112.be/en/…) or a dated public document ("decree of 12 May 2004").
_PUBLIC_SOURCE = re.compile(r"(?<![\w@-])(?:[a-z0-9-]+\.)+[a-z]{2,}(?![\w-])|\b(?:19|20)\d{2}\b", re.IGNORECASE)


def check_helpline_sources(lines: list[HelpLine], report: Report) -> None:
    """B061: a help line's source is what a reader can look up before printing a number: a public page or a
    named, dated public document, never the project's own notes (which only say where a fact was found)."""
    for line in lines:
        internal = _INTERNAL_SOURCE.search(line.source)
        if internal is not None:
            problem = f"cites the project's own notes ('{internal.group(0)}')"
        elif _PUBLIC_SOURCE.search(line.source) is None:
            problem = "names neither a public page nor a dated public document"
        else:
            continue
        report.error("B061", f"the source of help line '{line.id}' {problem}", line.pos,
                     "cite the line's own page or an official one (e.g. https://www.sos112.be/en/no-nonsense.html), "
                     "or a public document by title and date; no source found: leave the line out")


def _other_source(source: str, community: str, known: Institutions) -> str | None:
    for table in (known.sources, known.patterns):
        pattern = table.get(community)
        found = pattern.search(source) if pattern is not None else None
        if found is not None:
            return found.group(0)
    return None


def _source_pos(card: Card, pack: Pack, community: str | None) -> Pos:
    """Where the source that `card` (as `community`'s edition plays it) got its `source` is written."""
    original = next((c for c in pack.cards if c.id == card.id), None)
    if community and original is not None and original.variants is not None:
        variant = original.variants.get(community)
        if variant is not None and variant.source:
            return variant.pos
    return card.pos if card.pos is not NOWHERE else pack.pos


# --- helpers ---------------------------------------------------------------------------------------------


def _played(pack: Pack) -> Iterator[tuple[Card, str | None]]:
    """Each card as each edition plays it; (card, None) once per card for a pack without editions."""
    if not pack.editions:
        for card in pack.cards:
            yield card, None
        return
    for edition in pack.editions:
        for card in pack.cards:
            if in_edition(card, edition):
                yield resolve_card(card, edition.community), edition.community


def _card_texts(card: Card) -> Iterator[Text]:
    for text in (card.prompt, card.question, card.quote_by, card.model_answer, card.explanation, *card.points,
                 *(option.text for option in card.options)):
        if text is not None:
            yield text


def _variant_pos(card: Card, pack: Pack, community: str | None) -> Pos:
    original = next((c for c in pack.cards if c.id == card.id), None)
    if community and original is not None and original.variants is not None:
        variant = original.variants.get(community)
        if variant is not None:
            return variant.pos
    return card.pos if card.pos is not NOWHERE else pack.pos
