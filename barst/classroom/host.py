"""What the class session's projector screens may ask of the app that shows them (`ClassApp` is the one).
The screens in `live.py`, `debrief.py` and `screens.py` depend on these protocols, not on
`barst.classroom.projector`, so no screen module imports its own caller (as the story's screens depend on
`barst.play.host`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from barst.play.host import StoryHost
from barst.play.screens.base import Host

if TYPE_CHECKING:
    from typing import Any

    from barst.classroom.network import Adapter
    from barst.classroom.session import Tally
    from barst.model import Pack, Situation
    from barst.play.screens.base import Screen


class ClassHost(Host, Protocol):
    """The join, plan, live, debrief, feedback and resume screens."""

    lang: str
    tally: Tally | None  # the newest figures the server sent (None before the first)
    # the join screen
    server_note: str  # one calm sentence when phones cannot take part ("" when they can)
    pin: str
    port: int
    adapter: Adapter | None
    adapters: list[Adapter]
    # every pupil on their own phone
    session_started: float  # time.monotonic() when the class started
    plan_minutes: int
    solo_started: bool

    @property
    def pack(self) -> Pack: ...
    @property
    def join_url(self) -> str: ...
    @property
    def join_url_typed(self) -> str: ...

    def after_join(self) -> None: ...
    def open_situations(self) -> list[Situation]: ...
    def apply_plan(self, situations: list[str], minutes: int) -> None: ...
    def figures(self) -> dict[str, Any]: ...
    def phone_words_here(self) -> dict[str, str]: ...
    def close_feedback(self) -> None: ...
    def resume_accepted(self) -> None: ...
    def resume_declined(self) -> None: ...


class VoteHost(ClassHost, StoryHost, Protocol):
    """The scene while the class votes: a story scene screen that also shows the votes arriving."""

    question_id: int
    tie: list[int]  # the choice numbers tied when the vote closed (empty: no tie)
    vote_deadline: float | None

    def voting_here(self, screen: Screen) -> bool: ...
    def vote_status(self) -> str: ...
    def close_vote(self) -> None: ...
    def trainer_picks(self, number: int) -> None: ...
