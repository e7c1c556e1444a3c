"""What a situation's state graph (explore.py) says: reachable scenes and endings, the best and worst
score with a play-through that reaches each, the interval of every variable, the choices never
offered, where a player gets stuck or trapped, and loops that can be repeated without end.

A play-through scores its ending's score plus the points of the choices on the way, so the best score
is a longest path to an ending. One pass of Tarjan's algorithm finds the loops of states and finishes
each component as soon as everything after it is known (the best remaining score of a state, and the
shortest way to get it, between equal scores); inside a loop a queue-based Bellman-Ford does the same,
and a loop that still gains after as many steps as it has states adds points without bound.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from barst.check.explore import Clamp, Exploration, Step, choice_numbers
from barst.model import Choice, Scene

# What remains of a play-through from a state, compared as a tuple: more points first, then fewer steps.
Weight = tuple[int, int]


@dataclass(slots=True)
class Extreme:
    score: int | None = None  # None: no ending can be reached, or no bound (see `loop`)
    choices: list[int] = field(default_factory=list)  # the shortest play-through that scores it
    loop: Choice | None = None  # a choice on a loop that moves the score without bound


@dataclass(slots=True)
class Finding:
    """Something a rule reports, with where in the state graph it shows (the play-through on demand)."""

    scene: Scene
    found: Exploration
    state: int
    step: int = -1  # the step from `state` that shows it (-1: the state itself)
    clamp: Clamp | None = None

    def choices(self) -> list[int]:
        steps = self.found.path_to(self.state)
        if self.step >= 0:
            steps.append(self.found.steps[self.state][self.step])
        return choice_numbers(steps)


@dataclass(slots=True)
class Analysis:
    exact: bool
    states: int
    best: Extreme
    worst: Extreme
    scenes: set[str]  # scenes shown on some play-through
    endings: set[str]
    meters: dict[str, tuple[int, int]]  # lowest and highest value a variable takes
    lowest: dict[str, Finding] = field(default_factory=dict)  # where each variable is lowest
    highest: dict[str, Finding] = field(default_factory=dict)
    never_offered: list[tuple[Scene, Choice]] = field(default_factory=list)
    stuck: list[Finding] = field(default_factory=list)  # choices, but none offered
    trapped: list[Finding] = field(default_factory=list)  # no ending can be reached any more
    clamps: list[Finding] = field(default_factory=list)  # per capped effect, its most extreme value
    endless: list[Finding] = field(default_factory=list)  # a repeatable choice pushing against a bound


def analyse(found: Exploration) -> Analysis:
    """The figures of a complete exploration."""
    scores = _Scores(found)
    best = scores.extreme(0)
    worst = scores.extreme(1)
    if worst.score is not None:
        worst.score = -worst.score
    scenes = {scene.id for scene in found.scene}
    result = Analysis(True, found.size, best, worst, scenes,
                      {scene.id for scene in found.scene if scene.ending is not None}, {})
    if found.names:
        for name, column in zip(found.names, zip(*found.values, strict=True), strict=True):
            low, high = min(column), max(column)
            result.meters[name] = (low, high)
            first_low, first_high = column.index(low), column.index(high)
            result.lowest[name] = Finding(found.scene[first_low], found, first_low)
            result.highest[name] = Finding(found.scene[first_high], found, first_high)
    result.never_offered = [(scene, choice) for scene in found.situation.scenes if scene.id in scenes
                            for choice in scene.choices if (scene.id, choice.id) not in found.offered]
    result.stuck = _first_per_scene(found, found.stuck)
    finishes = scores.weight[0]
    result.trapped = _first_per_scene(found, [s for s in range(found.size) if finishes[s] is None
                                              and found.scene[s].ending is None and found.steps[s]])
    result.clamps, result.endless = _clamps(found, scores.component)
    return result


def _first_per_scene(found: Exploration, states: list[int]) -> list[Finding]:
    seen: dict[str, Finding] = {}
    for state in states:  # states are numbered breadth-first: the first is the shortest to reach
        scene = found.scene[state]
        if scene.id not in seen:
            seen[scene.id] = Finding(scene, found, state)
    return list(seen.values())


def _clamps(found: Exploration, component: list[int]) -> tuple[list[Finding], list[Finding]]:
    """Per capped effect, the most extreme value it wanted; and capping steps that lie on a loop."""
    worst: dict[tuple[int, str], tuple[int, Finding]] = {}
    endless: dict[tuple[int, str], Finding] = {}
    for clamp in found.start_clamps:
        worst[(id(clamp.effect), clamp.effect.variable)] = (abs(clamp.wanted - clamp.capped),
                                                            Finding(found.scene[0], found, 0, -1, clamp))
    for state, index in found.clamped:
        step = found.steps[state][index]
        for clamp in step.clamps:
            key = (id(clamp.effect), clamp.effect.variable)
            beyond = abs(clamp.wanted - clamp.capped)
            if key not in worst or beyond > worst[key][0]:
                worst[key] = (beyond, Finding(found.scene[step.target], found, state, index, clamp))
            if step.choice is not None and component[state] == component[step.target]:
                endless.setdefault((id(step.choice), clamp.effect.variable),
                                   Finding(found.scene[state], found, state, index, clamp))
    return [finding for _, finding in worst.values()], list(endless.values())


class _Scores:
    """Best (kind 0) and worst (kind 1, points negated) remaining score of every state."""

    def __init__(self, found: Exploration) -> None:
        self.found = found
        size = found.size
        self.weight: list[list[Weight | None]] = [[None] * size, [None] * size]
        self.next: list[list[int]] = [[-1] * size, [-1] * size]
        self.unbounded: list[list[Choice | None]] = [[None] * size, [None] * size]
        self.component = [-1] * size
        order = _scene_order(found)
        if order is None:
            self._tarjan()
            return
        # The scenes form no loop, so neither do the states: finish them scene by scene, last scenes first.
        rank = {scene_id: i for i, scene_id in enumerate(order)}
        scene_of = found.scene
        for number, state in enumerate(sorted(range(size), key=lambda s: rank[scene_of[s].id], reverse=True)):
            self.component[state] = number
            self._finish_one(state)

    def extreme(self, kind: int) -> Extreme:
        found = self.found
        result = Extreme()
        if self.unbounded[kind][0] is not None:
            result.loop = self.unbounded[kind][0]
            return result
        weight = self.weight[kind][0]
        if weight is None:
            return result
        result.score = weight[0]
        steps: list[Step] = []
        state = 0
        while found.scene[state].ending is None and len(steps) <= found.size:
            step = found.steps[state][self.next[kind][state]]
            steps.append(step)
            state = step.target
        result.choices = choice_numbers(steps)
        return result

    def _tarjan(self) -> None:
        """Iterative Tarjan; each component is finished as it closes, when all after it is known."""
        steps_of = self.found.steps
        size = self.found.size
        index = [-1] * size
        low = [0] * size
        on_stack = [False] * size
        stack: list[int] = []
        counter = 0
        count = 0
        for root in range(size):
            if index[root] != -1:
                continue
            work = [(root, 0)]
            index[root] = low[root] = counter
            counter += 1
            stack.append(root)
            on_stack[root] = True
            while work:
                node, position = work[-1]
                steps = steps_of[node]
                if position < len(steps):
                    work[-1] = (node, position + 1)
                    target = steps[position].target
                    if index[target] == -1:
                        index[target] = low[target] = counter
                        counter += 1
                        stack.append(target)
                        on_stack[target] = True
                        work.append((target, 0))
                    elif on_stack[target] and index[target] < low[node]:
                        low[node] = index[target]
                    continue
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == index[node]:
                    members = []
                    while True:
                        member = stack.pop()
                        on_stack[member] = False
                        self.component[member] = count
                        members.append(member)
                        if member == node:
                            break
                    self._finish(members, count)
                    count += 1

    def _finish_one(self, state: int) -> None:
        """A state on no loop of states: the best and worst of its steps, both at once."""
        ending = self.found.scene[state].ending
        best_weight, worst_weight = self.weight
        if ending is not None:
            best_weight[state] = (ending.score, 0)
            worst_weight[state] = (-ending.score, 0)
            return
        best_next, worst_next = self.next
        best_loop, worst_loop = self.unbounded
        best: Weight | None = None
        worst: Weight | None = None
        looped = False
        for position, step in enumerate(self.found.steps[state]):
            target = step.target
            if target == state:
                looped = True
                continue
            after = best_weight[target]
            if after is None:
                continue  # no ending from there: neither figure
            offer = (after[0] + step.points, after[1] - 1)
            if best is None or offer > best:
                best = offer
                best_next[state] = position
            after = worst_weight[target]
            assert after is not None
            offer = (after[0] - step.points, after[1] - 1)
            if worst is None or offer > worst:
                worst = offer
                worst_next[state] = position
            if best_loop[target] is not None:
                best_loop[state] = best_loop[target]
            if worst_loop[target] is not None:
                worst_loop[state] = worst_loop[target]
        best_weight[state] = best
        worst_weight[state] = worst
        if looped:
            self._loop([state], self.component[state], 0)
            self._loop([state], self.component[state], 1)

    def _finish(self, members: list[int], number: int) -> None:
        if len(members) == 1:
            self._finish_one(members[0])
            return
        found = self.found
        for kind in (0, 1):
            sign = -1 if kind else 1
            weight, nxt, unbounded = self.weight[kind], self.next[kind], self.unbounded[kind]
            for state in members:
                ending = found.scene[state].ending
                if ending is not None:
                    weight[state] = (sign * ending.score, 0)
                    continue
                best = None
                for position, step in enumerate(found.steps[state]):
                    target = step.target
                    if self.component[target] == number:
                        continue  # inside this loop: below
                    after = weight[target]
                    if after is None:
                        continue
                    if unbounded[target] is not None:
                        unbounded[state] = unbounded[target]
                    offer = (after[0] + sign * step.points, after[1] - 1)
                    if best is None or offer > best:
                        best = offer
                        nxt[state] = position
                weight[state] = best
            self._loop(members, number, kind)

    def _unbounded(self, members: list[int], kind: int, loop: Choice) -> None:
        """No bound for the whole loop; from every state of it an ending can still be reached (if from one)."""
        weight = self.weight[kind]
        known = next((weight[s] for s in members if weight[s] is not None), None)
        for state in members:
            self.unbounded[kind][state] = loop
            if weight[state] is None:
                weight[state] = known  # any figure: with no bound, only "an ending can be reached" counts

    def _loop(self, members: list[int], number: int, kind: int) -> None:
        """Bellman-Ford (queue-based, backwards) inside one loop of states."""
        found = self.found
        sign = -1 if kind else 1
        weight, nxt, unbounded = self.weight[kind], self.next[kind], self.unbounded[kind]
        inherited = next((unbounded[s] for s in members if unbounded[s] is not None), None)
        if inherited is not None:  # a way out of this loop leads into an unbounded one
            self._unbounded(members, kind, inherited)
            return
        before: dict[int, list[tuple[int, int]]] = {}
        for state in members:
            for position, step in enumerate(found.steps[state]):
                if self.component[step.target] == number:
                    before.setdefault(step.target, []).append((state, position))
        inside = dict.fromkeys(members, 0)  # steps inside the loop on the best way out so far
        queue = deque(s for s in members if weight[s] is not None)
        queued = set(queue)
        while queue:
            target = queue.popleft()
            queued.discard(target)
            after = weight[target]
            assert after is not None
            for state, position in before.get(target, []):
                step = found.steps[state][position]
                offer = (after[0] + sign * step.points, after[1] - 1)
                known = weight[state]
                if known is not None and offer <= known:
                    continue
                weight[state] = offer
                nxt[state] = position
                inside[state] = inside[target] + 1
                if inside[state] > len(members):  # a best way out that repeats a state: the loop gains
                    gain = max((s for m in members for s in found.steps[m] if self.component[s.target] == number),
                               key=lambda s: sign * s.points)
                    assert gain.choice is not None  # only a choice has points
                    self._unbounded(members, kind, gain.choice)
                    return
                if state not in queued:
                    queued.add(state)
                    queue.append(state)


def _scene_order(found: Exploration) -> list[str] | None:
    """The situation's scenes in an order where every move goes forward, or None if they form a loop."""
    after: dict[str, list[str]] = {}
    for scene in found.situation.scenes:
        if scene.ending is None:
            after[scene.id] = [c.target for c in scene.choices] if scene.choices else [scene.next or ""]
    order: list[str] = []
    state: dict[str, int] = {}  # 1: being visited, 2: done
    for root in [scene.id for scene in found.situation.scenes]:
        if root in state:
            continue
        work = [(root, 0)]
        state[root] = 1
        while work:
            name, position = work[-1]
            targets = after.get(name, [])
            if position < len(targets):
                work[-1] = (name, position + 1)
                target = targets[position]
                if state.get(target) == 1:
                    return None
                if target not in state:
                    state[target] = 1
                    work.append((target, 0))
                continue
            work.pop()
            state[name] = 2
            order.append(name)
    order.reverse()
    return order
