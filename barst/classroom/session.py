"""The class session's rules as a pure state machine: phone messages and trainer commands in, messages to
phones and a tally out. No sockets, threads or pygame here (the server only carries, the projector only
decides), so every rule is tested without a network.

A phone is known only by a random token its page made; nothing else about it is kept, and nothing here
is written to disk. Nothing a phone sends can change anything but its own vote and its own language.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from barst.classroom.solo import Feedback, Play, Render, SoloRoom, parse_play

MAX_MESSAGE_BYTES = 2048  # a vote is ~60 bytes; anything bigger is not ours
MAX_PHONES = 400  # a class is ~25; this bounds memory against a script that invents tokens
TOKEN = re.compile(r"[0-9a-f]{32}")

WAITING, VOTE, PAUSED, CLOSED = "waiting", "vote", "paused", "closed"
PLAY, FEEDBACK = "play", "feedback"  # every pupil plays on their own phone; the feedback form is open


@dataclass(frozen=True, slots=True)
class Choice:
    number: int
    labels: dict[str, str]  # per phone language


@dataclass(frozen=True, slots=True)
class Question:
    id: int
    prompt: dict[str, str]  # per phone language: the situation's title
    choices: tuple[Choice, ...]

    def label(self, number: int, lang: str) -> str:
        choice = next((c for c in self.choices if c.number == number), None)
        return "" if choice is None else choice.labels.get(lang, "")


@dataclass(frozen=True, slots=True)
class Tally:
    """What the projector shows: votes per choice number, who voted, how many phones are here."""

    question: int | None
    phase: str
    counts: dict[int, int]
    voters: int
    connected: int
    joined: int
    playing: dict[str, int] = field(default_factory=dict)  # solo: phones in each situation now
    plays: dict[str, int] = field(default_factory=dict)  # solo: play-throughs started
    replays: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)  # solo: different endings the class found
    feedback: int = 0  # solo: forms sent

    def leaders(self) -> list[int]:
        """The choice numbers with the most votes (all of them when nobody voted)."""
        if not self.counts:
            return []
        best = max(self.counts.values())
        return sorted(n for n, c in self.counts.items() if c == best)


@dataclass(frozen=True, slots=True)
class Outgoing:
    token: str
    message: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Hello:
    token: str
    lang: str | None


@dataclass(frozen=True, slots=True)
class Vote:
    question: int
    choice: int


@dataclass(frozen=True, slots=True)
class SetLang:
    lang: str


@dataclass(frozen=True, slots=True)
class ExitUsed:
    pass


@dataclass(frozen=True, slots=True)
class Sync:
    """The page woke up (screen unlocked, app switched back): it asks for its state again."""


Message = Hello | Vote | SetLang | ExitUsed | Sync | Play | Feedback


def parse(raw: str | bytes) -> Message | None:
    """A phone's message, or None for anything malformed, oversized or unknown (dropped, no effect)."""
    if len(raw) > MAX_MESSAGE_BYTES:
        return None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    kind = data.get("type")
    if kind == "hello":
        token, lang = data.get("token"), data.get("lang")
        if not isinstance(token, str) or not TOKEN.fullmatch(token):
            return None
        return Hello(token, lang if isinstance(lang, str) and len(lang) <= 8 else None)
    if kind == "vote":
        question, choice = data.get("question"), data.get("choice")
        if isinstance(question, int) and isinstance(choice, int) and _small_int(question) and _small_int(choice):
            return Vote(question, choice)
        return None
    if kind == "lang":
        lang = data.get("lang")
        return SetLang(lang) if isinstance(lang, str) and len(lang) <= 8 else None
    if kind == "exit":
        return ExitUsed()
    if kind == "sync":
        return Sync()
    if kind in ("play", "feedback"):
        return parse_play(data)
    return None


def _small_int(value: object) -> bool:
    return type(value) is int and 0 <= value < 1_000_000  # bool is an int subclass: refused by `type is`


@dataclass(slots=True)
class Phone:
    lang: str
    connections: int = 0


@dataclass(slots=True)
class Result:
    number: int
    by_lot: bool


@dataclass(slots=True)
class ClassSession:
    """One class. `languages` are the phone page's languages; `words`, `helplines` and `title` are
    given per language, ready to send (the projector resolves them from the pack and the help lines)."""

    pin: str
    languages: list[str]
    words: dict[str, dict[str, str]]
    helplines: dict[str, list[dict[str, str]]]
    title: dict[str, str]
    session_id: str = "0"
    phones: dict[str, Phone] = field(default_factory=dict)
    votes: dict[str, int] = field(default_factory=dict)
    exited: set[str] = field(default_factory=set)  # only ever reported as a count
    phase: str = WAITING
    question: Question | None = None
    result: Result | None = None
    solo: SoloRoom | None = None  # set when every pupil plays on their own phone

    # --- phones ---

    def join(self, hello: Hello) -> list[Outgoing] | None:
        """A connection said hello: its welcome and state, or None when the room is full."""
        phone = self.phones.get(hello.token)
        if phone is None:
            if len(self.phones) >= MAX_PHONES:
                return None
            phone = self.phones[hello.token] = Phone(self._language(hello.lang))
        elif hello.lang in self.languages:
            phone.lang = hello.lang
        phone.connections += 1
        return [self._welcome(hello.token), self._state(hello.token), *self._play_view(hello.token)]

    def leave(self, token: str) -> None:
        phone = self.phones.get(token)
        if phone is not None and phone.connections > 0:
            phone.connections -= 1

    def receive(self, token: str, message: Message) -> list[Outgoing]:
        """A message from a phone that has said hello. Only its own vote or language can change."""
        phone = self.phones.get(token)
        if phone is None:
            return []
        if isinstance(message, Vote):
            question = self.question
            if (self.phase == VOTE and question is not None and message.question == question.id
                    and any(c.number == message.choice for c in question.choices)):
                self.votes[token] = message.choice
            return [self._state(token)]  # a stale or refused vote resynchronises that phone
        if isinstance(message, SetLang):
            if message.lang in self.languages:
                phone.lang = message.lang
                return [self._welcome(token), self._state(token), *self._play_view(token)]
            return []
        if isinstance(message, ExitUsed):
            self.exited.add(token)
            if self.solo is not None:
                self.solo.exit(token)
            return []
        if isinstance(message, Sync):
            return [self._state(token), *self._play_view(token)]
        if isinstance(message, (Play, Feedback)):
            return self._solo_move(token, message)
        return []

    def _solo_move(self, token: str, message: Play | Feedback) -> list[Outgoing]:
        solo = self.solo
        if solo is None:
            return []
        if isinstance(message, Play):
            if self.phase != PLAY:
                return [self._state(token)]
            events = solo.act(token, message)
            return [self._play(token, events or solo.view(token))]
        if isinstance(message, Feedback) and self.phase == FEEDBACK:
            solo.feedback(token, message)
            return [self._state(token)]
        return []

    # --- the trainer (the projector decides) ---

    def open_vote(self, question: Question) -> list[Outgoing]:
        self.question, self.result, self.phase = question, None, VOTE
        self.votes = {}
        return self.broadcast()

    def pause(self) -> list[Outgoing]:
        if self.phase == VOTE:
            self.phase = PAUSED
        return self.broadcast()

    def resume(self) -> list[Outgoing]:
        if self.phase == PAUSED:
            self.phase = VOTE
        return self.broadcast()

    def close_vote(self) -> list[Outgoing]:
        """Stop taking votes; the tally is final until `announce` or the next question."""
        if self.phase in (VOTE, PAUSED):
            self.phase = CLOSED
        return self.broadcast()

    def announce(self, number: int, by_lot: bool) -> list[Outgoing]:
        self.phase, self.result = CLOSED, Result(number, by_lot)
        return self.broadcast()

    def idle(self) -> list[Outgoing]:
        """No question (a consequence, an ending, the menu): phones look at the projector."""
        self.phase, self.question, self.result = WAITING, None, None
        self.votes = {}
        return self.broadcast()

    def start_solo(self, solo: SoloRoom) -> list[Outgoing]:
        """Every pupil plays on their own phone, in the situations the trainer opened."""
        self.solo, self.phase, self.question, self.result = solo, PLAY, None, None
        self.votes = {}
        return [*self.broadcast(), *(self._play(t, solo.view(t)) for t in self._online())]

    def set_open(self, situations: list[str]) -> list[Outgoing]:
        """The trainer changed which situations the phones may play (a phone in one keeps playing it)."""
        if self.solo is not None:
            self.solo.open = [s for s in situations if s in self.solo.engine.situations]
        return self.resync()

    def open_feedback(self) -> list[Outgoing]:
        if self.solo is not None:
            self.phase = FEEDBACK
        return self.broadcast()

    def back_to_play(self) -> list[Outgoing]:
        if self.solo is not None:
            self.phase = PLAY
        return self.resync()

    def resync(self) -> list[Outgoing]:
        """Every online phone's state and screen again (after a resume or the feedback form)."""
        return [*self.broadcast(), *(out for t in self._online() for out in self._play_view(t))]

    def clear(self, pin: str, session_id: str) -> None:
        """A new class: every phone is forgotten and must join again with the new PIN."""
        self.pin, self.session_id = pin, session_id
        self.phones, self.votes, self.exited = {}, {}, set()
        self.phase, self.question, self.result = WAITING, None, None
        if self.solo is not None:  # a new class starts clean: no replay progress carries over
            self.solo = SoloRoom(self.solo.pack, self.solo.open, self.solo.pictures, self.solo.lines, self.solo.region)
            self.phase = PLAY

    def to_json(self) -> dict[str, Any]:
        """What the autosave keeps: random tokens with their language and game, and counts."""
        return {"pin": self.pin, "session_id": self.session_id, "phase": self.phase,
                "phones": {token: phone.lang for token, phone in self.phones.items()},
                "exited": sorted(self.exited), "solo": self.solo.to_json() if self.solo else None}

    def restore(self, data: dict[str, Any]) -> None:
        """Take back an autosaved session (raises KeyError, TypeError or ValueError on a foreign file)."""
        phones = {str(t): Phone(str(lang)) for t, lang in dict(data["phones"]).items() if TOKEN.fullmatch(str(t))}
        pin, session_id = str(data["pin"]), str(data["session_id"])
        if not re.fullmatch(r"\d{4}", pin):
            raise ValueError("not a PIN")
        if self.solo is not None and data.get("solo"):
            self.solo.restore(data["solo"])
        for token, phone in self.phones.items():  # phones that came back before the trainer chose to resume
            phones.setdefault(token, phone).connections = phone.connections
        self.pin, self.session_id, self.phones = pin, session_id, phones
        self.exited = {str(t) for t in data["exited"]}
        phase = data["phase"]
        if self.solo is not None and phase in (PLAY, FEEDBACK):
            self.phase = phase

    def tally(self) -> Tally:
        question = self.question
        counts = {c.number: 0 for c in question.choices} if question else {}
        for number in self.votes.values():
            if number in counts:
                counts[number] += 1
        connected = sum(1 for phone in self.phones.values() if phone.connections > 0)
        solo = self.solo
        if solo is None:
            return Tally(question.id if question else None, self.phase, counts, len(self.votes), connected,
                         len(self.phones))
        figures = solo.figures
        return Tally(None, self.phase, {}, 0, connected, len(self.phones), dict(solo.playing()), dict(figures.plays),
                     dict(figures.replays), solo.found(), len(solo.feedback_given))

    @property
    def exits(self) -> int:
        return len(self.exited)

    # --- messages ---

    def broadcast(self) -> list[Outgoing]:
        return [self._state(token) for token, phone in self.phones.items() if phone.connections > 0]

    def _online(self) -> list[str]:
        return [token for token, phone in self.phones.items() if phone.connections > 0]

    def _play_view(self, token: str) -> list[Outgoing]:
        if self.solo is None or self.phase != PLAY:
            return []
        return [self._play(token, self.solo.view(token))]

    def _play(self, token: str, events: list[Any]) -> Outgoing:
        assert self.solo is not None
        lang = self.phones[token].lang
        return Outgoing(token, {"type": "play", "steps": Render(self.solo, lang).steps(token, events)})

    def _language(self, lang: str | None) -> str:
        return lang if lang in self.languages else self.languages[0]

    def _welcome(self, token: str) -> Outgoing:
        lang = self.phones[token].lang
        return Outgoing(token, {"type": "welcome", "session": self.session_id, "lang": lang,
                                "langs": self.languages, "words": self.words.get(lang, {}),
                                "helplines": self.helplines.get(lang, []), "title": self.title.get(lang, "")})

    def _state(self, token: str) -> Outgoing:
        lang = self.phones[token].lang
        question = self.question
        shown = None
        if question is not None and self.phase != WAITING:
            shown = {"id": question.id, "prompt": question.prompt.get(lang, ""),
                     "choices": [{"number": c.number, "label": c.labels.get(lang, "")} for c in question.choices]}
        result = None
        if self.result is not None and question is not None:
            result = {"number": self.result.number, "label": question.label(self.result.number, lang),
                      "lot": self.result.by_lot}
        feedback_done = self.solo is not None and token in self.solo.feedback_given
        return Outgoing(token, {"type": "state", "mode": "solo" if self.solo else "vote", "phase": self.phase,
                                "question": shown, "vote": self.votes.get(token), "result": result,
                                "feedback_done": feedback_done})
