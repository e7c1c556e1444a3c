"""Issue 18, cause 3: a corrupt or mistyped progress.json is kept aside (renamed with a date), the menu
says so in one sentence, play goes on, and no pack's progress is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
from drive import key

from barst.engine.story import Progress
from barst.play.progress import FILE, ProgressStore
from barst.play.screens.menu import MenuScreen
from barst.play.screens.safety import ErrorScreen

GOOD = {"endings": {"party": ["alone"]}, "unlocks": {}, "best": {"party": 40}, "plays": {"party": 1}}


def aside(folder: Path) -> list[Path]:
    return sorted(folder.glob("progress.unreadable-*.json"))


def test_an_unreadable_progress_file_is_kept_aside_not_overwritten(tmp_path: Path) -> None:
    corrupt = b'{"other-pack": {"endings": {"x": ["y"]}}, "mini'
    (tmp_path / FILE).write_bytes(corrupt)
    store = ProgressStore(tmp_path)
    assert store.load("mini-story") == Progress()
    store.save("mini-story", Progress(**GOOD))  # type: ignore[arg-type]
    [kept] = aside(tmp_path)
    assert kept.read_bytes() == corrupt and store.kept_aside == kept
    assert json.loads((tmp_path / FILE).read_text(encoding="utf-8"))["mini-story"]["best"] == {"party": 40}


def test_a_mistyped_entry_is_dropped_and_the_others_are_kept(tmp_path: Path) -> None:
    data = {"mini-story": {"endings": "many", "best": {"party": "top"}}, "other": GOOD}
    (tmp_path / FILE).write_text(json.dumps(data), encoding="utf-8")
    store = ProgressStore(tmp_path)
    assert store.load("mini-story") == Progress()
    assert store.load("other").best == {"party": 40}
    store.save("mini-story", Progress())
    assert json.loads((tmp_path / FILE).read_text(encoding="utf-8"))["other"] == GOOD
    [kept] = aside(tmp_path)
    assert json.loads(kept.read_text(encoding="utf-8")) == data


def test_the_menu_says_so_in_one_sentence_and_play_goes_on(make_app, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / FILE).write_text('{"mini-story": {"endings": 7}}', encoding="utf-8")
    app = make_app()
    app.go_menu()
    app.settle()
    assert isinstance(app.top, MenuScreen)
    drawn = " ".join(text for text, *_ in app.texts.surfaces)
    assert "progress.unreadable-" in drawn
    key(app, pygame.K_1)
    assert not isinstance(app.top, ErrorScreen) and not app.errors
