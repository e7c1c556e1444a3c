"""Records added up for a reporting period, and the small-count rule every export applies.

Periods follow the federal impulse projects' reporting: T1 runs from 25 October to 25 February, T2 from
25 February to 25 June, T3 from 25 June to 25 October. A period is named after the year it ends in, so
"2026-T1" is 25/10/2025 up to 24/02/2026, "2026-T2" 25/02/2026 up to 24/06/2026 and "2026-T3" 25/06/2026
up to 24/10/2026: the three periods of a reporting year share its name. The day on a boundary belongs to
the period it starts (a session on 25 February is in T2).

The small-count rule: every count of people or of what they did (participants, endings, choices, exits,
feedback answers), in every breakdown and every per-session row, is shown as "<5" from 1 to 4. The number
of sessions and their hours in the totals are the trainer's own work and are shown as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from barst.report.record import SessionRecord

SMALL = 5  # a count from 1 to SMALL-1 is shown as "<5": no small group is singled out
HIDDEN = f"<{SMALL}"
PERIOD = re.compile(r"(\d{4})-T([123])")


class PeriodError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Period:
    name: str  # "2026-T1", or "01/09/2026–31/12/2026" for a chosen span
    start: date  # inclusive
    end: date  # inclusive

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end

    def label(self) -> str:
        span = f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"
        return span if self.name == span else f"{self.name} ({span})"


def period(name: str) -> Period:
    """"2026-T1" and the like (see the module's note for how the year is named)."""
    found = PERIOD.fullmatch(name.strip())
    if found is None:
        raise PeriodError(f"'{name}' is not a period such as 2026-T1, 2026-T2 or 2026-T3")
    year, third = int(found[1]), int(found[2])
    starts = {1: date(year - 1, 10, 25), 2: date(year, 2, 25), 3: date(year, 6, 25)}
    ends = {1: date(year, 2, 25), 2: date(year, 6, 25), 3: date(year, 10, 25)}
    return Period(f"{year}-T{third}", starts[third], ends[third] - timedelta(days=1))


def period_of(day: date) -> Period:
    year = day.year + 1 if (day.month, day.day) >= (10, 25) else day.year
    return next(p for p in (period(f"{year}-T{t}") for t in (1, 2, 3)) if p.holds(day))


def span(start: date | None, end: date | None) -> Period:
    first, last = start or date(2000, 1, 1), end or date(2999, 12, 31)
    if last < first:
        raise PeriodError(f"--to {last:%d/%m/%Y} comes before --from {first:%d/%m/%Y}")
    return Period(f"{first:%d/%m/%Y} – {last:%d/%m/%Y}", first, last)


def parse_day(text: str) -> date:
    """2026-03-01 or 01/03/2026 (the way a Belgian trainer writes it)."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text):
            day, month, year = (int(p) for p in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise PeriodError(f"'{text}' is not a date such as 2026-03-01 or 01/03/2026") from None


def went_average(marks: list[int]) -> str:
    """The trainer's own marks for their sessions (like the number of sessions, not masked), "" when none."""
    return f"{sum(marks) / len(marks) + 1e-9:.1f}".replace(".", ",") if marks else ""


def small(count: int) -> str:
    """A count as every export shows it: 0, "<5" for 1 to 4, the number from 5 up."""
    return HIDDEN if 0 < count < SMALL else str(count)


def average(answers: int, value: float) -> str:
    """An average of fewer than five answers is not shown (it would tell what one pupil said)."""
    return HIDDEN if answers < SMALL else f"{value + 1e-9:.1f}".replace(".", ",")  # 4.25 is 4,3 (half up)


@dataclass(slots=True)
class Summary:
    period: Period
    sessions: int = 0
    minutes: int = 0
    participants: int = 0
    unknown_participants: int = 0  # sessions whose trainer did not count the room
    audiences: Counter[str] = field(default_factory=Counter)  # participants per audience
    grades: Counter[str] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)
    modes: Counter[str] = field(default_factory=Counter)  # sessions per mode
    settings: Counter[str] = field(default_factory=Counter)  # sessions per setting (where it was played)
    went: list[int] = field(default_factory=list)  # the trainer's "how it went" marks, one per session rated
    months: Counter[str] = field(default_factory=Counter)  # sessions per "YYYY-MM"
    themes: Counter[str] = field(default_factory=Counter)  # sessions that covered each theme
    played: Counter[str] = field(default_factory=Counter)
    endings: int = 0
    choices: int = 0
    exits: int = 0
    feedback: dict[str, tuple[int, float]] = field(default_factory=dict)
    records: list[SessionRecord] = field(default_factory=list)


def summarise(records: Iterable[SessionRecord], within: Period) -> Summary:
    found = Summary(within)
    sums: dict[str, tuple[int, float]] = {}
    for record in records:
        if not within.holds(record.date):
            continue
        found.records.append(record)
        found.sessions += 1
        found.minutes += record.minutes
        people = record.trainer.participants
        if people is None:
            found.unknown_participants += 1
        else:
            found.participants += people
            found.audiences[record.trainer.audience or "unknown"] += people
            if record.trainer.grade:
                found.grades[record.trainer.grade] += people
            if record.trainer.sector:
                found.sectors[record.trainer.sector] += people
        found.modes[record.mode] += 1
        if record.trainer.setting:
            found.settings[record.trainer.setting] += 1
        if record.trainer.went is not None:
            found.went.append(record.trainer.went)
        found.months[f"{record.date:%Y-%m}"] += 1
        found.themes.update(record.themes)
        found.played.update(record.played)
        found.endings += record.endings
        found.choices += record.choices
        found.exits += record.exits
        for question, (answers, value) in record.feedback.items():
            n, total = sums.get(question, (0, 0.0))
            sums[question] = (n + answers, total + answers * value)
    found.feedback = {q: (n, total / n) for q, (n, total) in sums.items() if n}
    found.records.sort(key=lambda r: (r.date, r.id))
    return found
