"""The print defects of issue 14, each as a behaviour that failed before its fix, and the new print options."""

from __future__ import annotations

import csv
from pathlib import Path

import pypdf
import pytest
from kit_pdfcheck import Pdf

from barst.kit import layout
from barst.kit.build import Options, build_kit
from barst.kit.check import check_kit_file
from barst.kit.fit import wrap_words
from barst.kit.fonts import Measure
from barst.kit.words import words

ROOT = Path(__file__).resolve().parents[2]

WALLET = """\
id: t
title: {nl: Test, fr: Test}
audience: adults
languages: [nl, fr]
editions:
  - {id: fl, region: flanders, languages: [nl]}
decks:
  - id: w
    title: {nl: Hulplijnen, fr: Lignes d'aide}
    size: wallet
    copies: 4
    helplines:
      title: {nl: "Praat erover. Bel gratis:"}
      lines: ["1712", awel, emergency]
      qr: ["1712", awel]
"""

DECKS = """\
id: d
title: {nl: Kaarten}
audience: adults
languages: [nl]
decks:
  - id: big
    title: {nl: Groot}
    size: SIZE
    icon: star
    cards:
CARDS
  - id: small
    title: {nl: Klein}
    size: poker
    icon: star
    copies: 3
    cards:
      - {id: s1, text: {nl: een kleine kaart}}
pages:
  - id: p
    kind: text
    title: {nl: Gids}
    items: [{text: {nl: Lees dit eerst.}}]
"""


def decks_kit(tmp_path: Path, size: str = "95x135", cards: int = 12) -> Path:
    lines = "\n".join(f"      - {{id: c{i}, text: {{nl: kaart nummer {i}}}}}" for i in range(cards))
    path = tmp_path / "decks.yaml"
    path.write_text(DECKS.replace("SIZE", size).replace("CARDS", lines), encoding="utf-8")
    return path


def wallet_kit(tmp_path: Path) -> Path:
    path = tmp_path / "wallet.yaml"
    path.write_text(WALLET, encoding="utf-8")
    return path


def test_short_edge_backs_keep_their_font_and_links(tmp_path: Path) -> None:
    """Defect 1: after the first turned back, later backs were drawn in the last font the writer remembered."""
    out = tmp_path / "s.pdf"
    result = build_kit(wallet_kit(tmp_path), Options(output=out, duplex="short"))
    assert result.path is not None
    pdf = Pdf(out)
    planned = {round(p.item.size, 1) for p in result.placed if p.page == 1 and p.item.kind == "text"
               and p.side == "back"}
    drawn = {round(c.size, 1) for c in pdf.chars(1)}
    assert planned <= drawn and 6.5 not in planned
    # Every turned back keeps its two links (tel:1712, tel:102), placed where its codes are drawn.
    uris = [uri for uri, _ in pdf.links(1)]
    assert sorted(uris) == sorted(["tel:1712", "tel:102"] * 4)
    assert pdf.qr_codes(1) == {"tel:1712", "tel:102"}


def test_row_labels_stay_in_the_margin(tmp_path: Path) -> None:
    """Defect 2: "11–12" beside a 95 mm card reached 1.5 mm into the card."""
    out = tmp_path / "r.pdf"
    result = build_kit(decks_kit(tmp_path), Options(output=out))
    assert result.path is not None
    pdf = Pdf(out)
    cards: dict[int, set[layout.Rect]] = {}
    for p in result.placed:
        if p.card is not None:  # upright cards: the planned card is where it lies on the paper
            cards.setdefault(p.page, set()).add(p.card)
    for page, slots in cards.items():
        for ch in pdf.chars(page):
            box = ch.box
            assert any(s.inset(-0.5).contains(box) for s in slots) or not any(_overlap(s, box) for s in slots), \
                (page, ch)


def _overlap(a: layout.Rect, b: layout.Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_shop_trim_box_on_every_size(tmp_path: Path) -> None:
    """Defect 3: the second card size got trim = page, so it was cut 6 mm too big."""
    out = tmp_path / "shop.pdf"
    assert build_kit(decks_kit(tmp_path, "70x110", 1), Options(output=out, mode="shop")).path is not None
    for page in pypdf.PdfReader(out).pages:
        assert "/TrimBox" in page
        assert float(page.mediabox.width) - float(page.trimbox.width) == pytest.approx(6 * 72 / 25.4, abs=0.05)


def test_shop_file_has_cards_only_and_a_job_sheet(tmp_path: Path) -> None:
    """Defect 4: guide, blank and calibration pages sat among the cards; copies repeated pages."""
    out = tmp_path / "shop.pdf"
    result = build_kit(decks_kit(tmp_path, "70x110", 1), Options(output=out, mode="shop", calibration=True))
    assert result.path is not None
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 4  # one design each of two decks, front and back: copies are a quantity
    assert all("Gids" not in page.extract_text() for page in reader.pages)
    assert result.guide is not None and "Gids" in pypdf.PdfReader(result.guide).pages[0].extract_text()
    assert result.job_sheet is not None
    rows = list(csv.DictReader(result.job_sheet.open(encoding="utf-8")))
    assert [(r["deck"], r["card"], r["front_page"], r["back_page"], r["quantity"]) for r in rows] == \
        [("big", "c0", "1", "2", "1"), ("small", "s1", "3", "4", "3")]
    assert rows[1]["trim_width_mm"] == "63" and rows[1]["trim_height_mm"] == "88"


def test_backs_only_reprints_no_guide(tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    result = build_kit(decks_kit(tmp_path, "70x110", 1), Options(output=out, backs_only=True))
    assert result.path is not None
    assert all("Gids" not in page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert {p.side for p in result.placed} <= {"back", "margin"}


def test_pictures_are_clipped_to_their_frame(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Defect 5: a drawing running past its viewBox spilled into the word area."""
    svg = tmp_path / "spill.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">'
                   '<rect x="-40" y="-40" width="180" height="180" fill="#ff0000"/></svg>', encoding="utf-8")
    kit = tmp_path / "p.yaml"  # the picture lies beside the kit, where the loader lets a kit take it from
    kit.write_text("id: p\ntitle: {nl: P}\naudience: adults\nlanguages: [nl]\ndecks:\n  - id: d\n    title: {nl: D}\n"
                   "    size: poker\n    cards:\n      - {id: a, picture: spill.svg, word: {nl: rood}}\n",
                   encoding="utf-8")
    out = tmp_path / "p.pdf"
    result = build_kit(kit, Options(output=out, mode="shop"))
    assert result.path is not None, result.report.sorted()
    [frame] = [p.item.rect for p in result.placed if p.item.kind == "picture" and p.page == 0]
    image = Pdf(out).doc[0].render(scale=300 / 72).to_pil().convert("RGB")
    px = 300 / 25.4
    for x in range(0, image.width, 4):
        for y in range(0, image.height, 4):
            r, g, b = image.getpixel((x, y))
            if r > 200 and g < 60 and b < 60:  # red ink
                assert frame.inset(-0.2).contains(layout.Rect(x / px, y / px, 0, 0)), (x / px, y / px)


def test_calibration_words_are_never_split(tmp_path: Path) -> None:
    """Defect 6: the instructions were cut at a fixed character count, splitting a word."""
    out = tmp_path / "c.pdf"
    assert build_kit(decks_kit(tmp_path, "70x110", 1), Options(output=out, calibration=True)).path is not None
    reader = pypdf.PdfReader(out)
    text = next(page.extract_text() for page in reader.pages if words("nl")["calibration"] in page.extract_text())
    printed = set(text.split())
    assert all(word in printed for word in words("nl")["calib_front"].split())


def test_french_punctuation_never_starts_a_line() -> None:
    """Defect 7: "Vrai ou faux / ?" — the space before ? : ; » does not break."""
    measure = Measure()
    text = "Vrai ou faux ? Réponds : « oui » ; ou « non » !"
    for width in range(30, 90):
        lines = wrap_words(text, width, 11, False, measure)
        assert lines is not None
        assert not any(line.lstrip()[:1] in "?:;»!" for line in lines), (width, lines)
        assert not any(line.rstrip().endswith("«") for line in lines), (width, lines)


def test_bilingual_card_speaks_both_languages(tmp_path: Path) -> None:
    """Defect 8: the Brussels card's footnote, QR note and sheet labels were Dutch only; QR captions lacked
    the service's name."""
    out = tmp_path / "h.pdf"
    result = build_kit(ROOT / "kits" / "helpline-card.yaml", Options(output=out))
    assert result.path is not None
    footnotes = [p.item for p in result.placed if p.item.name == "footnote"]
    assert any("kort nummer" in " ".join(f.lines) and "numéro court" in " ".join(f.lines) for f in footnotes)
    labels = [" ".join(p.item.lines) for p in result.placed if p.item.name == "sheet-label"]
    assert any("voorkant / recto" in label for label in labels)
    captions = [" ".join(p.item.lines) for p in result.placed if p.item.name.startswith("caption of")]
    assert any("Awel" in c for c in captions) and any("Écoute Violences Conjugales" in c for c in captions)


@pytest.mark.parametrize(("size", "override"), [("200x280", {"paper": "letter"}), ("250x250", {"mode": "home"})])
def test_no_room_is_refused_with_a_sentence(tmp_path: Path, size: str, override: dict[str, str]) -> None:
    """Defect 9: a card that fits A4 but not Letter, or a shop-sized card printed at home, raised an
    uncaught exception (while `barst check` of the file passed)."""
    kit = decks_kit(tmp_path, size, 1)
    if "mode" in override:
        kit.write_text(kit.read_text(encoding="utf-8").replace("audience:", "mode: shop\naudience:"), encoding="utf-8")
    assert not check_kit_file(kit).has_errors()
    result = build_kit(kit, Options(output=tmp_path / "x.pdf", **override))  # type: ignore[arg-type]
    errors = result.report.errors
    assert errors and all(e.code == "K013" and "does not fit" in e.message for e in errors)
    assert any("decks/big" in e.message for e in errors) and result.path is None


def test_a_size_override_that_leaves_no_room(tmp_path: Path) -> None:
    result = build_kit(decks_kit(tmp_path, "70x110", 1), Options(output=tmp_path / "x.pdf", size="250x250"))
    assert result.report.errors and result.path is None


def test_cards_never_print_below_ten_points(tmp_path: Path) -> None:
    """Defect 10: the wallet heading and footnote were 8.5 pt."""
    result = build_kit(ROOT / "kits" / "helpline-card.yaml", Options(output=tmp_path / "h.pdf"))
    sizes = {p.item.name: p.item.size for p in result.placed if p.card is not None and p.item.kind == "text"}
    assert sizes["deck title"] >= 10 and sizes["footnote"] >= 10
    assert not check_kit_file(ROOT / "kits" / "helpline-card.yaml").has_errors()


# --- new options --------------------------------------------------------------------------------------


def test_wallet_cards_turn_to_fit_nine_on_letter() -> None:
    sheet = layout.impose(layout.PAPERS["letter"], layout.CARD_SIZES["wallet"])
    assert sheet.turned and sheet.per_sheet == 9
    assert layout.impose(layout.PAPERS["letter"], layout.CARD_SIZES["wallet"], rotate=False).per_sheet == 8
    assert not layout.impose(layout.PAPERS["a4"], layout.CARD_SIZES["poker"]).turned  # no gain, no turn


def test_gutter_and_home_bleed() -> None:
    sheet = layout.impose(layout.PAPERS["a4"], layout.CARD_SIZES["poker"], gutter=layout.gutter_for(1.0, 2.0))
    first, second = sheet.slots[0], sheet.slots[1]
    assert second.x - first.right == pytest.approx(4.0)  # widened to twice the bleed
    with pytest.raises(ValueError, match="between 0 and 3"):
        layout.gutter_for(0, 5)


def test_fold_layout_mirrors_backs_about_the_fold() -> None:
    sheet = layout.impose(layout.PAPERS["a4"], layout.CARD_SIZES["wallet"], fold=True)
    assert sheet.fold == "vertical" and sheet.per_sheet == 5
    for slot in sheet.slots:
        back = layout.mirror(slot, sheet.paper, sheet.flip)
        assert slot.right <= 105 - layout.FOLD_GAP / 2 + 1e-6 and back.x >= 105 + layout.FOLD_GAP / 2 - 1e-6
        assert back.y == slot.y


def test_corner_guides_and_registration_marks_stay_off_the_cards() -> None:
    card = layout.Rect(10, 10, 63, 88)
    guides = layout.corner_guides(card, 3.0)
    assert len(guides) == 32
    for line in guides:
        assert card.inset(-1e-6).contains(layout.Rect(min(line.x1, line.x2), min(line.y1, line.y2),
                                                     abs(line.x2 - line.x1), abs(line.y2 - line.y1)))
    sheet = layout.impose(layout.PAPERS["letter"], layout.CARD_SIZES["wallet"], layout.REG_MARGIN, gutter=4)
    marks = layout.registration_marks(sheet)
    assert len(marks) == 5 and not any(m.rect.overlaps(s) for m in marks for s in sheet.slots)
    roomy = layout.impose(layout.PAPERS["a4"], layout.CARD_SIZES["poker"], layout.REG_MARGIN)
    assert len(layout.registration_marks(roomy)) == 5  # the cards' margin leaves the corners free
    with pytest.raises(ValueError, match="registration"):
        layout.registration_marks(layout.impose(layout.PAPERS["a4"], (200.0, 287.0)))


def test_preview_at_150_dpi_with_trim_and_safe_lines(tmp_path: Path) -> None:
    from barst.kit.preview import SAFE_LINE, TRIM, write_preview

    result = build_kit(wallet_kit(tmp_path), Options(output=tmp_path / "w.pdf"))
    assert result.path is not None
    written = write_preview(result.path, tmp_path / "pv", result.placed)
    from PIL import Image

    image = Image.open(written[0]).convert("RGB")
    assert image.size[0] == pytest.approx(210 / 25.4 * 150, abs=1)
    assert image.size[1] == pytest.approx(297 / 25.4 * 150, abs=1)
    [slot, *_] = sorted({p.slot for p in result.placed if p.page == 0 and p.slot is not None})
    px = 150 / 25.4
    assert image.getpixel((round((slot.x + 20) * px), round(slot.y * px))) == TRIM
    column = round((slot.x + layout.SAFE) * px)
    colours = {image.getpixel((column, y)) for y in range(round(slot.y * px), round(slot.bottom * px))}
    assert SAFE_LINE in colours


def test_bad_print_options_are_diagnostics_with_a_line(tmp_path: Path) -> None:
    kit = decks_kit(tmp_path, "70x110", 1)
    kit.write_text(kit.read_text(encoding="utf-8").replace("audience:", "gutter: wide\naudience:"), encoding="utf-8")
    [error] = check_kit_file(kit).errors
    assert error.code == "K012" and "gutter" in error.message and error.pos.line == 1


def test_kit_command_names_the_shop_files_and_refuses_bad_lengths(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from barst.kit.cli import main

    out = tmp_path / "s.pdf"
    assert main([str(decks_kit(tmp_path, "70x110", 1)), "-o", str(out), "--mode", "shop", "--no-progress"]) == 0
    printed = capsys.readouterr().out
    assert "s-guide.pdf" in printed and "s-job.csv" in printed
    assert main([str(decks_kit(tmp_path, "70x110", 1)), "-o", str(out), "--gutter", "99"]) == 1
    assert "--gutter must be between 0 and 20 mm" in capsys.readouterr().err
