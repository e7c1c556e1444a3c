"""Start-up: the title is on screen before the pack is checked, and nothing is played before the check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from support import PACKS

from barst.play.app import App
from barst.play.progress import ProgressStore

ROOT = Path(__file__).resolve().parents[2]


def broken_copy(tmp_path: Path) -> Path:
    broken = tmp_path / "broken"
    shutil.copytree(PACKS / "mini-story", broken)
    path = broken / "situations" / "party.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("target: talk", "target: nowhere"), encoding="utf-8")
    return broken


def frames_of_a_run(app: App, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool, bool]]:
    """Run the real loop until a queued QUIT; note (screen, checked yet, still running) at every flip."""
    frames: list[tuple[str, bool, bool]] = []
    present = App.present

    def noting(self: App) -> None:
        present(self)
        frames.append((self.top.name, not self.loading, self.running))

    monkeypatch.setattr(App, "present", noting)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert app.run() == 0
    return frames


def test_the_first_frame_is_the_title_and_the_check_follows_before_any_input(tmp_path, monkeypatch):
    app = App(PACKS / "mini-story", None, transitions=False, store=ProgressStore(tmp_path))
    frames = frames_of_a_run(app, monkeypatch)
    assert frames[0] == ("title", False, True)
    assert app.control is not None and app.ask_language


def test_a_broken_pack_shows_its_errors_without_waiting_for_input(tmp_path, monkeypatch):
    app = App(broken_copy(tmp_path), "nl", transitions=False, store=ProgressStore(tmp_path))
    frames = frames_of_a_run(app, monkeypatch)
    assert frames[0][0] == "title"
    assert ("pack-error", True, True) in frames  # drawn before the QUIT was even read


def test_input_on_the_unchecked_title_is_handled_only_after_the_check(tmp_path):
    app = App(broken_copy(tmp_path), "nl", transitions=False, store=ProgressStore(tmp_path))
    assert app.loading and app.top.name == "title"
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0))
    assert app.top.name == "pack-error"  # Enter did not start anything: the pack failed first


def test_an_unreadable_pack_file_shows_the_error_screen_as_the_first_frame(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "pack.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    app = App(folder, "nl", transitions=False, store=ProgressStore(tmp_path))
    assert not app.loading and app.top.name == "pack-error"
    assert app.top.errors  # type: ignore[attr-defined]


def test_the_title_frame_needs_neither_the_checker_nor_the_engine(tmp_path):
    probe = (
        "import sys\nfrom pathlib import Path\nfrom barst.play.app import App\n"
        f"app = App(Path({str(PACKS / 'mini-story')!r}), 'nl')\napp.present()\n"
        "heavy = ('barst.check', 'barst.model', 'barst.engine.story', 'barst.build', 'barst.helplines')\n"
        "print('BEFORE', sorted(m for m in heavy if m in sys.modules))\n"
        "app.finish_loading()\nprint('AFTER', app.control is not None, 'barst.check' in sys.modules)\n"
    )
    env = {**os.environ, "BARST_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
    assert "BEFORE []" in result.stdout, result.stdout + result.stderr[-800:]
    assert "AFTER True True" in result.stdout, result.stdout + result.stderr[-800:]


def test_the_first_frame_shows_the_title_and_the_start_button_comes_with_the_checked_pack(tmp_path: Path) -> None:
    # The first frame is drawn before the pack is checked: the title and logo only, like the board game's,
    # so there is no start button that cannot be pressed yet (input waits for the check).
    app = App(PACKS / "mini-story", "nl", (1280, 720), store=ProgressStore(tmp_path), transitions=False)
    app.present()
    assert app.top.name == "title" and app.loading
    assert [b for b in app.buttons if b.action == app.top.confirm] == []
    only_exit = len(app.buttons)
    app.finish_loading()
    app.present()
    assert any(b.action == app.top.confirm for b in app.buttons)
    assert len(app.buttons) > only_exit
