"""Every state a situation can be in, found by playing it the way the story engine does.

A state is all that decides the rest of a play-through: the scene on screen, the variables' values,
the `once` choices already taken and which of the scenes that a `visited()` condition asks about have
been shown. Points are not part of it: they only add up along a path, so the best and the worst score
are path weights over this graph (barst/check/analysis.py) and a loop that adds points stays finite
here.

Which choices a state offers, and what effects and capping do, follow `StoryEngine.available_choices`
and `StoryEngine._apply_effects` rule for rule, with each condition evaluated by the same
`Condition.evaluate` (and remembered per condition text and values, as packs repeat conditions), but
without the events and the undo copy that make a real engine step about a hundred times slower.
tests/test_check_analysis.py drives the real engine on random packs and checks, state by state, the
same scene, the same values and the same choices offered, in the same order. Past `budget` states
the exploration stops and says so, and the caller falls back to a sound over-approximation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from barst.diagnostics import Pos
from barst.engine.story import StoryEngine
from barst.expr import Condition, Effect
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
    asks = {id(c): c.condition.visited_scenes() for s in situation.scenes for c in s.choices if c.condition}
    watched = frozenset().union(*asks.values())

    def changes(owner: Scene | Choice) -> list[_Change]:
        return [_change(e, i, slot[e.variable], ranges[slot[e.variable]], owner) for i, e in enumerate(owner.effects)]

    plans: dict[int, list[_Move]] = {}

    def plan(scene: Scene) -> list[_Move]:
        """What each choice of a scene needs, worked out once per scene."""
        moves = plans.get(id(scene))
        if moves is None:
            moves = plans[id(scene)] = []
            for choice in scene.choices:
                target = scenes.get(choice.target)
                condition = choice.condition
                moves.append((choice, f"{scene.id}/{choice.id}" if choice.once else None, condition,
                              bool(asks.get(id(choice))), target,
                              changes(choice) + (changes(target) if target else []), choice.points))
        return moves

    result = Exploration(situation, names)
    keys: dict[StateKey, int] = {}
    scene_of, values_of, steps_of, parent_of = result.scene, result.values, result.steps, result.parent
    used_of: list[frozenset[str]] = []
    visited_of: list[frozenset[str]] = []
    start_values = [declared[name].start if name in declared else 0 for name in names]
    start_clamps = _apply(start_values, changes(first))
    result.start_clamps = tuple(start_clamps or ())
    start_key: StateKey = (first.id, tuple(start_values), frozenset(), watched & {first.id})
    keys[start_key] = 0
    scene_of.append(first)
    values_of.append(start_key[1])
    used_of.append(start_key[2])
    visited_of.append(start_key[3])
    parent_of.append((-1, -1))

    holds: dict[tuple[str, tuple[int, ...], frozenset[str] | None], bool] = {}  # condition source, values
    offered_ids: set[int] = set()
    new_step = tuple.__new__
    head = 0
    while head < len(scene_of) and result.complete:
        state = head
        head += 1
        scene = scene_of[state]
        steps: list[Step] = []
        steps_of.append(steps)
        if scene.ending is not None:
            continue
        values, used, visited = values_of[state], used_of[state], visited_of[state]
        if scene.choices:
            moves = plans.get(id(scene)) or plan(scene)
        else:  # goes on by itself (no next: a dead end, reported by B023)
            following = scenes.get(scene.next or "")
            moves = [(None, None, None, False, following, changes(following) if following else [], 0)]
        number = 0
        for choice, once_key, condition, asks_visited, target, effects, points in moves:
            if choice is not None:
                # StoryEngine.available_choices: not a `once` choice already taken, and its condition holds.
                if once_key is not None and once_key in used:
                    continue
                if condition is not None:
                    question = (condition.source, values, visited if asks_visited else None)
                    answer = holds.get(question)
                    if answer is None:
                        answer = holds[question] = condition.evaluate(dict(zip(names, values, strict=True)),
                                                                      visited.__contains__)
                    if not answer:
                        continue
                number += 1
                offered_ids.add(id(choice))
            if target is None:
                continue  # a target that does not exist: B021
            clamps: list[Clamp] | None = None
            new_values = values
            if effects:
                changed = list(values)
                clamps = _apply(changed, effects)
                new_values = tuple(changed)
            new_used = used | {once_key} if once_key is not None else used
            new_visited = visited | {target.id} if target.id in watched else visited
            key = (target.id, new_values, new_used, new_visited)
            found = keys.get(key)
            if found is None:
                found = len(scene_of)
                if found >= budget:
                    result.complete = False
                    break
                keys[key] = found
                scene_of.append(target)
                values_of.append(new_values)
                used_of.append(new_used)
                visited_of.append(new_visited)
                parent_of.append((state, len(steps)))
            if clamps:
                result.clamped.append((state, len(steps)))
                steps.append(Step(found, number, choice, points, tuple(clamps)))
            else:
                steps.append(new_step(Step, (found, number, choice, points, ())))
        if scene.choices and number == 0:
            result.stuck.append(state)
    result.offered = {(s.id, c.id) for s in situation.scenes for c in s.choices if id(c) in offered_ids}
    return result


# One effect, ready to apply: (slot, is "=", amount (negative for -=), min, max, the effect, where it is).
_Change = tuple[int, bool, int, int, int, bool, Effect, Pos | None, Scene | Choice, int]
# One choice of a scene: the choice, its once key, condition, whether that asks visited(), the target
# scene, the effects of the choice and then of the target scene, and the points.
_Move = tuple[Choice | None, str | None, Condition | None, bool, Scene | None, list[_Change], int]


def _change(effect: Effect, index: int, k: int, variable: Variable | None, owner: Scene | Choice) -> _Change:
    amount = -effect.amount if effect.op == "-=" else effect.amount
    low, high = (variable.min, variable.max) if variable is not None else (0, 0)
    return (k, effect.op == "=", amount, low, high, variable is not None, effect, None, owner, index)


def _apply(values: list[int], effects: list[_Change]) -> list[Clamp] | None:
    """As StoryEngine._apply_effects: each effect from the value before it, capped to the range."""
    clamps = None
    for k, is_set, amount, low, high, ranged, effect, _, owner, index in effects:
        wanted = amount if is_set else values[k] + amount
        new = (low if wanted < low else high if wanted > high else wanted) if ranged else wanted
        values[k] = new
        if new != wanted:
            clamps = clamps or []
            clamps.append(Clamp(effect, effect_pos(owner, index), wanted, new))
    return clamps


def _all_effects(scene: Scene) -> list[Effect]:
    return [*scene.effects, *(e for c in scene.choices for e in c.effects)]
