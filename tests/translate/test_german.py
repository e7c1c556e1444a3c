"""barst speaks German, and a language a pack lacks is said once on screen, never a silent fallback."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import PACKS

from barst.cli import main
from barst.kit.words import words
from barst.play.i18n import UI_LANGUAGES, Strings, missing_language_note
from barst.play.widgets import Painter

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every paragraph the player draws."""
    texts: list[str] = []
    original = Painter.para

    def para(self: Painter, text: str, *args: object, **kwargs: object) -> float:
        texts.append(text)
        return original(self, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Painter, "para", para)
    yield texts
    import pygame

    pygame.quit()


def test_german_is_an_interface_language_with_german_words() -> None:
    assert "de" in UI_LANGUAGES
    t = Strings("de", ("", "board-"))
    assert t("exit") == "Notausgang" and t("roll") == "Würfeln" and t("turn_of", team="Rot") == "Am Zug: Rot"
    assert Strings("de", ("runner-",))("why") == "Warum:"
    assert words("de")["back"] == "Rückseite" and words("de")["answer_true"] == "Stimmt"


def test_the_story_player_keeps_german_for_a_pack_without_german_and_says_so_on_the_title(
        tmp_path: Path, drawn: list[str]) -> None:
    from barst.play.app import App
    from barst.play.progress import ProgressStore

    app = App(PACKS / "mini-story", "de", (1280, 720), transitions=False, store=ProgressStore(tmp_path / "data"))
    app.settle()
    assert app.lang == "de" and app.t("start") == "Start" and app.t("exit") == "Notausgang"
    note = "Dieses Paket gibt es nicht in dieser Sprache (Deutsch). Die Texte werden angezeigt in: Nederlands."
    assert note in drawn
    assert app.tx(app.head.title) == "Mini verhaal"  # the pack's own first language, as the note says


def test_a_pack_with_the_language_draws_no_note(tmp_path: Path, drawn: list[str]) -> None:
    from barst.play.app import App
    from barst.play.progress import ProgressStore

    app = App(PACKS / "mini-story", "fr", (1280, 720), transitions=False, store=ProgressStore(tmp_path / "data"))
    app.settle()
    assert not any("Paket" in text or "paquet" in text for text in drawn)


def test_the_board_game_says_on_its_setup_screen_that_the_pack_lacks_german() -> None:
    from barst.loader import load_pack
    from barst.play.board.session import BoardSession

    pack = load_pack(PACKS / "mini-board").pack
    assert pack is not None
    session = BoardSession(pack, "de", save_file=Path(os.devnull), seed=1, autosave_enabled=False)
    assert session.lang == "de" and session.t("roll") == "Würfeln"
    assert "(Deutsch)" in session.missing_language_note()
    assert BoardSession(pack, "nl", save_file=Path(os.devnull), seed=1,
                        autosave_enabled=False).missing_language_note() == ""


def test_the_terminal_runner_says_it_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(PACKS / "mini-story"), "--lang", "de", "--choices", "1,1"]) == 0
    out = capsys.readouterr().out
    assert out.count("Dieses Paket gibt es nicht in dieser Sprache (Deutsch)") == 1
    assert "Punktzahl" in out  # the runner's own words are German
    assert main(["run", str(PACKS / "mini-story"), "--lang", "fr", "--choices", "1,1"]) == 0
    assert "n'existe pas" not in capsys.readouterr().out


def test_the_note_names_the_language_the_texts_appear_in() -> None:
    assert missing_language_note("de", ["nl", "fr"], ["fr", "nl"]).endswith("angezeigt in: Français.")
    assert missing_language_note("fr", ["nl", "fr"], ["nl"]) == ""


def test_play_and_shots_refuse_an_unknown_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["shots", "barst", "-o", "/nonexistent", "--lang", "xx"])
    assert "invalid choice: 'xx'" in capsys.readouterr().err
