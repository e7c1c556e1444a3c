"""Shipped packs, kits and assets are found in an installed wheel, not only in a checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from support import ROOT


def test_wheel_carries_the_content_and_checks_it_from_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(dist), str(ROOT)],
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(dist.glob("barst-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for expected in ("barst/_data/scenarios/barst/pack.yaml", "barst/_data/assets/helplines.yaml",
                     "barst/_data/assets/fonts/Andika-Regular.ttf", "barst/_data/schema/pack.schema.json"):
        assert expected in names
    target = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target",
                              str(target), str(wheel)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr[-2000:]
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run([sys.executable, "-c", "import barst.paths as p; print(p.data_root())"],
                           capture_output=True, text=True, cwd=outside, env=env)
    assert where.stdout.strip() == str(target / "barst" / "_data")
    check = subprocess.run([sys.executable, "-m", "barst", "check"], capture_output=True, text=True, cwd=outside,
                           env=env, timeout=300)
    assert "barst (story)" in check.stdout and "achter-de-voordeur (board)" in check.stdout
    assert check.returncode == 0, check.stdout[-3000:]
