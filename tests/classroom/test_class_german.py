"""The class session in German: the projector's and the phones' words, the words a German phone shows
before the laptop has sent its own, a language switch a German speaker finds, and the German plan."""

from __future__ import annotations

import re
from pathlib import Path

from barst.play.i18n import load_strings
from barst.sessionplan import plan

PAGE = Path(__file__).resolve().parents[2] / "barst" / "classroom" / "page"


def test_every_class_and_phone_word_exists_in_german() -> None:
    for prefix in ("class-", "phone-"):
        english, german = load_strings("en", prefix), load_strings("de", prefix)
        assert english and set(german) == set(english), prefix
        assert all(german[key] for key in german), prefix


def boot_words() -> dict[str, set[str]]:
    """The page's BOOT table: per language, the keys it has before the laptop sends the phone's words."""
    script = (PAGE / "app.js").read_text(encoding="utf-8")
    block = script[script.index("const BOOT = {"):script.index("};", script.index("const BOOT = {"))]
    found: dict[str, set[str]] = {}
    for lang, body in re.findall(r"\n\s+(\w\w): \{(.*?)\}", block, re.S):
        found[lang] = set(re.findall(r"(\w+): \"", body))
    return found


def test_a_german_phone_has_german_words_before_the_laptop_answers() -> None:
    # The page guesses the phone's language; without `de` here a German phone got Dutch, the emergency exit too.
    words = boot_words()
    assert set(words) == {"nl", "fr", "en", "de"}
    assert words["de"] == words["nl"]
    assert '"Notausgang"' in (PAGE / "app.js").read_text(encoding="utf-8")


def test_a_german_speaker_finds_the_language_switch_on_every_phone() -> None:
    page = (PAGE / "index.html").read_text(encoding="utf-8")
    title = re.search(r'<h1 id="lang-title">(.*?)</h1>', page)
    assert title is not None and "Sprache" in title.group(1)
    for lang in ("nl", "fr", "en", "de"):
        assert "Sprache" in load_strings(lang, "phone-")["lang_switch"], lang


def test_the_german_class_follows_the_german_plan_without_the_board_game() -> None:
    german = plan(100, "de")
    assert sum(minutes for _, minutes in german) == 100
    assert all("de" in title for title, _ in german)
    assert not any("Bordspel" in title.values() for title, _ in german)
    dutch = plan(100, "nl")
    assert any(title.get("nl") == "Bordspel" for title, _ in dutch)
    assert plan(50, "de")[0][0]["de"] == "Beginn"  # the 50-minute plan serves every language
