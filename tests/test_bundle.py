"""The trainers' app bundle: a frozen app finds the shipped content in its own folder, and the builder
ships every shipped folder in the wheel's layout. (Building and running the app itself is .ci/run's job:
it takes PyInstaller and half a minute.)"""

from __future__ import annotations

import ast
import os
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import ROOT

from barst import bundle, paths


@pytest.fixture
def fresh_paths() -> Iterator[None]:
    paths.data_root.cache_clear()
    yield
    paths.data_root.cache_clear()


def test_a_frozen_app_finds_its_content_in_the_bundle_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            fresh_paths: None) -> None:
    (tmp_path / "barst" / "_data" / "scenarios" / "p").mkdir(parents=True)
    (tmp_path / "barst" / "_data" / "scenarios" / "p" / "pack.yaml").write_text("id: p\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.data_root() == tmp_path / "barst" / "_data"
    assert paths.shipped_packs() == [tmp_path / "barst" / "_data" / "scenarios" / "p"]


def test_a_frozen_app_without_its_content_never_reads_the_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   fresh_paths: None) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.shipped_packs() == [] and paths.shipped_kits() == []


def test_unfrozen_the_checkout_content_is_found(fresh_paths: None) -> None:
    assert paths.data_root() == ROOT
    assert (paths.scenarios_dir() / "barst" / "pack.yaml").is_file()


def test_the_wheel_and_the_bundle_ship_the_same_folders() -> None:
    force_include = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = force_include["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert wheel == {name: f"barst/_data/{name}" for name in paths.DATA_FOLDERS}
    assert bundle.data_files() == [(str(ROOT / name), f"barst/_data/{name}") for name in paths.DATA_FOLDERS]


def test_the_spec_builds_a_console_cli_and_a_windowed_launcher_from_one_analysis(tmp_path: Path) -> None:
    spec = bundle.write_spec(tmp_path)
    text = spec.read_text(encoding="utf-8")
    ast.parse(text)  # PyInstaller executes it as Python
    assert "console=False" in text and "console=True" in text
    assert "'yaml._yaml'" in text and "'fpdf'" in text and "'barst'" in text
    scripts = {p.stem: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.py")}
    assert set(scripts) == {"barst_cli", "barst_play"}  # never barst.py: it would hide the barst package
    for script in scripts.values():
        compile(script, "script", "exec")
    assert "'play'" in scripts["barst_play"] and "'play'" not in scripts["barst_cli"]


def test_the_launcher_script_opens_the_story_game(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr("barst.cli.main", lambda argv=None: seen.append(list(argv or [])) or 0)
    monkeypatch.setattr(sys, "argv", ["barst-play", "-psn_0_12345", "--fullscreen"])
    with pytest.raises(SystemExit) as stop:
        exec(compile(bundle.SCRIPTS["barst_play"], "barst_play.py", "exec"), {"__name__": "__main__"})
    assert stop.value.code == 0
    assert seen == [["play", "--fullscreen"]]


def fake_app(folder: Path) -> Path:
    """An app folder holding what the builder must ship, copied from the checkout's content."""
    import shutil

    for name in (bundle.CLI, bundle.LAUNCHER):
        bundle.program_path(folder, name).parent.mkdir(parents=True, exist_ok=True)
        bundle.program_path(folder, name).write_bytes(b"")
    for name in paths.DATA_FOLDERS:
        shutil.copytree(ROOT / name, folder / bundle.CONTENTS / "barst" / "_data" / name)
    shutil.copytree(ROOT / "barst" / "classroom" / "page", folder / bundle.CONTENTS / "barst" / "classroom" / "page")
    (folder / bundle.CONTENTS / "yaml").mkdir()
    (folder / bundle.CONTENTS / "yaml" / "_yaml.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    return folder


def test_verify_accepts_a_complete_app(tmp_path: Path) -> None:
    assert bundle.verify(fake_app(tmp_path / "barst")) == []


def test_verify_names_a_missing_font_page_program_and_the_yaml_c_loader(tmp_path: Path) -> None:
    app = fake_app(tmp_path / "barst")
    (app / bundle.CONTENTS / "barst" / "_data" / "assets" / "fonts" / "Andika-Bold.ttf").unlink()
    bundle.program_path(app, bundle.LAUNCHER).unlink()
    (app / bundle.CONTENTS / "yaml" / "_yaml.cpython-311-x86_64-linux-gnu.so").unlink()
    (app / bundle.CONTENTS / "barst" / "classroom" / "page" / "app.js").unlink()
    problems = bundle.verify(app)
    assert len(problems) == 4, problems
    assert any("barst/classroom/page/app.js" in p for p in problems)
    assert any("assets/fonts/Andika-Bold.ttf" in p for p in problems)
    assert any("barst-play" in p for p in problems)
    assert any("C loader" in p for p in problems)


def test_without_pyinstaller_the_builder_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setattr(bundle.importlib.util, "find_spec", lambda name: None)
    assert bundle.main(["-o", str(tmp_path)]) == 1
    assert '.[bundle]' in capsys.readouterr().err


def test_the_windowed_launcher_writes_its_sentences_to_the_log(tmp_path: Path) -> None:
    """Without a console (PyInstaller's windowed app: no stdout, no stderr), a message is kept in the log."""
    import subprocess

    from barst.bundle import SCRIPTS

    code = "import sys\nsys.stdout = sys.stderr = None\nsys.argv = ['barst-play', 'no-such-pack']\n" + \
        SCRIPTS["barst_play"]
    env = {**os.environ, "BARST_DATA_DIR": str(tmp_path), "SDL_VIDEODRIVER": "dummy"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    log = (tmp_path / "logs" / "barst-play.log").read_text(encoding="utf-8")
    assert "no-such-pack" in log and "Traceback" not in log
