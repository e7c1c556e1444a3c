"""Interface words: nl/fr/en have the same keys, every key a screen asks for exists, no screen has a
hard-coded word. Text fit: the checker's pure estimate agrees with the player's wrapping."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pygame
import pytest
import yaml
from support import ROOT

from barst.play.metrics import ROLES
from barst.play.text import TextCache
from barst.textfit import fits_on_screen, lines_needed

PLAY = ROOT / "barst" / "play"
UI_SOURCES = [*sorted((PLAY / "screens").glob("*.py")), PLAY / "app.py", PLAY / "widgets.py"]


def keys(lang: str) -> set[str]:
    return set(yaml.safe_load((ROOT / "assets" / "ui" / f"{lang}.yaml").read_text(encoding="utf-8")))


def test_the_four_languages_have_the_same_keys():
    assert keys("nl") == keys("fr") == keys("en") == keys("de")


def used_keys() -> set[str]:
    found = set()
    for path in UI_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name == "t" and isinstance(node.args[0].value, str):
                    found.add(node.args[0].value)
    return found


def test_every_key_a_screen_uses_exists():
    assert used_keys() and used_keys() <= keys("nl")


def test_no_screen_has_a_hard_coded_word():
    """A string with a word of 3+ letters next to a space, or a capitalised word, is a sentence for people."""
    word = re.compile(r"[A-Za-zÀ-ÿ]{2,}\s+[A-Za-zÀ-ÿ]{2,}|^[A-Z][a-z]{2,}")
    offenders = []
    for path in UI_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.ClassDef | ast.Module) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                text = node.value
                if word.search(text) and not text.startswith(("barst", "---", "%")):
                    offenders.append(f"{path.name}:{node.lineno}: {text!r}")
    assert not offenders, offenders


@pytest.mark.parametrize("role", ["scene", "choice", "feedback", "helps", "card", "verdict"])
def test_textfit_agrees_with_the_player(role):
    pygame.font.init()
    cache = TextCache()
    spec = ROLES[role]
    sample = ("Je hoort je ouders ruziën in de keuken. Het wordt luider en je broertje komt bij je in de kamer "
              "zitten. Qu'est-ce que tu fais maintenant ? Ça dépend, dit-il, de ce que tu ressens. ") * 3
    for length in range(20, len(sample), 37):
        text = sample[:length]
        player = len(cache.wrap(text, cache.font(spec.size, spec.bold).get_height() and spec.size, spec.bold,
                                spec.width))
        assert abs(lines_needed(text, role) - player) <= 1
        if lines_needed(text, role) < spec.lines:
            assert player <= spec.lines


def test_fits_on_screen():
    assert fits_on_screen("Vraag waarom.", "choice")
    assert not fits_on_screen("heel lang " * 200, "scene")
    with pytest.raises(KeyError):
        fits_on_screen("x", "nonsense")


def test_textfit_is_pure():
    source = (ROOT / "barst" / "textfit.py").read_text(encoding="utf-8")
    metrics = (PLAY / "metrics.py").read_text(encoding="utf-8")
    assert "pygame" not in source.replace("no pygame", "") and "import pygame" not in metrics
    assert Path(ROOT / "assets" / "fonts" / "andika-metrics.json").is_file()


@pytest.mark.parametrize(("px", "bold", "width"),
                         [(30, False, 700), (25, False, 420), (60, True, 1160), (14, False, 300)])
def test_the_players_guided_wrap_breaks_lines_where_the_font_does(px: int, bold: bool, width: int) -> None:
    # The player guesses each line's end from the width table and checks it with the font (textfit.wrap);
    # the lines must be those of measuring word by word with the real font, for every shipped scene.
    from barst.loader import load_pack
    from barst.textfit import wrap

    pygame.font.init()
    pack = load_pack(ROOT / "scenarios" / "barst").pack
    assert pack is not None
    texts = [scene.text.get(lang) for situation in pack.situations for scene in situation.scenes
             for lang in pack.languages if scene.text.has(lang)]
    assert len(texts) > 100
    cache = TextCache()
    font = cache.font(px, bold)
    for text in texts:
        assert cache.wrap(text, px, bold, width) == wrap(text, width, lambda s: font.size(s)[0]), text
