"""Issue 18, cause 2: a zero-width, control or bidi character in a pack title or a choice label never
shows the error screen; drawing takes any Unicode string."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest
from drive import key
from hostile import INVISIBLE
from support import PACKS, edit

from barst.play.screens.safety import ErrorScreen, PackErrorScreen
from barst.play.text import TextCache


def yaml_escaped(text: str) -> str:
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c[0]):04X}" for c in INVISIBLE])
def test_invisible_characters_in_titles_and_labels_are_drawn_calmly(make_app, tmp_path: Path, char: str) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(PACKS / "mini-story", folder)
    hostile = yaml_escaped(char)
    edit(folder / "pack.yaml", "title: {nl: Mini verhaal,", f'title: {{nl: "{hostile}Mini{hostile}",')
    party = folder / "situations" / "party.yaml"
    edit(party, "title: {nl: Het feestje,", f'title: {{nl: "{hostile}",')
    edit(party, "label: {nl: Vraag waarom,", f'label: {{nl: "{hostile}Vraag{hostile}waarom{hostile}",')
    app = make_app(folder)
    assert not isinstance(app.top, PackErrorScreen), [e.message for e in app.top.errors]  # type: ignore[attr-defined]
    for k in (pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN, pygame.K_1, pygame.K_1):
        key(app, k)
        assert not isinstance(app.top, ErrorScreen) and not app.errors


@pytest.mark.parametrize("text", [*INVISIBLE, "\u200b" * 50, "x\ud800y", "a\u0301" * 30, "\U0001f600\u200d\U0001f600"])
def test_the_text_cache_renders_wraps_and_fits_any_string(text: str) -> None:
    pygame.font.init()
    cache = TextCache()
    cache.render(text, 24, False, (0, 0, 0))
    cache.width(text, 24)
    lines, _ = cache.fit(text * 40, 24, True, 200, 60, 12)
    assert lines and all(cache.width(line, 12, True) <= 200 or len(line) <= 2 for line in lines)
