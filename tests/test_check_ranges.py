"""The range check (B026) narrows by the choices' conditions without ever missing a real overflow."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from support import edit

from barst.check import check_paths
from barst.check.intervals import narrow
from barst.expr import parse_condition

OPS = ("<", "<=", ">", ">=", "==", "!=")
atoms = st.one_of(
    st.builds(lambda v, op, n: f"{v} {op} {n}", st.sampled_from("ab"), st.sampled_from(OPS), st.integers(-1, 4)),
    st.builds(lambda n, op, v: f"{n} {op} {v}", st.integers(-1, 4), st.sampled_from(OPS), st.sampled_from("ab")),
    st.sampled_from(["a", "b", "true", "false", "visited(x)", "a == b"]),
)
conditions = st.recursive(
    atoms,
    lambda inner: st.one_of(
        st.builds(lambda x: f"not ({x})", inner),
        st.builds(lambda x, y: f"({x}) and ({y})", inner, inner),
        st.builds(lambda x, y: f"({x}) or ({y})", inner, inner),
    ),
    max_leaves=6,
)
ranges = st.tuples(st.integers(-1, 3), st.integers(0, 3)).map(lambda r: (r[0], r[0] + r[1]))


@settings(max_examples=300, deadline=None)
@given(conditions, ranges, ranges)
def test_narrowing_keeps_every_value_for_which_the_condition_holds(text: str, a: tuple[int, int],
                                                                   b: tuple[int, int]) -> None:
    condition = parse_condition(text)
    narrowed = narrow(condition.tree, {"a": a, "b": b})
    for va, vb, seen in itertools.product(range(a[0], a[1] + 1), range(b[0], b[1] + 1), (False, True)):
        if condition.evaluate({"a": va, "b": vb}, lambda _, seen=seen: seen):
            assert narrowed is not None, (text, va, vb)
            assert narrowed["a"][0] <= va <= narrowed["a"][1], (text, va, narrowed)
            assert narrowed["b"][0] <= vb <= narrowed["b"][1], (text, vb, narrowed)


def test_narrowing_cuts_what_a_condition_rules_out() -> None:
    assert narrow(parse_condition("a >= 6").tree, {"a": (0, 10)}) == {"a": (6, 10)}
    assert narrow(parse_condition("not (a > 2) and a != 0").tree, {"a": (0, 10)}) == {"a": (1, 2)}
    assert narrow(parse_condition("a < 0 or 9 < a").tree, {"a": (0, 5)}) is None


def _ranges_warnings(copy_pack: Callable[[str], Path], condition: str) -> list[str]:
    folder = copy_pack("mini-story")
    edit(folder / "situations" / "party.yaml", "        condition: trust >= 6\n        target: alone",
         f"        condition: {condition}\n        target: alone\n        effects: [trust += 5]")
    report = check_paths([folder]).report
    assert not report.errors, report.errors
    return [d.message for d in report.items if d.code == "B026"]


def test_a_choice_that_cannot_be_offered_at_that_value_does_not_warn(copy_pack) -> None:  # type: ignore[no-untyped-def]
    # trust is 6 when the talk scene shows; a choice only offered below 6 never adds 5 to it
    assert _ranges_warnings(copy_pack, "trust < 6") == []


def test_a_choice_offered_at_that_value_still_warns(copy_pack) -> None:  # type: ignore[no-untyped-def]
    assert _ranges_warnings(copy_pack, "trust >= 6 or told") != []
