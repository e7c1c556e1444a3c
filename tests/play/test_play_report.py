"""The projector player writes one record per session whose counts equal what the engine played."""

from __future__ import annotations

import pygame
from drive import key

from barst.engine import events as ev
from barst.engine.story import Choose, Continue, Start, StoryEngine
from barst.play.app import App
from barst.play.screens.menu import MenuScreen
from barst.play.screens.story import SceneScreen
from barst.report import record as R


def play_through(app: App) -> None:
    """The first choice at every scene, with the clicker's Enter in between, up to the menu."""
    for _ in range(30):
        top = app.top
        if isinstance(top, SceneScreen) and top.event.choices:
            key(app, pygame.K_1)
        elif isinstance(top, MenuScreen):
            return
        else:
            key(app, pygame.K_RETURN)


def engine_counts(app: App, situation: str) -> tuple[int, int]:
    """The same path through the engine alone: (choices made, endings reached)."""
    engine = StoryEngine(app.pack)
    state, events = engine.step(engine.new_state(0), Start(situation))
    choices = endings = 0
    for _ in range(30):
        endings += sum(isinstance(e, ev.EndingReached) for e in events)
        if state.ending is not None or state.situation is None:
            break
        available = engine.available_choices(state)
        state, events = engine.step(state, Choose(available[0].id) if available else Continue())
        choices += sum(isinstance(e, ev.ChoiceMade) and bool(e.choice) for e in events)
    return choices, endings


def test_a_session_on_the_projector_is_recorded_as_played(make_app) -> None:
    app = make_app()
    app.go_menu()
    key(app, pygame.K_1)  # the first situation
    situation = app.state.situation
    assert situation is not None
    play_through(app)
    key(app, pygame.K_1)  # again, and leave by the emergency exit
    key(app, pygame.K_x)
    app.record_session()
    app.record_session()  # a second call has nothing new to write
    [record] = R.load_all().records
    choices, endings = engine_counts(app, situation)
    assert record.mode == "story" and record.pack == "mini-story"
    assert record.played == {situation: 2}
    assert (record.choices, record.endings, record.exits) == (choices, endings, 1) and choices > 0
    assert record.themes == sorted(set(app.pack.situation(situation).themes) or set(app.pack.themes))
    assert record.helplines == [line.id for line in app.helplines()]


def test_opening_and_closing_the_player_records_nothing(make_app) -> None:
    app = make_app()
    app.go_menu()
    app.record_session()
    assert R.load_all().records == []
