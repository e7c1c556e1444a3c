"""`barst translate extract` writes the same PO files however it computes them (the speed-up of the
"fits on screen" notes must not change a byte): a recorded PO file of the test story, and the shipped
packs' PO files against the plain bisection the notes were first computed with."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from barst import paths
from barst.textfit import fits_on_screen
from barst.translate import describe
from barst.translate.catalog import pack_catalog
from barst.translate.po import to_po

GOLDEN = Path(__file__).parent / "golden"
_STAMPS = re.compile(r'"(POT-Creation-Date|PO-Revision-Date|X-Generator): [^"]*"')


def po_text(folder: Path, lang: str) -> str:
    """The PO file extract writes, with the date and version lines (which change every run) blanked."""
    return _STAMPS.sub(r'"\1: -\\n"', to_po(pack_catalog(folder, lang)).__unicode__())


def bisection_fit_note(source: str, role: str) -> str:
    """The note as first written: bisect 1..4000 over samples of the source's words, each wrapped whole."""
    from barst.play.metrics import ROLES

    spec = ROLES[role]
    words = source.split() or ["text"]
    low, high = 1, 4000

    def sample(length: int) -> str:
        out: list[str] = []
        size = 0
        while size < length:
            word = words[len(out) % len(words)]
            out.append(word)
            size += len(word) + 1
        return " ".join(out)[:length]

    while low < high:
        middle = (low + high + 1) // 2
        if fits_on_screen(sample(middle), role):
            low = middle
        else:
            high = middle - 1
    return (f"Fits on screen at 1280x720 (default text size): about {low} characters "
            f"({spec.lines} line{'s' if spec.lines != 1 else ''}); the source has {len(source)}.")


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_the_test_storys_po_file_is_byte_identical_to_the_recorded_one(copy_pack: Callable[[str], Path],
                                                                       lang: str) -> None:
    folder = copy_pack("mini-story")
    expected = (GOLDEN / f"mini-story-{lang}.po").read_text(encoding="utf-8")
    assert po_text(folder, lang) == expected


@pytest.mark.parametrize("pack", ["barst", "achter-de-voordeur"])
def test_a_shipped_packs_po_file_is_byte_identical_to_the_bisections(pack: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = paths.scenarios_dir() / pack
    written = po_text(folder, "de")
    monkeypatch.setattr(describe, "fit_note", bisection_fit_note)
    assert written.count("Fits on screen") > (50 if pack == "barst" else 5)  # the notes are really compared
    assert written == po_text(folder, "de")
