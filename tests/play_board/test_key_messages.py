"""The board game's end screen ("to remember") names the services of the edition being played: a
professional in Liège must not be sent to Flemish services, and every number comes from the help-line
data (assets/helplines.yaml), not from the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import PACKS, ROOT

from barst.editions import for_play
from barst.helplines import load_helplines
from barst.keymessages import key_message_lines
from barst.loader import load_pack
from barst.play.board.app import BoardApp, shot_session
from barst.play.settings import Settings, SettingsStore

SHIPPED = load_pack(ROOT / "scenarios" / "achter-de-voordeur").pack
assert SHIPPED is not None
FLEMISH_ONLY = ("1712", "CAW", "Vertrouwenscentrum", "Veilig Huis")


def lines_of(edition: str, lang: str) -> list[str]:
    assert SHIPPED is not None
    return key_message_lines(for_play(SHIPPED, lang, edition), lang, load_helplines())


def test_the_fwb_edition_names_french_speaking_services_and_no_flemish_one() -> None:
    text = "\n".join(lines_of("wallonie-bruxelles", "fr"))
    for flemish in FLEMISH_ONLY:
        assert flemish not in text
    for service in ("SOS Enfants", "centre PMS", "CPAS", "Écoute Violences Conjugales", "SOS Viol"):
        assert service in text


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_flemish_edition_names_flemish_services_in_each_of_its_languages(lang: str) -> None:
    text = "\n".join(lines_of("vlaanderen", lang))
    for service in FLEMISH_ONLY:
        assert service in text
    assert "SOS Enfants" not in text


@pytest.mark.parametrize("edition, lang", [("vlaanderen", "nl"), ("vlaanderen", "fr"), ("wallonie-bruxelles", "fr")])
def test_numbers_come_from_the_help_line_data(edition: str, lang: str) -> None:
    lines = load_helplines()
    shown = lines_of(edition, lang)
    police, emergency = lines.by_id("police"), lines.by_id("emergency")
    assert police is not None and emergency is not None
    assert any(line.startswith(f"{police.number} · {emergency.number} — ") for line in shown)
    if edition == "wallonie-bruxelles":
        ecoute = lines.by_id("ecoute-violences-conjugales")
        assert ecoute is not None and any(line.startswith(f"{ecoute.number} — ") for line in shown)


def test_a_pack_without_key_messages_lists_the_help_lines_of_its_region() -> None:
    pack = load_pack(PACKS / "mini-board").pack
    assert pack is not None and not pack.key_messages
    shown = key_message_lines(pack, "nl", load_helplines())
    expected = load_helplines().for_exit(pack.region, "nl")
    assert shown and len(shown) == len(expected)
    assert all(line.startswith(f"{help_line.number} — ") for line, help_line in zip(shown, expected, strict=True))


def drawn_final_texts(edition: str, lang: str, size: tuple[int, int], scratch: Path) -> str:
    """Every text the end screen draws, from a real frame of the projector shell."""
    assert SHIPPED is not None
    session = shot_session(for_play(SHIPPED, lang, edition), lang, teams=6)
    app = BoardApp(size=size, transitions=False, settings=SettingsStore(scratch), session=session, options=Settings())
    session.command("focus:start")
    session.command("panel")
    session.command("item:end")
    app.texts.surfaces.clear()
    app.after_input()
    app.settle()
    assert session.screen == "final"
    return " ".join(key[0] for key in app.texts.surfaces)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_fwb_end_screen_draws_sos_enfants_and_not_1712(pygame_ready: None, tmp_path: Path,
                                                            size: tuple[int, int]) -> None:
    drawn = drawn_final_texts("wallonie-bruxelles", "fr", size, tmp_path)
    assert "Enfants" in drawn and "Écoute Violences Conjugales" in drawn
    assert "1712" not in drawn and "CAW" not in drawn and "Vertrouwenscentrum" not in drawn


def test_the_checker_measures_the_box_the_end_screen_draws_in(pygame_ready: None, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """B070's key-message box (barst.play.textboxes) is the one draw_final passes to text_stack."""
    from barst.play import textboxes as tb
    from barst.play.board import end_view

    boxes: list[tuple[float, float]] = []
    real = end_view.text_stack

    def recording(f: object, sections: list[tuple[str, str, float]], x: float, y: float, w: float, h: float) -> None:
        boxes.append((w, h))
        real(f, sections, x, y, w, h)  # type: ignore[arg-type]

    monkeypatch.setattr(end_view, "text_stack", recording)
    drawn_final_texts("wallonie-bruxelles", "fr", (1280, 720), tmp_path)
    assert boxes and boxes[-1] == pytest.approx(tb.key_messages_area())
