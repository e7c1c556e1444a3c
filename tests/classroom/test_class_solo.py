"""Every pupil on their own phone (pure): one engine state per token, the class's figures from the
engine's events, and a reload that resumes where the phone was."""

from __future__ import annotations

import json

from support import PACKS

from barst.classroom.session import ClassSession, ExitUsed, Hello, Sync, parse
from barst.classroom.solo import Feedback, Play, SoloRoom
from barst.loader import load_pack

PACK = load_pack(PACKS / "mini-story").pack
A, B = "a" * 32, "b" * 32


def room(*tokens: str) -> ClassSession:
    session = ClassSession("1234", ["nl", "fr"], {"nl": {}, "fr": {}}, {}, {"nl": "T"})
    session.start_solo(SoloRoom(PACK, ["party"]))
    for token in tokens:
        session.join(Hello(token, "nl"))
    return session


def steps(session: ClassSession, token: str, message: object) -> list[dict[str, object]]:
    out = [o.message for o in session.receive(token, message) if o.message["type"] == "play"]  # type: ignore[arg-type]
    assert len(out) == 1
    return out[0]["steps"]  # type: ignore[return-value]


def test_a_phone_plays_a_situation_to_its_ending() -> None:
    session = room(A)
    first = steps(session, A, Play("start", "party"))
    assert [s["kind"] for s in first] == ["scene"]
    assert [c["label"] for c in first[0]["choices"]] == ["Vraag waarom", "Blijf thuis"]  # type: ignore[index]
    after = steps(session, A, Play("choose", number=1))
    assert [s["kind"] for s in after] == ["consequence", "scene"]
    assert after[0]["points"] == 10 and after[0]["changes"]
    end = steps(session, A, Play("choose", number=1))
    assert [s["kind"] for s in end] == ["consequence", "scene", "ending", "unlocked", "menu"]
    assert end[2]["score"] == 90 and end[2]["five_as"] == ["anderen-betrekken"]


def test_the_figures_count_what_the_phones_chose() -> None:
    session = room(A, B)
    for token, first in ((A, 1), (B, 2)):
        session.receive(token, Play("start", "party"))
        session.receive(token, Play("choose", number=first))
    session.receive(A, Play("choose", number=1))
    assert session.solo is not None
    figures = session.solo.figures
    assert figures.choices["party"]["start"] == {"ask": 1, "give-in": 1}
    assert figures.choices["party"]["talk"] == {"friend": 1}
    assert figures.endings["party"] == {"alone": 1, "good": 1}
    assert figures.five_as == {"anderen-betrekken": 1}
    session.receive(A, Play("start", "party"))
    tally = session.tally()
    assert tally.plays == {"party": 3} and tally.replays == {"party": 1} and tally.found == {"party": 2}
    assert tally.playing == {"party": 1}


def test_a_reload_resumes_on_the_same_scene_with_the_same_meters() -> None:
    session = room(A)
    session.receive(A, Play("start", "party"))
    before = steps(session, A, Play("choose", number=1))[-1]
    session.leave(A)
    again = [o.message for o in session.join(Hello(A, "fr")) or [] if o.message["type"] == "play"]
    scene = again[0]["steps"][0]
    values = lambda view: [(m["value"], m["min"], m["max"]) for m in view["meters"]]  # noqa: E731
    assert scene["kind"] == "scene" and values(scene) == values(before) and before["meters"]
    assert scene["text"] == "Vous parlez."  # the same scene, now in the phone's new language
    assert steps(session, A, Sync())[0]["text"] == "Vous parlez."


def test_phones_cannot_open_closed_situations_or_act_out_of_turn() -> None:
    session = room(A)
    assert steps(session, A, Play("start", "nope"))[0]["kind"] == "menu"
    assert steps(session, A, Play("choose", number=1))[0]["kind"] == "menu"
    session.receive(A, Play("start", "party"))
    assert steps(session, A, Play("choose", number=9))[0]["kind"] == "scene"
    assert session.solo is not None and session.solo.figures.choices == {}
    assert parse(json.dumps({"type": "play", "action": "jump", "situation": "party"})) is None
    assert parse(json.dumps({"type": "play", "action": "choose", "number": True})) is None


def test_feedback_is_one_form_per_phone_and_only_when_open() -> None:
    session = room(A, B)
    assert session.receive(A, Feedback({"liked": 5}, True)) == []
    session.open_feedback()
    session.receive(A, Feedback({"liked": 5, "learned": 4}, True))
    session.receive(A, Feedback({"liked": 1}, False))  # a second form from the same phone is not counted
    message = parse(json.dumps({"type": "feedback", "answers": {"liked": 2, "learned": 9, "name": 3}, "call": False}))
    assert message is not None
    session.receive(B, message)
    assert session.solo is not None
    figures = session.solo.figures
    assert figures.feedback == {"liked": {5: 1, 2: 1}, "learned": {4: 1}}
    assert figures.call == {"yes": 1, "no": 1}
    assert session.tally().feedback == 2


def test_the_exit_leaves_the_situation_and_a_new_class_starts_clean() -> None:
    session = room(A)
    session.receive(A, Play("start", "party"))
    session.receive(A, ExitUsed())
    assert session.solo is not None and session.solo.state(A).situation is None and session.exits == 1
    session.receive(A, Play("start", "party"))
    session.receive(A, Play("choose", number=2))
    session.clear("9999", "next")
    assert session.solo is not None and session.solo.states == {} and session.solo.figures.endings == {}
    session.join(Hello(B, "nl"))
    menu = steps(session, B, Sync())[0]
    assert menu["situations"][0]["found"] == 0  # type: ignore[index]


def test_the_solo_room_round_trips_through_json() -> None:
    session = room(A, B)
    session.receive(A, Play("start", "party"))
    session.receive(A, Play("choose", number=1))
    assert session.solo is not None
    saved = json.loads(json.dumps(session.solo.to_json()))
    copy = SoloRoom(PACK, [])
    copy.restore(saved)
    assert copy.to_json() == session.solo.to_json()
    assert copy.state(A).scene == "talk"


def test_a_phone_ending_names_its_help_lines_in_the_phone_language() -> None:
    from barst.helplines import load_helplines

    lines = load_helplines().lines
    session = ClassSession("1234", ["nl", "fr"], {"nl": {}, "fr": {}}, {}, {"nl": "T"})
    session.start_solo(SoloRoom(PACK, ["party"], helplines=lines, region="brussels"))
    session.join(Hello(A, "fr"))
    session.receive(A, Play("start", "party"))
    end = steps(session, A, Play("choose", number=2))
    ending = next(s for s in end if s["kind"] == "ending")
    named = {line.number: line for line in lines}
    shown = ending["helplines"]
    assert shown and all(str(item["link"]).startswith(("tel:", "https:")) for item in shown)  # type: ignore[union-attr]
    assert all("fr" in named[item["number"]].languages for item in shown)  # type: ignore[index]
    session.leave(A)
    again = next(o.message for o in session.join(Hello(A, "fr")) or [] if o.message["type"] == "play")["steps"]
    assert again[0]["kind"] == "ending" and again[0]["helplines"] == shown  # a reload keeps them
