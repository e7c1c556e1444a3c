"""The checker's quick fit test never says "fits" where the real line breaking would not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from barst.play.metrics import ROLES
from barst.textfit import _surely_fits, fits_on_screen, lines_needed

words = st.text(alphabet="aimWéÉ—.,!?", min_size=1, max_size=14)
paragraphs = st.lists(words, min_size=0, max_size=40).map(" ".join)
texts = st.lists(paragraphs, min_size=1, max_size=4).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(sorted(ROLES)))
def test_the_quick_bound_is_never_wrong(text: str, role: str) -> None:
    if _surely_fits(text, role):
        assert lines_needed(text, role) <= ROLES[role].lines
    assert fits_on_screen(text, role) == (lines_needed(text, role) <= ROLES[role].lines)


def test_the_quick_bound_decides_ordinary_texts() -> None:
    assert _surely_fits("Vraag waarom hij dat zegt, en luister naar het antwoord.", "choice")
    assert not _surely_fits("woord " * 400, "scene")


def test_a_no_break_space_keeps_french_punctuation_on_its_line() -> None:
    from barst.textfit import wrap

    lines = wrap("Vrai ou faux\u202f? «\u00a0Oui\u00a0»", 13, len)
    assert lines == ["Vrai ou", "faux\u202f?", "«\u00a0Oui\u00a0»"]  # never "?" or "»" alone at a line start
