"""One input map for keyboard, presenter clicker, mouse and touch. Screens see `Command`s, not keys."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

import pygame


class Cmd(Enum):
    CHOOSE = "choose"  # with a number 1-9
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    CONFIRM = "confirm"  # Enter, Space
    NEXT = "next"  # clicker PageDown
    PREV = "prev"  # clicker PageUp
    BACK = "back"  # Esc: back / to the menu
    EXIT = "exit"  # the emergency exit
    TRAINER = "trainer"  # the trainer panel
    BLACK = "black"  # clicker B or period: black screen
    FULLSCREEN = "fullscreen"  # F11
    CLICK = "click"  # mouse or finger, with a position in pixels
    MOVE = "move"  # pointer moved (hover)
    QUIT = "quit"
    KEY = "key"  # a letter, Tab or Delete without a meaning of its own (`text` names it: "s", "tab")
    TEXT = "text"  # typed text while a screen asks for it (`text`)
    ERASE = "erase"  # Backspace while typing


EXIT_KEY = pygame.K_x  # shown on screen as "X"
EXIT_KEY_LABEL = "X"
TRAINER_KEY = pygame.K_t
TRAINER_KEY_LABEL = "T"

KEYS: dict[int, Cmd] = {
    pygame.K_UP: Cmd.UP,
    pygame.K_DOWN: Cmd.DOWN,
    pygame.K_LEFT: Cmd.LEFT,
    pygame.K_RIGHT: Cmd.RIGHT,
    pygame.K_RETURN: Cmd.CONFIRM,
    pygame.K_KP_ENTER: Cmd.CONFIRM,
    pygame.K_SPACE: Cmd.CONFIRM,
    pygame.K_PAGEDOWN: Cmd.NEXT,
    pygame.K_PAGEUP: Cmd.PREV,
    # A clicker's "present" button sends F5 (or Shift+F5): with PageUp/PageDown moving the focus, it
    # picks the focused choice, so a trainer with only a clicker can play a whole situation.
    pygame.K_F5: Cmd.CONFIRM,
    pygame.K_ESCAPE: Cmd.BACK,
    pygame.K_BACKSPACE: Cmd.BACK,
    EXIT_KEY: Cmd.EXIT,
    TRAINER_KEY: Cmd.TRAINER,
    pygame.K_b: Cmd.BLACK,
    pygame.K_PERIOD: Cmd.BLACK,
    pygame.K_F11: Cmd.FULLSCREEN,
}
NAMED = {pygame.K_TAB: "tab", pygame.K_DELETE: "delete"}
DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}


class Input(NamedTuple):
    cmd: Cmd
    number: int = 0
    pos: tuple[int, int] = (0, 0)
    text: str = ""


def translate(event: pygame.event.Event, size: tuple[int, int]) -> Input | None:
    """The command an event means, or None. Finger positions are 0..1 and become pixels."""
    if event.type == pygame.QUIT:
        return Input(Cmd.QUIT)
    if event.type == pygame.KEYDOWN:
        if event.key in DIGITS:
            return Input(Cmd.CHOOSE, DIGITS[event.key])
        cmd = KEYS.get(event.key)
        if cmd is not None:
            return Input(cmd)
        name = NAMED.get(event.key) or (chr(event.key) if pygame.K_a <= event.key <= pygame.K_z else "")
        return Input(Cmd.KEY, text=name) if name else None
    if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and not getattr(event, "touch", False):
        return Input(Cmd.CLICK, pos=tuple(event.pos))
    if event.type == pygame.MOUSEMOTION and not getattr(event, "touch", False):
        return Input(Cmd.MOVE, pos=tuple(event.pos))
    if event.type == pygame.FINGERDOWN:
        return Input(Cmd.CLICK, pos=(round(event.x * size[0]), round(event.y * size[1])))
    if event.type == pygame.MOUSEWHEEL:
        return Input(Cmd.DOWN if event.y < 0 else Cmd.UP)
    return None


def translate_text(event: pygame.event.Event, size: tuple[int, int]) -> Input | None:
    """While a screen takes typed text (a team name): letters are text, not keys; Enter, Esc, Backspace
    and the mouse keep their meaning, so typing never opens a panel or blanks the screen."""
    if event.type == pygame.TEXTINPUT:
        return Input(Cmd.TEXT, text=event.text)
    if event.type == pygame.KEYDOWN:
        special = {pygame.K_BACKSPACE: Cmd.ERASE, pygame.K_RETURN: Cmd.CONFIRM, pygame.K_KP_ENTER: Cmd.CONFIRM,
                   pygame.K_ESCAPE: Cmd.BACK, pygame.K_TAB: Cmd.DOWN, pygame.K_F11: Cmd.FULLSCREEN}.get(event.key)
        return Input(special) if special else None
    if event.type in (pygame.KEYUP, pygame.TEXTEDITING):
        return None
    return translate(event, size)
