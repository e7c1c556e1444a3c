"""French typography in the story pack: a non-breaking space before ? ! : ; and inside « », and the
player never breaks a line at one (so '?' never starts a line)."""

from __future__ import annotations

import re

from support import ROOT

from barst.loader import load_pack
from barst.textfit import wrap

NB = "\u00a0"


def test_a_line_never_breaks_at_a_non_breaking_space() -> None:
    text = f"Tu viens{NB}? «{NB}Oui{NB}», dit-elle. Aide{NB}: le centre PMS"
    for width in range(12, 40):  # wider than the longest unbreakable group
        for line in wrap(text, width, len):
            assert not line.startswith(("?", ":", "»")) and not line.endswith("«"), (width, line)


def test_every_french_story_text_has_its_non_breaking_spaces() -> None:
    loaded = load_pack(ROOT / "scenarios/barst")
    missing = []
    for text in loaded.texts:
        value = text.values.get("fr", "")
        for m in re.finditer(r"(?<!\u00a0)[?!;»]|(?<![\u00a0\d])(?<!https):(?!//)|«(?!\u00a0)", value):
            if m.group() in "?!" and value[m.start() - 1:m.start()] in "?!":
                continue  # '?!' counts once
            missing.append(f"{text.key}: …{value[max(0, m.start() - 20):m.end()]}")
    assert missing == []
