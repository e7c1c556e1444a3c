"""An automated board game, deterministic from its seed and the state alone, so a resumed game goes on
exactly like an uninterrupted one. Used by the kill test (as a subprocess) and by the UI tests.

    python driver.py PACK_FOLDER SEED SAVE_FILE [--slow SECONDS]

plays to the end (resuming from SAVE_FILE when it holds an unfinished game), autosaving after every step,
and prints the final state as JSON on the last line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from barst.engine import board as B  # noqa: E402
from barst.loader import load_pack  # noqa: E402
from barst.play.board import autosave  # noqa: E402

TEAMS = ("Leerkrachten", "CLB", "Politie")


def next_action(engine: B.BoardEngine, state: B.BoardState) -> B.Action:
    """The next action as a pure function of the state (so it is the same before and after a crash)."""
    salt = len(state.drawn) * 7 + state.turn * 3 + state.round
    if state.phase == "setup":
        if len(state.teams) < len(TEAMS):
            return B.AddTeam(TEAMS[len(state.teams)])
        return B.StartGame()
    if state.phase == "roll":
        return B.Roll(None)
    if state.phase == "choose":
        return B.ChooseDeck(state.decks[salt % len(state.decks)])
    if state.phase == "result":
        return B.NextTurn()
    card = engine.current_card(state)
    assert card is not None
    if salt % 11 == 0 and not state.results and not state.answers:  # a stop card only before anyone answered
        return B.StopCard()
    deck = engine.pack.deck(card.deck or "")
    if deck is not None and deck.type == "true_false":
        return B.Answer(salt % 3 != 0)
    if deck is not None and deck.type == "multiple_choice":
        return B.Answer(card.options[salt % len(card.options)].id)
    return B.Judge(B.VERDICTS[salt % 3])


def play(pack_folder: Path, seed: int, save_file: Path, slow: float = 0.0, max_steps: int = 5000) -> B.BoardState:
    loaded = load_pack(pack_folder)
    assert loaded.pack is not None
    engine = B.BoardEngine(loaded.pack)
    saved = autosave.load(save_file)
    state = saved.state if saved is not None else engine.new_state(seed)
    for _ in range(max_steps):
        if state.phase == "over":
            break
        state, _ = engine.step(state, next_action(engine, state))
        autosave.save(autosave.Saved(state, "nl"), save_file)
        if slow:
            print("saved", flush=True)  # the kill test counts these to kill at a known stage of the game
            time.sleep(slow)
    return state


def main() -> int:
    pack, seed, save = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    slow = float(sys.argv[sys.argv.index("--slow") + 1]) if "--slow" in sys.argv else 0.0
    state = play(pack, seed, save, slow)
    print(json.dumps(state.snapshot(), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
