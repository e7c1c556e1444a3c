"""`barst translate extract` writes the same PO files however it computes them (the speed-up of the
"fits on screen" notes must not change a byte): recorded PO files of the test packs, and the shipped
story's PO file and awkward texts against the plain bisection the notes were first computed with."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from barst import paths
from barst.play.metrics import ROLES
from barst.textfit import fits_on_screen
from barst.translate import catalog, describe
from barst.translate.catalog import pack_catalog
from barst.translate.merge import merge
from barst.translate.po import to_po
from barst.translate.status import pack_status

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


@pytest.mark.parametrize(("pack", "lang"), [("mini-story", "fr"), ("mini-story", "en"), ("mini-story", "de"),
                                          ("mini-board", "fr"), ("mini-board", "de")])
def test_a_test_packs_po_file_is_byte_identical_to_the_recorded_one(copy_pack: Callable[[str], Path],
                                                                    pack: str, lang: str) -> None:
    folder = copy_pack(pack)
    expected = (GOLDEN / f"{pack}-{lang}.po").read_text(encoding="utf-8")
    assert po_text(folder, lang) == expected


def test_the_shipped_storys_po_file_is_byte_identical_to_the_bisections(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = paths.scenarios_dir() / "barst"
    written = po_text(folder, "de")
    monkeypatch.setattr(describe, "fit_note", bisection_fit_note)
    assert written.count("Fits on screen") > 500  # the notes are really compared
    assert written == po_text(folder, "de")


HARD_SOURCES = [
    "Ja",  # one short word, said a thousand times
    "x",
    "https://www.example.org/een/heel/lange/link/die/breder/is/dan/elke/regel/op/het/scherm/van/de/beamer/zelf",
    "Kort https://www.example.org/een/heel/lange/link/die/breder/is/dan/elke/regel/op/het/scherm kort",
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
    "Vrai ou faux\u202f? « Il faut en parler\u00a0»",
    "Eerste alinea.\n\nTweede alinea met meer woorden erin dan de eerste.",
    "een\x01stuurteken en\u202edraaiteken",
    "iiiiiiii llllllll MMMMMMMM ........ mmmmmmmm",
]


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize("source", HARD_SOURCES, ids=range(len(HARD_SOURCES)))
def test_the_fit_note_of_an_awkward_text_is_the_bisections(source: str, role: str) -> None:
    assert describe.fit_note(source, role) == bisection_fit_note(source, role)


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Zs", "Zl", "Zp", "Cc")),
                              min_size=1, max_size=40), min_size=1, max_size=12),
       role=st.sampled_from(sorted(ROLES)))
def test_the_fit_note_of_any_text_is_the_bisections(words: list[str], role: str) -> None:
    source = " ".join(words)
    assert describe.fit_note(source, role) == bisection_fit_note(source, role)


def test_merge_and_status_do_without_the_translators_notes(copy_pack: Callable[[str], Path], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Only extract writes the notes (and their fit lengths cost most of its time): merge and status
    neither show nor need them."""
    folder = copy_pack("mini-story")
    po = tmp_path / "de.po"
    po.write_text(to_po(pack_catalog(folder, "de")).__unicode__().replace('msgstr ""\n\n', 'msgstr "Hallo"\n\n', 1),
                  encoding="utf-8")

    def no_notes(pack: object) -> None:
        raise AssertionError("the notes were worked out")

    monkeypatch.setattr(catalog, "describe", no_notes)
    result = merge(po, str(folder))
    assert not result.report.errors and result.merged == 1 and result.written
    assert [s.lang for s in pack_status(folder).languages] == ["fr", "de"]
