"""A PDF/X-4 preflight (ISO 15930-7) of what barst writes: the conversion checks its own file with it before it
claims PDF/X-4, and the tests read the shop files back with it.

There is no free PDF/X validator to call (veraPDF covers PDF/A and PDF/UA only), so these are the
requirements a prepress operator's preflight reports, each checked on the file as written. Not checked:
glyphs a font lacks (.notdef) and the PDF 1.6 size limits other than q/Q nesting, which barst's pages never
come near.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name

PDFX_VERSION = "PDF/X-4"
MAX_NESTING = 28  # q/Q levels, PDF 1.6's architectural limit
_RGB_OPERATORS = {"rg", "RG"}
_BANNED_FILTERS = {"/LZWDecode", "/JBIG2Decode", "/JPXDecode"}
_BLEND_MODES = {"/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten", "/ColorDodge",
                "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion", "/Hue", "/Saturation",
                "/Color", "/Luminosity"}
_PRINTABLE_ANNOTATIONS = {"/TrapNet", "/PrinterMark"}  # the only ones PDF/X lets into the bleed box


def problems(pdf: pikepdf.Pdf) -> list[str]:
    """Every PDF/X-4 requirement the file breaks, one sentence each; empty when it conforms."""
    found: list[str] = []
    found += _file_problems(pdf)
    found += _metadata_problems(pdf)
    found += _intent_problems(pdf)
    for number, page in enumerate(pdf.pages, 1):
        found += [f"page {number}: {p}" for p in _page_problems(page)]
    for where, holder, resources in content_holders(pdf):
        found += [f"{where}: {p}" for p in _content_problems(holder)]
        found += [f"{where}: {p}" for p in _resource_problems(resources)]
    return sorted(set(found), key=found.index)


def content_holders(pdf: pikepdf.Pdf) -> Iterator[tuple[str, Any, Any]]:
    """(where, page-or-stream, its resources) for every page, form, tiling pattern and soft mask, each once:
    everything that has a content stream of its own."""
    seen: set[tuple[int, int]] = set()
    for number, page in enumerate(pdf.pages, 1):
        resources = page.obj.get("/Resources", Dictionary())
        yield f"page {number}", page, resources
        yield from _nested(resources, f"page {number}", seen)


def _nested(resources: Any, where: str, seen: set[tuple[int, int]]) -> Iterator[tuple[str, Any, Any]]:
    streams: list[tuple[str, Any]] = []
    for name, xobject in dict(resources.get("/XObject", {})).items():
        if xobject.get("/Subtype") == Name.Form:
            streams.append((f"{where} form {name}", xobject))
    for name, pattern in dict(resources.get("/Pattern", {})).items():
        if pattern.get("/PatternType") == 1:
            streams.append((f"{where} pattern {name}", pattern))
    for name, state in dict(resources.get("/ExtGState", {})).items():
        mask = state.get("/SMask")
        if isinstance(mask, Dictionary) and "/G" in mask:
            streams.append((f"{where} soft mask {name}", mask.G))
    for label, stream in streams:
        if stream.objgen in seen and stream.objgen != (0, 0):
            continue
        seen.add(stream.objgen)
        inner = stream.get("/Resources", Dictionary())
        yield label, stream, inner
        yield from _nested(inner, label, seen)


# --- the document --------------------------------------------------------------------------------------

def _file_problems(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    if tuple(int(part) for part in pdf.pdf_version.split(".")) > (1, 6):
        found.append(f"the file says PDF {pdf.pdf_version}; PDF/X-4 is PDF 1.6 at most")
    if pdf.is_encrypted:
        found.append("the file is encrypted")
    if "/ID" not in pdf.trailer:
        found.append("the trailer has no file /ID")
    root = pdf.Root
    for key in ("/OpenAction", "/AA"):
        if key in root:
            found.append(f"the catalog has {key} (PDF/X allows no actions)")
    names = root.get("/Names", Dictionary())
    for key in ("/JavaScript", "/EmbeddedFiles"):
        if key in names:
            found.append(f"the catalog names {key}")
    found += _outline_problems(root.get("/Outlines"))
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            filters = obj.get("/Filter")
            names_used = [str(f) for f in filters] if isinstance(filters, Array) else [str(filters)]
            for banned in _BANNED_FILTERS.intersection(names_used):
                found.append(f"a stream is compressed with {banned}, which PDF/X forbids")
            if obj.get("/Subtype") == Name.PS:
                found.append("the file holds a PostScript XObject")
    return found


def _outline_problems(outlines: Any) -> list[str]:
    found = []
    item = outlines.get("/First") if isinstance(outlines, Dictionary) else None
    stack = [item] if item is not None else []
    seen: set[tuple[int, int]] = set()
    while stack:
        entry = stack.pop()
        if not isinstance(entry, Dictionary) or entry.objgen in seen:
            continue
        seen.add(entry.objgen)
        if "/A" in entry:
            found.append("a bookmark carries an action")
        stack += [entry[key] for key in ("/First", "/Next") if key in entry]
    return found


def _metadata_problems(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    info = pdf.trailer.get("/Info", Dictionary())
    if not str(info.get("/Title", "")).strip():
        found.append("the document has no /Title")
    for key in ("/CreationDate", "/ModDate"):
        if key not in info:
            found.append(f"the document info has no {key}")
    trapped = info.get("/Trapped")
    if trapped not in (Name("/True"), Name("/False")):
        found.append("/Trapped must be /True or /False")
    if "/GTS_PDFXVersion" in info and str(info.GTS_PDFXVersion) != PDFX_VERSION:
        found.append(f"/GTS_PDFXVersion in the document info is {info.GTS_PDFXVersion}, not {PDFX_VERSION}")
    if "/Metadata" not in pdf.Root:
        return [*found, "the catalog has no XMP /Metadata"]
    meta = pdf.open_metadata()
    wanted = {"pdfxid:GTS_PDFXVersion": PDFX_VERSION, "pdf:Trapped": "True" if trapped == Name("/True") else "False"}
    for key, value in wanted.items():
        if meta.get(key) != value:
            found.append(f"XMP {key} is {meta.get(key)!r}, not {value!r}")
    for key in ("dc:title", "xmp:CreateDate", "xmp:ModifyDate", "xmpMM:DocumentID", "xmpMM:VersionID",
                "xmpMM:RenditionClass"):
        if not meta.get(key):
            found.append(f"XMP has no {key}")
    return found


def _intent_problems(pdf: pikepdf.Pdf) -> list[str]:
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == Name.GTS_PDFX]
    if len(intents) != 1:
        return [f"the file has {len(intents)} GTS_PDFX output intents; PDF/X wants exactly one"]
    [intent] = intents
    found = []
    if not str(intent.get("/OutputConditionIdentifier", "")).strip():
        found.append("the output intent has no /OutputConditionIdentifier")
    profile = intent.get("/DestOutputProfile")
    if not isinstance(profile, pikepdf.Stream):
        return [*found, "the output intent embeds no /DestOutputProfile (PDF/X-4, unlike X-4p, needs it)"]
    data = profile.read_bytes()
    if len(data) < 128 or data[36:40] != b"acsp":
        return [*found, "the output intent's profile is not an ICC profile"]
    if data[12:16] != b"prtr":
        found.append(f"the output profile's class is {data[12:16]!r}, not an output (prtr) profile")
    if data[16:20] != b"CMYK" or profile.get("/N") != 4:
        found.append("the output profile is not a CMYK profile with /N 4")
    if (data[8], data[9] >> 4) > (4, 2):
        found.append(f"the output profile is ICC v{data[8]}.{data[9] >> 4}; PDF/X-4 takes v4.2 at most")
    return found


# --- pages and content -----------------------------------------------------------------------------------

def _page_problems(page: pikepdf.Page) -> list[str]:
    obj = page.obj
    found = []
    if "/TrimBox" not in obj and "/ArtBox" not in obj:
        return ["no /TrimBox (the shop would not know where to cut)"]
    if "/TrimBox" in obj and "/ArtBox" in obj:
        found.append("both /TrimBox and /ArtBox")
    media = _box(obj.MediaBox)
    crop = _box(obj.CropBox) if "/CropBox" in obj else media
    bleed = _box(obj.BleedBox) if "/BleedBox" in obj else crop
    trim = _box(obj.TrimBox if "/TrimBox" in obj else obj.ArtBox)
    for outer, inner, names in ((media, crop, "CropBox in MediaBox"), (crop, bleed, "BleedBox in CropBox"),
                                (bleed, trim, "TrimBox in BleedBox")):
        if not _inside(inner, outer):
            found.append(f"the boxes do not nest ({names})")
    if trim[2] - trim[0] <= 0 or trim[3] - trim[1] <= 0:
        found.append("the trim box is empty")
    for annotation in obj.get("/Annots", []):
        rect = _box(annotation.get("/Rect", Array([0, 0, 0, 0])))
        if annotation.get("/Subtype") not in _PRINTABLE_ANNOTATIONS and _overlaps(rect, bleed):
            found.append(f"a {annotation.get('/Subtype')} annotation lies inside the bleed box")
        if "/A" in annotation or "/AA" in annotation:
            found.append("an annotation carries an action")
    if "/AA" in obj:
        found.append("the page has actions (/AA)")
    group = obj.get("/Group")
    if isinstance(group, Dictionary) and group.get("/CS") == Name.DeviceRGB:
        found.append("the page's transparency group blends in DeviceRGB")
    return found


def _content_problems(holder: Any) -> list[str]:
    found = []
    depth = deepest = 0
    for instruction in pikepdf.parse_content_stream(holder):
        operands, op = instruction.operands, str(instruction.operator)
        if op == "q":
            depth += 1
            deepest = max(deepest, depth)
        elif op == "Q":
            depth -= 1
        elif op in _RGB_OPERATORS:
            found.append(f"DeviceRGB colour ({op}) with no conversion")
        elif op in ("cs", "CS") and operands and operands[0] == Name.DeviceRGB:
            found.append("DeviceRGB colour space selected")
        elif op == "INLINE IMAGE":
            space = operands[0].obj.get("/CS", operands[0].obj.get("/ColorSpace"))
            if space in (Name.DeviceRGB, Name.RGB):
                found.append("an inline image in DeviceRGB")
    if deepest > MAX_NESTING:
        found.append(f"q/Q nested {deepest} deep; PDF 1.6 allows {MAX_NESTING}")
    if isinstance(holder, pikepdf.Stream):
        group = holder.get("/Group")
        if isinstance(group, Dictionary) and group.get("/CS") == Name.DeviceRGB:
            found.append("a transparency group blends in DeviceRGB")
    return found


def _resource_problems(resources: Any) -> list[str]:
    found = []
    for name, xobject in dict(resources.get("/XObject", {})).items():
        if xobject.get("/Subtype") == Name.Image and is_rgb_space(xobject.get("/ColorSpace")):
            found.append(f"image {name} is in {_space_name(xobject.get('/ColorSpace'))}")
        if "/OPI" in xobject or "/Alternates" in xobject:
            found.append(f"XObject {name} has OPI or alternate images")
    for name, shading in _shadings(resources):
        if is_rgb_space(shading.get("/ColorSpace")):
            found.append(f"shading {name} is in {_space_name(shading.get('/ColorSpace'))}")
    for name, space in dict(resources.get("/ColorSpace", {})).items():
        if is_rgb_space(space):
            found.append(f"colour space {name} is device RGB")
    for name, state in dict(resources.get("/ExtGState", {})).items():
        for key in ("/TR", "/TR2", "/HT"):
            if key in state and state[key] != Name.Default:
                found.append(f"graphics state {name} sets {key} (transfer functions and halftones are the RIP's)")
        blend = state.get("/BM")
        modes = [str(b) for b in blend] if isinstance(blend, Array) else [str(blend)] if blend is not None else []
        if any(mode not in _BLEND_MODES for mode in modes):
            found.append(f"graphics state {name} uses a blend mode PDF does not define")
    for name, font in dict(resources.get("/Font", {})).items():
        if not _font_embedded(font):
            found.append(f"font {name} ({font.get('/BaseFont', '?')}) is not embedded")
    return found


def _shadings(resources: Any) -> Iterator[tuple[str, Any]]:
    yield from dict(resources.get("/Shading", {})).items()
    for name, pattern in dict(resources.get("/Pattern", {})).items():
        if pattern.get("/PatternType") == 2:
            yield name, pattern.Shading


def is_rgb_space(space: Any) -> bool:
    """DeviceRGB itself or an indexed palette over it: the RGB PDF/X-4 refuses without ICC characterisation."""
    if space == Name.DeviceRGB:
        return True
    return isinstance(space, Array) and len(space) >= 2 and space[0] == Name.Indexed and space[1] == Name.DeviceRGB


def _space_name(space: Any) -> str:
    return "an indexed DeviceRGB palette" if isinstance(space, Array) else "DeviceRGB"


def _font_embedded(font: Any) -> bool:
    if font.get("/Subtype") == Name.Type3:
        return True  # its glyphs are content streams inside the file
    if font.get("/Subtype") == Name.Type0:
        descendants = font.get("/DescendantFonts", [])
        return len(descendants) > 0 and all(_font_embedded(d) for d in descendants)
    descriptor = font.get("/FontDescriptor")
    programs = ("/FontFile", "/FontFile2", "/FontFile3")
    return isinstance(descriptor, Dictionary) and any(key in descriptor for key in programs)


def _box(array: Any) -> tuple[float, float, float, float]:
    x1, y1, x2, y2 = (float(v) for v in array)
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def _inside(inner: tuple[float, ...], outer: tuple[float, ...], slack: float = 0.01) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack and inner[2] <= outer[2] + slack
            and inner[3] <= outer[3] + slack)


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
