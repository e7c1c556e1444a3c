"""Colour themes. Meaning is never carried by colour alone: every state also has a word, number or mark."""

from __future__ import annotations

from typing import NamedTuple

RGB = tuple[int, int, int]


def hex_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


class Theme(NamedTuple):
    id: str
    background: RGB
    surface: RGB  # panels and buttons
    surface_hi: RGB  # focused or hovered button
    text: RGB
    muted: RGB
    accent: RGB  # focus ring, number badges
    on_accent: RGB
    good: RGB
    bad: RGB
    mixed: RGB
    exit_bg: RGB  # the emergency exit: calm, but always findable
    exit_text: RGB
    bar_bg: RGB
    border: RGB


THEMES: dict[str, Theme] = {
    # Calm dark blue; text contrast > 12:1.
    "normal": Theme(
        "normal", background=(22, 32, 48), surface=(38, 52, 74), surface_hi=(58, 78, 108), text=(244, 246, 250),
        muted=(178, 190, 208), accent=(255, 196, 87), on_accent=(22, 32, 48), good=(110, 200, 140),
        bad=(240, 128, 110), mixed=(236, 200, 100), exit_bg=(232, 240, 255), exit_text=(22, 32, 48),
        bar_bg=(60, 74, 96), border=(92, 110, 140),
    ),
    # Black and white with yellow focus: maximal contrast for a washed-out projector.
    "contrast": Theme(
        "contrast", background=(0, 0, 0), surface=(0, 0, 0), surface_hi=(40, 40, 40), text=(255, 255, 255),
        muted=(235, 235, 235), accent=(255, 230, 0), on_accent=(0, 0, 0), good=(255, 255, 255),
        bad=(255, 255, 255), mixed=(255, 255, 255), exit_bg=(255, 255, 255), exit_text=(0, 0, 0),
        bar_bg=(70, 70, 70), border=(255, 255, 255),
    ),
    # Okabe-Ito palette (safe for the common colour-vision deficiencies) on a light background.
    "colourblind": Theme(
        "colourblind", background=(250, 248, 242), surface=(232, 236, 242), surface_hi=(206, 222, 240),
        text=(20, 20, 20), muted=(70, 70, 70), accent=(0, 114, 178), on_accent=(255, 255, 255),
        good=(0, 158, 115), bad=(213, 94, 0), mixed=(230, 159, 0), exit_bg=(20, 20, 20), exit_text=(255, 255, 255),
        bar_bg=(200, 204, 210), border=(86, 180, 233),
    ),
}
THEME_ORDER = ("normal", "contrast", "colourblind")


def next_theme(current: str) -> str:
    return THEME_ORDER[(THEME_ORDER.index(current) + 1) % len(THEME_ORDER)]
