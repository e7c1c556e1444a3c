"""Drive the projector player headless with synthetic events: a whole situation, the emergency exit
from every scene, the trainer panel, language switch, resize, black screen, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pygame
import pytest
from drive import button_with_number, click, exit_button, key, keys, tap
from support import PACKS

from barst.play.app import App
from barst.play.progress import ProgressStore
from barst.play.screens.menu import ExtrasScreen, MenuScreen
from barst.play.screens.safety import BlackScreen, EmergencyScreen, ErrorScreen, PackErrorScreen
from barst.play.screens.start import LanguageScreen, OverviewScreen, RulesScreen, TitleScreen
from barst.play.screens.story import ConsequenceScreen, EndingScreen, SceneScreen, UnlockedScreen
from barst.play.screens.trainer import DebriefScreen, JumpSceneScreen, JumpSituationScreen, TrainerPanel


def test_start_screens_in_order_with_the_keyboard(make_app):
    app = make_app(lang=None)
    assert isinstance(app.top, TitleScreen)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, LanguageScreen)
    key(app, pygame.K_2)  # Français
    assert app.lang == "fr" and isinstance(app.top, RulesScreen)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, OverviewScreen)
    key(app, pygame.K_PAGEDOWN)  # the clicker goes on too
    assert isinstance(app.top, MenuScreen)


def test_a_whole_situation_with_keys_saves_progress(make_app, tmp_path):
    app = make_app()
    app.go_menu()
    key(app, pygame.K_1)
    assert isinstance(app.top, SceneScreen) and app.top.event.scene.id == "start"
    key(app, pygame.K_1)  # ask why
    assert isinstance(app.top, ConsequenceScreen)
    assert [c.variable for c in app.top.event.changes] == ["trust"]
    key(app, pygame.K_RETURN)
    assert app.top.event.scene.id == "talk"
    key(app, pygame.K_1)  # tell a friend
    keys(app, pygame.K_RETURN)
    assert isinstance(app.top, SceneScreen) and app.top.event.scene.id == "good"
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, EndingScreen)
    assert app.top.event.score == 90 and app.top.event.first_time
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, UnlockedScreen)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, MenuScreen)
    saved = json.loads((tmp_path / "data" / "progress.json").read_text(encoding="utf-8"))
    assert saved["mini-story"]["endings"] == {"party": ["good"]}
    assert saved["mini-story"]["best"] == {"party": 90}
    # the menu shows what was found; extras list the unlock
    app.push(ExtrasScreen(app))
    assert app.top.items()[0][2] == "Wat Sam voelde"


def test_a_whole_situation_with_clicks_and_touch(make_app):
    app = make_app()
    app.go_menu()
    click(app, button_with_number(app, 1))
    assert isinstance(app.top, SceneScreen)
    tap(app, button_with_number(app, 2))  # stay home
    assert isinstance(app.top, ConsequenceScreen)
    next_button = next(b for b in app.buttons if b.focusable)
    click(app, next_button.rect.center)
    assert isinstance(app.top, SceneScreen) and app.top.event.scene.id == "alone"
    click(app, next(b for b in app.buttons if b.focusable).rect.center)
    assert isinstance(app.top, EndingScreen) and app.top.event.ending.kind == "bad"


def test_an_ending_shows_even_when_progress_cannot_be_saved(make_app, tmp_path):
    app = make_app()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    app.store = ProgressStore(blocker)
    app.go_menu()
    keys(app, pygame.K_1, pygame.K_1, pygame.K_RETURN, pygame.K_1, pygame.K_RETURN, pygame.K_RETURN)
    assert isinstance(app.top, EndingScreen) and app.store.failed
    assert app.state.progress.endings == {"party": ["good"]}  # kept for this session all the same
    keys(app, pygame.K_RETURN, pygame.K_RETURN)
    assert isinstance(app.top, MenuScreen)
    assert any(app.t("progress_not_saved") == text for text, *_ in app.texts.surfaces)


def test_keyboard_focus_reaches_every_button(make_app):
    app = make_app()
    app.go_menu()
    key(app, pygame.K_1)
    keys(app, pygame.K_DOWN)  # focus on choice 2
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, ConsequenceScreen) and app.top.event.choice == "give-in"


@pytest.mark.parametrize("how", ["key", "click"])
def test_emergency_exit_from_every_scene_at_once(make_app, how):
    app = make_app()
    situation = app.pack.situation("party")
    for scene in situation.scenes:
        app.jump("party", scene.id)
        app.settle()
        assert app.state.situation == "party"
        if how == "key":
            key(app, pygame.K_x)
        else:
            click(app, exit_button(app))
        assert isinstance(app.top, EmergencyScreen), scene.id  # no "are you sure"
        assert app.state.situation is None
        numbers = [line.number for line in app.top.lines]
        assert "1712" in numbers and "112" in numbers
        key(app, pygame.K_RETURN)
        assert isinstance(app.top, MenuScreen)


def test_emergency_exit_works_from_the_title_trainer_panel_and_black_screen(make_app):
    app = make_app()
    key(app, pygame.K_x)
    assert isinstance(app.top, EmergencyScreen)
    app.go_menu()
    key(app, pygame.K_t)
    key(app, pygame.K_x)
    assert isinstance(app.top, EmergencyScreen)
    app.go_menu()
    key(app, pygame.K_b)
    key(app, pygame.K_x)
    assert isinstance(app.top, EmergencyScreen)


@pytest.mark.parametrize("region", ["flanders", "wallonia", "brussels"])
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_no_help_line_detail_is_cut_at_1280x720(make_app, region, lang):
    app = make_app(lang=lang)
    app.region = region
    app.texts.surfaces.clear()
    key(app, pygame.K_x)
    assert isinstance(app.top, EmergencyScreen) and app.top.lines
    shown = [text for text, *_ in app.texts.surfaces]
    cut = [text for text in shown if text.endswith("…")]
    assert not cut, cut
    for line in app.top.lines:  # every hours text is on screen, whole (it may wrap over two lines)
        assert app.tx(line.hours).split()[0] in " ".join(shown)


def test_help_lines_follow_region_and_language(make_app):
    app = make_app(lang="fr")
    app.region = "wallonia"
    key(app, pygame.K_x)
    numbers = [line.number for line in app.top.lines]
    assert "0800 30 030" in numbers and "1712" not in numbers


def test_trainer_panel(make_app):
    app = make_app()
    app.go_menu()
    key(app, pygame.K_1)
    key(app, pygame.K_1)
    key(app, pygame.K_t)
    assert isinstance(app.top, TrainerPanel)
    key(app, pygame.K_5)  # undo the last choice: the panel closes on the scene before it
    assert isinstance(app.top, SceneScreen) and app.top.event.scene.id == "start"
    key(app, pygame.K_t)
    key(app, pygame.K_4)  # meters off
    assert app.show_meters is False
    assert app.timer.running  # the session clock started with the first situation
    key(app, pygame.K_3)  # and the trainer can pause it
    assert not app.timer.running and app.top.redraw_every() is None
    key(app, pygame.K_3)
    assert app.timer.running and app.top.redraw_every() == 0.5
    key(app, pygame.K_2)
    assert isinstance(app.top, DebriefScreen)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_1)
    assert isinstance(app.top, JumpSituationScreen)
    key(app, pygame.K_1)
    assert isinstance(app.top, JumpSceneScreen)
    key(app, pygame.K_4)  # the fourth scene: an ending
    assert isinstance(app.top, SceneScreen) and app.top.event.scene.id == "good"
    key(app, pygame.K_t)
    key(app, pygame.K_6)  # reset progress
    assert app.state.progress.endings == {}
    key(app, pygame.K_7)
    assert app.layout.text_step == "large"
    key(app, pygame.K_8)
    assert app.theme.id == "contrast"


def test_language_switch_redraws_every_word(make_app):
    app = make_app()
    app.go_menu()
    key(app, pygame.K_1)
    dutch = pygame.image.tobytes(app.window, "RGB")
    key(app, pygame.K_t)
    key(app, pygame.K_9)  # language: next
    key(app, pygame.K_ESCAPE)
    assert app.lang == "fr"
    assert app.tx(app.top.event.scene.text) == "Sam dit que tu ne peux pas y aller."
    assert pygame.image.tobytes(app.window, "RGB") != dutch


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (3840, 2160), (1280, 1024)])
def test_resize_keeps_everything_inside_and_readable(make_app, size):
    app = make_app()
    app.go_menu()
    key(app, pygame.K_1)
    app.handle_event(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
    app.settle()
    assert app.layout.width == size[0]
    window = pygame.Rect(0, 0, *size)
    assert app.buttons and all(window.contains(b.rect) for b in app.buttons)
    assert all(px >= 18 for px, _ in app.texts.fonts)
    key(app, pygame.K_2)
    assert isinstance(app.top, ConsequenceScreen)


def test_fullscreen_toggle_and_minimise(make_app):
    app = make_app()
    key(app, pygame.K_F11)
    key(app, pygame.K_F11)
    app.handle_event(pygame.event.Event(pygame.WINDOWMINIMIZED))
    app.present()  # draws nothing while minimised
    app.handle_event(pygame.event.Event(pygame.WINDOWRESTORED))
    assert app.dirty and not app.minimised


@pytest.mark.parametrize("fullscreen", [False, True])
def test_a_display_that_is_not_there_opens_on_the_first(tmp_path, capsys, fullscreen):
    app = App(PACKS / "mini-story", "nl", fullscreen=fullscreen, display=3, transitions=False,
              store=ProgressStore(tmp_path))
    assert app.display == 0 and app.window.get_size()[0] > 0
    assert "there is no display 3" in capsys.readouterr().err
    key(app, pygame.K_F11)  # and toggling full screen keeps working on it
    assert app.fullscreen is not fullscreen


def test_clicker_black_screen_with_b_or_period(make_app):
    app = make_app()
    for k in (pygame.K_b, pygame.K_PERIOD):
        key(app, k)
        assert isinstance(app.top, BlackScreen)
        assert pygame.Rect(0, 0, 1280, 720) and app.window.get_at((640, 360))[:3] == (0, 0, 0)
        key(app, pygame.K_PAGEDOWN)
        assert isinstance(app.top, TitleScreen)


def test_calm_error_screen_after_an_exception(make_app, tmp_path, monkeypatch):
    app = make_app()
    app.go_menu()

    def broken(self, p):
        raise RuntimeError("injected")

    monkeypatch.setattr(SceneScreen, "draw", broken)
    key(app, pygame.K_1)
    assert isinstance(app.top, ErrorScreen)
    log = (tmp_path / "data" / "logs" / "barst-play.log").read_text(encoding="utf-8")
    assert "RuntimeError: injected" in log
    monkeypatch.undo()
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, MenuScreen)


def test_an_exception_while_handling_input_is_caught(make_app, monkeypatch):
    app = make_app()
    app.go_menu()
    monkeypatch.setattr(type(app), "start_situation", lambda self, sid: 1 / 0)
    key(app, pygame.K_1)
    assert isinstance(app.top, ErrorScreen)


def test_a_pack_with_errors_does_not_start(make_app, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(PACKS / "mini-story", broken)
    path = broken / "situations" / "party.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("target: talk", "target: nowhere"), encoding="utf-8")
    app = make_app(broken)
    assert isinstance(app.top, PackErrorScreen)
    assert any("nowhere" in e.message for e in app.top.errors)
    key(app, pygame.K_x)  # the emergency exit still works
    assert isinstance(app.top, EmergencyScreen)


def test_replay_shows_more_impact(make_app):
    app = make_app()
    app.state.progress.endings["party"] = ["alone"]
    app.go_menu()
    key(app, pygame.K_1)
    assert app.state.replay


def test_idle_loop_blocks_without_a_timer(make_app):
    app = make_app()
    assert app.wait_time() == 0  # wait for events only
    app.go_menu()
    key(app, pygame.K_1)
    app.handle(__import__("barst.play.input", fromlist=["Input"]).Input(
        __import__("barst.play.input", fromlist=["Cmd"]).Cmd.CHOOSE, 1))
    assert app.top.animating and 0 < app.wait_time() <= 17


def test_progress_store_is_atomic_and_resettable(tmp_path):
    from barst.engine.story import Progress

    store = ProgressStore(tmp_path)
    store.save("p", Progress(endings={"s": ["e"]}, best={"s": 50}))
    assert store.load("p").best == {"s": 50}
    assert [p.name for p in tmp_path.iterdir()] == ["progress.json"]  # no temp file left
    store.reset("p")
    assert store.load("p") == Progress()
    (tmp_path / "progress.json").write_text("{broken", encoding="utf-8")
    assert store.load("p") == Progress()


def test_no_display_says_so_in_one_sentence(monkeypatch, capsys):
    import argparse

    from barst.play.cli import run_play

    for name in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    args = argparse.Namespace(pack=str(PACKS / "mini-story"), lang=None, size=(1280, 720), fullscreen=False,
                              window=False, display=0)
    assert run_play(args) == 1
    err = capsys.readouterr().err
    assert "barst run" in err and "barst shots" in err and err.count(".") <= 3


def test_shots_render_every_screen(tmp_path):
    import argparse

    from barst.play.cli import run_shots

    out = tmp_path / "shots"
    args = argparse.Namespace(pack=str(PACKS / "mini-story"), out=out, size=(1024, 768), lang="fr")
    assert run_shots(args) == 0
    names = sorted(p.name for p in out.glob("*.png"))
    assert any("party-start-ask" in n for n in names)  # a consequence
    assert any("party-good-ending" in n for n in names)
    assert any("emergency-exit" in n for n in names) and any("title" in n for n in names)
    assert pygame.image.load(str(out / names[0])).get_size() == (1024, 768)


def test_play_runs_its_loop_headless(make_app):
    app = make_app()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert app.run() == 0
    assert not isinstance(app.top, TitleScreen)


def test_reset_path_exists(tmp_path):
    assert Path(tmp_path).is_dir()


def test_a_clicker_alone_can_pick_a_choice(make_app):
    app = make_app()
    app.go_menu()
    key(app, pygame.K_1)
    assert isinstance(app.top, SceneScreen) and app.top.event.scene.id == "start"
    key(app, pygame.K_PAGEDOWN)  # focus moves to the second choice ("stay home")
    key(app, pygame.K_F5)  # the clicker's "present" button picks it
    assert isinstance(app.top, ConsequenceScreen) and app.top.event.choice == "give-in"


def test_shots_of_one_situation_render_only_its_screens(tmp_path):
    import argparse

    from barst.play.cli import run_shots

    out = tmp_path / "shots"
    args = argparse.Namespace(pack=str(PACKS / "mini-story"), out=out, size=(640, 360), lang=None, situation="party")
    assert run_shots(args) == 0
    names = sorted(p.name for p in out.glob("*.png"))
    assert any("party-start-ask" in n for n in names) and any("party-good-ending" in n for n in names)
    assert all("-party-" in n for n in names), names  # no title, menu or other situation


def test_shots_of_an_unknown_situation_name_the_pack_situations(tmp_path):
    import argparse

    from barst.diagnostics import BarstError
    from barst.play.cli import run_shots

    args = argparse.Namespace(pack=str(PACKS / "mini-story"), out=tmp_path, size=(640, 360), lang=None,
                              situation="nope")
    with pytest.raises(BarstError, match=r"no situation 'nope'.*party"):
        run_shots(args)
