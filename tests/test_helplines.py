"""Help lines reach everyone in Belgium: German speakers, French speakers in Flanders, the kits' pages."""

from __future__ import annotations

import pytest
from support import ROOT

from barst.cli import main
from barst.helplines import EXIT_TALK_LINES, load_helplines
from barst.model import REGIONS

LINES = load_helplines()
BELGIAN = [region for region in REGIONS if region != "netherlands"]
LISTENING = {"nl": "tele-onthaal", "fr": "tele-accueil", "de": "telefonhilfe"}


def test_the_shipped_help_lines_load_without_findings() -> None:
    assert [d.format() for d in LINES.report.items] == []


@pytest.mark.parametrize("region", BELGIAN)
def test_german_speakers_get_a_german_line_and_the_emergency_numbers_everywhere(region: str) -> None:
    chosen = [line.id for line in LINES.for_exit(region, "de")]
    assert chosen == ["telefonhilfe", "police", "emergency"]
    assert all(line.name.has("de") and line.hours.has("de") for line in LINES.for_exit(region, "de"))


@pytest.mark.parametrize("region", BELGIAN)
@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en"])
def test_the_exit_never_lists_more_lines_than_its_page_holds(region: str, lang: str) -> None:
    chosen = LINES.for_exit(region, lang)
    talk = [line for line in chosen if not line.emergency]
    assert 1 <= len(talk) <= EXIT_TALK_LINES
    assert [line.id for line in chosen[-2:]] == ["police", "emergency"]
    if lang in LISTENING:
        assert LISTENING[lang] in [line.id for line in talk]


def test_the_added_lines_carry_the_numbers_of_the_domain_notes() -> None:
    expected = {"child-focus": "116 000", "sos-viol": "0800 98 100", "prevention-suicide": "0800 32 123",
                "respect-seniors": "0800 30 330", "ecoute-seniors": "02 223 13 43", "home-info": "02 511 91 20",
                "telefonhilfe": "108"}
    for line_id, number in expected.items():
        line = LINES.by_id(line_id)
        assert line is not None and line.number == number, line_id
        assert line.source and line.checked, line_id
        assert line.tel_link() == "tel:" + ("+32" + number.replace(" ", "")[1:] if number.startswith("0")
                                            else number.replace(" ", ""))


def test_no_line_promises_specialists_around_the_clock_when_it_forwards_at_night() -> None:
    evc = LINES.by_id("ecoute-violences-conjugales")
    assert evc is not None
    assert "107" in evc.hours.get("fr") and "19" in evc.hours.get("fr")
    assert "10" in LINES.by_id("ecoute-enfants").hours.get("fr")  # type: ignore[union-attr]


def test_the_french_class_page_of_the_trainer_kit_lists_what_the_emergency_exit_lists() -> None:
    from barst.kit.compose import QrList, compose
    from barst.kit.load import load_kit

    loaded = load_kit(ROOT / "kits/train-the-trainer.yaml")
    assert not loaded.report.has_errors(), loaded.report.sorted()
    assert loaded.kit is not None
    for lang in ("fr", "nl"):
        content = compose(loaded, lang)
        page = next(p for p in content.pages if p.id == "helplines")
        numbers = [qr.number for block in page.blocks if isinstance(block, QrList) for qr in block.qrs]
        assert numbers == [line.number for line in LINES.for_exit(loaded.kit.region, lang)]
    french = compose(loaded, "fr")
    page = next(p for p in french.pages if p.id == "helplines")
    numbers = {qr.number for block in page.blocks if isinstance(block, QrList) for qr in block.qrs}
    assert {"0800 30 030", "103", "107"} <= numbers  # not only 101 and 112


def test_every_wallet_card_carries_101_112_and_the_listening_line_of_its_language() -> None:
    from barst.kit.compose import compose
    from barst.kit.load import load_kit

    loaded = load_kit(ROOT / "kits/helpline-card.yaml")
    assert loaded.kit is not None and not loaded.report.has_errors(), loaded.report.sorted()
    for edition in loaded.kit.editions:
        content = compose(loaded, edition.languages[0], edition)
        rows = [number.rstrip(" *") for deck in content.decks for job in deck.cards for number, _ in job.front.rows]
        assert {"101", "112"} <= set(rows), edition.id
        for lang in edition.languages:
            listening = LINES.by_id(LISTENING[lang])
            assert listening is not None and listening.number in rows, (edition.id, lang)
        names = " ".join(name for deck in content.decks for job in deck.cards for _, name in job.front.rows)
        assert "geweld" not in names.lower() and "violence" not in names.lower(), edition.id  # discreet


def test_the_command_line_knows_the_german_speaking_region(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["helplines", "--region", "ostbelgien", "--lang", "de"]) == 0
    out = capsys.readouterr().out
    assert "108" in out and "Telefonhilfe" in out and "112" in out


def test_every_shipped_line_cites_a_public_source() -> None:
    from barst.check.content_rules import check_helpline_sources
    from barst.diagnostics import Report

    report = Report()
    check_helpline_sources(LINES.lines, report)
    assert [d.format() for d in report.items] == []


@pytest.mark.parametrize(("source", "refused"), [
    ("domain notes (emergency numbers, Belgium)", True),
    ("shared/domain.md", True),
    ("content review 2026-12", True),
    ("the trainers told us", True),
    ("Awel", True),
    ("https://www.sos112.be/en/no-nonsense.html", False),
    ("awel.be", False),
    ("lalibre.be, dhnet.be 2020", False),
    ("FWB brochure 'Que faire si je suis confronté à une situation de maltraitance d'enfant ?', 2014", False),
])
def test_a_help_line_source_must_be_a_public_page_or_a_dated_document(source: str, refused: bool) -> None:
    import dataclasses

    from barst.check.content_rules import check_helpline_sources
    from barst.diagnostics import Report

    police = LINES.by_id("police")
    assert police is not None
    report = Report()
    check_helpline_sources([dataclasses.replace(police, source=source)], report)
    assert [d.code for d in report.items] == (["B061"] if refused else [])
