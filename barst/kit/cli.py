"""`barst kit`: the command-line face of the kit builder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from barst import paths
from barst.diagnostics import BarstError


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kit = subparsers.add_parser(
        "kit", help="build a printable PDF kit",
        description="Build a printable PDF from a kit file: picture cards, help-line wallet cards, trainer "
        "pages. Home mode imposes cards N-up with crop marks and duplex backs; shop mode gives one card per "
        "page with 3 mm bleed for a print shop. Problems are reported as file:line:col: error[K…] lines.")
    kit.add_argument("kit", metavar="KIT", help="a kit .yaml file, or the name of a shipped kit (babo-box, "
                     "helpline-card, train-the-trainer)")
    kit.add_argument("-o", "--output", metavar="OUT.pdf", type=Path, help="where to write (default: KIT-ID.pdf)")
    kit.add_argument("--paper", choices=("a4", "letter"), help="paper for home printing (default: the kit's)")
    kit.add_argument("--mode", choices=("home", "shop"), help="home: N-up with crop marks; shop: bleed and trim box")
    kit.add_argument("--lang", metavar="LL", help="language to build (default: the kit's first); editions "
                     "are limited to those in this language")
    kit.add_argument("--duplex", choices=("long", "short"), help="how your printer flips the sheet (default long)")
    kit.add_argument("--back-offset", metavar="X,Y", help="move the backs by X,Y mm (read off the calibration sheet)")
    kit.add_argument("--calibration", action="store_true", help="add a calibration sheet for the back offset")
    kit.add_argument("--backs-only", action="store_true", help="print only the backs (e.g. to reprint them)")
    kit.add_argument("--preview", metavar="DIR", type=Path, help="also write a PNG per page and a contact sheet")
    kit.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    kit.set_defaults(handler=run)


def resolve_kit(name: str) -> Path:
    path = Path(name)
    if path.is_file():
        return path
    shipped = paths.kits_dir() / f"{name}.yaml"
    if shipped.is_file():
        return shipped
    names = ", ".join(p.stem for p in paths.shipped_kits())
    raise BarstError(f"There is no kit file '{name}'. Shipped kits: {names}.")


def refuse_output(output: Path, inputs: list[Path]) -> None:
    """-o must not name an input (`barst kit k.yaml -o k.yaml` replaced the kit with a PDF) nor anything
    but a regular file (the atomic rename would replace a device, as root)."""
    if not output.exists():
        return
    if not output.is_file():
        raise BarstError(f"Will not write the PDF to {output}: it exists and is not a regular file.")
    for source in inputs:
        if source.exists() and output.samefile(source):
            raise BarstError(f"Will not write the PDF over {output}: that is the kit file itself. "
                             "Give another name with -o, e.g. -o kit.pdf.")


def run(args: argparse.Namespace) -> int:
    from barst.kit.build import Options, build_kit
    from barst.kit.load import back_offset

    offset = None
    if args.back_offset:
        try:
            offset = back_offset(args.back_offset)
        except ValueError as exc:
            raise BarstError(f"--back-offset {args.back_offset}: {exc}.") from None
    options = Options(output=args.output, paper=args.paper, mode=args.mode, lang=args.lang, duplex=args.duplex,
                      back_offset=offset, calibration=args.calibration, backs_only=args.backs_only,
                      progress=not args.no_progress and sys.stderr.isatty())
    kit_file = resolve_kit(args.kit)
    if args.output is not None:
        refuse_output(args.output, [kit_file])
    result = build_kit(kit_file, options)
    for diagnostic in result.report.sorted():
        print(diagnostic.format(), file=sys.stderr)
    if result.path is None:
        return 1
    print(f"{result.path}: {result.pages} pages in {result.seconds:.1f} s")
    if args.preview:
        from barst.kit.preview import write_preview

        try:
            lines = write_preview(result.path, args.preview)
        except OSError as exc:
            raise BarstError(f"Cannot write the preview to {args.preview}: {exc.strerror or exc}.") from None
        for line in lines:
            print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="barst")
    add_parser(parser.add_subparsers())
    args = parser.parse_args(["kit", *(sys.argv[1:] if argv is None else argv)])
    try:
        return int(args.handler(args))
    except BarstError as exc:
        print(f"barst: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
