"""The shop's CMYK export read back as a prepress operator would: PDF/X-4 identification, output intent,
boxes, fonts, no RGB left, vectors and live transparency kept, colours right, pages that still render like
the RGB proof and QR codes that still decode."""

from __future__ import annotations

import math
from io import BytesIO
from pathlib import Path
from typing import Any

import pikepdf
import pypdf
import pytest
from kit_pdfcheck import MM, Pdf
from PIL import Image, ImageChops, ImageCms
from test_print_defects import decks_kit, wallet_kit

from barst.diagnostics import BarstError
from barst.kit import layout, pdfx, preflight
from barst.kit.build import Options, build_kit
from barst.kit.cli import main

PICTURE = "{id: c0, picture: pictures/boundaries/my-body.svg, word: {nl: ik}}"


def picture_kit(tmp_path: Path) -> Path:
    kit = decks_kit(tmp_path, "70x110", 1)  # its first card gets a picture drawn with transparency
    kit.write_text(kit.read_text(encoding="utf-8").replace("{id: c0, text: {nl: kaart nummer 0}}", PICTURE),
                   encoding="utf-8")
    return kit


def both(tmp_path: Path, kit: Path) -> tuple[Path, Path, list[str]]:
    """The same shop build in RGB and in CMYK, and the CMYK build's notes."""
    rgb = build_kit(kit, Options(output=tmp_path / "rgb.pdf", mode="shop"))
    cmyk = build_kit(kit, Options(output=tmp_path / "cmyk.pdf", mode="shop", cmyk=True))
    assert rgb.path is not None and cmyk.path is not None
    return rgb.path, cmyk.path, cmyk.notes


def operations(path: Path) -> list[list[tuple[str, list[float]]]]:
    """Each page's operators with their numeric operands."""
    with pikepdf.open(path) as pdf:
        return [[(str(op), [float(v) for v in operands if isinstance(v, int | float) or _number(v)])
                 for operands, op in pikepdf.parse_content_stream(page)] for page in pdf.pages]


def _number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def test_shop_cmyk_is_pdfx4_with_a_fogra39_output_intent(tmp_path: Path) -> None:
    _rgb, out, notes = both(tmp_path, picture_kit(tmp_path))
    assert "PDF/X-4" in notes[0] and "FOGRA39" in notes[0]
    assert out.read_bytes().startswith(b"%PDF-1.6")
    reader = pypdf.PdfReader(out)
    assert not reader.is_encrypted and "/ID" in reader.trailer
    info = reader.trailer["/Info"]
    assert info["/GTS_PDFXVersion"] == "PDF/X-4" and info["/Trapped"] == "/False"
    assert info["/Title"] and "/CreationDate" in info and "/ModDate" in info
    [intent] = [i.get_object() for i in reader.trailer["/Root"]["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFX" and intent["/OutputConditionIdentifier"] == "FOGRA39"
    assert intent["/RegistryName"] == "http://www.color.org"
    embedded = intent["/DestOutputProfile"].get_object()
    assert embedded.get_data() == pdfx.profile().read_bytes() and embedded["/N"] == 4
    icc = embedded.get_data()
    assert icc[12:16] == b"prtr" and icc[16:20] == b"CMYK" and icc[20:24] == b"Lab "
    with pikepdf.open(out) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfxid:GTS_PDFXVersion"] == "PDF/X-4" and meta["pdf:Trapped"] == "False"
        assert meta["dc:title"] == str(info["/Title"]) and meta["xmpMM:VersionID"] == "1"
        assert meta["xmpMM:RenditionClass"] == "default" and meta["xmpMM:DocumentID"].startswith("uuid:")
        assert "/OpenAction" not in pdf.Root
        assert preflight.problems(pdf) == []
    # Every page keeps its boxes: 3 mm of bleed around the card's trim, nested in the media box.
    sizes = [(70.0, 110.0)] * 2 + [layout.CARD_SIZES["poker"]] * 2
    assert len(reader.pages) == len(sizes)
    for page, (width, height) in zip(reader.pages, sizes, strict=True):
        media, bleed, trim = page.mediabox, page.bleedbox, page.trimbox
        assert "/ArtBox" not in page
        assert float(trim.width) / MM == pytest.approx(width, abs=0.02)
        assert float(trim.height) / MM == pytest.approx(height, abs=0.02)
        assert float(trim.left) / MM == pytest.approx(layout.BLEED, abs=0.02)
        assert (bleed.left, bleed.bottom, bleed.right, bleed.top) == (media.left, media.bottom, media.right, media.top)
    # Fonts: every one embedded (Andika subsets as TrueType font programs).
    fonts = [f.get_object() for page in reader.pages for f in page["/Resources"].get("/Font", {}).values()]
    assert fonts
    for font in fonts:
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if font["/Subtype"] == "/Type0" \
            else font["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object()


def test_shop_cmyk_keeps_vectors_text_and_live_transparency(tmp_path: Path) -> None:
    rgb, out, _ = both(tmp_path, picture_kit(tmp_path))
    before, after = operations(rgb), operations(out)
    for old, new in zip(before, after, strict=True):
        # Only colour operators change: every path, text and image operator is still there, in order.
        assert [op for op, _ in old if op not in ("rg", "RG", "g", "G")] == \
            [op for op, _ in new if op not in ("k", "K")]
        assert not {"rg", "RG", "g", "G"} & {op for op, _ in new}
    shown = [sum(op == "Tj" for page in pages for op, _ in page) for pages in (before, after)]
    assert shown[0] == shown[1] > 0
    assert sum(op == "c" for op, _ in after[0]) > 50  # the picture is still curves, not a raster
    with pikepdf.open(out) as pdf:
        picture_page = pdf.pages[0]
        assert not [x for x in picture_page.Resources.get("/XObject", {}).values() if x.Subtype == "/Image"]
        alphas = [float(s.ca) for s in picture_page.Resources.ExtGState.values() if "/ca" in s]
        assert alphas and min(alphas) < 1  # transparency is live, not flattened
        assert picture_page.Group.CS == "/DeviceCMYK"
    for page_rgb, page_cmyk in zip(Pdf(rgb).reader.pages, Pdf(out).reader.pages, strict=True):
        assert page_cmyk.extract_text() == page_rgb.extract_text()


def test_shop_cmyk_colours_follow_the_profile_and_black_is_black_ink(tmp_path: Path) -> None:
    rgb, out, _ = both(tmp_path, picture_kit(tmp_path))
    cmyk_profile = ImageCms.ImageCmsProfile(BytesIO(pdfx.profile().read_bytes()))
    lab = ImageCms.createProfile("LAB")
    from_rgb = ImageCms.buildTransform(ImageCms.createProfile("sRGB"), lab, "RGB", "LAB")
    from_cmyk = ImageCms.buildTransform(cmyk_profile, lab, "CMYK", "LAB")

    def lab_of(mode: str, values: list[float]) -> tuple[float, float, float]:
        pixel = Image.new(mode, (1, 1), tuple(round(v * 255) for v in values))
        el, ea, eb = ImageCms.applyTransform(pixel, from_rgb if mode == "RGB" else from_cmyk).getpixel((0, 0))
        return el * 100 / 255, ea - 128, eb - 128

    pairs = [(o, n) for old, new in zip(operations(rgb), operations(out), strict=True)
             for o, n in zip([x for x in old if x[0] in ("rg", "RG", "g", "G")],
                             [x for x in new if x[0] in ("k", "K")], strict=True)]
    coloured = [(o[1], n[1]) for o, n in pairs if len(o[1]) == 3 and len(set(o[1])) > 1]
    neutral = [(o[1], n[1]) for o, n in pairs if len(set(o[1])) == 1]
    assert coloured and neutral
    for values, cmyk in coloured:
        distance = math.dist(lab_of("RGB", values), lab_of("CMYK", cmyk))
        assert distance < 10, (values, cmyk, distance)  # the kits' colours lie inside the press's gamut
    for values, cmyk in neutral:
        assert cmyk[:3] == [0, 0, 0]  # black and grey: black ink alone, no four-colour type
        assert cmyk[3] == pytest.approx(1 - values[0], abs=0.25)
    assert any(values[0] < 0.2 and cmyk[3] > 0.85 for values, cmyk in neutral)  # the near-black type


def test_shop_cmyk_renders_like_the_rgb_proof_and_its_codes_decode(tmp_path: Path) -> None:
    rgb, out, notes = both(tmp_path, wallet_kit(tmp_path))
    assert "link areas left out" in notes[0]
    proof, press = Pdf(rgb), Pdf(out)
    assert len(proof) == len(press) == 2
    for index in range(len(proof)):
        a = proof.doc[index].render(scale=150 / 72).to_pil().convert("RGB")
        b = press.doc[index].render(scale=150 / 72).to_pil().convert("RGB")
        assert a.size == b.size
        # The renderer converts CMYK naively, so colours move a little; the picture must not.
        grey = ImageChops.difference(a, b).convert("L")
        histogram = grey.histogram()
        assert sum(v * n for v, n in enumerate(histogram)) / (a.width * a.height) < 12
        assert sum(histogram[60:]) < 0.01 * a.width * a.height
    assert press.qr_codes(1) == proof.qr_codes(1) == {"tel:1712", "tel:102"}
    assert press.links(1) == [] and len(proof.links(1)) == 2


def test_the_preflight_finds_what_is_not_pdfx4(tmp_path: Path) -> None:
    rgb, out, _ = both(tmp_path, wallet_kit(tmp_path))
    with pikepdf.open(rgb) as pdf:
        found = preflight.problems(pdf)
    for expected in ("PDF 1.7", "0 GTS_PDFX output intents", "Link annotation lies inside the bleed box",
                     "/Trapped", "no XMP", "blends in DeviceRGB"):
        assert any(expected in p for p in found), expected
    with pikepdf.open(out) as pdf:
        del pdf.pages[0].obj.TrimBox
        pdf.pages[1].Resources.Font.Plain = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                                BaseFont=pikepdf.Name.Helvetica)
        pdf.pages[1].obj.Contents = pdf.make_stream(pdf.pages[1].obj.Contents.read_bytes() + b"\n1 0 0 rg\n")
        found = preflight.problems(pdf)
    assert any("page 1: no /TrimBox" in p for p in found)
    assert any("Helvetica" in p and "not embedded" in p for p in found)
    assert any("page 2: DeviceRGB colour (rg)" in p for p in found)


def test_a_file_that_fails_the_preflight_stays_rgb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = build_kit(wallet_kit(tmp_path), Options(output=tmp_path / "w.pdf", mode="shop"))
    assert result.path is not None
    before = result.path.read_bytes()
    monkeypatch.setattr(preflight, "problems", lambda pdf: ["page 1: something a shop would refuse"])
    with pytest.raises(BarstError, match="would not be PDF/X-4, so the RGB file is kept: page 1: something"):
        pdfx.to_pdfx(result.path)
    assert result.path.read_bytes() == before


def test_black_and_grey_become_black_ink_alone() -> None:
    colours = pdfx.Colours(pdfx.profile().read_bytes())
    assert colours.cmyk(0, 0, 0) == (0, 0, 0, 1.0)
    assert colours.cmyk(1, 1, 1) == (0, 0, 0, 0.0)
    c, m, y, k = colours.cmyk(0.5, 0.5, 0.5)
    assert (c, m, y) == (0, 0, 0) and 0.4 < k < 0.7
    assert colours.black(64) > colours.black(128) > colours.black(192)  # darker grey, more ink
    c, m, y, k = colours.cmyk(0x56 / 255, 0xB4 / 255, 0xE9 / 255)  # the wallet card's sky blue
    assert c > 0.5 and y < 0.1 and k < 0.1


def test_kit_command_says_pdfx4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.pdf"
    assert main([str(wallet_kit(tmp_path)), "-o", str(out), "--mode", "shop", "--cmyk", "--no-progress"]) == 0
    assert "CMYK PDF/X-4, output intent FOGRA39" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"%PDF-1.6")


def test_raster_pictures_become_cmyk_and_keep_their_transparency(tmp_path: Path) -> None:
    """Photos and palette pictures beside the kit: RGB pixels go through the profile; alpha stays a soft mask."""
    photo = Image.new("RGBA", (40, 40), (0x56, 0xB4, 0xE9, 255))
    photo.paste((200, 30, 30, 0), (0, 0, 20, 40))  # left half see-through
    photo.save(tmp_path / "photo.png")
    Image.new("RGB", (30, 30), (255, 215, 0)).convert("P", palette=Image.Palette.ADAPTIVE).save(tmp_path / "flat.png")
    Image.new("RGB", (30, 30), (0, 120, 60)).save(tmp_path / "shot.jpg", quality=95)
    kit = decks_kit(tmp_path, "70x110", 3)
    text = kit.read_text(encoding="utf-8")
    for index, name in enumerate(("photo.png", "flat.png", "shot.jpg")):
        text = text.replace(f"{{id: c{index}, text: {{nl: kaart nummer {index}}}}}",
                            f"{{id: c{index}, picture: {name}, word: {{nl: foto}}}}")
    kit.write_text(text, encoding="utf-8")
    rgb, out, _ = both(tmp_path, kit)
    with pikepdf.open(rgb) as before:
        spaces = {str(x.ColorSpace if not isinstance(x.ColorSpace, pikepdf.Array) else x.ColorSpace[0])
                  for page in before.pages for x in page.Resources.get("/XObject", {}).values()}
    assert {"/DeviceRGB", "/Indexed"} <= spaces  # the test does cover a plain RGB and a palette picture
    with pikepdf.open(out) as pdf:
        assert preflight.problems(pdf) == []
        images = [x for page in pdf.pages[:6:2] for x in page.Resources.XObject.values()]
        assert len(images) == 3
        assert all(not preflight.is_rgb_space(x.ColorSpace) for x in images)
        assert "/SMask" in images[0]  # the see-through half is still see-through
        assert images[0].ColorSpace == "/DeviceCMYK" and images[0].BitsPerComponent == 8
        width, data = int(images[0].Width), images[0].read_bytes()
        assert len(data) == width * int(images[0].Height) * 4
        at = (20 * width + 30) * 4
        c, _m, y, k = data[at : at + 4]  # the sky-blue half
        assert c > 128 and y < 30 and k < 30
    proof, press = Pdf(rgb), Pdf(out)
    for index in (0, 2, 4):
        a = proof.doc[index].render(scale=1).to_pil().convert("RGB")
        b = press.doc[index].render(scale=1).to_pil().convert("RGB")
        histogram = ImageChops.difference(a, b).convert("L").histogram()
        assert sum(histogram[60:]) < 0.02 * a.width * a.height, index


def test_colours_chosen_by_colour_space_are_converted_too() -> None:
    """`/DeviceRGB cs 0.34 0.71 0.91 sc` (as other PDF writers draw) must become four CMYK operands."""
    pdf = pikepdf.new()
    stream = pdf.make_stream(b"/DeviceRGB cs 0.3373 0.7059 0.9137 sc /DeviceGray CS 0 SC /Pattern cs /P0 scn")
    colours = pdfx.Colours(pdfx.profile().read_bytes())
    out = pdfx._recolour(pikepdf.parse_content_stream(stream), colours)
    [(space, _), (fill, _), (gray, _), (black, _), (pattern, _), (named, _)] = out
    assert space == [pikepdf.Name.DeviceCMYK] and gray == [pikepdf.Name.DeviceCMYK]
    assert fill == list(colours.cmyk(0.3373, 0.7059, 0.9137)) and len(fill) == 4
    assert black == [0, 0, 0, 1.0]
    assert pattern == [pikepdf.Name.Pattern] and named == [pikepdf.Name("/P0")]  # patterns are left alone
