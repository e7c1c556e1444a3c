"""Nothing is cut on the screens a class reads first: the content overview's notes (every language, text
size and projector shape) and the board with its legend (down to a 1024x768 beamer). A text that does not
fit its box ends in "…" on screen, so a drawn "…" is a cut."""

from __future__ import annotations

import pytest

from barst import paths
from barst.play.settings import Settings

SIZES = [(1280, 720), (1024, 768), (1920, 1080)]


def cut_texts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [text for text, *_ in app.texts.surfaces if text.endswith("…")]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "fr", "en", "de"])
def test_the_content_overview_shows_every_note_whole(lang: str, size: tuple[int, int]) -> None:
    from barst.play.app import App
    from barst.play.screens.start import OverviewScreen

    for step in ("normal", "large"):
        app = App(paths.scenarios_dir() / "barst", lang, size, transitions=False, options=Settings(text_size=step))
        app.finish_loading()
        overview = OverviewScreen(app)
        app.stack = [overview]
        for page in range(overview.pages):
            overview.page = page
            app.settle()
        assert not cut_texts(app), (lang, size, step)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_board_and_its_legend_are_whole(lang: str, size: tuple[int, int]) -> None:
    from barst.editions import for_play
    from barst.loader import load_pack
    from barst.play.board.app import BoardApp, shot_session

    pack = load_pack(paths.scenarios_dir() / "achter-de-voordeur").pack
    assert pack is not None
    for step in ("normal", "large"):
        session = shot_session(for_play(pack, lang, None), lang, teams=4)
        app = BoardApp(size=size, session=session, transitions=False, options=Settings(text_size=step))
        session.command("focus:start")
        app.after_input()
        app.settle()
        assert app.top.name == "board"
        assert not cut_texts(app), (lang, size, step)
