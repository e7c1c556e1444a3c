"""Every pupil on their own phone, seen from the projector (headless): the live view and the debrief
count what the phones did, the feedback chart what they answered, and a stopped laptop resumes."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pygame
from phones import Phone, pumped

from barst.classroom.debrief import DebriefScreen, FeedbackScreen
from barst.classroom.live import LiveScreen, PlanScreen, ResumeScreen
from barst.classroom.projector import ClassApp
from barst.classroom.screens import JoinScreen
from barst.play.input import Cmd, Input

MakeApp = Callable[..., ClassApp]
KEY = {name: pygame.event.Event(pygame.KEYDOWN, key=getattr(pygame, f"K_{name}")) for name in "dflno"}


def solo(make: MakeApp, **options: object) -> ClassApp:
    app = make(mode="solo", **options)
    assert isinstance(app.top, JoinScreen)
    app.feed(Input(Cmd.CONFIRM))
    assert isinstance(app.top, PlanScreen)
    app.top.start()
    app.settle()
    assert isinstance(app.top, LiveScreen)
    return app



def test_the_live_view_and_the_debrief_count_what_the_phones_did(class_app: MakeApp) -> None:
    app = solo(class_app, situations=("fight-at-home", "grandma"))
    phones = [Phone(app.port, app.pin, lang).join() for lang in ("nl", "fr", "en", "nl")]
    assert [s["id"] for s in phones[0].steps[0]["situations"]] == ["fight-at-home", "grandma"]
    chosen: Counter[tuple[str, int]] = Counter()
    endings: Counter[str] = Counter()
    for i, phone in enumerate(phones):
        def pick(scene: dict[str, object], turn: int, i: int = i) -> int:
            number = 1 + (i + turn) % len(scene["choices"])  # type: ignore[arg-type]
            chosen[(str(scene["text"])[:20], number)] += 1
            return number

        ending = phone.play_to_end("fight-at-home", pick)
        endings[ending["scene"]] += 1
    phones[0].play(action="start", situation="grandma")
    pumped(app, lambda: app.tally is not None and app.tally.plays.get("grandma") == 1)
    tally = app.tally
    assert tally is not None and tally.plays["fight-at-home"] == 4 and tally.playing == {"grandma": 1}
    assert tally.found["fight-at-home"] == len(endings)
    figures = app.figures()
    assert sum(figures["endings"]["fight-at-home"].values()) == 4
    assert sum(sum(c.values()) for c in figures["choices"]["fight-at-home"].values()) == sum(chosen.values())
    app.handle_event(KEY["d"])
    app.settle()
    debrief = app.top
    assert isinstance(debrief, DebriefScreen)
    assert [p.kind for p in debrief.pages][-1] == "feedback"
    for _ in range(len(debrief.pages) + 2):  # a clicker alone steps through every page
        app.feed(Input(Cmd.NEXT))
    assert debrief.index == len(debrief.pages) - 1 and not app.errors


def test_the_feedback_chart_equals_what_the_phones_answered(class_app: MakeApp) -> None:
    app = solo(class_app)
    phones = [Phone(app.port, app.pin).join() for _ in range(5)]
    app.handle_event(KEY["f"])
    app.settle()
    assert isinstance(app.top, FeedbackScreen)
    answers = [(3, True), (5, True), (5, False), (1, None), (4, True)]
    for phone, (liked, call) in zip(phones, answers, strict=True):
        assert phone.next("state")["phase"] == "feedback"
        phone.send({"type": "feedback", "answers": {"liked": liked, "safe": 4}, "call": call})
        assert phone.next("state")["feedback_done"] is True
    pumped(app, lambda: app.tally is not None and app.tally.feedback == 5)
    figures = app.figures()
    assert figures["feedback"]["liked"] == {"3": 1, "5": 2, "1": 1, "4": 1}
    assert figures["feedback"]["safe"] == {"4": 5}
    assert figures["call"] == {"yes": 3, "no": 1}
    app.handle_event(KEY["f"])
    assert phones[0].next("play")["steps"][0]["kind"] == "menu"  # back to their games


def test_a_stopped_laptop_resumes_and_every_phone_finds_its_scene(class_app: MakeApp) -> None:
    first = solo(class_app)
    phone = Phone(first.port, first.pin, "fr").join()
    phone.play(action="start", situation="fight-at-home")
    scene = phone.play(action="choose", number=2)[-1]
    assert scene["kind"] == "scene"
    pumped(first, lambda: first.tally is not None and first.tally.plays.get("fight-at-home") == 1)
    first.save_now()  # what the two-second autosave has done before the laptop was stopped
    assert first.server is not None
    first.server.stop()  # killed: no goodbye, no final save
    first.server = None
    phone.close()

    second = class_app(mode="solo", port=first.port)
    assert isinstance(second.top, ResumeScreen)
    assert second.pin == first.pin
    second.feed(Input(Cmd.CONFIRM))
    assert isinstance(second.top, LiveScreen)
    back = Phone(second.port, second.pin, "fr", token=phone.token).join()
    again = back.steps[-1]
    assert again["kind"] == "scene" and again["text"] == scene["text"] and again["meters"] == scene["meters"]
    pumped(second, lambda: second.tally is not None and second.tally.plays.get("fight-at-home") == 1)


def test_an_unreadable_autosave_is_kept_aside_and_the_class_starts_fresh(class_app: MakeApp) -> None:
    folder = Path(os.environ["BARST_DATA_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "class-session.json").write_text('{"format": 1, "pack": "barst", "session": [', encoding="utf-8")
    app = class_app(mode="solo")
    assert isinstance(app.top, JoinScreen)
    kept = list(folder.glob("class-session.unreadable-*.json"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8").startswith('{"format": 1')


def test_a_foreign_autosave_resumes_nothing_and_says_so(class_app: MakeApp) -> None:
    folder = Path(os.environ["BARST_DATA_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    broken = {"format": 1, "pack": "barst", "saved_at": 0,
              "session": {"pin": "1234", "phones": {}, "solo": {"open": "x", "states": 3}}}
    (folder / "class-session.json").write_text(json.dumps(broken), encoding="utf-8")
    app = class_app(mode="solo")
    assert isinstance(app.top, ResumeScreen)
    app.feed(Input(Cmd.CONFIRM))
    assert isinstance(app.top, LiveScreen) and app.banner and not app.errors
    assert Phone(app.port, app.pin).join().steps[0]["kind"] == "menu"


def test_a_new_class_keeps_nothing_of_the_last(class_app: MakeApp) -> None:
    app = solo(class_app)
    phone = Phone(app.port, app.pin).join()
    phone.play_to_end("fight-at-home")
    pumped(app, lambda: app.tally is not None and app.tally.found.get("fight-at-home") == 1)
    app.save_now()
    assert app.autosave.path.exists()
    app.handle_event(KEY["n"])
    app.handle_event(KEY["n"])
    assert not app.autosave.path.exists()
    newcomer = Phone(app.port, app.pin).join()
    assert newcomer.steps[0]["situations"][0]["found"] == 0
    pumped(app, lambda: app.tally is not None and app.tally.joined == 1 and not app.tally.found)


def test_no_pupil_data_reaches_the_autosave(class_app: MakeApp) -> None:
    app = solo(class_app)
    phone = Phone(app.port, app.pin).join()
    phone.play(action="start", situation="grandma")
    pumped(app, lambda: app.tally is not None and app.tally.plays.get("grandma") == 1)
    app.save_now()
    saved = app.autosave.path.read_text(encoding="utf-8")
    assert "127.0.0.1" not in saved and "address" not in saved.lower()
    assert set(json.loads(saved)["session"]) == {"pin", "session_id", "phase", "phones", "exited", "solo", "port"}


def test_the_trainer_opens_situations_on_screen_with_a_clicker_alone(class_app: MakeApp) -> None:
    app = class_app(mode="solo", plan=50)
    app.feed(Input(Cmd.CONFIRM))
    plan = app.top
    assert isinstance(plan, PlanScreen)
    ids = [s.id for s in app.pack.situations]
    for number in range(len(ids), 0, -1):  # everything off but the first (one always stays open)
        app.feed(Input(Cmd.CHOOSE, number))
    assert plan.chosen == [ids[0]]
    app.feed(Input(Cmd.CHOOSE, 3))
    app.feed(Input(Cmd.NEXT), Input(Cmd.CONFIRM))  # the clicker: focus on the second row, press
    assert plan.chosen == [ids[0], ids[2], ids[1]]
    for _ in range(len(ids) - 1):  # from the second row to the plan's button (rows, plan, start)
        app.feed(Input(Cmd.NEXT))
    app.feed(Input(Cmd.CONFIRM))  # the plan's length
    assert plan.minutes == 100
    app.feed(Input(Cmd.NEXT), Input(Cmd.CONFIRM))  # start
    assert isinstance(app.top, LiveScreen) and app.plan_minutes == 100
    phone = Phone(app.port, app.pin).join()
    assert [s["id"] for s in phone.steps[0]["situations"]] == [ids[0], ids[2], ids[1]]
    app.handle_event(KEY["o"])
    app.settle()
    assert isinstance(app.top, PlanScreen)
    app.feed(Input(Cmd.CHOOSE, 1))
    app.top.start()
    assert [s["id"] for s in phone.next("play")["steps"][0]["situations"]] == [ids[2], ids[1]]
