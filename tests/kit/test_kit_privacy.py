"""The trainer kit's privacy page: one page saying what the session report keeps and why, in the terms of
the GDPR, in every kit language (nl, fr, en, de), and the shipped trainer kit has it."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
import yaml

from barst.kit.build import Options, build_kit

ROOT = Path(__file__).resolve().parents[2]

KIT = """\
id: p
title: {nl: Test, fr: Test, en: Test, de: Test}
audience: adults
languages: [nl, fr, en, de]
pages:
  - id: before
    kind: rules
    title: {nl: Afspraken, fr: Règles, en: Rules, de: Regeln}
  - id: privacy
    kind: privacy
    title: {nl: Privacy, fr: Vie privée, en: Privacy, de: Datenschutz}
"""

# the sentences a reader must find: aggregates only, what is never kept, GDPR, where, how to delete
KEY_SENTENCES = {
    "nl": ["Per sessie alleen totalen", "Geen namen, geen vrije tekst, geen toestel-id's, geen IP-adressen",
           "geen tijdstip per leerling", "anonieme gegevens in de zin van de AVG", "Alleen op deze laptop",
           "barst report --delete ID wist één sessie", '"<5"'],
    "fr": ["Par séance, uniquement des totaux", "Aucun nom, aucun texte libre, aucun identifiant d'appareil",
           "aucune heure par élève", "voulus anonymes au sens du RGPD", "Uniquement sur cet ordinateur",
           "barst report --delete ID efface une séance", "<5"],
    "en": ["Per session, aggregates only", "No names, no free text, no device ids, no IP addresses",
           "no time per pupil", "anonymous data in the sense of the GDPR", "On this laptop only",
           "barst report --delete ID removes one session", '"<5"'],
    "de": ["Pro Sitzung nur Summen", "Keine Namen, kein freier Text, keine Geräte-IDs, keine IP-Adressen",
           "keine Uhrzeit pro Schüler", "anonyme Daten im Sinne der DSGVO", "Nur auf diesem Laptop",
           "barst report --delete ID löscht eine Sitzung", '"<5"'],
}


def flat(text: str) -> str:
    """The page's text with line breaks and non-breaking spaces as plain spaces."""
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("lang", sorted(KEY_SENTENCES))
def test_the_privacy_page_says_what_is_kept_and_how_to_delete_it_on_one_page(tmp_path: Path, lang: str) -> None:
    kit = tmp_path / "kit.yaml"
    kit.write_text(KIT, encoding="utf-8")
    out = tmp_path / f"p-{lang}.pdf"
    result = build_kit(kit, Options(output=out, lang=lang))
    assert not result.report.has_errors(), [d.format() for d in result.report.errors]
    pages = [flat(page.extract_text()) for page in pypdf.PdfReader(out).pages]
    holding = [i for i, text in enumerate(pages) if "--delete" in text]
    assert len(holding) == 1, "the note is one page"
    text = pages[holding[0]]
    for sentence in KEY_SENTENCES[lang]:
        assert flat(sentence) in text, (lang, sentence)
    assert "sessions" in text and "trainer-settings.json" in text


def test_the_shipped_trainer_kit_has_the_privacy_page_in_each_of_its_languages() -> None:
    data = yaml.safe_load((ROOT / "kits" / "train-the-trainer.yaml").read_text(encoding="utf-8"))
    [page] = [p for p in data["pages"] if p["kind"] == "privacy"]
    assert set(page["title"]) == set(data["languages"])
