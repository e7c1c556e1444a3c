from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from support import edit

from barst.loader import load_pack
from barst.packhead import resolve_pack


def test_plain_strings_are_in_the_packs_first_language(copy_pack: Callable[[str], Path]) -> None:
    folder = copy_pack("mini-story")
    edit(folder / "situations/party.yaml", "title: {nl: Het feestje, fr: La fête}", "title: Het feestje")
    loaded = load_pack(folder)
    assert loaded.pack is not None and loaded.pack.situations[0].title.values == {"nl": "Het feestje"}


def test_a_translation_file_adds_one_language_by_stable_address(copy_pack: Callable[[str], Path]) -> None:
    folder = copy_pack("mini-story")
    (folder / "translations").mkdir()
    (folder / "translations/en.yaml").write_text(
        "party/start.text: Sam says you can't go.\nparty/start/ask.label: Ask why\n", encoding="utf-8")
    loaded = load_pack(folder)
    assert loaded.pack is not None
    scene = loaded.pack.situations[0].scenes[0]
    assert scene.text.get("en") == "Sam says you can't go." and scene.choices[0].label.get("en") == "Ask why"
    assert scene.text.get("nl") == "Sam zegt dat je niet mag gaan."
    assert scene.text.value_pos["en"].file.endswith("translations/en.yaml")


def test_a_yes_no_word_stays_text_where_text_is_expected(copy_pack: Callable[[str], Path]) -> None:
    folder = copy_pack("mini-story")
    edit(folder / "situations/party.yaml", "label: {nl: Zeg niets, fr: Ne dis rien}",
         "label: {nl: nee, fr: non, en: no}")
    loaded = load_pack(folder)
    assert loaded.pack is not None
    assert loaded.pack.situations[0].scenes[1].choices[1].label.get("en") == "no"


def test_shipped_pack_names_resolve(tmp_path: Path) -> None:
    assert resolve_pack("barst").name == "barst"
    assert resolve_pack("achter-de-voordeur").name == "achter-de-voordeur"


def test_the_emergency_exit_shows_lines_in_the_players_language_first() -> None:
    from barst.helplines import load_helplines

    lines = load_helplines()
    french_in_flanders = [line.id for line in lines.for_exit("flanders", "fr")]
    assert french_in_flanders[:3] == ["ecoute-violences-conjugales", "ecoute-enfants", "tele-accueil"]
    assert french_in_flanders[-2:] == ["police", "emergency"] and "veilig-thuis" not in french_in_flanders
    dutch_in_flanders = [line.id for line in lines.for_exit("flanders", "nl")]
    assert dutch_in_flanders[0] == "1712" and "ecoute-enfants" not in dutch_in_flanders
    english = [line.id for line in lines.for_exit("wallonia", "en")]
    assert "ecoute-enfants" in english and english[-1] == "emergency"


def test_pack_kind_reads_only_the_pack_file(copy_pack: Callable[[str], Path]) -> None:
    from barst.packhead import pack_kind

    folder = copy_pack("mini-board")
    (folder / "cards/tf.yaml").write_text("{ broken", encoding="utf-8")
    assert pack_kind(folder) == "board"
    edit(folder / "pack.yaml", "kind: board", "kind: quiz")
    assert pack_kind(folder) is None
