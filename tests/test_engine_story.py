from __future__ import annotations

import pytest
from engine_support import ROUND_TRIP, drive, kinds
from support import PACKS

from barst.engine import events as ev
from barst.engine.story import (
    Choose,
    ChooseNumber,
    ChooseRandom,
    Continue,
    EmergencyExit,
    JumpTo,
    Progress,
    Start,
    StoryEngine,
    StoryState,
    ToMenu,
    Undo,
)
from barst.loader import load_pack

PACK = load_pack(PACKS / "mini-story").pack
assert PACK is not None

pytestmark = pytest.mark.parametrize("round_trip", ROUND_TRIP, ids=["straight", "saved-and-loaded"])


def engine() -> StoryEngine:
    assert PACK is not None
    return StoryEngine(PACK)


def test_a_choice_applies_effects_feedback_and_points(round_trip: bool) -> None:
    e = engine()
    state, events = drive(e, e.new_state(), [Start("party"), Choose("ask")], round_trip)
    made = next(x for x in events if isinstance(x, ev.ChoiceMade))
    assert made.feedback is not None and made.feedback.get("nl") == "Sam denkt na."
    assert made.changes == [ev.MeterChange("trust", 5, 6)]
    assert state.values["trust"] == 6 and state.points == 10 and state.scene == "talk"


def test_reaching_an_ending_scores_and_records_progress(round_trip: bool) -> None:
    e = engine()
    state, events = drive(e, e.new_state(), [Start("party"), Choose("ask"), Choose("friend")], round_trip)
    ending = events[-1]
    assert isinstance(ending, ev.EndingReached)
    assert ending.score == 80 + 10 and ending.first_time and (ending.endings_found, ending.endings_total) == (1, 2)
    assert [u.id for u in ending.unlocked] == ["sam-view"]
    assert state.progress.endings == {"party": ["good"]} and state.progress.best == {"party": 90}


def test_replay_reveals_the_impact_text_and_does_not_unlock_twice(round_trip: bool) -> None:
    e = engine()
    first, _ = drive(e, e.new_state(), [Start("party"), Choose("ask"), Choose("friend")], round_trip)
    assert PACK is not None
    choice = PACK.situations[0].scenes[0].choices[0]
    object.__setattr__(choice, "impact", choice.feedback)  # give the choice an impact text for this test
    try:
        state, events = drive(e, first, [Start("party"), Choose("ask"), Choose("friend")], round_trip)
    finally:
        object.__setattr__(choice, "impact", None)
    made = next(x for x in events if isinstance(x, ev.ChoiceMade))
    assert made.impact is not None
    ending = events[-1]
    assert isinstance(ending, ev.EndingReached) and not ending.first_time and ending.unlocked == []
    assert state.progress.plays == {"party": 2}


def test_conditions_hide_choices_until_they_hold(round_trip: bool) -> None:
    e = engine()
    state, events = drive(e, e.new_state(), [Start("party"), Choose("ask")], round_trip)
    # trust is 6 after asking, so the conditional "secret" choice is offered
    assert [c.id for c in events[-1].choices] == ["friend", "secret"]
    state.values["trust"] = 2
    assert [c.id for c in e.available_choices(state)] == ["friend"]


def test_a_choice_that_is_not_available_is_rejected_and_changes_nothing(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), [Start("party")], round_trip)
    after, events = drive(e, state, [Choose("secret"), ChooseNumber(7), Continue()], round_trip)
    assert kinds(events) == ["Rejected", "Rejected", "Rejected"]
    assert after.to_json() == state.to_json()


def test_meters_are_capped_at_their_range(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), [Start("party")], round_trip)
    state.values["safety"] = 1
    state, events = drive(e, state, [Choose("give-in")], round_trip)
    made = next(x for x in events if isinstance(x, ev.ChoiceMade))
    assert made.changes == [ev.MeterChange("safety", 1, 0, clamped=True)]


def test_emergency_exit_leaves_at_once_from_every_scene(round_trip: bool) -> None:
    e = engine()
    for scene in ("start", "talk", "alone", "good"):
        state, events = drive(e, e.new_state(), [JumpTo("party", scene), EmergencyExit()], round_trip)
        assert isinstance(events[-1], ev.EmergencyExited) and events[-1].situation == "party"
        assert state.situation is None and state.scene is None and state.exited


def test_undo_takes_back_the_last_choice_but_keeps_discoveries(round_trip: bool) -> None:
    e = engine()
    state, _ = drive(e, e.new_state(), [Start("party"), Choose("ask"), Choose("friend")], round_trip)
    state, events = drive(e, state, [Undo()], round_trip)
    assert kinds(events)[0] == "Undone" and state.scene == "talk" and state.ending is None
    assert state.values["trust"] == 6 and state.progress.endings == {"party": ["good"]}
    state, _ = drive(e, state, [Undo()], round_trip)
    assert state.scene == "start" and state.values["trust"] == 5
    state, _ = drive(e, state, [Undo()], round_trip)
    assert state.situation is None


def test_random_play_is_reproducible_from_the_seed(round_trip: bool) -> None:
    e = engine()
    paths = []
    for _ in range(2):
        state, _ = drive(e, e.new_state(seed=42), [Start("party")] + [ChooseRandom()] * 3, round_trip)
        paths.append(state.path)
    assert paths[0] == paths[1] and paths[0]
    seen = {tuple(drive(e, e.new_state(seed=s), [Start("party")] + [ChooseRandom()] * 3, round_trip)[0].path)
            for s in range(20)}
    assert len(seen) > 1


def test_menu_and_unknown_situation(round_trip: bool) -> None:
    e = engine()
    state, events = drive(e, e.new_state(), [Start("nope")], round_trip)
    assert kinds(events) == ["Rejected"] and state.situation is None
    state, events = drive(e, e.new_state(), [Start("party"), ToMenu()], round_trip)
    assert kinds(events)[-1] == "MenuShown" and state.situation is None


def test_state_survives_json_with_progress(round_trip: bool) -> None:
    e = engine()
    state = e.new_state(seed=5, progress=Progress(endings={"party": ["alone"]}))
    state, _ = drive(e, state, [Start("party")], round_trip)
    assert StoryState.from_json(state.to_json()) == state and state.replay
