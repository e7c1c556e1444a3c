"""Save the game after every step, atomically, so killing the process loses at most the step in progress.

The file lives in the data folder (barst/datadir.py).
Writing goes to a temporary file in the same folder, is flushed and fsync'ed, then replaces the old file
with `os.replace` (atomic on POSIX and Windows): a reader sees the old game or the new one, never half.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from barst import atomic, statefile
from barst.datadir import data_dir
from barst.engine.board import BoardState, Team
from barst.model import Pack

FORMAT = 1
PHASES = ("setup", "roll", "choose", "card", "result", "over")


def save_path(pack_id: str, folder: Path | None = None) -> Path:
    return (folder or data_dir()) / "board" / f"{pack_id}.json"


@dataclass(slots=True)
class Saved:
    """What is needed to resume exactly: the engine state plus what only the player knows."""

    state: BoardState
    lang: str = "nl"
    elapsed: float = 0.0  # seconds played, for the time limit
    saved_at: float = 0.0  # time.time() of the save

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "pack": self.state.pack, "lang": self.lang, "elapsed": self.elapsed,
                "saved_at": self.saved_at, "state": self.state.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Saved:
        return cls(BoardState.from_json(data["state"]), str(data.get("lang", "nl")),
                   float(data.get("elapsed", 0.0)), float(data.get("saved_at", 0.0)))


def save(saved: Saved, path: Path) -> None:
    """Write atomically: temp file in the same folder, flush, fsync, os.replace, fsync the folder."""
    saved.saved_at = time.time()
    payload = json.dumps(saved.to_json(), ensure_ascii=False, separators=(",", ":"))
    atomic.write_text(path, payload)


def load(path: Path) -> Saved | None:
    """The saved game, or None when there is none or it cannot be read (never raises, never moves it)."""
    try:
        decoded = _decode(statefile.read_json(path))
    except statefile.Unreadable:
        return None
    return decoded[0] if decoded else None


@dataclass(slots=True)
class Found:
    """What was found in the save file: a game worth offering (or None), and where a file that could not
    be used entirely was kept aside (or None)."""

    saved: Saved | None = None
    kept_aside: Path | None = None
    blocked: bool = False  # unreadable and could not be moved aside: the session must not overwrite it
    partly: bool = False  # the game is offered without what no longer fits; `kept_aside` is a copy


def unfinished(path: Path, pack: Pack | None = None) -> Saved | None:
    """A saved game worth offering to resume: started and not over."""
    return find(path, pack).saved


def find(path: Path, pack: Pack | None = None) -> Found:
    """The game to offer to resume. A save that cannot be read, is from a newer barst, or no longer fits
    `pack` is kept aside under a dated name; what still fits the pack (teams, scores, positions) is offered,
    without the cards and decks that are gone. Never raises."""
    try:
        data = statefile.read_json(path)
        if data is None:
            return Found()
        decoded = _decode(data)
        if decoded is None:
            raise statefile.Unreadable("not a board save of this version")
        saved, changed = decoded
        changed = (_fit(saved, pack) if pack is not None else False) or changed
    except statefile.Unreadable:
        kept = statefile.keep_aside(path)
        return Found(None, kept, kept is None)
    if saved.state.phase in ("setup", "over"):
        return Found()
    if not changed:
        return Found(saved)
    kept = statefile.keep_aside(path, copy=True)
    return Found(saved, kept, kept is None, partly=True)


def _decode(data: Any) -> tuple[Saved, bool] | None:
    """A Saved from JSON when every field has the type the engine uses, and whether it held keys this
    version does not know (a reason to keep a copy of the file, not to lose the game)."""
    if data is None:
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise statefile.Unreadable("another format")
    state = data.get("state")
    if statefile.dataclass_problems(state, BoardState) or not isinstance(state, dict):
        raise statefile.Unreadable("the state has missing or mistyped fields")
    teams = state.get("teams", [])
    if any(statefile.dataclass_problems(team, Team) for team in teams):
        raise statefile.Unreadable("a team has missing or mistyped fields")
    lang, elapsed, saved_at = data.get("lang", "nl"), data.get("elapsed", 0.0), data.get("saved_at", 0.0)
    if not (isinstance(lang, str) and statefile.conforms(elapsed, float) and statefile.conforms(saved_at, float)):
        raise statefile.Unreadable("lang, elapsed or saved_at has the wrong type")
    known = {f for f in BoardState.__dataclass_fields__}
    team_fields = set(Team.__dataclass_fields__)
    clean = {k: v for k, v in state.items() if k in known}
    clean["teams"] = [Team(**{k: v for k, v in team.items() if k in team_fields}) for team in teams]
    saved = Saved(BoardState(**clean), lang, max(0.0, float(elapsed)), statefile.plausible_time(float(saved_at)))
    unknown = bool(set(data) - {"format", "pack", "lang", "elapsed", "saved_at", "state"} or set(state) - known
                   or any(set(team) - team_fields for team in teams))
    return saved, unknown


def _fit(saved: Saved, pack: Pack) -> bool:
    """Make the state fit the pack as it is now; True when something had to change (or was unknown)."""
    from barst.engine.board import BoardEngine

    changed = False
    state, engine = saved.state, BoardEngine(pack)
    if state.pack != pack.id or state.phase not in PHASES:
        raise statefile.Unreadable("another pack, or an unknown phase")
    if state.phase != "setup" and not state.teams:
        raise statefile.Unreadable("a game without teams")
    decks = {deck.id for deck in pack.decks}
    cards = set(engine.cards)
    before = (list(state.decks), {k: list(v) for k, v in state.piles.items()}, list(state.drawn), state.card)
    state.decks = [d for d in state.decks if d in decks]
    state.piles = {d: [c for c in pile if c in cards] for d, pile in state.piles.items() if d in decks}
    state.drawn = [c for c in state.drawn if c in cards]
    if state.card is not None and state.card not in cards:  # the card on screen is gone: roll again
        state.card, state.phase, state.pending, state.results, state.answers = None, "roll", [], {}, {}
    elif state.card is None and state.phase in ("card", "result"):
        state.phase, state.pending = "roll", []
    count = len(state.teams)
    fixed_turn = min(max(state.turn, 0), max(count - 1, 0))
    fixed_pending = [i for i in state.pending if 0 <= i < count]
    fixed_round = max(1, state.round)
    fixed_rounds = state.rounds if state.rounds is None or state.rounds >= 1 else None
    fixed_limit = state.time_limit_minutes if state.time_limit_minutes is None or state.time_limit_minutes >= 1 \
        else None
    for team in state.teams:
        position = min(max(team.position, 0), engine.last)
        changed |= position != team.position
        team.position = position
    changed |= (fixed_turn, fixed_pending, fixed_round, fixed_rounds, fixed_limit) != (
        state.turn, state.pending, state.round, state.rounds, state.time_limit_minutes)
    state.turn, state.pending, state.round = fixed_turn, fixed_pending, fixed_round
    state.rounds, state.time_limit_minutes = fixed_rounds, fixed_limit
    changed |= before != (state.decks, state.piles, state.drawn, state.card)
    if changed:
        state.history = []  # an undo step could bring back what was just removed
    return changed


def clear(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


