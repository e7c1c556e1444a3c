"""The shipped packs are complete enough to play end to end, in Dutch and French."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from support import ROOT

from barst.check import check_paths
from barst.engine import events as ev
from barst.engine.board import BoardEngine
from barst.engine.story import ChooseRandom, Continue, Start, StoryEngine
from barst.loader import load_pack
from barst.model import Pack, Situation, scene_map, start_scene
from barst.runner import TextRunner

STORY = load_pack(ROOT / "scenarios/barst").pack
BOARD = load_pack(ROOT / "scenarios/achter-de-voordeur").pack
assert STORY is not None and BOARD is not None
DUTCH_ONLY = re.compile(r"Veilig Thuis|meldcode|aandachtsfunctionaris", re.IGNORECASE)


def test_shipped_content_checks_clean() -> None:
    result = check_paths([ROOT / "scenarios/barst", ROOT / "scenarios/achter-de-voordeur",
                          ROOT / "assets/helplines.yaml"])
    assert [d.format() for d in result.report.items] == []


def test_story_pack_has_six_situations_with_notes_debrief_and_five_as() -> None:
    assert STORY is not None
    assert len(STORY.situations) >= 6
    for situation in STORY.situations:
        assert situation.content_notes and situation.debrief and situation.five_as, situation.id
        endings = [s for s in situation.scenes if s.ending is not None]
        assert len(endings) >= 3, situation.id
        assert {s.ending.kind for s in endings if s.ending} >= {"good", "bad"}, situation.id
        assert any(u.kind == "perspective" for u in situation.unlocks), situation.id


def _min_choice_points(situation: Situation) -> int:
    """Fewest scenes with a real choice on any path from the start to an ending."""
    scenes = scene_map(situation)
    best: dict[str, int] = {}

    def walk(name: str, seen: frozenset[str]) -> int:
        if name in best:
            return best[name]
        scene = scenes[name]
        if scene.ending is not None:
            return 0
        here = 1 if len(scene.choices) >= 2 else 0
        targets = [c.target for c in scene.choices] + ([scene.next] if scene.next else [])
        found = min((walk(t, seen | {name}) for t in targets if t not in seen), default=10**6)
        best[name] = here + found
        return best[name]

    first = start_scene(situation)
    assert first is not None
    return walk(first, frozenset())


@pytest.mark.parametrize("situation", STORY.situations, ids=lambda s: s.id)
def test_every_path_passes_three_choice_points(situation: Situation) -> None:
    assert _min_choice_points(situation) >= 3


@pytest.mark.parametrize("lang", ["nl", "fr"])
@pytest.mark.parametrize("situation", STORY.situations, ids=lambda s: s.id)
def test_every_situation_plays_to_an_ending_in_dutch_and_french(situation: Situation, lang: str) -> None:
    assert STORY is not None
    engine = StoryEngine(STORY)
    endings_seen = set()
    for seed in range(12):
        state, events = engine.step(engine.new_state(seed), Start(situation.id))
        for _ in range(100):
            if state.ending:
                break
            scene = engine.current_scene(state)
            assert scene is not None
            state, new = engine.step(state, ChooseRandom() if scene.choices else Continue())
            events += new
            assert not any(isinstance(e, ev.Rejected) for e in new), new
        assert state.ending, f"seed {seed} did not reach an ending"
        endings_seen.add(state.ending)
        shown = [e for e in events if isinstance(e, ev.SceneShown)]
        assert all(e.scene.text.has(lang) for e in shown)
    assert len(endings_seen) >= 2
    lines: list[str] = []
    assert TextRunner(STORY, lang, lines.append).play_story(situation.id, None, True, 3) == 0
    assert any("score" in line for line in lines)


def _card_texts(pack: Pack) -> dict[str, str]:
    """All text of each card, every language, as one string per card."""
    texts: dict[str, str] = {}
    for card in pack.cards:
        parts = [card.prompt, card.question, card.explanation, card.model_answer, *card.points,
                 *(option.text for option in card.options)]
        texts[card.id] = " ".join(value for part in parts if part for value in part.values.values())
    return texts


def test_board_pack_has_ninety_cards_fifteen_of_each_type_in_both_languages() -> None:
    assert BOARD is not None
    types = Counter(BOARD.deck(c.deck or "").type for c in BOARD.cards)  # type: ignore[union-attr]
    assert len(BOARD.cards) >= 90 and len(types) == 5 and min(types.values()) >= 15, types
    for card in BOARD.cards:
        assert card.prompt.has("nl") and card.prompt.has("fr"), card.id
        deck = BOARD.deck(card.deck or "")
        assert deck is not None
        if deck.type in ("true_false", "multiple_choice"):
            assert card.source, f"{card.id} has no source"


def test_board_cards_speak_of_belgian_institutions_not_dutch_ones() -> None:
    assert BOARD is not None
    for card_id, text in _card_texts(BOARD).items():
        if DUTCH_ONLY.search(text):
            # Only as an explicit contrast between the two countries.
            assert re.search(r"Nederland|Pays-Bas", text), card_id
            assert re.search(r"België|Belgique|Vlaams|Vlaanderen|flamand|Flandre", text), card_id


def test_a_whole_board_game_runs_to_the_end() -> None:
    assert BOARD is not None
    lines: list[str] = []
    assert TextRunner(BOARD, "fr", lines.append).play_board(None, True, 11, 4) == 0
    assert any("Fin de la partie" in line for line in lines)
    engine = BoardEngine(BOARD)
    assert engine.squares[0].special == "start" and engine.squares[-1].special == "finish"
