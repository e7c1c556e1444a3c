"""Kit builder: QR codes decode to their help line, text and links are in the PDF, shop boxes, dedup,
safe zone, and bad input gives the right diagnostic with file:line."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp

from barst.helplines import load_helplines
from barst.kit import layout
from barst.kit.build import Options, build_kit
from barst.kit.check import check_kit_file

ROOT = Path(__file__).resolve().parents[2]

WALLET = """\
id: t
title: {nl: Test, fr: Test}
audience: adults
languages: [nl, fr]
editions:
  - {id: fl, region: REGION, languages: [nl]}
  - {id: wa, region: wallonia, languages: [fr]}
decks:
  - id: w
    title: {nl: Hulplijnen, fr: Lignes d'aide}
    size: wallet
    copies: 2
    helplines:
      lines: ["1712", ecoute-violences-conjugales, awel, emergency]
      qr: ["1712", ecoute-violences-conjugales, awel]
"""

CARDS = """\
id: c
title: {nl: Kaarten}
audience: AUDIENCE
languages: [nl]
decks:
  - id: d
    title: {nl: Gevoelens}
    size: poker
    icon: star
    cards:
      - {id: a, word: {nl: WORD}, link: LINK}
      - {id: b, word: {nl: verdrietig}, picture: PICTURE}
"""


def write(tmp_path: Path, text: str, **subs: str) -> Path:
    for key, value in subs.items():
        text = text.replace(key, value)
    path = tmp_path / "kit.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def cards_kit(tmp_path: Path, audience: str = "children", word: str = "blij", link: str = "https://www.awel.be",
              picture: str = "icons/star.svg") -> Path:
    return write(tmp_path, CARDS, AUDIENCE=audience, WORD=word, LINK=link, PICTURE=picture)


def test_wallet_qr_codes_decode_to_their_help_lines(tmp_path: Path) -> None:
    result = build_kit(write(tmp_path, WALLET, REGION="flanders"), Options(output=tmp_path / "w.pdf"))
    assert not result.report.has_errors(), result.report.sorted()
    lines = load_helplines()
    document = pypdfium2.PdfDocument(str(tmp_path / "w.pdf"))
    decoded: dict[int, set[str]] = {}
    for index in range(len(document)):
        image = document[index].render(scale=3).to_pil()
        decoded[index] = {b.text for b in zxingcpp.read_barcodes(image)}
    expected_fl = {lines.by_id(i).tel_link() for i in ("1712", "awel")}  # type: ignore[union-attr]
    expected_wa = {lines.by_id("ecoute-violences-conjugales").tel_link()}  # type: ignore[union-attr]
    backs = [decoded[i] for i in range(1, len(document), 2)]
    assert backs == [expected_fl, expected_wa]
    assert all(not decoded[i] for i in range(0, len(document), 2))  # fronts carry numbers, not codes
    # QR symbols are at least 20 mm wide and every element stays in the safe zone.
    for placed in result.placed:
        if placed.item.kind == "qr":
            assert placed.item.rect.w >= 20
        if placed.card is not None and placed.item.content:
            assert placed.card.inset(layout.SAFE).contains(placed.item.rect), placed


def test_text_language_links_and_viewer_preferences(tmp_path: Path) -> None:
    out = tmp_path / "w.pdf"
    build_kit(write(tmp_path, WALLET, REGION="flanders"), Options(output=out))
    reader = pypdf.PdfReader(out)
    front_nl, front_fr = reader.pages[0].extract_text(), reader.pages[2].extract_text()
    assert "Hulplijn" in front_nl and "1712" in front_nl and "0800 30 030" not in front_nl
    assert "0800 30 030" in front_fr and "Awel" not in front_fr
    uris = {a.get_object()["/A"]["/URI"] for a in reader.pages[1].get("/Annots", [])}
    assert uris == {"tel:1712", "tel:102"}
    prefs = reader.trailer["/Root"]["/ViewerPreferences"]
    assert prefs["/PrintScaling"] == "/None" and prefs["/Duplex"] == "/DuplexFlipLongEdge"
    assert [o.title for o in reader.outline if not isinstance(o, list)][:1] == ["Test"]


def test_identical_qr_codes_are_embedded_once(tmp_path: Path) -> None:
    out = tmp_path / "w.pdf"
    build_kit(write(tmp_path, WALLET, REGION="flanders"), Options(output=out))
    reader = pypdf.PdfReader(out)
    uses, objects = 0, set()
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        objects.update(ref.idnum for ref in xobjects.values())
        uses += page.get_contents().get_data().count(b" Do")
    assert uses == 6  # two copies of each edition's back: two codes in Flanders, one in Wallonia
    assert len(objects) == 3  # 1712, 102, 0800 30 030: each embedded once


def test_shop_mode_sets_trim_and_bleed_boxes(tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    result = build_kit(cards_kit(tmp_path), Options(output=out, mode="shop"))
    assert not result.report.has_errors(), result.report.sorted()
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 4  # front, back, front, back
    page = reader.pages[0]
    mm = 72 / 25.4
    assert float(page.mediabox.width) == pytest.approx((63 + 6) * mm, abs=0.05)
    assert float(page.trimbox.left) == pytest.approx(3 * mm, abs=0.05)
    assert float(page.trimbox.width) == pytest.approx(63 * mm, abs=0.05)
    assert float(page.bleedbox.width) == pytest.approx(float(page.mediabox.width), abs=0.05)


def test_home_backs_mirror_for_long_and_short_edge() -> None:
    sheet = layout.impose(layout.PAPERS["a4"], layout.CARD_SIZES["poker"])
    assert (sheet.cols, sheet.rows) == (3, 3)
    assert layout.impose(layout.PAPERS["a4"], layout.CARD_SIZES["wallet"]).per_sheet == 10
    first = sheet.slots[0]
    long = layout.back_rect(first, sheet.paper, "long", (0.0, 0.0))
    assert long == sheet.slots[2]  # top-left front is behind the top-right back
    short = layout.back_rect(first, sheet.paper, "short", (0.5, -1.0))
    assert short == layout.Rect(first.x, 297 - first.bottom, 63, 88).moved(0.5, -1.0)  # top and bottom swap
    for mark in layout.crop_marks(sheet):
        assert not any(slot.inset(-0.5).contains(layout.Rect(min(mark.x1, mark.x2), min(mark.y1, mark.y2), 0, 0))
                       for slot in sheet.slots)
        assert 5 <= mark.x1 <= 205 and 5 <= mark.y2 <= 292


def test_missing_picture_names_file_line_and_field(tmp_path: Path) -> None:
    report = check_kit_file(cards_kit(tmp_path, picture="pictures/none/nothing.svg"))
    [error] = report.errors
    assert error.code == "K006" and error.pos.line == 12 and "decks/d/b.picture" in error.message


def test_unknown_region(tmp_path: Path) -> None:
    report = check_kit_file(write(tmp_path, WALLET, REGION="vlaanderen"))
    [error] = report.errors
    assert error.code == "K004" and error.pos.line == 6 and "vlaanderen" in error.message


def test_bad_link_scheme(tmp_path: Path) -> None:
    report = check_kit_file(cards_kit(tmp_path, link="javascript:alert(1)"))
    [error] = report.errors
    assert error.code == "K008" and error.pos.line == 11


def test_overflow_names_card_and_field(tmp_path: Path) -> None:
    long_word = " ".join(["kindermishandeling"] * 12)
    result = build_kit(cards_kit(tmp_path, word=long_word), Options(output=tmp_path / "o.pdf"))
    [error] = result.report.errors
    assert error.code == "K011" and "decks/d/a" in error.message and "word" in error.message
    assert error.pos.line == 11
    assert not (tmp_path / "o.pdf").exists()
    # The same text fits for adults (10 pt minimum instead of 18).
    assert not check_kit_file(cards_kit(tmp_path, audience="adults", word=long_word)).has_errors()


def test_unknown_language_on_the_command_line(tmp_path: Path) -> None:
    result = build_kit(cards_kit(tmp_path), Options(output=tmp_path / "x.pdf", lang="de"))
    [error] = result.report.errors
    assert error.code == "K005" and error.pos.line == 1


def test_failed_build_keeps_the_previous_pdf(tmp_path: Path) -> None:
    out = tmp_path / "k.pdf"
    build_kit(cards_kit(tmp_path), Options(output=out))
    good = out.read_bytes()
    build_kit(cards_kit(tmp_path, word=" ".join(["woord"] * 80)), Options(output=out))
    assert out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_shipped_helpline_and_trainer_kits_check_clean() -> None:
    for name in ("helpline-card", "train-the-trainer"):
        report = check_kit_file(ROOT / "kits" / f"{name}.yaml")
        assert not report.has_errors(), [d.format() for d in report.sorted()]


def test_guide_pages_come_first_and_every_card_front_starts_a_sheet(tmp_path: Path) -> None:
    result = build_kit(ROOT / "kits" / "train-the-trainer.yaml", Options(output=tmp_path / "t.pdf", progress=False))
    assert not result.report.has_errors(), [d.format() for d in result.report.sorted()]
    on_cards = [p for p in result.placed if p.card is not None]
    guide_pages = [p.page for p in result.placed if p.card is None and p.side != "margin"]
    assert on_cards and guide_pages and max(guide_pages) < min(p.page for p in on_cards)
    fronts = {p.page for p in on_cards if p.side == "front"}
    backs = {p.page for p in on_cards if p.side == "back"}
    # 0-based: fronts on even pages (the front of a sheet), each back right after its front
    assert all(page % 2 == 0 for page in fronts) and {page + 1 for page in fronts} == backs
