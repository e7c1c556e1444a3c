"""Reliability: the game is saved atomically after every step; kill -9 at random moments loses at most the
step in progress, and the resumed game ends exactly like an uninterrupted one from the same seed."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from driver import ROOT, play

from barst.engine import board as B
from barst.loader import load_pack
from barst.play.board import autosave

PACK = ROOT / "scenarios" / "achter-de-voordeur"
DRIVER = Path(__file__).with_name("driver.py")


def test_save_is_atomic_and_round_trips(tmp_path: Path) -> None:
    pack = load_pack(PACK).pack
    assert pack is not None
    engine = B.BoardEngine(pack)
    state, _ = engine.step(engine.new_state(3), B.AddTeam("A"))
    path = tmp_path / "board" / "game.json"
    autosave.save(autosave.Saved(state, "fr", 12.5), path)
    loaded = autosave.load(path)
    assert loaded is not None and loaded.state == state and loaded.lang == "fr" and loaded.elapsed == 12.5
    assert [p.name for p in path.parent.iterdir()] == ["game.json"]  # no temp files left behind


def test_a_damaged_or_foreign_save_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "game.json"
    path.write_text("{not json", encoding="utf-8")
    assert autosave.load(path) is None
    path.write_text(json.dumps({"format": 999}), encoding="utf-8")
    assert autosave.load(path) is None
    assert autosave.load(tmp_path / "missing.json") is None


def test_the_data_folder_follows_the_environment(data_dir: Path) -> None:
    assert autosave.save_path("achter-de-voordeur") == data_dir / "board" / "achter-de-voordeur.json"


def test_kill_minus_nine_in_a_loop_then_resume_gives_the_same_game(tmp_path: Path) -> None:
    seed = 20261123
    reference = play(PACK, seed, tmp_path / "reference.json")
    assert reference.phase == "over"
    # every state of the uninterrupted game, to check that each resume point is one of them
    loaded = load_pack(PACK).pack
    assert loaded is not None
    engine = B.BoardEngine(loaded)
    from driver import next_action

    states = []
    state = engine.new_state(seed)
    while state.phase != "over":
        state, _ = engine.step(state, next_action(engine, state))
        states.append(json.dumps(state.snapshot(), sort_keys=True))
    known = set(states)

    save = tmp_path / "killed.json"
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, str(DRIVER), str(PACK), str(seed), str(save), "--slow", "0.01"]
    kills = 0
    resumed_from: list[int] = []
    for _ in range(8):  # kill -9 eight times: after a few saves, at a random moment of the next step
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        assert proc.stdout is not None
        wanted = rng.randint(2, 7)  # 8 runs of at most 8 steps stay well inside the 86-step game
        saves = sum(1 for _, line in zip(range(wanted), proc.stdout, strict=False) if line.startswith("saved"))
        time.sleep(rng.uniform(0.0, 0.012))  # the step takes about 10 ms: anywhere in it, mid-write included
        if saves < wanted or proc.poll() is not None:
            proc.communicate()
            break
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        kills += 1
        saved = autosave.load(save)
        assert saved is not None  # the file is always whole: the state before or after a step, never half
        snapshot = json.dumps(saved.state.snapshot(), sort_keys=True)
        assert snapshot in known
        resumed_from.append(states.index(snapshot))
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=True)
    final = done.stdout.strip().splitlines()[-1]
    assert kills >= 3, "the game ended before it could be killed a few times"
    assert resumed_from == sorted(resumed_from) and len(set(resumed_from)) > 1  # each run went on from the last
    assert json.loads(final) == reference.snapshot()
