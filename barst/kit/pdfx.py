"""Shop colour: turn the RGB card file into a CMYK PDF/X-4 file (ISO 15930-7) with a FOGRA39 output intent.

PDF/X-4 keeps what the cards are made of: vector drawings, live transparency and the embedded fonts, so
nothing is rasterised (Ghostscript's PDF/X-3 flattened every page with transparency to a 720 dpi picture).
Each tool does what it is made for: pikepdf (qpdf) reads and rewrites the PDF's structure; LittleCMS,
through Pillow's ImageCms, converts every colour with a real characterisation profile (assets/icc, built
from Fogra's FOGRA39 data). Black and grey text and lines go to black ink alone, as a prepress operator
would set them, so small type does not depend on four plates in register. The result is checked with
barst.kit.preflight before it replaces the RGB file.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from decimal import Decimal
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from barst import atomic, paths
from barst.diagnostics import BarstError

PROFILE_NAME = "FOGRA39-barst.icc"
# The ICC registry's name for the printing condition the profile characterises, so a shop's RIP can match it.
CONDITION_ID = "FOGRA39"
CONDITION = ("Offset printing, according to ISO 12647-2:2004/Amd 1, OFCOM, paper type 1 or 2 = coated art, "
             "115 g/m2, tone value increase curves A (CMY) and B (K)")
REGISTRY = "http://www.color.org"
PRODUCER = "barst kit (pikepdf, LittleCMS)"


def profile() -> Path:
    return paths.assets_dir() / "icc" / PROFILE_NAME


def to_pdfx(pdf: Path) -> str:
    """Convert `pdf` in place (atomically, only once the result passes the preflight); return one sentence
    for the command line."""
    try:
        import pikepdf
    except ImportError:
        return f"{pdf}: left in RGB: the CMYK export needs pikepdf (pip install pikepdf)."
    try:
        icc = profile().read_bytes()
    except OSError as exc:
        raise BarstError(f"Cannot read the CMYK profile {profile()}: {exc.strerror or exc}.") from None
    try:
        document = pikepdf.open(BytesIO(pdf.read_bytes()))  # read whole: the file is replaced afterwards
    except (OSError, pikepdf.PdfError) as exc:
        raise BarstError(f"Cannot read {pdf} to convert it to CMYK: {exc}.") from None
    with document:
        links = _convert(document, icc)
        _identify(document, icc, pdf.stem)
        buffer = BytesIO()
        document.save(buffer, force_version="1.6", fix_metadata_version=True)
    from barst.kit.preflight import problems

    with pikepdf.open(BytesIO(buffer.getvalue())) as written:
        found = problems(written)
    if found:
        shown = "; ".join(found[:3]) + (f" (and {len(found) - 3} more)" if len(found) > 3 else "")
        raise BarstError(f"{pdf}: the CMYK file would not be PDF/X-4, so the RGB file is kept: {shown}.")
    try:
        atomic.write_bytes(pdf, buffer.getvalue())
    except OSError as exc:
        raise BarstError(f"Cannot write {pdf}: {exc.strerror or exc}.") from None
    dropped = f"; {links} link areas left out (the QR codes carry the addresses)" if links else ""
    return f"{pdf}: CMYK PDF/X-4, output intent {CONDITION_ID} ({PROFILE_NAME}){dropped}."


# --- colour ----------------------------------------------------------------------------------------------

class Colours:
    """sRGB → CMYK through the profile (relative colorimetric with black-point compensation, the usual
    choice for graphics); neutral greys → black ink alone, matched in lightness."""

    def __init__(self, icc: bytes) -> None:
        from PIL import Image, ImageCms

        cmyk = ImageCms.ImageCmsProfile(BytesIO(icc))
        srgb = ImageCms.createProfile("sRGB")
        lab = ImageCms.createProfile("LAB")
        intent = ImageCms.Intent.RELATIVE_COLORIMETRIC
        self._image = Image
        self._cms = ImageCms
        self.to_cmyk = ImageCms.buildTransform(srgb, cmyk, "RGB", "CMYK", intent,
                                               flags=ImageCms.Flags.BLACKPOINTCOMPENSATION)
        greys = Image.frombytes("RGB", (256, 1), bytes(v for i in range(256) for v in (i, i, i)))
        inks = Image.frombytes("CMYK", (256, 1), bytes(v for i in range(256) for v in (0, 0, 0, i)))
        to_lab = ImageCms.buildTransform(srgb, lab, "RGB", "LAB", intent)
        ink_lab = ImageCms.buildTransform(cmyk, lab, "CMYK", "LAB", intent)
        self._grey_l = [float(v) for v in self._apply(greys, to_lab).tobytes()[0::3]]  # L* of each pixel
        self._ink_l = [float(v) for v in self._apply(inks, ink_lab).tobytes()[0::3]]
        self._known: dict[tuple[int, int, int], tuple[float, float, float, float]] = {}

    def cmyk(self, r: float, g: float, b: float) -> tuple[float, float, float, float]:
        key = (_byte(r), _byte(g), _byte(b))
        found = self._known.get(key)
        if found is None:
            if key[0] == key[1] == key[2]:
                found = (0.0, 0.0, 0.0, self.black(key[0]))
            else:
                c, m, y, k = self._apply(self._image.new("RGB", (1, 1), key), self.to_cmyk).tobytes()
                found = (round(c / 255, 4), round(m / 255, 4), round(y / 255, 4), round(k / 255, 4))
            self._known[key] = found
        return found

    def black(self, grey: int) -> float:
        """The black-ink tint as light as the sRGB grey `grey` (0–255), paper white and solid black matched
        to each other (black-point compensation along the lightness axis)."""
        dark_l, light_l = self._grey_l[0], self._grey_l[255]
        ink_dark, ink_light = self._ink_l[255], self._ink_l[0]
        target = ink_dark + (self._grey_l[grey] - dark_l) * (ink_light - ink_dark) / (light_l - dark_l)
        for k in range(1, 256):
            if self._ink_l[k] <= target:
                upper, lower = self._ink_l[k - 1], self._ink_l[k]
                share = (upper - target) / (upper - lower) if upper != lower else 0.0
                return round((k - 1 + share) / 255, 4)
        return 1.0

    def image(self, picture: Any) -> Any:
        """An RGB Pillow image converted to CMYK (its own ICC profile if it has one, else sRGB)."""
        embedded = picture.info.get("icc_profile")
        if embedded:
            try:
                source = self._cms.ImageCmsProfile(BytesIO(embedded))
                own = self._cms.buildTransform(source, self.to_cmyk.output_profile, "RGB", "CMYK",
                                               self._cms.Intent.RELATIVE_COLORIMETRIC,
                                               flags=self._cms.Flags.BLACKPOINTCOMPENSATION)
                return self._apply(picture.convert("RGB"), own)
            except (self._cms.PyCMSError, OSError):
                pass  # a broken embedded profile: sRGB is what a browser would assume too
        return self._apply(picture.convert("RGB"), self.to_cmyk)

    def _apply(self, picture: Any, transform: Any) -> Any:
        converted = self._cms.applyTransform(picture, transform)
        assert converted is not None  # None only for an in-place transform
        return converted


def _byte(value: float) -> int:
    return max(0, min(255, round(float(value) * 255)))


# --- the document ------------------------------------------------------------------------------------------

def _convert(document: Any, icc: bytes) -> int:
    """Convert every colour in place; drop the link areas (PDF/X forbids annotations on the printed area,
    and a card cannot be clicked). Return how many links were dropped."""
    import pikepdf
    from pikepdf import Name

    from barst.kit.preflight import content_holders

    colours = _colours(icc)
    converted: set[tuple[int, int]] = set()
    for _where, holder, resources in list(content_holders(document)):
        operations = pikepdf.parse_content_stream(holder)
        data = pikepdf.unparse_content_stream(_recolour(operations, colours))
        if isinstance(holder, pikepdf.Page):
            holder.obj.Contents = document.make_stream(data)
        else:
            holder.write(data)
        _recolour_group(holder.obj if isinstance(holder, pikepdf.Page) else holder)
        _recolour_resources(resources, colours, converted)
    links = 0
    for page in document.pages:
        links += len(page.obj.get("/Annots", []))
        if "/Annots" in page.obj:
            del page.obj.Annots
    for key in ("/OpenAction", "/AA"):  # PDF/X allows no actions; a shop's RIP opens no view anyway
        if key in document.Root:
            del document.Root[key]
    preferences = document.Root.get("/ViewerPreferences")
    if preferences is not None and "/Duplex" in preferences:
        del preferences[Name.Duplex]  # a PDF 1.7 key, and the shop's imposition decides the duplex
    return links


@cache
def _colours(icc: bytes) -> Colours:
    return Colours(icc)


def _recolour(operations: Any, colours: Colours) -> list[Any]:
    from pikepdf import Name, Operator

    out: list[Any] = []
    spaces = {"fill": "", "stroke": ""}  # device space chosen by cs/CS, when it is one we convert
    for instruction in operations:
        operands, operator = instruction.operands, instruction.operator
        op = str(operator)
        side = "stroke" if op.isupper() or op in ("SC", "SCN") else "fill"
        if op in ("rg", "RG") and len(operands) == 3:
            out.append((list(colours.cmyk(*operands)), Operator("k" if op == "rg" else "K")))
        elif op in ("g", "G") and len(operands) == 1:
            out.append(([0, 0, 0, colours.black(_byte(operands[0]))], Operator("k" if op == "g" else "K")))
        elif op in ("cs", "CS") and operands and operands[0] in (Name.DeviceRGB, Name.DeviceGray):
            spaces[side] = str(operands[0])
            out.append(([Name.DeviceCMYK], operator))
        elif op in ("cs", "CS"):
            spaces[side] = ""
            out.append((operands, operator))
        elif op.lower() in ("sc", "scn") and spaces[side] and all(isinstance(v, int | float | Decimal)
                                                                 for v in operands):
            values = [float(v) for v in operands]  # pikepdf reads reals as Decimal
            cmyk = colours.cmyk(*values) if len(values) == 3 else (0, 0, 0, colours.black(_byte(values[0])))
            out.append((list(cmyk), operator))
        else:
            out.append((operands, operator))
    return out


def _recolour_group(obj: Any) -> None:
    from pikepdf import Dictionary, Name

    group = obj.get("/Group")
    if isinstance(group, Dictionary) and group.get("/CS") in (Name.DeviceRGB, Name.DeviceGray):
        group.CS = Name.DeviceCMYK


def _recolour_resources(resources: Any, colours: Colours, converted: set[tuple[int, int]]) -> None:
    from pikepdf import Dictionary, Name

    for xobject in dict(resources.get("/XObject", {})).values():
        if xobject.get("/Subtype") == Name.Image and xobject.objgen not in converted:
            converted.add(xobject.objgen)
            _recolour_image(xobject, colours)
    shadings = list(dict(resources.get("/Shading", {})).values())
    shadings += [p.Shading for p in dict(resources.get("/Pattern", {})).values() if p.get("/PatternType") == 2]
    for shading in shadings:
        if shading.objgen not in converted or shading.objgen == (0, 0):
            converted.add(shading.objgen)
            _recolour_shading(shading, colours)
    for state in dict(resources.get("/ExtGState", {})).values():
        mask = state.get("/SMask")
        if isinstance(mask, Dictionary) and len(mask.get("/BC", [])) == 3:
            mask.BC = list(colours.cmyk(*mask.BC))


def _recolour_image(image: Any, colours: Colours) -> None:
    import pikepdf
    from pikepdf import Array, Name

    space = image.get("/ColorSpace")
    if isinstance(space, Array) and len(space) == 4 and space[0] == Name.Indexed and space[1] == Name.DeviceRGB:
        table = space[3].read_bytes() if isinstance(space[3], pikepdf.Stream) else bytes(space[3])
        count = len(table) // 3
        palette = colours._image.frombytes("RGB", (count, 1), table[: count * 3])
        image.ColorSpace = Array([Name.Indexed, Name.DeviceCMYK, space[2],
                                  pikepdf.String(colours.image(palette).tobytes())])
        return
    is_icc_rgb = isinstance(space, Array) and space[0] == Name.ICCBased and space[1].get("/N") == 3
    if space != Name.DeviceRGB and not is_icc_rgb:
        return  # grey, CMYK, masks: nothing to convert
    picture = pikepdf.PdfImage(image).as_pil_image()
    converted = colours.image(picture)
    image.write(converted.tobytes())  # saved Flate-compressed; no lossy JPEG round trip
    image.ColorSpace = Name.DeviceCMYK
    image.BitsPerComponent = 8
    for key in ("/DecodeParms", "/Decode"):
        if key in image:
            del image[key]


def _recolour_shading(shading: Any, colours: Colours) -> None:
    from pikepdf import Array, Dictionary, Name

    if shading.get("/ColorSpace") != Name.DeviceRGB:
        return

    def recolour_function(function: Any) -> bool:
        if not isinstance(function, Dictionary):
            return False
        if function.get("/FunctionType") == 2:
            for key, default in (("/C0", [0, 0, 0]), ("/C1", [1, 1, 1])):
                function[key] = Array(list(colours.cmyk(*function.get(key, default))))
            return True
        if function.get("/FunctionType") == 3:
            return all(recolour_function(f) for f in function.Functions)
        return False  # sampled or PostScript functions: left RGB, and the preflight says so

    function = shading.get("/Function")
    parts = list(function) if isinstance(function, Array) else [function]
    if function is not None and not all(recolour_function(f) for f in parts):
        return
    shading.ColorSpace = Name.DeviceCMYK
    if len(shading.get("/Background", [])) == 3:
        shading.Background = Array(list(colours.cmyk(*shading.Background)))


def _identify(document: Any, icc: bytes, title: str) -> None:
    """The output intent, the XMP and the document info that say which PDF/X this is and for which press."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    stream = document.make_stream(icc)
    stream.N = 4
    intent = Dictionary(Type=Name.OutputIntent, S=Name.GTS_PDFX, OutputConditionIdentifier=String(CONDITION_ID),
                        OutputCondition=String(CONDITION), RegistryName=String(REGISTRY),
                        Info=String(f"{CONDITION_ID} ({PROFILE_NAME})"), DestOutputProfile=stream)
    document.Root.OutputIntents = Array([document.make_indirect(intent)])
    info = document.docinfo
    title = str(info.get("/Title", "")).strip() or title
    now = datetime.now(timezone.utc).replace(microsecond=0)  # noqa: UP017  (mypy's Python 3.11 stubs)
    created = info.get("/CreationDate")
    with document.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
        meta["xmp:CreatorTool"] = str(info.get("/Creator", "barst kit"))
        meta["xmp:CreateDate"] = _xmp_date(created) or now.isoformat()
        meta["xmp:ModifyDate"] = now.isoformat()
        meta["xmp:MetadataDate"] = now.isoformat()
        meta["pdf:Producer"] = PRODUCER
        meta["pdf:Trapped"] = "False"
        meta["pdfxid:GTS_PDFXVersion"] = "PDF/X-4"
        meta["xmpMM:DocumentID"] = f"uuid:{uuid.uuid4()}"
        meta["xmpMM:InstanceID"] = f"uuid:{uuid.uuid4()}"
        meta["xmpMM:VersionID"] = "1"
        meta["xmpMM:RenditionClass"] = "default"
    info = document.docinfo  # open_metadata wrote Title, Producer and the dates back into it
    info.Trapped = Name("/False")  # barst does not trap; the shop's RIP may
    info.GTS_PDFXVersion = String("PDF/X-4")
    if "/CreationDate" not in info:
        info.CreationDate = String(now.strftime("D:%Y%m%d%H%M%SZ"))
    if "/ModDate" not in info:
        info.ModDate = String(now.strftime("D:%Y%m%d%H%M%SZ"))
    assert isinstance(document, pikepdf.Pdf)


def _xmp_date(value: Any) -> str | None:
    """A PDF date string (D:YYYYMMDDHHmmSS…) as an XMP date, or None."""
    from pikepdf.models.metadata import decode_pdf_date

    if value is None:
        return None
    try:
        return str(decode_pdf_date(str(value)).isoformat())
    except ValueError:
        return None
