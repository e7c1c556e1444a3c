"""Every ending names help lines as data: the engine's EndingReached carries them, the adapters pick
those for the player's language and region (the emergency exit's selection), and every shipped ending
has a fitting line in every pack language."""

from __future__ import annotations

import pytest
from engine_support import ROUND_TRIP, drive
from support import PACKS, ROOT

from barst.engine import events as ev
from barst.engine.story import Choose, Start, StoryEngine
from barst.helplines import for_ending, load_helplines
from barst.loader import load_pack
from barst.model import Pack
from barst.runner import TextRunner

LINES = load_helplines()
MINI = load_pack(PACKS / "mini-story").pack
STORY = load_pack(ROOT / "scenarios/barst").pack
assert MINI is not None and STORY is not None


def _good_ending(pack: Pack, round_trip: bool, data: bool = True) -> ev.EndingReached:
    engine = StoryEngine(pack, LINES.lines if data else ())
    _, events = drive(engine, engine.new_state(), [Start("party"), Choose("ask"), Choose("friend")], round_trip)
    ending = events[-1]
    assert isinstance(ending, ev.EndingReached)
    return ending


@pytest.mark.parametrize("round_trip", ROUND_TRIP, ids=["straight", "saved-and-loaded"])
def test_the_ending_event_carries_the_lines_the_ending_names(round_trip: bool) -> None:
    assert MINI is not None
    ending = _good_ending(MINI, round_trip)
    assert [line.id for line in ending.helplines] == ["awel", "ecoute-enfants"]
    assert ending.helplines[0].number == "102"


def test_without_help_line_data_the_event_carries_none() -> None:
    assert MINI is not None
    assert _good_ending(MINI, False, data=False).helplines == ()


@pytest.mark.parametrize(("region", "lang", "numbers"), [
    ("flanders", "nl", ["102"]),
    ("flanders", "fr", ["103"]),  # a French speaker in Flanders gets the French line, as at the exit
    ("wallonia", "fr", ["103"]),
    ("wallonia", "nl", ["102"]),
    ("flanders", "en", ["102"]),  # no Belgian line speaks English: the region's lines
])
def test_an_ending_shows_its_lines_for_the_players_language_and_region(region: str, lang: str,
                                                                       numbers: list[str]) -> None:
    named = [line for line in LINES.lines if line.id in ("awel", "ecoute-enfants")]
    assert [line.number for line in for_ending(named, region, lang)] == numbers


def test_the_terminal_runner_prints_the_endings_lines() -> None:
    assert MINI is not None
    out: list[str] = []
    assert TextRunner(MINI, "fr", out.append).play_story("party", [1, 1], False, 0) == 0
    shown = "\n".join(out)
    assert "103" in shown and "Écoute-Enfants" in shown and "102 " not in shown


ENDINGS = [(situation.id, scene.id, scene.ending) for situation in STORY.situations
           for scene in situation.scenes if scene.ending is not None]


@pytest.mark.parametrize(("situation", "scene", "ending"), ENDINGS, ids=[f"{s}-{e}" for s, e, _ in ENDINGS])
def test_every_shipped_ending_has_a_fitting_line_in_every_pack_language(situation, scene, ending) -> None:
    assert STORY is not None
    named = [line for line in LINES.lines if line.id in ending.helplines]
    assert len(named) == len(ending.helplines), f"unknown help line in {ending.helplines}"
    for region in ("flanders", "wallonia", "brussels"):
        for lang in STORY.languages:
            shown = for_ending(named, region, lang)
            assert shown, f"{situation}/{scene}: nothing to show in {lang} ({region})"
            if lang in ("nl", "fr"):
                assert all(lang in line.languages for line in shown), (situation, scene, region, lang)


SUICIDE_SIGNALS = {"friend-at-home": "weeks-later", "shared-photo": "lina-view"}


@pytest.mark.parametrize("situation_id", sorted(SUICIDE_SIGNALS))
def test_suicide_signals_get_the_suicide_prevention_line_of_each_language(situation_id: str) -> None:
    """Elias ('ik ben niks waard', at midnight) and Lina ('wilde verdwijnen'): every ending after the
    signal names 1813 and the Centre de Prévention du Suicide, with a debrief line about it."""
    assert STORY is not None
    situation = STORY.situation(situation_id)
    signal = SUICIDE_SIGNALS[situation_id]
    after = [scene for scene in situation.scenes if scene.ending is not None
             and (signal in scene.ending.unlocks or _reachable_from(situation, signal, scene.id))]
    assert after
    for scene in after:
        assert scene.ending is not None
        assert {"zelfmoordlijn", "prevention-suicide"} <= set(scene.ending.helplines), scene.id
        debrief = " ".join(q.get("nl") or "" for q in scene.ending.debrief)
        assert "1813" in debrief, scene.id


def _reachable_from(situation, start: str, goal: str) -> bool:
    scenes = {scene.id: scene for scene in situation.scenes}
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name == goal:
            return True
        if name in seen or name not in scenes:
            continue
        seen.add(name)
        scene = scenes[name]
        todo += [c.target for c in scene.choices] + ([scene.next] if scene.next else [])
    return False


POINT_SCALE = {0, 2, 4, 6, 8}  # docs/authoring.md, "Points per choice"


def test_every_shipped_choice_uses_the_one_points_scale() -> None:
    assert STORY is not None
    off = [(s.id, scene.id, c.id, c.points) for s in STORY.situations for scene in s.scenes
           for c in scene.choices if c.points not in POINT_SCALE]
    assert off == []


def test_a_situation_not_yet_translated_says_so_and_is_checked_in_its_own_languages(tmp_path) -> None:
    """`languages` on a situation: B030 asks only for those; a missing one of them still warns."""
    import shutil

    from support import edit

    from barst.check import check_pack

    folder = tmp_path / "pack"
    shutil.copytree(PACKS / "mini-story", folder)
    edit(folder / "situations/party.yaml", "title: {nl: Het feestje, fr: La fête}",
         "title: {nl: Het feestje}\nlanguages: [nl]")
    assert [d.code for d in check_pack(folder).items] == []
    edit(folder / "situations/party.yaml", "title: {nl: Het feestje}", "title: {fr: La fête}")
    assert "B030" in [d.code for d in check_pack(folder).items]
