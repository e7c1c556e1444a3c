"""`barst report`: the figures a local prevention project reports, from the sessions this laptop played."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from barst import atomic
from barst.diagnostics import BarstError
from barst.report import record as R
from barst.report.summary import Period, PeriodError, parse_day, period, period_of, span, summarise
from barst.report.words import LANGUAGES


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rep = sub.add_parser(
        "report", help="the anonymous session report for a project's monitoring (CSV, JSON, PDF)",
        description="Add up the sessions played on this laptop (aggregates only: no names, no free text) for a "
        "reporting period: T1 25/10-25/02, T2 25/02-25/06, T3 25/06-25/10, named after the year the period "
        "ends in (2026-T1 runs from 25/10/2025 to 24/02/2026). Counts from 1 to 4 are shown as \"<5\".")
    when = rep.add_mutually_exclusive_group()
    when.add_argument("--period", metavar="YYYY-Tn",
                      help="a reporting period such as 2026-T1 (default: the current one)")
    when.add_argument("--all", action="store_true", help="every session recorded")
    rep.add_argument("--from", dest="start", metavar="DATE", help="first day (2026-03-01 or 01/03/2026)")
    rep.add_argument("--to", dest="end", metavar="DATE", help="last day")
    rep.add_argument("--format", choices=("csv", "json", "pdf"), default="csv",
                     help="csv for Excel (Belgian settings), json to combine laptops, pdf to hand in")
    rep.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (default: the screen; pdf: "
                     "barst-report-PERIOD.pdf)")
    rep.add_argument("--lang", choices=LANGUAGES, default="nl", help="language of the report (default nl)")
    rep.add_argument("--merge", nargs="+", type=Path, metavar="FILE",
                     help="add up these JSON reports (or session files) from several laptops instead of this one's")
    rep.add_argument("--list", action="store_true", help="list the sessions recorded, with their ids")
    rep.add_argument("--delete", metavar="ID", help="remove one session's record")
    rep.add_argument("--edit", metavar="ID", help="set the trainer's entries of one session (with the options below)")
    rep.add_argument("--participants", type=int, metavar="N", help="--edit: people counted in the room")
    rep.add_argument("--audience", choices=R.AUDIENCES, help="--edit: who they were")
    rep.add_argument("--grade", choices=R.GRADES, help="--edit: pupils' grade band")
    rep.add_argument("--school-type", choices=R.SCHOOL_TYPES, help="--edit: pupils' school type")
    rep.add_argument("--sector", choices=R.SECTORS, help="--edit: professionals' sector")
    rep.add_argument("--project", metavar="CODE", help="--edit: project or municipality code")
    rep.add_argument("--setting", choices=R.SETTINGS, help="--edit: where the session was played")
    rep.add_argument("--went", type=int, choices=R.WENT, help="--edit: how it went, 1 (hard) to 5 (very well)")
    rep.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    if args.delete:
        if not R.delete(args.delete):
            raise BarstError(f"there is no session {args.delete} (see `barst report --list`).")
        print(f"Session {args.delete} removed.")
        return 0
    if args.edit:
        return _edit(args)
    if args.merge:
        records = _merged(args.merge)
        skipped: list[str] = []
    else:
        loaded = R.load_all()
        records, skipped = loaded.records, loaded.skipped
    for sentence in skipped:
        print(sentence, file=sys.stderr)
    within = _period(args)
    summary = summarise(records, within)
    if args.list:
        return _list(summary)
    if not summary.sessions:
        print(f"No session recorded in {within.label()}; the report is empty.", file=sys.stderr)
    if args.format == "pdf":
        from barst.report.export import today
        from barst.report.pdf import write_pdf

        out = args.output or Path(f"barst-report-{within.name if '/' not in within.name else 'span'}.pdf")
        write_pdf(summary, args.lang, out, today())
        print(f"Wrote {out}.", file=sys.stderr)
        return 0
    from barst.report.export import to_csv, to_json

    text = to_csv(summary, args.lang) if args.format == "csv" else to_json(summary, args.lang)
    if args.output is None:
        sys.stdout.write(text.removeprefix("\ufeff"))  # the BOM is for files Excel opens
        return 0
    with atomic.replacing(args.output) as temp:
        temp.write_bytes(text.encode("utf-8"))
    print(f"Wrote {args.output}.", file=sys.stderr)
    return 0


def _period(args: argparse.Namespace) -> Period:
    try:
        if args.start or args.end:
            if args.period:
                raise PeriodError("give --period or --from/--to, not both")
            return span(parse_day(args.start) if args.start else None, parse_day(args.end) if args.end else None)
        if args.all or (args.list and not args.period):
            return span(None, None)
        if args.period:
            return period(args.period)
        from barst.report.export import today

        return period_of(today())
    except PeriodError as exc:
        raise BarstError(f"{exc}.") from None


def _merged(paths: list[Path]) -> list[R.SessionRecord]:
    from barst.report.export import records_in

    by_id: dict[str, R.SessionRecord] = {}
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise BarstError(f"{path} cannot be read ({getattr(exc, 'strerror', None) or exc}).") from None
        try:
            found = records_in(text, str(path))
        except ValueError as exc:
            raise BarstError(f"{exc}.") from None
        for item in found:
            by_id.setdefault(item.id, item)  # the same session exported twice is counted once
    return list(by_id.values())


def _list(summary: object) -> int:
    from barst.report.summary import Summary

    assert isinstance(summary, Summary)
    if not summary.records:
        print("No session recorded yet.")
        return 0
    for item in summary.records:
        trainer = item.trainer
        who = trainer.audience or "audience not entered"
        people = "not counted" if trainer.participants is None else f"{trainer.participants} participants"
        print(f"{item.id}  {item.date:%d/%m/%Y}  {item.minutes:>3} min  {item.mode:<10} {item.pack:<20} "
              f"{people}, {who}")
    return 0


def _edit(args: argparse.Namespace) -> int:
    path = R.find(args.edit)
    if path is None:
        raise BarstError(f"there is no session {args.edit} (see `barst report --list`).")
    try:
        import json

        current = R.from_json(json.loads(path.read_text(encoding="utf-8"))).trainer
    except (OSError, ValueError) as exc:
        raise BarstError(f"{path} cannot be read: {exc}.") from None
    if args.participants is not None and not 0 <= args.participants <= R.MAX_COUNT:
        raise BarstError(f"--participants is a count from 0 to {R.MAX_COUNT}.")
    if args.project is not None and not R.PROJECT.fullmatch(args.project):
        raise BarstError("--project is a short code (letters, digits, '-', '.', '_'), not free text.")
    changes = {k: getattr(args, k) for k in ("participants", "audience", "grade", "school_type", "sector", "project",
                                             "setting", "went") if getattr(args, k) is not None}
    updated = replace(current, **changes)
    R.edit(args.edit, updated)
    print(f"Session {args.edit} updated.")
    return 0
