"""Settings stick per laptop, for both games, and a shortcut's options go on top of them."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from support import PACKS

from barst.play.cli import options_of
from barst.play.input import Cmd, Input
from barst.play.settings import Settings, SettingsStore


def test_text_size_theme_meters_and_language_stick_for_the_story(make_app, tmp_path: Path) -> None:
    app = make_app()
    app.go_menu()
    app.cycle_text_size()
    app.cycle_theme()
    app.toggle_meters()
    app.cycle_language()
    chosen = (app.layout.text_step, app.theme.id, app.show_meters, app.lang)
    again = make_app(lang=None)
    assert (again.layout.text_step, again.theme.id, again.show_meters, again.lang) == chosen
    assert chosen != ("normal", "normal", True, "nl")


def test_the_board_panel_keeps_colours_and_text_size_for_the_next_game(tmp_path: Path) -> None:
    from barst.loader import load_pack
    from barst.play.board.app import BoardApp, shot_session

    pack = load_pack(PACKS / "mini-board").pack
    assert pack is not None
    store = SettingsStore(tmp_path)
    session = shot_session(pack, "nl")
    app = BoardApp(session=session, settings=store, transitions=False)
    session.command("focus:start")
    app.feed(Input(Cmd.TRAINER))
    assert app.top.name == "panel"
    for item in ("item:theme", "item:text"):
        session.command(item)
        app.after_input()
    assert (app.theme.id, app.layout.text_step) == ("contrast", "large")
    later = BoardApp(session=shot_session(pack, "nl"), settings=SettingsStore(tmp_path), transitions=False)
    assert (later.theme.id, later.layout.text_step) == ("contrast", "large")
    assert later.session.theme == "contrast"  # the board's own panel shows the kept colours too


def test_a_shortcut_s_options_go_on_top_of_the_kept_settings(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BARST_DATA_DIR", str(tmp_path))
    SettingsStore().save(Settings(text_size="small", theme="colourblind", meters=False))
    args = argparse.Namespace(text_size="large", theme=None, meters=None, clock=False)
    assert options_of(args) == Settings(text_size="large", theme="colourblind", meters=False, clock=False)


def test_an_unreadable_settings_file_is_kept_aside(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"text_size": "huge"', encoding="utf-8")
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    assert store.kept_aside is not None and store.kept_aside.exists()
    store.save(Settings(theme="contrast"))
    assert SettingsStore(tmp_path).load().theme == "contrast"


@pytest.mark.parametrize("kept", ['{"text_size": 3}', '{"meters": "yes"}', '{"theme": "neon"}', '["normal"]',
                                  '{"clock": null}'])
def test_a_settings_file_of_the_wrong_shape_is_kept_aside(tmp_path: Path, kept: str) -> None:
    (tmp_path / "settings.json").write_text(kept, encoding="utf-8")
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    assert store.kept_aside is not None and store.kept_aside.read_text(encoding="utf-8") == kept


def test_kept_settings_with_a_key_of_a_later_version_still_load(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"theme": "contrast", "sparkles": true}', encoding="utf-8")
    store = SettingsStore(tmp_path)
    assert store.load() == Settings(theme="contrast")
    assert store.kept_aside is None
