"""Helpers to drive the player with synthetic pygame events (keys, clicks, fingers)."""

from __future__ import annotations

import pygame

from barst.play.app import App


def key(app: App, k: int) -> None:
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))
    app.settle()


def keys(app: App, *ks: int) -> None:
    for k in ks:
        key(app, k)


def click(app: App, pos: tuple[int, int]) -> None:
    app.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos, touch=False))
    app.settle()


def tap(app: App, pos: tuple[int, int]) -> None:
    w, h = app.window.get_size()
    app.handle_event(pygame.event.Event(pygame.FINGERDOWN, x=pos[0] / w, y=pos[1] / h, finger_id=0, touch_id=0,
                                        dx=0, dy=0, pressure=1))
    app.settle()


def button_with_number(app: App, number: int) -> tuple[int, int]:
    app.settle()
    found = next(b for b in app.buttons if b.number == number)
    return found.rect.center


def exit_button(app: App) -> tuple[int, int]:
    app.settle()
    return next(b for b in app.buttons if not b.focusable).rect.center
