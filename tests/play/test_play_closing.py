"""The trainer's end-of-session screen: closing the window after a session asks for the entries (a clicker
alone is enough), the record gets exactly those entries, a skip keeps them empty, and the project code is
pre-filled the next time."""

from __future__ import annotations

import json

import pygame
from drive import click, key, keys
from pygame import Rect

from barst.play.app import App
from barst.play.screens.closing import ClosingScreen
from barst.play.screens.safety import BlackScreen, EmergencyScreen
from barst.report import record as R
from barst.report.settings import load_project, settings_path

DOWN, UP, F5 = pygame.K_PAGEDOWN, pygame.K_PAGEUP, pygame.K_F5  # the clicker's keys (and B)


def played(app: App) -> App:
    app.go_menu()
    key(app, pygame.K_1)  # a situation is started: there is a session to record
    return app


def close_window(app: App) -> None:
    """The window's close button (or Alt+F4): SDL sends the window's close, then a quit."""
    app.handle_event(pygame.event.Event(pygame.WINDOWCLOSE, window=None))
    app.handle_event(pygame.event.Event(pygame.QUIT))
    app.settle()


def typed(app: App, text: str) -> None:
    for char in text:
        app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.key.key_code(char.lower()), mod=0,
                                            unicode=char, scancode=0))
    app.settle()


def only_record() -> R.SessionRecord:
    loaded = R.load_all()
    assert loaded.skipped == []
    [record] = loaded.records
    return record


def test_closing_the_window_after_a_session_asks_first(make_app) -> None:
    app = played(make_app())
    close_window(app)
    assert isinstance(app.top, ClosingScreen) and app.running  # the quit waits for the trainer
    assert only_record().trainer == R.Trainer()  # the session is already safe, entries still empty


def test_a_clicker_alone_fills_in_the_form_and_the_record_has_exactly_that(make_app) -> None:
    app = played(make_app())
    close_window(app)
    keys(app, F5, F5, DOWN, DOWN, F5, DOWN, DOWN, DOWN, F5)  # the count, digit by digit: 0 2 3
    keys(app, DOWN, F5)  # audience: pupils
    keys(app, pygame.K_b)  # the clicker's B still blanks the screen …
    assert isinstance(app.top, BlackScreen)
    keys(app, pygame.K_b)  # … and brings the form back as it was
    assert isinstance(app.top, ClosingScreen)
    keys(app, DOWN, F5, F5, F5)  # grade: secondary-2
    keys(app, DOWN, F5, F5)  # school type: technical
    keys(app, DOWN, F5)  # setting: classroom
    keys(app, DOWN, F5, F5, F5, F5)  # how it went: 4
    keys(app, DOWN, DOWN, F5)  # past the project code to Save
    assert not app.running
    assert only_record().trainer == R.Trainer(participants=23, audience="pupils", grade="secondary-2",
                                              school_type="technical", setting="classroom", went=4)


def test_page_up_goes_back_and_esc_leaves_the_digits(make_app) -> None:
    app = played(make_app())
    close_window(app)
    keys(app, F5, F5, F5, DOWN, DOWN, pygame.K_ESCAPE)  # units to 2, then done with the count
    keys(app, DOWN, F5, F5, UP, F5)  # audience to professionals, back up: F5 sets the count's digits again
    keys(app, pygame.K_ESCAPE, UP, UP, F5)  # Esc leaves the digits; up wraps to Skip, then Save
    assert not app.running
    assert only_record().trainer == R.Trainer(participants=2, audience="professionals")


def test_skipping_keeps_the_record_with_its_entries_empty(make_app) -> None:
    app = played(make_app())
    close_window(app)
    keys(app, pygame.K_2, pygame.K_5)  # typed, then skipped: nothing of it is kept
    keys(app, pygame.K_ESCAPE, pygame.K_ESCAPE)  # Esc points at Skip, Esc again skips
    assert not app.running
    record = only_record()
    assert record.trainer == R.Trainer() and record.played


def test_closing_the_window_again_skips(make_app) -> None:
    app = played(make_app())
    close_window(app)
    keys(app, pygame.K_7)
    close_window(app)
    assert not app.running and only_record().trainer == R.Trainer()


def test_ctrl_c_ends_at_once_and_the_session_keeps_its_record(make_app) -> None:
    app = played(make_app())
    app.handle_event(pygame.event.Event(pygame.QUIT))  # what SDL makes of Ctrl+C or SIGTERM: no close button
    assert not app.running and not isinstance(app.top, ClosingScreen)
    app.record_session()  # as the loop does when it ends
    assert only_record().trainer == R.Trainer()


def test_with_nothing_played_the_window_just_closes(make_app) -> None:
    app = make_app()
    app.go_menu()
    close_window(app)
    assert not app.running and R.load_all().records == []


def test_the_keyboard_types_the_count_with_zero_and_backspace(make_app) -> None:
    app = played(make_app())
    close_window(app)
    keys(app, pygame.K_1, pygame.K_0, pygame.K_KP5, pygame.K_BACKSPACE, pygame.K_0)
    assert app.running and isinstance(app.top, ClosingScreen)  # Backspace erased a digit, it did not go back
    keys(app, pygame.K_RETURN)  # Enter on the count: set it digit by digit (as F5)
    keys(app, pygame.K_ESCAPE)
    for _ in range(5):
        keys(app, pygame.K_DOWN)  # down to Save with the arrows (audience, setting, went, project, Save)
    keys(app, pygame.K_RETURN)
    assert only_record().trainer == R.Trainer(participants=100)


def arrows(app: App) -> list[tuple[Rect, Rect]]:
    """Each row's ◀ and ▶ (the small square buttons), top to bottom."""
    square = [b.rect for b in app.buttons if abs(b.rect.width - b.rect.height) <= 1 and b.rect.width < 100]
    rows: dict[int, list[Rect]] = {}
    for rect in square:
        rows.setdefault(rect.centery // 8, []).append(rect)
    return [(min(r, key=lambda x: x.x), max(r, key=lambda x: x.x)) for _, r in sorted(rows.items())]


def test_the_mouse_fills_in_the_form(make_app) -> None:
    app = played(make_app())
    close_window(app)
    assert isinstance(app.top, ClosingScreen)
    count, audience = arrows(app)[:2]
    for _ in range(12):
        click(app, count[1].center)  # the count +1, twelve times
    click(app, count[0].center)  # and -1
    click(app, audience[1].center)
    click(app, audience[1].center)  # audience: professionals
    sector = arrows(app)[2]
    for _ in range(4):
        click(app, sector[1].center)  # welfare, health, education, police
    save = min((b.rect for b in app.buttons if b.rect.width > 3 * b.rect.height), key=lambda r: (-r.y, r.x))
    click(app, save.center)
    assert not app.running
    assert only_record().trainer == R.Trainer(participants=11, audience="professionals", sector="police")


def test_the_project_code_is_typed_once_and_prefilled_the_next_time(make_app) -> None:
    app = played(make_app())
    close_window(app)
    for _ in range(4):
        keys(app, pygame.K_PAGEDOWN)  # audience, setting, went, project
    typed(app, "BL-tb 1/")  # B and T type (no black screen, no trainer panel); space and / are no code's
    assert isinstance(app.top, ClosingScreen)
    keys(app, pygame.K_RETURN, pygame.K_RETURN)  # Enter goes on to Save, Enter saves
    assert only_record().trainer.project == "BL-tb1"
    assert load_project() == "BL-tb1"
    assert json.loads(settings_path().read_text(encoding="utf-8")) == {"format": "barst-trainer/1",
                                                                        "project": "BL-tb1"}
    pygame.quit()

    second = played(make_app())  # the next run: the code is there without typing
    close_window(second)
    keys(second, UP, UP, F5)  # straight to Save with the clicker
    records = R.load_all().records
    assert [r.trainer.project for r in records] == ["BL-tb1", "BL-tb1"]


def test_the_clicker_leaves_the_kept_code_out_for_one_session(make_app) -> None:
    from barst.report.settings import save_project

    save_project("44021")
    app = played(make_app())
    close_window(app)
    keys(app, UP, UP, UP, F5)  # the project row: F5 leaves the code out this time
    keys(app, DOWN, F5)
    assert only_record().trainer.project is None
    assert load_project() == "44021"  # kept for the next session


def test_x_is_still_the_emergency_exit_on_the_project_row(make_app) -> None:
    app = played(make_app())
    close_window(app)
    keys(app, UP, UP, UP)  # the project row
    typed(app, "X")
    assert isinstance(app.top, EmergencyScreen) and app.running
    keys(app, pygame.K_ESCAPE)  # back to the form, not to the menu: the entries are still to be given
    assert isinstance(app.top, ClosingScreen) and app.top.form.row == "project"
    exit_button = next(b for b in app.buttons if b.action == app.emergency_exit)
    click(app, exit_button.rect.center)  # the exit button with the mouse: the same
    assert isinstance(app.top, EmergencyScreen)
    keys(app, pygame.K_RETURN)
    keys(app, DOWN, F5)
    assert not app.running
    assert len(R.load_all().records) == 1  # the exit after the session made no session of its own


def test_an_unreadable_settings_file_is_kept_aside_and_the_form_still_works(make_app) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    app = played(make_app())
    close_window(app)
    assert isinstance(app.top, ClosingScreen) and app.top.form.project is None
    assert [p.name for p in path.parent.glob("trainer-settings.unreadable-*.json")]


def test_the_board_game_can_ask_for_its_entries_on_the_same_screen(make_app) -> None:
    """What the board game on the shell calls at its end: its own record, then this screen over its stack."""
    from datetime import datetime

    from support import played_board

    from barst.play.screens.closing import write_and_close
    from barst.report.played import Where, board_record

    pack, session = played_board(3)
    host = make_app()  # the shell the board game moves onto
    done: list[bool] = []
    record = board_record(pack, list(session.state.drawn), False, 0, datetime(2026, 3, 2, 9), 40,
                          Where(pack, "nl", pack.region))
    assert write_and_close(host, record, lambda: done.append(True))
    assert isinstance(host.top, ClosingScreen) and not done
    keys(host, pygame.K_1, pygame.K_2, DOWN, F5, F5)  # 12 professionals
    keys(host, DOWN, F5, F5, F5, F5, F5, F5, F5)  # sector: childcare
    keys(host, DOWN, DOWN, DOWN, DOWN, F5)  # past setting, how it went and the code: Save
    assert done == [True]
    [saved] = R.load_all().records
    assert saved.mode == "board" and saved.played == record.played
    assert saved.trainer == R.Trainer(participants=12, audience="professionals", sector="childcare")
    assert not write_and_close(host, None, lambda: done.append(True)) and done == [True, True]  # nothing played
