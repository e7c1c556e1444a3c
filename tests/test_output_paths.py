"""Issue 18, cause 8 (and the small ones of 11): outputs never replace an input or a non-regular file,
every write is checked, leftovers of killed writers are cleaned, and nothing falls back in silence."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from support import PACKS, ROOT

from barst import atomic
from barst.cli import main
from barst.safefile import NotRegularFile


def test_kit_output_over_the_kit_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kit = tmp_path / "k.yaml"
    kit.write_bytes((ROOT / "kits" / "helpline-card.yaml").read_bytes())
    before = kit.read_bytes()
    assert main(["kit", str(kit), "-o", str(kit)]) == 1
    assert kit.read_bytes() == before and "that is the kit file itself" in capsys.readouterr().err
    os.chdir(tmp_path)
    assert main(["kit", str(kit), "-o", "./k.yaml"]) == 1 and kit.read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="FIFOs")
def test_an_atomic_write_never_replaces_a_non_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFile):
        atomic.write_text(fifo, "x")
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(NotRegularFile):
        atomic.write_text(folder, "x")
    assert fifo.is_fifo() and folder.is_dir() and sorted(p.name for p in tmp_path.iterdir()) == [
        "folder.json", "out.pdf"]


def test_leftovers_of_a_killed_writer_are_cleaned_at_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "save.json"
    old = tmp_path / ".save.json.dead1234.tmp"
    old.write_text("half", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    busy = tmp_path / ".save.json.busy5678.tmp"  # another writer at work right now: left alone
    busy.write_text("writing", encoding="utf-8")
    unrelated = tmp_path / ".other.json.x.tmp"
    unrelated.write_text("not ours", encoding="utf-8")
    os.utime(unrelated, (an_hour_ago, an_hour_ago))
    atomic.write_text(target, "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([busy.name, unrelated.name, "save.json"])


def test_an_empty_kit_file_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kit = tmp_path / "empty.yaml"
    kit.write_text("", encoding="utf-8")
    assert main(["kit", str(kit), "-o", str(tmp_path / "x.pdf")]) == 1
    assert "empty.yaml:1:1: error[K001]: the kit file is empty" in capsys.readouterr().err


def test_shots_in_an_unknown_language_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["shots", str(PACKS / "mini-story"), "-o", str(tmp_path), "--lang", "xx"])
    assert stopped.value.code == 2 and "invalid choice: 'xx'" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("pack", ["mini-story", "mini-board"])
def test_shots_on_a_full_disk_fail_loudly(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch, pack: str) -> None:
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")

    def full(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_bytes", full)
    out = tmp_path / "shots"
    assert main(["shots", str(PACKS / pack), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert "No space left on device" in captured.err and "screens written" not in captured.out
    assert not [p for p in out.iterdir() if p.suffix == ".png"]
