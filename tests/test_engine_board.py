from __future__ import annotations

import pytest
from engine_support import ROUND_TRIP, drive, kinds
from support import PACKS

from barst.engine import events as ev
from barst.engine.board import (
    AddTeam,
    Answer,
    BoardEngine,
    BoardState,
    ChooseDeck,
    Configure,
    EmergencyExit,
    EndGame,
    Judge,
    NextTurn,
    RenameTeam,
    Roll,
    StartGame,
    StopCard,
    TimeUp,
    Undo,
)
from barst.loader import load_pack

PACK = load_pack(PACKS / "mini-board").pack
assert PACK is not None
# mini-board squares: 0 start, 1 tf, 2 case, 3 tf, 4 skip, 5 case, 6 tf, 7 door

pytestmark = pytest.mark.parametrize("round_trip", ROUND_TRIP, ids=["straight", "saved-and-loaded"])
SETUP = [AddTeam("Leerkrachten"), AddTeam("CLB"), StartGame()]


def engine() -> BoardEngine:
    assert PACK is not None
    return BoardEngine(PACK)


def test_a_game_needs_enough_teams(round_trip: bool) -> None:
    e = engine()
    state, events = drive(e, e.new_state(), [AddTeam("Alleen"), StartGame()], round_trip)
    assert kinds(events)[-1] == "Rejected" and state.phase == "setup"


def test_teams_get_distinct_colours_and_symbols(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), [AddTeam("A"), AddTeam("B"), AddTeam("C")], round_trip)
    assert len({t.colour for t in state.teams}) == 3 and len({t.symbol for t in state.teams}) == 3


def test_rolling_moves_the_pawn_and_draws_from_the_squares_deck(round_trip: bool) -> None:
    e = engine()
    state, events = drive(e, e.new_state(), [*SETUP, Roll(1)], round_trip)
    assert kinds(events)[-3:] == ["DiceRolled", "PawnMoved", "CardDrawn"]
    assert state.teams[0].position == 1 and state.phase == "card"
    card = e.current_card(state)
    assert card is not None and card.deck == "tf"


def test_closed_cards_are_scored_by_the_engine(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(seed=3), [*SETUP, Roll(1)], round_trip)
    card = e.current_card(state)
    assert card is not None and card.answer is not None
    right, events = drive(e, state, [Answer(card.answer)], round_trip)
    assert isinstance(events[-1], ev.AnswerScored) and events[-1].verdict == "correct"
    assert right.teams[0].score == 2 and right.phase == "result"
    wrong, events = drive(e, state, [Answer(not card.answer)], round_trip)
    assert events[-1].verdict == "wrong" and wrong.teams[0].score == 0


def test_open_cards_are_judged_by_the_trainer(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), [*SETUP, Roll(2)], round_trip)
    assert e.current_card(state).deck == "case"  # type: ignore[union-attr]
    _, events = drive(e, state, [Answer(True)], round_trip)
    assert kinds(events) == ["Rejected"]
    state, events = drive(e, state, [Judge("partly")], round_trip)
    assert state.teams[0].score == 1 and events[-1].verdict == "partly"


def test_the_stop_card_skips_without_points_or_questions(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), [*SETUP, Roll(1)], round_trip)
    drawn = state.card
    state, events = drive(e, state, [StopCard()], round_trip)
    assert kinds(events)[:2] == ["CardSkipped", "TurnStarted"] and state.turn == 1
    assert state.teams[0].score == 0 and state.teams[0].stop_cards_used == 1 and drawn in state.drawn


def test_skip_square_costs_the_next_turn(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), [*SETUP, Roll(4)], round_trip)
    assert state.teams[0].skip_next and state.turn == 1
    state, _ = drive(e, state, [Roll(1), Answer(True), NextTurn()], round_trip)
    assert state.turn == 1 and state.round == 2 and not state.teams[0].skip_next


def test_reaching_the_door_gives_the_bonus_and_ends_the_game(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), [*SETUP, Roll(2), Judge("correct"), NextTurn()], round_trip)
    state, events = drive(e, state, [Roll(6), Judge("wrong"), NextTurn(), Roll(6)], round_trip)
    over = events[-1]
    assert isinstance(over, ev.GameOver) and over.reason == "first_home"
    assert state.phase == "over" and state.teams[0].finished and state.teams[0].score == 2 + 3
    assert over.ranking == [0, 1]


def test_rounds_limit_ends_the_game(round_trip: bool) -> None:
    e = engine()
    actions = [AddTeam("A"), AddTeam("B"), Configure(rounds=1), StartGame(), Roll(1), StopCard(), Roll(1), StopCard()]
    _, events = drive(e, e.new_state(), actions, round_trip)
    assert isinstance(events[-1], ev.GameOver) and events[-1].reason == "rounds"


def test_time_up_and_trainer_end_finish_with_a_ranking(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), [*SETUP, Roll(2), Judge("correct"), NextTurn()], round_trip)
    _, events = drive(e, state, [TimeUp()], round_trip)
    assert isinstance(events[-1], ev.GameOver) and events[-1].ranking == [0, 1]
    _, events = drive(e, state, [EndGame()], round_trip)
    assert events[-1].reason == "trainer"


def test_teams_can_be_added_and_renamed_mid_game(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), [*SETUP, RenameTeam(1, "CLB Gent"), AddTeam("Politie")], round_trip)
    assert [t.name for t in state.teams] == ["Leerkrachten", "CLB Gent", "Politie"]
    state, _ = drive(e, state, [Roll(1), StopCard(), Roll(1), StopCard()], round_trip)
    assert state.turn == 2


def test_a_deck_that_runs_out_is_reshuffled(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), SETUP, round_trip)
    for _ in range(5):
        state.teams[state.turn].position = 0
        state, _ = drive(e, state, [Roll(1), StopCard()], round_trip)
    assert sum(1 for c in state.drawn if c.startswith("tf")) == 5


def test_choose_square_lets_the_team_pick_a_deck(round_trip: bool) -> None:
    e = engine()
    kinds_by_id = {k.id: k for k in e.kinds.values()}
    kinds_by_id["skip"].special = "choose"
    try:
        state, _ = drive(e, e.new_state(), [*SETUP, Roll(4)], round_trip)
        assert state.phase == "choose"
        state, events = drive(e, state, [ChooseDeck("case")], round_trip)
        assert isinstance(events[-1], ev.CardDrawn) and events[-1].card.deck == "case"
    finally:
        kinds_by_id["skip"].special = "skip"


def test_undo_and_emergency_exit(round_trip: bool) -> None:
    e = engine()
    before, _ = drive(e, e.new_state(), SETUP, round_trip)
    after, _ = drive(e, before, [Roll(1)], round_trip)
    undone, events = drive(e, after, [Undo()], round_trip)
    assert kinds(events) == ["Undone"] and undone.snapshot() == before.snapshot()
    same, events = drive(e, after, [EmergencyExit()], round_trip)
    assert kinds(events) == ["EmergencyExited"] and same.card == after.card


def test_same_seed_same_game(round_trip: bool) -> None:
    e = engine()
    games = [drive(e, e.new_state(seed=9), [*SETUP, Roll(), StopCard(), Roll(), StopCard()], round_trip)[0]
             for _ in range(2)]
    assert games[0].snapshot() == games[1].snapshot()
    assert BoardState.from_json(games[0].to_json()) == games[0]


def test_everyone_answers_square_scores_every_team_in_turn(round_trip: bool) -> None:
    e = engine()
    kinds_by_id = {k.id: k for k in e.kinds.values()}
    kinds_by_id["skip"].special = "everyone"
    try:
        state, events = drive(e, e.new_state(seed=2), [*SETUP, AddTeam("Politie"), Roll(4)], round_trip)
        drawn = events[-1]
        assert isinstance(drawn, ev.CardDrawn) and drawn.everyone and state.pending == [0, 1, 2]
        state, events = drive(e, state, [Judge("correct", team=1), Judge("wrong", team=1)], round_trip)
        assert kinds(events) == ["AnswerScored", "Rejected"] and state.pending == [0, 2]
        state, _ = drive(e, state, [Judge("partly", team=0), Judge("correct", team=2)], round_trip)
        assert state.phase == "result" and [t.score for t in state.teams] == [1, 2, 2]
    finally:
        kinds_by_id["skip"].special = "skip"


def test_on_an_everyone_card_the_stop_card_skips_only_for_that_team(round_trip: bool) -> None:
    e = engine()
    kinds_by_id = {k.id: k for k in e.kinds.values()}
    kinds_by_id["skip"].special = "everyone"
    try:
        state, _ = drive(e, e.new_state(seed=2), [*SETUP, Roll(4)], round_trip)
        state, events = drive(e, state, [StopCard(team=1)], round_trip)
        assert kinds(events) == ["CardSkipped"] and state.pending == [0] and state.teams[1].stop_cards_used == 1
        state, _ = drive(e, state, [Judge("correct")], round_trip)
        assert state.phase == "result" and state.results == {"1": "skipped", "0": "correct"}
    finally:
        kinds_by_id["skip"].special = "skip"


def test_the_answer_a_team_gave_is_kept_for_the_answer_side(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), [*SETUP, Roll(1), Answer(False)], round_trip)
    assert state.answers == {"0": "false"}
    assert drive(e, state, [NextTurn()], round_trip)[0].answers == {"0": "false"}


def test_the_emergency_exit_leaves_no_empty_undo_step(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), [*SETUP, Roll(1)], round_trip)
    after, _ = drive(e, state, [EmergencyExit()], round_trip)
    assert len(after.history) == len(state.history)
