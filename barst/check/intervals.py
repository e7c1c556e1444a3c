"""Value ranges for the range check (B026): what a choice's condition says about the variables.

A choice offered only when `trust >= 6` is taken with trust in 6..max, so its effects start from there.
Narrowing only removes values for which the condition is false: the analysis stays an over-approximation
(it never misses a real overflow), with fewer false warnings.
"""

from __future__ import annotations

from typing import cast, overload

from barst.expr import Ast

Ranges = dict[str, tuple[int, int]]

_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
_NEGATE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}


def narrow(tree: Ast, ranges: Ranges) -> Ranges | None:
    """The ranges on which the condition can hold, or None when it cannot hold on them at all."""
    kind = tree[0]
    if kind == "and":
        first = narrow(_part(tree, 1), ranges)
        return None if first is None else narrow(_part(tree, 2), first)
    if kind == "or":
        return join(narrow(_part(tree, 1), ranges), narrow(_part(tree, 2), ranges))
    if kind == "not":
        return narrow(_negate(_part(tree, 1)), ranges)
    if kind == "num":
        return ranges if tree[1] != 0 else None
    if kind == "var":
        return _compare(ranges, str(tree[1]), "!=", 0)
    if kind == "cmp":
        op, left, right = str(tree[1]), _part(tree, 2), _part(tree, 3)
        if left[0] == "var" and right[0] == "num":
            return _compare(ranges, str(left[1]), op, cast(int, right[1]))
        if left[0] == "num" and right[0] == "var":
            return _compare(ranges, str(right[1]), _FLIP[op], cast(int, left[1]))
    return ranges  # visited(), or comparing two variables: nothing known


@overload
def join(a: Ranges | None, b: Ranges) -> Ranges: ...
@overload
def join(a: Ranges | None, b: Ranges | None) -> Ranges | None: ...


def join(a: Ranges | None, b: Ranges | None) -> Ranges | None:
    """Values possible on either side (None: a side that cannot happen)."""
    if a is None or b is None:
        return b if a is None else a
    return {k: (min(a[k][0], b[k][0]), max(a[k][1], b[k][1])) if k in a else b[k] for k in b}


def _part(tree: Ast, index: int) -> Ast:
    return cast(Ast, tree[index])


def _negate(tree: Ast) -> Ast:
    kind = tree[0]
    if kind == "not":
        return _part(tree, 1)
    if kind == "and":
        return ("or", ("not", tree[1]), ("not", tree[2]))
    if kind == "or":
        return ("and", ("not", tree[1]), ("not", tree[2]))
    if kind == "cmp":
        return ("cmp", _NEGATE[str(tree[1])], tree[2], tree[3])
    if kind == "var":
        return ("cmp", "==", tree, ("num", 0))
    if kind == "num":
        return ("num", 0 if tree[1] != 0 else 1)
    return ("num", 1)  # not visited(…): unknown, so it may hold


def _compare(ranges: Ranges, name: str, op: str, value: int) -> Ranges | None:
    if name not in ranges:
        return ranges
    low, high = ranges[name]
    if op == "==":
        low, high = max(low, value), min(high, value)
    elif op == "<":
        high = min(high, value - 1)
    elif op == "<=":
        high = min(high, value)
    elif op == ">":
        low = max(low, value + 1)
    elif op == ">=":
        low = max(low, value)
    elif op == "!=":
        if low == high == value:
            return None
        low, high = (low + 1 if low == value else low), (high - 1 if high == value else high)
    if low > high:
        return None
    return {**ranges, name: (low, high)}
