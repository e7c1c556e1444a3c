"""Root cause 6 of issue 18: files from anyone are read only when regular, never past a bound, never outside
the pack. Each test runs `barst check` in a subprocess with a timeout, so a hang fails instead of blocking."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from support import ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and symbolic links")


def check(*targets: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "barst", "check", *map(str, targets)], capture_output=True,
                          text=True, env=env, timeout=60)


def test_a_fifo_among_the_situations_is_refused_not_waited_for(copy_pack: Callable[[str], Path]) -> None:
    folder = copy_pack("mini-story")
    os.mkfifo(folder / "situations" / "pipe.yaml")
    result = check(folder)
    assert result.returncode == 1
    assert "pipe.yaml: error[B001]: cannot read this file (it is not a regular file" in result.stdout


def test_a_device_is_refused_whatever_its_size_says() -> None:
    result = check(Path("/dev/zero"))
    assert result.returncode == 1 and "error[B001]" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "device", "dangling"])
def test_a_pack_yaml_that_is_no_file_is_one_finding(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    pack_file = folder / "pack.yaml"
    if kind == "fifo":
        os.mkfifo(pack_file)
    elif kind == "device":
        pack_file.symlink_to("/dev/zero")
    else:
        pack_file.symlink_to(tmp_path / "gone.yaml")
    for target in (folder, pack_file):
        result = check(target)
        assert result.returncode == 1, result.stdout
        assert "pack.yaml" in result.stdout and "error[B0" in result.stdout
        assert "RecursionError" not in result.stderr and "Traceback" not in result.stderr


def test_a_pack_yaml_linking_outside_the_pack_is_not_followed(copy_pack: Callable[[str], Path],
                                                             tmp_path: Path) -> None:
    folder = copy_pack("mini-story")
    outside = tmp_path / "elsewhere.yaml"
    (folder / "pack.yaml").rename(outside)
    (folder / "pack.yaml").symlink_to(outside)
    result = check(folder)
    assert result.returncode == 1 and "error[B041]: this file lies outside the pack folder" in result.stdout


def test_an_empty_pack_yaml_is_an_error_not_ok(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("", encoding="utf-8")
    result = check(tmp_path)
    assert result.returncode == 1 and "pack.yaml:1:1: error[B011]: pack.yaml is empty" in result.stdout
