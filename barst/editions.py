"""Editions of a board pack: one per Community, sharing the board, the rules and the federal cards.

Child protection, youth aid and welfare are Community matters in Belgium, so a card's answer may differ
between the Flemish and the French-speaking edition while its case stays the same. A card writes what
differs once per Community (`variants`), and `resolve` turns the pack into the plain pack of one edition
that the engine, the players and the kit builder use as before. Pure: no pygame, no fpdf2.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from barst.diagnostics import BarstError
from barst.model import Card, CardVariant, Edition, Pack

VARIANT_FIELDS = ("prompt", "question", "answer", "options", "points", "model_answer", "explanation", "source")


def choose(pack: Pack, edition_id: str | None = None, lang: str | None = None) -> Edition | None:
    """The edition asked for by id; else the one whose own (first) language is `lang`; else the first
    edition that is played in `lang`; else the first edition. None for a pack without editions."""
    if not pack.editions:
        if edition_id:
            raise BarstError(f"The pack '{pack.id}' has no editions, so --edition {edition_id} cannot be used.")
        return None
    if edition_id:
        found = next((e for e in pack.editions if e.id == edition_id), None)
        if found is None:
            names = ", ".join(e.id for e in pack.editions)
            raise BarstError(f"The pack '{pack.id}' has no edition '{edition_id}'. Its editions: {names}.")
        return found
    if lang:
        own = next((e for e in pack.editions if e.languages[:1] == [lang]), None)
        played = next((e for e in pack.editions if lang in e.languages), None)
        if own or played:
            return own or played
    return pack.editions[0]


def resolve(pack: Pack, edition: Edition | None) -> Pack:
    """The pack as one edition plays it: its cards only, each with its Community's variant applied, the
    edition's languages, help-line region and key messages (its own Community's first, then the shared
    ones). A pack without editions comes back unchanged."""
    if edition is None:
        return pack
    cards = [resolve_card(card, edition.community) for card in pack.cards if in_edition(card, edition)]
    languages = [lang for lang in edition.languages if lang in pack.languages] or list(pack.languages)
    fallback = [lang for lang in pack.fallback_order() if lang in languages]
    return dataclasses.replace(pack, id=f"{pack.id}.{edition.id}", cards=cards, languages=languages,
                               fallback=fallback, region=edition.region, edition=edition,
                               key_messages=[*edition.key_messages, *pack.key_messages])


def for_play(pack: Pack, lang: str | None = None, edition_id: str | None = None) -> Pack:
    """`resolve(pack, choose(...))`: what `barst play`, `barst run`, `barst shots` and the kits use."""
    return resolve(pack, choose(pack, edition_id, lang))


def in_edition(card: Card, edition: Edition) -> bool:
    return not card.communities or edition.community in card.communities


def resolve_card(card: Card, community: str) -> Card:
    variant = card.variants.get(community) if card.variants is not None else None
    if variant is None:
        return dataclasses.replace(card, variants=None)
    return dataclasses.replace(card, variants=None, **overrides(variant))


def overrides(variant: CardVariant) -> dict[str, Any]:
    """The fields a variant sets (a list field counts when it is not empty)."""
    found: dict[str, Any] = {}
    for name in VARIANT_FIELDS:
        value = getattr(variant, name)
        if value is not None and value != []:
            found[name] = value
    return found


def edition_languages(pack: Pack, key: str) -> list[str] | None:
    """Languages a text must have when it belongs to a card of only some editions or to one Community's
    variant, or to one edition's key messages (None: every language of the pack). `key` is the text's
    address, e.g. cs-01.variants.french.points or pack/wallonie-bruxelles/sos-enfants.text."""
    if not pack.editions:
        return None
    edition = next((e for e in pack.editions if key.startswith(f"pack/{e.id}/")), None)
    if edition is not None:  # one of the edition's own key messages
        return list(edition.languages)
    card_id = key.split(".", 1)[0].split("/", 1)[0]
    card = next((c for c in pack.cards if c.id == card_id), None)
    if card is None:
        return None
    marker = f"{card_id}.variants."
    if key.startswith(marker):
        communities = [re.split(r"[./]", key[len(marker):], maxsplit=1)[0]]
    elif card.communities:
        communities = list(card.communities)
    else:
        return None
    needed = [lang for e in pack.editions if e.community in communities for lang in e.languages]
    return list(dict.fromkeys(needed))
