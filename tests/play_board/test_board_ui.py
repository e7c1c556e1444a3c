"""The board game on the projector, driven headless with synthetic pygame events: setup, turns, cards,
judging, the stop card, the trainer panel, the emergency exit, resume after a crash, the final ranking."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from support import PACKS

from barst.loader import load_pack
from barst.play.board.app import BoardApp
from barst.play.board.session import BoardSession
from barst.play.board.strings import LANGUAGES, strings
from barst.play.settings import Settings

PACK = load_pack(PACKS / "mini-board").pack
assert PACK is not None


class Driver:
    """The board game in the projector shell, fed synthetic pygame events, with a clock the test moves."""

    def __init__(self, session: BoardSession) -> None:
        self.now = 0.0
        self.app = BoardApp(size=(1280, 720), transitions=False, session=session, options=Settings())
        self.app.clock = lambda: self.now
        self.frame()

    @property
    def session(self) -> BoardSession:
        return self.app.session

    def post(self, *events: pygame.event.Event) -> None:
        for event in events:
            pygame.event.post(event)
        self.frame()

    def key(self, key: int, text: str = "") -> None:
        events = [pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=text, scancode=0)]
        if text:
            events.append(pygame.event.Event(pygame.TEXTINPUT, text=text))
        self.post(*events)

    def type(self, text: str) -> None:
        self.post(pygame.event.Event(pygame.TEXTINPUT, text=text))

    def click(self, pos: tuple[int, int]) -> None:
        self.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos, touch=False))

    def wait(self, seconds: float) -> None:
        self.now += seconds
        self.frame()

    def frame(self) -> None:
        for event in pygame.event.get():
            self.app.handle_event(event)
        self.app.guarded(self.app.step_time)
        self.app.render()

    @property
    def top(self) -> str:
        return self.app.top.name


def new_driver(data_dir: Path, seed: int = 11) -> Driver:
    session = BoardSession(PACK, "nl", save_file=data_dir / "board" / "mini-board.json", seed=seed)
    return Driver(session)


def start_game(d: Driver) -> None:
    d.key(pygame.K_RETURN)  # edit the first team's name
    d.type("Leerkrachten")
    d.key(pygame.K_RETURN)
    fields = d.session.setup.fields(PACK)
    for _ in range(fields.index("start")):
        d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)


def play_turn(d: Driver, verdict_key: int = pygame.K_2) -> None:
    """Roll with the space bar, wait for the die, then answer or judge and go on."""
    s = d.session
    d.key(pygame.K_SPACE)
    d.wait(2.0)
    if s.screen == "card":
        card = s.card()
        assert card is not None
        if s.card_type(card) == "true_false":
            d.key(pygame.K_1)
        else:
            d.key(pygame.K_p, "p")  # the points to look for, then judge
            assert s.show_points
            d.key(verdict_key)
        assert s.screen in ("result", "card")  # "everyone answers" asks the next team
    while s.screen == "card":
        d.key(pygame.K_1 if s.card_type(s.card()) == "true_false" else verdict_key)  # type: ignore[arg-type]
    if s.screen == "result":
        d.key(pygame.K_RETURN)


def test_a_whole_game_from_setup_to_the_final_ranking(pygame_ready: None, data_dir: Path) -> None:
    d = new_driver(data_dir)
    assert d.session.screen == "setup"
    start_game(d)
    s = d.session
    assert s.screen == "board" and s.state.phase == "roll"
    assert s.state.teams[0].name == "Leerkrachten" and len(s.state.teams) == 3
    assert len({(t.colour, t.symbol) for t in s.state.teams}) == 3
    for _ in range(60):
        if s.state.phase == "over":
            break
        play_turn(d)
    assert s.screen == "final"
    assert s.state.over_reason in ("first_home", "all_home")
    assert sum(team.score for team in s.state.teams) > 0
    assert not d.app.texts.surfaces or d.app.buttons  # the final screen was drawn (exit button at least)


def test_a_physical_die_can_be_typed(pygame_ready: None, data_dir: Path) -> None:
    d = new_driver(data_dir)
    start_game(d)
    d.key(pygame.K_2)
    d.wait(2.0)
    s = d.session
    assert s.state.teams[0].position == 2 and s.state.last_roll == 2
    assert s.screen == "card" and s.card() is not None and s.card().deck == "case"  # type: ignore[union-attr]


def test_the_stop_card_skips_a_card_without_points(pygame_ready: None, data_dir: Path) -> None:
    d = new_driver(data_dir)
    start_game(d)
    d.key(pygame.K_1)
    d.wait(2.0)
    assert d.session.screen == "card"
    d.key(pygame.K_s, "s")
    s = d.session
    assert s.state.phase == "roll" and s.state.turn == 1 and s.state.teams[0].score == 0
    assert s.state.teams[0].stop_cards_used == 1


def test_the_trainer_panel_adds_and_renames_a_team_and_undoes(pygame_ready: None, data_dir: Path) -> None:
    d = new_driver(data_dir)
    start_game(d)
    s = d.session
    d.key(pygame.K_t, "t")
    assert s.panel is not None
    d.key(pygame.K_RETURN)  # "add a team" is the first entry
    d.type("Politie")
    d.key(pygame.K_RETURN)
    assert [t.name for t in s.state.teams][-1] == "Politie"
    d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)  # rename: which team?
    d.key(pygame.K_2)
    d.type("CAW")
    d.key(pygame.K_RETURN)
    assert s.state.teams[1].name == "CAW"
    d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)  # undo: the rename is gone
    assert s.state.teams[1].name != "CAW"
    d.key(pygame.K_ESCAPE)
    assert s.panel is None


def test_the_emergency_exit_is_one_key_or_one_click_from_every_screen(pygame_ready: None, data_dir: Path) -> None:
    d = new_driver(data_dir)
    s = d.session
    screens = []
    for step in range(4):
        d.key(pygame.K_x, "x")
        assert d.top == "emergency"
        d.frame()
        d.key(pygame.K_RETURN)
        assert d.top != "emergency"
        # one click on the exit button (top right) does the same
        width = d.app.window.get_width()
        d.click((width - 120, 38))
        assert d.top == "emergency"
        d.key(pygame.K_RETURN)
        screens.append(s.screen)
        if step == 0:
            start_game(d)
        elif step == 1:
            d.key(pygame.K_1)
            d.wait(2.0)
        elif step == 2:
            d.key(pygame.K_1)
    assert screens == ["setup", "board", "card", "result"]
    assert s.exits == 8  # counted for the session report


def test_an_unfinished_game_is_offered_for_resume_exactly(pygame_ready: None, data_dir: Path) -> None:
    d = new_driver(data_dir)
    start_game(d)
    play_turn(d)
    play_turn(d)
    d.key(pygame.K_SPACE)
    d.wait(2.0)
    before = d.session.state.snapshot()
    # the laptop dies; barst play starts again
    again = new_driver(data_dir, seed=999)
    assert again.session.screen == "resume"
    again.key(pygame.K_RETURN)
    assert again.session.state.snapshot() == before


def test_a_new_game_can_be_chosen_instead_of_resuming(pygame_ready: None, data_dir: Path) -> None:
    d = new_driver(data_dir)
    start_game(d)
    again = new_driver(data_dir)
    assert again.session.screen == "resume"
    again.key(pygame.K_n, "n")
    assert again.session.screen == "setup"
    assert new_driver(data_dir).session.screen == "setup"


def test_the_time_limit_ends_the_game_between_turns(pygame_ready: None, data_dir: Path) -> None:
    d = new_driver(data_dir)
    s = d.session
    s.setup.mode, s.setup.minutes = "time", 5
    start_game(d)
    assert s.time_left_minutes() == 5
    d.wait(5 * 60 + 1)
    assert s.state.phase == "over" and s.state.over_reason == "time"


def test_black_screen_from_the_clicker_and_back(pygame_ready: None, data_dir: Path) -> None:
    d = new_driver(data_dir)
    d.key(pygame.K_PERIOD, ".")
    assert d.top == "black"
    d.key(pygame.K_PAGEDOWN)
    assert d.top == "setup"


def test_a_clicker_alone_plays_a_whole_game_and_reaches_the_help_lines(pygame_ready: None, data_dir: Path) -> None:
    """PageUp/PageDown/F5/B only: every setup step, the die, true/false, multiple choice and judged cards,
    the answer side, and the emergency exit (B, then PageUp)."""
    d = new_driver(data_dir)
    s = d.session
    for _ in range(s.setup.fields(PACK).index("start")):
        d.key(pygame.K_PAGEDOWN)
    d.key(pygame.K_F5)
    assert s.screen == "board"
    kinds = set()
    for _ in range(80):
        if s.state.phase == "over":
            break
        if s.screen == "board":
            d.key(pygame.K_PAGEDOWN)  # roll
            d.wait(2.0)
        elif s.screen == "choose":
            d.key(pygame.K_F5)
        elif s.screen == "card":
            card = s.card()
            assert card is not None
            kinds.add(s.card_type(card))
            if s.card_type(card) not in ("true_false", "multiple_choice"):
                d.key(pygame.K_PAGEDOWN)  # from "right" to "partly"
            d.key(pygame.K_F5)
        elif s.screen == "result":
            d.key(pygame.K_PAGEDOWN)
    assert s.state.phase == "over" and len(s.state.drawn) >= 3
    assert {"true_false"} < kinds  # closed and judged cards both came up
    d.key(pygame.K_b)
    assert d.top == "black"
    d.key(pygame.K_PAGEUP)
    assert d.top == "emergency" and s.exits == 1
    d.key(pygame.K_PAGEDOWN)
    assert d.top == "final"


def test_the_stop_card_can_be_played_with_the_clicker(pygame_ready: None, data_dir: Path) -> None:
    d = new_driver(data_dir)
    start_game(d)
    d.key(pygame.K_1)
    d.wait(2.0)
    assert d.session.screen == "card"
    d.key(pygame.K_PAGEUP)  # the focus wraps round to the last button: the stop card
    d.key(pygame.K_F5)
    assert d.session.state.phase == "roll" and d.session.state.teams[0].stop_cards_used == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_board_word_is_translated(lang: str) -> None:
    from barst.play.i18n import load_strings

    reference = set(load_strings("nl", "board-"))
    words = load_strings(lang, "board-")
    assert set(words) == reference, set(words) ^ reference
    assert all(value.strip() for value in words.values())
    assert strings(lang)("turn_of", team="X")


def test_a_game_goes_on_when_the_autosave_cannot_be_written(pygame_ready: None, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the save folder should be", encoding="utf-8")
    session = BoardSession(PACK, "nl", save_file=blocker / "board" / "mini-board.json", seed=11)
    d = Driver(session)
    start_game(d)
    for _ in range(3):
        play_turn(d)
    assert d.session.screen in ("board", "card", "result", "final") and d.session.state.round >= 2
    assert d.session.autosave_failed
    d.frame()
    shown = [key[0] for key in d.app.texts.surfaces]
    assert any(strings("nl")("autosave_off") in text for text in shown)  # the top bar says so


def test_an_everyone_square_with_six_teams_keeps_one_row_of_verdicts_and_cuts_nothing(pygame_ready: None) -> None:
    from barst import paths
    from barst.editions import for_play
    from barst.engine import board as B
    from barst.play.board.app import shot_session

    shipped = load_pack(paths.scenarios_dir() / "achter-de-voordeur").pack
    assert shipped is not None
    for lang in ("nl", "fr"):
        pack = for_play(shipped, lang, None)
        session = shot_session(pack, lang, teams=6)
        app = BoardApp(size=(1280, 720), session=session, transitions=False, options=Settings())
        session.command("focus:start")
        open_cards = [c for c in pack.cards if (pack.deck(c.deck or "") or c).type == "case"]  # type: ignore[union-attr]
        for card in open_cards:
            state = B.BoardState.from_json(session.state.to_json())
            state.phase, state.card, state.everyone = "result", card.id, True
            state.results = {str(i): B.VERDICTS[i % 3] for i in range(len(state.teams))}
            session.state = state
            app.after_input()
            app.texts.surfaces.clear()
            app.settle()
            cut = [text for text, *_ in app.texts.surfaces if text.endswith("…")]
            assert not cut, (lang, card.id, cut)
