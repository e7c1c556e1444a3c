"""The board game's record: the decks its cards came from, the themes of those cards, exits counted."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from support import PACKS, played_board

from barst.loader import load_pack
from barst.play.board.app import BoardApp, shot_session
from barst.play.settings import Settings
from barst.report import record as R


def test_a_board_game_is_recorded_with_the_cards_it_played(pygame_ready: None) -> None:
    pack, session = played_board(4)
    app = BoardApp(session=session, options=Settings(), transitions=False)
    app.emergency_exit()
    app.go_home()
    drawn = list(session.state.drawn)
    assert drawn
    app.started = datetime(2026, 3, 2, 9, 30).timestamp()
    app.record_session()
    [record] = R.load_all().records
    cards = {c.id: c for c in pack.cards}
    assert record.mode == "board" and record.date.isoformat() == "2026-03-02"
    assert record.played == dict(Counter(cards[c].deck for c in drawn))
    assert record.choices == len(drawn) and record.exits == 1
    assert set(record.themes) == {t for c in drawn for t in cards[c].themes}


def test_closing_the_board_window_asks_for_the_trainer_s_entries(pygame_ready: None) -> None:
    import pygame

    pack = load_pack(PACKS / "mini-board").pack
    assert pack is not None
    session = shot_session(pack, "nl", seed=3)
    session.command("start")
    app = BoardApp(session=session, options=Settings(), transitions=False)
    app.emergency_exit()  # something to record: an exit, counted
    app.go_home()
    app.handle_event(pygame.event.Event(pygame.WINDOWCLOSE))
    assert app.top.name == "closing" and app.running
    [record] = R.load_all().records
    assert record.mode == "board" and record.exits == 1 and record.trainer.participants is None
    for key in (pygame.K_ESCAPE, pygame.K_ESCAPE):  # Esc points at Skip, Esc again skips
        app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    assert not app.running
    app.record_session()  # the loop's end: the record is not written twice
    assert len(R.load_all().records) == 1
