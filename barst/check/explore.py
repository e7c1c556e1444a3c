"""Every state a situation can be in, found by playing it the way the story engine does.

A state is all that decides the rest of a play-through: the scene on screen, the variables' values,
the `once` choices already taken and which of the scenes that a `visited()` condition asks about have
been shown. Points are not part of it: they only add up along a path, so the best and the worst score
are path weights over this graph (barst/check/analysis.py) and a loop that adds points stays finite
here.

Which choices a state offers comes from `StoryEngine.available_choices` itself. Effects and capping
are applied as `StoryEngine._apply_effects` does, without the events and the undo copy that make a
real engine step about a hundred times slower (tests/test_check_analysis.py drives the real engine on
random packs to prove that both agree). Past `budget` states the exploration stops and says so, and
the caller falls back to a sound over-approximation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from barst.diagnostics import Pos
from barst.engine.story import StoryEngine
from barst.expr import Effect
from barst.model import Choice, Scene, Situation, Variable, start_scene

DEFAULT_BUDGET = 60_000

StateKey = tuple[str, tuple[int, ...], frozenset[str], frozenset[str]]


class Clamp(NamedTuple):
    """An effect that wanted to take a variable outside its range and was capped."""

    effect: Effect
    pos: Pos
    wanted: int
    capped: int


class Step(NamedTuple):
    target: int  # the state it leads to
    number: int  # the choice's number on screen (1-based); 0: a scene that goes on by itself
    choice: Choice | None
    points: int
    clamps: tuple[Clamp, ...]


@dataclass(slots=True)
class Exploration:
    situation: Situation
    names: tuple[str, ...]  # variable order inside `values`
    scene: list[Scene] = field(default_factory=list)  # per state
    values: list[tuple[int, ...]] = field(default_factory=list)
    steps: list[list[Step]] = field(default_factory=list)
    parent: list[tuple[int, int]] = field(default_factory=list)  # (state, step) on a shortest path here
    stuck: list[int] = field(default_factory=list)  # states with choices of which none is offered
    offered: set[tuple[str, str]] = field(default_factory=set)  # (scene id, choice id)
    start_clamps: tuple[Clamp, ...] = ()  # the start scene's own effects, before any choice
    clamped: list[tuple[int, int]] = field(default_factory=list)  # (state, step) of steps that capped
    complete: bool = True

    @property
    def size(self) -> int:
        return len(self.scene)

    def path_to(self, state: int) -> list[Step]:
        """The steps of a shortest play-through from the start to `state` (breadth-first order)."""
        steps: list[Step] = []
        while state > 0:
            before, index = self.parent[state]
            steps.append(self.steps[before][index])
            state = before
        steps.reverse()
        return steps


def choice_numbers(steps: list[Step]) -> list[int]:
    """What to type after `barst run --choices`: scenes that go on by themselves take no number."""
    return [step.number for step in steps if step.number]


def effect_pos(owner: Scene | Choice, index: int) -> Pos:
    places = owner.places
    return places.get(f"effects.{index}") or places.get("effects") or owner.pos


def explore(engine: StoryEngine, situation: Situation, budget: int = DEFAULT_BUDGET) -> Exploration | None:
    """All reachable states of one situation (None when it has no start scene to play)."""
    scenes = engine.scenes.get(situation.id, {})
    first = scenes.get(start_scene(situation) or "")
    if first is None:
        return None
    declared = {v.id: v for v in engine.variables(situation)}
    undeclared = sorted({e.variable for s in situation.scenes for e in _all_effects(s)} - declared.keys())
    names = (*declared, *undeclared)
    slot = {name: i for i, name in enumerate(names)}
    ranges: list[Variable | None] = [declared.get(name) for name in names]
    watched = frozenset(name for s in situation.scenes for c in s.choices if c.condition
                        for name in c.condition.visited_scenes())

    def apply(values: list[int], effects: list[Effect], owner: Scene | Choice, clamps: list[Clamp]) -> None:
        for index, effect in enumerate(effects):
            k = slot[effect.variable]
            wanted = effect.apply(values[k])
            variable = ranges[k]
            new = wanted if variable is None else max(variable.min, min(variable.max, wanted))
            values[k] = new
            if new != wanted:
                clamps.append(Clamp(effect, effect_pos(owner, index), wanted, new))

    result = Exploration(situation, names)
    keys: dict[StateKey, int] = {}
    used_of: list[frozenset[str]] = []
    visited_of: list[frozenset[str]] = []

    def add(key: StateKey, scene: Scene, parent: tuple[int, int]) -> int:
        keys[key] = len(result.scene)
        result.scene.append(scene)
        result.values.append(key[1])
        used_of.append(key[2])
        visited_of.append(key[3])
        result.parent.append(parent)
        return keys[key]

    start_values = [declared[name].start if name in declared else 0 for name in names]
    start_clamps: list[Clamp] = []
    apply(start_values, first.effects, first, start_clamps)
    result.start_clamps = tuple(start_clamps)
    empty: frozenset[str] = frozenset()
    add((first.id, tuple(start_values), empty, watched & {first.id}), first, (-1, -1))

    scratch = engine.new_state()
    scratch.situation = situation.id
    head = 0
    while head < len(result.scene):
        state = head
        head += 1
        scene = result.scene[state]
        steps: list[Step] = []
        result.steps.append(steps)
        if scene.ending is not None:
            continue
        values, used, visited = result.values[state], used_of[state], visited_of[state]
        moves: list[tuple[int, Choice | None, str | None]]
        if not scene.choices:
            moves = [(0, None, scene.next)]  # no next: a dead end, reported by B023
        else:
            scratch.scene = scene.id
            scratch.values = dict(zip(names, values, strict=True))
            scratch.visited = list(visited) if visited else []
            scratch.used_once = list(used) if used else []
            offered = engine.available_choices(scratch)
            if not offered:
                result.stuck.append(state)
            moves = [(number, choice, choice.target) for number, choice in enumerate(offered, 1)]
        for number, choice, target_id in moves:
            target = scenes.get(target_id or "")
            if choice is not None:
                result.offered.add((scene.id, choice.id))
            if target is None:
                continue  # a target that does not exist: B021
            new_values = list(values)
            clamps: list[Clamp] = []
            new_used = used
            if choice is not None:
                apply(new_values, choice.effects, choice, clamps)
                if choice.once:
                    new_used = used | {f"{scene.id}/{choice.id}"}
            apply(new_values, target.effects, target, clamps)
            new_visited = visited | {target.id} if target.id in watched else visited
            key = (target.id, tuple(new_values), new_used, new_visited)
            found = keys.get(key)
            if found is None:
                if len(result.scene) >= budget:
                    result.complete = False
                    return result
                found = add(key, target, (state, len(steps)))
            if clamps:
                result.clamped.append((state, len(steps)))
            steps.append(Step(found, number, choice, choice.points if choice else 0, tuple(clamps)))
    return result


def _all_effects(scene: Scene) -> list[Effect]:
    return [*scene.effects, *(e for c in scene.choices for e in c.effects)]
