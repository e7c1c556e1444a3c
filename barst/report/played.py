"""What a session played, counted as it is played, and made into a record at its end (pure: no pygame).

The story player and the class vote feed `StoryLog` with the engine's actions and events; a class where
every pupil plays on their own phone gives its `Figures` (barst/classroom/solo.py); the board game gives
its final engine state. Only counts and the pack's own ids are kept.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from barst.engine import events as ev
from barst.report.record import SessionRecord, Trainer, feedback_averages, helpline_ids, new_id, themes_of


@dataclass(slots=True)
class StoryLog:
    """Counts from one story session on the projector (alone or with the class voting)."""

    started: datetime = field(default_factory=datetime.now)
    clock: float = field(default_factory=time.monotonic)
    played: Counter[str] = field(default_factory=Counter)  # situation -> play-throughs started
    endings: int = 0
    choices: int = 0
    exits: int = 0

    def add(self, action: object, events: Iterable[ev.Event]) -> None:
        from barst.engine.story import Start

        events = list(events)
        if events and isinstance(events[0], ev.Rejected):
            return
        if isinstance(action, Start):
            self.played[action.situation] += 1
        for event in events:
            if isinstance(event, ev.ChoiceMade) and event.choice:
                self.choices += 1
            elif isinstance(event, ev.EndingReached):
                self.endings += 1
            elif isinstance(event, ev.EmergencyExited):
                self.exits += 1

    def anything(self) -> bool:
        return bool(self.played or self.exits)

    def minutes(self) -> int:
        return max(0, round((time.monotonic() - self.clock) / 60))


@dataclass(frozen=True, slots=True)
class Where:
    """What every record says about the session's setting."""

    pack: Any  # barst.model.Pack
    language: str
    region: str
    helplines: list[Any] = field(default_factory=list)  # the lines the emergency exit shows


def story_record(log: StoryLog, where: Where, mode: str = "story") -> SessionRecord:
    return SessionRecord(
        new_id(log.started), log.started.date(), log.minutes(), where.pack.id, where.language, where.region, mode,
        dict(log.played), themes_of(where.pack, log.played), log.endings, log.choices, log.exits,
        helpline_ids(where.helplines) if log.exits else [], {}, Trainer())


def solo_record(figures: Mapping[str, Any], exits: int, started: datetime, minutes: int,
                where: Where) -> SessionRecord:
    """A class on their own phones, from the class's figures (`Figures.to_json()`) and its exit count."""
    plays = {str(s): int(n) for s, n in figures.get("plays", {}).items()}
    endings = sum(int(n) for scenes in figures.get("endings", {}).values() for n in scenes.values())
    choices = sum(int(n) for scenes in figures.get("choices", {}).values()
                  for picks in scenes.values() for n in picks.values())
    feedback = feedback_averages({str(q): {int(a): int(n) for a, n in c.items()}
                                  for q, c in figures.get("feedback", {}).items()})
    return SessionRecord(new_id(started), started.date(), minutes, where.pack.id, where.language, where.region,
                         "class-solo", plays, themes_of(where.pack, plays), endings, choices, exits,
                         helpline_ids(where.helplines) if exits else [], feedback, Trainer())


def board_record(pack: Any, drawn: list[str], over: bool, exits: int, started: datetime, minutes: int,
                 where: Where) -> SessionRecord:
    """A board game: the decks its cards came from, the themes of those cards, cards played as choices."""
    cards = {card.id: card for card in pack.cards}
    played: Counter[str] = Counter(cards[c].deck or "" for c in drawn if c in cards)
    played.pop("", None)
    themes = sorted({t for c in drawn if c in cards for t in cards[c].themes}) or themes_of(pack, played)
    return SessionRecord(new_id(started), started.date(), minutes, pack.id, where.language, where.region, "board",
                         dict(played), themes, 1 if over else 0, len(drawn), exits,
                         helpline_ids(where.helplines) if exits else [], {}, Trainer())
