"""The story engine (BARST!?-style): situations, scenes, choices, meters, endings and replay.

`StoryEngine.step(state, action)` returns a new state and the events to show; the old state is never
changed. The state holds everything (including the random generator and the undo history) and
round-trips through JSON, so a saved game resumes exactly.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from barst import rng
from barst.engine.events import (
    ChoiceMade,
    ChoiceView,
    EmergencyExited,
    EndingReached,
    Event,
    MenuShown,
    MeterChange,
    Rejected,
    SceneShown,
    Undone,
)
from barst.engine.history import advance
from barst.model import Choice, HelpLine, Pack, Scene, Situation, Variable, scene_map, start_scene

# --- actions --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Start:
    situation: str


@dataclass(frozen=True, slots=True)
class Choose:
    choice: str  # a choice id in the current scene


@dataclass(frozen=True, slots=True)
class ChooseNumber:
    number: int  # 1-based position among the choices on screen


@dataclass(frozen=True, slots=True)
class ChooseRandom:
    """Pick one of the available choices with the state's generator (for --auto runs and tests)."""


@dataclass(frozen=True, slots=True)
class Continue:
    """Go on from a scene without choices."""


@dataclass(frozen=True, slots=True)
class JumpTo:
    """Trainer panel: go straight to a situation's scene."""

    situation: str
    scene: str


@dataclass(frozen=True, slots=True)
class EmergencyExit:
    """Leave the situation at once; the adapter shows the help lines."""


@dataclass(frozen=True, slots=True)
class Undo:
    pass


@dataclass(frozen=True, slots=True)
class ToMenu:
    pass


Action = Start | Choose | ChooseNumber | ChooseRandom | Continue | JumpTo | EmergencyExit | Undo | ToMenu


# --- state ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class Progress:
    """What replay has revealed, per situation. Kept per machine by the player; no pupil data."""

    endings: dict[str, list[str]] = field(default_factory=dict)
    unlocks: dict[str, list[str]] = field(default_factory=dict)
    best: dict[str, int] = field(default_factory=dict)
    plays: dict[str, int] = field(default_factory=dict)

    def completed(self, situation: str) -> bool:
        return bool(self.endings.get(situation))


@dataclass(slots=True)
class StoryState:
    pack: str
    rng: int
    progress: Progress = field(default_factory=Progress)
    situation: str | None = None
    scene: str | None = None
    values: dict[str, int] = field(default_factory=dict)
    visited: list[str] = field(default_factory=list)
    used_once: list[str] = field(default_factory=list)
    path: list[str] = field(default_factory=list)  # "scene/choice" taken, in order
    points: int = 0
    ending: str | None = None
    exited: bool = False
    replay: bool = False  # the situation had been completed before this play-through started
    history: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoryState:
        data = dict(data)
        data["progress"] = Progress(**data.get("progress", {}))
        return cls(**data)

    def snapshot(self) -> dict[str, Any]:
        data = self.to_json()
        data.pop("history")
        return data


# --- the engine -----------------------------------------------------------------------------------


class StoryEngine:
    def __init__(self, pack: Pack, helplines: Sequence[HelpLine] = ()) -> None:
        """`helplines`: the help-line data (the adapter reads it); endings name lines from it by id."""
        if pack.kind != "story":
            raise ValueError(f"pack {pack.id} is a {pack.kind} pack, not a story pack")
        self.pack = pack
        self.helplines = {line.id: line for line in helplines}
        self.situations = {s.id: s for s in pack.situations}
        self.scenes = {s.id: scene_map(s) for s in pack.situations}

    def new_state(self, seed: int = 0, progress: Progress | None = None) -> StoryState:
        return StoryState(self.pack.id, rng.seed_state(seed), progress or Progress())

    def variables(self, situation: Situation) -> list[Variable]:
        return [*self.pack.variables, *situation.variables]

    def current_scene(self, state: StoryState) -> Scene | None:
        if state.situation is None or state.scene is None:
            return None
        return self.scenes[state.situation].get(state.scene)

    def available_choices(self, state: StoryState) -> list[Choice]:
        scene = self.current_scene(state)
        if scene is None or state.ending is not None:
            return []
        visited = set(state.visited)
        return [
            choice
            for choice in scene.choices
            if not (choice.once and f"{scene.id}/{choice.id}" in state.used_once)
            and (choice.condition is None or choice.condition.evaluate(state.values, visited.__contains__))
        ]

    def view(self, state: StoryState) -> list[Event]:
        """The events that draw the current screen again (after loading or a language switch)."""
        scene = self.current_scene(state)
        if scene is None:
            return [MenuShown()]
        return [self._scene_shown(state, scene)]

    def step(self, state: StoryState, action: Action) -> tuple[StoryState, list[Event]]:
        if isinstance(action, Undo):
            return self._undo(state)
        return advance(state, lambda new: self._apply(new, action))

    # --- actions ---

    def _apply(self, state: StoryState, action: Action) -> list[Event]:
        if isinstance(action, Start):
            return self._start(state, action.situation)
        if isinstance(action, JumpTo):
            return self._jump(state, action)
        if isinstance(action, EmergencyExit):
            return self._exit(state)
        if isinstance(action, ToMenu):
            self._leave(state)
            return [MenuShown()]
        scene = self.current_scene(state)
        if scene is None:
            return [Rejected("no situation is being played")]
        if state.ending is not None:
            return [Rejected("this situation has ended")]
        if isinstance(action, Continue):
            if scene.choices or scene.next is None:
                return [Rejected("this scene asks for a choice")]
            return self._enter(state, scene.next)
        choices = self.available_choices(state)
        choice = self._resolve_choice(state, action, choices)
        if choice is None:
            return [Rejected("that choice is not available here")]
        return self._choose(state, scene, choice)

    def _resolve_choice(self, state: StoryState, action: Action, choices: list[Choice]) -> Choice | None:
        if isinstance(action, Choose):
            return next((c for c in choices if c.id == action.choice), None)
        if isinstance(action, ChooseNumber):
            return choices[action.number - 1] if 1 <= action.number <= len(choices) else None
        if isinstance(action, ChooseRandom) and choices:
            choice, state.rng = rng.pick(state.rng, choices)
            return choice
        return None

    def _start(self, state: StoryState, situation_id: str) -> list[Event]:
        situation = self.situations.get(situation_id)
        first = start_scene(situation) if situation else None
        if situation is None or first is None:
            return [Rejected(f"there is no situation '{situation_id}'")]
        self._leave(state)
        state.situation = situation.id
        state.values = {v.id: v.start for v in self.variables(situation)}
        state.replay = state.progress.completed(situation.id)
        return self._enter(state, first)

    def _jump(self, state: StoryState, action: JumpTo) -> list[Event]:
        if action.scene not in self.scenes.get(action.situation, {}):
            return [Rejected(f"there is no scene '{action.scene}' in '{action.situation}'")]
        if state.situation != action.situation:
            events = self._start(state, action.situation)
            if state.scene == action.scene:
                return events
        state.ending = None
        return self._enter(state, action.scene)

    def _choose(self, state: StoryState, scene: Scene, choice: Choice) -> list[Event]:
        assert state.situation is not None
        state.path.append(f"{scene.id}/{choice.id}")
        if choice.once:
            state.used_once.append(f"{scene.id}/{choice.id}")
        changes = self._apply_effects(state, choice.effects)
        state.points += choice.points
        impact = choice.impact if state.replay else None
        made = ChoiceMade(choice.id, choice.label, choice.feedback, impact, changes, choice.points, choice.five_a)
        return [made, *self._enter(state, choice.target)]

    def _enter(self, state: StoryState, scene_id: str) -> list[Event]:
        assert state.situation is not None
        scene = self.scenes[state.situation].get(scene_id)
        if scene is None:
            return [Rejected(f"the scene '{scene_id}' does not exist (run `barst check`)")]
        state.scene = scene.id
        state.visited.append(scene.id)
        events: list[Event] = []
        changes = self._apply_effects(state, scene.effects)
        if changes:
            events.append(ChoiceMade("", None, None, None, changes, 0, None))
        events.append(self._scene_shown(state, scene))
        if scene.ending is not None:
            events.append(self._finish(state, scene))
        return events

    def _finish(self, state: StoryState, scene: Scene) -> EndingReached:
        assert state.situation is not None and scene.ending is not None
        situation = self.situations[state.situation]
        ending = scene.ending
        state.ending = scene.id
        score = ending.score + state.points
        progress = state.progress
        found = progress.endings.setdefault(situation.id, [])
        first_time = scene.id not in found
        if first_time:
            found.append(scene.id)
        unlocked = progress.unlocks.setdefault(situation.id, [])
        new_unlocks = [u for u in ending.unlocks if u not in unlocked]
        unlocked.extend(new_unlocks)
        previous_best = progress.best.get(situation.id)
        progress.best[situation.id] = score if previous_best is None else max(previous_best, score)
        progress.plays[situation.id] = progress.plays.get(situation.id, 0) + 1
        unlock_objects = [u for u in situation.unlocks if u.id in new_unlocks]
        total_endings = sum(1 for s in situation.scenes if s.ending is not None)
        return EndingReached(
            situation.id, scene.id, score, ending, unlock_objects, first_time,
            len(found), total_endings, previous_best,
            tuple(self.helplines[i] for i in ending.helplines if i in self.helplines),
        )

    def _exit(self, state: StoryState) -> list[Event]:
        situation = state.situation
        self._leave(state)
        state.exited = True
        return [EmergencyExited(situation)]

    def _leave(self, state: StoryState) -> None:
        state.situation = None
        state.scene = None
        state.values = {}
        state.visited = []
        state.used_once = []
        state.path = []
        state.points = 0
        state.ending = None
        state.exited = False
        state.replay = False

    def _undo(self, state: StoryState) -> tuple[StoryState, list[Event]]:
        if not state.history:
            return state, [Rejected("there is nothing to undo")]
        previous = StoryState.from_json({**state.history[-1], "history": state.history[:-1]})
        # What replay revealed stays revealed: undo takes back a step, not the discovery.
        previous.progress = copy.deepcopy(state.progress)
        return previous, [Undone(), *self.view(previous)]

    def _apply_effects(self, state: StoryState, effects: list[Any]) -> list[MeterChange]:
        assert state.situation is not None
        ranges = {v.id: v for v in self.variables(self.situations[state.situation])}
        changes = []
        for effect in effects:
            variable = ranges.get(effect.variable)
            old = state.values.get(effect.variable, 0)
            wanted = effect.apply(old)
            new = wanted if variable is None else max(variable.min, min(variable.max, wanted))
            state.values[effect.variable] = new
            changes.append(MeterChange(effect.variable, old, new, clamped=new != wanted))
        return changes

    def showing(self, state: StoryState) -> SceneShown | None:
        """What the current scene shows (to resume a saved state where it stood), or None outside one."""
        scene = self.current_scene(state)
        return self._scene_shown(state, scene) if scene is not None and state.situation is not None else None

    def _scene_shown(self, state: StoryState, scene: Scene) -> SceneShown:
        assert state.situation is not None
        situation = self.situations[state.situation]
        speaker = next((c for c in situation.characters if c.id == scene.speaker), None)
        choices = [ChoiceView(i + 1, c.id, c.label) for i, c in enumerate(self.available_choices(state))]
        can_continue = not scene.choices and scene.next is not None and scene.ending is None
        return SceneShown(situation.id, scene, speaker, choices, dict(state.values), can_continue)
