from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import PACKS, ROOT, edit

from barst.cli import main


def barst(*args: str, cwd: Path | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "barst", *args], capture_output=True, text=True, cwd=cwd,
                          input=stdin, env=env, timeout=120)


def test_check_clean_pack_exits_zero_with_statistics(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(PACKS / "mini-story")]) == 0
    out = capsys.readouterr().out
    assert "mini-story (story): 1 situations, 4 scenes, 4 choices, 2 endings" in out
    assert "party: score 20–90" in out and "ok: 1 checked, 0 error(s)" in out


def test_check_broken_pack_prints_compiler_style_lines_and_exits_one(copy_pack, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = copy_pack("mini-story")
    edit(folder / "situations/party.yaml", "target: talk", "target: tlak")
    assert main(["check", str(folder)]) == 1
    line = capsys.readouterr().out.splitlines()[0]
    assert line.endswith("situations/party.yaml:16:9: error[B021]: choice 'ask' leads to 'tlak', which does not "
                         "exist — did you mean 'talk'?")


def test_check_json_and_strict(copy_pack, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = copy_pack("mini-story")
    edit(folder / "situations/party.yaml", "title: {nl: Het feestje, fr: La fête}", "title: {nl: Het feestje}")
    assert main(["check", str(folder), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["ok"] and payload["warnings"] == 1 and payload["diagnostics"][0]["code"] == "B030"
    assert payload["packs"][0]["counts"]["situations"] == 1
    assert main(["check", str(folder), "--strict"]) == 1
    assert "error[B030]" in capsys.readouterr().out


def test_check_without_paths_checks_everything_shipped(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check"])
    out = capsys.readouterr().out
    assert "barst (story)" in out and "achter-de-voordeur (board)" in out
    assert code == 0, out


def test_run_scripted_prints_the_transcript_in_french() -> None:
    result = barst("run", str(PACKS / "mini-story"), "--choices", "1,1", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert "Sam dit que tu ne peux pas y aller." in result.stdout and "score 90" in result.stdout
    assert "Ce que Sam ressentait" in result.stdout


def test_run_stops_with_exit_one_when_the_choices_run_out() -> None:
    result = barst("run", str(PACKS / "mini-story"), "--choices", "1")
    assert result.returncode == 1 and "De keuzes zijn op voor er een einde is" in result.stdout


def test_run_interactive_with_emergency_exit_shows_help_lines() -> None:
    result = barst("run", str(PACKS / "mini-story"), "--situation", "party", stdin="x\n")
    assert result.returncode == 0 and "1712" in result.stdout


def test_run_auto_board_game_is_reproducible() -> None:
    first = barst("run", str(PACKS / "mini-board"), "--auto", "--seed", "7")
    second = barst("run", str(PACKS / "mini-board"), "--auto", "--seed", "7")
    assert first.returncode == 0 and "Einde van het spel" in first.stdout
    assert first.stdout == second.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "no-such-pack"], "There is no pack called 'no-such-pack'"),
        (["run", str(PACKS / "mini-story"), "--choices", "a,b"], "--choices takes numbers"),
        (["run", str(PACKS / "mini-story"), "--lang", "xx"], "Unknown language 'xx'"),
        (["run", str(PACKS / "mini-story"), "--situation", "nope", "--auto"], "no situation 'nope'"),
    ],
)
def test_bad_input_gives_one_sentence_and_no_traceback(args: list[str], message: str) -> None:
    result = barst(*args)
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["kit", "preview", "shots"])
def test_an_output_that_cannot_be_written_gives_one_sentence(command: str, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where a folder is expected", encoding="utf-8")
    args = {"kit": ["kit", "helpline-card", "-o", str(blocker / "kit.pdf")],
            "preview": ["kit", "helpline-card", "-o", str(tmp_path / "kit.pdf"), "--preview", str(blocker / "png")],
            "shots": ["shots", str(PACKS / "mini-story"), "-o", str(blocker / "png")]}[command]
    result = barst(*args)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-600:]
    assert result.stderr.startswith("barst: Cannot write") and len(result.stderr.strip().splitlines()) == 1


def test_packs_and_helplines() -> None:
    packs = barst("packs", "--format", "json")
    rows = {row["id"]: row for row in json.loads(packs.stdout)}
    assert rows["barst"]["kind"] == "story" and rows["achter-de-voordeur"]["kind"] == "board"
    lines = barst("helplines", "--region", "wallonia", "--lang", "fr")
    assert "0800 30 030" in lines.stdout and "1712" not in lines.stdout.split("\n")[0]
    assert "Awel" not in lines.stdout


@pytest.mark.parametrize("command", ["check", "run", "packs", "helplines"])
def test_every_command_has_help(command: str) -> None:
    result = barst(command, "--help")
    assert result.returncode == 0 and "usage: barst" in result.stdout


def test_version() -> None:
    from barst import __version__

    assert barst("--version").stdout.strip() == f"barst {__version__}"


@pytest.mark.parametrize("args", [["check", str(PACKS / "mini-story")], ["packs"], ["helplines"],
                                  ["run", str(PACKS / "mini-story"), "--auto"]])
def test_text_commands_import_neither_pygame_nor_fpdf(args: list[str]) -> None:
    probe = ("import sys, runpy; sys.argv=['barst', *sys.argv[1:]]\n"
             "try:\n    runpy.run_module('barst', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "bad=[m for m in sys.modules if m.split('.')[0] in ('pygame','fpdf')]\n"
             "print('HEAVY', bad, file=sys.stderr)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env, timeout=60)
    assert "HEAVY []" in result.stderr, result.stderr[-500:]


def test_core_modules_import_neither_pygame_nor_fpdf() -> None:
    probe = ("import sys\nimport barst.model, barst.engine.story, barst.engine.board, barst.check, barst.loader, "
             "barst.runner\nprint([m for m in sys.modules if m.split('.')[0] in ('pygame','fpdf')])")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_runner_words_exist_in_every_interface_language() -> None:
    from barst.play.i18n import load_strings

    keys = {lang: set(load_strings(lang, "runner-")) for lang in ("nl", "fr", "en", "de")}
    assert keys["nl"] == keys["fr"] == keys["en"] == keys["de"] and len(keys["en"]) > 20


def test_play_takes_a_region_for_the_help_lines() -> None:
    from barst.cli import build_parser

    args = build_parser().parse_args(["play", "--region", "wallonia"])
    assert args.pack == "barst" and args.region == "wallonia"
    result = barst("play", "--region", "mars")
    assert result.returncode == 2 and "invalid choice" in result.stderr


@pytest.mark.parametrize(("pack", "typed"), [("mini-story", "²"), ("mini-story", "9" * 5000), ("mini-board", "u")])
def test_interactive_run_takes_any_answer_without_a_traceback(pack: str, typed: str) -> None:
    result = barst("run", str(PACKS / pack), stdin=f"{typed}\nq\n")
    assert "Traceback" not in result.stderr, result.stderr


INTERRUPTED_START = """
import sys

class Interrupt:  # Ctrl-C arrives while Python is still importing barst's command line
    def find_spec(self, name, path=None, target=None):
        if name == "barst.cli":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, Interrupt())
from barst.start import main
raise SystemExit(main(["packs"]))
"""


def test_ctrl_c_while_barst_starts_is_a_sentence_not_a_traceback() -> None:
    done = subprocess.run([sys.executable, "-c", INTERRUPTED_START], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 130
    assert "Traceback" not in done.stderr
    assert "Stopped (Ctrl-C)" in done.stderr and "nothing was written" in done.stderr


CLOSED_READER = """
import os, sys
read, write = os.pipe()
os.close(read)  # the reader is gone before barst writes a line (`barst helplines | head -1`, later on)
os.dup2(write, 1)
from barst.start import main
raise SystemExit(main(["helplines"]))
"""


def test_a_reader_that_stops_early_is_no_error() -> None:
    done = subprocess.run([sys.executable, "-c", CLOSED_READER], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
