"""The board engine ("Achter de voordeur"-style): teams, dice, squares, card decks and judging.

A turn: roll (or type what a physical die showed) → move → the square acts (draw a card, skip, move,
everyone answers, choose a deck, front door) → answer (closed cards are scored here) or the trainer
judges (open cards) or the team plays its stop card → the result is shown → next turn.
Like the story engine, `step` never changes the state it is given, and the state round-trips through JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from barst import rng
from barst.engine.events import (
    AnswerScored,
    CardDrawn,
    CardSkipped,
    DiceRolled,
    EmergencyExited,
    Event,
    GameOver,
    PawnMoved,
    Rejected,
    SquareEffect,
    TeamsChanged,
    TurnSkipped,
    TurnStarted,
    Undone,
)
from barst.engine.history import advance
from barst.model import CLOSED_CARD_TYPES, Card, Pack, Rules, SquareKind

VERDICTS = ("correct", "partly", "wrong")
DEFAULT_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9")
DEFAULT_SYMBOLS = ("circle", "square", "triangle", "diamond", "star", "hexagon")


# --- actions --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddTeam:
    name: str
    colour: str | None = None
    symbol: str | None = None


@dataclass(frozen=True, slots=True)
class RenameTeam:
    team: int
    name: str


@dataclass(frozen=True, slots=True)
class Configure:
    rounds: int | None = None
    time_limit_minutes: int | None = None
    decks: tuple[str, ...] = ()  # empty: every deck


@dataclass(frozen=True, slots=True)
class StartGame:
    pass


@dataclass(frozen=True, slots=True)
class Roll:
    value: int | None = None  # None: the engine rolls; a number: what a physical die showed


@dataclass(frozen=True, slots=True)
class ChooseDeck:
    deck: str


@dataclass(frozen=True, slots=True)
class Answer:
    """A closed card: True/False for true_false, an option id for multiple_choice."""

    value: bool | str
    team: int | None = None  # with "everyone answers": which team; default the current team


@dataclass(frozen=True, slots=True)
class Judge:
    """The trainer judges an open card: correct, partly or wrong."""

    verdict: str
    team: int | None = None


@dataclass(frozen=True, slots=True)
class StopCard:
    """Skip a card that is too close to home. No explanation asked, no points lost.

    On an "everyone answers" card any team may play it for itself; the others still answer."""

    team: int | None = None

@dataclass(frozen=True, slots=True)
class NextTurn:
    pass


@dataclass(frozen=True, slots=True)
class TimeUp:
    pass


@dataclass(frozen=True, slots=True)
class EndGame:
    pass


@dataclass(frozen=True, slots=True)
class EmergencyExit:
    pass


@dataclass(frozen=True, slots=True)
class Undo:
    pass


Action = (
    AddTeam | RenameTeam | Configure | StartGame | Roll | ChooseDeck | Answer | Judge | StopCard | NextTurn
    | TimeUp | EndGame | EmergencyExit | Undo
)


# --- state ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class Team:
    name: str
    colour: str
    symbol: str
    position: int = 0
    score: int = 0
    skip_next: bool = False
    finished: bool = False
    cards: int = 0
    stop_cards_used: int = 0


@dataclass(slots=True)
class BoardState:
    pack: str
    rng: int
    phase: str = "setup"  # setup, roll, choose, card, result, over
    teams: list[Team] = field(default_factory=list)
    turn: int = 0
    round: int = 1
    rounds: int | None = None
    time_limit_minutes: int | None = None
    decks: list[str] = field(default_factory=list)  # decks in play
    piles: dict[str, list[str]] = field(default_factory=dict)  # deck -> card ids still to draw
    drawn: list[str] = field(default_factory=list)  # every card drawn, in order
    card: str | None = None
    everyone: bool = False
    pending: list[int] = field(default_factory=list)  # teams that still have to answer this card
    results: dict[str, str] = field(default_factory=dict)  # team index -> verdict for this card
    answers: dict[str, str] = field(default_factory=dict)  # team index -> what it answered (closed cards)
    last_roll: int | None = None
    over_reason: str = ""
    history: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BoardState:
        data = dict(data)
        data["teams"] = [Team(**team) for team in data.get("teams", [])]
        return cls(**data)

    def snapshot(self) -> dict[str, Any]:
        data = self.to_json()
        data.pop("history")
        return data


# --- the engine -----------------------------------------------------------------------------------


class BoardEngine:
    def __init__(self, pack: Pack) -> None:
        if pack.kind != "board" or pack.board is None:
            raise ValueError(f"pack {pack.id} is not a board pack")
        self.pack = pack
        self.rules = pack.rules or Rules()
        self.kinds = {kind.id: kind for kind in pack.board.square_kinds}
        self.squares: list[SquareKind] = [self.kinds[s] for s in pack.board.squares if s in self.kinds]
        self.cards = {card.id: card for card in pack.cards}
        self.last = len(self.squares) - 1

    def new_state(self, seed: int = 0) -> BoardState:
        return BoardState(self.pack.id, rng.seed_state(seed), rounds=self.rules.rounds,
                          time_limit_minutes=self.rules.time_limit_minutes,
                          decks=[deck.id for deck in self.pack.decks])

    def current_card(self, state: BoardState) -> Card | None:
        return self.cards.get(state.card) if state.card else None

    def square(self, index: int) -> SquareKind:
        return self.squares[max(0, min(index, self.last))]

    def ranking(self, state: BoardState) -> list[int]:
        order = sorted(range(len(state.teams)), key=lambda i: (-state.teams[i].score, -state.teams[i].position, i))
        if self.rules.win == "first_home":
            order.sort(key=lambda i: not state.teams[i].finished)
        return order

    def step(self, state: BoardState, action: Action) -> tuple[BoardState, list[Event]]:
        if isinstance(action, EmergencyExit):
            return state, [EmergencyExited(None)]  # leaving shows help lines; the game itself is untouched
        if isinstance(action, Undo):
            if not state.history:
                return state, [Rejected("there is nothing to undo")]
            return BoardState.from_json({**state.history[-1], "history": state.history[:-1]}), [Undone()]
        return advance(state, lambda new: self._apply(new, action))

    # --- dispatch ---

    def _apply(self, state: BoardState, action: Action) -> list[Event]:
        if isinstance(action, AddTeam):
            return self._add_team(state, action)
        if isinstance(action, RenameTeam):
            if not 0 <= action.team < len(state.teams) or not action.name.strip():
                return [Rejected("no such team, or an empty name")]
            state.teams[action.team].name = action.name.strip()
            return [TeamsChanged()]
        if isinstance(action, (EndGame, TimeUp)):
            if state.phase == "over":
                return [Rejected("the game is over")]
            return self._game_over(state, "time" if isinstance(action, TimeUp) else "trainer")
        if state.phase == "setup":
            return self._setup(state, action)
        handler = {
            "roll": self._on_roll,
            "choose": self._on_choose,
            "card": self._on_card,
            "result": self._on_result,
        }.get(state.phase)
        if handler is None:
            return [Rejected("the game is over")]
        return handler(state, action)

    def _setup(self, state: BoardState, action: Action) -> list[Event]:
        if isinstance(action, Configure):
            unknown = [d for d in action.decks if self.pack.deck(d) is None]
            if unknown:
                return [Rejected(f"unknown deck: {', '.join(unknown)}")]
            state.rounds = action.rounds
            state.time_limit_minutes = action.time_limit_minutes
            state.decks = list(action.decks) or [deck.id for deck in self.pack.decks]
            return [TeamsChanged()]
        if isinstance(action, StartGame):
            if not self.rules.teams_min <= len(state.teams) <= self.rules.teams_max:
                return [Rejected(f"play with {self.rules.teams_min} to {self.rules.teams_max} teams")]
            for deck in state.decks:
                ids = [card.id for card in self.pack.cards_in(deck)]
                state.piles[deck], state.rng = rng.shuffled(state.rng, ids)
            state.phase = "roll"
            return [TurnStarted(state.turn, state.round)]
        return [Rejected("set up the teams and start the game first")]

    def _add_team(self, state: BoardState, action: AddTeam) -> list[Event]:
        if len(state.teams) >= self.rules.teams_max or not action.name.strip():
            return [Rejected(f"at most {self.rules.teams_max} teams, each with a name")]
        index = len(state.teams)
        used = {team.colour for team in state.teams}
        colour = action.colour or next((c for c in DEFAULT_COLOURS if c not in used), DEFAULT_COLOURS[0])
        symbol = action.symbol or DEFAULT_SYMBOLS[index % len(DEFAULT_SYMBOLS)]
        # A team added mid-game starts at the start square with no points and plays after the others.
        state.teams.append(Team(action.name.strip(), colour, symbol))
        return [TeamsChanged()]

    # --- a turn ---

    def _on_roll(self, state: BoardState, action: Action) -> list[Event]:
        if not isinstance(action, Roll):
            return [Rejected("roll the die first")]
        sides = self.rules.dice_sides
        if action.value is None:
            value, state.rng = rng.randint(state.rng, 1, sides)
        elif 1 <= action.value <= sides:
            value = action.value
        else:
            return [Rejected(f"a die shows 1 to {sides}")]
        state.last_roll = value
        team = state.teams[state.turn]
        events: list[Event] = [DiceRolled(state.turn, value, action.value is not None)]
        events += self._move(state, team.position + value, "roll")
        return events + self._land(state)

    def _move(self, state: BoardState, target: int, reason: str) -> list[Event]:
        team = state.teams[state.turn]
        start = team.position
        team.position = max(0, min(target, self.last))
        return [PawnMoved(state.turn, start, team.position, reason)]

    def _land(self, state: BoardState) -> list[Event]:
        team = state.teams[state.turn]
        square = self.square(team.position)
        events: list[Event] = []
        if square.special != "none":
            events.append(SquareEffect(state.turn, team.position, square.special))
        if square.special == "finish":
            team.finished = True
            team.score += self.rules.scoring.finish
            return events + self._end_turn(state)
        if square.special == "skip":
            team.skip_next = True
            return events + self._end_turn(state)
        if square.special in ("ahead", "back"):
            step = square.amount if square.special == "ahead" else -square.amount
            events += self._move(state, team.position + step, square.special)
            landed = self.square(team.position)
            # One move per turn: a second special square only counts when it holds a deck or the door.
            if landed.special == "finish" or landed.deck:
                return events + self._land(state)
            return events + self._end_turn(state)
        if square.special == "choose":
            state.phase = "choose"
            return events
        deck = square.deck
        if square.special == "everyone":
            deck, state.rng = rng.pick(state.rng, state.decks) if state.decks else (None, state.rng)
        if deck is None or deck not in state.decks:
            return events + self._end_turn(state)
        return events + self._draw(state, deck, everyone=square.special == "everyone")

    def _on_choose(self, state: BoardState, action: Action) -> list[Event]:
        if not isinstance(action, ChooseDeck) or action.deck not in state.decks:
            return [Rejected("choose one of the decks in play")]
        return self._draw(state, action.deck, everyone=False)

    def _draw(self, state: BoardState, deck: str, everyone: bool) -> list[Event]:
        pile = state.piles.setdefault(deck, [])
        if not pile:
            # The deck ran out: shuffle its drawn cards back in, so a long game never stalls.
            used = [card_id for card_id in state.drawn if self.cards[card_id].deck == deck]
            pile[:], state.rng = rng.shuffled(state.rng, used)
        if not pile:
            return self._end_turn(state)
        state.card = pile.pop()
        state.drawn.append(state.card)
        state.everyone = everyone
        order = list(range(len(state.teams)))
        state.pending = order[state.turn:] + order[: state.turn] if everyone else [state.turn]
        state.results = {}
        state.answers = {}
        state.phase = "card"
        state.teams[state.turn].cards += 1
        return [CardDrawn(state.turn, self.cards[state.card], everyone)]

    def _on_card(self, state: BoardState, action: Action) -> list[Event]:
        card = self.current_card(state)
        assert card is not None
        if isinstance(action, StopCard):
            return self._stop_card(state, card, action.team)
        if isinstance(action, Answer):
            if self._card_type(card) not in CLOSED_CARD_TYPES:
                return [Rejected("this card is judged by the trainer")]
            verdict = self._score_closed(card, action.value)
            if verdict is None:
                return [Rejected("that is not an answer to this card")]
            events = self._record(state, action.team, card, verdict)
            if isinstance(events[0], AnswerScored):
                state.answers[str(events[0].team)] = str(action.value).lower()
            return events
        if isinstance(action, Judge):
            if action.verdict not in VERDICTS:
                return [Rejected("judge as correct, partly or wrong")]
            return self._record(state, action.team, card, action.verdict)
        return [Rejected("answer the card, judge it, or play the stop card")]

    def _stop_card(self, state: BoardState, card: Card, team: int | None) -> list[Event]:
        index = state.turn if team is None else team
        if index not in state.pending:
            return [Rejected("that team has already answered")]
        state.teams[index].stop_cards_used += 1
        events: list[Event] = [CardSkipped(index, card)]
        state.pending.remove(index)
        state.results[str(index)] = "skipped"
        if state.pending:
            return events
        if any(verdict != "skipped" for verdict in state.results.values()):
            state.phase = "result"
            return events
        state.card = None
        return events + self._end_turn(state)

    def _record(self, state: BoardState, team: int | None, card: Card, verdict: str) -> list[Event]:
        index = state.pending[0] if team is None and state.pending else team
        if index is None or index not in state.pending:
            return [Rejected("that team has already answered")]
        state.pending.remove(index)
        points = getattr(self.rules.scoring, verdict)
        state.teams[index].score += points
        state.results[str(index)] = verdict
        if not state.pending:
            state.phase = "result"
        return [AnswerScored(index, card, verdict, points)]

    def _on_result(self, state: BoardState, action: Action) -> list[Event]:
        if not isinstance(action, NextTurn):
            return [Rejected("go on to the next turn")]
        state.card = None
        return self._end_turn(state)

    def _end_turn(self, state: BoardState) -> list[Event]:
        state.phase = "roll"
        state.everyone = False
        state.pending = []
        ended = self._end_reason(state)
        if ended:
            return self._game_over(state, ended)
        events: list[Event] = []
        for _ in range(2 * len(state.teams)):
            state.turn += 1
            if state.turn >= len(state.teams):
                state.turn = 0
                state.round += 1
                if state.rounds is not None and state.round > state.rounds:
                    return events + self._game_over(state, "rounds")
            team = state.teams[state.turn]
            if team.finished:
                continue
            if team.skip_next:
                team.skip_next = False
                events.append(TurnSkipped(state.turn))
                continue
            return [*events, TurnStarted(state.turn, state.round)]
        return events + self._game_over(state, "all_home")

    def _end_reason(self, state: BoardState) -> str:
        finished = [team for team in state.teams if team.finished]
        if self.rules.end == "first_home" and finished:
            return "first_home"
        if finished and len(finished) == len(state.teams):
            return "all_home"
        return ""

    def _game_over(self, state: BoardState, reason: str) -> list[Event]:
        state.phase = "over"
        state.card = None
        state.over_reason = reason
        return [GameOver(self.ranking(state), reason)]

    def _card_type(self, card: Card) -> str:
        deck = self.pack.deck(card.deck or "")
        return deck.type if deck else "case"

    def _score_closed(self, card: Card, value: bool | str) -> str | None:
        kind = self._card_type(card)
        if kind == "true_false":
            if not isinstance(value, bool):
                return None
            return "correct" if value == card.answer else "wrong"
        option = next((o for o in card.options if o.id == value), None)
        if option is None:
            return None
        return "correct" if option.correct else "wrong"

