"""The checker's figures are the engine's truth: exact scores, meters, choices and scenes, proved on the
cases from issue 13, on random small packs against a brute-force search that drives StoryEngine
itself, and by replaying every witness through the engine and the `barst run` runner."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ROOT

from barst.check.analysis import Analysis, analyse
from barst.check.analysis_bounds import score_bounds
from barst.check.explore import explore
from barst.check.story_rules import check_story
from barst.cli import main
from barst.diagnostics import Report
from barst.engine import events as ev
from barst.engine.story import ChooseNumber, Continue, Start, StoryEngine, StoryState
from barst.expr import parse_condition, parse_effect
from barst.model import Audience, Choice, Ending, Pack, Scene, Situation, Variable, scene_map
from barst.text import Text

T = Text.plain("x")


def choice(cid: str, target: str, *, points: int = 0, effects: tuple[str, ...] = (), when: str | None = None,
           once: bool = False) -> Choice:
    return Choice(cid, T, target, [parse_effect(e) for e in effects],
                  parse_condition(when) if when else None, once, T, None, points)


def scene(sid: str, *choices: Choice, score: int | None = None, next: str | None = None,
          effects: tuple[str, ...] = ()) -> Scene:
    ending = Ending(score, T, T) if score is not None else None
    return Scene(sid, T, choices=list(choices), next=next, ending=ending, effects=[parse_effect(e) for e in effects])


def pack_of(scenes: list[Scene], variables: list[Variable] | None = None) -> Pack:
    pack = Pack("p", "story", T, ["nl"], Audience("pupils"), variables=variables or [])
    pack.situations = [Situation("s", T, T, scenes)]
    return pack


def analysed(pack: Pack, budget: int = 100_000) -> Analysis:
    found = explore(StoryEngine(pack), pack.situations[0], budget)
    assert found is not None and found.complete
    return analyse(found)


def replay(pack: Pack, numbers: list[int], strict: bool = False) -> tuple[StoryState, list[ev.Event]]:
    """Play choice numbers with the real engine. By default a scene without choices goes on by itself
    (as `barst run` does); `strict` plays exactly the moves given, 0 meaning "go on"."""
    engine = StoryEngine(pack)
    state, shown = engine.step(engine.new_state(), Start(pack.situations[0].id))
    todo = list(numbers)
    for _ in range(10_000):
        current = engine.current_scene(state)
        if state.ending is not None or current is None or (strict and not todo):
            break
        if strict or current.choices:
            if not todo:
                break
            number = todo.pop(0)
            action: Any = Continue() if number == 0 else ChooseNumber(number)
        else:
            action = Continue()
        state, new = engine.step(state, action)
        assert not any(isinstance(e, ev.Rejected) for e in new), new
        shown += new
    assert not todo, "choices left over"
    return state, shown


def ending_score(events: list[ev.Event]) -> int:
    return next(e.score for e in events if isinstance(e, ev.EndingReached))


# --- the cases of issue 13 ---------------------------------------------------------------------------


def test_a_path_may_pass_a_scene_twice() -> None:
    pack = pack_of([
        scene("start", choice("a", "a"), choice("b", "b", points=10)),
        scene("a", choice("to-b", "b"), choice("end", "high")),
        scene("b", choice("to-a", "a"), choice("end", "low")),
        scene("high", score=90), scene("low", score=0),
    ])
    result = analysed(pack)
    assert (result.best.score, result.best.choices) == (100, [2, 1, 2])
    assert ending_score(replay(pack, result.best.choices)[1]) == 100
    assert result.worst.score == 0


def test_a_once_only_detour_counts() -> None:
    pack = pack_of([
        scene("start", choice("detour", "side", once=True, points=5), choice("on", "end")),
        scene("side", choice("back", "start"), choice("stay", "end")),
        scene("end", score=50),
    ])
    result = analysed(pack)
    assert result.best.score == 55 and result.best.loop is None
    assert result.worst.score == 50


def test_a_choice_behind_a_flag_nothing_sets_is_never_offered() -> None:
    pack = pack_of([
        scene("start", choice("hope", "great", when="helped"), choice("plain", "ok")),
        scene("great", score=90), scene("ok", score=40),
    ], [Variable("helped", kind="flag", min=0, max=1)])
    result = analysed(pack)
    assert result.best.score == 40
    assert [(s.id, c.id) for s, c in result.never_offered] == [("start", "hope")]
    assert "great" not in result.scenes
    report = Report()
    check_story(pack, report)
    assert {d.code for d in report.items} >= {"B080", "B082"}


def test_a_once_only_loop_does_not_overflow_its_meter() -> None:
    pack = pack_of([
        scene("start", choice("more", "start", effects=("trust += 2",), once=True), choice("go", "end")),
        scene("end", score=50),
    ], [Variable("trust", min=0, max=3, start=0)])
    result = analysed(pack)
    assert result.meters["trust"] == (0, 2) and result.clamps == []
    report = Report()
    check_story(pack, report)
    assert "B026" not in {d.code for d in report.items}


def test_a_repeatable_loop_with_points_has_no_bound_and_says_which_choice() -> None:
    pack = pack_of([
        scene("start", choice("again", "start", points=3), choice("go", "end")),
        scene("end", score=50),
    ])
    result = analysed(pack)
    assert result.best.score is None and result.best.loop is not None and result.best.loop.id == "again"
    assert result.worst.score == 50
    assert score_bounds(pack.situations[0], scene_map(pack.situations[0])).best is None


def test_an_unbounded_best_does_not_hide_the_worst_behind_the_same_loop() -> None:
    pack = pack_of([
        scene("s0", choice("grow", "s0", points=1, effects=("b += 1",)), choice("leave", "s1", when="visited(s2)"),
              choice("around", "s2")),
        scene("s1", next="end"), scene("s2", next="s0"), scene("end", score=0),
    ], [Variable("b", min=0, max=1)])
    result = analysed(pack)
    assert result.best.loop is not None and result.best.loop.id == "grow"
    assert (result.worst.score, result.worst.choices) == (0, [2, 2])
    assert ending_score(replay(pack, [2, 2])[1]) == 0


def test_a_stuck_player_is_found_with_the_way_there() -> None:
    pack = pack_of([
        scene("start", choice("spend", "shop", effects=("money -= 3",)), choice("save", "shop")),
        scene("shop", choice("buy", "end", when="money >= 3"), choice("beg", "end", when="money < 1")),
        scene("end", score=50),
    ], [Variable("money", min=0, max=5, start=3)])
    result = analysed(pack)
    assert result.stuck == []
    pack.situations[0].scenes[1].choices[1].condition = parse_condition("money > 5")
    result = analysed(pack)
    assert [(f.scene.id, f.choices()) for f in result.stuck] == [("shop", [1])]


def test_a_loop_whose_way_out_is_closed_on_some_paths_traps_the_player() -> None:
    pack = pack_of([
        scene("start", choice("careful", "room"), choice("rush", "room", effects=("trust -= 5",))),
        scene("room", choice("wait", "room", effects=("trust -= 1",)), choice("leave", "end", when="trust >= 3")),
        scene("end", score=60),
    ], [Variable("trust", min=0, max=10, start=5)])
    result = analysed(pack)
    assert [(f.scene.id, f.choices()) for f in result.trapped] == [("room", [2])]
    report = Report()
    check_story(pack, report)
    assert [d.code for d in report.items if d.code == "B027"] == ["B027"]  # the scene graph alone sees a way out


def test_past_the_budget_the_figures_are_a_sound_bound_and_say_so() -> None:
    pack = pack_of([
        scene("start", choice("up", "mid", effects=("a += 1",), points=4), choice("down", "mid", points=-2)),
        scene("mid", choice("more", "start", effects=("a += 1",), once=True), choice("end", "end", points=7)),
        scene("end", score=30),
    ], [Variable("a", min=0, max=9)])
    exact = check_story(pack, Report())["s"]
    bound = check_story(pack, Report(), budget=2)["s"]
    assert exact.exact and not bound.exact
    assert exact.best is not None and exact.worst is not None
    assert bound.best is not None and bound.worst is not None
    assert bound.best >= exact.best and bound.worst <= exact.worst


# --- random packs against the engine ------------------------------------------------------------------

NAMES = ["a", "b", "f"]
ops = st.sampled_from(["+=", "-=", "="])


@st.composite
def random_packs(draw: Any) -> Pack:
    count = draw(st.integers(2, 5))
    ids = [f"s{i}" for i in range(count)]
    endings = draw(st.integers(1, 2))
    ending_ids = [f"e{i}" for i in range(endings)]
    targets = st.sampled_from(ids + ending_ids)
    atoms = st.one_of(
        st.builds(lambda v, op, n: f"{v} {op} {n}", st.sampled_from(NAMES), st.sampled_from(["<", ">=", "=="]),
                  st.integers(-1, 4)),
        st.sampled_from(["f", "not f"] + [f"visited({i})" for i in ids]),
    )
    conditions = st.one_of(st.none(), atoms, st.builds(lambda x, y: f"{x} and {y}", atoms, atoms))
    effects = st.lists(st.builds(lambda v, op, n: f"{v} {op} {n}", st.sampled_from(NAMES), ops, st.integers(0, 3)),
                       max_size=2)
    scenes = []
    for index, sid in enumerate(ids):
        number = draw(st.integers(0, 3))
        if number == 0:
            scenes.append(scene(sid, next=draw(targets), effects=tuple(draw(effects))))
            continue
        choices = [choice(f"c{k}", draw(targets), points=draw(st.integers(-3, 6)), effects=tuple(draw(effects)),
                          when=draw(conditions), once=draw(st.booleans())) for k in range(number)]
        scenes.append(scene(sid, *choices, effects=tuple(draw(effects)) if index else ()))
    scenes += [scene(e, score=draw(st.integers(0, 100)), effects=tuple(draw(effects))) for e in ending_ids]
    low = draw(st.integers(-1, 1))
    variables = [Variable("a", min=low, max=low + draw(st.integers(0, 4)), start=draw(st.integers(-1, 3))),
                 Variable("b", min=0, max=draw(st.integers(1, 6)), start=draw(st.integers(0, 2))),
                 Variable("f", kind="flag", min=0, max=1)]
    return pack_of(scenes, variables)


@dataclass
class Truth:
    """What plays of at most `depth` moves show, found by driving StoryEngine itself."""

    scores: set[int] = field(default_factory=set)
    values: dict[str, set[int]] = field(default_factory=dict)
    scenes: set[str] = field(default_factory=set)
    offered: set[tuple[str, str]] = field(default_factory=set)
    stuck: set[str] = field(default_factory=set)


def brute_force(pack: Pack, depth: int = 9) -> Truth:
    engine = StoryEngine(pack)
    truth = Truth()
    start, _ = engine.step(engine.new_state(), Start("s"))
    queue = deque([(start, 0)])
    seen = set()
    while queue:
        state, moves = queue.popleft()
        scene_now = engine.current_scene(state)
        assert scene_now is not None
        key = (state.scene, tuple(sorted(state.values.items())), tuple(sorted(set(state.used_once))),
               tuple(sorted(set(state.visited))), state.points, state.ending)
        if key in seen:
            continue
        seen.add(key)
        truth.scenes.add(scene_now.id)
        for name, value in state.values.items():
            truth.values.setdefault(name, set()).add(value)
        if state.ending is not None:
            assert scene_now.ending is not None
            truth.scores.add(scene_now.ending.score + state.points)
            continue
        if moves >= depth:
            continue
        offered = engine.available_choices(state)
        truth.offered |= {(scene_now.id, c.id) for c in offered}
        if scene_now.choices and not offered:
            truth.stuck.add(scene_now.id)
        actions: list[Any] = [ChooseNumber(n) for n in range(1, len(offered) + 1)] if scene_now.choices \
            else [Continue()]
        for action in actions:
            after, events = engine.step(state, action)
            if not any(isinstance(e, ev.Rejected) for e in events):
                queue.append((after, moves + 1))
    return truth


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_packs())
def test_the_analysis_agrees_with_the_engine_on_random_packs(pack: Pack) -> None:
    found = explore(StoryEngine(pack), pack.situations[0])
    assert found is not None and found.complete
    result = analyse(found)
    truth = brute_force(pack)
    # Nothing the engine can do lies outside the checker's figures ...
    assert truth.scenes <= result.scenes
    assert truth.offered <= found.offered
    assert truth.stuck <= {f.scene.id for f in result.stuck}
    for name, values in truth.values.items():
        low, high = result.meters[name]
        assert low <= min(values) and max(values) <= high, name
    for score in truth.scores:
        assert result.best.loop is not None or (result.best.score is not None and score <= result.best.score)
        assert result.worst.loop is not None or (result.worst.score is not None and score >= result.worst.score)
    # ... and every figure the checker gives is reached by a play-through it names.
    for extreme in (result.best, result.worst):
        if extreme.score is not None:
            assert ending_score(replay(pack, extreme.choices)[1]) == extreme.score
    if result.best.score is None and result.best.loop is None:
        assert not truth.scores
    for name, (low, high) in result.meters.items():
        assert replay(pack, moves(found, result.lowest[name].state), True)[0].values.get(name, 0) == low
        assert replay(pack, moves(found, result.highest[name].state), True)[0].values.get(name, 0) == high
    for state in range(found.size):  # every state is one the engine reaches, with the same choices offered
        played, _ = replay(pack, moves(found, state), True)
        assert played.scene == found.scene[state].id
        assert tuple(played.values.get(n, 0) for n in found.names) == found.values[state]
        offered = [c.id for c in StoryEngine(pack).available_choices(played)]
        assert [(s.number, s.choice.id) for s in found.steps[state] if s.choice] == [
            (number, c) for number, c in enumerate(offered, 1) if _target_exists(pack, played.scene, c)]
    for finding in result.stuck:
        played, _ = replay(pack, finding.choices())
        assert played.scene == finding.scene.id and StoryEngine(pack).available_choices(played) == []


def moves(found: Any, state: int) -> list[int]:
    return [step.number for step in found.path_to(state)]


def _target_exists(pack: Pack, scene_id: str | None, choice_id: str) -> bool:
    scenes = scene_map(pack.situations[0])
    target = next(c.target for c in scenes[scene_id or ""].choices if c.id == choice_id)
    return target in scenes


# --- witnesses, replayed by `barst run` -----------------------------------------------------------------


def test_every_shipped_witness_replays_to_its_score_with_barst_run(capsys: pytest.CaptureFixture[str]) -> None:
    folder = ROOT / "scenarios" / "barst"
    assert main(["check", str(folder), "--explain"]) == 0
    lines = capsys.readouterr().out.splitlines()
    witnesses = [re.match(r"\s+(best|worst) score: (\d+): barst run (\S+) --situation (\S+) --choices (\S+)", line)
                 for line in lines]
    found = [w for w in witnesses if w]
    assert len(found) >= 2 * 6
    for witness in found:
        _, score, pack, situation, choices = witness.groups()
        assert main(["run", pack, "--situation", situation, "--choices", choices]) == 0
        out = capsys.readouterr().out
        assert re.search(rf"score {score}\b", out), (situation, choices, out[-300:])


def test_explain_one_situation_and_an_unknown_one(capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    pack = str(Path("tests") / "packs" / "mini-story")
    assert main(["check", "--explain", "party", pack]) == 0
    out = capsys.readouterr().out
    assert f"best score: 90: barst run {pack} --situation party --choices 1,1" in out
    assert "trust highest 6: barst run tests/packs/mini-story --situation party --choices 1" in out
    assert main(["check", "--explain", "nowhere", pack]) == 1
    assert "no situation 'nowhere'" in capsys.readouterr().err
