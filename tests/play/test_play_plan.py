"""The lesson plan in the trainer panel is the trainer kit's own (one source for the guide and the app)."""

from __future__ import annotations

import pygame
from drive import key

from barst.play.timer import PLAN_MINUTES, SessionTimer
from barst.sessionplan import current_part, part_title, plan


def test_the_kit_plans_add_up_to_their_length() -> None:
    for minutes in (50, 100):
        parts = plan(minutes)
        assert len(parts) >= 3 and sum(length for _, length in parts) == minutes


def test_the_trainer_panel_shows_the_kit_plan(make_app) -> None:
    app = make_app()
    app.go_menu()
    key(app, pygame.K_t)
    shown = {text for text, *_ in app.texts.surfaces}
    for title, minutes in plan(PLAN_MINUTES):
        assert part_title(title, "nl") in shown
        assert app.t("minutes", n=minutes) in shown


def test_the_current_part_follows_the_kit_plan() -> None:
    parts = plan(PLAN_MINUTES)
    first = parts[0][1]
    now = [0.0]
    timer = SessionTimer(clock=lambda: now[0])
    timer.toggle()
    now[0] = (first - 0.5) * 60
    assert timer.phase() == 0
    now[0] = (first + 0.5) * 60
    assert timer.phase() == 1
    assert current_part(parts, 10_000) == len(parts) - 1
