"""What the engines tell their adapters to show. Texts stay `Text` so the adapter picks the language."""

from __future__ import annotations

from dataclasses import dataclass, field

from barst.model import Card, Character, Ending, HelpLine, Scene, Unlock
from barst.text import Text


@dataclass(frozen=True, slots=True)
class Rejected:
    """The action made no sense in this state; the state is unchanged."""

    reason: str


@dataclass(frozen=True, slots=True)
class Undone:
    pass


@dataclass(frozen=True, slots=True)
class MenuShown:
    pass


@dataclass(frozen=True, slots=True)
class EmergencyExited:
    situation: str | None


# --- story ---


@dataclass(frozen=True, slots=True)
class ChoiceView:
    number: int
    id: str
    label: Text


@dataclass(frozen=True, slots=True)
class MeterChange:
    variable: str
    old: int
    new: int
    clamped: bool = False


@dataclass(frozen=True, slots=True)
class SceneShown:
    situation: str
    scene: Scene
    speaker: Character | None
    choices: list[ChoiceView]
    values: dict[str, int]
    can_continue: bool


@dataclass(frozen=True, slots=True)
class ChoiceMade:
    choice: str
    label: Text | None
    feedback: Text | None
    impact: Text | None  # only on replay
    changes: list[MeterChange]
    points: int
    five_a: str | None


@dataclass(frozen=True, slots=True)
class EndingReached:
    situation: str
    scene: str
    score: int
    ending: Ending
    unlocked: list[Unlock]
    first_time: bool
    endings_found: int
    endings_total: int
    previous_best: int | None
    # the help lines the ending names, in the author's order; the adapter picks those for the
    # player's language and region (barst.helplines.for_ending)
    helplines: tuple[HelpLine, ...] = ()


# --- board ---


@dataclass(frozen=True, slots=True)
class TeamsChanged:
    pass


@dataclass(frozen=True, slots=True)
class TurnStarted:
    team: int
    round: int


@dataclass(frozen=True, slots=True)
class DiceRolled:
    team: int
    value: int
    typed: bool  # the trainer typed what a physical die showed


@dataclass(frozen=True, slots=True)
class PawnMoved:
    team: int
    start: int
    end: int
    reason: str  # "roll", "ahead", "back"


@dataclass(frozen=True, slots=True)
class SquareEffect:
    team: int
    square: int
    special: str


@dataclass(frozen=True, slots=True)
class CardDrawn:
    team: int
    card: Card
    everyone: bool


@dataclass(frozen=True, slots=True)
class AnswerScored:
    team: int
    card: Card
    verdict: str  # "correct", "partly", "wrong", "skipped"
    points: int


@dataclass(frozen=True, slots=True)
class CardSkipped:
    team: int
    card: Card


@dataclass(frozen=True, slots=True)
class TurnSkipped:
    team: int


@dataclass(frozen=True, slots=True)
class GameOver:
    ranking: list[int] = field(default_factory=list)  # team indexes, best first
    reason: str = ""


Event = (
    Rejected | Undone | MenuShown | EmergencyExited | SceneShown | ChoiceMade | EndingReached
    | TeamsChanged | TurnStarted | DiceRolled | PawnMoved | SquareEffect | CardDrawn | AnswerScored
    | CardSkipped | TurnSkipped | GameOver
)
