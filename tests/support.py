"""Helpers shared by the tests (import as `from support import ...`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
PACKS = TESTS / "packs"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def played_board(cards: int, seed: int = 3) -> tuple[Any, Any]:
    """The mini board pack and a session of it that has drawn `cards` cards (stopping each, so quickly)."""
    from barst.loader import load_pack
    from barst.play.board.app import shot_session

    pack = load_pack(PACKS / "mini-board").pack
    assert pack is not None
    session = shot_session(pack, "nl", seed=seed)
    session.command("start")
    for _ in range(200):
        if session.state.phase == "over" or len(session.state.drawn) >= cards:
            break
        session.skip_animation()
        phase = session.state.phase
        session.command({"roll": "roll", "choose": "activate", "card": "stop", "result": "next"}.get(phase, "next"))
    return pack, session
