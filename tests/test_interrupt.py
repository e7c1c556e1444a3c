"""Ctrl-C during a long command: it stops at once with one sentence and exit code 130, no traceback, and
leaves no half-written or temporary file (issue 18).

Each command runs as a real subprocess on an input big enough to keep it busy for seconds; SIGINT is sent
once the process is past start-up and inside the long work (measured by its own CPU time, or by the first
files it has written), never at a guessed moment.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists() or os.name != "posix",
                                reason="needs POSIX signals and /proc to see that the command is at work")

READY_WAIT = 180.0  # seconds to reach the long part: the CI machine is shared and can be slow
STOP_WAIT = 30.0  # seconds from SIGINT to exit (normally well under one)
SCENES_PER_FILE = 200


# --- inputs big enough to take seconds ----------------------------------------------------------------


def big_story(folder: Path, files: int) -> Path:
    """A story pack of `files` situations of 200 scenes (two choices each) in nl and fr."""
    (folder / "situations").mkdir(parents=True)
    (folder / "pack.yaml").write_text(
        "id: big\nkind: story\ntitle: {nl: Groot, fr: Grand}\nlanguages: [nl, fr]\naudience: {group: pupils}\n"
        "variables:\n  - {id: trust, min: 0, max: 10, start: 5}\n", encoding="utf-8")
    for part in range(files):
        lines = [f"id: s{part}", "title: {nl: Titel, fr: Titre}", "summary: {nl: Samenvatting, fr: Résumé}",
                 "scenes:"]
        for i in range(SCENES_PER_FILE - 1):
            lines += [f"  - id: n{i}", "    text: {nl: Een scène met wat woorden., fr: Une scène avec des mots.}",
                      "    choices:",
                      f"      - {{id: a, label: {{nl: Ja, fr: Oui}}, target: n{i + 1}, effects: [trust += 1]}}",
                      f"      - {{id: b, label: {{nl: Nee, fr: Non}}, target: n{i + 1}, effects: [trust -= 1]}}"]
        lines += [f"  - id: n{SCENES_PER_FILE - 1}", "    text: {nl: Einde, fr: Fin}", "    ending:",
                  "      score: 50", "      verdict: {nl: Klaar, fr: Fini}",
                  "      helps: {nl: Praat erover, fr: Parlez-en}"]
        (folder / "situations" / f"s{part}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def big_kit(path: Path, cards: int) -> Path:
    words = ["samen", "praten", "helpt", "wie", "luistert", "naar", "jou", "vandaag", "thuis", "school"]
    lines = ["id: big", "title: {nl: Groot}", "audience: adults", "languages: [nl]", "decks:", "  - id: d",
             "    title: {nl: Vragen}", "    size: poker", "    icon: card", "    colour: '#009E73'",
             "    back: {qr: ['1712', awel]}", "    cards:"]
    for i in range(cards):
        text = " ".join(words[(i + k) % len(words)] for k in range(8 + i % 30))
        lines.append(f"      - {{id: c{i}, text: {{nl: '{text}'}}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def big_report(path: Path, sessions: int) -> Path:
    """A JSON report (as `barst report --format json` writes) of many sessions, for --merge."""
    from barst.report import record as R
    from barst.report.export import REPORT_FORMAT

    first = date(2026, 1, 5)
    items = []
    for i in range(sessions):
        day = first + timedelta(days=i % 300)
        record = R.SessionRecord(f"{day:%Y%m%d}-{i // 65536 % 24:02d}00-{i % 65536:04x}", day, 50, "barst", "nl",
                                 "flanders", "class-solo", {"fight-at-home": 20}, ["child-abuse"], 20, 80, 0, [],
                                 {}, R.Trainer(24, "pupils"))
        items.append(record.to_json())
    path.write_text(json.dumps({"format": REPORT_FORMAT, "sessions": items}), encoding="utf-8")
    return path


# --- running and interrupting ------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def busy_for(seconds: float) -> Callable[[subprocess.Popen[str]], bool]:
    """Ready once the process has used this much CPU: start-up (imports, parsing the options) is over."""
    return lambda process: cpu_seconds(process.pid) >= seconds


def interrupted(args: list[str], cwd: Path, ready: Callable[[subprocess.Popen[str]], bool]) -> tuple[int, str]:
    """Run `barst ARGS`, send one SIGINT once `ready`, and return (exit code, stderr)."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "BARST_DATA_DIR": str(cwd / "data")}
    with (cwd / "stdout.txt").open("w") as out:  # `run` prints a long transcript: a pipe would fill up
        process = subprocess.Popen([sys.executable, "-m", "barst", *args], cwd=cwd, env=env, stdout=out,
                                   stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + READY_WAIT
            while process.poll() is None and not ready(process):
                assert time.monotonic() < deadline, f"barst {args[0]} never reached its long part"
                time.sleep(0.05)
            assert process.poll() is None, f"barst {args[0]} finished before it could be interrupted: enlarge the input"
            process.send_signal(signal.SIGINT)
            sent = time.monotonic()
            _, err = process.communicate(timeout=STOP_WAIT)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert time.monotonic() - sent < STOP_WAIT
    return process.returncode, err


def assert_stopped_plainly(code: int, err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert len(lines) == 1 and lines[0].startswith("Stopped (Ctrl-C): "), err
    return lines[0]


def leftovers(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".pdfx-"))


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("interrupt")
    big_story(folder / "story", files=30)
    return folder


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.name != "stdout.txt"}


# --- the commands --------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["check", "story"], ["run", "story", "--auto"],
                                  ["translate", "extract", "story", "--lang", "de", "-o", "story-de.po"]],
                         ids=["check", "run", "translate"])
def test_ctrl_c_stops_a_long_command_with_one_sentence_and_writes_nothing(work: Path, args: list[str]) -> None:
    before = _files(work)
    code, err = interrupted(args, work, busy_for(1.5))
    assert assert_stopped_plainly(code, err) == "Stopped (Ctrl-C): nothing was written."
    assert _files(work) == before and leftovers(work) == []


def test_ctrl_c_stops_a_kit_build_without_half_a_pdf(tmp_path: Path) -> None:
    kit = big_kit(tmp_path / "kit.yaml", cards=900)
    code, err = interrupted(["kit", str(kit), "-o", "out.pdf", "--no-progress"], tmp_path, busy_for(2.0))
    assert assert_stopped_plainly(code, err) == "Stopped (Ctrl-C): nothing was written."
    assert not (tmp_path / "out.pdf").exists() and leftovers(tmp_path) == []


def test_ctrl_c_stops_a_report_without_half_a_file(tmp_path: Path) -> None:
    merged = big_report(tmp_path / "all.json", sessions=50_000)
    code, err = interrupted(["report", "--merge", str(merged), "--all", "--format", "pdf", "-o", "report.pdf"],
                            tmp_path, busy_for(1.2))
    assert assert_stopped_plainly(code, err) == "Stopped (Ctrl-C): nothing was written."
    assert not (tmp_path / "report.pdf").exists() and leftovers(tmp_path) == []


def test_ctrl_c_during_shots_keeps_only_whole_pictures_and_says_how_many(work: Path) -> None:
    shots = work / "shots"
    code, err = interrupted(["shots", "story", "-o", "shots"], work, lambda _: len(list(shots.glob("*.png"))) >= 2)
    sentence = assert_stopped_plainly(code, err)
    pictures = sorted(shots.glob("*.png"))
    assert len(pictures) >= 2 and leftovers(work) == []
    assert sentence.startswith(f"Stopped (Ctrl-C): {len(pictures)} files were written, each complete"), sentence
    assert str(Path("shots") / pictures[-1].name) in sentence
    for picture in pictures:  # whole PNGs: the signature at the start and the IEND chunk at the end
        data = picture.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82"), picture


# --- the pieces, in process -------------------------------------------------------------------------


def test_a_second_ctrl_c_during_the_clean_up_is_ignored() -> None:
    from barst.cli import _one_interrupt

    previous = signal.getsignal(signal.SIGINT)
    with _one_interrupt(True):
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)  # the signal arrives at once; this only bounds the wait
        os.kill(os.getpid(), signal.SIGINT)  # a second press while cleaning up: no exception
        time.sleep(0.05)
    assert signal.getsignal(signal.SIGINT) is previous


def test_preview_pages_are_written_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pypdfium2")
    from PIL import Image

    from barst.kit.build import Options, build_kit
    from barst.kit.preview import write_preview

    result = build_kit(big_kit(tmp_path / "kit.yaml", cards=30), Options(output=tmp_path / "kit.pdf"))
    assert result.path is not None
    save = Image.Image.save
    calls = [0]

    def save_then_stop(self: Image.Image, fp: object, *args: object, **kwargs: object) -> None:
        calls[0] += 1
        if calls[0] == 2:  # Ctrl-C halfway through the second page
            Path(str(fp)).write_bytes(b"\x89PNG\r\n\x1a\n half")
            raise KeyboardInterrupt
        save(self, fp, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Image.Image, "save", save_then_stop)
    with pytest.raises(KeyboardInterrupt):
        write_preview(result.path, tmp_path / "preview", result.placed)
    assert sorted(p.name for p in (tmp_path / "preview").iterdir()) == ["page-001.png"]
