"""The class session's projector screens: typed against `ClassHost`, never importing their caller, and
every situation of a pack readable on the plan and live screens at every projector size and text size."""

from __future__ import annotations

import ast
import shutil
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from support import ROOT, TESTS

from barst.play.input import Cmd, Input
from barst.play.layout import Layout

if str(TESTS / "play") not in sys.path:
    sys.path.insert(0, str(TESTS / "play"))  # the recorder of drawn texts lives beside the player's tests
from drawn_texts import Recorder, recording

SCREEN_MODULES = [ROOT / "barst" / "classroom" / name for name in ("live.py", "debrief.py", "screens.py")]


def imported(module: Path) -> set[str]:
    """Every module a file imports, at the top, inside functions and under TYPE_CHECKING alike."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_class_screen_module_imports_its_caller() -> None:
    for module in SCREEN_MODULES:
        found = imported(module)
        assert "barst.classroom.host" in found, module.name
        assert not found & {"barst.classroom.projector", "barst.play.app", "barst.play.shell"}, module.name


# --- every situation readable on the projector -------------------------------------------------------

SIZES = [(1024, 768), (1280, 720), (1920, 1080)]
STEPS = ("normal", "large")
TITLES = ["Het feestje", "Niet naar huis", "Zijn berichten", "De sleutel kwijt", "Waar was je gisteren?",
          "Een foto van jou", "Oma belt niet meer", "Stil aan tafel", "Mijn broer en zijn vriendin",
          "Na de les", "Geen geld voor de bus", "Twee keer nee", "Het wachtwoord", "Alleen thuis",
          "Zijn moeder", "De groepschat", "Een cadeau met voorwaarden", "Niet boos, wel bang",
          "Elke avond om acht", "Zij kiest je kleren", "Achter de deur", "Vrijdagavond",
          "Een vriend die zwijgt", "De laatste bus", "Nog één bericht", "Met wie praat je?"]


def big_pack(tmp_path: Path, count: int) -> Path:
    """The mini story pack with `count` situations, each a copy of its one situation under its own id and
    title (titles as long as the shipped ones, up to "Mijn broer en zijn vriendin")."""
    from support import PACKS

    folder = tmp_path / f"pack-{count}"
    shutil.copytree(PACKS / "mini-story", folder)
    situations = folder / "situations"
    source = (situations / "party.yaml").read_text(encoding="utf-8")
    (situations / "party.yaml").unlink()
    assert source.count("id: party\n") == 1 and source.count("title: {nl: Het feestje, fr: La fête}") == 1
    for i in range(count):
        title = TITLES[i % len(TITLES)] + (f" {i // len(TITLES) + 1}" if i >= len(TITLES) else "")
        text = source.replace("id: party\n", f"id: s{i + 1:02d}\n").replace(
            "title: {nl: Het feestje, fr: La fête}", f'title: {{nl: "{title}", fr: "{title} (fr)"}}')
        (situations / f"s{i + 1:02d}.yaml").write_text(text, encoding="utf-8")
    return folder


def drawn_titles(app: Any, show: Callable[[], None], turn: Callable[[], None]) -> Recorder:
    """Record every text the screen `show` puts up draws, at both text sizes, on each of its pages
    (`turn` goes to the next one; as many turns as situations, so every page is seen)."""
    from barst.classroom.session import Tally

    ids = [s.id for s in app.pack.situations]
    recorder = Recorder()
    with recording(recorder):
        for step in STEPS:
            # a busy class in its feedback round: the longest figures each cell shows
            app.tally = Tally(None, "feedback", {}, 0, 25, 25, playing=dict.fromkeys(ids, 25),
                              plays=dict.fromkeys(ids, 188), replays=dict.fromkeys(ids, 140),
                              found=dict.fromkeys(ids, 14), feedback=25)
            recorder.step = step
            app.layout = Layout(app.layout.width, app.layout.height, step)
            show()
            app.settle()
            for _ in range(len(app.pack.situations)):
                turn()
                app.settle()
    return recorder


def assert_every_title_whole(app: Any, recorder: Recorder, where: str) -> None:
    """Each situation's title is drawn (alone, or after the plan's "✓ 1." mark), and nothing is cut."""
    cut = [(text, step) for (text, step), draws in recorder.seen.items() if any(s.cut for s in draws)]
    assert not cut, f"{where}: cut {cut}"
    for situation in app.pack.situations:
        title = app.tx(situation.title)
        for step in STEPS:
            seen = [s for (text, at), draws in recorder.seen.items() if at == step
                    and (text == title or text.endswith("  " + title)) for s in draws]
            assert seen, f"{where}: {title!r} is not drawn at the {step} text size"


def live(app: Any) -> Any:
    from barst.classroom.live import LiveScreen

    screen = LiveScreen(app)
    app.set_stack([screen])
    return screen


def plan(app: Any) -> Any:
    from barst.classroom.live import PlanScreen

    screen = PlanScreen(app)
    app.set_stack([screen])
    return screen


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "fr", "de"])
def test_the_shipped_packs_situations_are_all_whole_on_the_plan_and_live_screens(
        class_app: Callable[..., Any], lang: str, size: tuple[int, int]) -> None:
    app = class_app(lang=lang, size=size, mode="solo")
    assert len(app.pack.situations) >= 10
    assert_live_and_plan_whole(app, f"{lang} {size}")


@pytest.mark.parametrize("count", [12, 26])
@pytest.mark.parametrize("size", SIZES)
def test_a_bigger_pack_is_whole_page_by_page(class_app: Callable[..., Any], tmp_path: Path, count: int,
                                             size: tuple[int, int]) -> None:
    app = class_app(big_pack(tmp_path, count), lang="nl", size=size, mode="solo")
    assert len(app.pack.situations) == count
    assert_live_and_plan_whole(app, f"{count} {size}")


def assert_live_and_plan_whole(app: Any, where: str) -> None:
    """Every situation's title is whole on every page of the live view and of the plan."""
    next_page = partial(app.feed, Input(Cmd.NEXT))
    assert_every_title_whole(app, drawn_titles(app, partial(live, app), next_page), f"live {where}")
    screens: list[Any] = []
    recorder = drawn_titles(app, lambda: screens.append(plan(app)), lambda: screens[-1].next_page())
    assert_every_title_whole(app, recorder, f"plan {where}")
    assert not app.errors


def drawn(app: Any) -> list[str]:
    """The texts of the frame just drawn (recorded while drawing it again)."""
    recorder = Recorder()
    with recording(recorder):
        app.dirty = True
        app.settle()
    return [text for text, _ in recorder.seen]


def test_the_live_view_says_which_situations_it_shows_and_the_clicker_pages_them(
        class_app: Callable[..., Any], tmp_path: Path) -> None:
    app = class_app(big_pack(tmp_path, 12), lang="nl", mode="solo")
    live(app)
    app.settle()
    first = drawn(app)
    assert "Situaties 1–6 van 12 · PageDown: verder" in first and "Stil aan tafel" not in first
    app.feed(Input(Cmd.NEXT))
    second = drawn(app)
    assert "Situaties 7–12 van 12 · PageDown: verder" in second
    assert "Stil aan tafel" in second and "Het feestje" not in second
    app.feed(Input(Cmd.NEXT))  # round again to the first page
    assert "Situaties 1–6 van 12 · PageDown: verder" in drawn(app)
    app.feed(Input(Cmd.PREV))
    assert "Situaties 7–12 van 12 · PageDown: verder" in drawn(app)


def test_the_live_view_of_ten_situations_needs_no_pages(class_app: Callable[..., Any]) -> None:
    app = class_app(lang="fr", mode="solo")
    live(app)
    app.settle()
    texts = drawn(app)
    assert not [text for text in texts if text.startswith("Situations ")]
    assert all(app.tx(s.title) in texts for s in app.pack.situations)


def test_a_clicker_alone_pages_the_plan_of_a_big_pack(class_app: Callable[..., Any], tmp_path: Path) -> None:
    app = class_app(big_pack(tmp_path, 26), lang="nl", mode="solo")
    screen = plan(app)
    app.settle()
    assert "1–14 van 26: verder" in drawn(app)
    for _ in range(14 + 1):  # the clicker's focus: from the first situation past the rest and the plan's length
        app.feed(Input(Cmd.NEXT))
    app.feed(Input(Cmd.CONFIRM))
    assert screen.page == 1 and "15–26 van 26: verder" in drawn(app)
    app.feed(Input(Cmd.CONFIRM))  # the focus stayed on the page button: back to the first page
    assert screen.page == 0
    app.feed(Input(Cmd.CONFIRM))
    chosen = list(screen.chosen)
    app.feed(Input(Cmd.CHOOSE, 1))  # the number keys switch the situations of the page shown
    assert "s15" in chosen and screen.chosen == [s for s in chosen if s != "s15"]
    app.feed(Input(Cmd.CHOOSE, 1))
    assert screen.chosen == [*[s for s in chosen if s != "s15"], "s15"]  # switched on again: last on the phones
