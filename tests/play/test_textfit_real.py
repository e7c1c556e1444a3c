"""B070 against what the player really draws (headless pygame): the checker's boxes are exactly the boxes
the screens draw each text in, a text it warns about is really cut by the player, a text it passes is not,
and its measure gives the real line count."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pygame
import pytest
from drawn_texts import Recorder, board_screens, story_screens
from support import PACKS, ROOT, edit
from test_textfit_boxes import BOARD_CASES, FILLER, STORY, STORY_CASES, edge

from barst.check import check_pack
from barst.loader import load_pack
from barst.play import textboxes as tb
from barst.play.metrics import MIN_TEXT_PX, TEXT_STEPS
from barst.play.text import TextCache
from barst.textfit import draw_box, font_px

# The boxes each case's text is drawn in (the checker's), by case name.
STORY_BOXES = {
    "scene with choices": [tb.scene_text(True)], "scene without choices": [tb.scene_text(False)],
    "choice label": [tb.choice_button(), tb.chosen_label()], "feedback": [tb.feedback()], "impact": [tb.impact()],
    "verdict": [tb.verdict()], "what helps": [tb.helps()], "ending debrief": [tb.ending_debrief(1)],
    "speaker": [tb.speaker_line()],
    "situation title": [tb.top_title(), tb.overview_title(), tb.menu_title(1, False)],
    "unlock title": [tb.unlock_title()], "unlock text": [tb.unlock_text()],
}
BOARD_BOXES = {
    "true/false prompt": [tb.card_prompt("true_false", 0, False, False)],
    "case prompt beside the points": [tb.card_prompt("case", 0, True, True)],
    "deck title": [tb.deck_title_line(), tb.choose_deck_button()],
}


def _story_pack(tmp_path: Path, long: bool) -> tuple[Path, dict[str, str]]:
    """The mini story with every case's text at its edge: just fitting, or one word too long."""
    folder = tmp_path / f"story-{long}"
    shutil.copytree(PACKS / "mini-story", folder)
    texts: dict[str, str] = {}
    for index, (case, (old, form, fits)) in enumerate(sorted(STORY_CASES.items())):
        # a unique start, so each case's draws are its own
        short, _ = edge(lambda text, index=index, fits=fits: fits(f"{index} {text}"))
        # 4% more words (at least two): the checker's widths are up to 1% wide on purpose (never a miss), so
        # just over its edge the real font may still fit, by about 1% of the text
        words = len(short.split())
        longer = " ".join(FILLER[:words + max(2, words // 25)])
        text = f"{index} {longer if long else short}"
        texts[case] = text
        if case == "impact":
            old, form = "feedback: {nl: Je vriend luistert., fr: Ton ami écoute.}", \
                "feedback: {{nl: Je vriend luistert., fr: Ton ami écoute.}}\n        impact: {{nl: {}, fr: Peur.}}"
        edit(folder / STORY, old, form.format(text))
    return folder, texts


def _seen_boxes(recorder: Recorder, text: str, step: str) -> set[tuple[int, int, int, bool]]:
    return {(seen.width, seen.height, seen.asked, seen.bold) for seen in recorder.seen.get((text, step), [])}


def _no_tighter_box(others: set[tuple[int, int, int, bool]], checked: set[tuple[int, int, int, bool]], case: str,
                    step: str) -> None:
    """The other boxes a text is drawn in (the trainer's debrief page, the board's legend...) are not checked:
    each is at least as wide as a checked one at a font no larger, or a paragraph of two lines or more where
    the checked boxes include a single line (a title that fits on one line fits two)."""
    single = any(c[1] == 0 for c in checked)
    for width, height, px, _ in others:
        roomy = single and height >= 2 * round(px * 1.22)
        assert roomy or (width >= min(c[0] for c in checked) and px <= max(c[2] for c in checked)), \
            (case, step, width, height, px)


def _box_key(box: tb.Box, step: str) -> tuple[int, int, int, bool]:
    return round(box.width), round(box.height), font_px(box.size, step), box.bold


@pytest.fixture(scope="module")
def story_drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, tuple[Path, dict[str, str], Recorder]]:
    drawn = {}
    for long in (False, True):
        folder, texts = _story_pack(tmp_path_factory.mktemp("fit"), long)
        recorder = Recorder()
        story_screens(folder, recorder, ["nl"])
        drawn[long] = (folder, texts, recorder)
    return drawn


def test_the_checker_measures_each_story_text_in_the_box_the_screen_draws_it_in(story_drawn) -> None:
    _, texts, recorder = story_drawn[False]
    for case, boxes in {**STORY_BOXES, "content notes": []}.items():
        for step in TEXT_STEPS:
            seen = _seen_boxes(recorder, texts[case], step)  # the mini story's Sam has no role to add
            assert seen, (case, step, "never drawn")
            if case == "content notes":  # under the title's lines (here the title case's text)
                boxes = [tb.overview_notes(draw_box(texts["situation title"], tb.overview_title(), step).used)]
            expected = {_box_key(box, step) for box in boxes}
            assert expected <= seen, (case, step, expected - seen)
            _no_tighter_box(seen - expected, expected, case, step)


@pytest.mark.parametrize("long", [False, True])
def test_a_story_text_is_flagged_exactly_when_the_player_cuts_it(story_drawn, long: bool) -> None:
    folder, texts, recorder = story_drawn[long]
    flagged = {d.pos.line for d in check_pack(folder).warnings if d.code == "B070"}
    lines = (folder / STORY).read_text(encoding="utf-8").splitlines()
    for case, text in texts.items():
        line = next(i for i, t in enumerate(lines, 1) if text in t)
        cut = any(recorder.cut(text, step) for step in TEXT_STEPS)
        assert cut == long, (case, "the player", "cut" if cut else "did not cut", text)
        assert (line in flagged) == long, (case, "the checker")


def test_the_checker_measures_each_card_text_in_the_box_the_board_draws_it_in(tmp_path: Path) -> None:
    folder = tmp_path / "board"
    shutil.copytree(PACKS / "mini-board", folder)
    texts: dict[str, str] = {}
    for index, case in enumerate(BOARD_BOXES):
        file, old, form, fits = BOARD_CASES[case]
        texts[case] = f"{index} {edge(lambda text, index=index, fits=fits: fits(f'{index} {text}'))[0]}"
        edit(folder / file, old, form.format(texts[case]))
    recorder = Recorder()
    board_screens(folder, recorder)
    for case, boxes in BOARD_BOXES.items():
        for step in TEXT_STEPS:
            seen = _seen_boxes(recorder, texts[case], step)
            expected = {_box_key(box, step) for box in boxes}
            assert expected <= seen, (case, step, expected, seen)
            _no_tighter_box(seen - expected, expected, case, step)


def _shipped_texts() -> list[str]:
    """A fixed sample of the shipped packs' texts in every language."""
    found: list[str] = []
    for name in ("barst", "achter-de-voordeur"):
        loaded = load_pack(ROOT / "scenarios" / name)
        for text in loaded.texts:
            found.extend(value for value in text.values.values() if value.strip())
    random.Random(13).shuffle(found)
    return found[:160]


SAMPLE_BOXES = [tb.scene_text(True), tb.choice_button(), tb.feedback(), tb.helps(), tb.overview_notes(34),
                tb.helpline_name(3), tb.card_prompt("case", 0, True, True), tb.option_button(4), tb.verdict()]


def test_the_checker_counts_the_lines_pygame_draws(headless_pygame: None) -> None:
    """For a sample of shipped texts in the checker's boxes at every text size: the same size after shrinking
    and the same number of lines as the real font gives, except at most one line where a line ends within
    the table's 1% safety margin; and never "fits" where the player cuts."""
    cache = TextCache()
    off_by_one = 0
    total = 0
    for text in _shipped_texts():
        for box in SAMPLE_BOXES:
            for step in TEXT_STEPS:
                checker = draw_box(text, box, step)
                lines, px = cache.fit(text, font_px(box.size, step), box.bold, round(box.width), round(box.height),
                                      MIN_TEXT_PX)
                real = cache.wrap(text, px, box.bold, round(box.width))
                real_cut = len(real) > len(lines)
                total += 1
                if checker.fits:
                    assert not real_cut, (text, box.what, step)
                if (checker.px, checker.lines) != (px, len(real)):
                    off_by_one += 1
                    assert abs(checker.lines - len(real)) <= 1 or checker.px != px, (text, box.what, step)
    assert off_by_one <= total * 0.05, f"{off_by_one} of {total} differ"  # 3.2% when written


@pytest.fixture
def headless_pygame() -> object:
    pygame.font.init()
    yield None
