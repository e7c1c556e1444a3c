"""The projector in a class session (headless): join screen, votes arriving, closing, ties, pause, and
the lesson going on when the phones are lost."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest
import zxingcpp
from phones import Phone, pumped, wait_for
from PIL import Image

from barst.classroom.projector import ClassApp
from barst.classroom.screens import JoinScreen, VoteSceneScreen
from barst.play.input import Cmd, Input
from barst.play.screens.closing import ClosingScreen
from barst.play.screens.menu import MenuScreen
from barst.play.screens.story import ConsequenceScreen

MakeApp = Callable[..., ClassApp]


def decode(surface: pygame.Surface) -> list[str]:
    image = Image.frombytes("RGB", surface.get_size(), pygame.image.tobytes(surface, "RGB"))
    return [code.text for code in zxingcpp.read_barcodes(image)]


def to_first_vote(app: ClassApp, situation: int = 0) -> VoteSceneScreen:
    app.feed(Input(Cmd.CONFIRM))  # leave the join screen
    for _ in range(8):
        if isinstance(app.top, MenuScreen):
            break
        app.feed(Input(Cmd.CONFIRM))
    app.start_situation(app.pack.situations[situation].id)
    app.settle()
    assert isinstance(app.top, VoteSceneScreen) and app.voting_here(app.top)
    return app.top



def played_choice(app: ClassApp) -> str:
    assert isinstance(app.top, ConsequenceScreen)
    return app.top.event.choice


def choice_id(app: ClassApp, screen: VoteSceneScreen, number: int) -> str:
    return next(c.id for c in screen.event.choices if c.number == number)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1024, 768)])
def test_the_join_screen_shows_a_code_that_phones_can_read(class_app: MakeApp, size: tuple[int, int]) -> None:
    app = class_app(size=size)
    assert isinstance(app.top, JoinScreen)
    assert decode(app.window) == [f"http://127.0.0.1:{app.port}/?pin={app.pin}"]
    assert re.fullmatch(r"\d{4}", app.pin)


def test_the_projector_counts_what_the_phones_sent_and_plays_the_winner(class_app: MakeApp) -> None:
    app = class_app()
    screen = to_first_vote(app)
    phones = [Phone(app.port, app.pin, lang).join() for lang in ["nl", "fr", "en", "nl", "fr"]]
    for phone, choice in zip(phones, [2, 2, 1, 2, 1], strict=True):
        phone.vote(choice)
    phones[2].vote(2)  # changed its mind
    pumped(app, lambda: app.tally is not None and app.tally.voters == 5)
    assert app.tally is not None and app.tally.counts[2] == 4 and app.tally.counts[1] == 1
    winner = choice_id(app, screen, 2)
    app.feed(Input(Cmd.NEXT))  # a clicker's PageDown closes the vote
    assert played_choice(app) == winner
    result = phones[0].next("state")
    while result["result"] is None:
        result = phones[0].next("state")
    assert result["result"]["number"] == 2 and result["result"]["lot"] is False


def test_a_tie_is_drawn_by_lot_and_said_on_screen(class_app: MakeApp) -> None:
    picks = set()
    for seed in range(6):
        app = class_app(seed=seed)
        screen = to_first_vote(app)
        one, two = Phone(app.port, app.pin).join(), Phone(app.port, app.pin).join()
        one.vote(1)
        two.vote(3)
        pumped(app, lambda app=app: app.tally is not None and app.tally.voters == 2)
        app.feed(Input(Cmd.CONFIRM))
        assert app.tie == [1, 3] and isinstance(app.top, VoteSceneScreen)
        assert "1 · 3" in app.vote_status()
        app.feed(Input(Cmd.CONFIRM))
        chosen = played_choice(app)
        assert chosen in {choice_id(app, screen, 1), choice_id(app, screen, 3)}
        assert app.banner.endswith(".") and app.banner  # the lot is named on screen
        picks.add(chosen)
        app.close()
    assert len(picks) == 2  # the seed decides, not always the first


def test_the_trainer_can_pick_a_choice_during_the_vote(class_app: MakeApp) -> None:
    app = class_app()
    screen = to_first_vote(app)
    phone = Phone(app.port, app.pin).join()
    phone.vote(1)
    app.feed(Input(Cmd.CHOOSE, 3))
    assert played_choice(app) == choice_id(app, screen, 3)
    state = phone.next("state")
    while state["result"] is None:
        state = phone.next("state")
    assert state["result"]["number"] == 3


def test_a_timer_closes_the_vote(class_app: MakeApp) -> None:
    app = class_app(vote_seconds=5)
    screen = to_first_vote(app)
    phone = Phone(app.port, app.pin).join()
    phone.vote(2)
    pumped(app, lambda: app.tally is not None and app.tally.voters == 1)
    assert app.vote_deadline is not None and "5 s" in app.vote_status()
    app.vote_deadline = time.monotonic() - 0.01
    app.step_time()
    app.settle()
    assert played_choice(app) == choice_id(app, screen, 2)


def test_pause_keeps_votes_and_refuses_new_ones(class_app: MakeApp) -> None:
    app = class_app()
    to_first_vote(app)
    phone, late = Phone(app.port, app.pin).join(), Phone(app.port, app.pin).join()
    phone.vote(1)
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_p))
    assert late.next("state")["phase"] == "paused"
    assert late.vote(2)["vote"] is None
    pumped(app, lambda: app.tally is not None and app.tally.phase == "paused")
    assert app.tally is not None and app.tally.voters == 1
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_p))
    assert late.next("state")["phase"] == "vote"
    assert late.vote(2)["vote"] == 2


def test_the_projector_never_shows_that_a_phone_used_the_exit(class_app: MakeApp) -> None:
    app = class_app()
    to_first_vote(app)
    phone = Phone(app.port, app.pin).join()
    pumped(app, lambda: app.tally is not None and app.tally.connected == 1)
    before = pygame.image.tobytes(app.window, "RGB")
    phone.send({"type": "exit"})
    wait_for(lambda: app.server is not None and app.server.session.exits == 1)
    app.pump()
    app.settle()
    assert pygame.image.tobytes(app.window, "RGB") == before


def test_the_projector_exit_lets_phones_rest(class_app: MakeApp) -> None:
    app = class_app()
    to_first_vote(app)
    phone = Phone(app.port, app.pin).join()
    assert phone.state["phase"] == "vote"
    app.feed(Input(Cmd.EXIT))
    assert phone.next("state")["phase"] == "waiting"


def test_losing_the_phones_leaves_a_calm_note_and_the_lesson_goes_on(class_app: MakeApp) -> None:
    app = class_app()
    screen = to_first_vote(app)
    assert app.server is not None
    from barst.classroom.server import STOPPED
    from barst.play.i18n import load_strings

    app.server.updates.put(STOPPED)
    app.pump()
    app.settle()
    assert app.server is None and load_strings("nl", "class-")["class_goes_on"] in app.banner
    assert not app.voting_here(screen)
    app.feed(Input(Cmd.CHOOSE, 1))
    assert played_choice(app) == choice_id(app, screen, 1)


def test_n_twice_starts_a_new_class_with_a_new_pin(class_app: MakeApp) -> None:
    app = class_app()
    to_first_vote(app)
    phone = Phone(app.port, app.pin).join()
    old_pin = app.pin
    key = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_n)
    app.handle_event(key)
    assert app.server is not None and app.server.session.phones  # asked, not yet done
    app.handle_event(key)
    app.settle()
    assert isinstance(app.top, ClosingScreen)  # the trainer's entries for the class that ended, then the join
    for _ in range(2):  # Esc points at Skip, Esc again skips
        app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, unicode=""))
    app.settle()
    assert isinstance(app.top, JoinScreen)
    wait_for(lambda: app.server is not None and not app.server.session.phones)
    assert app.server.session.pin == app.pin
    assert decode(app.window) == [f"http://127.0.0.1:{app.port}/?pin={app.pin}"]
    if app.pin != old_pin:
        assert phone.ws is not None


def test_every_word_exists_in_every_language() -> None:
    from barst.play.i18n import load_strings

    for prefix in ("class-", "phone-"):
        keys = {lang: set(load_strings(lang, prefix)) for lang in ("nl", "fr", "en")}
        assert keys["nl"] and keys["nl"] == keys["fr"] == keys["en"], prefix
    source = "\n".join(p.read_text(encoding="utf-8") for p in Path("barst/classroom").glob("*.py"))
    used = set(re.findall(r'\bt\("(\w+)"', source))
    assert used <= set(load_strings("nl", "class-")) | set(load_strings("nl")), used - set(load_strings("nl", "class-"))
    page = Path("barst/classroom/page/app.js").read_text(encoding="utf-8")
    page_keys = set(re.findall(r'word\("(\w+)"\)', page)) | set(re.findall(r'fill\("(\w+)"', page))
    sent = set(load_strings("nl", "phone-")) | set(load_strings("nl"))  # phones get the player's words too
    dynamic = {k for k in page_keys if not k.endswith("_")}
    assert dynamic <= sent, dynamic - sent


def test_french_words_keep_their_non_breaking_spaces() -> None:
    from barst.play.i18n import load_strings

    for prefix in ("class-", "phone-"):
        for key, text in load_strings("fr", prefix).items():
            assert not re.search(r"[^\u00a0\u202f][?!:;]", text.replace("http://", "")), (prefix, key, text)


def test_shots_of_the_class_screens(class_app: MakeApp, tmp_path: Path, request: Any) -> None:
    """Not a comparison (the PIN and port change): the screens draw at both sizes without a fault."""
    for size in [(1280, 720), (1920, 1080)]:
        app = class_app(size=size)
        pygame.image.save(app.window, tmp_path / f"join-{size[0]}.png")
        to_first_vote(app)
        phone = Phone(app.port, app.pin).join()
        phone.vote(2)
        pumped(app, lambda app=app: app.tally is not None and app.tally.voters == 1)
        pygame.image.save(app.window, tmp_path / f"vote-{size[0]}.png")
        assert not app.errors
        app.close()
