"""The file cache behind the projector's first frame (barst/filecache.py): a start after the first reads
JSON instead of YAML, and never an out-of-date or foreign copy."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import PACKS, ROOT

from barst import filecache
from barst.packhead import PackHead, read_head
from barst.play import i18n


@pytest.fixture(autouse=True)
def own_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("BARST_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "cache"


def aged(path: Path, seconds: float = 60.0) -> None:
    """As if the file was last changed `seconds` ago (a fresh file is not kept: see RACY_SECONDS)."""
    then = time.time() - seconds
    os.utime(path, (then, then))


def settled(folder: Path) -> Path:
    """A small source file last changed a minute ago."""
    source = folder / "words.yaml"
    source.write_text("a: b\n")
    aged(source)
    return source


def counted(calls: list[int], value: object) -> object:
    calls.append(1)
    return value


def remember(path: Path, calls: list[int], value: object = "derived") -> object:
    return filecache.remembered(path, "test", lambda: counted(calls, value), lambda v: v, lambda v: v)


def test_a_second_read_of_an_unchanged_file_uses_the_kept_value(tmp_path: Path) -> None:
    source = settled(tmp_path)
    calls: list[int] = []
    assert remember(source, calls) == "derived"
    assert remember(source, calls) == "derived"
    assert len(calls) == 1


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    source = settled(tmp_path)
    calls: list[int] = []
    remember(source, calls, "old")
    source.write_text("a: c\n")  # same size, new time
    aged(source, 30)
    assert remember(source, calls, "new") == "new"
    source.write_text("a: longer\n")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns))
    aged(source, 30)  # the same time as before, another size
    assert remember(source, calls, "newer") == "newer"
    assert len(calls) == 3


def test_a_file_changed_just_now_is_not_kept(tmp_path: Path) -> None:
    # Two edits within the file system's clock step would look like one: only settled files are kept.
    source = tmp_path / "words.yaml"
    source.write_text("a: b\n")
    calls: list[int] = []
    remember(source, calls)
    remember(source, calls)
    assert len(calls) == 2


@pytest.mark.parametrize("damage", [
    b"", b"{not json", b"[1, 2]", b'{"format": 1}', b"\xff\xfe",
    "barst", "format", "source", "size",
])
def test_a_damaged_or_foreign_entry_is_a_miss_and_is_replaced(tmp_path: Path, own_cache: Path,
                                                              damage: bytes | str) -> None:
    source = settled(tmp_path)
    calls: list[int] = []
    remember(source, calls)
    (entry,) = own_cache.iterdir()
    if isinstance(damage, bytes):
        entry.write_bytes(damage)
    else:  # one field of a good entry changed: another barst, format, file or size
        kept = json.loads(entry.read_text())
        kept[damage] = 0
        entry.write_text(json.dumps(kept))
    assert remember(source, calls) == "derived"
    assert len(calls) == 2
    assert remember(source, calls) == "derived"  # the entry was written again
    assert len(calls) == 2


def test_a_kept_value_of_another_shape_is_read_again(tmp_path: Path, own_cache: Path) -> None:
    source = settled(tmp_path)
    i18n_like = lambda: filecache.remembered(source, "ui", lambda: {"a": "b"}, dict, i18n._as_strings)  # noqa: E731
    assert i18n_like() == {"a": "b"}
    (entry,) = own_cache.iterdir()
    kept = json.loads(entry.read_text())
    kept["data"] = {"a": ["not", "a", "word"]}
    entry.write_text(json.dumps(kept))
    assert i18n_like() == {"a": "b"}


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("BARST_DATA_DIR", str(blocker))  # the cache folder would be inside a file
    source = settled(tmp_path)
    calls: list[int] = []
    assert remember(source, calls) == "derived"
    assert remember(source, calls) == "derived"
    assert len(calls) == 2


def test_a_missing_file_is_left_to_the_reader(tmp_path: Path, own_cache: Path) -> None:
    calls: list[int] = []
    assert remember(tmp_path / "nothing.yaml", calls, None) is None
    assert not own_cache.exists()


def head_fields(head: PackHead | None) -> tuple[object, ...]:
    assert head is not None
    return (head.id, head.kind, head.title.values, head.description and head.description.values,
            head.languages, head.fallback, head.region)


@pytest.mark.parametrize("pack", ["mini-story", "barst", "achter-de-voordeur"])
def test_a_kept_pack_head_is_the_head_read_from_yaml(copy_pack: object, own_cache: Path, pack: str) -> None:
    folder = copy_pack(pack)  # type: ignore[operator]
    aged(folder / "pack.yaml")
    read = read_head(folder)
    assert list(own_cache.glob("head-*.json"))
    assert head_fields(read_head(folder)) == head_fields(read)


def test_a_kept_head_with_a_forged_field_is_not_believed(copy_pack: object, own_cache: Path) -> None:
    folder = copy_pack("mini-story")  # type: ignore[operator]
    aged(folder / "pack.yaml")
    truth = read_head(folder)
    assert truth is not None
    (entry,) = own_cache.glob("head-*.json")
    kept = json.loads(entry.read_text())
    for field, forged in [("kind", "spreadsheet"), ("languages", ["xx"]), ("region", "mars"), ("title", "plain")]:
        entry.write_text(json.dumps({**kept, "data": {**kept["data"], field: forged}}))
        head = read_head(folder)
        assert head is not None
        assert (head.kind, head.languages, head.region, head.title.values) == \
            (truth.kind, truth.languages, truth.region, truth.title.values)


START = """
import sys
from barst.play.shell import Shell
def first_frame(self):
    self.present()
    print(*sorted(m for m in ("yaml", "barst.yamlload") if m in sys.modules))
    return 0
Shell.run = first_frame
from barst.cli import main
main(["play", sys.argv[1], "--size", "640x360"])
"""


@pytest.mark.parametrize("pack", ["mini-story", "achter-de-voordeur"])
def test_a_later_start_draws_its_first_frame_without_yaml(tmp_path: Path, pack: str) -> None:
    env = {**os.environ, "BARST_DATA_DIR": str(tmp_path / "data"), "SDL_VIDEODRIVER": "dummy",
           "PYTHONPATH": str(ROOT), "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    target = PACKS / pack if (PACKS / pack).is_dir() else pack
    if isinstance(target, Path):
        copy = tmp_path / pack
        shutil.copytree(target, copy)
        aged(copy / "pack.yaml")
        target = copy
    first, later = (subprocess.run([sys.executable, "-c", START, str(target)], env=env, capture_output=True,
                                   text=True, timeout=120, check=True).stdout.split() for _ in range(2))
    assert "yaml" in first  # the first start reads the YAML and keeps what it read
    assert later == []


def test_a_kept_copy_is_not_named_among_the_files_a_command_wrote(tmp_path: Path, own_cache: Path) -> None:
    # Ctrl-C names the files a command wrote (barst.atomic): the cache is barst's own, not one of them.
    from barst import atomic

    source = settled(tmp_path)
    before = atomic.mark()
    remember(source, [])
    assert list(own_cache.iterdir())
    assert atomic.written_since(before) == []
