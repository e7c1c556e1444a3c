"""One session's record: aggregates only, one JSON file per session in the data folder.

What a record may hold is closed: ids from the pack (situations, decks, themes, help lines), counts,
averages and the trainer's choices from fixed lists. No free text, no names, no tokens, no addresses, no
per-pupil times: `from_json` refuses anything else, so a record read back is as clean as one written.
Files are written atomically and never overwritten by a new session (append-only); a corrupt or foreign
file is skipped with a sentence naming it and the others are kept.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from barst import atomic

FORMAT = "barst-session/1"
MODES = ("story", "class-vote", "class-solo", "board")  # projector story, class vote, class solo, board game
AUDIENCES = ("pupils", "professionals", "citizens")
GRADES = ("primary", "secondary-1", "secondary-2", "secondary-3", "higher")  # Belgian grades (graden/degrés)
SCHOOL_TYPES = ("general", "technical", "vocational", "arts", "special", "other")  # aso/tso/bso/kso, buso
SECTORS = ("welfare", "health", "education", "police", "justice", "youth", "childcare", "elderly-care",
           "local-government", "other")
SETTINGS = ("classroom", "school-hall", "youth-work", "training-room", "community", "other")  # where it was played
WENT = (1, 2, 3, 4, 5)  # how the session went, as the trainer saw it: 1 (hard) to 5 (very well)
ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
PROJECT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")  # a project or municipality code (NIS code, …)
RECORD_ID = re.compile(r"\d{8}-\d{4}-[0-9a-f]{4}")
MAX_COUNT = 100_000


@dataclass(frozen=True, slots=True)
class Trainer:
    """What the trainer enters at the end (every field optional; editable later with `barst report --edit`)."""

    participants: int | None = None  # people counted in the room (phones are not people)
    audience: str | None = None  # one of AUDIENCES
    grade: str | None = None  # pupils
    school_type: str | None = None  # pupils
    sector: str | None = None  # professionals
    project: str | None = None  # optional project or municipality code
    setting: str | None = None  # one of SETTINGS
    went: int | None = None  # one of WENT


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: str
    date: date
    minutes: int
    pack: str
    language: str
    region: str
    mode: str
    played: dict[str, int] = field(default_factory=dict)  # situation or deck -> times played
    themes: list[str] = field(default_factory=list)  # types of violence the played content covers
    endings: int = 0
    choices: int = 0
    exits: int = 0
    helplines: list[str] = field(default_factory=list)  # help lines the emergency exit showed
    feedback: dict[str, tuple[int, float]] = field(default_factory=dict)  # question -> (answers, average 1..5)
    trainer: Trainer = field(default_factory=Trainer)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        data["feedback"] = {q: {"answers": n, "average": round(avg, 2)} for q, (n, avg) in self.feedback.items()}
        return {"format": FORMAT, **data}


class RecordError(ValueError):
    """A file that is not a session record barst wrote (its sentence says why)."""


def new_id(when: datetime) -> str:
    return f"{when:%Y%m%d-%H%M}-{secrets.token_hex(2)}"


def from_json(data: object) -> SessionRecord:
    """A record from parsed JSON, or RecordError when anything is missing, unknown or out of range."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RecordError("it is not a barst session record")
    known = {"format", *SessionRecord.__dataclass_fields__}
    extra = sorted(set(data) - known)
    if extra:
        raise RecordError(f"it holds fields a session record never has ({', '.join(extra)})")
    try:
        day = date.fromisoformat(_text(data, "date", re.compile(r"\d{4}-\d{2}-\d{2}")))
    except ValueError:
        raise RecordError("its date is not a date") from None
    trainer = data.get("trainer", {})
    if not isinstance(trainer, dict) or set(trainer) - set(Trainer.__dataclass_fields__):
        raise RecordError("its trainer entries are not ours")
    return SessionRecord(
        id=_text(data, "id", RECORD_ID), date=day, minutes=_count(data.get("minutes"), "minutes"),
        pack=_text(data, "pack", ID), language=_text(data, "language", re.compile(r"[a-z]{2}")),
        region=_region(data.get("region", "")), mode=_choice(data.get("mode"), MODES, "mode")
        or "story", played=_counts(data.get("played", {}), "played"), themes=_ids(data.get("themes", []), "themes"),
        endings=_count(data.get("endings", 0), "endings"), choices=_count(data.get("choices", 0), "choices"),
        exits=_count(data.get("exits", 0), "exits"), helplines=_ids(data.get("helplines", []), "helplines"),
        feedback=_feedback(data.get("feedback", {})), trainer=trainer_from_json(trainer))


def trainer_from_json(data: Mapping[str, Any]) -> Trainer:
    participants = data.get("participants")
    project = data.get("project")
    if project is not None and not (isinstance(project, str) and PROJECT.fullmatch(project)):
        raise RecordError("its project code is not a short code")
    return Trainer(None if participants is None else _count(participants, "participants"),
                   _choice(data.get("audience"), AUDIENCES, "audience"), _choice(data.get("grade"), GRADES, "grade"),
                   _choice(data.get("school_type"), SCHOOL_TYPES, "school type"),
                   _choice(data.get("sector"), SECTORS, "sector"), project,
                   _choice(data.get("setting"), SETTINGS, "setting"), _went(data.get("went")))


def _went(value: object) -> int | None:
    if value is None:
        return None
    if type(value) is not int or value not in WENT:
        raise RecordError("its 'how it went' is not a mark from 1 to 5")
    return value


def _text(data: Mapping[str, Any], key: str, pattern: re.Pattern[str]) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise RecordError(f"its {key} is missing or not an id")
    return value


def _region(value: object) -> str:
    """A help-line region id (flanders, wallonia, brussels, ostbelgien, …), or "" when none was set."""
    if value == "":
        return ""
    if not isinstance(value, str) or not ID.fullmatch(value):
        raise RecordError("its region is not an id")
    return value


def _count(value: object, what: str) -> int:
    if type(value) is not int or not 0 <= value <= MAX_COUNT:
        raise RecordError(f"its {what} is not a count")
    return value


def _choice(value: object, allowed: tuple[str, ...], what: str) -> str | None:
    if value is None:
        return None
    if value not in allowed:
        raise RecordError(f"its {what} is not one of {', '.join(a for a in allowed if a)}")
    return str(value)


def _ids(value: object, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and ID.fullmatch(v) for v in value):
        raise RecordError(f"its {what} are not ids")
    return list(dict.fromkeys(value))


def _counts(value: object, what: str) -> dict[str, int]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and ID.fullmatch(k) for k in value):
        raise RecordError(f"its {what} are not counts per id")
    return {k: _count(v, what) for k, v in value.items()}


def _feedback(value: object) -> dict[str, tuple[int, float]]:
    if not isinstance(value, dict):
        raise RecordError("its feedback is not averages")
    found: dict[str, tuple[int, float]] = {}
    for question, entry in value.items():
        if not (isinstance(question, str) and ID.fullmatch(question) and isinstance(entry, dict)):
            raise RecordError("its feedback is not averages")
        average = entry.get("average")
        if isinstance(average, bool) or not isinstance(average, (int, float)) or not 0 <= average <= 5:
            raise RecordError("its feedback average is not between 1 and 5")
        found[question] = (_count(entry.get("answers"), "feedback answers"), float(average))
    return found


# --- building a record from what was played (pure) ---


def themes_of(pack: Any, played: Iterable[str]) -> list[str]:
    """The themes the played situations or decks cover, from the pack's own data (the pack's when none)."""
    chosen = set(played)
    themes: list[str] = []
    for situation in getattr(pack, "situations", []):
        if situation.id in chosen:
            themes += situation.themes
    for card in getattr(pack, "cards", []):
        if card.deck in chosen:
            themes += card.themes
    if chosen and not themes:
        themes = list(getattr(pack, "themes", []))
    return sorted(dict.fromkeys(t for t in themes if ID.fullmatch(t)))


def feedback_averages(answers: Mapping[str, Mapping[int | str, int]]) -> dict[str, tuple[int, float]]:
    """question -> answer -> count (the class's Figures) as question -> (answers, average)."""
    found: dict[str, tuple[int, float]] = {}
    for question, counts in answers.items():
        total = sum(counts.values())
        if total and ID.fullmatch(question):
            found[question] = (total, sum(int(a) * n for a, n in counts.items()) / total)
    return found


def helpline_ids(lines: Iterable[Any]) -> list[str]:
    return [line.id for line in lines if ID.fullmatch(str(getattr(line, "id", "")))]


# --- the folder of records ---


def sessions_dir(folder: Path | None = None) -> Path:
    from barst.datadir import data_dir

    return (folder or data_dir()) / "sessions"


def write(record: SessionRecord, folder: Path | None = None) -> Path:
    """Write a new session's file atomically; an existing file is never replaced (a new id is drawn)."""
    from_json(record.to_json())  # raises RecordError: nothing is written that could not be read back clean
    where = sessions_dir(folder)
    path = where / f"{record.id}.json"
    while path.exists():
        record = replace(record, id=f"{record.id[:13]}-{secrets.token_hex(2)}")
        path = where / f"{record.id}.json"
    atomic.write_text(path, json.dumps(record.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return path


@dataclass(slots=True)
class Loaded:
    records: list[SessionRecord]
    skipped: list[str]  # one sentence per file that was not read


def load_all(folder: Path | None = None) -> Loaded:
    where = sessions_dir(folder)
    records: list[SessionRecord] = []
    skipped: list[str] = []
    paths = sorted(where.glob("*.json")) if where.is_dir() else []
    for path in paths:
        try:
            record = from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            reason = exc if isinstance(exc, RecordError) else "it cannot be read as JSON"
            skipped.append(f"Skipped {path}: {reason}.")
            continue
        records.append(record)
    records.sort(key=lambda r: (r.date, r.id))
    return Loaded(records, skipped)


def find(record_id: str, folder: Path | None = None) -> Path | None:
    path = sessions_dir(folder) / f"{record_id}.json"
    return path if RECORD_ID.fullmatch(record_id) and path.is_file() else None


def edit(record_id: str, trainer: Trainer, folder: Path | None = None) -> SessionRecord:
    """The trainer corrects their own entries; every other figure stays as it was played."""
    path = find(record_id, folder)
    if path is None:
        raise RecordError(f"there is no session {record_id} (see `barst report --list`)")
    record = from_json(json.loads(path.read_text(encoding="utf-8")))
    record = replace(record, trainer=trainer)
    atomic.write_text(path, json.dumps(record.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return record


def delete(record_id: str, folder: Path | None = None) -> bool:
    path = find(record_id, folder)
    if path is None:
        return False
    path.unlink()
    return True
