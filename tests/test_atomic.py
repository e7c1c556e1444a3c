from __future__ import annotations

from pathlib import Path

import pytest

from barst import atomic


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "save.json"
    atomic.write_text(target, "good")
    with pytest.raises(RuntimeError), atomic.replacing(target) as temp:
        temp.write_text("half", encoding="utf-8")
        raise RuntimeError("the laptop died")
    assert target.read_text() == "good" and list(tmp_path.iterdir()) == [target]


def test_a_successful_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "progress.json"
    atomic.write_text(target, "one")
    atomic.write_text(target, "two")
    assert target.read_text() == "two" and list(target.parent.iterdir()) == [target]
