"""Class session under load: 200 simulated phones on loopback join one class and vote in a storm.

Prints `name: value` lines. The laptop side is this process (the headless projector at 1920x1080 with
its server thread, as in `barst class`); the phones are a child process of asyncio WebSocket clients.
Targets (issue 9): 200 phones joined within 2 s, p95 vote-to-tally under 50 ms, projector frame p95 under
16 ms during the storm. Baselines measured in the same run: a phone's plain round trip to the server
(`sync` → state) and the projector's frame time with no votes arriving.

With --solo, every phone plays its own game instead (issue 10): each of 200 phones plays a scripted path
through a situation to its ending. Targets: p95 from a tap to the next screen under 100 ms, the laptop
under 150 MB more for 200 phones. Baseline in the same run: a phone's plain round trip (`sync`).

    python benchmarks/class_session.py [--phones 200] [--solo]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


# --- the phones (child process) ---


async def phones(port: int, pin: str, count: int) -> None:
    from websockets.asyncio.client import connect

    async def join(i: int) -> object:
        ws = await connect(f"ws://127.0.0.1:{port}/ws?pin={pin}", compression=None, open_timeout=20)
        await ws.send(json.dumps({"type": "hello", "token": f"{i:032x}", "lang": ("nl", "fr", "en")[i % 3]}))
        await ws.recv()  # welcome
        state = json.loads(await ws.recv())
        return ws, state

    start = time.monotonic()
    joined = await asyncio.gather(*(join(i) for i in range(count)))
    print(json.dumps({"joined_s": time.monotonic() - start}), flush=True)
    sockets = [ws for ws, _ in joined]  # type: ignore[misc]
    question = joined[0][1]["question"]  # type: ignore[index]
    rtts = []
    for ws in sockets[:50]:
        t0 = time.monotonic()
        await ws.send('{"type": "sync"}')
        await ws.recv()
        rtts.append(time.monotonic() - t0)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)  # "go"
    rng = random.Random(9)
    sends: list[float] = []

    async def vote(ws: object) -> None:
        await asyncio.sleep(rng.random())
        sends.append(time.monotonic())
        await ws.send(json.dumps({"type": "vote", "question": question["id"],  # type: ignore[attr-defined]
                                  "choice": rng.randint(1, len(question["choices"]))}))
        await ws.recv()  # type: ignore[attr-defined]

    await asyncio.gather(*(vote(ws) for ws in sockets))
    print(json.dumps({"sends": sends, "rtt": rtts}), flush=True)
    await asyncio.gather(*(ws.close() for ws in sockets))  # type: ignore[attr-defined]


async def solo_phones(port: int, pin: str, count: int) -> None:
    from websockets.asyncio.client import connect

    situations = ("fight-at-home", "friend-at-home", "grandma", "hallway", "phone-check", "shared-photo")
    taps: list[float] = []
    rtts: list[float] = []

    async def join(i: int) -> object:
        ws = await connect(f"ws://127.0.0.1:{port}/ws?pin={pin}", compression=None, open_timeout=30)
        await ws.send(json.dumps({"type": "hello", "token": f"{i:032x}", "lang": ("nl", "fr", "en")[i % 3]}))
        for _ in range(3):  # welcome, state, the menu
            await ws.recv()
        return ws

    sockets = await asyncio.gather(*(join(i) for i in range(count)))
    await asyncio.sleep(0.5)
    for ws in sockets[:50]:  # the baseline, one phone at a time: a round trip that runs no game
        t0 = time.monotonic()
        await ws.send('{"type": "sync"}')  # type: ignore[attr-defined]
        await ws.recv()  # type: ignore[attr-defined]
        await ws.recv()  # type: ignore[attr-defined]
        rtts.append(time.monotonic() - t0)

    async def phone(i: int, ws: Any) -> int:
        move: dict[str, object] = {"type": "play", "action": "start", "situation": situations[i % len(situations)]}
        await asyncio.sleep(i / count)  # pupils start within a second, not all in the same millisecond
        for turn in range(80):
            t0 = time.monotonic()
            await ws.send(json.dumps(move))
            steps = json.loads(await ws.recv())["steps"]
            taps.append(time.monotonic() - t0)
            last = steps[-1]
            if any(step["kind"] == "ending" for step in steps):
                await ws.close()
                return turn
            if last["kind"] == "scene" and last["choices"]:
                move = {"type": "play", "action": "choose", "number": 1 + (i + turn) % len(last["choices"])}
            else:
                move = {"type": "play", "action": "continue"}
            await asyncio.sleep(0.5)  # a pupil reads before tapping again
        await ws.close()
        return -1

    start = time.monotonic()
    turns = await asyncio.gather(*(phone(i, ws) for i, ws in enumerate(sockets)))
    print(json.dumps({"taps": taps, "rtt": rtts, "seconds": time.monotonic() - start,
                      "finished": sum(1 for t in turns if t >= 0)}), flush=True)


def projector(mode: str) -> Any:
    """The class projector as `barst class` opens it (headless, at 1920x1080, a fresh data folder), past
    its join screen."""
    import tempfile

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    os.environ["BARST_DATA_DIR"] = tempfile.mkdtemp(prefix="barst-bench-")
    from barst.classroom.projector import ClassApp, ClassOptions
    from barst.paths import scenarios_dir
    from barst.play.input import Cmd, Input

    app = ClassApp(scenarios_dir() / "barst", ClassOptions(port=0, address="127.0.0.1", mode=mode), "nl",
                   (1920, 1080), transitions=False)
    app.settle()
    app.feed(Input(Cmd.CONFIRM))
    return app


def server_cpu_meter(app: Any, me: Any) -> Callable[[], float]:
    """The CPU seconds the class server's thread has used so far (the projector's own work is apart)."""
    assert app.server is not None
    server_tid = app.server.thread.native_id
    return lambda: next((t.user_time + t.system_time for t in me.threads() if t.id == server_tid), 0.0)


def solo_laptop(count: int) -> None:
    import psutil
    import pygame

    app = projector("solo")
    app.top.start()  # the plan screen: every situation
    me = psutil.Process()
    rss_before = me.memory_info().rss
    server_cpu = server_cpu_meter(app, me)

    cpu_before = server_cpu()
    child = subprocess.Popen([sys.executable, __file__, "--solo-child", str(app.port), app.pin, str(count)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    peaks = [rss_before]

    def watch() -> None:  # the child's end stops the projector's real loop
        while child.poll() is None:
            peaks.append(me.memory_info().rss)
            time.sleep(0.05)
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    threading.Thread(target=watch, daemon=True).start()
    app.run()  # the projector as in `barst class`: blocks on events, draws only on change
    peak = max(peaks)
    result = json.loads(child.stdout.readline())
    cpu = server_cpu() - cpu_before
    app.close()
    print(f"phones: {count}")
    print(f"phones_finished: {result['finished']}")
    print(f"taps: {len(result['taps'])}")
    print(f"phone_roundtrip_p50_ms: {1000 * statistics.median(result['rtt']):.2f}")
    print(f"tap_to_screen_p50_ms: {1000 * percentile(result['taps'], 0.5):.2f}")
    print(f"tap_to_screen_p95_ms: {1000 * percentile(result['taps'], 0.95):.2f}")
    print(f"server_cpu_s: {cpu:.3f}")
    print(f"play_seconds: {result['seconds']:.2f}")
    print(f"memory_for_phones_mb: {(peak - rss_before) / 2**20:.1f}")


# --- the laptop (this process) ---


def laptop(count: int) -> None:
    import psutil
    import pygame

    from barst.play.input import Cmd, Input
    from barst.play.screens.menu import MenuScreen

    app = projector("vote")
    while not isinstance(app.top, MenuScreen):
        app.feed(Input(Cmd.CONFIRM))
    app.start_situation(app.pack.situations[0].id)
    app.settle()

    def frame() -> float:
        t0 = time.perf_counter()
        app.render()
        pygame.display.flip()
        return time.perf_counter() - t0

    quiet = [frame() for _ in range(60)]
    me = psutil.Process()
    rss_before = me.memory_info().rss
    server_cpu = server_cpu_meter(app, me)

    cpu_before = server_cpu()
    child = subprocess.Popen([sys.executable, __file__, "--child", str(app.port), app.pin, str(count)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdin is not None and child.stdout is not None
    joined = json.loads(child.stdout.readline())
    deadline = time.monotonic() + 10
    while (app.tally is None or app.tally.connected < count) and time.monotonic() < deadline:
        app.pump()
        time.sleep(0.005)
    rss_joined = me.memory_info().rss
    seen: dict[int, float] = {}  # voters -> when the projector first had that many
    storm: list[float] = []
    child.stdin.write("go\n")
    child.stdin.flush()
    deadline = time.monotonic() + 15
    while len(seen) < count and time.monotonic() < deadline:
        before = app.tally
        app.pump()
        tally = app.tally
        if tally is not None and tally is not before:
            now = time.monotonic()
            for voters in range(1, tally.voters + 1):
                seen.setdefault(voters, now)
            storm.append(frame())
        else:
            time.sleep(0.0005)
    result = json.loads(child.stdout.readline())
    child.wait(10)
    cpu = server_cpu() - cpu_before
    sends = sorted(result["sends"])
    latencies = [seen[k + 1] - sent for k, sent in enumerate(sends) if k + 1 in seen]
    app.close()
    print(f"phones: {count}")
    print(f"join_all_s: {joined['joined_s']:.3f}")
    print(f"phone_roundtrip_p50_ms: {1000 * statistics.median(result['rtt']):.2f}")
    print(f"vote_to_tally_p50_ms: {1000 * percentile(latencies, 0.5):.2f}")
    print(f"vote_to_tally_p95_ms: {1000 * percentile(latencies, 0.95):.2f}")
    print(f"votes_seen: {len(latencies)}")
    print(f"server_cpu_s: {cpu:.3f}")
    print(f"memory_for_phones_mb: {(rss_joined - rss_before) / 2**20:.1f}")
    print(f"frame_quiet_p95_ms: {1000 * percentile(quiet, 0.95):.2f}")
    print(f"frame_storm_p95_ms: {1000 * percentile(storm, 0.95):.2f}")
    print(f"frames_during_storm: {len(storm)}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("--child", "--solo-child"):
        run = phones if sys.argv[1] == "--child" else solo_phones
        asyncio.run(run(int(sys.argv[2]), sys.argv[3], int(sys.argv[4])))
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--solo", action="store_true", help="every phone plays its own game")
    args = parser.parse_args()
    (solo_laptop if args.solo else laptop)(args.phones)


if __name__ == "__main__":
    main()
