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


def _widths(text: str) -> float:
    """A measure with uneven letters, as a real font has."""
    return sum(3.0 if c in "mW—" else 1.0 if c in "i.,!" else 2.0 for c in text)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=2, max_value=60),
       st.sampled_from(["exact", "narrow", "wide", "nothing", "everything"]))
def test_a_guessed_line_end_never_changes_the_lines(text: str, width: int, kind: str) -> None:
    from barst.textfit import wrap

    guesses = {"exact": _widths, "narrow": lambda s: 0.7 * _widths(s), "wide": lambda s: 1.4 * _widths(s),
               "nothing": lambda s: 0.0, "everything": lambda s: 1e9}
    assert wrap(text, width, _widths, guess=guesses[kind]) == wrap(text, width, _widths)


def test_a_good_guess_measures_about_twice_a_line() -> None:
    from barst.textfit import wrap

    measured: list[str] = []

    def measure(text: str) -> float:
        measured.append(text)
        return _widths(text)

    text = " ".join(["Wie", "luistert", "als", "het", "thuis", "niet", "veilig", "is?"] * 12)
    unguided = len(wrap(text, 50, measure))
    unguided_measures, measured[:] = len(measured), []
    lines = len(wrap(text, 50, measure, guess=_widths))
    assert lines == unguided
    assert len(measured) <= 2 * lines + 1 < unguided_measures / 2
