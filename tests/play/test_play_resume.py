"""A lesson survives a crash: the next start offers the same scene with the same meters."""

from __future__ import annotations

import json
from pathlib import Path

from barst.play.input import Cmd, Input


def _into_a_situation(app) -> tuple[str, str, dict[str, int]]:  # type: ignore[no-untyped-def]
    app.settle()
    app.go_menu()
    first = app.pack.situations[0].id
    app.start_situation(first)
    app.settle()
    app.feed(Input(Cmd.CHOOSE, 1))  # a choice with its consequence: the meters move
    while app.top.name == "consequence":
        app.feed(Input(Cmd.CONFIRM))
    state = app.state
    assert state.situation == first and state.scene is not None and state.ending is None
    return first, state.scene, dict(state.values)


def test_a_killed_lesson_resumes_at_the_same_scene_with_the_same_meters(make_app, tmp_path: Path) -> None:
    app = make_app()
    situation, scene, values = _into_a_situation(app)
    del app  # the laptop dies: no quit, no save at the end
    again = make_app()
    again.feed(Input(Cmd.CONFIRM))  # the title's start button
    assert again.top.name == "resume-story"
    again.feed(Input(Cmd.CONFIRM))  # "go on" has the focus, so a clicker's F5 takes it
    assert again.top.name == "scene"
    assert (again.state.situation, again.state.scene, again.state.values) == (situation, scene, values)


def test_starting_over_forgets_the_saved_place(make_app, tmp_path: Path) -> None:
    _into_a_situation(make_app())
    again = make_app()
    again.feed(Input(Cmd.CONFIRM), Input(Cmd.NEXT), Input(Cmd.CONFIRM))  # the focus moves to "start again"
    assert again.top.name in ("rules", "language")
    third = make_app()
    third.feed(Input(Cmd.CONFIRM))
    assert third.top.name in ("rules", "language")


def test_leaving_the_situation_leaves_nothing_to_resume(make_app, tmp_path: Path) -> None:
    app = make_app()
    _into_a_situation(app)
    app.emergency_exit()
    again = make_app()
    again.feed(Input(Cmd.CONFIRM))
    assert again.top.name != "resume-story"


def test_an_unreadable_resume_file_is_kept_aside_and_play_goes_on(make_app, tmp_path: Path) -> None:
    app = make_app()
    _into_a_situation(app)
    [saved] = (tmp_path / "data" / "resume").glob("*.json")
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["state"]["scene"] = "a-scene-that-was-removed"
    saved.write_text(json.dumps(data), encoding="utf-8")
    again = make_app()
    again.feed(Input(Cmd.CONFIRM))
    assert again.top.name in ("rules", "language")
    assert list((tmp_path / "data" / "resume").glob("*.unreadable-*")), "the file was kept aside, not lost"
