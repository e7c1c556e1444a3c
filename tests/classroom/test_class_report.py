"""The class session writes its record for the session report: the counts equal what the phones played,
and nothing in the file is about a phone (no token, no address, no PIN)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from phones import Phone, wait_for
from test_class_solo_projector import solo

from barst.classroom.projector import ClassApp
from barst.datadir import data_dir
from barst.play.input import Cmd, Input
from barst.report import record as R

MakeApp = Callable[..., ClassApp]


def test_a_solo_class_is_recorded_with_what_its_phones_played(class_app: MakeApp) -> None:
    app = solo(class_app, situations=("fight-at-home", "grandma"))
    phones = [Phone(app.port, app.pin, lang).join() for lang in ("nl", "fr", "nl")]
    choices = 0
    for i, phone in enumerate(phones):
        def pick(scene: dict[str, object], turn: int, i: int = i) -> int:
            nonlocal choices
            choices += 1
            return 1 + (i + turn) % len(scene["choices"])  # type: ignore[arg-type]

        phone.play_to_end("fight-at-home", pick)
    phones[0].play(action="start", situation="grandma")
    phones[1].send({"type": "exit"})
    phones[2].send({"type": "feedback", "answers": {"liked": 4}, "call": True})
    wait_for(lambda: app.server is not None and app.server.ask(lambda s: s.exits) == 1)
    app.close()
    loaded = R.load_all()
    assert loaded.skipped == []
    [record] = loaded.records
    assert record.mode == "class-solo" and record.pack == "barst"
    assert record.played == {"fight-at-home": 3, "grandma": 1}
    assert record.endings == 3 and record.choices == choices and record.exits == 1
    pack = app.pack
    expected = {t for s in pack.situations if s.id in ("fight-at-home", "grandma") for t in s.themes}
    assert set(record.themes) == expected and expected
    assert record.helplines  # the exit showed the region's lines
    assert record.trainer == R.Trainer()  # closed without the closing screen (a crash): entries stay empty
    text = "".join(p.read_text(encoding="utf-8") for p in (data_dir() / "sessions").iterdir())
    for phone in phones:
        assert phone.token not in text
    assert app.pin not in text.replace(record.id, "")
    assert not re.search(r"\b\d{1,3}(\.\d{1,3}){3}\b", text) and not re.search(r"[0-9a-f]{16,}", text)
    app.close()
    assert len(R.load_all().records) == 1  # closing twice writes one record


def test_closing_a_solo_class_asks_the_trainer_and_a_clicker_fills_in_the_record(class_app: MakeApp) -> None:
    import pygame

    from barst.play.screens.closing import ClosingScreen

    app = solo(class_app)
    Phone(app.port, app.pin).join().play_to_end("fight-at-home")
    wait_for(lambda: app.figures().get("plays", {}).get("fight-at-home") == 1)

    def press(*keys: int) -> None:
        for k in keys:
            app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))
        app.settle()

    app.handle_event(pygame.event.Event(pygame.WINDOWCLOSE, window=None))  # the window's close button
    app.handle_event(pygame.event.Event(pygame.QUIT))
    app.settle()
    assert isinstance(app.top, ClosingScreen) and app.running
    down, f5 = pygame.K_PAGEDOWN, pygame.K_F5
    press(f5, f5, down, f5, *[down] * 8, f5)  # 0 1 8 people (phones are not people)
    press(down, f5, down, down, f5, f5, f5, f5, f5)  # pupils; school type: special (the grade left out)
    press(pygame.K_n, pygame.K_d, pygame.K_j)  # the class keys do nothing here (no new class, no debrief)
    assert isinstance(app.top, ClosingScreen)
    press(down, down, down, down, f5)  # past setting, how it went and the code, to Save
    assert not app.running
    [record] = R.load_all().records
    assert record.mode == "class-solo" and record.played == {"fight-at-home": 1}
    assert record.trainer == R.Trainer(participants=18, audience="pupils", school_type="special")
    app.close()
    assert len(R.load_all().records) == 1


def test_a_new_class_closes_the_last_ones_record_and_starts_afresh(class_app: MakeApp) -> None:
    app = solo(class_app)
    Phone(app.port, app.pin).join().play_to_end("fight-at-home")
    wait_for(lambda: app.figures().get("plays", {}).get("fight-at-home") == 1)
    app.new_class()
    app.new_class()  # N twice
    assert [r.played for r in R.load_all().records] == [{"fight-at-home": 1}]
    app.close()  # the new class played nothing: no second record
    assert len(R.load_all().records) == 1


def test_a_voting_class_is_recorded_from_the_projectors_story(class_app: MakeApp, tmp_path: Path) -> None:
    app = class_app()
    app.feed(Input(Cmd.CONFIRM))  # the join screen
    app.after_join()
    control = app.control
    assert control is not None
    app.start_situation("fight-at-home")
    picks = 0
    while control.state.situation is not None and control.state.ending is None and picks < 40:
        if app.story.engine.available_choices(control.state):
            app.choose(1)
            picks += 1
        else:
            app.continue_scene()
    app.close()
    [record] = R.load_all().records
    assert record.mode == "class-vote" and record.played == {"fight-at-home": 1}
    assert record.choices == picks and record.endings == 1
    data = json.loads(next((data_dir() / "sessions").iterdir()).read_text(encoding="utf-8"))
    assert set(data) <= {"format", *R.SessionRecord.__dataclass_fields__}
