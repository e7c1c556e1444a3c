"""Issue 18, cause 4, without timing: wrapping a pasted link as one long word measures a number of
characters proportional to its length (counted, not timed), and the pieces are exactly the word."""

from __future__ import annotations

import pytest

from barst.textfit import text_width, wrap


class Counting:
    def __init__(self) -> None:
        self.chars = 0

    def __call__(self, text: str) -> float:
        self.chars += len(text)
        return text_width(text, 28)


@pytest.mark.parametrize("text", ["https://www.example.be/" + "a" * 60_000, "a\u200b" * 30_000,
                                  ("x" * 3000 + " ") * 20, "W" * 60_000])
def test_wrapping_measures_a_bounded_multiple_of_the_text(text: str) -> None:
    measure = Counting()
    lines = wrap(text, 800, measure)
    assert all(text_width(line, 28) <= 800 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    # The old one-character-at-a-time split measured ~n²/2 characters here (about 10^9).
    assert measure.chars < 40 * len(text)
