"""A scripted phone for the tests: the same messages the page sends, over a real WebSocket on loopback."""

from __future__ import annotations

import json
import secrets
import time
from typing import Any

from websockets.sync.client import ClientConnection, connect


class Phone:
    def __init__(self, port: int, pin: str, lang: str = "nl", token: str | None = None,
                 origin: str | None = None) -> None:
        self.port, self.pin, self.lang = port, pin, lang
        self.token = token or secrets.token_hex(16)
        self.origin = origin
        self.ws: ClientConnection | None = None
        self.welcome: dict[str, Any] = {}
        self.state: dict[str, Any] = {}
        self.steps: list[dict[str, Any]] = []

    def join(self) -> Phone:
        headers = {"Origin": self.origin} if self.origin else None
        self.ws = connect(f"ws://127.0.0.1:{self.port}/ws?pin={self.pin}", additional_headers=headers,
                          open_timeout=5).__enter__()  # kept open across calls; close() ends it
        self.send({"type": "hello", "token": self.token, "lang": self.lang})
        self.welcome = self.next("welcome")
        self.state = self.next("state")
        if self.state.get("mode") == "solo" and self.state.get("phase") == "play":
            self.steps = self.next("play")["steps"]  # a playing phone is sent its screen at once
        return self

    def send(self, message: dict[str, Any] | str | bytes) -> None:
        assert self.ws is not None
        self.ws.send(message if isinstance(message, (str, bytes)) else json.dumps(message))

    def next(self, kind: str, timeout: float = 3.0) -> dict[str, Any]:
        """The next message of this kind (others are skipped), or AssertionError after `timeout`."""
        assert self.ws is not None
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"no {kind} message within {timeout} s"
            message = json.loads(self.ws.recv(timeout=left))
            if message.get("type") == kind:
                if kind == "state":
                    self.state = message
                return message

    def vote(self, choice: int) -> dict[str, Any]:
        self.send({"type": "vote", "question": self.state["question"]["id"], "choice": choice})
        return self.next("state")

    def play(self, **action: Any) -> list[dict[str, Any]]:
        """A move in the phone's own game; the screens it is sent back."""
        self.send({"type": "play", **action})
        self.steps = self.next("play")["steps"]
        return self.steps

    def play_to_end(self, situation: str, pick: Any = lambda step, turn: 1, limit: int = 60) -> dict[str, Any]:
        """Play a situation to its ending; `pick(scene_step, turn)` gives the choice number."""
        steps = self.play(action="start", situation=situation)
        for turn in range(limit):
            ending = next((s for s in steps if s["kind"] == "ending"), None)
            if ending is not None:
                return ending
            scene = steps[-1]
            if scene["kind"] == "scene" and scene["choices"]:
                steps = self.play(action="choose", number=pick(scene, turn))
            elif scene["kind"] == "scene" and scene["can_continue"]:
                steps = self.play(action="continue")
            else:
                raise AssertionError(f"stuck on {[s['kind'] for s in steps]}")
        raise AssertionError("no ending within the limit")

    def close(self) -> None:
        if self.ws is not None:
            self.ws.close()
            self.ws = None


def wait_for(condition: Any, timeout: float = 3.0, step: float = 0.01) -> None:
    """Poll until `condition()` is true (bounded)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(step)


def pumped(app: Any, condition: Any) -> None:
    """Let the projector take the server's tallies until `condition()` holds (bounded), then draw."""
    def ready() -> bool:
        app.pump()
        return bool(condition())

    wait_for(ready)
    app.settle()
