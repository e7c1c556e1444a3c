"""Issue 18, causes 2 and 3 on the board: a team name takes no invisible characters, and a save that
names one (written before this rule) still draws."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
from test_board_ui import PACK, Driver, new_driver, start_game

from barst.play.board.session import BoardSession

HOSTILE = "\u202e\x00Ro\u200bod\ufeff\u200d\x1b"


def test_the_setup_refuses_invisible_characters_in_team_names(pygame_ready: None, data_dir: Path) -> None:
    d = new_driver(data_dir)
    d.key(pygame.K_RETURN)
    d.type(HOSTILE)
    d.key(pygame.K_RETURN)
    assert d.session.setup.teams[0].name == "Rood"


def test_a_saved_team_name_with_invisible_characters_still_draws(pygame_ready: None, data_dir: Path) -> None:
    d = new_driver(data_dir)
    start_game(d)
    save = data_dir / "board" / "mini-board.json"
    data = json.loads(save.read_text(encoding="utf-8"))
    data["state"]["teams"][0]["name"] = HOSTILE
    save.write_text(json.dumps(data), encoding="utf-8")
    again = reopen(save)
    assert again.session.screen == "resume"
    again.key(pygame.K_RETURN)
    again.key(pygame.K_SPACE)
    again.wait(2.0)
    again.app.render()
    assert again.session.state.teams[0].name == HOSTILE and again.top != "error"


def saved_game(data_dir: Path) -> tuple[Path, dict]:  # type: ignore[type-arg]
    d = new_driver(data_dir)
    start_game(d)
    d.key(pygame.K_2)  # a typed die: the second square holds a case card
    d.wait(2.0)
    assert d.session.screen == "card"
    save = data_dir / "board" / "mini-board.json"
    return save, json.loads(save.read_text(encoding="utf-8"))


def reopen(save: Path) -> Driver:
    return Driver(BoardSession(PACK, "nl", save_file=save, seed=5))


def kept(save: Path) -> list[Path]:
    return sorted(save.parent.glob("mini-board.unreadable-*.json"))


def test_a_save_from_a_newer_barst_is_kept_aside_and_a_new_game_starts(pygame_ready: None, data_dir: Path) -> None:
    save, data = saved_game(data_dir)
    data["format"] = 99
    save.write_text(json.dumps(data), encoding="utf-8")
    d = reopen(save)
    assert d.session.screen == "setup" and "mini-board.unreadable-" in d.session.notice
    [aside] = kept(save)
    assert json.loads(aside.read_text(encoding="utf-8"))["format"] == 99
    start_game(d)
    assert json.loads(aside.read_text(encoding="utf-8"))["format"] == 99  # never overwritten


def test_wrong_types_in_a_save_do_not_freeze_the_board(pygame_ready: None, data_dir: Path) -> None:
    save, data = saved_game(data_dir)
    data["state"]["teams"][0]["position"] = "far"
    data["state"]["turn"] = None
    save.write_text(json.dumps(data), encoding="utf-8")
    d = reopen(save)
    assert d.session.screen == "setup" and d.session.notice and len(kept(save)) == 1


def test_unknown_keys_keep_a_copy_and_the_game_resumes(pygame_ready: None, data_dir: Path) -> None:
    save, data = saved_game(data_dir)
    data["state"]["future_field"] = [1, 2]
    save.write_text(json.dumps(data), encoding="utf-8")
    d = reopen(save)
    assert d.session.screen == "resume" and d.session.notice
    [aside] = kept(save)
    assert json.loads(aside.read_text(encoding="utf-8"))["state"]["future_field"] == [1, 2]


def test_a_save_naming_a_removed_card_resumes_with_a_new_roll(pygame_ready: None, data_dir: Path) -> None:
    save, data = saved_game(data_dir)
    data["state"]["card"] = "a-card-since-removed"
    data["state"]["piles"]["case"] = ["a-card-since-removed", *data["state"]["piles"].get("case", [])]
    save.write_text(json.dumps(data), encoding="utf-8")
    d = reopen(save)
    assert d.session.screen == "resume"
    d.key(pygame.K_RETURN)
    s = d.session
    assert s.screen == "board" and s.state.phase == "roll" and s.state.card is None
    assert "a-card-since-removed" not in s.state.piles.get("case", [])
    assert s.state.teams[0].name == "Leerkrachten" and len(kept(save)) == 1
    d.key(pygame.K_SPACE)
    d.wait(2.0)
    assert s.screen in ("card", "board", "choose")
