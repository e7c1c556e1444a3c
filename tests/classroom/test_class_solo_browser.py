"""Every pupil on their own phone, in a real browser: 25 phone contexts play a situation to an ending in
their own language; one reloads mid-situation, one takes the exit; the debrief and the feedback chart
equal what they did; the laptop app is stopped and restarted, and every phone comes back to its scene."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from phones import wait_for
from test_class_browser import CHROMIUM, FLAGS, NAMES, PHONE

from barst.classroom.live import LiveScreen, ResumeScreen
from barst.classroom.projector import ClassApp
from barst.play.input import Cmd, Input

if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)

SITUATIONS = ("fight-at-home", "phone-check", "grandma")
TABLET = {"viewport": {"width": 800, "height": 1180}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.fixture
def browser() -> Any:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield launched
        launched.close()


def kind(page: Any) -> str:
    return str(page.locator("#play-view").get_attribute("data-kind") or "")


def tap(page: Any, locator: Any) -> None:
    """Tap and wait for the screen to change (a new message, or the next step of the last one)."""
    before = page.locator("#play-view").get_attribute("data-seq")
    locator.click()
    page.wait_for_function("(before) => document.querySelector('#play-view').dataset.seq !== before", arg=before)


def join(page: Any, url: str, lang: str) -> None:
    page.goto(url)
    page.get_by_role("button", name=NAMES[lang]).click()
    page.locator("#play-view[data-kind='rules']").wait_for()
    page.locator("#play-view .big.primary").click()
    page.locator("#play-view[data-kind='menu']").wait_for()


def play_turn(page: Any, choice: int) -> str:
    """One step on the phone; returns the kind of screen it was on."""
    current = kind(page)
    if current == "scene":
        buttons = page.locator("#play-view .stack .big:has(.badge)")
        if buttons.count():
            tap(page, buttons.nth((choice - 1) % buttons.count()))
            return current
    tap(page, page.locator("#play-view > .big.primary, #play-view .stack .big.primary").last)
    return current


def test_a_class_plays_on_its_phones_and_talks_about_its_own_choices(class_app: Any, browser: Any,
                                                                   tmp_path: Path) -> None:
    shots = Path(os.environ.get("BARST_SHOTS", tmp_path))
    app: ClassApp = class_app(mode="solo", situations=SITUATIONS, port=0)
    app.feed(Input(Cmd.CONFIRM))
    app.top.start()  # the plan screen: the situations given on the command line
    url = f"http://127.0.0.1:{app.port}/?pin={app.pin}"
    langs = ["nl", "fr", "en"]
    pages: list[tuple[Any, str]] = []
    endings: Counter[tuple[str, str]] = Counter()
    for i in range(25):
        lang = langs[i % 3]
        context = browser.new_context(**(TABLET if i == 3 else PHONE))
        page = context.new_page()
        join(page, url, lang)
        situation = SITUATIONS[i % 3]
        card = page.locator("#play-view .card").nth(i % 3)
        if i < 3:
            page.screenshot(path=str(shots / f"solo-menu-{lang}.png"), full_page=True)
        tap(page, card.locator(".big.primary"))
        for turn in range(60):
            if kind(page) == "ending":
                break
            if i < 2 and turn == 1:
                page.screenshot(path=str(shots / f"solo-{kind(page)}-{lang}.png"), full_page=True)
            play_turn(page, 1 + (i + turn) % 3)
        assert kind(page) == "ending", f"phone {i} did not reach an ending"
        if i < 3:
            page.screenshot(path=str(shots / f"solo-ending-{lang}.png"), full_page=True)
        if i == 3:
            page.screenshot(path=str(shots / "solo-ending-tablet.png"), full_page=True)
        pages.append((page, lang))
        endings[(situation, page.locator(".score-number").inner_text())] += 1

    def settled() -> bool:
        app.pump()
        return app.tally is not None and sum(app.tally.plays.values()) == 25 and app.tally.connected == 25

    wait_for(settled, timeout=10)
    figures = app.figures()
    assert {s: sum(c.values()) for s, c in figures["endings"].items()} == {s: 9 if s == SITUATIONS[0] else 8
                                                                          for s in SITUATIONS}

    # a phone reloads mid-situation: same scene, same meters
    page, _ = pages[4]
    tap(page, page.locator("#play-view > .big.primary").last)  # from the ending back to the menu...
    while kind(page) != "menu":
        tap(page, page.locator("#play-view > .big.primary").last)
    tap(page, page.locator("#play-view .card").nth(0).locator(".big.primary"))
    play_turn(page, 1)
    while kind(page) != "scene":
        play_turn(page, 1)
    text = page.locator("#play-view .story").inner_text()
    meters = page.locator("#play-view .meter-number").all_inner_texts()
    page.reload()
    page.locator("#play-view[data-kind='scene']").wait_for()
    assert page.locator("#play-view .story").inner_text() == text
    assert page.locator("#play-view .meter-number").all_inner_texts() == meters

    # a phone takes the emergency exit: tap-to-call links, and nothing on the projector
    leaving, _ = pages[5]
    leaving.locator("#exit").click()
    assert leaving.locator("#lines a.call[href^='tel:']").count() >= 1
    leaving.screenshot(path=str(shots / "solo-exit-fr.png"))

    # the feedback form: the chart equals what the phones answered
    app.open_feedback()
    answered: Counter[int] = Counter()
    assert leaving.locator("#exit-view").is_visible()  # the exit stays open until that pupil goes back
    for i, (page, _) in enumerate(pages[6:16]):
        page.locator("#play-view[data-kind='feedback']").wait_for()
        liked = 1 + i % 5
        page.locator("fieldset.scale").nth(0).locator(".big").nth(liked - 1).click()
        page.locator("fieldset.scale.two .big").nth(i % 2).click()
        if i == 0:
            page.screenshot(path=str(shots / "solo-feedback-nl.png"), full_page=True)
        page.locator("#play-view > .big.primary").click()
        page.locator("#wait-view").wait_for()
        answered[liked] += 1
    wait_for(lambda: (app.pump(), app.tally is not None and app.tally.feedback == 10)[1])
    figures = app.figures()
    assert {int(k): v for k, v in figures["feedback"]["liked"].items()} == dict(answered)
    assert figures["call"] == {"yes": 5, "no": 5}
    app.close_feedback()

    # the laptop app is stopped and started again: every phone comes back to its own screen
    watched = pages[6][0]
    watched.locator("#play-view[data-kind='ending']").wait_for()  # back from the form: its last score first
    tap(watched, watched.locator("#play-view > .big.primary").last)
    assert kind(watched) == "menu"
    app.save_now()
    assert app.server is not None
    port = app.port
    app.server.stop()
    app.server = None
    again: ClassApp = class_app(mode="solo", situations=SITUATIONS, port=port)
    assert isinstance(again.top, ResumeScreen) and again.port == port
    again.feed(Input(Cmd.CONFIRM))
    assert isinstance(again.top, LiveScreen)

    def everyone_back() -> bool:
        again.pump()
        return again.tally is not None and again.tally.connected >= 24

    wait_for(everyone_back, timeout=20)
    watched.locator("#play-view[data-kind='ending']").wait_for()  # resumed on the screen it was on
    tap(watched, watched.locator("#play-view > .big.primary").last)
    tap(watched, watched.locator("#play-view .card").nth(1).locator(".big.primary"))
    assert kind(watched) == "scene"
    assert again.figures()["plays"][SITUATIONS[1]] == 9
