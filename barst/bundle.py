"""`python -m barst.bundle -o DIR`: build the trainers' app for the platform this runs on.

A one-folder PyInstaller app (not --onefile: that unpacks itself to a temp folder at every start, which is
slow and trips antivirus heuristics) with two programs sharing one copy of Python and the libraries:
`barst`, the command line, and `barst-play`, a windowed launcher (no console on Windows) that opens the
story game's title screen. The shipped packs, kits, fonts, pictures, help lines and schema travel in
`_internal/barst/_data/`, the wheel's layout, where barst.paths looks in a frozen app.

Needs PyInstaller (`pip install -e ".[bundle]"`), imported only here and run as its own process; it is
not a dependency of barst itself. Lives in the package (rather than tools/) so that ruff, mypy and the
tests cover it and it works from an installed wheel too; the app itself leaves it out.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from barst import paths

APP = "barst"  # the folder the trainer unzips
CLI = "barst"
LAUNCHER = "barst-play"
CONTENTS = "_internal"  # PyInstaller's default, named so verify() and paths.py agree with the spec
# The PyYAML C loader is imported inside a try (yamlload falls back to the slow pure-Python loader without
# it, silently), so it is named here and verify() checks that it shipped.
HIDDEN_IMPORTS = ("yaml._yaml",)
# Package data read at run time: fpdf2's sRGB profile, the class server's phone page (barst/classroom/page/).
# (fontTools imports its font tables by tag, but lists them all for freezers itself: no hidden imports there.)
COLLECTED_DATA = ("fpdf", "barst")
# pygame offers numpy-based modules that barst never uses; tkinter and the test tools never run in the app;
# pypdfium2 only draws `barst kit --preview` PNGs (a developer extra: without it that option says so).
EXCLUDES = ("numpy", "tkinter", "pytest", "hypothesis", "PyInstaller", "barst.bundle",
            "pypdfium2", "pypdfium2_raw")

# The two programs' scripts, written into the work folder (not named barst.py: that would hide the package).
# One analysis serves both: each program runs PyInstaller's bootstrap and runtime hooks, then its own script.
SCRIPTS = {
    "barst_cli": "from barst.start import main\n\nraise SystemExit(main())\n",
    "barst_play": "import sys\n\nfrom barst.start import main\n\n"
              "if sys.stderr is None:  # a windowed app has no console: its plain sentences go to the log\n"
              "    from barst.datadir import log_dir\n\n"
              "    log_dir().mkdir(parents=True, exist_ok=True)\n"
              "    sys.stdout = sys.stderr = open(log_dir() / 'barst-play.log', 'a', encoding='utf-8')\n"
              "# macOS passes -psn_… to apps started from the Finder; everything else goes to `barst play`.\n"
              "raise SystemExit(main(['play', *(a for a in sys.argv[1:] if not a.startswith('-psn_'))]))\n",
}

SPEC = """\
# Written by `python -m barst.bundle`: change barst/bundle.py, not this file.
import sys

from PyInstaller.utils.hooks import collect_data_files

datas = {datas!r}
for package in {collected_data!r}:
    datas += collect_data_files(package)

a = Analysis(
    {scripts!r},
    datas=datas,
    hiddenimports=list({hidden!r}),
    excludes=list({excludes!r}),
    noarchive=False,
    optimize=0,
)
pyz = PYZ(a.pure)
script_names = {script_names!r}


def program(name, script, console):
    others = set(script_names) - {{script}}
    scripts = [entry for entry in a.scripts if entry[0] not in others]
    assert len(scripts) == len(a.scripts) - len(others), "a script is missing from the analysis"
    return EXE(pyz, scripts, [], exclude_binaries=True, name=name, console=console, upx=False,
               contents_directory={contents!r})


# The launcher first: on macOS it becomes the .app's own program.
launcher = program({launcher!r}, script_names[1], console=False)
cli = program({cli!r}, script_names[0], console=True)
coll = COLLECT(launcher, cli, a.binaries, a.datas, upx=False, name={app!r})
if sys.platform == "darwin":
    app = BUNDLE(coll, name={app_bundle!r}, bundle_identifier="be.barst.play")
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m barst.bundle",
        description="Build the one-folder app for this platform (barst and barst-play, with the shipped "
        "content) into DIR/barst. Needs PyInstaller: pip install -e \".[bundle]\".")
    parser.add_argument("-o", "--out", required=True, type=Path, metavar="DIR", help="where the app folder goes")
    parser.add_argument("--work", type=Path, metavar="DIR", help="PyInstaller's work folder (default: a temp one)")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("PyInstaller") is None:
        print("barst.bundle: PyInstaller is not installed; run: pip install -e \".[bundle]\"", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="barst-bundle-") as scratch:
        work = args.work or Path(scratch)
        folder = build(args.out, work)
    problems = verify(folder)
    for problem in problems:
        print(f"barst.bundle: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"{folder}: {program_path(folder, CLI).name} and {program_path(folder, LAUNCHER).name}, "
          f"{folder_size(folder) / 1e6:.1f} MB")
    return 0


def build(out: Path, work: Path) -> Path:
    """Run PyInstaller on a freshly written spec; returns the app folder. Raises SystemExit when it fails."""
    spec = write_spec(work)
    command = [sys.executable, "-m", "PyInstaller", str(spec), "--noconfirm", "--log-level", "WARN",
               "--distpath", str(out.resolve()), "--workpath", str((work / "build").resolve())]
    quiet = {**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1"}  # PyInstaller's hooks import pygame
    if subprocess.run(command, cwd=work, env=quiet).returncode != 0:
        raise SystemExit("barst.bundle: PyInstaller failed (its messages are above).")
    return out.resolve() / APP


def write_spec(work: Path) -> Path:
    """The scripts and the spec in `work`; the shipped content comes from wherever barst.paths finds it
    (a checkout or an installed wheel)."""
    work.mkdir(parents=True, exist_ok=True)
    scripts = []
    for name, text in SCRIPTS.items():
        script = work / f"{name}.py"
        script.write_text(text, encoding="utf-8")
        scripts.append(str(script.resolve()))
    spec = work / f"{APP}.spec"
    spec.write_text(SPEC.format(
        datas=data_files(), hidden=HIDDEN_IMPORTS, collected_data=COLLECTED_DATA, scripts=scripts, excludes=EXCLUDES,
        script_names=[Path(s).stem for s in scripts], contents=CONTENTS, launcher=LAUNCHER, cli=CLI,
        app=APP, app_bundle=f"{APP}.app"), encoding="utf-8")
    return spec


def data_files() -> list[tuple[str, str]]:
    """(source folder, place in the app) for each shipped folder, in the wheel's barst/_data layout."""
    root = paths.data_root()
    return [(str(root / name), f"barst/_data/{name}") for name in paths.DATA_FOLDERS]


def verify(folder: Path) -> list[str]:
    """What the built app lacks: a program, a shipped or package data file, or the YAML C loader."""
    problems = [f"{path} is missing" for path in (program_path(folder, CLI), program_path(folder, LAUNCHER))
                if not path.is_file()]
    shipped = paths.data_root()
    bundled = folder / CONTENTS / "barst" / "_data"
    for name in paths.DATA_FOLDERS:
        for source in sorted((shipped / name).rglob("*")):
            relative = source.relative_to(shipped)
            if source.is_file() and not (bundled / relative).is_file():
                problems.append(f"{relative.as_posix()} is not in the app ({bundled})")
    package = Path(__file__).resolve().parent
    for source in package_data(package):
        relative = source.relative_to(package.parent)
        if not (folder / CONTENTS / relative).is_file():
            problems.append(f"{relative.as_posix()} (package data) is not in the app")
    if not any((folder / CONTENTS / "yaml").glob("_yaml*")):
        problems.append("the PyYAML C loader (yaml._yaml) is not in the app: packs would load slowly")
    return problems


def package_data(package: Path) -> list[Path]:
    """Files inside the barst package that are not code (the class server's phone page)."""
    return sorted(p for p in package.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")
                  and "__pycache__" not in p.parts and "_data" not in p.relative_to(package).parts)


def program_path(folder: Path, name: str) -> Path:
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


if __name__ == "__main__":
    raise SystemExit(main())
