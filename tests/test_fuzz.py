"""Mutated packs give diagnostics, never exceptions (property-based, with hypothesis)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import PACKS

from barst.check import check_paths
from barst.engine.board import BoardEngine
from barst.engine.story import ChooseRandom, Start, StoryEngine
from barst.loader import load_pack

FILES = {
    "mini-story": ["pack.yaml", "situations/party.yaml"],
    "mini-board": ["pack.yaml", "cards/tf.yaml", "cards/case.yaml"],
}
SNIPPETS = ["", " ", "\t", ":", "- ", "{", "}", "[", "]", "&a ", "*a", "!!python/name:os.system", "\x00", "\ufeff",
            "null", "~", "-1", "9" * 30, "target: nowhere", "id: start", "é", "#", "'", '"', "\n  ", "---\n"]


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, str, list[tuple[str, int, int, str]]]:
    pack = draw(st.sampled_from(sorted(FILES)))
    name = draw(st.sampled_from(FILES[pack]))
    edits = draw(st.lists(st.tuples(st.sampled_from(["insert", "delete", "duplicate", "swap"]),
                                    st.integers(0, 10_000), st.integers(0, 40), st.sampled_from(SNIPPETS)),
                          min_size=1, max_size=4))
    return pack, name, edits


def apply(text: str, edits: list[tuple[str, int, int, str]]) -> str:
    for kind, where, size, snippet in edits:
        at = where % (len(text) + 1)
        if kind == "insert":
            text = text[:at] + snippet + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + size:]
        elif kind == "duplicate":
            text = text[:at] + text[at:at + size] + text[at:]
        else:
            lines = text.split("\n")
            i, j = at % len(lines), (at + size) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation())
def test_mutated_packs_give_only_diagnostics(case: tuple[str, str, list[tuple[str, int, int, str]]]) -> None:
    pack_name, file_name, edits = case
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / pack_name
        shutil.copytree(PACKS / pack_name, folder)
        path = folder / file_name
        path.write_text(apply(path.read_text(encoding="utf-8"), edits), encoding="utf-8")
        result = check_paths([folder])  # must not raise
        for diagnostic in result.report.items:
            assert diagnostic.code.startswith("B") and diagnostic.message
        if not result.report.has_errors():
            # A pack the checker accepts must also play without errors.
            pack = load_pack(folder).pack
            assert pack is not None
            if pack.kind == "story":
                engine = StoryEngine(pack)
                for situation in pack.situations:
                    state, _ = engine.step(engine.new_state(), Start(situation.id))
                    for _ in range(50):
                        state, _ = engine.step(state, ChooseRandom())
            else:
                BoardEngine(pack).new_state()
