"""Every situation of the shipped story pack plays to every one of its endings: the engine finds a
sequence of choice numbers for each ending, and `barst run --choices` with that sequence reaches it
(in Dutch and French), showing the ending's help lines."""

from __future__ import annotations

import pytest
from support import ROOT

from barst.cli import main
from barst.engine import events as ev
from barst.engine.story import ChooseNumber, Continue, Start, StoryEngine, StoryState
from barst.helplines import for_ending, load_helplines
from barst.loader import load_pack

STORY = load_pack(ROOT / "scenarios/barst").pack
assert STORY is not None
NEW_SITUATIONS = ["after-breakup", "game-over", "only-mine", "my-voice"]


def routes(situation: str) -> dict[str, list[int]]:
    """For each ending, the shortest list of choice numbers that reaches it (breadth first)."""
    assert STORY is not None
    engine = StoryEngine(STORY)
    state, _ = engine.step(engine.new_state(0), Start(situation))
    found: dict[str, list[int]] = {}
    frontier: list[tuple[StoryState, list[int]]] = [(state, [])]
    seen: set[str] = set()
    while frontier:
        state, numbers = frontier.pop(0)
        while state.ending is None and (scene := engine.current_scene(state)) is not None and not scene.choices:
            state, _ = engine.step(state, Continue())
        if state.ending is not None:
            found.setdefault(state.ending, numbers)
            continue
        key = f"{state.scene}|{sorted(state.values.items())}|{sorted(state.used_once)}"
        if key in seen or len(numbers) > 12:
            continue
        seen.add(key)
        scene = engine.current_scene(state)
        assert scene is not None
        for number in range(1, len(scene.choices) + 1):
            after, events = engine.step(state, ChooseNumber(number))
            if not any(isinstance(e, ev.Rejected) for e in events):
                frontier.append((after, [*numbers, number]))
    return found


@pytest.mark.parametrize("situation", STORY.situations, ids=lambda s: s.id)
def test_every_ending_of_every_situation_can_be_reached(situation) -> None:
    endings = {scene.id for scene in situation.scenes if scene.ending is not None}
    assert set(routes(situation.id)) == endings


@pytest.mark.parametrize("lang", ["nl", "fr"])
@pytest.mark.parametrize("situation", NEW_SITUATIONS)
def test_barst_run_with_scripted_choices_reaches_each_new_ending(situation: str, lang: str, capsys) -> None:
    assert STORY is not None
    scenes = {scene.id: scene for scene in STORY.situation(situation).scenes}
    lines = load_helplines()
    for ending_id, numbers in routes(situation).items():
        ending = scenes[ending_id].ending
        assert ending is not None
        code = main(["run", "barst", "--situation", situation, "--lang", lang,
                     "--choices", ",".join(map(str, numbers))])
        out = capsys.readouterr().out
        assert code == 0, out
        assert ending.verdict.get(lang) in out, (situation, ending_id, out[-500:])
        named = [line for line in lines.lines if line.id in ending.helplines]
        assert all(line.number in out for line in for_ending(named, STORY.region, lang)), ending_id


@pytest.mark.parametrize("situation", NEW_SITUATIONS)
def test_barst_run_auto_plays_each_new_situation(situation: str, capsys) -> None:
    for seed in range(3):
        assert main(["run", "barst", "--situation", situation, "--auto", "--seed", str(seed)]) == 0
        assert "score" in capsys.readouterr().out
