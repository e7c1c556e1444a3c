"""`barst class`: the story game on the projector with the class's phones joined over the local network."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys

from barst.errors import BarstError


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from barst.play.cli import parse_size

    cls = sub.add_parser(
        "class", help="a class session: pupils join from their phones and vote (local network, no internet)",
        description="Open the projector player with a join screen: phones on the room's Wi-Fi scan the QR code "
        "(or type the address and PIN) and vote on every choice. Keys: Enter/F5/PageDown close the vote, 1-4 "
        "pick a choice yourself, P pause voting, J join screen, N twice: new class, A: another network "
        "adapter (on the join screen), X emergency exit, T trainer panel.")
    cls.add_argument("pack", nargs="?", default="barst", metavar="PACK",
                     help="a story pack folder or the name of a shipped pack (default: barst)")
    cls.add_argument("--lang", metavar="LL", help="projector language (nl, fr, en); phones choose their own")
    cls.add_argument("--region", choices=("flanders", "wallonia", "brussels", "ostbelgien"),
                     help="help lines the emergency exits show (default: the pack's region)")
    cls.add_argument("--port", type=_port, default=8123, metavar="N", help="port to serve on (default 8123; "
                     "the next free one is taken when it is busy)")
    cls.add_argument("--address", type=_address, metavar="IP",
                     help="serve on this address only and show it (default: every adapter, the one with the "
                     "default route shown first)")
    cls.add_argument("--vote-seconds", type=_seconds, metavar="N", help="close every vote after N seconds")
    cls.add_argument("--seed", type=int, default=0, metavar="N", help="seed for drawing lots on a tie")
    cls.add_argument("--mode", choices=("vote", "solo"), default="vote",
                     help="vote: the class votes on the projector's story (default); solo: every pupil plays on "
                     "their own phone while the projector shows the class and leads the debrief")
    cls.add_argument("--situations", type=_ids, default=(), metavar="ID,ID",
                     help="solo: the situations opened on the phones, in this order (default: all)")
    cls.add_argument("--plan", type=int, choices=(50, 100), default=50,
                     help="solo: the trainer kit's session plan shown with the timer (default 50 minutes)")
    mode = cls.add_mutually_exclusive_group()
    mode.add_argument("--fullscreen", action="store_true", help="fill the whole display")
    mode.add_argument("--window", action="store_true", help="play in a window (the default)")
    cls.add_argument("--size", type=parse_size, default=(1280, 720), metavar="WxH", help="window size")
    cls.add_argument("--display", type=int, default=0, metavar="N", help="display number for full screen")
    cls.set_defaults(handler=run_class)


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a port is a number from 1024 to 65535, not '{text}'") from None
    if not 1024 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 1024 to 65535, not {value}")
    return value


def _address(text: str) -> str:
    try:
        return str(ipaddress.IPv4Address(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not an IPv4 address such as 192.168.1.23") from None


def _ids(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _seconds(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 5 <= value <= 600:
        raise argparse.ArgumentTypeError(f"a vote lasts 5 to 600 seconds, not '{text}'")
    return value


def run_class(args: argparse.Namespace) -> int:
    from barst.packhead import read_head, resolve_pack
    from barst.play.cli import NO_DISPLAY, has_display, run_window

    folder = resolve_pack(args.pack)
    head = read_head(folder)
    if args.situations and head is not None:
        from barst.check import check_and_load

        _, pack = check_and_load(folder)
        known = {s.id for s in pack.situations} if pack else set()
        unknown = [s for s in args.situations if s not in known]
        if pack is not None and unknown:
            raise BarstError(f"{folder} has no situation {', '.join(unknown)}; it has: {', '.join(sorted(known))}.")
    if head is not None and head.kind == "board":
        raise BarstError(f"{folder} is a board game; a class session plays a story pack (try `barst class barst`).")
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

    from barst.classroom.projector import ClassApp, ClassOptions

    options = ClassOptions(args.port, args.address, args.vote_seconds, args.seed, args.mode, args.situations,
                           args.plan)
    return run_window(lambda: ClassApp(folder, options, args.lang, args.size, fullscreen=args.fullscreen,
                                       display=args.display, region=args.region))
