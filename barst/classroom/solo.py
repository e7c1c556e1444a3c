"""Every pupil plays on their own phone: one engine state per phone token, held on the laptop, and the
class's figures derived from the engine's events in one place (the live view, the debrief and the session
report read the same counts). Pure: the story engine and the content model, no sockets, no pygame.

What is kept is engine states under random tokens and counts; never a name, an address or free text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from barst.engine import events as ev
from barst.engine.story import Choose, Continue, Start, StoryEngine, StoryState, ToMenu
from barst.helplines import for_ending
from barst.model import HelpLine, Pack, Situation
from barst.text import Text, fallback_chain

ACTIONS = ("start", "choose", "continue", "menu")
FEEDBACK_QUESTIONS = ("liked", "learned", "safe", "talk")  # a 5-point scale each (faces and words)
FEEDBACK_CALL = "call"  # "I know who I can call": yes / no


@dataclass(frozen=True, slots=True)
class Play:
    """A phone's move in its own game."""

    action: str
    situation: str = ""
    number: int = 0


@dataclass(frozen=True, slots=True)
class Feedback:
    answers: dict[str, int]  # question -> 1..5
    call: bool | None


@dataclass(slots=True)
class Figures:
    """The class's own figures: counts only."""

    plays: Counter[str] = field(default_factory=Counter)  # situation -> play-throughs started
    replays: Counter[str] = field(default_factory=Counter)  # ... of which after an ending was found before
    endings: dict[str, Counter[str]] = field(default_factory=dict)  # situation -> ending scene -> times
    choices: dict[str, dict[str, Counter[str]]] = field(default_factory=dict)  # situation -> scene -> choice
    five_as: Counter[str] = field(default_factory=Counter)
    feedback: dict[str, Counter[int]] = field(default_factory=dict)  # question -> answer -> count
    call: Counter[str] = field(default_factory=Counter)  # "yes" / "no"

    def record(self, before: StoryState, events: list[ev.Event], after: StoryState, started: bool) -> None:
        situation = after.situation or before.situation or ""
        scene = before.scene or ""
        if started and after.situation:
            self.plays[after.situation] += 1
            if after.replay:
                self.replays[after.situation] += 1
        for event in events:
            if isinstance(event, ev.ChoiceMade) and event.choice:
                self.choices.setdefault(situation, {}).setdefault(scene, Counter())[event.choice] += 1
                if event.five_a:
                    self.five_as[event.five_a] += 1
            elif isinstance(event, ev.EndingReached):
                self.endings.setdefault(event.situation, Counter())[event.scene] += 1

    def add_feedback(self, feedback: Feedback) -> None:
        for question, answer in feedback.answers.items():
            self.feedback.setdefault(question, Counter())[answer] += 1
        if feedback.call is not None:
            self.call["yes" if feedback.call else "no"] += 1

    def to_json(self) -> dict[str, Any]:
        return {"plays": dict(self.plays), "replays": dict(self.replays),
                "endings": {s: dict(c) for s, c in self.endings.items()},
                "choices": {s: {sc: dict(c) for sc, c in scenes.items()} for s, scenes in self.choices.items()},
                "five_as": dict(self.five_as),
                "feedback": {q: {str(a): n for a, n in c.items()} for q, c in self.feedback.items()},
                "call": dict(self.call)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figures:
        return cls(Counter(data["plays"]), Counter(data["replays"]),
                   {s: Counter(c) for s, c in data["endings"].items()},
                   {s: {sc: Counter(c) for sc, c in scenes.items()} for s, scenes in data["choices"].items()},
                   Counter(data["five_as"]),
                   {q: Counter({int(a): n for a, n in c.items()}) for q, c in data["feedback"].items()},
                   Counter(data["call"]))


class SoloRoom:
    """The phones' own games. `open` lists the situations the trainer opened, in order."""

    def __init__(self, pack: Pack, open_situations: list[str], pictures: dict[str, str] | None = None,
                 helplines: Sequence[HelpLine] = (), region: str = "flanders") -> None:
        self.pack = pack
        self.lines, self.region = tuple(helplines), region
        self.engine = StoryEngine(pack, self.lines)
        self.open = [s for s in open_situations if s in self.engine.situations]
        self.pictures = pictures or {}  # image path in the pack -> picture id served to phones
        self.states: dict[str, StoryState] = {}
        self.figures = Figures()
        self.feedback_given: set[str] = set()

    def state(self, token: str) -> StoryState:
        found = self.states.get(token)
        if found is None:
            found = self.states[token] = self.engine.new_state(0)
        return found

    def act(self, token: str, play: Play) -> list[ev.Event]:
        """One move; the events to show (empty when refused: the phone is sent its view again)."""
        state = self.state(token)
        if play.action == "start":
            if play.situation not in self.open:
                return []
            action: Any = Start(play.situation)
        elif play.action == "choose":
            choices = self.engine.available_choices(state)
            if not 1 <= play.number <= len(choices):
                return []
            action = Choose(choices[play.number - 1].id)
        elif play.action == "continue":
            action = Continue()
        else:
            action = ToMenu()
        new, events = self.engine.step(state, action)
        if events and isinstance(events[0], ev.Rejected):
            return []
        new.history = []  # undo is the projector's; a phone's state stays small
        self.figures.record(state, events, new, started=play.action == "start")
        self.states[token] = new
        return events

    def exit(self, token: str) -> None:
        """The phone's emergency exit: its situation is left (the session counts exits, never per pupil)."""
        state = self.states.get(token)
        if state is not None and state.situation is not None:
            self.states[token] = self.engine.step(state, ToMenu())[0]

    def feedback(self, token: str, feedback: Feedback) -> bool:
        if token in self.feedback_given:
            return False  # one form per phone; a changed answer is not asked for
        self.feedback_given.add(token)
        self.figures.add_feedback(feedback)
        return True

    def view(self, token: str) -> list[ev.Event]:
        """What a phone shows after a reload: the menu, or the scene it was on (and its ending)."""
        state = self.state(token)
        scene = self.engine.current_scene(state)
        if scene is not None and scene.ending is not None and state.situation:
            return [self._ending_again(state)]  # the score again, then the menu
        return self.engine.view(state)

    def playing(self) -> Counter[str]:
        return Counter(s.situation for s in self.states.values() if s.situation and s.ending is None)

    def found(self) -> dict[str, int]:
        """Different endings the class found per situation."""
        return {s: len(c) for s, c in self.figures.endings.items()}

    def _ending_again(self, state: StoryState) -> ev.EndingReached:
        assert state.situation is not None and state.scene is not None
        situation = self.engine.situations[state.situation]
        scene = self.engine.scenes[situation.id][state.scene]
        assert scene.ending is not None
        found = state.progress.endings.get(situation.id, [])
        total = sum(1 for s in situation.scenes if s.ending is not None)
        named = tuple(self.engine.helplines[i] for i in scene.ending.helplines if i in self.engine.helplines)
        return ev.EndingReached(situation.id, scene.id, scene.ending.score + state.points, scene.ending, [], False,
                                len(found), total, state.progress.best.get(situation.id), named)

    # --- persistence (the class session's autosave) ---

    def to_json(self) -> dict[str, Any]:
        return {"open": self.open, "states": {t: s.to_json() for t, s in self.states.items()},
                "figures": self.figures.to_json(), "feedback_given": sorted(self.feedback_given)}

    def restore(self, data: dict[str, Any]) -> None:
        self.open = [s for s in data["open"] if s in self.engine.situations]
        self.states = {t: StoryState.from_json(s) for t, s in data["states"].items()}
        self.figures = Figures.from_json(data["figures"])
        self.feedback_given = set(data["feedback_given"])


# --- what a phone is sent (one language) ---


class Render:
    """Engine events as plain dicts for a phone, in one language."""

    def __init__(self, room: SoloRoom, lang: str) -> None:
        self.room, self.lang = room, lang
        self.chain = list(fallback_chain(lang, room.pack.fallback or room.pack.languages))

    def tx(self, text: Text | None) -> str:
        return "" if text is None else text.get(self.lang, self.chain)

    def steps(self, token: str, events: list[ev.Event]) -> list[dict[str, Any]]:
        state = self.room.state(token)
        steps: list[dict[str, Any]] = []
        for event in events:
            if isinstance(event, ev.ChoiceMade):
                if event.choice or event.changes:
                    steps.append(self.consequence(state, event))
            elif isinstance(event, ev.SceneShown):
                steps.append(self.scene(event))
            elif isinstance(event, ev.EndingReached):
                steps.append(self.ending(event))
                if event.unlocked:
                    steps.append({"kind": "unlocked", "items": [{"title": self.tx(u.title), "text": self.tx(u.text)}
                                                                for u in event.unlocked]})
            elif isinstance(event, ev.MenuShown):
                steps.append(self.menu(state))
        if steps and steps[-1]["kind"] in ("ending", "unlocked"):
            steps.append(self.menu(state))
        return steps

    def menu(self, state: StoryState) -> dict[str, Any]:
        situations = []
        for sid in self.room.open:
            situation = self.room.engine.situations[sid]
            total = sum(1 for s in situation.scenes if s.ending is not None)
            situations.append({"id": sid, "title": self.tx(situation.title), "summary": self.tx(situation.summary),
                               "notes": self.tx(situation.content_notes), "picture": self.picture(situation.image),
                               "found": len(state.progress.endings.get(sid, [])), "total": total,
                               "best": state.progress.best.get(sid)})
        return {"kind": "menu", "situations": situations}

    def scene(self, event: ev.SceneShown) -> dict[str, Any]:
        situation = self.room.engine.situations[event.situation]
        image = event.scene.image or (event.speaker.image if event.speaker else None) or situation.image
        return {"kind": "scene", "situation": situation.id, "title": self.tx(situation.title),
                "speaker": self.tx(event.speaker.name) if event.speaker else "",
                "role": self.tx(event.speaker.role) if event.speaker and event.speaker.role else "",
                "text": self.tx(event.scene.text), "picture": self.picture(image),
                "meters": self.meters(situation, event.values),
                "choices": [{"number": c.number, "label": self.tx(c.label)} for c in event.choices],
                "can_continue": event.can_continue}

    def consequence(self, state: StoryState, event: ev.ChoiceMade) -> dict[str, Any]:
        situation = self.room.engine.situations.get(state.situation or "")
        labels = {v.id: v for v in self.room.engine.variables(situation)} if situation else {}
        changes = []
        for change in event.changes:
            variable = labels.get(change.variable)
            if variable is None or variable.kind != "meter":
                continue
            changes.append({"label": self.tx(variable.label) or variable.id, "old": change.old, "new": change.new,
                            "min": variable.min, "max": variable.max, "good_high": variable.good == "high"})
        return {"kind": "consequence", "label": self.tx(event.label), "feedback": self.tx(event.feedback),
                "impact": self.tx(event.impact), "changes": changes, "points": event.points}

    def ending(self, event: ev.EndingReached) -> dict[str, Any]:
        ending = event.ending
        situation = self.room.engine.situations[event.situation]
        return {"kind": "ending", "scene": event.scene, "title": self.tx(situation.title), "score": event.score,
                "ending_kind": ending.kind, "verdict": self.tx(ending.verdict), "helps": self.tx(ending.helps),
                "five_as": list(ending.five_as), "found": event.endings_found, "total": event.endings_total,
                "first_time": event.first_time,
                "helplines": [{"name": self.tx(line.name), "number": line.number, "hours": self.tx(line.hours),
                               "link": line.tel_link() or line.web_link() or ""}
                              for line in for_ending(event.helplines, self.room.region, self.lang)]}

    def meters(self, situation: Situation, values: dict[str, int]) -> list[dict[str, Any]]:
        return [{"label": self.tx(v.label) or v.id, "value": values.get(v.id, v.start), "min": v.min, "max": v.max}
                for v in self.room.engine.variables(situation) if v.kind == "meter"]

    def picture(self, image: str | None) -> str | None:
        return self.room.pictures.get(image) if image else None


def parse_play(data: dict[str, Any]) -> Play | Feedback | None:
    """A phone's play or feedback message (already JSON), or None when it is not one of ours."""
    if data.get("type") == "play":
        action, situation, number = data.get("action"), data.get("situation", ""), data.get("number", 0)
        if action not in ACTIONS or not isinstance(situation, str) or len(situation) > 80:
            return None
        if type(number) is not int or not 0 <= number <= 99:
            return None
        return Play(action, situation, number)
    if data.get("type") == "feedback":
        answers, call = data.get("answers"), data.get("call")
        if not isinstance(answers, dict) or call not in (True, False, None):
            return None
        clean = {q: a for q, a in answers.items() if q in FEEDBACK_QUESTIONS and type(a) is int and 1 <= a <= 5}
        return Feedback(clean, call)
    return None
