"""`barst play` and `barst shots`: options and entry points (wired into barst/cli.py by the lead)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from barst.errors import BarstError
from barst.text import KNOWN_LANGUAGES

if TYPE_CHECKING:
    from barst.model import Pack
    from barst.packhead import PackHead
    from barst.play.settings import Settings
    from barst.play.shell import Shell

NO_DISPLAY = ("There is no display to open a window on; use `barst run PACK` to play in the terminal or "
              "`barst shots PACK -o DIR` to render every screen to PNG.")


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes look like 1280x720, not '{text}'") from None
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise argparse.ArgumentTypeError(f"{text} is not a usable window size (try 1280x720 up to 3840x2160)")
    return w, h


def add_parser_play(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    play = sub.add_parser("play", help="play a pack on the projector (pygame window)",
                          description="Open the projector player. Keys: 1-4 choose, arrows and Enter, Esc menu, "
                          "X emergency exit, T trainer panel, B or . black screen, F11 full screen; a presenter "
                          "clicker's PageUp/PageDown work too.")
    play.add_argument("pack", nargs="?", default="barst", metavar="PACK",
                      help="a pack folder or the name of a shipped pack (default: barst)")
    play.add_argument("--lang", metavar="LL", choices=KNOWN_LANGUAGES,
                      help="language (nl, fr, en, de); default: asked on screen")
    mode = play.add_mutually_exclusive_group()
    mode.add_argument("--fullscreen", action="store_true", help="fill the whole display")
    mode.add_argument("--window", action="store_true", help="play in a window (the default)")
    play.add_argument("--size", type=parse_size, default=(1280, 720), metavar="WxH", help="window size")
    play.add_argument("--display", type=int, default=0, metavar="N", help="display number for full screen")
    play.add_argument("--region", choices=("flanders", "wallonia", "brussels", "ostbelgien"),
                      help="help lines shown by the emergency exit (default: the pack's region)")
    play.add_argument("--text-size", choices=("small", "normal", "large"),
                      help="text size (kept from the last lesson unless given)")
    play.add_argument("--theme", choices=("normal", "contrast", "colourblind"),
                      help="colours: normal, contrast (a washed-out projector) or colourblind")
    play.add_argument("--meters", action=argparse.BooleanOptionalAction, default=None,
                      help="story packs: show the meters (trust, safety…) on the scenes")
    play.add_argument("--clock", action=argparse.BooleanOptionalAction, default=None,
                      help="show the session clock in the corner")
    play.add_argument("--edition", metavar="ID", help="board packs: the Community edition to play (see `barst "
                      "packs`; default: the edition of the chosen language)")
    play.set_defaults(handler=run_play)


def add_parser_shots(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    shots = sub.add_parser("shots", help="render every screen of a pack to PNG, without a display",
                           description="Render every screen (title, rules, overview, menu, each scene, each "
                           "choice's consequence, each ending, the emergency exit, the trainer panel) to PNG.")
    shots.add_argument("pack", metavar="PACK", help="a pack folder or the name of a shipped pack")
    shots.add_argument("-o", "--out", required=True, type=Path, metavar="DIR", help="folder for the PNG files")
    shots.add_argument("--size", type=parse_size, default=(1280, 720), metavar="WxH", help="image size")
    shots.add_argument("--lang", metavar="LL", choices=KNOWN_LANGUAGES,
                       help="language (nl, fr, en, de; default: the pack's first)")
    shots.add_argument("--situation", metavar="ID", help="story packs: only this situation's screens")
    shots.add_argument("--edition", metavar="ID", help="board packs: the Community edition to render")
    shots.set_defaults(handler=run_shots)


def has_display() -> bool:
    if os.environ.get("SDL_VIDEODRIVER"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run_play(args: argparse.Namespace) -> int:
    from barst.packhead import read_head, resolve_pack

    folder = resolve_pack(args.pack)
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

    head = read_head(folder)
    if head is not None and head.kind == "board":
        return _run_board(folder, args, head)

    from barst.play.app import App

    return run_window(lambda: App(folder, args.lang, args.size, fullscreen=args.fullscreen, display=args.display,
                                  region=args.region, head=head, options=options_of(args)))


def options_of(args: argparse.Namespace) -> Settings:
    """This laptop's kept settings with a trainer's shortcut options on top."""
    from barst.play.settings import SettingsStore, with_options

    given = {"text_size": getattr(args, "text_size", None), "theme": getattr(args, "theme", None),
             "meters": getattr(args, "meters", None), "clock": getattr(args, "clock", None)}
    return with_options(SettingsStore().load(), given)


def run_window(make: Callable[[], Shell]) -> int:
    """Open a game's window, play until it closes, and close it; the one sequence of every command that
    opens the projector (`barst play` for both games, `barst class`)."""
    import pygame

    from barst.play.events import python_signals_back, quit_on_signals

    quit_on_signals()
    try:
        try:
            app = make()
        except pygame.error:
            print(NO_DISPLAY, file=sys.stderr)
            return 1
        try:
            return app.run()
        finally:
            app.close()
            pygame.quit()
    finally:
        python_signals_back()


def run_shots(args: argparse.Namespace) -> int:
    from barst.packhead import pack_kind, resolve_pack

    folder = resolve_pack(args.pack)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # screenshots need no sound card
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from barst.play.shots import render_all

    try:
        if pack_kind(folder) == "board":
            from barst.editions import for_play
            from barst.play.board.app import render_board_shots

            if getattr(args, "situation", None):
                raise BarstError(f"--situation is for story packs; {args.pack} is a board game.")

            pack = for_play(_checked_board_pack(folder), args.lang, getattr(args, "edition", None))
            files = render_board_shots(pack, args.out, args.size, args.lang or pack.languages[0])
        else:
            files = render_all(folder, args.out, args.size, args.lang, getattr(args, "situation", None))
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise BarstError(f"Cannot write the screenshots to {args.out}: {exc.strerror or exc}{where}.") from None
    print(f"{len(files)} screens written to {args.out}")
    return 0


def _checked_board_pack(folder: Path) -> Pack:
    """A board pack that passes `barst check`; otherwise a plain-words error naming the first findings."""
    from barst.check import check_and_load

    report, pack = check_and_load(folder)
    if report.has_errors() or pack is None:
        first = "; ".join(d.format() for d in report.errors[:3])
        raise BarstError(f"The pack in {folder} has errors, so it does not start: {first}")
    return pack


def _run_board(folder: Path, args: argparse.Namespace, head: PackHead | None) -> int:
    from barst.play.board.app import BoardApp

    return run_window(lambda: BoardApp(folder, args.lang, args.size, fullscreen=args.fullscreen,
                                       display=args.display, region=args.region,
                                       edition=getattr(args, "edition", None), options=options_of(args),
                                       head=head))
