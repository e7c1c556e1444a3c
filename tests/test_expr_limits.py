"""Issue 18, causes 4 and 7: the expression grammar has limits that give a diagnostic (never a
RecursionError or int()'s 4,300-digit ValueError), reads in linear time, and takes only ASCII digits."""

from __future__ import annotations

import pytest

from barst.expr import MAX_CHARS, MAX_DEPTH, ExprError, parse_condition, parse_effect

HOSTILE = {
    "4,301 digits": "trust >= " + "9" * 4301,
    "ten digits": "trust >= 1234567890",
    "200 parentheses": "(" * 200 + "trust" + ")" * 200,
    "deeper than the limit": "(" * (MAX_DEPTH + 1) + "trust" + ")" * (MAX_DEPTH + 1),
    "2,000 nots": "not " * 2000 + "told",
    "nots past the limit": "not " * (MAX_DEPTH + 1) + "told",
    "1,000 ands": " and ".join(["told"] * 1000),
    "3.9 MB": "trust >= 1 and " * 280_000 + "told",
    "Arabic-Indic digit": "trust >= ٣",
    "fullwidth digit": "trust >= ３",
    "superscript two": "trust >= ²",
    "no-break space": "trust\u00a0>= 3",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_conditions_give_an_expression_error(text: str) -> None:
    with pytest.raises(ExprError) as raised:
        parse_condition(text)
    assert raised.value.message and 0 <= raised.value.column <= max(len(text), MAX_CHARS)


@pytest.mark.parametrize("text", ["trust += ٣", "trust = " + "1" * 5000, "trust -= ²"])
def test_hostile_effects_give_an_expression_error(text: str) -> None:
    with pytest.raises(ExprError):
        parse_effect(text)


def test_conditions_within_the_limits_still_parse_and_evaluate() -> None:
    deep = parse_condition("(" * MAX_DEPTH + "trust >= 3" + ")" * MAX_DEPTH)
    assert deep.evaluate({"trust": 3}) and not deep.evaluate({"trust": 2})
    chain = parse_condition(" and ".join(["told"] * 100))
    assert chain.evaluate({"told": 1}) and chain.variables() == {"told"}
    nots = parse_condition("not " * MAX_DEPTH + "told")
    assert nots.evaluate({"told": 1}) is (MAX_DEPTH % 2 == 0)
    assert parse_condition("trust >= 123456789   ").evaluate({"trust": 123456789})
    assert parse_effect("  safety -= 2 ").apply(5) == 3
