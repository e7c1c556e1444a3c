"""Shop colour: turn the RGB card file into a CMYK PDF/X-3 file with an output intent, using Ghostscript.

Colour conversion, transparency flattening and the output intent are a prepress tool's job; Ghostscript
is well kept, free and packaged everywhere (`apt-get install ghostscript`), so barst calls it rather than
writing CMYK by hand. Without Ghostscript the RGB file stays as it is and the caller says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from barst.diagnostics import BarstError

# Ghostscript's own CMYK profile (SWOP-based): a sound default; a shop that wants FOGRA39 says so.
PROFILES = (Path("/usr/share/color/icc/ghostscript/default_cmyk.icc"),
            Path("/usr/local/share/color/icc/ghostscript/default_cmyk.icc"))
TIMEOUT = 600  # seconds: a 1000-card file takes about a minute on a slow laptop

_DEF = """%!
[ /GTS_PDFXVersion (PDF/X-3:2002) /Title ({title}) /Trapped /False /DOCINFO pdfmark
/ICCProfile ({icc}) def
[/_objdef {{icc_PDFX}} /type /stream /OBJ pdfmark
[{{icc_PDFX}} << /N 4 >> /PUT pdfmark
[{{icc_PDFX}} ICCProfile (r) file /PUT pdfmark
[/_objdef {{OutputIntent_PDFX}} /type /dict /OBJ pdfmark
[{{OutputIntent_PDFX}} << /Type /OutputIntent /S /GTS_PDFX /OutputCondition (Commercial and specialty printing)
  /Info (Artifex CMYK SWOP Profile) /OutputConditionIdentifier (CGATS TR 001) /RegistryName (http://www.color.org)
  /DestOutputProfile {{icc_PDFX}} >> /PUT pdfmark
[{{Catalog}} <</OutputIntents [ {{OutputIntent_PDFX}} ]>> /PUT pdfmark
"""


def ghostscript() -> str | None:
    return shutil.which("gs") or shutil.which("gswin64c")


def profile() -> Path | None:
    return next((p for p in PROFILES if p.is_file()), None)


def to_pdfx(pdf: Path) -> str:
    """Convert `pdf` in place (atomically); return one sentence for the command line."""
    gs, icc = ghostscript(), profile()
    if gs is None or icc is None:
        return (f"{pdf}: left in RGB: CMYK PDF/X needs Ghostscript and its CMYK profile "
                "(e.g. apt-get install ghostscript); most shops convert RGB themselves.")
    folder = pdf.resolve().parent
    with tempfile.TemporaryDirectory(dir=folder, prefix=".pdfx-") as work:
        definition = Path(work) / "pdfx_def.ps"
        definition.write_text(_DEF.format(title=_ps_string(pdf.stem), icc=_ps_string(str(icc))), encoding="ascii")
        out = Path(work) / "out.pdf"
        command = [gs, "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", f"--permit-file-read={icc}",
                   "-sDEVICE=pdfwrite", "-dPDFX", "-dPDFXCompatibilityPolicy=1",
                   "-sColorConversionStrategy=CMYK", "-sProcessColorModel=DeviceCMYK",
                   "-dHaveTransparency=false",  # PDF/X-3 allows no live transparency: flatten it
                   f"-sOutputICCProfile={icc}", f"-sOutputFile={out}", str(definition), str(pdf)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise BarstError(f"Ghostscript could not convert {pdf} to CMYK: {exc}.") from None
        if done.returncode != 0 or not out.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no message"]
            raise BarstError(f"Ghostscript could not convert {pdf} to CMYK: {detail[0]}.")
        os.replace(out, pdf)
    return f"{pdf}: CMYK PDF/X-3 (output intent: {icc.name})."


def _ps_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
