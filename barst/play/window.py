"""Choosing the display to open on, shared by the story player and the board game."""

from __future__ import annotations

import sys

import pygame


def usable_display(requested: int) -> int:
    """`requested` when that display exists, else the first one, with a note: a projector unplugged
    before the lesson must not stop the game from opening on the laptop's own screen."""
    count = pygame.display.get_num_displays()
    if 0 <= requested < count:
        return requested
    print(f"barst: there is no display {requested} (this computer has {count}); opening on display 0.",
          file=sys.stderr)
    return 0
