"""Every shipped kit in every print mode, read back from the PDF: backs behind fronts, nothing across a
frame or the cut, the text sizes as planned, trim and bleed boxes, QR codes that decode and link, and a
scale bar of 50.0 mm on every home sheet. Each PDF is built once and every check reads it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from kit_pdfcheck import Pdf

from barst.kit import layout
from barst.kit.build import Options, PlacedOn, Result, build_kit
from barst.kit.layout import Rect
from barst.kit.pdf import turned_rect

ROOT = Path(__file__).resolve().parents[2]
OFFSET = (1.0, -0.5)

MODES: dict[str, tuple[str, dict[str, object]]] = {
    "babo-a4": ("babo-box", {}),
    "babo-letter-short": ("babo-box", {"paper": "letter", "duplex": "short"}),
    "babo-fold-bleed": ("babo-box", {"fold": True, "home_bleed": 1.5}),
    "babo-shop": ("babo-box", {"mode": "shop"}),
    "wallet-a4": ("helpline-card", {}),
    "wallet-letter": ("helpline-card", {"paper": "letter"}),
    "wallet-short-offset": ("helpline-card", {"duplex": "short", "back_offset": OFFSET}),
    "wallet-backs-only": ("helpline-card", {"backs_only": True}),
    "wallet-fold": ("helpline-card", {"fold": True}),
    "wallet-shop": ("helpline-card", {"mode": "shop"}),
    "wallet-gutter-corners": ("helpline-card", {"gutter": 4.0, "home_bleed": 2.0, "corners": 3.0,
                                                "registration": True, "paper": "letter"}),
    "trainer-a4": ("train-the-trainer", {}),
    "trainer-letter-short": ("train-the-trainer", {"paper": "letter", "duplex": "short", "lang": "fr"}),
    "trainer-fold": ("train-the-trainer", {"fold": True}),
    "trainer-shop": ("train-the-trainer", {"mode": "shop"}),
}


@dataclass
class Built:
    name: str
    options: Options
    result: Result
    pdf: Pdf

    @property
    def shop(self) -> bool:
        return self.options.mode == "shop"

    def on_cards(self) -> list[PlacedOn]:
        return [p for p in self.result.placed if p.card is not None and not p.file]


def footprint(p: PlacedOn) -> Rect:
    """Where an element lands on the paper after its card (or itself) is turned."""
    if p.slot is not None and p.card is not None:
        centre = (p.slot.x + p.slot.w / 2, p.slot.y + p.slot.h / 2)
    else:
        centre = (p.item.rect.x + p.item.rect.w / 2, p.item.rect.y + p.item.rect.h / 2)
    return turned_rect(p.item.rect, (p.angle, *centre))


def slots_by_page(b: Built, side: str | None = None) -> dict[int, set[Rect]]:
    out: dict[int, set[Rect]] = {}
    for p in b.on_cards():
        if side is None or p.side == side:
            assert p.slot is not None
            out.setdefault(p.page, set()).add(p.slot)
    return out


def check_backs_land_behind_their_fronts(b: Built) -> None:
    name = b.name
    fronts, backs = slots_by_page(b, "front"), slots_by_page(b, "back")
    paper = layout.PAPERS[b.options.paper or "a4"]
    if b.options.backs_only:
        assert backs and not fronts
        return
    assert fronts and backs
    fold = bool(b.options.fold)
    for page, front_slots in fronts.items():
        back_page = page if fold else page + 1
        # A fold layout's fronts on the left half fold to the right (like a long edge), the top half downwards.
        short = not all(f.right <= paper[0] / 2 + 0.01 for f in front_slots) if fold else b.options.duplex == "short"
        dx, dy = (0.0, 0.0) if fold else (b.options.back_offset or (0.0, 0.0))
        turned_over = set()
        for back in backs[back_page]:
            # Turn the sheet over by hand: a long edge swaps left and right, a short edge top and bottom.
            x, y = back.x - dx, back.y - dy
            turned_over.add((x, paper[1] - y - back.h) if short else (paper[0] - x - back.w, y))
        assert len(turned_over) == len(front_slots), (name, page)
        for x, y in turned_over:  # within 0.1 mm of a front
            assert any(abs(f.x - x) < 0.1 and abs(f.y - y) < 0.1 for f in front_slots), (name, page, x, y)


def check_nothing_crosses_its_frame_or_the_cut(b: Built) -> None:
    name = b.name
    for p in b.on_cards():
        if p.item.content:
            assert p.card is not None and p.card.inset(layout.SAFE).contains(p.item.rect), (name, p)
    # Read back from the PDF: every character lies inside one card's safe zone or clear of every card.
    slots = slots_by_page(b)
    for page in range(len(b.pdf)):
        cards = slots.get(page, set())
        if not cards:
            continue
        for ch in b.pdf.chars(page):
            box = ch.box.inset(0.15)  # pdfium's glyph boxes are a hair generous
            # Glyphs such as "j" overhang their pen position a little: 1 mm of the 3 mm safe margin is allowed.
            inside = [c for c in cards if c.inset(layout.SAFE - 1.0).contains(box)]
            clear = all(not c.inset(-layout.MARK_GAP + 0.2).overlaps(box) for c in cards)
            assert inside or clear, (name, page, ch)


def check_text_is_drawn_at_its_planned_size(b: Built) -> None:
    """A back after a turned card once lost its font (6.5 pt instead of 20): read the sizes back."""
    name = b.name
    planned: dict[int, set[float]] = {}
    for p in b.result.placed:
        if p.item.kind == "text" and not p.file and any(line.strip() for line in p.item.lines):
            planned.setdefault(p.page, set()).add(round(p.item.size, 1))
    for page, sizes in planned.items():  # (the calibration sheet draws its own words)
        drawn = {round(c.size, 1) for c in b.pdf.chars(page)}
        assert drawn == sizes, (name, page)


def check_every_qr_code_decodes_and_links(b: Built) -> None:
    name = b.name
    expected: dict[int, list[PlacedOn]] = {}
    for p in b.result.placed:
        if p.item.kind == "qr" and not p.file:
            expected.setdefault(p.page, []).append(p)
    assert expected
    for page, codes in expected.items():
        assert b.pdf.qr_codes(page, [footprint(p) for p in codes]) == {p.item.ref for p in codes}, (name, page)
        links = b.pdf.links(page)
        for code in codes:
            where = footprint(code)
            assert any(uri == code.item.ref and abs(r.x - where.x) < 0.1 and abs(r.y - where.y) < 0.1
                       and abs(r.w - where.w) < 0.1 for uri, r in links), (name, page, code.item.ref)
        for p in codes:
            assert p.item.rect.w >= 20


def check_every_home_sheet_has_a_50_mm_scale_bar(b: Built) -> None:
    name = b.name
    sheets = slots_by_page(b)
    assert sheets
    for page in sheets:
        bars = [r for r in b.pdf.paths(page) if abs(max(r.w, r.h) - 50.0) < 0.05 and abs(min(r.w, r.h) - 1.6) < 0.05]
        assert len(bars) == 1, (name, page, len(bars))
        assert round(max(bars[0].w, bars[0].h), 1) == 50.0
        assert not any(c.overlaps(bars[0]) for c in sheets[page])


def check_margin_labels_stay_off_the_cards(b: Built) -> None:
    name = b.name
    slots = slots_by_page(b)
    paper = layout.PAPERS[b.options.paper or "a4"]
    printable = Rect(0, 0, *paper).inset(layout.PRINTER_MARGIN - 0.01)
    margin = [p for p in b.result.placed if p.side == "margin"]
    assert margin
    for p in margin:
        where = footprint(p)
        assert printable.contains(where), (name, p)
        assert not any(s.inset(-layout.MARK_GAP + 0.01).overlaps(where) for s in slots.get(p.page, ())), (name, p)


def check_shop_pages_have_trim_and_bleed_boxes(b: Built) -> None:
    name = b.name
    trims = {p.page: p.card for p in b.on_cards()}
    assert len(trims) == len(b.pdf)  # the card file has card pages only: no guide, blank or calibration page
    for index, page in enumerate(b.pdf.reader.pages):
        trim = trims[index]
        assert trim is not None
        assert "/TrimBox" in page and "/BleedBox" in page, (name, index)
        assert float(page.trimbox.width) == pytest.approx(trim.w * 72 / 25.4, abs=0.05)
        assert float(page.trimbox.height) == pytest.approx(trim.h * 72 / 25.4, abs=0.05)
        assert float(page.trimbox.left) == pytest.approx(layout.BLEED * 72 / 25.4, abs=0.05)
        assert float(page.bleedbox.width) == pytest.approx(float(page.mediabox.width), abs=0.05)


def check_minimum_sizes(b: Built) -> None:
    floor = 18.0 if "babo" in b.name else 10.0
    for p in b.on_cards():
        if p.item.kind == "text":
            least = 10.0 if p.item.name == "deck title" else floor
            assert p.item.size >= least, (b.name, p.item.name, p.item.size)


@pytest.mark.parametrize("name", list(MODES))
def test_print_mode(name: str, tmp_path: Path) -> None:
    """One build per mode, every check on it (so parallel workers never build the same PDF twice)."""
    kit, settings = MODES[name]
    options = Options(output=tmp_path / f"{name}.pdf", **settings)  # type: ignore[arg-type]
    result = build_kit(ROOT / "kits" / f"{kit}.yaml", options)
    assert result.path is not None, [d.format() for d in result.report.sorted()]
    b = Built(name, options, result, Pdf(result.path))
    check_nothing_crosses_its_frame_or_the_cut(b)
    check_text_is_drawn_at_its_planned_size(b)
    check_minimum_sizes(b)
    if b.shop:
        check_shop_pages_have_trim_and_bleed_boxes(b)
    else:
        check_backs_land_behind_their_fronts(b)
        check_every_home_sheet_has_a_50_mm_scale_bar(b)
        check_margin_labels_stay_off_the_cards(b)
    if any(p.item.kind == "qr" and not p.file for p in result.placed):
        check_every_qr_code_decodes_and_links(b)
    elif "wallet" in name or name == "trainer-a4":
        pytest.fail(f"{name}: expected QR codes")
