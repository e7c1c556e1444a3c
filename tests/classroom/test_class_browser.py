"""The phone page in a real browser: Debian's Chromium driven by Playwright, 30 phone-sized contexts
joining one class on 127.0.0.1, as a class uses it (late joins, changed votes, a reload mid-vote, the
emergency exit), and the projector's tally read back from the headless app."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from phones import wait_for

from barst.classroom.projector import ClassApp
from barst.classroom.screens import VoteSceneScreen
from barst.play.input import Cmd, Input
from barst.play.screens.menu import MenuScreen

CHROMIUM = os.environ.get("BARST_CHROMIUM", "/usr/bin/chromium")
# Flags for a closed network: without them Chromium keeps trying to reach Google's hosts.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English"}

if not Path(CHROMIUM).exists():
    if os.environ.get("BARST_REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)")
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)


@pytest.fixture
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Screenshots go to tmp_path, and to $BARST_SHOTS when set (to look at them)."""
    return Path(os.environ.get("BARST_SHOTS", tmp_path))


def open_vote(app: ClassApp) -> VoteSceneScreen:
    app.feed(Input(Cmd.CONFIRM))
    for _ in range(8):
        if isinstance(app.top, MenuScreen):
            break
        app.feed(Input(Cmd.CONFIRM))
    app.start_situation(app.pack.situations[0].id)
    app.settle()
    assert isinstance(app.top, VoteSceneScreen)
    return app.top


def tally_is(app: ClassApp, counts: dict[int, int]) -> bool:
    app.pump()
    return app.tally is not None and app.tally.counts == counts


def test_thirty_phones_join_vote_reload_and_exit(class_app: Any, browser: Any, shots: Path) -> None:
    app: ClassApp = class_app()
    url = f"http://127.0.0.1:{app.port}/?pin={app.pin}"
    screen = open_vote(app)
    choices = len(screen.event.choices)
    langs = ["nl", "fr", "en"]
    pages = []
    expected = dict.fromkeys(range(1, choices + 1), 0)
    for i in range(30):
        context = browser.new_context(**PHONE)
        page = context.new_page()
        page.goto(url)
        lang = langs[i % 3]
        page.get_by_role("button", name=NAMES[lang]).click()
        page.locator("#choices button").first.wait_for()
        if i == 0:
            page.screenshot(path=str(shots / "phone-vote-nl.png"))
        pages.append((page, lang))
    for i, (page, _) in enumerate(pages):
        first = i % choices + 1
        page.locator("#choices button").nth(first - 1).click()
        final = first
        if i % 5 == 0:  # a pupil changes their mind
            final = (first % choices) + 1
            page.locator("#choices button").nth(final - 1).click()
        page.locator("#choices button.chosen .badge", has_text=str(final)).wait_for()
        expected[final] += 1
    wait_for(lambda: tally_is(app, expected), timeout=10)
    pages[1][0].screenshot(path=str(shots / "phone-voted-fr.png"))

    # a phone reloads mid-vote: it comes back on the same question with its vote kept
    reloaded, _ = pages[7]
    kept = reloaded.locator("#choices button.chosen .badge").inner_text()
    reloaded.reload()
    reloaded.locator("#choices button.chosen .badge", has_text=kept).wait_for()
    assert app.tally is not None and app.tally.voters == 30

    # the emergency exit: help lines as tap-to-call links, on that phone only
    leaving, lang = pages[2]
    leaving.get_by_role("button", name="Emergency exit").click()
    links = leaving.locator("#lines a.call")
    links.first.wait_for()
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    assert hrefs and all(h.startswith(("tel:", "https:")) for h in hrefs) and any(h.startswith("tel:") for h in hrefs)
    assert leaving.locator("#vote-view").is_hidden()
    leaving.screenshot(path=str(shots / "phone-exit-en.png"))
    wait_for(lambda: app.server is not None and app.server.session.exits == 1)
    assert tally_is(app, expected)  # the projector's figures do not move

    # the vote closes: every phone sees what the class chose
    winner = max(expected, key=lambda n: (expected[n], -n))
    leaders = [n for n, c in expected.items() if c == expected[winner]]
    app.feed(Input(Cmd.CONFIRM))
    if len(leaders) > 1:
        app.feed(Input(Cmd.CONFIRM))  # draw by lot
    page, _ = pages[0]
    page.locator("#vote-note", has_text=":").wait_for()
    page.screenshot(path=str(shots / "phone-result-nl.png"))
    assert "de klas koos" in page.locator("#vote-note").inner_text().lower()


def test_a_typed_pin_joins_and_a_wrong_one_is_said(class_app: Any, browser: Any, shots: Path) -> None:
    app: ClassApp = class_app()
    page = browser.new_context(**PHONE, locale="fr-BE").new_page()
    page.goto(f"http://127.0.0.1:{app.port}/")
    page.locator("#pin").fill("0000" if app.pin != "0000" else "1111")
    page.locator("#pin-go").click()
    page.locator("#pin-error").wait_for()
    assert "PIN" in page.locator("#pin-error").inner_text()
    page.screenshot(path=str(shots / "phone-pin-fr.png"))
    page.locator("#pin").fill(app.pin)
    page.locator("#pin-go").click()
    page.get_by_role("button", name="Français").click()
    page.locator("#wait-title").wait_for()
    page.screenshot(path=str(shots / "phone-wait-fr.png"))
    wait_for(lambda: (app.pump(), app.tally is not None and app.tally.connected == 1)[1])


def test_the_page_loads_nothing_from_elsewhere(class_app: Any, browser: Any) -> None:
    app: ClassApp = class_app()
    page = browser.new_context(**PHONE).new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"http://127.0.0.1:{app.port}/?pin={app.pin}")
    page.get_by_role("button", name="Nederlands").click()
    page.locator("#wait-title").wait_for()
    origin = f"127.0.0.1:{app.port}"
    assert requests and all(origin in url for url in requests), requests
