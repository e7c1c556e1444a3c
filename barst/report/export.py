"""CSV (Excel with Belgian settings: UTF-8 with BOM, `;`, dd/mm/yyyy) and JSON exports of a summary.

Every count a reader sees goes through `small` (1 to 4 become "<5"). The JSON file also carries the
records themselves under "sessions", because that is how a project combines its trainers' laptops
(`barst report --merge`): those are aggregates already, but the file is a transfer file for the project,
the CSV and PDF are what is handed on.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date
from typing import Any

from barst.report.record import FORMAT, SessionRecord, from_json
from barst.report.summary import Summary, average, small, went_average
from barst.report.words import theme_label, word

REPORT_FORMAT = "barst-report/1"
COLUMNS = ("id", "date", "minutes", "pack", "language", "region", "mode", "played", "themes", "endings",
           "choices", "exits", "participants", "audience", "grade", "school_type", "sector", "project", "feedback",
           "setting", "went")  # new columns go at the end: a trainer's spreadsheet keeps its column letters


def to_csv(summary: Summary, lang: str) -> str:
    """One row per session, a blank row, then the totals and breakdowns as label;value rows."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([word(c, lang) if c in ("participants", "endings", "choices", "exits") else c for c in COLUMNS])
    for record in summary.records:
        writer.writerow(_row(record, lang))
    writer.writerow([])
    writer.writerow([word("totals", lang), summary.period.label()])
    for label, shown in _totals(summary, lang):
        writer.writerow([label, shown])
    for title, counts in _breakdowns(summary, lang):
        writer.writerow([])
        writer.writerow([title])
        for key, count in counts:
            writer.writerow([key, small(count)])
    if summary.feedback:
        writer.writerow([])
        writer.writerow([word("feedback", lang)])
        for question, (answers, value) in sorted(summary.feedback.items()):
            writer.writerow([word(question, lang), average(answers, value),
                             f"{small(answers)} {word('answers', lang)}"])
    return "\ufeff" + out.getvalue()  # the BOM tells Excel the file is UTF-8


def _row(record: SessionRecord, lang: str) -> list[str]:
    trainer = record.trainer
    feedback = ", ".join(f"{q} {average(n, v)}" for q, (n, v) in sorted(record.feedback.items()))
    return [record.id, f"{record.date:%d/%m/%Y}", str(record.minutes), record.pack, record.language, record.region,
            record.mode, ", ".join(f"{k} {small(v)}" for k, v in record.played.items()),
            ", ".join(theme_label(t, lang) for t in record.themes),
            small(record.endings), small(record.choices), small(record.exits),
            "" if trainer.participants is None else small(trainer.participants), trainer.audience or "",
            trainer.grade or "", trainer.school_type or "", trainer.sector or "", trainer.project or "", feedback,
            trainer.setting or "", "" if trainer.went is None else str(trainer.went)]


def _totals(summary: Summary, lang: str) -> list[tuple[str, str]]:
    return [(word("sessions", lang), str(summary.sessions)),  # the trainer's own sessions: not a group of people
            (word("hours", lang), f"{summary.minutes / 60:.1f}".replace(".", ",")),
            (word("participants", lang), small(summary.participants)),
            (word("not_counted", lang), str(summary.unknown_participants)),
            (word("endings", lang), small(summary.endings)), (word("choices", lang), small(summary.choices)),
            (word("exits", lang), small(summary.exits)), (word("went", lang), went_average(summary.went))]


def _breakdowns(summary: Summary, lang: str, labels: bool = True) -> list[tuple[str, list[tuple[str, int]]]]:
    """The breakdowns with their keys in `lang` (labels=False: the themes keep their ids, for JSON)."""
    def named(counts: Counter[str]) -> list[tuple[str, int]]:
        return [(word(k, lang), n) for k, n in sorted(counts.items())]

    themes = [(theme_label(k, lang) if labels else k, n) for k, n in sorted(summary.themes.items())]

    months = [(f"{m[5:]}/{m[:4]}", n) for m, n in sorted(summary.months.items())]
    return [(word("by_audience", lang), named(summary.audiences)), (word("by_grade", lang), named(summary.grades)),
            (word("by_sector", lang), named(summary.sectors)), (word("by_mode", lang), named(summary.modes)),
            (word("by_setting", lang), named(summary.settings)), (word("by_month", lang), months),
            (word("themes", lang), themes)]


def to_json(summary: Summary, lang: str) -> str:
    totals = {label: value for label, value in _totals(summary, "en")}
    breakdowns = {title: {k: small(n) for k, n in counts} for title, counts in _breakdowns(summary, "en", False)}
    payload: dict[str, Any] = {
        "format": REPORT_FORMAT, "language": lang,
        "period": {"name": summary.period.name, "from": summary.period.start.isoformat(),
                   "to": summary.period.end.isoformat()},
        "totals": totals, "breakdowns": breakdowns,
        "feedback": {q: average(n, v) for q, (n, v) in sorted(summary.feedback.items())},
        "sessions": [r.to_json() for r in summary.records]}
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def records_in(text: str, name: str) -> list[SessionRecord]:
    """The records in a JSON report (for --merge); ValueError with a sentence naming the file otherwise."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise ValueError(f"{name} is not JSON") from None
    if isinstance(data, dict) and data.get("format") == FORMAT:
        return [from_json(data)]  # one session file copied from a laptop
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT or not isinstance(data.get("sessions"), list):
        raise ValueError(f"{name} is not a report made by `barst report --format json`")
    found: list[SessionRecord] = []
    for index, item in enumerate(data["sessions"], 1):
        try:
            found.append(from_json(item))
        except ValueError as exc:
            raise ValueError(f"{name}: session {index}: {exc}") from None
    return found


def today() -> date:
    return date.today()
