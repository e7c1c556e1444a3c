"""Sound score bounds for a situation too large to explore state by state.

Over the scene graph (every choice counted as possibly offered), no play-through can beat these
figures: a choice outside any loop of scenes is taken at most once on a play-through, a `once` choice
at most once, a repeatable choice at most once between two `once` ones unless repeatable choices
alone make a loop, and such a loop that gains points makes the bound infinite.
"""

from __future__ import annotations

from dataclasses import dataclass

from barst.model import Choice, Scene, Situation, start_scene


@dataclass(slots=True)
class Bound:
    best: int | None  # no play-through scores more (None: no bound, see best_loop; or no ending)
    worst: int | None  # no play-through scores less
    best_loop: Choice | None = None
    worst_loop: Choice | None = None


def score_bounds(situation: Situation, scenes: dict[str, Scene]) -> Bound:
    first = start_scene(situation)
    if first not in scenes:
        return Bound(None, None)
    edges = {name: _moves(scene, scenes) for name, scene in scenes.items()}
    component, order = _components(edges)
    reach = {first}
    queue = [first]
    while queue:
        for target, _ in edges[queue.pop()]:
            if target not in reach:
                reach.add(target)
                queue.append(target)
    bound = Bound(None, None)
    # Between two `once` choices a play-through follows repeatable choices only; unless those form a loop
    # of their own, it takes each of them at most once there.
    repeatable = {name: [(t, c) for t, c in moves if c is None or not c.once] for name, moves in edges.items()}
    own_loop = _components(repeatable)[0]
    for sign in (1, -1):
        once_gain: dict[int, int] = {}
        once_count: dict[int, int] = {}
        repeat_gain: dict[int, int] = {}
        loops: dict[int, Choice] = {}
        for name in reach:
            number = component[name]
            for target, choice in edges[name]:
                if choice is None or component[target] != number:
                    continue
                if choice.once:
                    once_count[number] = once_count.get(number, 0) + 1
                if sign * choice.points <= 0:
                    continue
                if choice.once:
                    once_gain[number] = once_gain.get(number, 0) + sign * choice.points
                elif own_loop[target] == own_loop[name]:
                    loops.setdefault(number, choice)
                else:
                    repeat_gain[number] = repeat_gain.get(number, 0) + sign * choice.points
        gain = {n: once_gain.get(n, 0) + (once_count.get(n, 0) + 1) * repeat_gain.get(n, 0)
                for n in set(once_gain) | set(repeat_gain)}
        value: dict[int, int | None] = {}
        for number, members in order.items():  # successors first
            options: list[int] = []
            for name in members:
                scene = scenes[name]
                if scene.ending is not None:
                    options.append(sign * scene.ending.score)
                for target, choice in edges[name]:
                    after = value.get(component[target]) if component[target] != number else None
                    if after is not None:
                        options.append(after + (sign * choice.points if choice else 0))
            value[number] = max(options) + gain.get(number, 0) if options else None
        result = value.get(component[first])
        loop = next((c for n, c in loops.items() if value.get(n) is not None), None)
        figure = None if loop is not None or result is None else sign * result
        if sign == 1:
            bound.best, bound.best_loop = figure, loop
        else:
            bound.worst, bound.worst_loop = figure, loop
    return bound


def _moves(scene: Scene, scenes: dict[str, Scene]) -> list[tuple[str, Choice | None]]:
    if scene.ending is not None:
        return []
    if scene.choices:
        return [(c.target, c) for c in scene.choices if c.target in scenes]
    return [(scene.next, None)] if scene.next in scenes else []


def _components(edges: dict[str, list[tuple[str, Choice | None]]]) -> tuple[dict[str, int], dict[int, list[str]]]:
    """Tarjan over the scene graph; components numbered so that successors come first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    component: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    order: dict[int, list[str]] = {}
    for root in edges:
        if root in index:
            continue
        work = [(root, 0)]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, position = work[-1]
            if position < len(edges[node]):
                work[-1] = (node, position + 1)
                target = edges[node][position][0]
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                number = len(order)
                order[number] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = number
                    order[number].append(member)
                    if member == node:
                        break
    return component, order
