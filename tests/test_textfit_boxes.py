"""B070 on every kind of text: a text just short enough gets no warning, one word more gets one, at the
line of that text, naming the box, the language and the text size (see tests/play/test_textfit_real.py for
the same boxes against the real pygame rendering)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from support import PACKS, edit

from barst.check import check_pack
from barst.play import textboxes as tb
from barst.play.metrics import TEXT_STEPS
from barst.textfit import draw_box, draw_stack

SENTENCE = ("Sam kijkt weg en zegt niets meer terwijl de anderen gewoon verder praten over het feest van "
            "morgen avond bij Noor thuis")
FILLER = SENTENCE.split() * 40

Fits = Callable[[str], bool]


def fits_all(*boxes: tb.Box) -> Fits:
    return lambda text: all(draw_box(text, box, step).fits for box in boxes for step in TEXT_STEPS)


def edge(fits: Fits) -> tuple[str, str]:
    """The longest run of filler words that fits, and that run with one word more."""
    low, high = 1, len(FILLER)
    assert fits(FILLER[0]) and not fits(" ".join(FILLER))
    while high - low > 1:  # fits(low words), not fits(high words); the fit is monotone in the words
        middle = (low + high) // 2
        if fits(" ".join(FILLER[:middle])):
            low = middle
        else:
            high = middle
    return " ".join(FILLER[:low]), " ".join(FILLER[:high])


def b070(folder: Path, file: str, line: int) -> list[str]:
    return [d.message for d in check_pack(folder).warnings if d.code == "B070" and d.pos.file.endswith(file)
            and d.pos.line == line]


def line_of(path: Path, needle: str) -> int:
    return next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in text)


def _notes_fit(text: str) -> bool:
    """The overview's notes under the mini story's one-line title."""
    return all(draw_box(text, tb.overview_notes(draw_box("Het feestje", tb.overview_title(), step).used), step).fits
               for step in TEXT_STEPS)


STORY = "situations/party.yaml"
STORY_CASES: dict[str, tuple[str, str, Fits]] = {
    # name: (line to replace, its form with {} for the text, what must fit)
    "scene with choices": ("text: {nl: Jullie praten., fr: Vous parlez.}", "text: {{nl: {}, fr: Vous parlez.}}",
                           fits_all(tb.scene_text(True))),
    "scene without choices": ("text: {nl: Je bent alleen., fr: Tu es seul·e.}",
                              "text: {{nl: {}, fr: Tu es seul·e.}}", fits_all(tb.scene_text(False))),
    "choice label": ("label: {nl: Vraag waarom, fr: Demande pourquoi}", "label: {{nl: {}, fr: Demande pourquoi}}",
                     fits_all(tb.choice_button(), tb.chosen_label())),
    "feedback": ("feedback: {nl: Sam denkt na., fr: Sam réfléchit.}", "feedback: {{nl: {}, fr: Sam réfléchit.}}",
                 fits_all(tb.feedback())),
    "impact": ("feedback: {nl: Sam denkt na., fr: Sam réfléchit.}",
               "feedback: {{nl: Sam denkt na., fr: Sam réfléchit.}}\n        impact: {{nl: {}, fr: Sam a peur.}}",
               fits_all(tb.impact())),
    "verdict": ("verdict: {nl: Je zocht steun., fr: Tu as cherché du soutien.}",
                "verdict: {{nl: {}, fr: Tu as cherché du soutien.}}", fits_all(tb.verdict())),
    "what helps": ("helps: {nl: Anderen betrekken helpt., fr: Impliquer d'autres personnes aide.}",
                   "helps: {{nl: {}, fr: Impliquer d'autres personnes aide.}}", fits_all(tb.helps())),
    "ending debrief": ("- nl: Wat had je anders kunnen doen?", "- nl: {}", fits_all(tb.ending_debrief(1))),
    "content notes": ("content_notes: {nl: controle in een relatie, fr: contrôle dans une relation}",
                      "content_notes: {{nl: {}, fr: contrôle dans une relation}}", _notes_fit),
    "situation title": ("title: {nl: Het feestje, fr: La fête}", "title: {{nl: {}, fr: La fête}}",
                        fits_all(tb.top_title(), tb.overview_title(), tb.menu_title(1, False))),
    "speaker": ("name: {nl: Sam, fr: Sam}", "name: {{nl: {}, fr: Sam}}", fits_all(tb.speaker_line())),
    "unlock title": ("title: {nl: Wat Sam voelde, fr: Ce que Sam ressentait}",
                     "title: {{nl: {}, fr: Ce que Sam ressentait}}", fits_all(tb.unlock_title())),
    "unlock text": ("text: {nl: Sam was bang om je kwijt te raken., fr: Sam avait peur de te perdre.}",
                    "text: {{nl: {}, fr: Sam avait peur de te perdre.}}", fits_all(tb.unlock_text())),
}


@pytest.mark.parametrize("case", sorted(STORY_CASES))
def test_a_story_text_warns_exactly_when_it_does_not_fit(case: str, tmp_path: Path) -> None:
    old, form, fits = STORY_CASES[case]
    short, long = edge(fits)
    for text, warned in ((short, False), (long, True)):
        folder = tmp_path / str(warned)
        shutil.copytree(PACKS / "mini-story", folder)
        edit(folder / STORY, old, form.format(text))
        found = b070(folder, STORY, line_of(folder / STORY, text))
        assert bool(found) == warned, (case, text, found)
        if warned:
            assert "in 'nl'" in found[0] and "text size" in found[0] and "characters too long" in found[0]


BOARD_CASES: dict[str, tuple[str, str, str, Fits]] = {
    "true/false prompt": ("cards/tf.yaml",
                          "prompt: {nl: 1712 is een meldpunt., fr: Le 1712 est un point de signalement.}",
                          "prompt: {{nl: {}, fr: Le 1712 est un point de signalement.}}",
                          fits_all(tb.card_prompt("true_false", 0, False, False))),
    "case prompt beside the points": (
        "cards/case.yaml",
        "prompt: {nl: Een leerling komt vaak met blauwe plekken naar school., fr: Un élève arrive souvent à l'école "
        "avec des bleus.}",
        "prompt: {{nl: {}, fr: Un élève arrive souvent à l'école avec des bleus.}}",
        fits_all(tb.card_prompt("case", 0, True, True))),
    "deck title": ("pack.yaml", "title: {nl: Casus, fr: Cas}", "title: {{nl: {}, fr: Cas}}",
                   fits_all(tb.deck_title_line(), tb.choose_deck_button())),
    "true/false explanation and source": (
        "cards/tf.yaml", "explanation: {nl: 1712 is een hulplijn., fr: Le 1712 est une ligne d'aide.}",
        "explanation: {{nl: {}, fr: Le 1712 est une ligne d'aide.}}",
        lambda text: all(_closed_explanation_fits(text, "1712.be/nl/over-1712", step) for step in TEXT_STEPS)),
}


def _closed_explanation_fits(text: str, source: str, step: str) -> bool:
    """card_view.py draw_card_answer for a true/false card in nl, on a turn (one team answers)."""
    width, avail = tb.answer_area(1)
    used = draw_box("Juist antwoord: Niet waar", tb.right_answer(1), step).used
    drawn = draw_stack([tb.Section(text, 30), tb.Section(source, 22)], width, avail - used - 14, step)
    return all(part.fits for part in drawn)


@pytest.mark.parametrize("case", sorted(BOARD_CASES))
def test_a_board_text_warns_exactly_when_it_does_not_fit(case: str, tmp_path: Path) -> None:
    file, old, form, fits = BOARD_CASES[case]
    short, long = edge(fits)
    for text, warned in ((short, False), (long, True)):
        folder = tmp_path / str(warned)
        shutil.copytree(PACKS / "mini-board", folder)
        edit(folder / file, old, form.format(text))
        found = b070(folder, file, line_of(folder / file, text))
        assert bool(found) == warned, (case, text, found)


def test_the_message_names_the_box_the_sizes_and_how_much(tmp_path: Path) -> None:
    shutil.copytree(PACKS / "mini-story", tmp_path / "p")
    _, long = edge(fits_all(tb.feedback()))
    edit(tmp_path / "p" / STORY, "feedback: {nl: Sam denkt na., fr: Sam réfléchit.}",
         f"feedback: {{nl: Sam denkt na., fr: '{long} {long}'}}")
    found = b070(tmp_path / "p", STORY, line_of(tmp_path / "p" / STORY, long))
    assert len(found) == 1
    message = found[0]
    assert message.startswith("the feedback in 'fr' does not fit at 1280x720 at text sizes small, normal and large")
    assert "where 8 fit" in message and "characters too long at large" in message


def test_a_shipped_group_rule_that_grew_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    from barst.play import i18n

    real = i18n.load_strings

    def longer(lang: str, prefix: str = "") -> dict[str, str]:
        words = dict(real(lang, prefix))
        if not prefix:
            words["rule_4"] = " ".join([words["rule_4"]] * 8)
        return words

    from barst.check import fit_rules

    monkeypatch.setattr(fit_rules, "load_strings", longer)
    found = [d for d in check_pack(PACKS / "mini-story").warnings if d.code == "B070"]
    assert [(d.pos.file.rsplit("/", 1)[-1], "group rule" in d.message) for d in found] == [
        ("nl.yaml", True), ("fr.yaml", True)]
