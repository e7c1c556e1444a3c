"""`barst translate extract | merge | status`: options and entry points (wired lazily into barst/cli.py)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from barst import atomic, paths
from barst.diagnostics import BarstError, display_path

TARGET_HELP = "a pack folder, the name of a shipped pack, or `ui` for the interface words"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    translate = sub.add_parser(
        "translate", help="PO files for translators (Poedit, Weblate): extract, merge, status",
        description="Translate a pack or the interface words with gettext PO files. Each entry's msgctxt is "
        "the text's stable address; merge writes translations/LL.yaml (or assets/ui) atomically.")
    commands = translate.add_subparsers(title="steps", metavar="STEP")

    extract = commands.add_parser("extract", help="write a PO file for one language",
                                  description="Write a PO file: source texts, the translations there are, "
                                  "and notes for the translator (where, who speaks, how much fits on screen).")
    extract.add_argument("target", metavar="PACK", help=TARGET_HELP)
    extract.add_argument("--lang", required=True, metavar="LL", help="the language to translate into (nl, fr, en, de)")
    extract.add_argument("-o", "--output", type=Path, metavar="FILE.po", help="where to write (default: PACK-LL.po)")
    extract.set_defaults(handler=run_extract)

    merge = commands.add_parser("merge", help="bring a translated PO file back into the pack",
                                description="Merge a translated PO file. Nothing is written when it has "
                                "errors; texts whose source changed since they were translated are marked fuzzy.")
    merge.add_argument("po", type=Path, metavar="FILE.po", help="the translated PO file")
    merge.add_argument("target", metavar="PACK", help=TARGET_HELP)
    merge.add_argument("--lang", metavar="LL", help="the PO file's language (default: from its header)")
    merge.set_defaults(handler=run_merge)

    status = commands.add_parser("status", help="translated, fuzzy and missing texts per language",
                                 description="Per language: how many texts are translated, fuzzy and missing, "
                                 "and every fuzzy and missing one. No PACK: every shipped pack and the interface.")
    status.add_argument("target", nargs="?", metavar="PACK", help=TARGET_HELP)
    status.add_argument("--lang", metavar="LL", help="only this language")
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.set_defaults(handler=run_status)
    translate.set_defaults(handler=lambda _args: _usage(translate))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def run_extract(args: argparse.Namespace) -> int:
    from barst.translate.merge import catalog_for
    from barst.translate.po import to_po

    catalog = catalog_for(args.target, args.lang)
    output: Path = args.output or Path(f"{catalog.target}-{args.lang}.po")
    text = to_po(catalog).__unicode__()
    try:
        atomic.write_text(output, text)
    except OSError as exc:
        raise BarstError(f"Cannot write {output}: {exc.strerror or exc}.") from None
    translated = sum(1 for e in catalog.entries if e.translation)
    fuzzy = sum(1 for e in catalog.entries if e.fuzzy)
    print(f"{display_path(output)}: {len(catalog.entries)} texts, {translated} already translated"
          f" ({fuzzy} fuzzy)")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from barst.translate.merge import merge

    result = merge(args.po, args.target, args.lang)
    for diagnostic in result.report.sorted():
        print(diagnostic.format(), file=sys.stderr)
    if result.report.has_errors():
        print(f"nothing written: {len(result.report.errors)} error(s) in {display_path(args.po)}", file=sys.stderr)
        return 1
    for fuzzy in result.fuzzy:
        print(f"{fuzzy.pos}: warning[T010]: '{fuzzy.address}' is fuzzy: {fuzzy.why} — review it and clear "
              "the fuzzy flag (Poedit: 'Needs work') when it is right", file=sys.stderr)
    written = ", ".join(display_path(p) for p in result.written) or "nothing changed"
    print(f"{result.merged} translations merged ({len(result.fuzzy)} fuzzy); written: {written}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from barst.packhead import resolve_pack
    from barst.translate.catalog import UI, check_language
    from barst.translate.status import format_status, pack_status, ui_status

    if args.lang:
        check_language(args.lang)
    if args.target == UI:
        statuses = [ui_status(args.lang)]
    elif args.target:
        statuses = [pack_status(resolve_pack(args.target), args.lang)]
    else:
        statuses = [*(pack_status(folder, args.lang) for folder in paths.shipped_packs()), ui_status(args.lang)]
    if args.format == "json":
        print(json.dumps([s.as_json() for s in statuses], ensure_ascii=False, indent=2))
        return 0
    for status in statuses:
        for line in format_status(status):
            print(line)
    return 0
