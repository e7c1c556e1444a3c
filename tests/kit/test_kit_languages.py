"""Every shipped kit builds in every language it declares, German included, and prints only that language:
a page or deck taken from a pack that lacks the language is refused (K021) unless limited with
`languages:`, and a text missing in one of the kit's languages is reported (K022)."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp

from barst.kit.build import Options, build_kit
from barst.kit.check import check_kit_file
from barst.kit.compose import printed_in
from barst.kit.load import load_kit, text_in

ROOT = Path(__file__).resolve().parents[2]
KITS = sorted((ROOT / "kits").glob("*.yaml"))


def _declared() -> list[tuple[str, str]]:
    pairs = []
    for path in KITS:
        kit = load_kit(path).kit
        assert kit is not None, path
        pairs += [(path.stem, lang) for lang in kit.languages]
    return pairs


def spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text)  # also the narrow spaces of French typography


def pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(path)
    try:
        return " ".join(spaced(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf)))
    finally:
        pdf.close()


def test_the_shipped_kits_include_german() -> None:
    assert {lang for _, lang in _declared()} >= {"nl", "fr", "de"}
    assert {name for name, lang in _declared() if lang == "de"} == {path.stem for path in KITS}


@pytest.mark.parametrize("name,lang", _declared())
def test_every_shipped_kit_builds_in_every_language_it_declares(name: str, lang: str, tmp_path: Path) -> None:
    path = ROOT / "kits" / f"{name}.yaml"
    result = build_kit(path, Options(output=tmp_path / "k.pdf", lang=lang))
    assert result.path is not None and result.pages > 0, [d.format() for d in result.report.sorted()]
    assert not result.report.warnings, [d.format() for d in result.report.sorted()]
    # Each page and deck printed in this language shows its own heading in this language.
    kit = load_kit(path).kit
    assert kit is not None
    text = pdf_text(result.path)
    headings = [spaced(text_in(p.title, lang)) for p in kit.pages if printed_in(p.languages, lang)]
    headings += [spaced(text_in(d.title, lang)) for d in kit.decks if printed_in(d.languages, lang)]
    assert headings and all(h and h in text for h in headings), [h for h in headings if h not in text]


def test_the_german_trainer_kit_prints_german_only_with_the_ostbelgien_lines(tmp_path: Path) -> None:
    result = build_kit(ROOT / "kits/train-the-trainer.yaml", Options(output=tmp_path / "t.pdf", lang="de"))
    assert result.path is not None, [d.format() for d in result.report.sorted()]
    text = pdf_text(result.path)
    assert "Hilfenummern für die Klasse" in text and "Telefonhilfe" in text
    assert "Ablauf: zwei Unterrichtsstunden (100 Minuten)" in text
    # The board pack has no German: neither its board nor its cards, nor the Dutch plan that uses them.
    for dutch in ("Speelbord", "Kaarten van het bordspel", "Bordspel", "Sessieplan", "Waar of niet"):
        assert dutch not in text, dutch
    pdf = pypdfium2.PdfDocument(result.path)
    codes = {code.text for i in range(len(pdf)) for code in zxingcpp.read_barcodes(pdf[i].render(scale=3).to_pil())}
    pdf.close()
    assert codes == {"tel:108", "tel:101", "tel:112"}


def test_the_german_wallet_card_dials_telefonhilfe(tmp_path: Path) -> None:
    result = build_kit(ROOT / "kits/helpline-card.yaml", Options(output=tmp_path / "w.pdf", lang="de"))
    assert result.path is not None
    text = pdf_text(result.path)
    assert "Telefonhilfe" in text and "Polizei" in text and "Notruf" in text and "1712" not in text
    pdf = pypdfium2.PdfDocument(result.path)
    codes = {code.text for i in range(len(pdf)) for code in zxingcpp.read_barcodes(pdf[i].render(scale=3).to_pil())}
    pdf.close()
    assert codes == {"tel:108"}


BOARD_KIT = """\
id: b
title: {nl: Bord, de: Brett}
audience: adults
languages: [nl, de]
pages:
  - id: welcome
    kind: text
    title: {nl: Welkom, de: Willkommen}
    items:
      - {text: {nl: Veel plezier., de: Viel Spaß.}}
  - id: board
    kind: board
    title: {nl: Speelbord}
LIMIT    pack: achter-de-voordeur
"""


def test_a_board_page_from_a_pack_without_german_is_refused_in_a_german_kit(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(BOARD_KIT.replace("LIMIT", ""), encoding="utf-8")
    report = check_kit_file(path)
    assert [(d.code, d.pos.line) for d in report.errors] == [("K021", 11)]
    assert "languages: [nl]" in report.errors[0].format()

    path.write_text(BOARD_KIT.replace("LIMIT", "    languages: [nl]\n"), encoding="utf-8")
    assert not check_kit_file(path).items
    result = build_kit(path, Options(output=tmp_path / "b.pdf", lang="de"))
    assert result.path is not None and "Willkommen" in pdf_text(result.path)
    assert "Speelbord" not in pdf_text(result.path)
    assert "Speelbord" in pdf_text(build_kit(path, Options(output=tmp_path / "n.pdf", lang="nl")).path or path)


def test_a_page_limited_to_a_language_the_kit_lacks_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(BOARD_KIT.replace("LIMIT", "    languages: [fr]\n"), encoding="utf-8")
    assert "K005" in {d.code for d in check_kit_file(path).errors}


def test_a_text_missing_in_one_of_the_kits_languages_is_reported_where_it_is(tmp_path: Path) -> None:
    text = (ROOT / "kits/babo-box.yaml").read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "id: stop," in row)
    path = tmp_path / "babo.yaml"
    path.write_text(text.replace(', de: "Stopp!"', ""), encoding="utf-8")  # pictures come from assets/
    report = check_kit_file(path)
    assert [(d.code, d.pos.line) for d in report.warnings] == [("K022", line)]
    assert "no de" in report.warnings[0].message


def test_a_shop_build_without_cards_is_the_guide_itself(tmp_path: Path) -> None:
    # The German trainer's pack has pages only (its one deck is the board game's): in shop mode that was
    # "nothing to print" although the guide had been written beside it.
    result = build_kit(ROOT / "kits/train-the-trainer.yaml",
                       Options(output=tmp_path / "t.pdf", lang="de", mode="shop"))
    assert result.path is not None, [d.format() for d in result.report.sorted()]
    assert result.guide is None and result.job_sheet is None
    assert "Hilfenummern für die Klasse" in pdf_text(result.path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.pdf"]
