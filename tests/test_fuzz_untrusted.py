"""Issue 18: kit files and state files from anyone, mutated (property-based, with hypothesis), the way
tests/test_fuzz.py mutates packs. Only diagnostics or calm sentences come out: never a traceback, never a
hang (a signal-based timer bounds every call), never a read outside the kit's folder and the shipped
assets, never lost progress (an unusable state file survives byte for byte, kept aside)."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile import INVISIBLE, png_claiming, real_png, svg_with_image
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import PACKS
from test_fuzz import apply

from barst import paths, safefile
from barst.kit.build import Options, build_kit
from barst.kit.check import check_kit_file
from barst.loader import load_pack

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="signal-based timeouts (POSIX)")

HANG_SECONDS = 2.0  # the bound for a check or a state file read
BUILD_SECONDS = 20.0  # a whole PDF build (fonts, pictures, QR codes) on a busy two-core machine


class Hang(Exception):
    pass


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    def interrupt(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def reads_recorded() -> Iterator[list[Path]]:
    """Every file barst reads through its one bounded reader (content, pictures, state files)."""
    seen: list[Path] = []
    real = safefile.read_bounded

    def recording(path: Path, limit: int) -> bytes:
        seen.append(Path(path))
        return real(path, limit)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(safefile, "read_bounded", recording)
        for module in ("barst.yamlload", "barst.kit.load", "barst.check.common_rules", "barst.statefile"):
            patch.setattr(f"{module}.read_bounded", recording)
        yield seen


# --- kit files ------------------------------------------------------------------------------------

KIT = """\
id: c
title: {nl: Kaarten, fr: Cartes}
audience: adults
languages: [nl, fr]
back_offset: '0,0'
decks:
  - id: d
    title: {nl: Gevoelens, fr: Sentiments}
    size: poker
    icon: star
    back: {picture: icons/star.svg}
    cards:
      - {id: a, word: {nl: blij, fr: content}, link: 'https://www.awel.be'}
      - {id: b, word: {nl: verdrietig, fr: triste}, picture: mine.png}
      - {id: c, text: {nl: Een tekst., fr: Un texte.}, picture: pictures/emotions/happy.svg}
"""
SECRET = b"SECRET-BYTES-OUTSIDE-THE-KIT"
HOSTILE_VALUES = [
    "/etc/passwd", "../secret.png", "../../secret.png", "link.png", "bomb.png", "cut.png", "outside.svg",
    "mine.png\x00.svg", "pictures/../../secret.png", "https:javascript:alert(1)", "tel:call me now", "tel:",
    "nan,nan", "1e308,1e308", "-0,-0", "x" * 3000, "https://www.awel.be/" + "a" * 500, "9" * 5000, "~", "",
    *INVISIBLE, "'", '"', "{", "[", ": ", "- ", "&a", "*a", "!!binary", "\ufeff",
]
FIELDS = ["picture: mine.png", "picture: pictures/emotions/happy.svg", "picture: icons/star.svg",
          "link: 'https://www.awel.be'", "back_offset: '0,0'", "word: {nl: blij", "size: poker", "icon: star",
          "copies", "audience: adults"]


@st.composite
def kit_mutation(draw: st.DrawFn) -> tuple[list[tuple[str, str]], list[tuple[str, int, int, str]], bool]:
    replace = draw(st.lists(st.tuples(st.sampled_from(FIELDS), st.sampled_from(HOSTILE_VALUES)), max_size=3))
    edits = draw(st.lists(st.tuples(st.sampled_from(["insert", "delete", "duplicate", "swap"]),
                                    st.integers(0, 10_000), st.integers(0, 40), st.sampled_from(HOSTILE_VALUES)),
                          max_size=2))
    return replace, edits, draw(st.integers(0, 4)) == 0


def _kit_folder(root: Path) -> Path:
    """A kit in its own folder, with hostile neighbours: a secret outside, a link to it, a picture bomb,
    a cut-off picture and an SVG naming the secret."""
    (root / "secret.png").write_bytes(real_png() + SECRET)
    folder = root / "kit"
    folder.mkdir()
    (folder / "mine.png").write_bytes(real_png(16))
    (folder / "bomb.png").write_bytes(png_claiming(40_000, 40_000))
    (folder / "cut.png").write_bytes(real_png(32)[:50])
    (folder / "outside.svg").write_text(svg_with_image(str(root / "secret.png")), encoding="utf-8")
    if os.name == "posix":
        (folder / "link.png").symlink_to(root / "secret.png")
    return folder


def _allowed(path: Path, roots: list[Path]) -> bool:
    real = path.resolve()
    return any(real.is_relative_to(root.resolve()) for root in roots)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kit_mutation())
def test_mutated_kits_give_only_diagnostics_and_read_nothing_outside(
        case: tuple[list[tuple[str, str]], list[tuple[str, int, int, str]], bool]) -> None:
    replacements, edits, also_build = case
    with tempfile.TemporaryDirectory() as tmp:
        folder = _kit_folder(Path(tmp))
        text = KIT
        for field, value in replacements:
            key = field.split(":", 1)[0]
            text = text.replace(field, f"{key}: {json.dumps(value)}" if ":" in field else f"{key}: {value}", 1)
        path = folder / "kit.yaml"
        path.write_text(apply(text, edits), encoding="utf-8", errors="surrogatepass")
        roots = [folder, paths.assets_dir(), paths.scenarios_dir()]
        with reads_recorded() as seen, within(HANG_SECONDS):
            report = check_kit_file(path)
        assert all(_allowed(p, roots) for p in seen), [p for p in seen if not _allowed(p, roots)]
        for diagnostic in report.items:
            assert diagnostic.code[0] in "KB" and diagnostic.message
        if report.has_errors() or not also_build:
            return
        out = Path(tmp) / "out.pdf"
        with reads_recorded() as seen, within(BUILD_SECONDS):
            result = build_kit(path, Options(output=out))
        assert not result.report.has_errors(), [d.format() for d in result.report.sorted()]  # check == build
        assert all(_allowed(p, roots) for p in seen)
        assert SECRET not in out.read_bytes()


# --- state files ----------------------------------------------------------------------------------

JUNK = [None, "", "x", -1, 0, 10**30, 1.5, True, [], {}, [1, "a"], {"x": 1}, "\u202e\x00", "nan"]


@st.composite
def json_mutation(draw: st.DrawFn) -> list[tuple[str, int, Any]]:
    """Edits addressed by a walk into the JSON: ("set"|"drop"|"add", which child, junk)."""
    return draw(st.lists(st.tuples(st.sampled_from(["set", "drop", "add", "descend"]), st.integers(0, 50),
                                   st.sampled_from(JUNK)), min_size=1, max_size=6))


def mutate(data: Any, steps: list[tuple[str, int, Any]]) -> Any:
    node = data
    for kind, which, shared in steps:
        junk = copy.deepcopy(shared)  # a fresh value each time: a list put in twice would become a cycle
        if isinstance(node, dict) and node:
            key = sorted(node)[which % len(node)]
            if kind == "descend" and isinstance(node[key], dict | list):
                node = node[key]
            elif kind == "drop":
                del node[key]
            elif kind == "add":
                node[f"unknown{which}"] = junk
            else:
                node[key] = junk
        elif isinstance(node, list) and node:
            index = which % len(node)
            if kind == "descend" and isinstance(node[index], dict | list):
                node = node[index]
            elif kind == "drop":
                del node[index]
            else:
                node[index] = junk
    return data


@st.composite
def state_bytes(draw: st.DrawFn, original: bytes) -> bytes:
    """A state file as a crash, a hand edit or another version might leave it."""
    how = draw(st.sampled_from(["json", "json", "truncate", "bytes"]))
    if how == "json":
        return json.dumps(mutate(json.loads(original), draw(json_mutation()))).encode()
    if how == "truncate":
        return original[:draw(st.integers(0, max(0, len(original) - 1)))]
    text = original.decode()
    edits = draw(st.lists(st.tuples(st.sampled_from(["insert", "delete", "duplicate"]), st.integers(0, 10_000),
                                    st.integers(0, 20), st.sampled_from(["\x00", "{", "]", '"', "\\", "NaN", "\ufeff",
                                                                         "1e999", ",", "9" * 5000])),
                          min_size=1, max_size=3))
    return apply(text, edits).encode("utf-8", "surrogatepass")


def _kept(folder: Path, stem: str) -> list[bytes]:
    return [p.read_bytes() for p in folder.glob(f"{stem}.unreadable-*")]


PROGRESS = {"mini-story": {"endings": {"party": ["alone"]}, "unlocks": {"party": []}, "best": {"party": 40},
                           "plays": {"party": 2}},
            "other-pack": {"endings": {"x": ["y"]}, "unlocks": {}, "best": {"x": 90}, "plays": {"x": 1}}}


@settings(max_examples=120, deadline=None)
@given(state_bytes(json.dumps(PROGRESS).encode()))
def test_a_mutated_progress_file_never_loses_progress(content: bytes) -> None:
    from barst.engine.story import Progress
    from barst.play.progress import FILE, ProgressStore

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / FILE).write_bytes(content)
        store = ProgressStore(folder)
        with within(HANG_SECONDS):
            loaded = store.load("mini-story")
            store.save("mini-story", Progress(plays={"party": loaded.plays.get("party", 0) + 1}))
        assert isinstance(loaded.plays, dict)
        survived = json.loads((folder / FILE).read_text(encoding="utf-8"))
        try:
            before = json.loads(content)
        except ValueError:
            before = None
        others = before if isinstance(before, dict) else {}
        for pack, entry in others.items():
            if pack != "mini-story" and survived.get(pack) != entry:
                assert content in _kept(folder, "progress"), f"{pack} lost"
        if not isinstance(before, dict):
            assert content in _kept(folder, "progress")


BOARD = load_pack(PACKS / "mini-board").pack


def _valid_board_save() -> bytes:
    from barst.engine import board as B
    from barst.play.board import autosave

    assert BOARD is not None
    engine = B.BoardEngine(BOARD)
    state = engine.new_state(7)
    for name in ("Rood", "Blauw"):
        state, _ = engine.step(state, B.AddTeam(name))
    state, _ = engine.step(state, B.StartGame())
    state, _ = engine.step(state, B.Roll(2))
    return json.dumps(autosave.Saved(state, "nl", 30.0, 1.0).to_json()).encode()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(state_bytes(_valid_board_save()))
def test_a_mutated_board_save_resumes_what_it_can_or_is_kept_aside(content: bytes) -> None:

    from barst.play.board.app import BoardApp
    from barst.play.board.session import BoardSession

    assert BOARD is not None
    from barst.play.settings import Settings

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    with tempfile.TemporaryDirectory() as tmp:
        save = Path(tmp) / "board" / "mini-board.json"
        save.parent.mkdir()
        save.write_bytes(content)
        with within(HANG_SECONDS):
            session = BoardSession(BOARD, "nl", save_file=save, seed=1)
            app = BoardApp(session=session, options=Settings(), transitions=False)
            app.render()
            if session.screen == "resume":
                session.command("resume")
                app.after_input()
                app.render()
                session.command("roll")
                app.clock = lambda: 1e6
                app.step_time()
                app.render()
            assert app.top.name != "error"  # a save that names what no longer exists never breaks the game
        untouched = save.exists() and save.read_bytes() == content
        assert untouched or content in _kept(save.parent, "mini-board") or session.screen != "setup", \
            "the save was neither resumed, nor left alone, nor kept aside"
        if session.notice:
            assert "mini-board.unreadable-" in session.notice


def test_the_fuzzed_kit_base_is_clean(tmp_path: Path) -> None:
    """The mutations start from a kit that checks clean, so a finding comes from the mutation."""
    folder = _kit_folder(tmp_path)
    (folder / "kit.yaml").write_text(KIT, encoding="utf-8")
    assert [d.format() for d in check_kit_file(folder / "kit.yaml").items] == []
    shutil.rmtree(folder)
