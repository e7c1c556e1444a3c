"""The ending screen shows the ending's own help lines (number and name) in the player's language."""

from __future__ import annotations

import pygame
import pytest
from drive import key

from barst.play.screens.story import EndingScreen
from barst.play.widgets import Painter


def _reach_ending(app) -> EndingScreen:
    app.go_menu()
    key(app, pygame.K_1)  # the situation
    key(app, pygame.K_1)  # ask why
    key(app, pygame.K_RETURN)
    key(app, pygame.K_1)  # tell a friend
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, EndingScreen)
    return app.top


@pytest.mark.parametrize(("lang", "number", "name", "other"), [("nl", "102", "Awel", "103"),
                                                                ("fr", "103", "Écoute-Enfants", "102")])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_ending_screen_draws_the_lines_of_the_players_language(make_app, monkeypatch, lang, number, name,
                                                                   other, size):
    app = make_app(lang=lang, size=size)
    _reach_ending(app)
    drawn: list[tuple[str, float]] = []
    original_text, original_para = Painter.text, Painter.para

    def text(self, value, x, y, size, *args, **kwargs):
        drawn.append((value, size))
        return original_text(self, value, x, y, size, *args, **kwargs)

    def para(self, value, x, y, w, h, size, *args, **kwargs):
        drawn.append((value, size))
        return original_para(self, value, x, y, w, h, size, *args, **kwargs)

    monkeypatch.setattr(Painter, "text", text)
    monkeypatch.setattr(Painter, "para", para)
    app.settle()  # draws the frame again
    values = [value for value, _ in drawn]
    assert number in values and name in values and other not in values
    assert dict(drawn)[number] >= 28  # the number is the largest thing in the strip: readable from the back
