"""Editions per Community: one card, what differs written once per Community, and the checker knows it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support import edit

from barst.check import check_pack
from barst.check.content_rules import french_spacing_problem
from barst.diagnostics import BarstError
from barst.editions import choose, edition_languages, for_play, resolve
from barst.loader import load_pack

EDITIONS = (
    "languages: [nl, fr]\neditions:\n"
    "  - {id: vl, community: flemish, label: {nl: Vlaamse editie, fr: édition flamande}, languages: [nl, fr]}\n"
    "  - {id: fwb, community: french, label: {nl: Franstalige editie, fr: édition FWB}, languages: [fr],"
    " region: wallonia}\n"
)
VARIANTS = (
    "    source: 1712.be/nl/over-1712\n"
    "    variants:\n"
    "      flemish:\n"
    "        points: [{nl: Advies vragen aan 1712, fr: Demander conseil au 1712 (en néerlandais)}]\n"
    "      french:\n"
    "        points: [{fr: Demander conseil à Respect Seniors}]\n"
    "        source: lalibre.be 2021-10\n"
)


@pytest.fixture
def two_editions(copy_pack: Callable[[str], Path]) -> Path:
    folder = copy_pack("mini-board")
    edit(folder / "pack.yaml", "languages: [nl, fr]\n", EDITIONS)
    edit(folder / "cards/case.yaml", "    points: [{nl: 1712 bellen voor advies, fr: Demander conseil}]\n"
         "    source: 1712.be/nl/over-1712\n", VARIANTS)
    edit(folder / "cards/case.yaml",
         "      - {nl: Zorgteam en CLB betrekken, fr: Impliquer l'équipe de soins et le PMS}\n",
         "      - {nl: Zorgteam en CLB betrekken, fr: Impliquer le zorgteam et le CLB}\n    variants:\n"
         "      french:\n        points: [{fr: Impliquer l'équipe éducative et le centre PMS}]\n"
         "        source: FWB, brochure « Que faire si je suis confronté à une situation de maltraitance ? »\n"
         "      flemish: {}\n")
    edit(folder / "cards/case.yaml", "Overleg met het zorgteam.", "Overleg met je team.")
    edit(folder / "cards/tf.yaml", "    source: jeugdhulp.be\n",
         "    source: jeugdhulp.be\n    variants:\n      french: {source: sosenfantsbw.be}\n")
    (folder / "cards/tf.yaml").write_text((folder / "cards/tf.yaml").read_text(encoding="utf-8").replace(
        "  - id: tf-1\n", "  - id: tf-1\n    communities: [flemish]\n"), encoding="utf-8")
    return folder


def test_each_edition_plays_its_own_communitys_answer_from_one_card(two_editions: Path) -> None:
    pack = load_pack(two_editions).pack
    assert pack is not None
    french = for_play(pack, "fr")
    flemish = for_play(pack, "nl")
    assert french.edition is not None and french.edition.id == "fwb" and french.region == "wallonia"
    assert flemish.edition is not None and flemish.edition.id == "vl" and flemish.languages == ["nl", "fr"]
    assert french.languages == ["fr"] and french.id != flemish.id  # separate autosaves
    by_id = {card.id: card for card in french.cards}
    assert by_id["case-2"].points[0].get("fr") == "Demander conseil à Respect Seniors"
    assert by_id["case-2"].source == "lalibre.be 2021-10"
    assert "tf-1" not in by_id and "tf-1" in {card.id for card in flemish.cards}
    assert next(c for c in flemish.cards if c.id == "case-2").points[0].get("nl") == "Advies vragen aan 1712"
    assert by_id["case-1"].question is not None  # shared fields stay
    assert resolve(pack, None) is pack


def test_the_flemish_edition_in_french_is_chosen_by_name(two_editions: Path) -> None:
    pack = load_pack(two_editions).pack
    assert pack is not None
    chosen = choose(pack, "vl", "fr")
    assert chosen is not None and chosen.community == "flemish"
    with pytest.raises(BarstError, match="no edition 'ostbelgien'"):
        choose(pack, "ostbelgien")


def test_the_two_editions_check_clean_and_a_variant_needs_only_its_editions_languages(two_editions: Path) -> None:
    report = check_pack(two_editions)
    assert [d.format() for d in report.items] == []
    pack = load_pack(two_editions).pack
    assert pack is not None
    assert edition_languages(pack, "case-2.variants.french.points.0") == ["fr"]
    assert edition_languages(pack, "tf-1.prompt") == ["nl", "fr"]
    assert edition_languages(pack, "case-2.prompt") is None


def test_a_card_without_its_communitys_variant_names_the_other_communitys_service(two_editions: Path) -> None:
    edit(two_editions / "cards/case.yaml", "      french:\n        points: [{fr: Impliquer l'équipe éducative et le "
         "centre PMS}]\n        source: FWB, brochure « Que faire si je suis confronté à une situation de "
         "maltraitance ? »\n      flemish: {}\n", "")
    codes = {d.code for d in check_pack(two_editions).items}
    assert "B090" in codes  # the FWB edition would say zorgteam and CLB


def test_a_source_must_be_public_and_of_the_editions_own_community(two_editions: Path) -> None:
    """B094: without its own variant source, the FWB edition plays tf-2 with the card's Flemish one."""
    assert [d.format() for d in check_pack(two_editions).items if d.code == "B094"] == []
    edit(two_editions / "cards/tf.yaml", "    variants:\n      french: {source: sosenfantsbw.be}\n", "")
    edit(two_editions / "cards/case.yaml", "        source: lalibre.be 2021-10\n",
         "        source: lalibre.be 2021-10; shared/reviews/content-review.md\n")
    messages = sorted(d.format() for d in check_pack(two_editions).items if d.code == "B094")
    assert len(messages) == 2, messages
    assert "card 'case-2' cites the project's own notes ('shared/')" in messages[0]
    assert "card 'tf-2' in the French-speaking (FWB) edition cites 'jeugdhulp.be'" in messages[1]
    edit(two_editions / "cards/tf.yaml", "    source: jeugdhulp.be\n",
         "    source: jeugdhulp.be\n    mentions: [flemish]\n")
    assert len([d for d in check_pack(two_editions).items if d.code == "B094"]) == 1  # case-2's alone


def test_the_shipped_cards_cite_public_sources_of_their_own_editions_community() -> None:
    from support import ROOT

    from barst.check.content_rules import institutions

    pack = load_pack(ROOT / "scenarios/achter-de-voordeur").pack
    assert pack is not None
    known = institutions()
    for edition in pack.editions:
        for card in resolve(pack, edition).cards:
            assert card.source and "review" not in card.source.lower(), card.id
            for other, sites in known.sources.items():
                if other != edition.community and other not in card.mentions:
                    assert not sites.search(card.source), (edition.id, card.id, card.source)


@pytest.mark.parametrize(("text", "problem"), [
    ("Vrai ou faux\u202f?", None),
    ("Il dit\u00a0: «\u00a0non\u00a0».", None),
    ("Appelle le 0800 30 030 (9:30–17 h), voir https://www.sosviol.be", None),
    ("Oui ?!", ("before", "?")),
    ("Quoi\u202f?!", None),
    ("Vrai ou faux ?", ("before", "?")),
    ("Vrai ou faux?", ("before", "?")),
    ("Attention: danger", ("before", ":")),
    ("Il dit « non\u00a0».", ("after", "«")),
    ("Il dit «\u00a0non ».", ("before", "»")),
])
def test_french_typography_wants_a_no_break_space(text: str, problem: tuple[str, str] | None) -> None:
    assert french_spacing_problem(text) == problem


def test_the_shipped_board_game_has_a_french_speaking_edition_with_its_own_routes() -> None:
    from support import ROOT

    from barst.check.content_rules import institutions

    pack = load_pack(ROOT / "scenarios/achter-de-voordeur").pack
    assert pack is not None
    fwb, flemish = for_play(pack, "fr"), for_play(pack, "nl")
    assert fwb.edition is not None and fwb.edition.community == "french" and fwb.languages == ["fr"]
    assert flemish.edition is not None and flemish.edition.community == "flemish"
    flemish_names = institutions().patterns["flemish"]
    for card in fwb.cards:
        texts = [card.prompt, card.question, card.model_answer, card.explanation, *card.points,
                 *(o.text for o in card.options)]
        french = " ".join(t.get("fr") for t in texts if t is not None)
        if "flemish" not in card.mentions:
            assert not flemish_names.search(french), (card.id, flemish_names.search(french))
        assert card.source, card.id
    assert any("SOS Enfants" in (c.model_answer.get("fr") if c.model_answer else "") for c in fwb.cards)
    new = {"wn-21", "wn-22", "mk-21", "cs-19", "cs-20", "ct-19", "wd-19"}
    assert new <= {c.id for c in fwb.cards} and new <= {c.id for c in flemish.cards}
    for card in pack.cards:
        deck = pack.deck(card.deck or "")
        if deck is not None and deck.type == "quote":
            assert card.quote_by is not None and "fictie" in card.quote_by.get("nl")
            assert "fictive" in card.quote_by.get("fr")


def test_barst_packs_says_which_edition_is_which(capsys: pytest.CaptureFixture[str]) -> None:
    from barst.cli import main

    assert main(["packs"]) == 0
    out = capsys.readouterr().out
    assert "edition wallonie-bruxelles (french Community; fr; help lines: wallonia)" in out
    assert "edition vlaanderen (flemish Community; nl/fr" in out and "édition flamande, en français" in out


def test_barst_run_plays_the_edition_of_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    from barst.cli import main

    assert main(["run", "achter-de-voordeur", "--lang", "fr", "--auto", "--seed", "3", "--teams", "2"]) == 0
    out = capsys.readouterr().out
    assert "Vertrouwenscentrum" not in out and "CLB" not in out
    assert main(["run", "achter-de-voordeur", "--edition", "nowhere", "--auto"]) == 1
    assert "has no edition 'nowhere'. Its editions: vlaanderen, wallonie-bruxelles" in capsys.readouterr().err
