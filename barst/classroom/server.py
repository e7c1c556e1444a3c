"""The phone server: HTTP for the page and WebSockets for the session, in a background thread.

Built on `websockets` (asyncio): one small pure-Python library with C speed-ups and no dependencies, that
parses HTTP and WebSocket frames for us, bounds message sizes and queues, and serves the few plain GET
requests a phone page needs through `process_request` — aiohttp would add a web framework and six
packages for the same job. The server only carries: every rule lives in `session.ClassSession`, which
this thread alone touches. The projector talks to it through `send`/`call` (run in the server's loop)
and reads `updates`, a queue of tallies; `notify` wakes the projector's event loop.

Nothing about a phone is logged or written: the library's logger is silenced, and addresses seen for the
wrong-PIN limit live in memory for a minute.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import Server, ServerConnection, broadcast, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from barst.classroom.session import ClassSession, Hello, Outgoing, Tally, parse

Command = Callable[[ClassSession], list[Outgoing]]
T = TypeVar("T")

PORT_TRIES = 10  # the next free port when the default one is taken
HELLO_SECONDS = 5.0
MAX_CONNECTIONS = 600
WRONG_PIN_LIMIT = 20  # per address per minute, then refused for the rest of that minute
RATE_PER_SECOND, RATE_BURST = 10.0, 30.0  # messages per connection; a tapping pupil sends ~2
STRIKES_BEFORE_CLOSE = 500  # messages over the rate before the connection is closed
HTML, JS, CSS = "text/html; charset=utf-8", "text/javascript; charset=utf-8", "text/css; charset=utf-8"
PAGE_FILES = {"/": ("index.html", HTML), "/index.html": ("index.html", HTML), "/app.js": ("app.js", JS),
              "/app.css": ("app.css", CSS)}
PICTURE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                 ".webp": "image/webp"}
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' ws:; "
               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
PICTURE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"  # an SVG opened alone runs nothing


STOPPED = "stopped"  # put on `updates` when the server's thread ends by a fault


class ClassServerError(Exception):
    """The server could not start: `key` names the sentence for the trainer (class-*.yaml), with `values`."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def quiet_logger() -> logging.Logger:
    logger = logging.getLogger("barst.classroom")
    # The library logs requests and, on errors, peers' addresses: none of it may reach a file or a screen.
    logger.propagate = False
    logger.disabled = True
    logger.setLevel(logging.CRITICAL + 1)
    return logger


@dataclass(slots=True)
class Bucket:
    """A token bucket: `take` is False while a connection sends faster than the rate."""

    tokens: float = RATE_BURST
    at: float = 0.0

    def take(self, now: float) -> bool:
        self.tokens = min(RATE_BURST, self.tokens + (now - self.at) * RATE_PER_SECOND)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


class ClassServer:
    def __init__(self, session: ClassSession, host: str, port: int, pictures: dict[str, Path] | None = None,
                 notify: Callable[[], None] | None = None, hosts: Iterable[str] = ()) -> None:
        self.session = session
        self.host, self.port = host, port
        self.pictures = dict(pictures or {})
        self.notify = notify or (lambda: None)
        self.allowed_hosts = {"127.0.0.1", "localhost", "::1", *hosts}
        self.updates: queue.SimpleQueue[Tally | str] = queue.SimpleQueue()  # STOPPED: the thread ended
        self.sockets: dict[str, set[ServerConnection]] = {}
        self.wrong_pins: dict[str, int] = {}
        self.wrong_pins_since = time.monotonic()
        self.connections = 0
        self.page = {path: _page_file(name) for path, (name, _) in PAGE_FILES.items()}
        self.loop: asyncio.AbstractEventLoop | None = None
        self.stopping: asyncio.Future[None] | None = None
        self.error: str | None = None
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, name="barst-class-server", daemon=True)
        self.last_tally: Tally | None = None

    # --- the projector's side (any thread) ---

    def start(self) -> None:
        self.thread.start()
        if not self.ready.wait(10):
            raise ClassServerError("class_lost")
        if self.error:
            raise ClassServerError("class_no_port", port=self.port)

    def stop(self) -> None:
        loop, stopping = self.loop, self.stopping
        if loop is not None and stopping is not None and not loop.is_closed():
            loop.call_soon_threadsafe(_finish, stopping)
        self.thread.join(5)

    @property
    def running(self) -> bool:
        return self.thread.is_alive() and self.error is None

    def send(self, command: Command) -> None:
        """Run a command on the session in the server's thread, without waiting."""
        if self.loop is not None and self.running:
            self.loop.call_soon_threadsafe(self._apply, command)

    def call(self, command: Command, timeout: float = 2.0) -> Tally:
        """Run a command and wait for the tally it leaves (closing a vote needs the final count)."""
        if self.loop is None or not self.running:
            raise ClassServerError("class_lost")

        async def run() -> Tally:
            self._apply(command)
            return self.session.tally()

        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout)

    def ask(self, question: Callable[[ClassSession], T], timeout: float = 2.0) -> T:
        """Read something off the session in the server's thread (the debrief's figures, the autosave)."""
        if self.loop is None or not self.running:
            raise ClassServerError("class_lost")

        async def run() -> T:
            return question(self.session)

        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout)

    def new_class(self, pin: str, session_id: str) -> None:
        """Forget every phone, change the PIN, and close their connections (their pages say so)."""
        if self.loop is None or not self.running:
            return

        async def run() -> None:
            self.session.clear(pin, session_id)
            sockets = [ws for group in self.sockets.values() for ws in group]
            self.sockets = {}
            await asyncio.gather(*(ws.close(4000, "new class") for ws in sockets), return_exceptions=True)
            self._deliver([])

        asyncio.run_coroutine_threadsafe(run(), self.loop)

    # --- the server's thread ---

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except Exception:  # the lesson goes on without phones; the projector says so
            self.error = STOPPED
            self.ready.set()
            self.updates.put(STOPPED)
            self.notify()

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.stopping = self.loop.create_future()
        server = await self._bind()
        if server is None:
            self.ready.set()
            return
        self.port = server.sockets[0].getsockname()[1]
        self.ready.set()
        async with server:
            await self.stopping

    async def _bind(self) -> Server | None:
        last: OSError | None = None
        for port in range(self.port, self.port + PORT_TRIES) if self.port else [0]:
            try:
                return await serve(self._connection, self.host, port, process_request=self._request,
                                   max_size=64 * 1024, max_queue=8, compression=None, ping_interval=20,
                                   ping_timeout=20, open_timeout=10, close_timeout=1, logger=quiet_logger(),
                                   server_header=None)
            except OSError as exc:
                last = exc
        self.error = f"no free port from {self.port} ({last.strerror if last else '?'})"
        return None

    def _apply(self, command: Command) -> None:
        self._deliver(command(self.session))

    def _deliver(self, outgoing: list[Outgoing]) -> None:
        tally = self.session.tally()  # the projector first: a phone's answer never runs ahead of the tally
        if tally != self.last_tally:
            self.last_tally = tally
            self.updates.put(tally)
            self.notify()
        for item in outgoing:
            sockets = self.sockets.get(item.token)
            if sockets:
                broadcast(sockets, json.dumps(item.message, ensure_ascii=False))  # never waits on a slow phone

    async def _connection(self, ws: ServerConnection) -> None:
        self.connections += 1
        token: str | None = None
        try:
            hello = parse(await asyncio.wait_for(ws.recv(), HELLO_SECONDS))
            if not isinstance(hello, Hello):
                await ws.close(1008, "hello first")
                return
            welcome = self.session.join(hello)
            if welcome is None:
                await ws.close(1013, "room full")
                return
            token = hello.token
            self.sockets.setdefault(token, set()).add(ws)
            self._deliver(welcome)
            await self._listen(ws, token)
        except (ConnectionClosed, TimeoutError):
            pass
        finally:
            self.connections -= 1
            if token is not None:
                self.sockets.get(token, set()).discard(ws)
                if not self.sockets.get(token):
                    self.sockets.pop(token, None)
                self.session.leave(token)
                self._deliver([])

    async def _listen(self, ws: ServerConnection, token: str) -> None:
        bucket, strikes = Bucket(at=time.monotonic()), 0
        async for raw in ws:
            if token not in self.session.phones:  # forgotten by "new class"
                await ws.close(4000, "new class")
                return
            if not bucket.take(time.monotonic()):
                strikes += 1
                if strikes > STRIKES_BEFORE_CLOSE:
                    await ws.close(1008, "too fast")
                    return
                continue
            message = parse(raw)
            if message is not None and not isinstance(message, Hello):
                self._deliver(self.session.receive(token, message))

    # --- HTTP: the page, the pictures, and the WebSocket door ---

    def _request(self, conn: ServerConnection, request: Request) -> Response | None:
        url = urlsplit(request.path)
        if url.path == "/ws":
            return self._door(conn, request, parse_qs(url.query))
        if url.path == "/check":  # the page asks whether a refused connection was the PIN
            refused = self._door(conn, request, parse_qs(url.query))
            return refused or _response(HTTPStatus.NO_CONTENT, b"", "text/plain; charset=utf-8")
        if url.path in self.page:
            body, kind = self.page[url.path]
            return _response(HTTPStatus.OK, body, kind, {"Content-Security-Policy": PAGE_POLICY,
                                                         "Cache-Control": "no-store"})
        if url.path.startswith("/img/"):
            picture = self._picture(url.path[5:])
            if picture is not None:
                return _response(HTTPStatus.OK, picture[0], picture[1], {"Content-Security-Policy": PICTURE_POLICY,
                                                                         "Cache-Control": "max-age=3600"})
        return _response(HTTPStatus.NOT_FOUND, b"Not found\n", "text/plain; charset=utf-8")

    def _picture(self, picture_id: str) -> tuple[bytes, str] | None:
        """One of the pack's own pictures, by the id the projector gave it; nothing else on disk."""
        path = self.pictures.get(picture_id)
        kind = PICTURE_TYPES.get(path.suffix.lower()) if path else None
        if path is None or kind is None:
            return None
        try:
            return path.read_bytes(), kind
        except OSError:
            return None

    def _door(self, conn: ServerConnection, request: Request, query: dict[str, list[str]]) -> Response | None:
        if self.connections >= MAX_CONNECTIONS:
            return _response(HTTPStatus.SERVICE_UNAVAILABLE, b"Full\n", "text/plain; charset=utf-8")
        if not self._origin_ok(request.headers):
            return _response(HTTPStatus.FORBIDDEN, b"Wrong origin\n", "text/plain; charset=utf-8")
        peer = _peer(conn)
        self._forget_old_pins()
        if self.wrong_pins.get(peer, 0) >= WRONG_PIN_LIMIT:
            return _response(HTTPStatus.TOO_MANY_REQUESTS, b"Wait a minute\n", "text/plain; charset=utf-8")
        pin = (query.get("pin") or [""])[0]
        if not hmac.compare_digest(pin.encode()[:16], self.session.pin.encode()):
            if len(self.wrong_pins) > 10_000:
                self.wrong_pins.clear()
            self.wrong_pins[peer] = self.wrong_pins.get(peer, 0) + 1
            return _response(HTTPStatus.FORBIDDEN, b"Wrong PIN\n", "text/plain; charset=utf-8")
        return None  # go on with the WebSocket handshake

    def _origin_ok(self, headers: Headers) -> bool:
        """A page from elsewhere may not drive a phone's connection: the Origin must be this server, named
        by one of this laptop's own addresses (so a look-alike DNS name pointing here is refused too)."""
        origin = headers.get("Origin")
        if origin is None:
            return True  # not a browser; the PIN still applies
        host = headers.get("Host", "")
        split = urlsplit(origin)
        if split.scheme != "http" or split.netloc != host:
            return False
        name = (split.hostname or "").strip("[]")
        return name in self.allowed_hosts or _is_loopback(name)

    def _forget_old_pins(self) -> None:
        now = time.monotonic()
        if now - self.wrong_pins_since > 60:
            self.wrong_pins, self.wrong_pins_since = {}, now


def _finish(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


def _page_file(name: str) -> tuple[bytes, str]:
    kind = next(kind for file, kind in PAGE_FILES.values() if file == name)
    return (resources.files("barst.classroom").joinpath("page", name).read_bytes(), kind)


def _response(status: HTTPStatus, body: bytes, kind: str, extra: dict[str, str] | None = None) -> Response:
    headers = Headers([("Content-Type", kind), ("Content-Length", str(len(body))), ("Connection", "close"),
                       ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer")])
    for key, value in (extra or {}).items():
        headers[key] = value
    return Response(status.value, status.phrase, headers, body)


def _peer(conn: ServerConnection) -> str:
    address: Any = conn.remote_address
    return str(address[0]) if isinstance(address, tuple) and address else "?"


def _is_loopback(name: str) -> bool:
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
