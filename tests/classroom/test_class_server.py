"""The phone server on a loopback address: the page, the door (PIN, Origin), and a room of teenagers
(floods, oversized and malformed messages, a thousand reconnects) that never bends the tally."""

from __future__ import annotations

import http.client
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from phones import Phone, wait_for
from websockets.exceptions import ConnectionClosed, InvalidStatus

from barst.classroom.server import WRONG_PIN_LIMIT, ClassServer
from barst.classroom.session import Choice, ClassSession, Question

QUESTION = Question(1, {"nl": "Situatie"}, (Choice(1, {"nl": "een"}), Choice(2, {"nl": "twee"}),
                                            Choice(3, {"nl": "drie"})))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ClassServer]:
    picture = tmp_path / "scene.svg"
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for phones", encoding="utf-8")
    session = ClassSession("4321", ["nl", "fr"], {"nl": {}, "fr": {}}, {}, {"nl": "Titel"})
    running = ClassServer(session, "127.0.0.1", 0, pictures={"p1": picture})
    running.start()
    yield running
    running.stop()


def get(server: ClassServer, path: str) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    conn.request("GET", path)
    return conn.getresponse()


def test_the_page_is_served_with_a_strict_policy(server: ClassServer) -> None:
    page = get(server, "/")
    body = page.read().decode()
    assert page.status == 200 and "app.js" in body
    assert "script-src 'self'" in (page.getheader("Content-Security-Policy") or "")
    assert page.getheader("Cache-Control") == "no-store"
    script = get(server, "/app.js")
    assert script.status == 200 and "WebSocket" in script.read().decode()


def test_only_the_pack_pictures_by_id_leave_the_laptop(server: ClassServer) -> None:
    picture = get(server, "/img/p1")
    assert picture.status == 200 and picture.getheader("Content-Type") == "image/svg+xml"
    assert "sandbox" in (picture.getheader("Content-Security-Policy") or "")
    for path in ["/img/secret.txt", "/img/../secret.txt", "/img/%2e%2e/secret.txt", "/secret.txt", "/etc/passwd",
                 "/img/", "/page/index.html", "/../README.md"]:
        response = get(server, path)
        assert response.status == 404, path
        assert b"not for phones" not in response.read()


def test_a_wrong_pin_or_a_foreign_page_is_turned_away(server: ClassServer) -> None:
    with pytest.raises(InvalidStatus) as wrong:
        Phone(server.port, "0000").join()
    assert wrong.value.response.status_code == 403
    with pytest.raises(InvalidStatus):
        Phone(server.port, "4321", origin="http://evil.example").join()
    # a page on a look-alike name that points at this laptop: Origin and Host agree, but the name is not ours
    with pytest.raises(InvalidStatus):
        Phone(server.port, "4321", origin=f"http://evil.example:{server.port}").join()
    phone = Phone(server.port, "4321", origin=f"http://127.0.0.1:{server.port}").join()
    assert phone.welcome["type"] == "welcome"
    phone.close()


def test_guessing_pins_is_stopped_for_a_minute(server: ClassServer) -> None:
    for _ in range(WRONG_PIN_LIMIT):
        with pytest.raises(InvalidStatus):
            Phone(server.port, "1111").join()
    with pytest.raises(InvalidStatus) as stopped:
        Phone(server.port, "4321").join()  # even the right PIN waits: a script cannot try all 10,000
    assert stopped.value.response.status_code == 429


def test_a_flood_of_garbage_leaves_the_tally_exact(server: ClassServer) -> None:
    honest = [Phone(server.port, "4321").join() for _ in range(3)]
    server.call(lambda s: s.open_vote(QUESTION))
    for phone in honest:
        phone.next("state")
    noisy = Phone(server.port, "4321").join()
    garbage: list[str | bytes] = ["", "{", "null", "[]", '{"type": "vote"}', '{"type": "vote", "question": 1}',
                                  '{"type": "vote", "question": 1, "choice": 99}', '{"type": "hello", "token": "x"}',
                                  '{"type": "open_vote"}', '{"type": "close"}', "\x00" * 50, b"\xff\xfe",
                                  json.dumps({"type": "vote", "question": 1, "choice": 1, "pad": "x" * 5000})]
    for i in range(600):
        try:
            noisy.send(garbage[i % len(garbage)])
        except ConnectionClosed:  # a phone sending this fast is let go (the page reconnects, a script not)
            assert i > 30
            break
    for phone, choice in zip(honest, (1, 2, 2), strict=True):
        assert phone.vote(choice)["vote"] == choice
    wait_for(lambda: server.session.tally().voters == 3)
    assert server.call(lambda s: []).counts == {1: 1, 2: 2, 3: 0}
    huge = Phone(server.port, "4321").join()
    huge.send("x" * 200_000)  # past the frame limit: that connection is closed, nothing else changes
    with pytest.raises(ConnectionClosed):
        huge.next("state")
    assert honest[0].vote(3)["vote"] == 3
    assert server.call(lambda s: []).counts == {1: 0, 2: 2, 3: 1}


def test_a_thousand_reconnects_keep_one_phone_and_its_vote(server: ClassServer) -> None:
    server.call(lambda s: s.open_vote(QUESTION))
    token = "ab" * 16
    first = Phone(server.port, "4321", token=token).join()
    first.vote(2)
    first.close()
    for _ in range(1000):
        again = Phone(server.port, "4321", token=token).join()
        assert again.state["vote"] == 2
        again.close()
    wait_for(lambda: server.session.tally().connected == 0)
    tally = server.call(lambda s: [])
    assert (tally.joined, tally.voters, tally.counts[2]) == (1, 1, 1)


def test_a_silent_connection_is_closed_and_a_new_class_lets_every_phone_go(server: ClassServer) -> None:
    from websockets.sync.client import connect

    with connect(f"ws://127.0.0.1:{server.port}/ws?pin=4321") as silent, pytest.raises(ConnectionClosed):
        silent.recv(timeout=8)  # no hello within 5 s
    phone = Phone(server.port, "4321").join()
    server.new_class("5555", "second")
    with pytest.raises(ConnectionClosed) as ended:
        phone.next("state")
    assert ended.value.rcvd is not None and ended.value.rcvd.code == 4000
    with pytest.raises(InvalidStatus):
        Phone(server.port, "4321").join()
    assert Phone(server.port, "5555").join().welcome["session"] == "second"


def test_nothing_about_a_phone_is_logged(server: ClassServer, capfd: pytest.CaptureFixture[str],
                                         caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    token = "cd" * 16
    phone = Phone(server.port, "4321", token=token).join()
    phone.send("garbage")
    phone.close()
    with pytest.raises(InvalidStatus):
        Phone(server.port, "0000").join()
    wait_for(lambda: server.session.tally().connected == 0)
    out, err = capfd.readouterr()
    server_side = [r.getMessage() for r in caplog.records if not r.name.startswith("websockets.client")]
    logged = out + err + "\n".join(server_side)
    assert "127.0.0.1" not in logged and token not in logged
