"""`barst translate`: PO files out and back, fuzzy entries, errors with the PO file's line numbers."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from support import ROOT, edit

from barst import paths
from barst.cli import main
from barst.loader import load_pack
from barst.translate.catalog import pack_catalog, read_records, ui_catalog
from barst.translate.merge import merge
from barst.translate.po import to_po
from barst.translate.status import pack_status, ui_status

HAND_WRITTEN_EN = """\
# English, written by hand: comments and this order must survive a merge that changes nothing.
party/start.text: Sam says you can't go.
party.title: "The party"
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def extract(target: Path | str, lang: str, out: Path) -> Path:
    catalog = ui_catalog(lang) if target == "ui" else pack_catalog(Path(target), lang)
    out.write_text(to_po(catalog).__unicode__(), encoding="utf-8")
    return out


def translate_all(po_path: Path, prefix: str = "EN ") -> None:
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = entry.msgstr or prefix + entry.msgid
    po.save(str(po_path))


@pytest.fixture
def story(copy_pack: Callable[[str], Path]) -> Path:
    folder = copy_pack("mini-story")
    edit(folder / "pack.yaml", "languages: [nl, fr]", "languages: [nl, fr, en]")
    (folder / "translations").mkdir()
    (folder / "translations/en.yaml").write_text(HAND_WRITTEN_EN, encoding="utf-8")
    return folder


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_extract_then_merge_of_an_unchanged_po_leaves_the_pack_byte_identical(story: Path, tmp_path: Path,
                                                                               lang: str) -> None:
    before = snapshot(story)
    po = extract(story, lang, tmp_path / f"{lang}.po")
    result = merge(po, str(story))
    assert not result.report.errors and result.written == [] and not result.fuzzy
    assert snapshot(story) == before


def test_the_shipped_story_round_trips_byte_identical_in_every_language(copy_pack: Callable[[str], Path],
                                                                        tmp_path: Path) -> None:
    folder = copy_pack("barst")
    before = snapshot(folder)
    for lang in ("fr", "en", "de"):
        result = merge(extract(folder, lang, tmp_path / f"{lang}.po"), str(folder))
        assert not result.report.errors and result.written == [], lang
    assert snapshot(folder) == before


def test_merge_writes_the_translation_file_the_loader_reads(story: Path, tmp_path: Path) -> None:
    po = extract(story, "de", tmp_path / "de.po")
    translate_all(po, "DE ")
    result = merge(po, str(story))
    assert result.written == [story / "translations/de.yaml"] and not result.report.errors
    loaded = load_pack(story)
    assert not loaded.report.errors
    scene = loaded.pack.situation("party").scenes[0]  # type: ignore[union-attr]
    assert scene.text.values["de"] == "DE Sam zegt dat je niet mag gaan."
    assert read_records(story / "translations/de.yaml")["party/start.text"] == "Sam zegt dat je niet mag gaan."
    again = extract(story, "de", tmp_path / "again.po")
    before = snapshot(story)
    assert merge(again, str(story)).written == [] and snapshot(story) == before


def test_a_changed_source_text_makes_its_entry_fuzzy_and_it_is_reported(story: Path, tmp_path: Path) -> None:
    po = extract(story, "de", tmp_path / "de.po")
    translate_all(po, "DE ")
    merge(po, str(story))
    edit(story / "situations/party.yaml", "Sam zegt dat je niet mag gaan.", "Sam zegt dat je thuis moet blijven.")

    status = pack_status(story, "de").languages[0]
    assert [e.address for e in status.fuzzy] == ["party/start.text"]
    fresh = polib.pofile(str(extract(story, "de", tmp_path / "fresh.po")))
    entry = next(e for e in fresh if e.msgctxt == "party/start.text")
    assert entry.fuzzy and entry.previous_msgid == "Sam zegt dat je niet mag gaan."
    assert entry.msgid == "Sam zegt dat je thuis moet blijven." and entry.msgstr.startswith("DE ")

    # The old PO file (made before the change) merged now: kept, but fuzzy and reported with its line.
    result = merge(po, str(story))
    assert [f.address for f in result.fuzzy] == ["party/start.text"]
    line = result.fuzzy[0].pos.line
    assert po.read_text(encoding="utf-8").splitlines()[line - 1].startswith("msgstr")
    assert pack_status(story, "de").languages[0].fuzzy

    # Reviewed in Poedit: the flag cleared, merged again: no longer fuzzy.
    fresh_file = tmp_path / "fresh.po"
    reviewed = polib.pofile(str(fresh_file))
    for item in reviewed:
        if item.msgctxt == "party/start.text":
            item.flags.remove("fuzzy")
            item.previous_msgid = None
            item.msgstr = "DE Sam sagt, du musst zu Hause bleiben."
    reviewed.save(str(fresh_file))
    assert merge(fresh_file, str(story)).fuzzy == []
    assert pack_status(story, "de").languages[0].fuzzy == []


def test_a_fuzzy_entry_reviewed_with_its_translation_unchanged_is_no_longer_fuzzy(story: Path, tmp_path: Path) -> None:
    # The translator reads the new source, finds the old translation still right and only clears the flag
    # (Poedit: "Needs work" off). Merge must record the new source, not keep the stale record.
    po = extract(story, "de", tmp_path / "de.po")
    translate_all(po, "DE ")
    merge(po, str(story))
    edit(story / "situations/party.yaml", "Sam zegt dat je niet mag gaan.", "Sam zegt dat je thuis moet blijven.")
    for keep_previous in (True, False):  # Poedit may leave the `#|` lines; msgattr --clear-previous drops them
        fresh = extract(story, "de", tmp_path / "fresh.po")
        reviewed = polib.pofile(str(fresh))
        for item in reviewed:
            if item.msgctxt == "party/start.text":
                assert item.fuzzy
                item.flags.remove("fuzzy")
                if not keep_previous:
                    item.previous_msgid = None
        reviewed.save(str(fresh))
        result = merge(fresh, str(story))
        assert result.fuzzy == [] and result.written == [story / "translations/de.yaml"], keep_previous
        assert pack_status(story, "de").languages[0].fuzzy == [], keep_previous
        records = read_records(story / "translations/de.yaml")
        assert records["party/start.text"] == "Sam zegt dat je thuis moet blijven."
        assert merge(fresh, str(story)).written == []  # and merging it again changes nothing
        edit(story / "translations/de.yaml", "Sam zegt dat je thuis moet blijven.", "Sam zegt dat je niet mag gaan.")


def test_a_po_edited_in_another_tools_style_merges_the_same(copy_pack: Callable[[str], Path], tmp_path: Path) -> None:
    first = copy_pack("mini-story")
    second = tmp_path / "second"
    shutil.copytree(first, second)
    po = extract(first, "de", tmp_path / "de.po")
    translate_all(po, "Übersetzt: ")
    restyled = polib.pofile(str(po), wrapwidth=30)
    entries = list(reversed(list(restyled)))
    restyled.clear()
    restyled.extend(entries)
    restyled.append(polib.POEntry(msgctxt="party/gone.text", msgid="Weg.", msgstr="Fort.", obsolete=True))
    restyled.wrapwidth = 30
    other = tmp_path / "other.po"
    other.write_text(restyled.__unicode__(), encoding="utf-8")
    text = other.read_text(encoding="utf-8")
    assert "#~ msgctxt" in text and any(len(line) <= 32 and line.startswith('"') for line in text.splitlines())
    assert merge(po, str(first)).written and merge(other, str(second)).written
    assert (first / "translations/de.yaml").read_bytes() == (second / "translations/de.yaml").read_bytes()


def test_an_unknown_address_is_an_error_with_the_po_line_and_nothing_is_written(story: Path, tmp_path: Path) -> None:
    po = extract(story, "de", tmp_path / "de.po")
    translate_all(po)
    edit(po, 'msgctxt "party/talk.text"', 'msgctxt "party/tlak.text"')
    line = po.read_text(encoding="utf-8").splitlines().index('msgctxt "party/tlak.text"') + 1
    before = snapshot(story)
    result = merge(po, str(story))
    [error] = result.report.errors
    assert error.code == "T002" and error.pos.line == line and "party/tlak.text" in error.message
    assert error.format().startswith(f"{po.name}:{line}:1: error[T002]") or f"de.po:{line}:1" in error.format()
    assert snapshot(story) == before


def test_placeholders_that_differ_from_the_source_are_errors_with_the_po_line(ui_copy: Path, tmp_path: Path) -> None:
    po = extract("ui", "de", tmp_path / "de.po")
    entries = polib.pofile(str(po))
    target = next(e for e in entries if e.msgctxt == "board:turn_of")
    target.msgstr = "Jetzt spielt: {mannschaft}"
    entries.save(str(po))
    line = po.read_text(encoding="utf-8").splitlines().index('msgstr "Jetzt spielt: {mannschaft}"') + 1
    before = snapshot(ui_copy)
    result = merge(po, "ui")
    [error] = result.report.errors
    assert error.code == "T003" and error.pos.line == line
    assert "{team}" in error.message and "{mannschaft}" in error.message
    assert snapshot(ui_copy) == before


@pytest.fixture
def ui_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The interface words copied aside, so merges in tests never touch the shipped files."""
    assets = tmp_path / "assets"
    shutil.copytree(ROOT / "assets" / "ui", assets / "ui")
    shutil.copy(ROOT / "assets" / "helplines.yaml", assets / "helplines.yaml")
    monkeypatch.setattr(paths, "assets_dir", lambda: assets)
    return assets / "ui"


@pytest.mark.parametrize("lang", ["nl", "fr", "de"])
def test_the_interface_words_round_trip_byte_identical(ui_copy: Path, tmp_path: Path, lang: str) -> None:
    before = snapshot(ui_copy)
    result = merge(extract("ui", lang, tmp_path / f"ui-{lang}.po"), "ui")
    assert not result.report.errors and result.written == []
    assert snapshot(ui_copy) == before


def test_a_merged_interface_word_reaches_its_own_file_only(ui_copy: Path, tmp_path: Path) -> None:
    po = extract("ui", "fr", tmp_path / "fr.po")
    entries = polib.pofile(str(po))
    next(e for e in entries if e.msgctxt == "runner:why").msgstr = "Pourquoi donc :"
    entries.save(str(po))
    before = snapshot(ui_copy)
    result = merge(po, "ui")
    assert result.written == [ui_copy / "runner-fr.yaml"]
    after = snapshot(ui_copy)
    assert {name for name in after if after[name] != before[name]} == {"runner-fr.yaml"}
    assert "why: 'Pourquoi donc :'" in (ui_copy / "runner-fr.yaml").read_text(encoding="utf-8")


def test_every_interface_word_of_every_language_is_there() -> None:
    statuses = ui_status().languages
    assert [s.lang for s in statuses] == ["nl", "fr", "de"]
    for status in statuses:
        gaps = [e.address for e in status.missing + status.fuzzy]
        assert gaps == [] and status.translated > 300, (status.lang, gaps)


def test_status_lists_every_missing_text_without_a_cut(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = len(pack_catalog(story, "de").entries)
    assert texts > 10
    assert main(["translate", "status", str(story), "--lang", "de"]) == 0
    out = capsys.readouterr().out
    assert f"de: 0 of {texts} translated, 0 fuzzy, {texts} missing" in out
    assert sum(1 for line in out.splitlines() if line.strip().startswith("missing ")) == texts
    assert "more" not in out


def test_a_po_file_with_broken_syntax_is_a_clear_error(story: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    po = extract(story, "de", tmp_path / "de.po")
    lines = po.read_text(encoding="utf-8").splitlines()
    lines.insert(30, "this is not po")
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["translate", "merge", str(po), str(story)]) == 1
    err = capsys.readouterr().err
    assert "error[T001]" in err and ":31:1:" in err and "Traceback" not in err


def test_the_cli_extracts_and_merges(story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = tmp_path / "out.po"
    assert main(["translate", "extract", str(story), "--lang", "de", "-o", str(po)]) == 0
    assert "texts, 0 already translated" in capsys.readouterr().out
    translate_all(po, "DE ")
    assert main(["translate", "merge", str(po), str(story)]) == 0
    assert "translations/de.yaml" in capsys.readouterr().out
    assert main(["translate", "extract", str(story), "--lang", "nl"]) == 1
    assert "source language" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("msgfmt") is None,
                    reason="msgfmt (Debian package gettext) is not installed: `apt-get install -y gettext`")
@pytest.mark.parametrize("target,lang", [("barst", "de"), ("barst", "fr"), ("achter-de-voordeur", "fr"),
                                         ("ui", "de"), ("ui", "nl")])
def test_extracted_po_files_pass_msgfmt_check(target: str, lang: str, tmp_path: Path) -> None:
    folder: Path | str = "ui" if target == "ui" else ROOT / "scenarios" / target
    po = extract(folder, lang, tmp_path / f"{target}-{lang}.po")
    result = subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(po)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stderr == "", result.stderr


@pytest.mark.skipif(shutil.which("msgfmt") is None,
                    reason="msgfmt (Debian package gettext) is not installed: `apt-get install -y gettext`")
def test_msgfmt_check_catches_a_broken_placeholder_like_barst_does(tmp_path: Path) -> None:
    po = extract("ui", "de", tmp_path / "de.po")
    entries = polib.pofile(str(po))
    next(e for e in entries if e.msgctxt == "board:turn_of").msgstr = "Jetzt spielt: {mannschaft}"
    entries.save(str(po))
    result = subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(po)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0  # the python-brace-format flag makes msgfmt compare the placeholders


def test_check_reports_every_missing_text_per_language_with_no_cut(story: Path) -> None:
    from barst.check import check_pack

    edit(story / "pack.yaml", "languages: [nl, fr, en]", "languages: [nl, fr, en, de]")
    edit(story / "situations/party.yaml", "summary: {nl: Je vriendin mag niet mee., fr: Ton amie ne peut pas venir.}",
         "summary: {nl: Je vriendin mag niet mee.}")
    edit(story / "situations/party.yaml", "label: {nl: Vraag waarom, fr: Demande pourquoi}", "label: Vraag waarom")
    findings = [d for d in check_pack(story).warnings if d.code == "B030"]
    by_lang: dict[str, list[str]] = {}
    for finding in findings:
        lang = finding.message.split("'")[1]
        by_lang.setdefault(lang, []).append(finding.message.split(" for ", 1)[1])
    assert sorted(by_lang["fr"]) == ["party.summary", "party/start/ask.label"]
    assert len(by_lang["de"]) == len(pack_catalog(story, "de").entries)
    assert len(set(by_lang["de"])) == len(by_lang["de"])
    assert not any("more" in finding.message for finding in findings)


def test_a_merge_that_would_write_a_file_too_large_to_load_writes_nothing(story: Path, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # At 40,000 texts a language's translation file passed the loader's limit (B002): merge wrote a pack
    # that no longer loaded. It now refuses, before writing anything.
    from barst.translate import merge as merging

    po = extract(story, "de", tmp_path / "de.po")
    translate_all(po, "DE ")
    before = snapshot(story)
    monkeypatch.setattr(merging, "MAX_FILE_BYTES", 200)
    result = merge(po, str(story))
    assert [d.code for d in result.report.errors] == ["T007"]
    assert result.written == [] and snapshot(story) == before
    monkeypatch.undo()
    assert merge(po, str(story)).written == [story / "translations/de.yaml"]
