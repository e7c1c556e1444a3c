"""Rules for story packs: ids, targets, reachability, dead ends, variables, ranges, scores."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from barst.check.common_rules import check_asset, check_duplicates
from barst.check.intervals import join, narrow
from barst.diagnostics import Report
from barst.expr import Effect
from barst.model import Pack, Scene, Situation, Variable, scene_map, start_scene

MAX_CHOICES = 4


@dataclass(slots=True)
class ScoreRange:
    best: int | None
    worst: int | None


def check_story(pack: Pack, report: Report) -> dict[str, ScoreRange]:
    """Run every story rule; returns the best and worst reachable score per situation."""
    check_duplicates(report, pack.variables, "variable")
    check_duplicates(report, pack.situations, "situation")
    if not pack.situations:
        report.error("B024", "the pack has no situations", pack.pos,
                     "add one file per situation in the pack's situations/ folder")
    scores: dict[str, ScoreRange] = {}
    for situation in pack.situations:
        variables = {v.id: v for v in [*pack.variables, *situation.variables]}
        check_duplicates(report, [*pack.variables, *situation.variables], "variable", f" in {situation.id}")
        check_duplicates(report, situation.scenes, "scene", f" in {situation.id}")
        check_duplicates(report, situation.characters, "character", f" in {situation.id}")
        check_duplicates(report, situation.unlocks, "unlock", f" in {situation.id}")
        scenes = scene_map(situation)
        _check_references(pack, situation, scenes, report)
        _check_variables(situation, variables, report)
        reachable = _check_reachability(situation, scenes, report)
        _check_ranges(situation, scenes, variables, report)
        scores[situation.id] = _score_range(situation, scenes, reachable)
    return scores


def successors(scene: Scene) -> list[str]:
    targets = [choice.target for choice in scene.choices]
    if scene.next:
        targets.append(scene.next)
    return targets


def _check_references(pack: Pack, situation: Situation, scenes: dict[str, Scene], report: Report) -> None:
    characters = {c.id for c in situation.characters}
    unlocks = {u.id for u in situation.unlocks}
    if situation.start and situation.start not in scenes:
        report.error("B021", f"start scene '{situation.start}' does not exist", situation.pos,
                     _suggest(situation.start, scenes))
    if not situation.scenes:
        report.error("B024", f"situation '{situation.id}' has no scenes", situation.pos, "add scenes and an ending")
    check_asset(report, pack, situation.image, situation.pos)
    for character in situation.characters:
        check_asset(report, pack, character.image, character.pos)
    for unlock in situation.unlocks:
        if unlock.character and unlock.character not in characters:
            report.error("B021", f"unknown character '{unlock.character}'", unlock.pos,
                         _suggest(unlock.character, characters))
    for scene in situation.scenes:
        check_duplicates(report, scene.choices, "choice", f" in scene {scene.id}")
        check_asset(report, pack, scene.image, scene.pos)
        if scene.speaker and scene.speaker not in characters:
            report.error("B021", f"unknown speaker '{scene.speaker}'", scene.pos, _suggest(scene.speaker, characters))
        if scene.next and scene.next not in scenes:
            report.error("B021", f"`next` points to '{scene.next}', which does not exist", scene.pos,
                         _suggest(scene.next, scenes))
        for choice in scene.choices:
            if choice.target not in scenes:
                report.error("B021", f"choice '{choice.id}' leads to '{choice.target}', which does not exist",
                             choice.pos, _suggest(choice.target, scenes))
            if not choice.effects and choice.feedback is None and choice.points == 0:
                report.warning("B028", f"choice '{choice.id}' has no effect and no feedback", choice.pos,
                               "add `feedback:` so the player sees a consequence, or effects")
            if choice.condition:
                for name in choice.condition.visited_scenes() - scenes.keys():
                    report.error("B021", f"visited({name}) names a scene that does not exist", choice.pos,
                                 _suggest(name, scenes))
        if len(scene.choices) > MAX_CHOICES:
            report.warning("B029", f"scene '{scene.id}' offers {len(scene.choices)} choices", scene.pos,
                           f"keep it to {MAX_CHOICES} at most; split the scene")
        if scene.ending is not None:
            for unlock_id in scene.ending.unlocks:
                if unlock_id not in unlocks:
                    report.error("B021", f"ending unlocks '{unlock_id}', which is not in the situation's unlocks",
                                 scene.ending.pos, _suggest(unlock_id, unlocks))
        elif not scene.choices and not scene.next:
            report.error("B023", f"dead end: scene '{scene.id}' has no choices, no `next` and no ending",
                         scene.pos, "add choices, a `next:` scene, or an `ending:`")


def _check_variables(situation: Situation, variables: dict[str, Variable], report: Report) -> None:
    for scene in situation.scenes:
        for effect in scene.effects:
            _known(effect.variable, variables, scene.pos, report)
        for choice in scene.choices:
            for effect in choice.effects:
                _known(effect.variable, variables, choice.pos, report)
            if choice.condition:
                for name in sorted(choice.condition.variables()):
                    _known(name, variables, choice.pos, report)


def _known(name: str, variables: dict[str, Variable], pos: object, report: Report) -> None:
    if name not in variables:
        report.error("B025", f"'{name}' is not a declared variable", pos,  # type: ignore[arg-type]
                     _suggest(name, variables) if variables else "declare it under `variables:`")


def _check_reachability(situation: Situation, scenes: dict[str, Scene], report: Report) -> set[str]:
    first = start_scene(situation)
    if first is None or first not in scenes:
        return set()
    reachable = _reach([first], lambda s: successors(scenes[s]) if s in scenes else [])
    for scene in situation.scenes:
        if scene.id in reachable:
            continue
        if scene.ending is not None:
            report.error("B024", f"ending '{scene.id}' cannot be reached from the start", scene.pos,
                         "let a choice or `next` lead here, or remove the ending")
        else:
            report.warning("B022", f"scene '{scene.id}' cannot be reached from the start", scene.pos,
                           "let a choice or `next` lead here, or remove the scene")
    endings = [s.id for s in situation.scenes if s.ending is not None]
    if not any(e in reachable for e in endings):
        report.error("B024", f"no ending can be reached in '{situation.id}'", situation.pos,
                     "add a scene with `ending:` that a choice leads to")
        return reachable
    predecessors: dict[str, list[str]] = {}
    for scene in situation.scenes:
        for target in successors(scene):
            predecessors.setdefault(target, []).append(scene.id)
    can_finish = _reach(endings, lambda s: predecessors.get(s, []))
    for scene in situation.scenes:
        if scene.id in reachable and scene.id not in can_finish and (scene.choices or scene.next):
            report.error("B027", f"from scene '{scene.id}' no ending can be reached", scene.pos,
                         "give the loop a way out towards an ending")
    return reachable


def _reach(starts: list[str], step: object) -> set[str]:
    seen = set(starts)
    queue = deque(starts)
    while queue:
        for following in step(queue.popleft()):  # type: ignore[operator]
            if following not in seen:
                seen.add(following)
                queue.append(following)
    return seen


def _check_ranges(situation: Situation, scenes: dict[str, Scene], variables: dict[str, Variable],
                  report: Report) -> None:
    """B026 by interval analysis over the scene graph: an over-approximation, narrowed by the choices'
    conditions (`once` is not modelled, so a once-only choice on a loop may still warn)."""
    first = start_scene(situation)
    if first is None or first not in scenes:
        return
    start = {name: (v.start, v.start) for name, v in variables.items()}
    at: dict[str, dict[str, tuple[int, int]]] = {first: start}
    queue = deque([first])
    reported: set[tuple[int, str]] = set()
    while queue:
        scene = scenes[queue.popleft()]
        entry = _apply_all(at[scene.id], scene.effects, variables, report, reported, scene.pos)
        edges = [(c.target, c.effects, c.pos, c.condition) for c in scene.choices]
        if scene.next:
            edges.append((scene.next, [], scene.pos, None))
        for target, effects, pos, condition in edges:
            if target not in scenes:
                continue
            offered = entry if condition is None else narrow(condition.tree, entry)
            if offered is None:
                continue  # the condition never holds here: the choice is never offered
            after = _apply_all(offered, effects, variables, report, reported, pos)
            merged = join(at.get(target), after)
            if merged != at.get(target):
                at[target] = merged
                queue.append(target)


def _apply_all(values: dict[str, tuple[int, int]], effects: list[Effect], variables: dict[str, Variable],
               report: Report, reported: set[tuple[int, str]], pos: object) -> dict[str, tuple[int, int]]:
    if not effects:
        return values
    values = dict(values)
    for effect in effects:
        variable = variables.get(effect.variable)
        if variable is None:
            continue
        low, high = effect.delta_bounds(*values.get(effect.variable, (variable.start, variable.start)))
        if (low < variable.min or high > variable.max) and (id(effect), effect.variable) not in reported:
            reported.add((id(effect), effect.variable))
            edge = low if low < variable.min else high
            report.warning("B026", f"'{effect}' can take {effect.variable} to {edge}, outside "
                           f"{variable.min}–{variable.max}; it will be capped", pos,  # type: ignore[arg-type]
                           "adjust the amounts or the range so every path stays inside it")
        values[effect.variable] = (_clamp(low, variable), _clamp(high, variable))
    return values


def _clamp(value: int, variable: Variable) -> int:
    return max(variable.min, min(variable.max, value))


def _score_range(situation: Situation, scenes: dict[str, Scene], reachable: set[str]) -> ScoreRange:
    """Best and worst score over paths from the start (each scene at most once per path)."""
    first = start_scene(situation)
    if first is None or first not in scenes:
        return ScoreRange(None, None)
    memo: dict[str, tuple[int, int] | None] = {}
    on_path: set[str] = set()
    # Iterative post-order: packs may have thousands of scenes in a chain.
    stack: list[tuple[str, int]] = [(first, 0)]
    while stack:
        name, index = stack.pop()
        scene = scenes[name]
        edges = [(c.target, c.points) for c in scene.choices] + ([(scene.next, 0)] if scene.next else [])
        if index == 0:
            on_path.add(name)
        if index < len(edges):
            stack.append((name, index + 1))
            target = edges[index][0]
            if target in scenes and target not in memo and target not in on_path:
                stack.append((target, 0))
            continue
        on_path.discard(name)
        options = []
        if scene.ending is not None:
            options.append((scene.ending.score, scene.ending.score))
        for target, points in edges:
            found = memo.get(target)
            if found is not None:
                options.append((found[0] + points, found[1] + points))
        memo[name] = (max(o[0] for o in options), min(o[1] for o in options)) if options else None
    result = memo.get(first)
    return ScoreRange(result[0], result[1]) if result else ScoreRange(None, None)


def _suggest(name: str, known: object) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1)  # type: ignore[call-overload]
    return f"did you mean '{close[0]}'?" if close else "check the id"
