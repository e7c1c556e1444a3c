"""The `barst` command. Each subcommand imports what it needs when it runs, so `check`, `run`, `packs`
and `helplines` never load pygame or fpdf2 (and start fast)."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from barst import __version__
from barst.errors import BarstError

Handler = Callable[[argparse.Namespace], int]


OPTIONAL_COMMANDS = {
    "play": "play a pack on the projector (pygame window)",
    "shots": "render every screen of a pack to PNG, without a display",
    "kit": "build a printable PDF kit",
    "class": "a class session: pupils join from their phones and vote (local network, no internet)",
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    started = _writes_so_far()
    with _one_interrupt(command not in PLAYER_COMMANDS):
        try:
            return _dispatch(argv, command)
        except KeyboardInterrupt:
            return _stopped(command, started)


def _dispatch(argv: list[str], command: str | None) -> int:
    # Only the player and the kit builder need pygame or fpdf2: load their options only for them.
    parser = build_parser(with_optional=command in OPTIONAL_COMMANDS, command_given=command)
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except BarstError as exc:
        print(f"barst: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `barst packs | head`: the reader has all it wanted
        _quiet_stdout()
        return 0
    except OSError as exc:  # a last net: every command names its own files, but a sentence beats a traceback
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"barst: {exc.strerror or exc}{where}.", file=sys.stderr)
        return 1


def _quiet_stdout() -> None:
    """Point stdout at nothing, so Python's final flush into the closed pipe does not print an error
    (the recipe in Python's documentation of SIGPIPE)."""
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


# The projector player and the class session handle Ctrl+C and SIGTERM themselves (issue 17).
PLAYER_COMMANDS = frozenset({"play", "class"})


def _stopped(command: str | None, started: int) -> int:
    """Ctrl-C: one sentence on what is on disk (every write is atomic, so only whole files), exit 130."""
    if command in PLAYER_COMMANDS:
        print("\nbarst: stopped.", file=sys.stderr)
        return 130
    atomic = sys.modules.get("barst.atomic")  # not imported: this command wrote nothing
    kept: list[Path] = atomic.written_since(started) if atomic is not None else []
    start = "\n" if sys.stderr.isatty() else ""  # end the "^C" or progress-bar line first
    if not kept:
        told = "nothing was written."
    elif len(kept) == 1:
        told = f"only {kept[0]} was written, and it is complete."
    else:
        told = f"{len(kept)} files were written, each complete (the last: {kept[-1]}); nothing else was."
    print(f"{start}Stopped (Ctrl-C): {told}", file=sys.stderr)
    return 130


@contextlib.contextmanager
def _one_interrupt(enabled: bool) -> Iterator[None]:
    """The first Ctrl-C stops the command; the next ones are ignored while it cleans up (removing a
    temporary file), so a second press cannot break the clean-up with a traceback."""
    def interrupt(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = signal.getsignal(signal.SIGINT)
    # Started with Ctrl-C ignored (nohup, a background job): leave it so.
    if not enabled or previous is signal.SIG_IGN:
        yield
        return
    try:
        signal.signal(signal.SIGINT, interrupt)
    except ValueError:  # not the main thread (main() called from a test's thread): Python's default stays
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _writes_so_far() -> int:
    atomic = sys.modules.get("barst.atomic")
    mark: int = atomic.mark() if atomic is not None else 0
    return mark


def build_parser(with_optional: bool = True, command_given: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="barst",
        description="Games and printable kits against family violence: check packs, play them in the "
        "terminal or on a projector, and build PDF kits.",
    )
    parser.add_argument("--version", action="version", version=f"barst {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    if with_optional and command_given in PLAYER_COMMANDS:
        # The projector's first frame waits for this parser: only the command asked for is built.
        _add_player_command(sub, command_given)
        return parser

    check = sub.add_parser("check", help="validate scenario packs and kit files",
                           description="Validate packs, kit files and help lines. With no PATH, everything "
                           "shipped with barst. One line per finding: path:line:col: severity[CODE]: message — fix.")
    check.add_argument("paths", nargs="*", metavar="PATH", help="a pack folder, a kit .yaml file, or a folder of them")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output for people or for tools")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--explain", nargs="?", const="", metavar="SITUATION",
                       help="show the choices that reach each score, meter value and meter warning "
                       "(all situations, or one), ready for `barst run PACK --situation S --choices …`")
    check.set_defaults(handler=_check)

    run = sub.add_parser("run", help="play a pack in the terminal",
                         description="Play a pack in the terminal and print the transcript. Interactive by "
                         "default; scripted with --choices; random but reproducible with --auto --seed.")
    run.add_argument("pack", metavar="PACK", help="a pack folder or the name of a shipped pack (see `barst packs`)")
    run.add_argument("--situation", metavar="ID", help="story packs: the situation to play")
    run.add_argument("--lang", metavar="LL", help="language (nl, fr, en, de); default: the pack's first")
    run.add_argument("--choices", metavar="1,3,2", help="story: choice numbers to take in order; board: die values")
    run.add_argument("--auto", action="store_true", help="choose at random (every situation, or a whole board game)")
    run.add_argument("--seed", type=int, default=0, metavar="N", help="seed for --auto and for the dice (default 0)")
    run.add_argument("--teams", type=int, default=3, metavar="N", help="board games: number of teams (default 3)")
    run.add_argument("--edition", metavar="ID", help="board games: the Community edition (see `barst packs`)")
    run.set_defaults(handler=_run)

    packs = sub.add_parser("packs", help="list the shipped packs", description="List the shipped packs.")
    packs.add_argument("--format", choices=("text", "json"), default="text")
    packs.set_defaults(handler=_packs)

    lines = sub.add_parser("helplines", help="show help lines for a region and language",
                           description="Show the help lines (from assets/helplines.yaml) with their sources.")
    lines.add_argument("--region", choices=("flanders", "wallonia", "brussels", "ostbelgien", "netherlands"),
                       help="only lines serving this region")
    lines.add_argument("--lang", metavar="LL", help="only lines answering in this language (nl, fr, en, de)")
    lines.add_argument("--format", choices=("text", "json"), default="text")
    lines.set_defaults(handler=_helplines)

    from barst.translate import cli as translate_cli  # light: polib is imported only when a step runs

    translate_cli.add_parser(sub)

    from barst.report import cli as report_cli  # light: fpdf2 is imported only by --format pdf

    report_cli.add_parser(sub)

    if with_optional:
        _add_optional_commands(sub)
    else:
        for name, summary in OPTIONAL_COMMANDS.items():
            sub.add_parser(name, help=summary, add_help=False)
    return parser


def _add_player_command(sub: argparse._SubParsersAction[argparse.ArgumentParser], command: str) -> None:
    if command == "play":
        from barst.play import cli as play_cli

        play_cli.add_parser_play(sub)
    else:
        from barst.classroom import cli as class_cli

        class_cli.add_parser(sub)


def _add_optional_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The projector player and the kit builder register their own options (they import lazily)."""
    from barst.classroom import cli as class_cli
    from barst.kit import cli as kit_cli
    from barst.play import cli as play_cli

    play_cli.add_parser_play(sub)
    play_cli.add_parser_shots(sub)
    kit_cli.add_parser(sub)
    class_cli.add_parser(sub)


def _check(args: argparse.Namespace) -> int:
    from barst.check import as_strict, check_paths, format_explain, format_summary, shipped_targets

    explain: str | None = args.explain
    if explain and ("/" in explain or Path(explain).exists()):  # `--explain PACK`: a path, not a situation
        args.paths.insert(0, explain)
        explain = ""
    targets = [Path(p) for p in args.paths] or shipped_targets()
    result = check_paths(targets)
    diagnostics = as_strict(result.report) if args.strict else result.report.sorted()
    if args.format == "json":
        payload = {
            "ok": not result.failed(args.strict),
            "errors": len(result.report.errors),
            "warnings": len(result.report.warnings),
            "diagnostics": [d.as_json() for d in diagnostics],
            "packs": [stats.as_json() for stats in result.packs],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for diagnostic in diagnostics:
            print(diagnostic.format())
        for line in format_summary(result, args.strict):
            print(line)
        if explain is not None:
            explained = format_explain(result, explain or None)
            if explain and not explained:
                print(f"barst: no situation '{explain}' in what was checked.", file=sys.stderr)
                return 1
            for line in explained:
                print(line)
    return 1 if result.failed(args.strict) else 0


def _run(args: argparse.Namespace) -> int:
    from barst.runner import run_command

    return run_command(args)


def _packs(args: argparse.Namespace) -> int:
    from barst import paths
    from barst.loader import load_pack
    from barst.text import fallback_chain

    rows: list[dict[str, Any]] = []
    for folder in paths.shipped_packs():
        pack = load_pack(folder).pack
        if pack is None:
            rows.append({"id": folder.name, "error": "does not load; run `barst check`"})
            continue
        chain = fallback_chain(pack.languages[0], pack.fallback_order())
        audience = pack.audience.label.get(chain[0], chain) if pack.audience.label else pack.audience.group
        ages = (f"{pack.audience.age_min}–{pack.audience.age_max}"
                if pack.audience.age_min is not None and pack.audience.age_max is not None else "")
        rows.append({"id": pack.id, "kind": pack.kind, "languages": list(pack.languages),
                     "audience": audience, "ages": ages, "title": pack.title.get(chain[0], chain),
                     "minutes": pack.duration_minutes,
                     "editions": [{"id": e.id, "community": e.community, "languages": list(e.languages),
                                   "region": e.region,
                                   "label": {lang: e.label.get(lang, chain) for lang in e.languages}}
                                  for e in pack.editions]})
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        if "error" in row:
            print(f"{row['id']}: {row['error']}")
            continue
        ages = f", ages {row['ages']}" if row["ages"] else ""
        minutes = f", about {row['minutes']} min" if row["minutes"] else ""
        print(f"{row['id']:<22} {row['kind']:<6} {'/'.join(row['languages']):<9} {row['title']}")
        print(f"{'':<22} for {row['audience']}{ages}{minutes}")
        for edition in row["editions"]:  # which edition is which: Community, languages, help lines
            labels = " / ".join(dict.fromkeys(edition["label"].values()))
            print(f"{'':<22} edition {edition['id']} ({edition['community']} Community; "
                  f"{'/'.join(edition['languages'])}; help lines: {edition['region']}): {labels}")
    return 0


def _helplines(args: argparse.Namespace) -> int:
    from barst.helplines import load_helplines

    lines = load_helplines()
    if lines.report.has_errors():
        for diagnostic in lines.report.sorted():
            print(diagnostic.format(), file=sys.stderr)
        return 1
    chosen = lines.select(args.region, args.lang)
    lang = args.lang or "nl"
    if args.format == "json":
        print(json.dumps([{"id": h.id, "name": h.name.get(lang, ("nl", "fr", "en")), "number": h.number,
                           "links": h.links, "regions": h.regions, "languages": h.languages,
                           "hours": h.hours.get(lang, ("nl", "fr", "en")), "source": h.source,
                           "checked": h.checked} for h in chosen], ensure_ascii=False, indent=2))
        return 0
    if not chosen:
        print("No help line matches that region and language.")
        return 0
    for line in chosen:
        order = (lang, "nl", "fr", "en")
        short = "  (short number: only from a Belgian phone)" if line.short and not line.emergency else ""
        print(f"{line.number:<12} {line.name.get(lang, order)}{short}")
        print(f"{'':<12} {line.audience.get(lang, order)} · {line.hours.get(lang, order)}")
        print(f"{'':<12} {' '.join(line.links)}  [source: {line.source}, checked {line.checked}]")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
