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
    kit.add_argument("--size", metavar="SIZE", help="card size for every deck (poker, wallet, … or WxH in mm)")
    kit.add_argument("--fold", action="store_true", default=None,
                     help="fronts and backs side by side on one side of the sheet: fold, glue, cut (no duplex)")
    kit.add_argument("--gutter", metavar="MM", help="home: gap between cards in mm")
    kit.add_argument("--home-bleed", metavar="MM", help="home: backgrounds run this far past the cut (gutter widens)")
    kit.add_argument("--corners", metavar="MM", help="home: rounded-corner guides of this radius")
    kit.add_argument("--registration", action="store_true", default=None,
                     help="home: registration marks for print-and-cut machines")
    kit.add_argument("--cmyk", action="store_true", default=None,
                     help="shop: convert the cards to CMYK PDF/X-4 for offset print (FOGRA39 coated)")
    kit.add_argument("--preview", metavar="DIR", type=Path,
                     help="also write a 150 dpi PNG per page (trim and safe lines drawn) and a contact sheet")
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
    from barst.kit import layout
    from barst.kit.build import Options, build_kit
    from barst.kit.load import back_offset

    offset = None
    if args.back_offset:
        try:
            offset = back_offset(args.back_offset)
        except ValueError as exc:
            raise BarstError(f"--back-offset {args.back_offset}: {exc}.") from None
    lengths: dict[str, float | None] = {}
    for name, most in (("gutter", layout.MAX_GUTTER), ("home_bleed", layout.MAX_HOME_BLEED),
                       ("corners", layout.MAX_CORNER)):
        text = getattr(args, name)
        try:
            lengths[name] = None if text is None else layout.parse_mm(text, "--" + name.replace("_", "-"), most)
        except ValueError as exc:
            raise BarstError(f"{exc}.") from None
    if args.size:
        try:
            layout.card_size(args.size)
        except ValueError as exc:
            raise BarstError(f"--size {args.size}: {exc}.") from None
    options = Options(output=args.output, paper=args.paper, mode=args.mode, lang=args.lang, duplex=args.duplex,
                      back_offset=offset, calibration=args.calibration, backs_only=args.backs_only,
                      progress=not args.no_progress and sys.stderr.isatty(), size=args.size, fold=args.fold,
                      gutter=lengths["gutter"], home_bleed=lengths["home_bleed"], corners=lengths["corners"],
                      registration=args.registration, cmyk=args.cmyk)
    kit_file = resolve_kit(args.kit)
    if args.output is not None:
        refuse_output(args.output, [kit_file])
    result = build_kit(kit_file, options)
    for diagnostic in result.report.sorted():
        print(diagnostic.format(), file=sys.stderr)
    if result.path is None:
        return 1
    print(f"{result.path}: {result.pages} pages in {result.seconds:.1f} s")
    for extra in (result.guide, result.job_sheet):
        if extra is not None:
            print(extra)
    for note in result.notes:
        print(note)
    if args.preview:
        from barst.kit.preview import write_preview

        try:
            lines = write_preview(result.path, args.preview, result.placed)
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
