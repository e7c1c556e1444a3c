"""Rules for story packs: ids, targets, reachability, dead ends, variables, ranges, scores."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from barst.check.analysis import Analysis, analyse
from barst.check.analysis_bounds import score_bounds
from barst.check.analysis_rules import at, report_exact
from barst.check.common_rules import check_asset, check_duplicates
from barst.check.explore import DEFAULT_BUDGET, effect_pos, explore
from barst.check.intervals import join, narrow
from barst.diagnostics import Pos, Report
from barst.engine.story import StoryEngine
from barst.expr import Condition, Effect
from barst.model import Choice, Pack, Scene, Situation, Variable, scene_map, start_scene

MAX_CHOICES = 4


@dataclass(slots=True)
class ScoreRange:
    """The best and worst score of a situation: exact, or (past the state budget) a sound bound."""

    best: int | None
    worst: int | None
    exact: bool = True
    states: int = 0  # states explored
    unbounded: bool = False  # a loop moves the score without bound (best or worst is then None)
    analysis: Analysis | None = None
    situation: Situation | None = None


def check_story(pack: Pack, report: Report, budget: int = DEFAULT_BUDGET) -> dict[str, ScoreRange]:
    """Run every story rule; returns the best and worst reachable score per situation."""
    check_duplicates(report, pack.variables, "variable")
    check_duplicates(report, pack.situations, "situation")
    if not pack.situations:
        report.error("B024", "the pack has no situations", pack.pos,
                     "add one file per situation in the pack's situations/ folder")
    _check_variable_ranges(pack.variables, report)
    engine = StoryEngine(pack)
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
        _check_variable_ranges(situation.variables, report)
        trapped: set[str] = set()
        reachable = _check_reachability(situation, scenes, report, trapped)
        found = explore(engine, situation, budget) if reachable else None
        if found is not None and found.complete:
            analysis = analyse(found)
            report_exact(situation, analysis, variables, reachable, trapped, report)
            unbounded = analysis.best.loop is not None or analysis.worst.loop is not None
            scores[situation.id] = ScoreRange(analysis.best.score, analysis.worst.score, True, found.size,
                                              unbounded, analysis, situation)
            continue
        _check_ranges(situation, scenes, variables, report)
        _check_one_ending(situation, reachable, report)
        bound = score_bounds(situation, scenes)
        scores[situation.id] = ScoreRange(bound.best, bound.worst, found is None, found.size if found else 0,
                                          bound.best_loop is not None or bound.worst_loop is not None)
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
        report.error("B021", f"start scene '{situation.start}' does not exist", at(situation, "start"),
                     _suggest(situation.start, scenes))
    if not situation.scenes:
        report.error("B024", f"situation '{situation.id}' has no scenes", situation.pos, "add scenes and an ending")
    check_asset(report, pack, situation.image, at(situation, "image"))
    for character in situation.characters:
        check_asset(report, pack, character.image, at(character, "image"))
    for unlock in situation.unlocks:
        if unlock.character and unlock.character not in characters:
            report.error("B021", f"unknown character '{unlock.character}'", at(unlock, "character"),
                         _suggest(unlock.character, characters))
    for scene in situation.scenes:
        check_duplicates(report, scene.choices, "choice", f" in scene {scene.id}")
        check_asset(report, pack, scene.image, at(scene, "image"))
        if scene.speaker and scene.speaker not in characters:
            report.error("B021", f"unknown speaker '{scene.speaker}'", at(scene, "speaker"),
                         _suggest(scene.speaker, characters))
        if scene.next and scene.next not in scenes:
            report.error("B021", f"`next` points to '{scene.next}', which does not exist", at(scene, "next"),
                         _suggest(scene.next, scenes))
        for choice in scene.choices:
            if choice.target not in scenes:
                report.error("B021", f"choice '{choice.id}' leads to '{choice.target}', which does not exist",
                             at(choice, "target"), _suggest(choice.target, scenes))
            if not choice.effects and choice.feedback is None and choice.points == 0:
                report.warning("B028", f"choice '{choice.id}' has no effect and no feedback", choice.pos,
                               "add `feedback:` so the player sees a consequence, or effects")
            if choice.condition:
                for name in choice.condition.visited_scenes() - scenes.keys():
                    report.error("B021", f"visited({name}) names a scene that does not exist",
                                 at(choice, "condition"),
                                 _suggest(name, scenes))
        if len(scene.choices) > MAX_CHOICES:
            report.warning("B029", f"scene '{scene.id}' offers {len(scene.choices)} choices", at(scene, "choices"),
                           f"keep it to {MAX_CHOICES} at most; split the scene")
        if len(scene.choices) == 1 and scene.ending is None:
            report.warning("B086", f"scene '{scene.id}' has one choice; the guide asks for 2–4",
                           at(scene, "choices"), "add a second reaction, or use `next:` for a scene that just goes on")
        if scene.ending is not None:
            if not 0 <= scene.ending.score <= 100:
                report.error("B085", f"ending score {scene.ending.score} is outside 0–100", at(scene.ending, "score"),
                             "give a score from 0 to 100; choices add their points on top")
            for unlock_id in scene.ending.unlocks:
                if unlock_id not in unlocks:
                    report.error("B021", f"ending unlocks '{unlock_id}', which is not in the situation's unlocks",
                                 at(scene.ending, "unlocks"), _suggest(unlock_id, unlocks))
        elif not scene.choices and not scene.next:
            report.error("B023", f"dead end: scene '{scene.id}' has no choices, no `next` and no ending",
                         scene.pos, "add choices, a `next:` scene, or an `ending:`")


def _check_variables(situation: Situation, variables: dict[str, Variable], report: Report) -> None:
    for scene in situation.scenes:
        for index, effect in enumerate(scene.effects):
            _known(effect.variable, variables, effect_pos(scene, index), report)
        for choice in scene.choices:
            for index, effect in enumerate(choice.effects):
                _known(effect.variable, variables, effect_pos(choice, index), report)
            if choice.condition:
                for name in sorted(choice.condition.variables()):
                    _known(name, variables, at(choice, "condition"), report)


def _known(name: str, variables: dict[str, Variable], pos: Pos, report: Report) -> None:
    if name not in variables:
        report.error("B025", f"'{name}' is not a declared variable", pos,
                     _suggest(name, variables) if variables else "declare it under `variables:`")


def _check_variable_ranges(variables: list[Variable], report: Report) -> None:
    """B084: a situation starts with every variable at its `start` (0 when not given), uncapped."""
    for variable in variables:
        if variable.min > variable.max:
            report.error("B084", f"'{variable.id}' has min {variable.min} above max {variable.max}",
                         at(variable, "min"), "swap them, or fix the range")
        elif not variable.min <= variable.start <= variable.max:
            given = "start" in variable.places
            what = f"starts at {variable.start}" if given else "has no `start:`, so it starts at 0"
            report.error("B084", f"'{variable.id}' {what}, outside {variable.min}–{variable.max}",
                         at(variable, "start"), f"give a start from {variable.min} to {variable.max}")


def _check_one_ending(situation: Situation, reachable: set[str], report: Report) -> None:
    """B087 without the exact analysis: only one ending can be reached on the scene graph at all."""
    endings = [scene for scene in situation.scenes if scene.ending is not None and scene.id in reachable]
    if len(endings) == 1:
        report.warning("B087", f"every play-through of '{situation.id}' ends on '{endings[0].id}'",
                       at(endings[0], "ending"), "let choices lead to different endings (good, mixed, bad)")


def _check_reachability(situation: Situation, scenes: dict[str, Scene], report: Report,
                        trapped: set[str]) -> set[str]:
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
            trapped.add(scene.id)
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
    """B026 for a situation too large for the exact analysis: interval analysis over the scene graph, an
    over-approximation narrowed by the choices' conditions (`once` is not modelled, so a once-only choice
    on a loop may still warn)."""
    first = start_scene(situation)
    if first is None or first not in scenes:
        return
    start = {name: (v.start, v.start) for name, v in variables.items()}
    at_scene: dict[str, dict[str, tuple[int, int]]] = {first: start}
    queue = deque([first])
    reported: set[tuple[int, str]] = set()
    while queue:
        scene = scenes[queue.popleft()]
        entry = _apply_all(at_scene[scene.id], scene.effects, variables, report, reported, scene)
        edges: list[tuple[str, list[Effect], Scene | Choice, Condition | None]]
        edges = [(c.target, c.effects, c, c.condition) for c in scene.choices]
        if scene.next and not scene.choices:
            edges.append((scene.next, [], scene, None))
        for target, effects, owner, condition in edges:
            if target not in scenes:
                continue
            offered = entry if condition is None else narrow(condition.tree, entry)
            if offered is None:
                continue  # the condition never holds here: the choice is never offered
            after = _apply_all(offered, effects, variables, report, reported, owner)
            merged = join(at_scene.get(target), after)
            if merged != at_scene.get(target):
                at_scene[target] = merged
                queue.append(target)


def _apply_all(values: dict[str, tuple[int, int]], effects: list[Effect], variables: dict[str, Variable],
               report: Report, reported: set[tuple[int, str]], owner: Scene | Choice) -> dict[str, tuple[int, int]]:
    if not effects:
        return values
    values = dict(values)
    for index, effect in enumerate(effects):
        variable = variables.get(effect.variable)
        if variable is None:
            continue
        low, high = effect.delta_bounds(*values.get(effect.variable, (variable.start, variable.start)))
        if (low < variable.min or high > variable.max) and (id(effect), effect.variable) not in reported:
            reported.add((id(effect), effect.variable))
            edge = low if low < variable.min else high
            report.warning("B026", f"'{effect}' may take {effect.variable} to {edge}, outside "
                           f"{variable.min}–{variable.max}; it will be capped", effect_pos(owner, index),
                           "adjust the amounts or the range so every path stays inside it (an estimate: the "
                           "situation has too many states to play them all)")
        values[effect.variable] = (_clamp(low, variable), _clamp(high, variable))
    return values


def _clamp(value: int, variable: Variable) -> int:
    return max(variable.min, min(variable.max, value))


def _suggest(name: str, known: object) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1)  # type: ignore[call-overload]
    return f"did you mean '{close[0]}'?" if close else "check the id"
